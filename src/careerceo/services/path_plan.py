"""Where the person stands on a collection's path to a target, and a plan of the next steps
saved as a goal with milestones (so the monthly review tracks it)."""

from __future__ import annotations

from datetime import date

from careerceo.errors import CareerError
from careerceo.model.paths import (
    PathAnalysisOut,
    PathPlanOut,
    PlanStepOut,
    StepMove,
    StepRow,
    YourPosition,
    month_of,
)
from careerceo.services.context import AppContext
from careerceo.services.path_analysis import analyze
from careerceo.services.path_titles import (
    match_titles,
    title_key,
)
from careerceo.store.repositories import PositionRepository

MAX_PLAN_STEPS = 3


REQUIREMENTS_PER_STEP = 4


def _your_positions(ctx: AppContext) -> list[tuple[str, str | None]]:
    with ctx.db.transaction() as session:
        rows = PositionRepository(session, ctx.person_id).list()
        found = [(row.title, row.occupation_code) for row in rows]
    missing = [title for title, code in found if code is None]
    matched = match_titles(ctx, missing) if missing else {}
    return [(t, c or matched[t].code) for t, c in found]


def _place(title: str, code: str | None, out: PathAnalysisOut) -> tuple[int | None, str | None]:
    key = title_key(title)
    if out.target_code and out.matched_by != "title" and code == out.target_code:
        return 0, "occupation"
    if out.matched_by == "title" and key == title_key(out.target_title or out.target):
        return 0, "title"
    for row in out.steps_before:
        if title_key(row.title) == key:
            return row.step, "title"
    for row in out.occupations_before:
        if code and row.code == code:
            return row.step, "occupation"
    return None, None


def _requirements(ctx: AppContext, code: str | None) -> list[str]:
    """The largest gaps the pivot engine sees between the person and the step's occupation."""
    if code is None:
        return []
    from careerceo.services.pivots import pivot_detail

    try:
        detail = pivot_detail(ctx, code)
    except CareerError:
        return []
    out: list[str] = []
    for gap in detail.gaps[:REQUIREMENTS_PER_STEP]:
        if gap.your_level is not None and gap.target_level is not None:
            out.append(
                f"{gap.name} ({gap.kind}): you {gap.your_level:.1f}, needed "
                f"{gap.target_level:.1f} of 7 ({gap.source})"
            )
        else:
            out.append(f"{gap.name} ({gap.kind}, {gap.source})")
    return out


def _route(out: PathAnalysisOut, your_step: int | None) -> list[StepRow]:
    """The most common role at each step between where the person is and the target."""
    route: list[StepRow] = []
    if your_step != 0:
        start = (your_step - 1) if your_step is not None else MAX_PLAN_STEPS
        for step in range(start, 0, -1):
            rows = [r for r in out.steps_before if r.step == step]
            if rows:
                route.append(rows[0])  # the most common role at that step
    return route


def _steps(
    ctx: AppContext, out: PathAnalysisOut, your_step: int | None, with_requirements: bool
) -> list[PlanStepOut]:
    """The plan's steps, each with its evidence, ending with the target itself."""
    target_label = out.target_title or out.target
    steps: list[PlanStepOut] = []
    for order, row in enumerate(_route(out, your_step), start=1):
        median = (
            f", for a median {row.median_years:.1f} years" if row.median_years is not None else ""
        )
        steps.append(
            PlanStepOut(
                order=order,
                title=row.title,
                code=row.code,
                occupation_title=row.occupation_title,
                people=row.people,
                median_years=row.median_years,
                move=row.move,
                requirements=_requirements(ctx, row.code) if with_requirements else [],
                why=(
                    f"{row.people} of the {out.people} people who reached {target_label} were "
                    f"{row.title} {row.step} step(s) before{median}"
                ),
            )
        )
    if your_step != 0 and out.people:
        years = out.median_years_to_target
        after = f", a median {years:.1f} years after their first job" if years is not None else ""
        steps.append(
            PlanStepOut(
                order=len(steps) + 1,
                title=target_label,
                code=out.target_code,
                occupation_title=None,
                people=out.people,
                median_years=None,
                move=StepMove.UNKNOWN,
                requirements=_requirements(ctx, out.target_code) if with_requirements else [],
                why=(
                    f"the target: {out.people} of {out.profiles} people in the collection "
                    f"reached it{after}"
                ),
            )
        )
    return steps


def plan(
    ctx: AppContext,
    name: str,
    target: str,
    *,
    today: date | None = None,
    with_requirements: bool = True,
) -> PathPlanOut:
    """Where the person stands on the collection's path to the target, and the next steps."""
    out = analyze(ctx, name, target, today=today)
    mine_positions = _your_positions(ctx)
    you = []
    for title, code in mine_positions:
        step, how = _place(title, code, out)
        you.append(YourPosition(title=title, code=code, step=step, matched_by=how))
    held = [p.step for p in you if p.step is not None]
    your_step = min(held) if held else None
    steps = _steps(ctx, out, your_step, with_requirements)
    warnings = list(out.warnings)
    if not mine_positions:
        warnings.append(
            "you have no positions yet, so where you stand is unknown; add them or import "
            "your résumé"
        )
    elif your_step is None:
        warnings.append(
            "none of your positions is on this collection's path; the plan starts from the "
            "role people most often held three steps before the target"
        )
    return PathPlanOut(
        collection=out.collection,
        target=out.target,
        target_code=out.target_code,
        target_title=out.target_title,
        people=out.people,
        you=you,
        your_step=your_step,
        steps=steps,
        next_from=out.next_from,
        warnings=warnings,
        evidence=out.evidence + "; requirements from the pivot engine's gap (O*NET 29.0)",
    )


def save_plan(ctx: AppContext, name: str, target: str, *, today: date | None = None) -> PathPlanOut:
    """The plan as a goal whose milestones are its steps, so the monthly review tracks it.

    Due dates follow the collection's median years per step from today (a step with no
    median gets a year)."""
    from careerceo.model.direction import GoalIn, MilestoneIn
    from careerceo.services import direction

    now = today or date.today()
    out = plan(ctx, name, target, today=now, with_requirements=True)
    if not out.steps:
        raise CareerError(
            "there is no step to plan: you already hold the target, or nobody in the "
            "collection reached it",
            field="target",
        )
    label = out.target_title or out.target
    goal = direction.add_goal(
        ctx,
        GoalIn(
            title=f"Reach {label}"[:300],
            horizon="long" if len(out.steps) > 2 else "2y",
            target_role=label[:200],
            occupation_code=out.target_code,
            why=(f"The path of the people in '{out.collection}'. {out.evidence}")[:5000],
        ),
        today=now,
    )
    months = 0
    for step in out.steps:
        months += round((step.median_years or 1.0) * 12)
        due_month = month_of(now) + max(months, 1)
        due = date(due_month // 12, due_month % 12 + 1, 1)
        direction.add_milestone(
            ctx,
            goal.id,
            MilestoneIn(
                title=f"Step {step.order}: {step.title}"[:300],
                measure=("; ".join(step.requirements[:2]) or step.why)[:300],
                due_date=due,
            ),
            today=now,
        )
    out.goal_id = goal.id
    return out
