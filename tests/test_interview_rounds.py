"""Interview rounds: prep that fits the round type, a day-by-day plan up to the date, and the
debrief whose questions join the bank and come back first in practice when rated weak."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from careerceo.analysis import interview_rounds as rounds
from careerceo.errors import CareerError
from careerceo.services import direction, interview
from careerceo.services import interview_rounds as service
from careerceo.services.context import AppContext

TODAY = date(2027, 3, 1)


def test_the_day_plan_fits_the_days_there_are() -> None:
    week = rounds.day_plan("hiring_manager", TODAY + timedelta(7), TODAY, stories=2)
    assert week[0].on == TODAY and week[-2].on == TODAY + timedelta(7)
    assert week[-1].on == TODAY + timedelta(8) and "thank-you" in week[-1].tasks[0]
    before = [d for d in week if d.on < TODAY + timedelta(7)]
    assert len(before) == 5  # one step a day when there is room
    tomorrow = rounds.day_plan("final", TODAY + timedelta(1), TODAY, stories=0)
    assert tomorrow[0].on == TODAY and len(tomorrow[0].tasks) == 5
    assert "no story is linked yet" in " ".join(tomorrow[0].tasks)
    undated = rounds.day_plan("panel", None, TODAY, stories=1)
    assert [d.on for d in undated] == [TODAY + timedelta(i) for i in range(5)]


def test_expected_questions_follow_the_round_and_put_repeats_and_weak_first() -> None:
    qs = [
        ("gen-01", "general", "Tell me about yourself.", True),
        ("gen-02", "general", "Why this company?", False),
        ("beh-01", "behavioural", "Conflict?", True),
        ("lead-01", "leadership", "Strategy?", False),
        ("role-15-01", "role_specific", "Design a schema.", False),
        ("own-4", "own", "What about our API?", True),
    ]
    screen = rounds.expected_questions("recruiter_screen", qs, per_category=2)
    assert [e.id for e in screen][:2] == ["gen-02", "gen-01"]  # unanswered first
    assert "role-15-01" not in {e.id for e in screen}
    tech = rounds.expected_questions("peer_technical", qs, asked_before=["own-4"], weak=["beh-01"])
    assert [e.id for e in tech][:3] == ["own-4", "beh-01", "role-15-01"]
    assert "earlier round" in tech[0].reason and "weak" in tech[1].reason


def test_prep_and_debrief_through_the_service(sqlite_ctx: AppContext) -> None:
    ctx = sqlite_ctx
    on = TODAY + timedelta(5)
    made = service.add_round(
        ctx,
        {
            "round_type": "technical",
            "scheduled_on": on.isoformat(),
            "company": "Acme",
            "occupation_code": "15-1252",
            "interviewers": "Ana Ruiz, Bo Li",
        },
    )
    assert made.round_type == "peer_technical"
    prep = service.prep(ctx, made.id, today=TODAY)
    assert prep.expect and prep.expect[0].category == "role_specific"
    assert prep.who == ["Ana Ruiz", "Bo Li"] and len(prep.close) == 3
    assert prep.days[-2].on == on and prep.days[-1].on == on + timedelta(1)
    with pytest.raises(CareerError, match="after it"):
        service.debrief(ctx, made.id, {"asked": [{"text": "x"}]}, today=TODAY)
    with pytest.raises(CareerError, match="rating must be"):
        service.debrief(ctx, made.id, {"asked": [{"text": "Q", "rating": 7}]}, today=on)
    assert not service.list_rounds(ctx)[0].debrief  # nothing half-saved
    done = service.debrief(
        ctx,
        made.id,
        {
            "asked": [
                {"text": "How would you shard our event store?", "rating": 2},
                {"text": "Why Acme?"},
            ],
            "went": 3,
        },
        today=on,
    )
    assert done.thank_you_due == on + timedelta(1) and len(done.debrief["question_ids"]) == 2
    shard = done.debrief["question_ids"][0]
    assert interview.get_question(ctx, shard).source == "debrief"
    queue = interview.practice_queue(ctx, count=3, today=on + timedelta(1))
    assert queue[0].question.id == shard  # rated weak in the debrief: first the next day
    ics = direction.calendar_ics(ctx, today=on).decode()
    assert "Send thank-you: Peer / technical at Acme" in ics
    second = service.add_round(ctx, {"round_type": "final", "company": "Acme"})
    assert second.id != made.id
    with pytest.raises(CareerError, match="round_type must be one of"):
        service.add_round(ctx, {"round_type": "coffee chat"})
    with pytest.raises(CareerError, match="no interview round"):
        service.prep(ctx, 999)


def test_round_commands(cli) -> None:  # type: ignore[no-untyped-def]
    on = (date.today() + timedelta(3)).isoformat()
    made = cli("interview", "round", "--type", "hiring_manager", "--on", on, "--json")
    assert made.exit_code == 0, made.output
    rid = str(json.loads(made.output)["id"])
    prep = cli("interview", "prep", rid)
    assert prep.exit_code == 0 and "What they test" in prep.output and "Day by day" in prep.output
    early = cli("interview", "debrief", rid, "--asked", "2: Walk me through a failure")
    assert early.exit_code == 2 and "after it" in early.output
    bad = cli("interview", "round", "--type", "lunch")
    assert bad.exit_code == 2 and "round_type must be one of" in bad.output
    past = cli("interview", "round", "--type", "panel", "--on", date.today().isoformat(), "--json")
    pid = str(json.loads(past.output)["id"])
    ok = cli("interview", "debrief", pid, "--asked", "2: Walk me through a failure", "--went", "4")
    assert ok.exit_code == 0 and "1 question(s) added" in ok.output, ok.output
    listed = json.loads(cli("interview", "questions", "--category", "own", "--json").output)
    assert [q["text"] for q in listed] == ["Walk me through a failure"]
