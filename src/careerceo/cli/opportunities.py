"""``career opportunities``: the pipeline from target to offer, with stage history."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from careerceo.cli.common import console, context, print_json, print_table, user_errors
from careerceo.cli.render import (
    JSON,
    given,
    labelled,
    present,
    present_rows,
    read_file,
    row_id,
    say,
    write_file,
)
from careerceo.errors import CareerError
from careerceo.model.job_search_enums import Stage
from careerceo.model.pipeline import OpportunityOut
from careerceo.services import opportunities as service

if TYPE_CHECKING:  # the importer loads only when a command needs it
    from careerceo.services.tracker_import import TrackerSummary

opportunities_app = typer.Typer(help="Your job-search pipeline.")

STAGES = ", ".join(s.value for s in Stage)
STAGE_HELP = f"One of: {STAGES}."
REASON_HELP = "When closing: rejected, withdrawn, position filled or no response."


def register(app: typer.Typer) -> None:
    app.add_typer(opportunities_app, name="opportunities")


def _line(o: OpportunityOut, verb: str) -> None:
    at = f" at {o.company}" if o.company else ""
    reason = f" ({o.closed_reason})" if o.closed_reason else ""
    say(f"{verb} #{o.id} [bold]{o.title}[/]{at}: {o.stage}{reason}.")


# the options' names that are not the fields' names
RENAMED = {
    "due": "next_action_due",
    "reason": "closed_reason",
    "negotiation": "negotiation_notes",
    "start": "start_date",
}
OFFER_TERMS = ("base", "bonus", "equity", "benefits", "currency", "start_date", "deadline")


def _fields_and_offer(values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """An edit's options split into the opportunity's fields and the offer's terms."""
    fields = given(values, rename=RENAMED, leave_out={"opportunity_id", "rate"})
    return fields, {term: fields.pop(term) for term in OFFER_TERMS if term in fields}


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
    o = service.add_opportunity(context(), given(locals(), rename=RENAMED))
    present(o, as_json, lambda o: _line(o, "Added"))


@opportunities_app.command("list")
@user_errors
def list_opportunities(
    stage: str | None = typer.Option(None, "--stage", help=STAGE_HELP),
    as_json: bool = JSON,
) -> None:
    """List opportunities, most recently changed first."""
    present_rows(
        service.list_opportunities(context(), stage=stage),
        as_json,
        "Opportunities",
        ["#", "title", "company", "stage", "since", "next action", "due"],
        lambda o: [
            o.id,
            o.title,
            o.company,
            o.stage,
            o.entered_stage_on,
            o.next_action,
            o.next_action_due or "",
        ],
        empty="No opportunities yet. Add one: career opportunities add --title 'Data Analyst' "
        "--company Acme",
    )


@opportunities_app.command("show")
@user_errors
def show(
    opportunity_id: int = row_id("opportunity", "opportunities"),
    as_json: bool = JSON,
) -> None:
    """An opportunity with its stage history, people, pay and offer."""
    present(service.get_opportunity(context(), opportunity_id), as_json, _print_opportunity)


def _print_opportunity(o: OpportunityOut) -> None:
    _line(o, "Opportunity")
    labelled(
        (
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
        )
    )
    if not o.offer.is_empty():
        terms = o.offer
        say(
            f"[bold]Offer:[/] base {terms.base or '?'} {terms.currency}, bonus {terms.bonus or 0},"
            f" equity {terms.equity or 'none'}; start {terms.start_date or '?'}, "
            f"decide by {terms.deadline or '?'}"
        )
    for person in o.contacts:
        say(f"[bold]{person.role}:[/] {person.name} (#{person.contact_id})")
    print_table(
        "Stage history",
        ["stage", "entered on", "reason", "note"],
        ([h.stage, h.entered_on, h.reason, h.note] for h in o.history),
    )


@opportunities_app.command("move")
@user_errors
def move(
    opportunity_id: int = row_id("opportunity", "opportunities"),
    stage: str = typer.Argument(..., help=STAGE_HELP),
    reason: str = typer.Option("", "--reason", help=REASON_HELP),
    on: str | None = typer.Option(None, "--date", help="When it happened (default today)."),
    note: str = typer.Option("", "--note"),
    as_json: bool = JSON,
) -> None:
    """Move an opportunity to another stage (recorded in its history)."""
    o = service.move(context(), opportunity_id, given(locals(), leave_out={"opportunity_id"}))
    present(o, as_json, lambda o: _line(o, "Moved"))


@opportunities_app.command("edit")
@user_errors
def edit(
    opportunity_id: int = row_id("opportunity", "opportunities"),
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
    rate: list[str] | None = typer.Option(
        None, "--rate", help="Your 1-5 rating of the offer on a criterion, e.g. growth=4 (repeat)."
    ),
    negotiation: str | None = typer.Option(None, "--negotiation-notes"),
    notes: str | None = typer.Option(None, "--notes"),
    as_json: bool = JSON,
) -> None:
    """Change the fields you give (use `move` to change the stage)."""
    fields, offer = _fields_and_offer(locals())
    ctx = context()
    if offer or rate:
        current = service.get_opportunity(ctx, opportunity_id).offer.model_dump(mode="json")
        if rate:
            offer["ratings"] = {**current.get("ratings", {}), **_ratings(rate)}
        fields["offer"] = {**current, **offer}
    if not fields:
        raise CareerError("give at least one field to change, e.g. --next 'send thank-you'")
    o = service.update_opportunity(ctx, opportunity_id, fields)
    present(o, as_json, lambda o: _line(o, "Updated"))


def _ratings(pairs: list[str]) -> dict[str, int]:
    from careerceo.model.pipeline import OfferTerms

    return OfferTerms.model_validate({"ratings": ",".join(pairs)}).ratings


@opportunities_app.command("compare")
@user_errors
def compare(
    weight: list[str] | None = typer.Option(
        None,
        "--weight",
        "-w",
        help="criterion=weight, e.g. pay=3 growth=2 (repeat); 0 leaves one out. "
        "Default: pay and every rated criterion, equally.",
    ),
    as_json: bool = JSON,
) -> None:
    """Your offers side by side, scored with your weights (pay only within one currency)."""
    result = service.compare_offers(context(), service.parse_weights(weight or []))
    if as_json:
        print_json(
            {
                "criteria": result.criteria,
                "weights": result.weights,
                "notes": result.notes,
                "offers": [
                    {
                        "id": o.opportunity_id,
                        "label": o.label,
                        "score": None if o.score is None else round(o.score, 1),
                        "weight_covered": round(o.weight_covered, 3),
                        "deadline": o.deadline.isoformat() if o.deadline else None,
                        "parts": [
                            {"criterion": p.criterion, "weight": p.weight, "shown": p.shown}
                            for p in o.parts
                        ],
                    }
                    for o in result.offers
                ],
            }
        )
        return
    weights = ", ".join(f"{c} x{w:g}" for c, w in result.weights.items())
    print_table(
        f"Offers (weights: {weights})",
        ["#", "offer", "score", "covers", *result.criteria, "deadline"],
        (
            [
                o.opportunity_id,
                o.label,
                "-" if o.score is None else f"{o.score:.0f}",
                f"{100 * o.weight_covered:.0f}%",
                *[p.shown for p in o.parts],
                o.deadline.isoformat() if o.deadline else "",
            ]
            for o in result.offers
        ),
    )
    for note in result.notes:
        say(f"Note: {note}")


@opportunities_app.command("email")
@user_errors
def email(
    opportunity_id: int = row_id("opportunity", "opportunities"),
    file: str = typer.Argument(..., help="A saved e-mail (.eml) or its text; '-' reads stdin."),
) -> None:
    """The stage an employer's e-mail implies, to confirm with `move`; nothing changes."""
    ctx = context()
    if file == "-":
        suggestion = service.suggest_from_email(ctx, opportunity_id, sys.stdin.read())
    else:
        path = Path(file)
        content = read_file(file)
        if path.suffix.lower() == ".eml":
            suggestion = service.suggest_from_eml(ctx, opportunity_id, content)
        else:
            text = content.decode("utf-8", errors="replace")
            suggestion = service.suggest_from_email(ctx, opportunity_id, text)
    if suggestion is None:
        console.print("This message does not imply a stage change; nothing to do.")
        return
    reason = f" --reason '{suggestion.reason.value}'" if suggestion.reason else ""
    say(
        f'This reads as {suggestion.what}: "{suggestion.evidence}"\n'
        f"To record it: career opportunities move {opportunity_id} "
        f"'{suggestion.stage.value}'{reason}"
    )


@opportunities_app.command("import")
@user_errors
def import_tracker(
    file: Path = typer.Argument(..., help="A CSV from another tracker or a spreadsheet."),
    as_json: bool = JSON,
) -> None:
    """Past applications from another tracker's CSV, with their dates as stage history."""
    from careerceo.services.tracker_import import import_tracker as run

    present(run(context(), read_file(file), file.name), as_json, _print_imported)


def _print_imported(summary: TrackerSummary) -> None:
    say(
        f"{summary.rows} rows: {summary.added} added, {summary.already_there} already in your "
        "pipeline (same URL, or same company and title)."
    )
    if summary.dated_from_earlier_step:
        say(
            f"{summary.dated_from_earlier_step} rows had no date for their current stage; it is "
            "dated on the row's last known date (or today when it has none)."
        )


@opportunities_app.command("export")
@user_errors
def export_tracker(
    file: Path = typer.Argument(..., help="Where to write the CSV ('-' for stdout)."),
) -> None:
    """The pipeline as a tracker CSV (company, title, URL, status, the date of each stage)."""
    from careerceo.services.tracker_import import export_tracker as run

    text = run(context())
    if str(file) == "-":
        typer.echo(text, nl=False)
        return
    write_file(file, text)
    say(f"Wrote {text.count(chr(10)) - 1} opportunities to {file}.")


@opportunities_app.command("link")
@user_errors
def link(
    opportunity_id: int = row_id("opportunity", "opportunities"),
    contact_id: int = row_id("contact", "contacts"),
    role: str = typer.Option("other", "--role", help="referrer, hiring manager, recruiter, other"),
) -> None:
    """Attach a contact to an opportunity in a role."""
    o = service.link_contact(context(), opportunity_id, {"contact_id": contact_id, "role": role})
    _line(o, "Linked to")


@opportunities_app.command("remove")
@user_errors
def remove(opportunity_id: int = row_id("opportunity", "opportunities")) -> None:
    """Remove an opportunity and its stage history."""
    _line(service.remove_opportunity(context(), opportunity_id), "Removed")


@opportunities_app.command("stats")
@user_errors
def stats(as_json: bool = JSON) -> None:
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
