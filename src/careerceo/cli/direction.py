"""``career vision|goals|review|signals|calendar|direction``: where you are going, and whether
this month's work took you there.

The review and the signals check are guided (prompts) when run without content flags, and
scriptable with flags. Goals and milestones are named by their number as ``career goals list``
shows it (``1``, ``g1`` or ``goal-1``; milestones ``3`` or ``m3``).
"""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import typer
from pydantic import ValidationError
from rich.table import Table

from careerceo.analysis.signals import DIMENSIONS, LIKERT, QUESTIONS
from careerceo.analysis.wording import plural
from careerceo.cli.common import console, context, fail, print_json, print_table, user_errors
from careerceo.errors import CareerError
from careerceo.model.direction import (
    HORIZONS,
    RATING_MAX,
    RATING_MIN,
    ActivityIn,
    GoalIn,
    GoalPatch,
    MilestoneIn,
    ReviewIn,
    SignalsIn,
    VisionIn,
)
from careerceo.services import direction as service

vision_app = typer.Typer(help="Your written vision: where you want to be in 1-2 years and beyond.")
goals_app = typer.Typer(help="Goals with horizon, target role, why, and milestones.")
milestone_app = typer.Typer(help="Measurable milestones with due dates.")
review_app = typer.Typer(
    help="The monthly CEO review: run without a subcommand to review a month.",
    invoke_without_command=True,
)
signals_app = typer.Typer(
    help="Warning-signs check: upward mobility, culture clash, autonomy and more.",
    invoke_without_command=True,
)
calendar_app = typer.Typer(help="Calendar export: the monthly review and milestone due dates.")

SIGN_TITLES = {d.id: d.title for d in DIMENSIONS}
SIGNALS_HISTORY_COLUMNS = 6
SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}
REF = re.compile(r"^(?:#|g|goal-?|m|milestone-?)?(\d+)$", re.IGNORECASE)


def register(app: typer.Typer) -> None:
    app.add_typer(vision_app, name="vision")
    goals_app.add_typer(milestone_app, name="milestone")
    app.add_typer(goals_app, name="goals")
    app.add_typer(review_app, name="review")
    app.add_typer(signals_app, name="signals")
    app.add_typer(calendar_app, name="calendar")
    app.command("direction")(direction)


# ----------------------------------------------------------------------------------- parsing
def parse_ref(text: str, what: str) -> int:
    match = REF.match(text.strip())
    if not match:
        raise CareerError(f"{text!r} is not a {what} number; use e.g. 3 (see career goals list)")
    return int(match.group(1))


def parse_date(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CareerError(f"{text!r} is not a date; write it as YYYY-MM-DD", field=field) from None


def parse_activity(text: str) -> ActivityIn:
    """``NAME:SHARE`` or ``NAME:SHARE:GOAL`` (the name may itself contain colons)."""
    parts = text.rsplit(":", 2)
    goal: int | None = None
    if len(parts) == 3 and parts[1].strip().isdigit():
        name, share, goal = parts[0], parts[1], parse_ref(parts[2], "goal")
    elif len(parts) >= 2 and parts[-1].strip().isdigit():
        name, share = text.rsplit(":", 1)
    else:
        raise CareerError(
            f"activity {text!r} needs a share: write NAME:PERCENT or NAME:PERCENT:GOAL, "
            'e.g. "Built ETL pipeline:60:1"',
            field="activity",
        )
    try:
        return ActivityIn(name=name.strip(), share=int(share.strip()), goal_id=goal)
    except ValidationError as exc:
        problem = exc.errors()[0]["msg"].removeprefix("Value error, ")
        raise CareerError(
            f"activity {text!r}: {problem} (the share is a percent of the month, 0-100)",
            field="activity",
        ) from None


def parse_pairs(items: list[str], what: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for item in items:
        if "=" not in item:
            raise CareerError(f"{item!r} must be {what.upper()}=VALUE, e.g. 1=4", field=what)
        key, value = item.split("=", 1)
        out[parse_ref(key, what)] = value.strip()
    return out


def parse_rating(goal_id: int, value: str) -> int:
    if not value.lstrip("-").isdigit():
        raise CareerError(
            f"rating for goal {goal_id} must be a number {RATING_MIN}-{RATING_MAX}, got {value!r}",
            field="rate",
        )
    return int(value)


def parse_progress(milestone_id: int, value: str) -> int:
    text = value.strip().lower().rstrip("%")
    if text == "done":
        return 100
    if not text.lstrip("-").isdigit():
        raise CareerError(
            f"progress for milestone {milestone_id} must be 0-100 or done, got {value!r}",
            field="milestone",
        )
    return int(text)


# ----------------------------------------------------------------------------------- vision
@vision_app.command("set")
@user_errors
def vision_set(
    text: str = typer.Argument(..., help="Where you want to be in 1-2 years and beyond."),
) -> None:
    """Write (or rewrite) your vision; earlier versions stay in the history."""
    view = service.set_vision(context(), VisionIn(text=text))
    console.print(f"Vision saved ({view.saved_at:%Y-%m-%d %H:%M}).")


@vision_app.command("show")
@user_errors
def vision_show(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Show the current vision."""
    view = service.current_vision(context())
    if as_json:
        print_json(view.model_dump(mode="json") if view else None)
    elif view is None:
        console.print('No vision yet. Write one: career vision set "..."')
    else:
        console.print(view.text, highlight=False)


@vision_app.command("history")
@user_errors
def vision_history(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Every version of the vision, newest first."""
    views = service.vision_history(context())
    if as_json:
        print_json([v.model_dump(mode="json") for v in views])
        return
    print_table(
        "Vision history",
        ["Saved", "Vision"],
        [(f"{v.saved_at:%Y-%m-%d %H:%M}", v.text) for v in views],
        empty="No vision yet.",
    )


# ----------------------------------------------------------------------------------- goals
@goals_app.command("add")
@user_errors
def goals_add(
    title: str = typer.Argument(..., help="The goal, e.g. 'Lead a data team'."),
    horizon: str = typer.Option("1y", "--horizon", "-h", help="1y, 2y or long."),
    role: str = typer.Option("", "--role", help="Target role, in your words."),
    code: str | None = typer.Option(None, "--code", help="O*NET-SOC code, e.g. 15-1252.00."),
    why: str = typer.Option("", "--why", help="Why it matters to you."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Add a goal."""
    goal = service.add_goal(
        context(),
        GoalIn.model_validate(
            {
                "title": title,
                "horizon": horizon,
                "target_role": role,
                "occupation_code": code,
                "why": why,
            }
        ),
    )
    if as_json:
        print_json(goal.model_dump(mode="json"))
        return
    extra = f" -> {goal.occupation_title}" if goal.occupation_title else ""
    console.print(
        f"Added goal #{goal.id}: [bold]{goal.title}[/] ({goal.horizon_label}){extra}.",
        highlight=False,
    )
    if goal.target_role and not goal.occupation_code:
        # a role in words is not yet linked to an occupation: say how to link it
        console.print(
            f"Tip: link '{goal.target_role}' to an O*NET occupation - find its code with "
            f'career occupations title "{goal.target_role}", then career goals edit {goal.id} '
            "--code CODE.",
            highlight=False,
            style="dim",
        )


@goals_app.command("list")
@user_errors
def goals_list(
    show_all: bool = typer.Option(False, "--all", help="Include done and dropped goals."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List goals with their milestones."""
    goals = service.list_goals(context(), include_closed=show_all)
    if as_json:
        print_json([g.model_dump(mode="json") for g in goals])
        return
    rows = []
    for g in goals:
        open_ms = [m for m in g.milestones if m.status == "open"]
        overdue = sum(1 for m in open_ms if m.overdue)
        rows.append(
            (
                g.id,
                g.title,
                g.horizon_label,
                g.occupation_title or g.target_role or g.occupation_code or "",
                g.status,
                f"{len(open_ms)} open" + (f", {overdue} overdue" if overdue else ""),
            )
        )
    print_table(
        "Goals",
        ["#", "Goal", "Horizon", "Target role", "Status", "Milestones"],
        rows,
        empty='No goals yet. Add one: career goals add "Lead a data team" --horizon 2y',
    )


@goals_app.command("show")
@user_errors
def goals_show(
    goal: str = typer.Argument(..., help="Goal number."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """One goal, its milestones and its edit history."""
    ctx = context()
    goal_id = parse_ref(goal, "goal")
    view = service.get_goal(ctx, goal_id)
    history = service.goal_history(ctx, goal_id)
    if as_json:
        data = view.model_dump(mode="json")
        data["history"] = [h.model_dump(mode="json") for h in history]
        print_json(data)
        return
    console.print(
        f"[bold]#{view.id} {view.title}[/] ({view.horizon_label}, {view.status})", highlight=False
    )
    if view.target_role or view.occupation_code:
        code = f" [{view.occupation_code}]" if view.occupation_code else ""
        title = f" = {view.occupation_title}" if view.occupation_title else ""
        console.print(f"Target role: {view.target_role}{code}{title}", highlight=False)
    if view.why:
        console.print(f"Why: {view.why}", highlight=False)
    _milestone_table(view.milestones)
    if history:
        print_table(
            "Edit history (before each edit)",
            ["Saved", "Title", "Horizon", "Status"],
            [
                (
                    str(h.snapshot.get("saved_at", ""))[:16].replace("T", " "),
                    h.snapshot.get("title"),
                    HORIZONS.get(str(h.snapshot.get("horizon")), h.snapshot.get("horizon")),
                    h.snapshot.get("status"),
                )
                for h in history
            ],
        )


@goals_app.command("edit")
@user_errors
def goals_edit(
    goal: str = typer.Argument(..., help="Goal number."),
    title: str | None = typer.Option(None, "--title"),
    horizon: str | None = typer.Option(None, "--horizon", "-h", help="1y, 2y or long."),
    role: str | None = typer.Option(None, "--role"),
    code: str | None = typer.Option(None, "--code", help="O*NET-SOC code ('' to clear)."),
    why: str | None = typer.Option(None, "--why"),
    status: str | None = typer.Option(None, "--status", help="active, done or dropped."),
) -> None:
    """Change a goal; what it said before is kept in its history."""
    raw: dict[str, Any] = {
        k: v
        for k, v in {
            "title": title,
            "horizon": horizon,
            "target_role": role,
            "occupation_code": code,
            "why": why,
            "status": status,
        }.items()
        if v is not None
    }
    view = service.edit_goal(context(), parse_ref(goal, "goal"), GoalPatch.model_validate(raw))
    console.print(
        f"Updated goal #{view.id}: [bold]{view.title}[/] ({view.status}).", highlight=False
    )


@goals_app.command("done")
@user_errors
def goals_done(goal: str = typer.Argument(..., help="Goal number.")) -> None:
    """Mark a goal done."""
    view = service.set_goal_status(context(), parse_ref(goal, "goal"), "done")
    console.print(f"Goal #{view.id} [bold]{view.title}[/] is done. Well played.", highlight=False)


@goals_app.command("remove")
@user_errors
def goals_remove(goal: str = typer.Argument(..., help="Goal number.")) -> None:
    """Drop a goal (kept as 'dropped' so past reviews still explain themselves)."""
    view = service.set_goal_status(context(), parse_ref(goal, "goal"), "dropped")
    console.print(f"Dropped goal #{view.id} {view.title}.", highlight=False)


def _milestone_table(milestones: list[service.MilestoneView]) -> None:
    print_table(
        "Milestones",
        ["#", "Goal", "Milestone", "Measure", "Due", "Status"],
        [
            (
                m.id,
                m.goal_id,
                m.title,
                m.measure,
                m.due_date.isoformat() if m.due_date else "",
                "OVERDUE" if m.overdue else m.status,
            )
            for m in milestones
        ],
        empty="No milestones yet. Add one: career goals milestone add GOAL TITLE --due YYYY-MM-DD",
    )


@milestone_app.command("add")
@user_errors
def milestone_add(
    goal: str = typer.Argument(..., help="Goal number."),
    title: str = typer.Argument(..., help="What will be true, e.g. 'AWS certification passed'."),
    due: str | None = typer.Option(None, "--due", help="Due date YYYY-MM-DD (today or later)."),
    measure: str = typer.Option("", "--measure", help="How you will know, measurably."),
) -> None:
    """Add a measurable milestone to a goal."""
    due_date = parse_date(due, "due") if due else None
    view = service.add_milestone(
        context(),
        parse_ref(goal, "goal"),
        MilestoneIn(title=title, measure=measure, due_date=due_date),
    )
    when = f", due {view.due_date.isoformat()}" if view.due_date else ""
    console.print(f"Added milestone #{view.id}: {view.title}{when}.", highlight=False)


@milestone_app.command("done")
@user_errors
def milestone_done(milestone: str = typer.Argument(..., help="Milestone number.")) -> None:
    """Mark a milestone done (today)."""
    view = service.complete_milestone(context(), parse_ref(milestone, "milestone"))
    console.print(
        f"Milestone #{view.id} {view.title} done on {view.completed_on}.", highlight=False
    )


@milestone_app.command("list")
@user_errors
def milestone_list(
    goal: str | None = typer.Option(None, "--goal", help="Only this goal's milestones."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List milestones, soonest due first."""
    views = service.list_milestones(context(), parse_ref(goal, "goal") if goal else None)
    if as_json:
        print_json([v.model_dump(mode="json") for v in views])
    else:
        _milestone_table(views)


# ----------------------------------------------------------------------------------- review
def _ask_int(
    prompt: str, low: int, high: int, default: int | None = None, allow_done: bool = False
) -> int | None:
    """Ask until the answer is in range; an empty answer keeps ``default``."""
    while True:
        raw = typer.prompt(
            prompt,
            default="" if default is None else str(default),
            show_default=default is not None,
        )
        text = str(raw).strip().lower().rstrip("%")
        if text == "":
            return default
        if allow_done and text == "done":
            return 100
        if text.lstrip("-").isdigit() and low <= int(text) <= high:
            return int(text)
        console.print(
            f"[red]Enter a whole number from {low} to {high}{' or done' if allow_done else ''}.[/]"
        )


def _ask_list(prompt: str) -> list[str]:
    items: list[str] = []
    while True:
        value = str(typer.prompt(prompt, default="", show_default=False)).strip()
        if not value:
            return items
        items.append(value)


def interactive_review(month: str, base: ReviewIn | None = None) -> ReviewIn:
    """The guided flow: what the month was, milestone progress, ratings, notes."""
    ctx = context()
    goals = service.list_goals(ctx, include_closed=False)
    console.print(f"[bold]Monthly CEO review of {month}[/]")
    if goals:
        console.print(
            "Your goals: " + "; ".join(f"#{g.id} {g.title}" for g in goals), highlight=False
        )
    else:
        console.print("[yellow]No active goal: alignment needs one (career goals add).[/]")
    goal_ids = {g.id for g in goals}

    activities: list[ActivityIn] = list(base.activities) if base else []
    if base and activities:
        console.print(
            "Activities now: " + "; ".join(f"{a.name} {a.share}%" for a in activities),
            highlight=False,
        )
        if not typer.confirm("Keep these activities?", default=True):
            activities = []
    if not activities:
        console.print(
            "What did the month's work actually consist of? "
            "One main activity at a time; empty to finish."
        )
        total = 0
        while True:
            name = str(typer.prompt("Activity", default="", show_default=False)).strip()
            if not name:
                break
            share = _ask_int(
                f"  rough share of the month, % (left: {100 - total})", 0, 100 - total, None
            )
            share = share or 0
            goal: int | None = None
            while goals:
                raw = str(
                    typer.prompt(
                        "  which goal did it serve? (number, empty = none)",
                        default="",
                        show_default=False,
                    )
                ).strip()
                if not raw:
                    break
                try:
                    goal = parse_ref(raw, "goal")
                except CareerError:
                    goal = None
                if goal in goal_ids:
                    break
                console.print(
                    f"[red]Pick one of: {', '.join(str(i) for i in sorted(goal_ids))}.[/]"
                )
                goal = None
            activities.append(ActivityIn(name=name, share=share, goal_id=goal))
            total += share
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
    new_skills = [s.strip() for s in skills_raw.split(",") if s.strip()]
    wins = list(base.wins) if base else []
    if wins:
        console.print("Wins so far: " + "; ".join(wins), highlight=False)
    console.print("Wins this month: add one per line; empty to finish.")
    wins += _ask_list("Win")

    progress: dict[int, int] = dict(base.milestones) if base else {}
    # where each milestone stood at the last review that mentioned it: the default answer, so
    # that pressing Enter means "no change" and is scored as no move
    known = service.progress_before(ctx, month)
    for g in goals:
        for m in g.milestones:
            if m.status != "open":
                continue
            due = f", due {m.due_date}" if m.due_date else ""
            late = " (overdue)" if m.overdue else ""
            current = progress.get(m.id, known.get(m.id))
            value = _ask_int(
                f"Milestone #{m.id} '{m.title}'{due}{late}: % complete now (0-100 or done, "
                + ("empty = not reported)" if current is None else "empty = no change)"),
                0,
                100,
                current,
                allow_done=True,
            )
            if value is not None:
                progress[m.id] = value
    ratings: dict[int, int] = dict(base.ratings) if base else {}
    for g in goals:
        value = _ask_int(
            f"How much did this month move goal #{g.id} '{g.title}' forward? "
            f"({RATING_MIN} = not at all, {RATING_MAX} = a lot; empty = not rated)",
            RATING_MIN,
            RATING_MAX,
            ratings.get(g.id),
        )
        if value is not None:
            ratings[g.id] = value
    if base and base.notes:
        # an edit shows the notes it keeps on Enter, rather than promising "empty = none"
        console.print(f"Notes now: {base.notes}", highlight=False)
        notes = str(
            typer.prompt("Notes (Enter keeps them, - for none)", default="", show_default=False)
        ).strip()
        notes = "" if notes == "-" else notes or base.notes
    else:
        notes = str(typer.prompt("Notes (empty = none)", default="", show_default=False))
    return ReviewIn(
        month=month,
        activities=activities,
        new_skills=new_skills,
        wins=wins,
        ratings=ratings,
        milestones=progress,
        notes=notes,
    )


def _print_result(result: service.ReviewResult, verb: str) -> None:
    r = result.review
    score = "n/a" if r.alignment is None else f"{r.alignment:.0f}/100"
    console.print(
        f"{verb} the review of [bold]{r.month}[/]. Alignment: [bold]{score}[/]", highlight=False
    )
    console.print(result.breakdown.get("explanation", ""), highlight=False)
    rows = []
    for g in result.breakdown.get("goals", []):
        comps = "; ".join(f"{c['name']}: {c['detail']}" for c in g["components"])
        rows.append((g["title"], "n/a" if g["score"] is None else f"{g['score']:.0f}", comps))
    if rows:
        print_table("Alignment per goal", ["Goal", "Score", "Why"], rows)
    _print_findings(result.findings)


def _cli_hint(link: str) -> str:
    """The command that does in a terminal what an option's web link does in the browser."""
    if link.startswith("/review?month="):
        return f"career review --month {link.removeprefix('/review?month=')}"
    return {
        "/review": "career review",
        "/goals": "career goals list",
        "/pivots": "career pivot",
    }.get(link, link)


def _print_findings(findings: list[dict[str, Any]]) -> None:
    if not findings:
        console.print("[green]No drift found.[/]")
        return
    console.print("[bold]Drift findings[/]")
    for f in findings:
        style = SEVERITY_STYLE.get(f["severity"], "")
        console.print(
            f"[{style}]{f['severity'].upper()}[/] {f.get('title') or f['rule']}: {f['reason']}",
            highlight=False,
        )
        for o in f["options"]:
            link = f" ({_cli_hint(o['link'])})" if o.get("link") else ""
            console.print(f"   - {o['title']}: {o['why']}{link}", highlight=False)


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
    has_flags = bool(activity or new_skill or win or rate or milestone or notes is not None)
    guided = interactive if interactive is not None else not has_flags
    if guided:
        data = interactive_review(target)
    else:
        data = _flags_review(target, activity, new_skill, win, rate, milestone, notes)
    result = service.create_review(ctx, data)
    if as_json:
        print_json(result.model_dump(mode="json"))
    else:
        _print_result(result, "Saved")


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
    has_flags = bool(activity or new_skill or win or rate or milestone or notes is not None)
    if has_flags:
        data = _flags_review(month, activity, new_skill, win, rate, milestone, notes, base)
    else:
        data = interactive_review(month, base)
    result = service.edit_review(ctx, month, data)
    if as_json:
        print_json(result.model_dump(mode="json"))
    else:
        _print_result(result, "Updated")
        console.print(
            f"The previous version is kept ({plural(result.review.revisions, 'revision')})."
        )


@review_app.command("show")
@user_errors
def review_show(
    month: str = typer.Argument(..., help="YYYY-MM."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
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
    _print_result(result, "This is")
    d = result.review.details
    for label, key in (("New skills", "new_skills"), ("Wins", "wins")):
        if d.get(key):
            console.print(f"{label}: " + "; ".join(d[key]), highlight=False)
    if result.review.notes:
        console.print(f"Notes: {result.review.notes}", highlight=False)
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
def review_history(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
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
    findings = [asdict(f) for f in service.drift_findings(ctx)]
    if rows:
        _print_findings(findings)


@review_app.command("due")
@user_errors
def review_due(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Is a review due? Which month, and which months were missed."""
    schedule = service.review_due(context())
    if as_json:
        print_json(
            {
                "next_month": schedule.next_month,
                "due": schedule.due,
                "overdue": schedule.overdue,
                "missed": list(schedule.missed),
                "message": schedule.message,
            }
        )
        return
    style = "bold red" if schedule.overdue else "yellow" if schedule.due else "green"
    console.print(f"[{style}]{schedule.message}[/]", highlight=False)
    if schedule.missed:
        console.print(f"Missed: {', '.join(schedule.missed)}")


# ----------------------------------------------------------------------------------- signals
def interactive_signals() -> dict[str, int]:
    console.print(
        "[bold]Warning-signs check[/]: rate each statement "
        + ", ".join(f"{k} = {v}" for k, v in LIKERT.items())
    )
    answers: dict[str, int] = {}
    for dim in DIMENSIONS:
        console.print(f"[bold]{dim.title}[/]")
        for q in QUESTIONS:
            if q.dimension == dim.id:
                value = None
                while value is None:
                    value = _ask_int(
                        f"  {q.text} (1 = strongly disagree .. 5 = strongly agree)", 1, 5, None
                    )
                answers[q.id] = value
    return answers


def _print_signals(view: service.SignalView) -> None:
    scores = view.scores
    print_table(
        f"Warning signs, {view.taken_on}",
        ["Sign", "Score", "Level", "Change", "Why"],
        [
            (
                d["title"] + (" *" if d["core"] else ""),
                f"{d['score']:.0f}",
                d["level"],
                f"{view.changes[d['dimension']]:+.0f}" if d["dimension"] in view.changes else "",
                d["explanation"],
            )
            for d in scores.get("dimensions", [])
        ],
    )
    style = "bold red" if scores.get("recommend_pivot") else "green"
    console.print(f"[{style}]{scores.get('recommendation', '')}[/]", highlight=False)
    console.print("* one of the three signs executives should watch", style="dim")


@signals_app.callback()
@user_errors
def signals(
    typer_ctx: typer.Context,
    answer: list[str] = typer.Option(
        [],
        "--answer",
        help="QUESTION=1..5, e.g. um1=4. Repeat for every question (see career signals questions).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Take the warning-signs check (guided, or all answers as flags)."""
    if typer_ctx.invoked_subcommand is not None:
        return
    if answer:
        answers: dict[str, int] = {}
        for item in answer:
            key, sep, value = item.partition("=")
            if not key.strip() or not sep:
                fail(f"answer {item!r} must be QUESTION=1..5, e.g. um1=4")
            if not value.strip().isdigit():
                fail(
                    f"answer for {key.strip()} must be a whole number from 1 to 5, "
                    f"got {value.strip()!r}"
                )
            answers[key.strip().lower()] = int(value)
    else:
        answers = interactive_signals()
    view = service.take_signals(context(), SignalsIn(answers=answers))
    if as_json:
        print_json(view.model_dump(mode="json"))
    else:
        _print_signals(view)


@signals_app.command("questions")
def signals_questions(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """The questionnaire, with the id to use in --answer."""
    if as_json:
        print_json(
            [
                {"id": q.id, "dimension": q.dimension, "text": q.text, "reverse": q.reverse}
                for q in QUESTIONS
            ]
        )
        return
    print_table(
        "Warning-signs questions",
        ["Id", "Sign", "Statement"],
        [(q.id, SIGN_TITLES.get(q.dimension, q.dimension), q.text) for q in QUESTIONS],
    )


@signals_app.command("history")
@user_errors
def signals_history(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Every check, oldest first, with the scores per sign."""
    views = service.signals_history(context())
    if as_json:
        print_json([v.model_dump(mode="json") for v in views])
        return
    if not views:
        console.print("No check yet. Take one: career signals")
        return
    # one column per check and one row per sign, so the dates stay readable and each sign's
    # trend reads left to right; the newest checks are kept when there are many
    shown = views[-SIGNALS_HISTORY_COLUMNS:]
    rows: list[tuple[str, ...]] = []
    for dim in DIMENSIONS:
        scores = [
            {d["dimension"]: d["score"] for d in v.scores.get("dimensions", [])}.get(dim.id)
            for v in shown
        ]
        rows.append((dim.title, *("" if x is None else f"{x:.0f}" for x in scores)))
    rows.append(("Overall", *(f"{v.overall or 0:.0f}" for v in shown)))
    rows.append(
        ("Pivot recommended", *("yes" if v.scores.get("recommend_pivot") else "" for v in shown))
    )
    table = Table(title="Warning-signs history (0 = no warning, 100 = all warning)")
    table.add_column("Sign", header_style="bold")
    for v in shown:
        table.add_column(str(v.taken_on), header_style="bold", justify="right", no_wrap=True)
    for row in rows:
        table.add_row(*row)
    console.print(table)
    if len(views) > len(shown):
        console.print(
            f"Showing the last {len(shown)} of {len(views)} checks; "
            "career signals history --json lists them all.",
            style="dim",
        )


# ----------------------------------------------------------------------------------- calendar
@calendar_app.command("export")
@user_errors
def calendar_export(
    file: Path = typer.Argument(..., help="Where to write the .ics file."),
    weekday: str = typer.Option(
        "MO", "--weekday", help="Review on the first MO..SU of each month."
    ),
    day: int | None = typer.Option(None, "--day", help="Or on this day of the month (1-28)."),
) -> None:
    """Write the monthly review (recurring) and milestone due dates as an .ics file."""
    wd = weekday.strip().upper()[:2]
    if day is None and wd not in {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}:
        fail(f"weekday {weekday!r} must be one of MO TU WE TH FR SA SU")
    data = service.calendar_ics(context(), weekday=None if day is not None else wd, day=day)
    try:
        file.write_bytes(data)
    except OSError as exc:
        fail(f"cannot write {file}: {exc.strerror}")
    console.print(
        f"Wrote {file} ({plural(data.count(b'BEGIN:VEVENT'), 'event')}). "
        "Import it into your calendar.",
        soft_wrap=True,  # a path cut across lines cannot be copied
        highlight=False,
    )


# ----------------------------------------------------------------------------------- dashboard
def direction(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """The three macro-challenges: finding a new job, leaving the old one, performing now."""
    try:
        items = service.challenges(context())
    except CareerError as exc:
        fail(str(exc))
    if as_json:
        print_json([asdict(c) for c in items])
        return
    for c in items:
        console.print(f"[bold]{c.title}[/]: {c.status} - {c.headline}", highlight=False)
        for e in c.evidence:
            console.print(f"   - {e}", highlight=False)
        console.print(f"   next: {c.next_step}", highlight=False)
