"""The calendar feed: the monthly review as a recurring event, plus every open milestone of an
active goal that has a due date."""

from __future__ import annotations

from datetime import UTC, date, datetime

from careerceo.documents.icalendar import DueEvent, ReviewEvent, build_calendar, first_occurrence
from careerceo.model.direction import GoalStatus, MilestoneStatus, review_day, review_weekday
from careerceo.services.context import AppContext
from careerceo.services.direction.common import Repos, today_or
from careerceo.store.repositories import PersonRepository


def calendar_ics(
    ctx: AppContext,
    *,
    weekday: str | None = "MO",
    day: int | None = None,
    today: date | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """The review on the first ``weekday`` of each month, or on ``day`` when one is given.

    Both are checked here (``model.direction``), so every shell refuses the same values.
    """
    now = today_or(today)
    if day is not None or weekday is None:
        weekday, day = None, review_day(day if day is not None else 0)  # no rule: refused
    else:
        weekday = review_weekday(weekday)
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        person_uid = PersonRepository(s, ctx.person_id).get().uid
        goals = {g.id: g for g in repos.goals.list() if g.status == GoalStatus.ACTIVE}
        due = [
            DueEvent(
                m.uid,
                f"Milestone due: {m.title}",
                m.due_date,
                f"Goal: {goals[m.goal_id].title}"
                + (f"\nMeasure: {m.measure}" if m.measure else ""),
            )
            for m in repos.milestones.list()
            # a closed goal's milestones are off the plan
            if m.status == MilestoneStatus.OPEN and m.due_date is not None and m.goal_id in goals
        ]
    from careerceo.services.today import calendar_events  # today reads direction too

    due.extend(calendar_events(ctx, now))
    review = ReviewEvent(
        uid=person_uid, first=first_occurrence(now, weekday, day), weekday=weekday, day=day
    )
    return build_calendar(review, due, stamp or datetime.now(UTC))
