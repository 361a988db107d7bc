"""``career goals`` and ``career goals milestone``: goals with their horizon, target role and
why, and the measurable milestones toward them."""

from __future__ import annotations

from typing import Any

import typer

from careerceo.cli.common import console, context, print_json, print_table, user_errors
from careerceo.cli.direction.output import milestone_table
from careerceo.cli.direction.parsing import parse_date, parse_ref
from careerceo.cli.render import JSON, present_rows, say
from careerceo.model.direction import (
    HORIZONS,
    GoalIn,
    GoalPatch,
    GoalStatus,
    MilestoneIn,
    MilestoneStatus,
)
from careerceo.services import direction as service

goals_app = typer.Typer(help="Goals with horizon, target role, why, and milestones.")
milestone_app = typer.Typer(help="Measurable milestones with due dates.")
goals_app.add_typer(milestone_app, name="milestone")


@goals_app.command("add")
@user_errors
def goals_add(
    title: str = typer.Argument(..., help="The goal, e.g. 'Lead a data team'."),
    horizon: str = typer.Option("1y", "--horizon", "-h", help="1y, 2y or long."),
    role: str = typer.Option("", "--role", help="Target role, in your words."),
    code: str | None = typer.Option(None, "--code", help="O*NET-SOC code, e.g. 15-1252.00."),
    why: str = typer.Option("", "--why", help="Why it matters to you."),
    as_json: bool = JSON,
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
    say(f"Added goal #{goal.id}: [bold]{goal.title}[/] ({goal.horizon_label}){extra}.")
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
    as_json: bool = JSON,
) -> None:
    """List goals with their milestones."""
    present_rows(
        service.list_goals(context(), include_closed=show_all),
        as_json,
        "Goals",
        ["#", "Goal", "Horizon", "Target role", "Status", "Milestones"],
        _goal_row,
        empty='No goals yet. Add one: career goals add "Lead a data team" --horizon 2y',
    )


def _goal_row(g: service.GoalView) -> tuple[object, ...]:
    open_ms = [m for m in g.milestones if m.status == MilestoneStatus.OPEN]
    overdue = sum(1 for m in open_ms if m.overdue)
    return (
        g.id,
        g.title,
        g.horizon_label,
        g.occupation_title or g.target_role or g.occupation_code or "",
        g.status,
        f"{len(open_ms)} open" + (f", {overdue} overdue" if overdue else ""),
    )


@goals_app.command("show")
@user_errors
def goals_show(goal: str = typer.Argument(..., help="Goal number."), as_json: bool = JSON) -> None:
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
    say(f"[bold]#{view.id} {view.title}[/] ({view.horizon_label}, {view.status})")
    if view.target_role or view.occupation_code:
        code = f" [{view.occupation_code}]" if view.occupation_code else ""
        title = f" = {view.occupation_title}" if view.occupation_title else ""
        say(f"Target role: {view.target_role}{code}{title}")
    if view.why:
        say(f"Why: {view.why}")
    milestone_table(view.milestones)
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
    say(f"Updated goal #{view.id}: [bold]{view.title}[/] ({view.status}).")


@goals_app.command("done")
@user_errors
def goals_done(goal: str = typer.Argument(..., help="Goal number.")) -> None:
    """Mark a goal done."""
    view = service.set_goal_status(context(), parse_ref(goal, "goal"), GoalStatus.DONE)
    say(f"Goal #{view.id} [bold]{view.title}[/] is done. Well played.")


@goals_app.command("remove")
@user_errors
def goals_remove(goal: str = typer.Argument(..., help="Goal number.")) -> None:
    """Drop a goal (kept as 'dropped' so past reviews still explain themselves)."""
    view = service.set_goal_status(context(), parse_ref(goal, "goal"), GoalStatus.DROPPED)
    say(f"Dropped goal #{view.id} {view.title}.")


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
    say(f"Added milestone #{view.id}: {view.title}{when}.")


@milestone_app.command("done")
@user_errors
def milestone_done(milestone: str = typer.Argument(..., help="Milestone number.")) -> None:
    """Mark a milestone done (today)."""
    view = service.complete_milestone(context(), parse_ref(milestone, "milestone"))
    say(f"Milestone #{view.id} {view.title} done on {view.completed_on}.")


@milestone_app.command("list")
@user_errors
def milestone_list(
    goal: str | None = typer.Option(None, "--goal", help="Only this goal's milestones."),
    as_json: bool = JSON,
) -> None:
    """List milestones, soonest due first."""
    views = service.list_milestones(context(), parse_ref(goal, "goal") if goal else None)
    if as_json:
        print_json([v.model_dump(mode="json") for v in views])
    else:
        milestone_table(views)
