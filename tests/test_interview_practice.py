"""Interview practice: the bundled bank, SM-2 scheduling and coverage on hand-built histories,
suggested answers that never invent a number, and sessions through the CLI (guided and
scripted), with bad input refused and nothing half-saved."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta

import pytest

from careerceo.analysis.accomplishments import Win
from careerceo.analysis.interview_answers import PersonFacts, StoryWin, suggest
from careerceo.analysis.interview_practice import (
    Candidate,
    Card,
    coverage,
    numbers_not_in_record,
    pick_questions,
    progress,
    replay,
    review,
    story_uses,
)
from careerceo.knowledge import load_knowledge
from careerceo.knowledge.question_bank import load_question_bank
from careerceo.model.interview import QuestionCategory
from careerceo.services import accomplishments, interview
from careerceo.services.context import AppContext

D0 = date(2026, 1, 5)


# -- the bank ----------------------------------------------------------------------------------


def test_the_bank_has_every_category_and_the_ten_largest_families() -> None:
    bank = load_question_bank()
    questions = bank.questions
    assert len(questions) >= 150
    assert len({q.id for q in questions}) == len(questions)
    by_category = Counter(q.category for q in questions)
    for category in QuestionCategory:
        if category is not QuestionCategory.OWN:
            assert by_category[category] >= 6, category
    kb = load_knowledge()
    sizes = Counter(o.major_group for o in kb.occupations if o.major_group != "55-0000")
    largest = [group for group, _ in sizes.most_common(10)]
    per_group = Counter(q.major_group for q in questions if q.major_group)
    for group in largest:
        assert per_group[group] >= 5, group
    for q in questions:
        assert q.text[-1] in "?.", q.id
        assert (q.major_group is not None) == (q.category is QuestionCategory.ROLE_SPECIFIC)
        assert q.tests != q.strong


# -- SM-2 --------------------------------------------------------------------------------------


def test_sm2_intervals_grow_with_good_ratings() -> None:
    card = replay([(D0, 5), (D0 + timedelta(1), 5), (D0 + timedelta(7), 5)])
    assert card.repetitions == 3
    assert card.easiness == pytest.approx(2.8)
    assert card.interval == 17  # 1 day, 6 days, then round(6 x 2.8)
    assert card.due_on == D0 + timedelta(7 + 17)


def test_sm2_a_weak_rating_restarts_and_lowers_easiness() -> None:
    strong = replay([(D0, 5), (D0 + timedelta(1), 5), (D0 + timedelta(7), 5)])
    failed = review(strong, 2, D0 + timedelta(24))
    assert failed.repetitions == 0 and failed.interval == 1
    assert failed.easiness == pytest.approx(2.8 - 0.32)
    assert failed.due_on == D0 + timedelta(25)
    passed = review(Card(), 3, D0)
    assert passed.easiness == pytest.approx(2.5 - 0.14) and passed.interval == 1
    floor = replay([(D0 + timedelta(i), 1) for i in range(10)])
    assert floor.easiness == pytest.approx(1.3)
    assert review(Card(), 4, D0).easiness == pytest.approx(2.5)


def test_picking_puts_weak_due_questions_first_and_skips_later_ones() -> None:
    candidates = [
        Candidate("gen-01", "general", answered=True),
        Candidate("gen-02", "general"),
        Candidate("role-15-01", "role_specific", "15-0000"),
        Candidate("beh-01", "behavioural", answered=True),
        Candidate("beh-02", "behavioural", answered=True),
    ]
    cards = {
        "beh-01": replay([(D0, 2)]),  # weak, due D0+1
        "beh-02": replay([(D0, 5), (D0 + timedelta(1), 5)]),  # due D0+7: not yet
        "gen-01": replay([(D0, 4)]),  # strong, due D0+1
    }
    picks = pick_questions(
        candidates, cards, today=D0 + timedelta(1), count=10, target_group="15-0000"
    )
    order = [p.id for p in picks]
    assert order[0] == "beh-01"
    assert "beh-02" not in order
    # new: the target role's question, then an unanswered general one, then a due strong one
    assert order.index("role-15-01") < order.index("gen-02")
    assert set(order) == {"beh-01", "role-15-01", "gen-02", "gen-01"}
    assert len(pick_questions(candidates, cards, today=D0, count=2)) == 2


def test_coverage_story_reuse_and_progress_on_a_hand_built_history() -> None:
    qs = [
        Candidate("beh-01", "behavioural"),
        Candidate("beh-02", "behavioural"),
        Candidate("lead-01", "leadership"),
        Candidate("gen-01", "general"),
    ]
    answers: dict[str, int | None] = {"beh-01": 7, "beh-02": 7, "gen-01": None}
    rows = {c.category: c for c in coverage(qs, answers, ["general", "behavioural", "leadership"])}
    assert (rows["behavioural"].answered, rows["behavioural"].with_story) == (2, 2)
    assert rows["general"].answered == 1 and rows["general"].missing_story
    assert rows["leadership"].missing_story and rows["leadership"].answered == 0
    many = {f"beh-{i:02d}": 3 for i in range(1, 6)} | {"gen-01": 4}
    uses = {u.win_id: u for u in story_uses(many)}
    assert "backs 5 answers" in uses[3].warning and uses[4].warning == ""
    history = [
        ("beh-01", date(2026, 1, 3), 2),
        ("beh-01", date(2026, 2, 3), 4),
        ("beh-02", date(2026, 2, 4), 1),
    ]
    prog = {
        p.category: p
        for p in progress(history, {"beh-01": "behavioural", "beh-02": "behavioural"}, today=D0)
    }
    beh = prog["behavioural"]
    assert beh.attempts == 3 and beh.questions == 2
    assert beh.mean_rating == 2.5  # latest ratings 4 and 1
    assert beh.weak == 1
    assert beh.by_month == {"2026-01": 2.0, "2026-02": 2.5}


# -- suggested answers use only the person's facts --------------------------------------------


WINS = [
    StoryWin(
        1,
        Win(
            title="Resolved a conflict between sales and support",
            situation="Two teams blamed each other for 30 escalations a month",
            action="Ran a joint review of every escalation",
            result="Escalations fell to 12 a month",
        ),
    ),
    StoryWin(2, Win(title="Cut build time 40% by caching", action="Cached dependencies")),
]


def test_suggestions_never_write_a_number_outside_the_record() -> None:
    record = [t for w in WINS for t in (w.win.title, w.win.situation, w.win.action, w.win.result)]
    record.append("Support Lead at Acme")
    bank = load_question_bank()
    for q in bank.questions:
        draft = suggest(
            category=q.category,
            question_text=q.text,
            hints=q.tests,
            needs_story=q.story,
            wins=WINS,
            person=PersonFacts(current_role="Support Lead at Acme", transfers=("Negotiation",)),
        )
        if q.category in {"to_ask", "closing"}:  # the person asks these: the bank's words
            assert draft.text == q.text and draft.win_id is None
            continue
        assert numbers_not_in_record(draft.text, record) == [], (q.id, draft.text)
    conflict = suggest(
        category="behavioural",
        question_text="Tell me about a conflict with a colleague",
        needs_story=True,
        wins=WINS,
        person=PersonFacts(),
    )
    assert conflict.win_id == 1 and "30 escalations" in conflict.text
    assert "Reflection:" in conflict.text
    assert numbers_not_in_record("We saved 2,500 hours and 40%", record) == ["2500"]


# -- through the service and the CLI -----------------------------------------------------------


def test_answers_link_stories_and_refuse_bad_input(ctx: AppContext) -> None:
    win = accomplishments.quick_win(ctx, "Cut build time 40% by caching dependencies")
    saved = interview.save_answer(
        ctx, {"question_id": "beh-12", "text": "I cut build time 40%.", "win_id": win.id}
    )
    assert saved.win_id == win.id and saved.warnings == []
    again = interview.save_answer(
        ctx, {"question_id": "beh-12", "text": "Build time fell 45%.", "win_id": win.id}
    )
    assert any("45" in w for w in again.warnings)
    for bad, field in (
        ({"question_id": "nope-1", "text": "x"}, "question_id"),
        ({"question_id": "beh-01", "text": "   "}, "text"),
        ({"question_id": "beh-01", "text": "x", "win_id": 999}, "win_id"),
    ):
        with pytest.raises(Exception) as caught:
            interview.save_answer(ctx, bad)
        assert getattr(caught.value, "field", None) == field
    assert interview.get_answer(ctx, "beh-01") is None
    with pytest.raises(Exception, match="rating must be"):
        interview.record_session(
            ctx, [{"question_id": "beh-01", "rating": 3}, {"question_id": "beh-02", "rating": 6}]
        )
    assert all(c.attempts == 0 for c in interview.stats(ctx).categories)


def test_weak_answers_come_back_first_the_next_day(sqlite_ctx: AppContext) -> None:
    today = date.today()
    first = interview.practice_queue(sqlite_ctx, count=3, occupation="15-1252.00", today=today)
    assert first[0].question.category == "role_specific"  # new questions for the target first
    ratings = [
        {"question_id": item.question.id, "rating": r}
        for item, r in zip(first, (5, 1, 4), strict=True)
    ]
    interview.record_session(sqlite_ctx, ratings, today=today)
    tomorrow = interview.practice_queue(
        sqlite_ctx, count=3, occupation="15-1252.00", today=today + timedelta(1)
    )
    assert tomorrow[0].question.id == first[1].question.id  # rated 1
    assert tomorrow[0].reason.startswith("due") and "weak" in tomorrow[0].reason


def test_a_guided_practice_session_through_the_interactive_cli(cli) -> None:  # type: ignore[no-untyped-def]
    # Enter (answered), rating, notes - the second rating is out of range and asked again
    typed = "\n4\nclear enough\n\n9\n2\nlost the thread\n"
    result = cli("interview", "practice", "--count", "2", "--occupation", "29-1141", input=typed)
    assert result.exit_code == 0, result.output
    assert "[1/2]" in result.output and "[2/2]" in result.output
    assert "It tests:" in result.output and "Time: 0:0" in result.output
    assert "rating must be a whole number from 1" in result.output
    assert "Session saved (SM-2)" in result.output
    stats = json.loads(cli("interview", "stats", "--json").output)
    assert stats["algorithm"] == "SM-2"
    role = next(c for c in stats["categories"] if c["category"] == "role_specific")
    assert role["attempts"] == 2 and role["weak"] == 1
    assert role["mean_rating"] == 3.0


def test_a_scripted_session_and_bad_ratings(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("interview", "practice", "--json", "--count", "3", "--rate-all", "3")
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert len(data["rated"]) == 3 and {r["interval_days"] for r in data["rated"]} == {1}
    bad = cli("interview", "practice", "--json", "--count", "2", "--rate-all", "0")
    assert bad.exit_code == 2 and "1 (could not answer) to 5" in bad.output
    piped = cli("interview", "practice", "--json", "--count", "2", input="4 fine\n7\n")
    assert piped.exit_code == 2
    short = cli("interview", "practice", "--json", "--count", "2", input="4\n")
    assert short.exit_code == 2 and "nothing was saved" in short.output
    stats = json.loads(cli("interview", "stats", "--json").output)
    assert sum(c["attempts"] for c in stats["categories"]) == 3
    ok = cli("interview", "practice", "--json", "--count", "2", input="4 fine\n2 weak\n")
    assert ok.exit_code == 0, ok.output
    assert [r["rating"] for r in json.loads(ok.output)["rated"]] == [4, 2]
    listed = json.loads(cli("interview", "questions", "--category", "closing", "--json").output)
    assert listed and all({"id", "category", "text", "tests"} <= set(q) for q in listed)
    unknown = cli("interview", "answer", "beh-99", "--text", "x")
    assert unknown.exit_code == 2 and "no question with id" in unknown.output
    empty = cli("interview", "answer", "beh-01", "--text", " ")
    assert empty.exit_code == 2 and "text is required" in empty.output
