"""``career review``: the monthly CEO review, by flags or guided (``review_guided``), and its
edits, history and schedule."""

from __future__ import annotations

from typing import Any

import typer

from careerceo.analysis.wording import plural
from careerceo.cli.actions import command
from careerceo.cli.common import console, context, print_json, print_table, user_errors
from careerceo.cli.direction.output import print_findings, print_result
from careerceo.cli.direction.parsing import (
    parse_activity,
    parse_pairs,
    parse_progress,
    parse_rating,
)
from careerceo.cli.direction.review_guided import interactive_review
from careerceo.cli.render import JSON, present, say
from careerceo.model.direction import RATING_MAX, RATING_MIN, ReviewIn
from careerceo.services import direction as service

review_app = typer.Typer(
    help="The monthly CEO review: run without a subcommand to review a month.",
    invoke_without_command=True,
)


def _flags_review(
    month: str,
    activity: list[str],
    new_skill: list[str],
    win: list[str],
    rate: list[str],
    milestone: list[str],
    notes: str | None,
    base: ReviewIn | None = None,
) -> ReviewIn:
    data: dict[str, Any] = base.model_dump() if base else {"month": month}
    data["month"] = month
    if activity:
        data["activities"] = [parse_activity(a).model_dump() for a in activity]
    if new_skill:
        data["new_skills"] = [s.strip() for item in new_skill for s in item.split(",") if s.strip()]
    if win:
        data["wins"] = win
    if rate:
        ratings = dict(data.get("ratings", {}))
        ratings.update({k: parse_rating(k, v) for k, v in parse_pairs(rate, "rate").items()})
        data["ratings"] = ratings
    if milestone:
        progress = dict(data.get("milestones", {}))
        progress.update(
            {k: parse_progress(k, v) for k, v in parse_pairs(milestone, "milestone").items()}
        )
        data["milestones"] = progress
    if notes is not None:
        data["notes"] = notes
    return ReviewIn.model_validate(data)


ACTIVITY_HELP = 'Main activity as NAME:PERCENT[:GOAL], e.g. "Built ETL pipeline:60:1". Repeat.'


@review_app.callback()
@user_errors
def review(
    typer_ctx: typer.Context,
    month: str | None = typer.Option(None, "--month", "-m", help="YYYY-MM (default: the one due)."),
    activity: list[str] = typer.Option([], "--activity", "-a", help=ACTIVITY_HELP),
    new_skill: list[str] = typer.Option([], "--new-skill", "-s", help="A new skill used. Repeat."),
    win: list[str] = typer.Option([], "--win", "-w", help="A win. Repeat."),
    rate: list[str] = typer.Option(
        [], "--rate", "-r", help=f"GOAL=N, {RATING_MIN}-{RATING_MAX}: how much the month moved it."
    ),
    milestone: list[str] = typer.Option(
        [], "--milestone", help="MILESTONE=PERCENT or MILESTONE=done."
    ),
    notes: str | None = typer.Option(None, "--notes", "-n", help="Free notes."),
    interactive: bool | None = typer.Option(
        None,
        "--interactive/--no-interactive",
        help="Default: prompts unless content flags are given.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Review a month: what the work was, milestone progress, how much it moved each goal."""
    if typer_ctx.invoked_subcommand is not None:
        return
    ctx = context()
    target = month.strip() if month is not None else service.default_review_month(ctx)
    service.check_review_month(target)
    service.check_not_reviewed(ctx, target)
    has_flags = _any_given(activity, new_skill, win, rate, milestone, notes)
    guided = interactive if interactive is not None else not has_flags
    if guided:
        data = interactive_review(target)
    else:
        data = _flags_review(target, activity, new_skill, win, rate, milestone, notes)
    present(service.create_review(ctx, data), as_json, lambda r: print_result(r, "Saved"))


def _any_given(*contents: list[str] | str | None) -> bool:
    """Did the command line give any of the review's content (else it asks for it)?"""
    return any(content or (isinstance(content, str)) for content in contents)


@review_app.command("edit")
@user_errors
def review_edit(
    month: str = typer.Argument(..., help="The month to change, YYYY-MM."),
    activity: list[str] = typer.Option(
        [], "--activity", "-a", help=ACTIVITY_HELP + " Replaces the list."
    ),
    new_skill: list[str] = typer.Option([], "--new-skill", "-s", help="Replaces the list."),
    win: list[str] = typer.Option([], "--win", "-w", help="Replaces the list."),
    rate: list[str] = typer.Option([], "--rate", "-r", help="GOAL=N; changes that goal's rating."),
    milestone: list[str] = typer.Option([], "--milestone", help="MILESTONE=PERCENT|done."),
    notes: str | None = typer.Option(None, "--notes", "-n"),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Change a past review; the previous version is kept in its history."""
    ctx = context()
    month = month.strip()
    base = service.review_input(ctx, month)
    if _any_given(activity, new_skill, win, rate, milestone, notes):
        data = _flags_review(month, activity, new_skill, win, rate, milestone, notes, base)
    else:
        data = interactive_review(month, base)
    present(service.edit_review(ctx, month, data), as_json, _print_updated)


def _print_updated(result: service.ReviewResult) -> None:
    print_result(result, "Updated")
    console.print(f"The previous version is kept ({plural(result.review.revisions, 'revision')}).")


@review_app.command("show")
@user_errors
def review_show(month: str = typer.Argument(..., help="YYYY-MM."), as_json: bool = JSON) -> None:
    """One month's review with its alignment breakdown and revisions."""
    ctx = context()
    result = service.get_review(ctx, month)
    if as_json:
        data = result.model_dump(mode="json")
        data["revisions"] = [
            r.model_dump(mode="json") for r in service.review_revisions(ctx, month)
        ]
        print_json(data)
        return
    print_result(result, "This is")
    d = result.review.details
    for label, items in (("New skills", d.new_skills), ("Wins", d.wins)):
        if items:
            say(f"{label}: " + "; ".join(items))
    if result.review.notes:
        say(f"Notes: {result.review.notes}")
    revisions = service.review_revisions(ctx, month.strip())
    if revisions:
        print_table(
            "Earlier versions (newest first)",
            ["Saved", "Alignment", "Notes"],
            [
                (
                    str(r.snapshot.get("saved_at", ""))[:16].replace("T", " "),
                    "n/a"
                    if r.snapshot.get("alignment") is None
                    else f"{r.snapshot['alignment']:.0f}",
                    r.snapshot.get("notes", ""),
                )
                for r in reversed(revisions)
            ],
        )


def _bar(value: float | None) -> str:
    return "" if value is None else "#" * round(value / 5)


@review_app.command("history")
@user_errors
def review_history(as_json: bool = JSON) -> None:
    """Month by month alignment; missed months are marked."""
    ctx = context()
    rows = service.review_history(ctx)
    if as_json:
        print_json([r.model_dump(mode="json") for r in rows])
        return
    print_table(
        "Review history",
        ["Month", "State", "Alignment", "Trend", "New skills", "Wins"],
        [
            (
                r.month,
                "MISSED" if r.state == "missed" else r.state,
                "" if r.alignment is None else f"{r.alignment:.0f}",
                _bar(r.alignment),
                r.new_skills if r.state == "reviewed" else "",
                r.wins if r.state == "reviewed" else "",
            )
            for r in rows
        ],
        empty="No review yet. Start one: career review",
    )
    findings = service.drift_findings(ctx)
    if rows:
        print_findings(findings)


@review_app.command("due")
@user_errors
def review_due(as_json: bool = JSON) -> None:
    """Is a review due? Which month, and which months were missed."""
    schedule = service.review_due(context())
    if as_json:
        print_json(schedule.model_dump(mode="json"))
        return
    style = "bold red" if schedule.overdue else "yellow" if schedule.due else "green"
    step = f": {command(schedule.action)}" if schedule.action else ""
    say(f"[{style}]{schedule.message}{step}[/]")
    if schedule.missed:
        console.print(f"Missed: {', '.join(schedule.missed)}")
