"""Drift: the signs that day-to-day work no longer moves the person toward their goals.

Each rule looks at the review history (with alignment scores), the goals, their milestones and
the review schedule, and says why it fired with the numbers. Each finding proposes the options
of the method (change team, ask for one or two added responsibilities, start a quiet job search,
re-plan the goal), chosen for that rule, each with the reason it fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from careerceo.analysis.actions import Action, ActionKind
from careerceo.analysis.alignment import (
    GoalInfo,
    MilestoneInfo,
    ReviewAlignment,
    ReviewData,
)
from careerceo.analysis.wording import plural
from careerceo.model.months import add_months

LOW_ALIGNMENT = 50.0
VERY_LOW_ALIGNMENT = 30.0
UNTOUCHED_REVIEWS = 2
QUARTER = 3
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}

OPTION_TITLES = {
    "change-team": "Ask to change teams",
    "added-responsibilities": "Ask for one or two additional responsibilities",
    "quiet-search": "Quietly start searching (it's easier to get a job when you have a job)",
    "re-plan": "Re-plan the goal",
    "catch-up": "Catch up on the missed review",
}
RULE_TITLES = {
    "low-alignment": "Low alignment",
    "milestone-overdue": "Milestone overdue",
    "no-new-skill": "No new skill this quarter",
    "goal-untouched": "Goal untouched",
    "missed-month": "Missed review",
    "no-goals": "No goals yet",
    "all-goals-done": "All goals closed",
}
OPTION_ACTIONS = {
    "quiet-search": Action(ActionKind.PIVOTS),
    "re-plan": Action(ActionKind.GOALS),
    "catch-up": Action(ActionKind.REVIEW),
}


@dataclass(frozen=True)
class Option:
    id: str
    title: str
    why: str
    action: Action | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # high | medium | low
    reason: str
    options: tuple[Option, ...]
    subject: str | None = None  # the goal or milestone key it is about
    title: str = field(init=False)  # what a person reads instead of the rule id

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", RULE_TITLES.get(self.rule, self.rule))


@dataclass(frozen=True)
class ReviewRecord:
    data: ReviewData
    alignment: ReviewAlignment


def _opt(option_id: str, why: str, action: Action | None = None) -> Option:
    return Option(option_id, OPTION_TITLES[option_id], why, action or OPTION_ACTIONS.get(option_id))


def low_alignment(history: Sequence[ReviewRecord]) -> list[Finding]:
    scored = [r for r in history if r.alignment.overall is not None]
    if len(scored) < 2:
        return []
    last_two = scored[-2:]
    values = [r.alignment.overall or 0.0 for r in last_two]
    if not all(v < LOW_ALIGNMENT for v in values):
        return []
    streak = 0
    for r in reversed(scored):
        if (r.alignment.overall or 0.0) >= LOW_ALIGNMENT:
            break
        streak += 1
    severity = "high" if streak >= 3 or all(v < VERY_LOW_ALIGNMENT for v in values) else "medium"
    weakest = min(
        (g for g in last_two[-1].alignment.goals if g.score is not None),
        key=lambda g: g.score or 0.0,
        default=None,
    )
    target = f"'{weakest.title}'" if weakest else "your goals"
    reason = (
        f"alignment below {LOW_ALIGNMENT:.0f} for {streak} reviews in a row "
        f"({last_two[0].data.month}: {values[0]:.0f}, {last_two[1].data.month}: {values[1]:.0f})"
    )
    return [
        Finding(
            "low-alignment",
            severity,
            reason,
            (
                _opt(
                    "added-responsibilities",
                    f"the smallest change: one or two responsibilities that serve {target} "
                    "turn your current job toward the goal",
                ),
                _opt(
                    "change-team", "if your team's work cannot serve the goal, another team's may"
                ),
                _opt(
                    "quiet-search",
                    "if neither is possible here, look outside while still employed",
                ),
            ),
        )
    ]


def overdue_milestones(
    milestones: Sequence[MilestoneInfo], goals: Sequence[GoalInfo], today: date
) -> list[Finding]:
    titles = {g.key: g.title for g in goals}
    # a done or dropped goal takes its milestones with it: they are no longer anyone's plan
    closed = {g.key for g in goals if g.status != "active"}
    found: list[Finding] = []
    for m in milestones:
        if m.status != "open" or m.due_date is None or m.due_date >= today:
            continue
        if m.goal_key in closed:
            continue
        late = (today - m.due_date).days
        goal = titles.get(m.goal_key, "its goal")
        found.append(
            Finding(
                "milestone-overdue",
                "high" if late > 30 else "medium",
                f"milestone '{m.title}' ({goal}) was due {m.due_date.isoformat()}, "
                f"{plural(late, 'day')} ago, and is still open",
                (
                    _opt("re-plan", "move the date or cut the milestone to what is reachable"),
                    _opt(
                        "added-responsibilities",
                        "if your job leaves no room for it, ask for a responsibility that "
                        "includes this work",
                    ),
                ),
                subject=m.key,
            )
        )
    return found


def no_new_skill(history: Sequence[ReviewRecord]) -> list[Finding]:
    """Fires only once the history covers a full quarter, so a newcomer is not scolded."""
    if not history:
        return []
    latest = history[-1].data.month
    start = add_months(latest, -(QUARTER - 1))
    if history[0].data.month > start:
        return []
    window = [r for r in history if r.data.month >= start]
    if any(r.data.new_skills for r in window):
        return []
    return [
        Finding(
            "no-new-skill",
            "medium",
            f"no new skill recorded in the {plural(len(window), 'review')} from {start} to "
            f"{latest}",
            (
                _opt(
                    "added-responsibilities",
                    "a new responsibility is the fastest way to use a new skill at work",
                ),
                _opt("change-team", "a team with different work would stretch different skills"),
                _opt(
                    "quiet-search",
                    "a job that stopped teaching you is a reason to look around",
                ),
            ),
        )
    ]


def untouched_goals(history: Sequence[ReviewRecord], goals: Sequence[GoalInfo]) -> list[Finding]:
    found: list[Finding] = []
    for goal in goals:
        if goal.status != "active":
            continue
        mine = [ga for r in history for ga in r.alignment.goals if ga.goal_key == goal.key]
        if len(mine) < UNTOUCHED_REVIEWS:
            continue
        recent = mine[-UNTOUCHED_REVIEWS:]
        if all(g.untouched for g in recent):
            found.append(
                Finding(
                    "goal-untouched",
                    "medium",
                    f"goal '{goal.title}' got no time, no milestone progress and a rating of "
                    f"at most 1 in the last {len(recent)} reviews",
                    (
                        _opt("re-plan", "is it still your goal? change it, date it, or drop it"),
                        _opt(
                            "added-responsibilities",
                            "ask for a responsibility that puts this goal into your working week",
                        ),
                        _opt("change-team", "if your team never works on it, another team may"),
                    ),
                    subject=goal.key,
                )
            )
    return found


def missed_months(missed: Sequence[str]) -> list[Finding]:
    if not missed:
        return []
    return [
        Finding(
            "missed-month",
            "medium" if len(missed) > 1 else "low",
            f"{plural(len(missed), 'month')} without a review: {', '.join(missed)}",
            (
                _opt(
                    "catch-up",
                    f"review {missed[-1]} now while you still remember it",
                    # the form opens on that month, not on the one the schedule proposes next
                    Action(ActionKind.REVIEW, missed[-1]),
                ),
                _opt(
                    "re-plan",
                    "a review that keeps slipping often means goals that no longer feel like yours",
                ),
            ),
        )
    ]


def goal_coverage(goals: Sequence[GoalInfo]) -> list[Finding]:
    if any(g.status == "active" for g in goals):
        return []
    if not goals:
        return [
            Finding(
                "no-goals",
                "medium",
                "there is nothing to measure your months against until you set a goal",
                (
                    _opt(
                        "re-plan", "write where you want to be in 1-2 years and one goal toward it"
                    ),
                ),
            )
        ]
    done = sum(1 for g in goals if g.status == "done")
    return [
        Finding(
            "all-goals-done",
            "low",
            (
                f"all {len(goals)} goals are closed ({done} done): set the next one"
                if len(goals) > 1
                else f"your only goal is {goals[0].status}: set the next one"
            ),
            (_opt("re-plan", "a finished goal is the moment to aim the next 1-2 years"),),
        )
    ]


def detect_drift(
    history: Sequence[ReviewRecord],
    goals: Sequence[GoalInfo],
    milestones: Sequence[MilestoneInfo],
    today: date,
    missed: Sequence[str] = (),
) -> list[Finding]:
    """All findings, most severe first; ``history`` in month order."""
    ordered = sorted(history, key=lambda r: r.data.month)
    findings = [
        *low_alignment(ordered),
        *overdue_milestones(milestones, goals, today),
        *no_new_skill(ordered),
        *untouched_goals(ordered, goals),
        *missed_months(missed),
        *goal_coverage(goals),
    ]
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])
