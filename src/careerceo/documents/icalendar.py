"""The calendar feed: the monthly CEO review as one recurring event, milestone due dates as
all-day events.

Written with the ``icalendar`` package, which does the RFC 5545 work that calendars are picky
about (text escaping, CRLF line ends, folding at 75 octets). UIDs come from the rows' stable
``uid`` so that re-importing the file, or re-fetching the feed, updates events instead of
duplicating them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event, vRecur

from careerceo.model.direction import WEEKDAYS

PRODID = "-//Career CEO//Direction calendar//EN"
UID_DOMAIN = "career-ceo.local"


@dataclass(frozen=True)
class ReviewEvent:
    """When the monthly review happens: the first ``weekday`` of the month, or ``day`` N."""

    uid: str
    first: date  # the first occurrence
    weekday: str | None = "MO"  # first <weekday> of the month, or None to use ``day``
    day: int | None = None
    at: time = time(9, 0)
    minutes: int = 60


@dataclass(frozen=True)
class DueEvent:
    uid: str
    title: str
    due: date
    description: str = ""
    prefix: str = "milestone"  # what the event is, in its UID: milestone, follow-up, ...


def first_occurrence(today: date, weekday: str | None, day: int | None) -> date:
    """The first review date on or after ``today`` under the rule."""
    for offset in range(0, 3):
        year, month = (
            today.year + (today.month - 1 + offset) // 12,
            (today.month - 1 + offset) % 12 + 1,
        )
        candidate = _occurrence(year, month, weekday, day)
        if candidate is not None and candidate >= today:
            return candidate
    raise ValueError("no review date found in the next three months")  # pragma: no cover


def _occurrence(year: int, month: int, weekday: str | None, day: int | None) -> date | None:
    if weekday is not None:
        start = date(year, month, 1)
        shift = (WEEKDAYS.index(weekday) - start.weekday()) % 7
        return start + timedelta(days=shift)
    assert day is not None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def build_calendar(
    review: ReviewEvent | None, due: Sequence[DueEvent], stamp: datetime, name: str = "Career CEO"
) -> bytes:
    stamp_utc = stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    if review is not None:
        event = Event()
        event.add("uid", f"review-{review.uid}@{UID_DOMAIN}")
        event.add("dtstamp", stamp_utc)
        event.add("summary", "Monthly CEO review of your career")
        event.add(
            "description",
            "Review last month: what the work actually was, milestone progress, how much it "
            "moved each goal. Run: career review (or open /review).",
        )
        start = datetime.combine(review.first, review.at)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=review.minutes))
        if review.weekday is not None:
            rule = vRecur({"FREQ": "MONTHLY", "BYDAY": f"1{review.weekday}"})
        else:
            rule = vRecur({"FREQ": "MONTHLY", "BYMONTHDAY": review.day})
        event.add("rrule", rule)
        cal.add_component(event)
    for item in due:
        event = Event()
        event.add("uid", f"{item.prefix}-{item.uid}@{UID_DOMAIN}")
        event.add("dtstamp", stamp_utc)
        event.add("summary", item.title)
        if item.description:
            event.add("description", item.description)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
