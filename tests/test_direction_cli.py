"""``career vision|goals|review|signals|calendar`` through the real CLI, including the guided
(interactive) review answered on stdin."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar

from careerceo.analysis.signals import QUESTIONS
from careerceo.model.months import add_months, month_of

THIS = month_of(date.today())
LAST = add_months(THIS, -1)
SOON = (date.today() + timedelta(days=40)).isoformat()


def ok(result: Any) -> str:
    assert result.exit_code == 0, result.output
    return str(result.output)


def refused(result: Any, *needles: str) -> str:
    assert result.exit_code == 2, result.output
    text = str(result.output)
    assert "Traceback" not in text
    for needle in needles:
        assert needle in text, text
    return text


def goal_with_milestone(cli: Any) -> None:
    ok(
        cli(
            "goals",
            "add",
            "Lead a data team",
            "--horizon",
            "2y",
            "--code",
            "11-3021",
            "--why",
            "I like teams",
        )
    )
    ok(
        cli(
            "goals",
            "milestone",
            "add",
            "1",
            "AWS certification",
            "--due",
            SOON,
            "--measure",
            "exam passed",
        )
    )


def test_vision_and_goals(cli: Any) -> None:
    ok(cli("vision", "set", "Run a data platform org"))
    ok(cli("vision", "set", "Run a data platform org in Europe"))
    history = json.loads(ok(cli("vision", "history", "--json")))
    assert [v["text"] for v in history] == [
        "Run a data platform org in Europe",
        "Run a data platform org",
    ]
    goal_with_milestone(cli)
    goals = json.loads(ok(cli("goals", "list", "--json")))
    assert goals[0]["occupation_code"] == "11-3021.00"
    assert "Computer and Information Systems Managers" in goals[0]["occupation_title"]
    assert goals[0]["milestones"][0]["due_date"] == SOON
    ok(cli("goals", "edit", "g1", "--title", "Lead the data platform team"))
    history = ok(cli("goals", "show", "1"))
    assert "2 years" in history and " 2y " not in history  # the horizon in words, not its id
    shown = json.loads(ok(cli("goals", "show", "1", "--json")))
    assert shown["title"] == "Lead the data platform team"
    assert shown["history"][0]["snapshot"]["title"] == "Lead a data team"
    ok(cli("goals", "milestone", "done", "m1"))
    ms = json.loads(ok(cli("goals", "milestone", "list", "--json")))
    assert ms[0]["status"] == "done"
    ok(cli("goals", "done", "1"))
    assert json.loads(ok(cli("goals", "list", "--json"))) == []
    assert len(json.loads(ok(cli("goals", "list", "--all", "--json")))) == 1


def test_bad_goal_and_milestone_input(cli: Any) -> None:
    tip = ok(cli("goals", "add", "Move into architecture", "--role", "data architect"))
    assert 'career occupations title "data architect"' in " ".join(tip.split())
    assert "Tip" not in ok(cli("goals", "add", "Lead", "--code", "15-1252.00"))
    refused(cli("goals", "add", "x", "--horizon", "5y"), "horizon")
    refused(cli("goals", "add", "x", "--code", "software"), "not an O*NET-SOC code")
    ok(cli("goals", "add", "Lead"))
    refused(cli("goals", "milestone", "add", "1", "late", "--due", "2020-01-01"), "in the past")
    refused(cli("goals", "milestone", "add", "1", "late", "--due", "next week"), "YYYY-MM-DD")
    refused(cli("goals", "milestone", "add", "7", "x"), "no goal #7")
    assert json.loads(ok(cli("goals", "milestone", "list", "--json"))) == []


def test_interactive_review(cli: Any) -> None:
    goal_with_milestone(cli)
    answers = "\n".join(
        [
            "Built ETL pipeline",  # activity
            "60",  # share
            "1",  # goal
            "Meetings",
            "40",
            "",  # no goal
            "",  # no more activities
            "dbt, airflow",  # new skills
            "Shipped v1 of the platform",  # win
            "",  # no more wins
            "50",  # milestone progress
            "9",  # rating out of range: asked again
            "4",
            "A good month",  # notes
        ]
    )
    out = ok(cli("review", "--month", LAST, input=answers + "\n"))
    assert "Enter a whole number from 0 to 5" in out
    assert f"Saved the review of {LAST}" in out
    shown = json.loads(ok(cli("review", "show", LAST, "--json")))
    d = shown["review"]["details"]
    assert [a["name"] for a in d["activities"]] == ["Built ETL pipeline", "Meetings"]
    assert d["new_skills"] == ["dbt", "airflow"] and d["wins"] == ["Shipped v1 of the platform"]
    assert list(d["ratings"].values()) == [4] and list(d["milestones"].values()) == [50]
    # time 1.0*.4 + rating .8*.4 + milestone 50/25 -> 1.0*.2
    assert shown["review"]["alignment"] == 92.0
    assert shown["review"]["notes"] == "A good month"


def test_interactive_defaults_keep_progress_and_leave_goals_unrated(cli: Any) -> None:
    goal_with_milestone(cli)
    before = add_months(LAST, -1)
    ok(cli("review", "--month", before, "--milestone", "1=40", "--rate", "1=3"))
    answers = "\n".join(
        [
            "",  # no activities
            "",  # no new skills
            "",  # no wins
            "",  # milestone: Enter keeps where it was (40%)
            "",  # rating: Enter leaves the goal unrated
            "",  # notes
        ]
    )
    out = ok(cli("review", "--month", LAST, input=answers + "\n"))
    assert "empty = no change) [40]" in out
    assert "empty = not rated" in out
    d = json.loads(ok(cli("review", "show", LAST, "--json")))["review"]["details"]
    assert list(d["milestones"].values()) == [40]  # unchanged, not reset
    assert d["ratings"] == {}  # Enter is not a 0/5 rating


def test_interactive_edit_keeps_the_old_version(cli: Any) -> None:
    ok(cli("goals", "add", "Lead"))
    ok(cli("review", "--month", LAST, "--activity", "Ops:50:1", "--rate", "1=1", "--notes", "v1"))
    answers = "\n".join(
        [
            "n",  # replace the activities
            "Mentoring",
            "30",
            "1",
            "",  # no more activities
            "",  # keep the skills (none)
            "Promoted a junior",  # a win
            "",
            "5",  # rating
            "v2",  # notes
        ]
    )
    # a guided review of a month already reviewed is refused before its first question
    text = refused(cli("review", "--month", LAST, input="Ops\n"), f"career review edit {LAST}")
    assert "Activity" not in text
    out = ok(cli("review", "edit", LAST, input=answers + "\n"))
    assert "Keep these activities?" in out and "1 revision)" in out and "(s)" not in out
    shown = json.loads(ok(cli("review", "show", LAST, "--json")))
    assert [a["name"] for a in shown["review"]["details"]["activities"]] == ["Mentoring"]
    assert shown["review"]["notes"] == "v2"
    assert shown["revisions"][0]["snapshot"]["notes"] == "v1"
    assert shown["revisions"][0]["snapshot"]["details"]["activities"][0]["name"] == "Ops"
    # Enter keeps the notes an edit shows; "-" clears them
    keep = "\n".join(["y", "", "", "", ""])  # activities, skills, wins, rating, notes
    out = ok(cli("review", "edit", LAST, input=keep + "\n"))
    assert "Notes now: v2" in out and "Enter keeps them" in out
    assert json.loads(ok(cli("review", "show", LAST, "--json")))["review"]["notes"] == "v2"
    ok(cli("review", "edit", LAST, input="\n".join(["y", "", "", "", "-"]) + "\n"))
    assert json.loads(ok(cli("review", "show", LAST, "--json")))["review"]["notes"] == ""


def test_scripted_review_edit_and_history(cli: Any) -> None:
    goal_with_milestone(cli)
    ok(cli("goals", "add", "Speak at a conference"))
    out = ok(
        cli(
            "review",
            "--month",
            LAST,
            "--activity",
            "Built ETL pipeline:60:goal-1",
            "--activity",
            "Support: on call:30",
            "--new-skill",
            "dbt",
            "--win",
            "Shipped v1",
            "--rate",
            "g1=4",
            "--rate",
            "2=0",
            "--milestone",
            "m1=done",
            "--notes",
            "scripted",
        )
    )
    assert "Alignment" in out
    data = json.loads(ok(cli("review", "show", LAST, "--json")))
    acts = data["review"]["details"]["activities"]
    assert acts[1] == {"name": "Support: on call", "share": 30, "goal": None}
    assert json.loads(ok(cli("goals", "milestone", "list", "--json")))[0]["status"] == "done"
    refused(cli("review", "--month", LAST, "--rate", "1=3"), f"career review edit {LAST}")
    refused(cli("review", "--month", THIS, "--rate", "1=6"), "use 0 (not at all) to 5")
    refused(cli("review", "--month", THIS, "--activity", "x:120"), "0-100")
    for bad in (
        ["--rate", "1=6"],
        ["--milestone", "1=150"],
        ["--activity", "a:60", "--activity", "b:60"],
    ):
        text = refused(cli("review", "--month", THIS, *bad))
        assert "Value error" not in text and "value:" not in text, text
    refused(
        cli("review", "--month", THIS, "--activity", "a:60", "--activity", "b:60"),
        "activities: activity shares add up to 120%",
    )
    text = refused(cli("goals", "add", "x", "--code", "software"), "not an O*NET-SOC code")
    assert "Value error" not in text
    refused(cli("review", "--month", THIS, "--activity", "no share"), "NAME:PERCENT")
    refused(cli("review", "--month", add_months(THIS, 2), "--rate", "1=3"), "has not started yet")
    refused(cli("review", "--month", "2026-13", "--rate", "1=3"), "YYYY-MM")
    ok(cli("review", "edit", LAST, "--notes", "edited", "--rate", "2=5"))
    data = json.loads(ok(cli("review", "show", LAST, "--json")))
    assert data["review"]["notes"] == "edited"
    assert [r["snapshot"]["notes"] for r in data["revisions"]] == ["scripted"]
    shown = ok(cli("review", "show", LAST))
    assert "Earlier versions" in shown and "scripted" in shown  # the kept version is visible
    assert sorted(data["review"]["details"]["ratings"].values()) == [4, 5]
    history = json.loads(ok(cli("review", "history", "--json")))
    assert history[0]["month"] == LAST and history[0]["alignment"] == data["review"]["alignment"]
    assert history[-1]["month"] == THIS and history[-1]["state"] == "current"
    table = ok(cli("review", "history"))
    assert LAST in table and "Review history" in table
    due = json.loads(ok(cli("review", "due", "--json")))
    assert due["next_month"] == THIS and due["missed"] == []


def test_missed_month_shows_in_history(cli: Any) -> None:
    ok(cli("goals", "add", "Lead"))
    early = add_months(THIS, -4)
    ok(cli("review", "--month", early, "--rate", "1=3"))
    ok(cli("review", "--month", add_months(THIS, -1), "--rate", "1=3"))
    history = json.loads(ok(cli("review", "history", "--json")))
    states = {r["month"]: r["state"] for r in history}
    assert states[add_months(THIS, -3)] == "missed" and states[add_months(THIS, -2)] == "missed"
    table = ok(cli("review", "history"))
    assert "MISSED" in table
    assert "Missed review: 2 months without a review" in table and "missed-month" not in table
    # options point at commands in a terminal, not at web pages
    assert f"(career review --month {add_months(THIS, -2)})" in table
    assert "(/goals)" not in table and "(/review" not in table


def test_signals_flags_and_interactive(cli: Any) -> None:
    flags = [f"--answer={q.id}={5 if q.reverse else 1}" for q in QUESTIONS]
    first = json.loads(ok(cli("signals", *flags, "--json")))
    assert first["overall"] == 0.0 and first["scores"]["recommend_pivot"] is False
    answers = "\n".join("1" if q.reverse else "5" for q in QUESTIONS)
    out = ok(cli("signals", input="7\n" + answers + "\n"))
    assert "Enter a whole number from 1 to 5" in out
    scale = "(1 = strongly disagree .. 5 = strongly agree)"
    assert out.count(scale) == len(QUESTIONS) + 1  # every statement, the refused one twice
    assert "explore a pivot while still employed" in out
    history = json.loads(ok(cli("signals", "history", "--json")))
    assert [h["overall"] for h in history] == [0.0, 100.0]
    assert history[1]["changes"]["autonomy"] == 100.0
    table = ok(cli("signals", "history"))
    taken = date.today().isoformat()
    assert table.count(taken) == 2  # whole dates, not cut to "2026…"
    assert "No history of upward mobility" in table and "upward_mobility" not in table
    questions = ok(cli("signals", "questions"))
    assert "Lack of autonomy" in questions and "toxic_workplace" not in questions
    refused(cli("signals", "--answer", "um1=3"), "missing")
    refused(cli("signals", "--answer", "um1=x"), "whole number")


def test_calendar_export(cli: Any, tmp_path: Path) -> None:
    only_review = tmp_path / "review.ics"
    assert "(1 event)" in ok(cli("calendar", "export", str(only_review)))
    text = refused(cli("review", "--no-interactive"), "is empty")
    assert "form:" not in text
    goal_with_milestone(cli)
    target = tmp_path / "career.ics"
    assert "(2 events)" in ok(cli("calendar", "export", str(target), "--day", "3"))
    cal = Calendar.from_ical(target.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2
    review = next(e for e in events if e.get("rrule"))
    assert review.get("rrule")["BYMONTHDAY"] == [3]
    refused(cli("calendar", "export", str(target), "--day", "31"), "1-28")


def test_direction_dashboard(cli: Any) -> None:
    data = json.loads(ok(cli("direction", "--json")))
    assert [c["id"] for c in data] == ["finding", "leaving", "performing"]
    assert {c["status"] for c in data} == {"no data yet"}
