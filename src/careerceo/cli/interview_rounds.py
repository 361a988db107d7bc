"""``career interview round|rounds|prep|debrief``: interview rounds per opportunity."""

from __future__ import annotations

import re
from typing import Any

import typer

from careerceo.cli.common import context, print_json, print_table, user_errors
from careerceo.cli.interview import interview_app
from careerceo.cli.render import JSON, given, present, say
from careerceo.model.interview_round import ROUND_TYPES
from careerceo.services import interview_rounds as service

TYPES = ", ".join(ROUND_TYPES)
# the options' names that are not the fields' names
RENAMED = {
    "on": "scheduled_on",
    "opportunity": "opportunity_id",
    "occupation": "occupation_code",
    "contact": "contact_id",
}
RATED = re.compile(r"^\s*([0-9]+)\s*:\s*(.*)$", re.S)


@interview_app.command("round")
@user_errors
def add_round(
    round_type: str = typer.Option(..., "--type", help=TYPES),
    on: str | None = typer.Option(None, "--on", help="Interview date (YYYY-MM-DD)"),
    opportunity: int | None = typer.Option(None, "--opportunity", help="Opportunity id"),
    occupation: str | None = typer.Option(None, "--occupation", help="O*NET-SOC code"),
    company: str = typer.Option("", "--company"),
    interviewers: str = typer.Option("", "--with", help="Who you meet (comma-separated)"),
    contact: int | None = typer.Option(None, "--contact", help="A contact id you meet"),
    notes: str = typer.Option("", "--notes"),
    as_json: bool = JSON,
) -> None:
    """Record a coming interview round; then see career interview prep ID."""
    present(service.add_round(context(), given(locals(), rename=RENAMED)), as_json, _print_round)


def _print_round(view: service.RoundView) -> None:
    when = f" on {view.scheduled_on}" if view.scheduled_on else ""
    say(f"Round #{view.id}: {view.label}{when}. Prepare with: career interview prep {view.id}")


@interview_app.command("rounds")
@user_errors
def list_rounds(
    opportunity: int | None = typer.Option(None, "--opportunity"),
    as_json: bool = JSON,
) -> None:
    """Interview rounds, soonest first."""
    views = service.list_rounds(context(), opportunity=opportunity)
    if as_json:
        print_json(views)
        return
    print_table(
        "Interview rounds",
        ["id", "round", "date", "company", "debrief", "thank-you"],
        [
            (
                v.id,
                v.label,
                v.scheduled_on or "",
                v.company or v.opportunity,
                "written" if v.debrief else "",
                v.thank_you_sent_on or (f"due {v.thank_you_due}" if v.thank_you_due else ""),
            )
            for v in views
        ],
        empty="No rounds yet: career interview round --type hiring_manager --on YYYY-MM-DD",
    )


@interview_app.command("prep")
@user_errors
def prep(round_id: int, as_json: bool = JSON) -> None:
    """The prep for one round, laid out day by day up to the interview."""
    view = service.prep(context(), round_id)
    if as_json:
        print_json(view)
        return
    r = view.round
    say(f"[bold]{r.label}[/] {r.company} {r.scheduled_on or ''}")
    say(f"What they test: {view.tests}")
    if view.who:
        say(f"Who you meet: {', '.join(view.who)}")
    if view.dossier:
        say(f"Company: {view.dossier}")
    print_table(
        "Questions to expect",
        ["id", "question", "why", "your story"],
        [(e.id, e.text, e.reason, e.story) for e in view.expect],
    )
    say("[bold]Questions to ask[/]")
    for q in view.to_ask:
        say(f"  - {q}")
    say("[bold]The close (ask for the job)[/]")
    for q in view.close:
        say(f"  - {q}")
    print_table("Day by day", ["date", "do"], [(d.on, "; ".join(d.tasks)) for d in view.days])


@interview_app.command("debrief")
@user_errors
def debrief(
    round_id: int,
    asked: list[str] = typer.Option(
        [], "--asked", help='A question asked; prefix your 1-5 rating: --asked "2: Why us?"'
    ),
    went: int | None = typer.Option(None, "--went", help="Overall, 1 (badly) to 5 (very well)"),
    notes: str = typer.Option("", "--notes"),
    next_step: str = typer.Option("", "--next"),
    thanked: str | None = typer.Option(None, "--thanked", help="Thank-you sent on YYYY-MM-DD"),
    as_json: bool = JSON,
) -> None:
    """After the interview: what was asked (joins your bank and practice queue), how it went."""
    items: list[dict[str, Any]] = []
    for line in asked:
        match = RATED.match(line)
        items.append(
            {"text": match.group(2), "rating": match.group(1)} if match else {"text": line}
        )
    view = service.debrief(
        context(),
        round_id,
        {
            "asked": items,
            "went": went,
            "notes": notes,
            "next_step": next_step,
            "thank_you_sent_on": thanked,
        },
    )
    if as_json:
        print_json(view)
        return
    n = len(view.debrief.get("asked", []))
    thanks = (
        f"thank-you sent {view.thank_you_sent_on}"
        if view.thank_you_sent_on
        else f"send the thank-you by {view.thank_you_due}"
    )
    say(f"Debrief saved: {n} question(s) added to your bank and practice queue; {thanks}.")
