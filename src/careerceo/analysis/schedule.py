"""When the monthly review is due, and which months were skipped.

A month is reviewed once it is over (or in its last days). The person has until the end of the
following month to do it; after that the month counts as *missed*, and a missed month stays
visible in the history and the trend chart, because skipping the review is itself a signal.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from careerceo.model.months import add_months, last_day, month_of, months_between

DUE_SOON_DAYS = 5


@dataclass(frozen=True)
class MonthState:
    month: str
    state: str  # reviewed | missed | due | current


@dataclass(frozen=True)
class ReviewSchedule:
    timeline: tuple[MonthState, ...]
    missed: tuple[str, ...]
    next_month: str  # the month the next review should cover
    due: bool  # a review is due now (or within DUE_SOON_DAYS)
    overdue: bool  # a finished month waits for its review
    message: str


def month_state(month: str, reviewed: Collection[str], today: date) -> str:
    current = month_of(today)
    if month in reviewed:
        return "reviewed"
    if month >= current:
        return "current"
    if today > last_day(add_months(month, 1)):
        return "missed"
    return "due"


def review_schedule(reviewed: Collection[str], today: date) -> ReviewSchedule:
    current = month_of(today)
    past = sorted(m for m in reviewed if m <= current)
    if not past:
        # a month is reviewed once it is over: the first review covers the month just finished,
        # unless the current one is in its last days (a month that began today has no work yet)
        soon = today >= last_day(current) - timedelta(days=DUE_SOON_DAYS - 1)
        first = current if soon else add_months(current, -1)
        return ReviewSchedule(
            (),
            (),
            first,
            True,
            False,
            f"no review yet: start with {first} (career review --month {first})",
        )
    timeline = tuple(
        MonthState(m, month_state(m, reviewed, today)) for m in months_between(past[0], current)
    )
    missed = tuple(s.month for s in timeline if s.state == "missed")
    waiting = [s.month for s in timeline if s.state == "due"]
    if waiting:
        month = waiting[0]
        return ReviewSchedule(
            timeline,
            missed,
            month,
            True,
            True,
            f"the review of {month} is due (do it by {last_day(add_months(month, 1))}): "
            f"career review --month {month}",
        )
    if current not in reviewed:
        soon = today >= last_day(current) - timedelta(days=DUE_SOON_DAYS - 1)
        when = "due now" if soon else f"due at the end of the month ({last_day(current)})"
        return ReviewSchedule(
            timeline, missed, current, soon, False, f"the review of {current} is {when}"
        )
    nxt = add_months(current, 1)
    return ReviewSchedule(
        timeline, missed, nxt, False, False, f"up to date; the next review covers {nxt}"
    )
