"""The vision, the goals and their milestones. A vision save is a new row; a goal edit first
keeps a snapshot of what it replaces."""

from __future__ import annotations

from datetime import date

from careerceo.errors import CareerError
from careerceo.model.direction import (
    GoalIn,
    GoalPatch,
    GoalStatus,
    MilestoneIn,
    MilestoneStatus,
    VisionIn,
)
from careerceo.services.context import AppContext
from careerceo.services.direction.common import (
    Repos,
    goal_snapshot,
    goal_view,
    milestone_view,
    today_or,
    vision_view,
)
from careerceo.services.direction.views import GoalView, MilestoneView, RevisionView, VisionView
from careerceo.services.occupation_codes import check_known_code
from careerceo.store.tables import Goal, Milestone, Vision

MILESTONE_YEARS_AHEAD = 30


# ----------------------------------------------------------------------------------- vision
def set_vision(ctx: AppContext, data: VisionIn) -> VisionView:
    with ctx.db.transaction() as s:
        return vision_view(Repos(s, ctx.person_id).visions.add(Vision(text=data.text)))


def vision_history(ctx: AppContext) -> list[VisionView]:
    """Newest first; the first item is the current vision."""
    with ctx.db.transaction() as s:
        return [vision_view(v) for v in Repos(s, ctx.person_id).visions.list()]


def current_vision(ctx: AppContext) -> VisionView | None:
    history = vision_history(ctx)
    return history[0] if history else None


# ----------------------------------------------------------------------------------- goals
def add_goal(ctx: AppContext, data: GoalIn, today: date | None = None) -> GoalView:
    check_known_code(data.occupation_code)
    with ctx.db.transaction() as s:
        goal = Repos(s, ctx.person_id).goals.add(Goal(**data.model_dump()))
        return goal_view(goal, [], today_or(today))


def list_goals(
    ctx: AppContext, *, include_closed: bool = True, today: date | None = None
) -> list[GoalView]:
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        milestones = repos.milestones.list()
        return [
            goal_view(g, milestones, today_or(today))
            for g in repos.goals.list()
            if include_closed or g.status == GoalStatus.ACTIVE
        ]


def get_goal(ctx: AppContext, goal_id: int, today: date | None = None) -> GoalView:
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        return goal_view(repos.goal(goal_id), repos.milestones.list(), today_or(today))


def goal_history(ctx: AppContext, goal_id: int) -> list[RevisionView]:
    """What the goal looked like before each edit, oldest first."""
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        repos.goal(goal_id)
        return [
            RevisionView(saved_at=r.created_at, snapshot=dict(r.snapshot))
            for r in repos.goals.revisions(goal_id)
        ]


def edit_goal(
    ctx: AppContext, goal_id: int, patch: GoalPatch, today: date | None = None
) -> GoalView:
    changes = patch.model_dump(exclude_unset=True)
    if not changes:
        raise CareerError(
            "nothing to change; give at least one of title, horizon, target role, code, why",
            field="goal",
        )
    check_known_code(changes.get("occupation_code"))
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        goal = repos.goal(goal_id)
        repos.goals.revise(goal, goal_snapshot(goal))
        values = {
            key: str(value) if isinstance(value, GoalStatus) else value
            for key, value in changes.items()
            # None means "leave as is"; only the code can be cleared
            if value is not None or key == "occupation_code"
        }
        repos.goals.update(goal, values)
        return goal_view(goal, repos.milestones.list(), today_or(today))


def set_goal_status(
    ctx: AppContext, goal_id: int, status: GoalStatus, today: date | None = None
) -> GoalView:
    return edit_goal(ctx, goal_id, GoalPatch(status=status), today)


# ----------------------------------------------------------------------------------- milestones
def _check_due(due: date | None, today: date) -> None:
    if due is not None and due < today:
        raise CareerError(
            f"due date {due.isoformat()} is in the past; a new milestone needs a date "
            f"from {today.isoformat()} on",
            field="due_date",
        )
    latest = date(today.year + MILESTONE_YEARS_AHEAD, 12, 31)
    if due is not None and due > latest:
        raise CareerError(
            f"due date {due.isoformat()} is too far away for a milestone; pick a date "
            f"up to {latest.isoformat()} (split a long goal into nearer milestones)",
            field="due_date",
        )


def add_milestone(
    ctx: AppContext, goal_id: int, data: MilestoneIn, today: date | None = None
) -> MilestoneView:
    now = today_or(today)
    _check_due(data.due_date, now)
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        goal = repos.goal(goal_id)
        if goal.status != GoalStatus.ACTIVE:
            raise CareerError(
                f"goal #{goal_id} is {goal.status}; reopen it (career goals edit {goal_id} "
                "--status active) before adding milestones",
                field="goal",
            )
        m = repos.milestones.add(Milestone(goal_id=goal.id, **data.model_dump()))
        return milestone_view(m, now)


def complete_milestone(
    ctx: AppContext, milestone_id: int, today: date | None = None
) -> MilestoneView:
    now = today_or(today)
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        m = repos.milestone(milestone_id)
        repos.milestones.update(
            m, {"status": str(MilestoneStatus.DONE), "completed_on": m.completed_on or now}
        )
        return milestone_view(m, now)


def list_milestones(
    ctx: AppContext, goal_id: int | None = None, today: date | None = None
) -> list[MilestoneView]:
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        if goal_id is not None:
            repos.goal(goal_id)
        return [
            milestone_view(m, today_or(today))
            for m in repos.milestones.list()
            if goal_id is None or m.goal_id == goal_id
        ]
