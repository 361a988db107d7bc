"""How much a month's work moved each goal forward: the alignment score of the CEO review.

The formula, per goal (0-100), is a weighted mean of up to three components, each 0..1:

* **time** (weight 0.4): the share of the month spent on activities tagged to the goal, against
  a *fair share* of ``100% / active goals`` capped at 50% (no goal needs more than half a month
  to count as fully served). ``min(1, share / fair_share)``. Absent when the review lists no
  activities at all (the person did not say how the month went, which is not the same as 0%).
* **rating** (weight 0.4): the person's own 0-5 judgment "how much did this month move the
  goal", divided by 5. Absent when the goal was not rated.
* **milestones** (weight 0.2): for the goal's milestones that were open during the month, how
  far each moved since it was last reported (``progress now - progress before``, in points of
  0-100, done = 100; *before* is the latest progress any earlier review gave it, so a month
  that skips a milestone does not reset it to 0); a 25-point move in one month is full credit,
  ``min(1, delta / 25)``, averaged over those milestones; a milestone not reported did not
  move. Absent when the goal had no open milestone.

Absent components drop out and the remaining weights are rescaled, so a missing answer never
reads as a bad month. A goal with no component at all has no score (``None``).
The **overall** alignment is the plain mean of the goal scores that exist: each goal the person
keeps counts the same, which is what "does my day-to-day move me toward where I want to be"
asks. Every score carries its components so the number can always be explained.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from careerceo.analysis.wording import plural
from careerceo.model.months import first_day, last_day

WEIGHTS = {"time": 0.4, "rating": 0.4, "milestones": 0.2}
FAIR_SHARE_CAP = 50.0
FULL_MILESTONE_MOVE = 25.0
RATING_MAX = 5


@dataclass(frozen=True)
class GoalInfo:
    key: str
    title: str
    created: date
    status: str = "active"  # active | done | dropped
    closed_on: date | None = None


@dataclass(frozen=True)
class MilestoneInfo:
    key: str
    goal_key: str
    title: str
    due_date: date | None = None
    status: str = "open"  # open | done | dropped
    completed_on: date | None = None


@dataclass(frozen=True)
class Activity:
    name: str
    share: float  # percent of the month, 0..100
    goal_key: str | None = None


@dataclass(frozen=True)
class ReviewData:
    """One month's review as the analysis sees it (keys are stable goal/milestone ids)."""

    month: str
    activities: tuple[Activity, ...] = ()
    new_skills: tuple[str, ...] = ()
    wins: tuple[str, ...] = ()
    ratings: Mapping[str, int] = field(default_factory=dict)
    milestone_progress: Mapping[str, int] = field(default_factory=dict)  # 0..100, 100 = done


@dataclass(frozen=True)
class Component:
    name: str
    value: float | None  # 0..1, None when absent
    weight: float
    detail: str


@dataclass(frozen=True)
class GoalAlignment:
    goal_key: str
    title: str
    score: float | None  # 0..100
    components: tuple[Component, ...]
    time_share: float
    untouched: bool

    def explain(self) -> str:
        parts = [f"{c.name} {c.detail}" for c in self.components]
        shown = "n/a" if self.score is None else f"{self.score:.0f}"
        return f"{self.title}: {shown}/100 ({'; '.join(parts)})"


@dataclass(frozen=True)
class ReviewAlignment:
    month: str
    overall: float | None
    goals: tuple[GoalAlignment, ...]
    on_goal_share: float  # percent of the month tagged to any goal
    explanation: str


def goals_in_scope(
    goals: Sequence[GoalInfo], month: str, referenced: Collection[str] = ()
) -> list[GoalInfo]:
    """The goals a month is judged against: created by its end and not closed before it began,
    plus any goal the review itself names (a goal written down today can still be what last
    month's work served)."""
    start, end = first_day(month), last_day(month)
    return [
        g
        for g in goals
        if g.key in referenced
        or (
            g.created <= end
            and not (g.status != "active" and g.closed_on is not None and g.closed_on < start)
        )
    ]


def _open_during(m: MilestoneInfo, start: date) -> bool:
    return not (m.status != "open" and m.completed_on is not None and m.completed_on < start)


def carry_progress(previous: ReviewData | None, review: ReviewData) -> ReviewData:
    """``review`` with the progress of every milestone it did not report carried over from
    ``previous``: what to pass as ``previous`` when scoring the next month, so that a
    milestone's move is measured from where it was last reported, not from 0."""
    if previous is None:
        return review
    merged = {**previous.milestone_progress, **review.milestone_progress}
    return replace(review, milestone_progress=merged)


def score_review(
    review: ReviewData,
    goals: Sequence[GoalInfo],
    milestones: Sequence[MilestoneInfo],
    previous: ReviewData | None = None,
) -> ReviewAlignment:
    referenced = {a.goal_key for a in review.activities if a.goal_key is not None}
    referenced |= set(review.ratings)
    referenced |= {m.goal_key for m in milestones if m.key in review.milestone_progress}
    scoped = goals_in_scope(goals, review.month, referenced)
    if not scoped:
        if not goals:
            why = "no goal was active this month: set a goal to measure"
        elif all(g.created > last_day(review.month) for g in goals):
            why = (
                f"your goals were set after {review.month}: rate them or tag the month's "
                "activities to them to measure this month against them"
            )
        else:
            why = f"no goal was active in {review.month}: they were closed before it began"
        return ReviewAlignment(review.month, None, (), 0.0, why)
    fair = min(FAIR_SHARE_CAP, 100.0 / len(scoped))
    shares: dict[str, float] = {}
    for a in review.activities:
        if a.goal_key is not None:
            shares[a.goal_key] = shares.get(a.goal_key, 0.0) + a.share
    before = previous.milestone_progress if previous is not None else {}
    start = first_day(review.month)
    by_goal: dict[str, list[MilestoneInfo]] = {}
    for m in milestones:
        if _open_during(m, start):
            by_goal.setdefault(m.goal_key, []).append(m)
    results = [
        _goal_alignment(goal, review, shares, fair, by_goal.get(goal.key, []), before)
        for goal in scoped
    ]
    scored = [r.score for r in results if r.score is not None]
    overall = round(sum(scored) / len(scored), 1) if scored else None
    on_goal = sum(a.share for a in review.activities if a.goal_key is not None)
    if overall is None:
        text = "nothing to score: list the month's activities or rate your goals"
    else:
        best = max((r for r in results if r.score is not None), key=lambda r: r.score or 0.0)
        text = (
            f"overall {overall:.0f}/100 = mean of {plural(len(scored), 'goal score')}; "
            f"{on_goal:.0f}% of the month went to goal work; strongest: {best.title} "
            f"({best.score:.0f})"
        )
    return ReviewAlignment(review.month, overall, tuple(results), on_goal, text)


def _goal_alignment(
    goal: GoalInfo,
    review: ReviewData,
    shares: Mapping[str, float],
    fair: float,
    mine: list[MilestoneInfo],
    before: Mapping[str, int],
) -> GoalAlignment:
    """One goal's score: time against its fair share, its rating, and how far its open
    milestones moved; a part with no data is left out of the weighted mean."""
    share = shares.get(goal.key, 0.0)
    comps: list[Component] = []
    if review.activities:
        comps.append(
            Component(
                "time",
                min(1.0, share / fair),
                WEIGHTS["time"],
                f"{share:.0f}% of the month vs fair share {fair:.0f}%",
            )
        )
    else:
        comps.append(Component("time", None, 0.0, "no activities listed"))
    rating = review.ratings.get(goal.key)
    if rating is not None:
        comps.append(
            Component(
                "rating", rating / RATING_MAX, WEIGHTS["rating"], f"rated {rating}/{RATING_MAX}"
            )
        )
    else:
        comps.append(Component("rating", None, 0.0, "not rated"))
    moved_any = False
    if mine:
        moves: list[float] = []
        notes: list[str] = []
        for m in mine:
            now = review.milestone_progress.get(m.key)
            was = before.get(m.key, 0)
            delta = 0.0 if now is None else max(0.0, float(now - was))
            moved_any = moved_any or delta > 0
            moves.append(min(1.0, delta / FULL_MILESTONE_MOVE))
            notes.append(f"'{m.title}' +{delta:.0f} pts")
        comps.append(
            Component(
                "milestones", sum(moves) / len(moves), WEIGHTS["milestones"], ", ".join(notes)
            )
        )
    else:
        comps.append(Component("milestones", None, 0.0, "no open milestone"))
    present = [c for c in comps if c.value is not None]
    total_w = sum(c.weight for c in present)
    score = (
        round(100.0 * sum(c.weight * (c.value or 0.0) for c in present) / total_w, 1)
        if total_w > 0
        else None
    )
    untouched = share == 0 and (rating is None or rating <= 1) and not moved_any
    return GoalAlignment(goal.key, goal.title, score, tuple(comps), share, untouched)
