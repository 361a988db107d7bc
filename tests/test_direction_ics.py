"""The calendar feed parsed back with the ``icalendar`` library: RRULE, dates, UIDs, format."""

from __future__ import annotations

from datetime import UTC, date, datetime

from icalendar import Calendar

from _web import web_client
from careerceo.documents.icalendar import first_occurrence
from careerceo.model.direction import GoalIn, MilestoneIn
from careerceo.services import direction as service
from careerceo.services.context import AppContext

TODAY = date(2026, 11, 23)
STAMP = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
LONG = 'Certify; then present, at the "Data Summit" — a long title that has to be folded over lines'


def export(ctx: AppContext, **kw: object) -> bytes:
    return service.calendar_ics(ctx, today=TODAY, stamp=STAMP, **kw)  # type: ignore[arg-type]


def seed(ctx: AppContext) -> tuple[str, str]:
    goal = service.add_goal(ctx, GoalIn(title="Lead, grow; repeat"), TODAY)
    m1 = service.add_milestone(
        ctx,
        goal.id,
        MilestoneIn(title=LONG, measure="slides, talk", due_date=date(2027, 2, 15)),
        TODAY,
    )
    m2 = service.add_milestone(
        ctx, goal.id, MilestoneIn(title="Done one", due_date=date(2026, 12, 1)), TODAY
    )
    service.complete_milestone(ctx, m2.id, TODAY)
    service.add_milestone(ctx, goal.id, MilestoneIn(title="No date"), TODAY)
    return m1.uid, m2.uid


def test_first_occurrence_rules() -> None:
    assert first_occurrence(date(2026, 11, 23), "MO", None) == date(2026, 12, 7)
    assert first_occurrence(date(2026, 12, 1), "TU", None) == date(2026, 12, 1)
    assert first_occurrence(date(2026, 11, 23), None, 25) == date(2026, 11, 25)
    assert first_occurrence(date(2026, 11, 26), None, 25) == date(2026, 12, 25)


def test_ics_parses_back(sqlite_ctx: AppContext) -> None:
    m1_uid, m2_uid = seed(sqlite_ctx)
    raw = export(sqlite_ctx)
    cal = Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0"
    assert "Career CEO" in str(cal["PRODID"])
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2  # the review + the one open milestone with a date
    review = next(e for e in events if e.get("RRULE"))
    rule = review["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"] and rule["BYDAY"] == ["1MO"]
    start = review.decoded("DTSTART")
    assert start == datetime(2026, 12, 7, 9, 0)  # the first Monday on or after today
    assert review.decoded("DTEND") == datetime(2026, 12, 7, 10, 0)
    person_uid = str(review["UID"])
    assert person_uid.startswith("review-") and person_uid.endswith("@career-ceo.local")
    milestone = next(e for e in events if not e.get("RRULE"))
    assert str(milestone["UID"]) == f"milestone-{m1_uid}@career-ceo.local"
    assert m2_uid not in raw.decode()  # done milestones are not on the calendar
    assert milestone.decoded("DTSTART") == date(2027, 2, 15)  # all-day: a DATE, not a DATETIME
    assert milestone.decoded("DTEND") == date(2027, 2, 16)
    assert str(milestone["SUMMARY"]) == f"Milestone due: {LONG}"  # escaping round-trips
    assert "Lead, grow; repeat" in str(milestone["DESCRIPTION"])
    assert milestone.decoded("DTSTAMP") == STAMP


def test_ics_wire_format(sqlite_ctx: AppContext) -> None:
    seed(sqlite_ctx)
    raw = export(sqlite_ctx)
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")
    assert all(b"\n" not in line for line in lines)  # no bare LF anywhere
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    assert any(line.startswith(b" ") for line in lines)  # the long summary was folded
    assert b"Lead\\, grow\\; repeat" in raw.replace(b"\r\n ", b"")  # TEXT escaping
    assert b"DTSTART;VALUE=DATE:20270215" in raw


def test_uids_are_stable_across_exports(sqlite_ctx: AppContext) -> None:
    seed(sqlite_ctx)
    first = Calendar.from_ical(export(sqlite_ctx))
    second = Calendar.from_ical(service.calendar_ics(sqlite_ctx, today=date(2027, 1, 2)))
    assert sorted(str(e["UID"]) for e in first.walk("VEVENT")) == sorted(
        str(e["UID"]) for e in second.walk("VEVENT")
    )


def test_day_of_month_rule(sqlite_ctx: AppContext) -> None:
    cal = Calendar.from_ical(export(sqlite_ctx, weekday=None, day=5))
    (review,) = list(cal.walk("VEVENT"))
    assert review["RRULE"]["BYMONTHDAY"] == [5]
    assert review.decoded("DTSTART") == datetime(2026, 12, 5, 9, 0)


def test_feed_over_http(sqlite_ctx: AppContext) -> None:

    seed(sqlite_ctx)
    client = web_client(sqlite_ctx)
    for url in ("/calendar.ics", "/api/v1/calendar.ics"):
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/calendar")
        assert len(list(Calendar.from_ical(response.content).walk("VEVENT"))) == 2
    assert client.get("/api/v1/calendar.ics?day=31").status_code == 422
