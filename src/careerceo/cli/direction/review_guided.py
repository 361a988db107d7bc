"""The guided monthly review: what the month's work was, new skills and wins, milestone
progress, how much it moved each goal, notes. Editing a review starts from what it said."""

from __future__ import annotations

import typer

from careerceo.cli.common import console, context
from careerceo.cli.direction.parsing import parse_ref
from careerceo.cli.direction.prompts import ask_int, ask_list
from careerceo.cli.render import say
from careerceo.errors import CareerError
from careerceo.model.direction import (
    RATING_MAX,
    RATING_MIN,
    ActivityIn,
    MilestoneStatus,
    ReviewIn,
)
from careerceo.services import direction as service
from careerceo.services.direction import GoalView


def interactive_review(month: str, base: ReviewIn | None = None) -> ReviewIn:
    """The guided flow: what the month was, milestone progress, ratings, notes."""
    ctx = context()
    goals = service.list_goals(ctx, include_closed=False)
    console.print(f"[bold]Monthly CEO review of {month}[/]")
    if goals:
        say("Your goals: " + "; ".join(f"#{g.id} {g.title}" for g in goals))
    else:
        console.print("[yellow]No active goal: alignment needs one (career goals add).[/]")
    activities = _activities(goals, base)
    new_skills = _new_skills(base)
    wins = list(base.wins) if base else []
    if wins:
        say("Wins so far: " + "; ".join(wins))
    console.print("Wins this month: add one per line; empty to finish.")
    wins += ask_list("Win")
    # where each milestone stood at the last review that mentioned it: the default answer, so
    # that pressing Enter means "no change" and is scored as no move
    progress = _progress(goals, base, service.progress_before(ctx, month))
    ratings = _ratings(goals, base)
    notes = _notes(base)
    return ReviewIn(
        month=month,
        activities=activities,
        new_skills=new_skills,
        wins=wins,
        ratings=ratings,
        milestones=progress,
        notes=notes,
    )


def _activities(goals: list[GoalView], base: ReviewIn | None) -> list[ActivityIn]:
    activities: list[ActivityIn] = list(base.activities) if base else []
    if base and activities:
        say("Activities now: " + "; ".join(f"{a.name} {a.share}%" for a in activities))
        if not typer.confirm("Keep these activities?", default=True):
            activities = []
    if activities:
        return activities
    console.print(
        "What did the month's work actually consist of? "
        "One main activity at a time; empty to finish."
    )
    total = 0
    while True:
        name = str(typer.prompt("Activity", default="", show_default=False)).strip()
        if not name:
            return activities
        share = ask_int(
            f"  rough share of the month, % (left: {100 - total})", 0, 100 - total, None
        )
        share = share or 0
        activities.append(ActivityIn(name=name, share=share, goal_id=_served_goal(goals)))
        total += share


def _served_goal(goals: list[GoalView]) -> int | None:
    """Which goal an activity served; empty for none, asked again for a goal not listed."""
    goal_ids = {g.id for g in goals}
    while goals:
        raw = str(
            typer.prompt(
                "  which goal did it serve? (number, empty = none)",
                default="",
                show_default=False,
            )
        ).strip()
        if not raw:
            return None
        try:
            goal: int | None = parse_ref(raw, "goal")
        except CareerError:
            goal = None
        if goal in goal_ids:
            return goal
        console.print(f"[red]Pick one of: {', '.join(str(i) for i in sorted(goal_ids))}.[/]")
    return None


def _new_skills(base: ReviewIn | None) -> list[str]:
    skills_default = ", ".join(base.new_skills) if base else ""
    skills_raw = str(
        typer.prompt(
            "New skills you used this month (comma-separated, "
            + ("Enter keeps them, - for none)" if skills_default else "empty = none)"),
            default=skills_default,
            show_default=bool(skills_default),
        )
    )
    if skills_raw.strip() == "-":
        skills_raw = ""
    return [s.strip() for s in skills_raw.split(",") if s.strip()]


def _progress(
    goals: list[GoalView], base: ReviewIn | None, known: dict[int, int]
) -> dict[int, int]:
    progress: dict[int, int] = dict(base.milestones) if base else {}
    for g in goals:
        for m in g.milestones:
            if m.status != MilestoneStatus.OPEN:
                continue
            due = f", due {m.due_date}" if m.due_date else ""
            late = " (overdue)" if m.overdue else ""
            current = progress.get(m.id, known.get(m.id))
            value = ask_int(
                f"Milestone #{m.id} '{m.title}'{due}{late}: % complete now (0-100 or done, "
                + ("empty = not reported)" if current is None else "empty = no change)"),
                0,
                100,
                current,
                allow_done=True,
            )
            if value is not None:
                progress[m.id] = value
    return progress


def _ratings(goals: list[GoalView], base: ReviewIn | None) -> dict[int, int]:
    ratings: dict[int, int] = dict(base.ratings) if base else {}
    for g in goals:
        value = ask_int(
            f"How much did this month move goal #{g.id} '{g.title}' forward? "
            f"({RATING_MIN} = not at all, {RATING_MAX} = a lot; empty = not rated)",
            RATING_MIN,
            RATING_MAX,
            ratings.get(g.id),
        )
        if value is not None:
            ratings[g.id] = value
    return ratings


def _notes(base: ReviewIn | None) -> str:
    if base and base.notes:
        # an edit shows the notes it keeps on Enter, rather than promising "empty = none"
        say(f"Notes now: {base.notes}")
        notes = str(
            typer.prompt("Notes (Enter keeps them, - for none)", default="", show_default=False)
        ).strip()
        return "" if notes == "-" else notes or base.notes
    return str(typer.prompt("Notes (empty = none)", default="", show_default=False))
