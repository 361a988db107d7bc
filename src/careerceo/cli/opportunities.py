"""``career opportunities``: the pipeline from target to offer, with stage history."""

from __future__ import annotations

from typing import Any

import typer

from careerceo.cli.common import console, context, print_json, print_table, user_errors
from careerceo.errors import CareerError
from careerceo.model.job_search_enums import Stage
from careerceo.model.pipeline import OpportunityOut
from careerceo.services import opportunities as service

opportunities_app = typer.Typer(help="Your job-search pipeline.")

STAGES = ", ".join(s.value for s in Stage)
STAGE_HELP = f"One of: {STAGES}."
REASON_HELP = "When closing: rejected, withdrawn, position filled or no response."


def register(app: typer.Typer) -> None:
    app.add_typer(opportunities_app, name="opportunities")


def _line(o: OpportunityOut, verb: str) -> None:
    at = f" at {o.company}" if o.company else ""
    reason = f" ({o.closed_reason})" if o.closed_reason else ""
    console.print(f"{verb} #{o.id} [bold]{o.title}[/]{at}: {o.stage}{reason}.", highlight=False)


def _given(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


@opportunities_app.command("add")
@user_errors
def add(
    title: str = typer.Option(..., "--title", "-t", help="The job title."),
    company: str = typer.Option("", "--company", "-c", help="The company (linked by name)."),
    stage: str = typer.Option("target", "--stage", help=STAGE_HELP),
    source: str | None = typer.Option(None, "--source", help="referral, cold application, ..."),
    url: str | None = typer.Option(None, "--url"),
    posting_id: str | None = typer.Option(None, "--posting", help="A saved posting's #."),
    next_action: str | None = typer.Option(None, "--next"),
    due: str | None = typer.Option(None, "--due", help="Next action due (YYYY-MM-DD)."),
    posted_pay: str | None = typer.Option(None, "--posted-pay"),
    reason: str | None = typer.Option(None, "--reason", help=REASON_HELP),
    as_json: bool = typer.Option(False, "--json", help='Print {"id": ...} and the rest.'),
) -> None:
    """Add an opportunity; prints its id."""
    o = service.add_opportunity(
        context(),
        _given(
            title=title,
            company=company,
            stage=stage,
            source=source,
            url=url,
            posting_id=posting_id,
            next_action=next_action,
            next_action_due=due,
            posted_pay=posted_pay,
            closed_reason=reason,
        ),
    )
    if as_json:
        print_json(o.model_dump(mode="json"))
    else:
        _line(o, "Added")


@opportunities_app.command("list")
@user_errors
def list_opportunities(
    stage: str | None = typer.Option(None, "--stage", help=STAGE_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for scripts."),
) -> None:
    """List opportunities, most recently changed first."""
    rows = service.list_opportunities(context(), stage=stage)
    if as_json:
        print_json([o.model_dump(mode="json") for o in rows])
        return
    print_table(
        "Opportunities",
        ["#", "title", "company", "stage", "since", "next action", "due"],
        (
            [
                o.id,
                o.title,
                o.company,
                o.stage,
                o.entered_stage_on,
                o.next_action,
                o.next_action_due or "",
            ]
            for o in rows
        ),
        empty="No opportunities yet. Add one: career opportunities add --title 'Data Analyst' "
        "--company Acme",
    )


@opportunities_app.command("show")
@user_errors
def show(
    opportunity_id: int = typer.Argument(..., help="The opportunity's #."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """An opportunity with its stage history, people, pay and offer."""
    o = service.get_opportunity(context(), opportunity_id)
    if as_json:
        print_json(o.model_dump(mode="json"))
        return
    _line(o, "Opportunity")
    for label, value in (
        ("Source", o.source),
        ("URL", o.url),
        (
            "Saved posting",
            f"#{o.posting_id} (career gap --posting {o.posting_id})" if o.posting_id else "",
        ),
        ("Next action", f"{o.next_action} (due {o.next_action_due})" if o.next_action else ""),
        ("Posted pay", o.posted_pay),
        (
            "Pay you stated",
            f"{o.stated_pay}" + (f" to {o.stated_to}" if o.stated_to else "")
            if o.stated_pay
            else "",
        ),
        ("Negotiation notes", o.negotiation_notes),
        ("Notes", o.notes),
    ):
        if value:
            console.print(f"[bold]{label}:[/] {value}", highlight=False)
    if not o.offer.is_empty():
        terms = o.offer
        console.print(
            f"[bold]Offer:[/] base {terms.base or '?'} {terms.currency}, bonus {terms.bonus or 0},"
            f" equity {terms.equity or 'none'}; start {terms.start_date or '?'}, "
            f"decide by {terms.deadline or '?'}",
            highlight=False,
        )
    for person in o.contacts:
        console.print(
            f"[bold]{person.role}:[/] {person.name} (#{person.contact_id})", highlight=False
        )
    print_table(
        "Stage history",
        ["stage", "entered on", "reason", "note"],
        ([h.stage, h.entered_on, h.reason, h.note] for h in o.history),
    )


@opportunities_app.command("move")
@user_errors
def move(
    opportunity_id: int = typer.Argument(..., help="The opportunity's #."),
    stage: str = typer.Argument(..., help=STAGE_HELP),
    reason: str = typer.Option("", "--reason", help=REASON_HELP),
    on: str | None = typer.Option(None, "--date", help="When it happened (default today)."),
    note: str = typer.Option("", "--note"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Move an opportunity to another stage (recorded in its history)."""
    o = service.move(
        context(), opportunity_id, _given(stage=stage, reason=reason, on=on, note=note)
    )
    if as_json:
        print_json(o.model_dump(mode="json"))
    else:
        _line(o, "Moved")


@opportunities_app.command("edit")
@user_errors
def edit(
    opportunity_id: int = typer.Argument(..., help="The opportunity's #."),
    title: str | None = typer.Option(None, "--title", "-t"),
    company: str | None = typer.Option(None, "--company", "-c"),
    source: str | None = typer.Option(None, "--source"),
    url: str | None = typer.Option(None, "--url"),
    posting_id: str | None = typer.Option(None, "--posting"),
    next_action: str | None = typer.Option(None, "--next"),
    due: str | None = typer.Option(None, "--due"),
    posted_pay: str | None = typer.Option(None, "--posted-pay"),
    stated_pay: str | None = typer.Option(None, "--stated-pay", help="The figure you gave."),
    stated_to: str | None = typer.Option(None, "--stated-to", help="To whom you gave it."),
    base: str | None = typer.Option(None, "--offer-base"),
    bonus: str | None = typer.Option(None, "--offer-bonus"),
    equity: str | None = typer.Option(None, "--offer-equity"),
    benefits: str | None = typer.Option(None, "--offer-benefits"),
    currency: str | None = typer.Option(None, "--offer-currency"),
    start: str | None = typer.Option(None, "--offer-start"),
    deadline: str | None = typer.Option(None, "--offer-deadline"),
    negotiation: str | None = typer.Option(None, "--negotiation-notes"),
    notes: str | None = typer.Option(None, "--notes"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Change the fields you give (use `move` to change the stage)."""
    ctx = context()
    changes = _given(
        title=title,
        company=company,
        source=source,
        url=url,
        posting_id=posting_id,
        next_action=next_action,
        next_action_due=due,
        posted_pay=posted_pay,
        stated_pay=stated_pay,
        stated_to=stated_to,
        negotiation_notes=negotiation,
        notes=notes,
    )
    offer = _given(
        base=base,
        bonus=bonus,
        equity=equity,
        benefits=benefits,
        currency=currency,
        start_date=start,
        deadline=deadline,
    )
    if offer:
        current = service.get_opportunity(ctx, opportunity_id).offer.model_dump(mode="json")
        changes["offer"] = {**current, **offer}
    if not changes:
        raise CareerError("give at least one field to change, e.g. --next 'send thank-you'")
    o = service.update_opportunity(ctx, opportunity_id, changes)
    if as_json:
        print_json(o.model_dump(mode="json"))
    else:
        _line(o, "Updated")


@opportunities_app.command("link")
@user_errors
def link(
    opportunity_id: int = typer.Argument(..., help="The opportunity's #."),
    contact_id: int = typer.Argument(..., help="The contact's #."),
    role: str = typer.Option("other", "--role", help="referrer, hiring manager, recruiter, other"),
) -> None:
    """Attach a contact to an opportunity in a role."""
    o = service.link_contact(context(), opportunity_id, {"contact_id": contact_id, "role": role})
    _line(o, "Linked to")


@opportunities_app.command("remove")
@user_errors
def remove(opportunity_id: int = typer.Argument(..., help="The opportunity's #.")) -> None:
    """Remove an opportunity and its stage history."""
    _line(service.remove_opportunity(context(), opportunity_id), "Removed")


@opportunities_app.command("stats")
@user_errors
def stats(as_json: bool = typer.Option(False, "--json")) -> None:
    """Counts, conversion between stages, median days in each stage, sources of interviews."""
    figures = service.statistics(context())
    if as_json:
        print_json(figures.as_json())
        return
    print_table(
        f"Pipeline ({figures.total} opportunities)",
        ["stage", "now", "ever reached", "median days", "finished stays"],
        (
            [
                stage,
                s.count,
                s.reached,
                "" if s.median_days is None else f"{s.median_days:g}",
                s.stays,
            ]
            for stage, s in figures.stages.items()
        ),
    )
    print_table(
        "Conversion",
        ["from", "to", "rate", "of"],
        (
            [
                c.from_stage,
                c.to_stage,
                "" if c.rate is None else f"{c.rate:.0%}",
                f"{c.reached_to}/{c.reached_from}",
            ]
            for c in figures.conversions
        ),
    )
    print_table(
        "Sources of interviews",
        ["source", "opportunities", "reached interviews"],
        ([s.source, s.opportunities, s.interviews] for s in figures.sources),
    )
