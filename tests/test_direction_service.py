"""Direction services on real databases (SQLite and PostgreSQL): history, refusals, atomicity."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError
from sqlalchemy import func, select

from careerceo.analysis.signals import QUESTIONS
from careerceo.errors import CareerError, NotFoundError
from careerceo.model.direction import (
    ActivityIn,
    GoalIn,
    GoalPatch,
    MilestoneIn,
    ReviewIn,
    SignalsIn,
    VisionIn,
)
from careerceo.services import direction as service
from careerceo.services import tailoring
from careerceo.services.context import AppContext
from careerceo.store.tables import Milestone, Review, ReviewRevision

TODAY = date(2026, 11, 23)


def count(ctx: AppContext, table: type) -> int:
    with ctx.db.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(table)) or 0)


def setup_goals(ctx: AppContext) -> tuple[int, int, int]:
    g1 = service.add_goal(ctx, GoalIn(title="Lead a data team", horizon="2y"), TODAY)
    g2 = service.add_goal(ctx, GoalIn(title="Speak at a conference"), TODAY)
    m = service.add_milestone(
        ctx, g1.id, MilestoneIn(title="AWS cert", due_date=date(2026, 12, 31)), TODAY
    )
    return g1.id, g2.id, m.id


def test_vision_history_keeps_every_version(ctx: AppContext) -> None:
    service.set_vision(ctx, VisionIn(text="first"))
    service.set_vision(ctx, VisionIn(text="second"))
    history = service.vision_history(ctx)
    assert [v.text for v in history] == ["second", "first"]
    assert service.current_vision(ctx).text == "second"  # type: ignore[union-attr]


def test_goal_edit_keeps_history_and_occupation_is_linked(ctx: AppContext) -> None:
    goal = service.add_goal(ctx, GoalIn(title="Lead", occupation_code="15-1252"), TODAY)
    assert goal.occupation_code == "15-1252.00"
    assert goal.occupation_title == "Software Developers (O*NET 29.0)"
    service.edit_goal(ctx, goal.id, GoalPatch(title="Lead a data team", horizon="2y"), TODAY)
    service.set_goal_status(ctx, goal.id, "done", TODAY)
    history = service.goal_history(ctx, goal.id)
    assert [h.snapshot["title"] for h in history] == ["Lead", "Lead a data team"]
    assert [h.snapshot["status"] for h in history] == ["active", "active"]
    assert service.get_goal(ctx, goal.id).status == "done"
    with pytest.raises(CareerError, match=r"no O\*NET 29\.0 occupation has the code 99-9999\.00"):
        service.add_goal(ctx, GoalIn(title="x", occupation_code="99-9999.00"), TODAY)
    with pytest.raises(ValidationError, match=r"not an O\*NET-SOC code"):
        GoalIn(title="x", occupation_code="software")


def test_milestone_in_the_past_refused_and_not_stored(ctx: AppContext) -> None:
    g1, _, _ = setup_goals(ctx)
    before = count(ctx, Milestone)
    with pytest.raises(CareerError, match="2026-11-01 is in the past") as err:
        service.add_milestone(ctx, g1, MilestoneIn(title="late", due_date=date(2026, 11, 1)), TODAY)
    assert err.value.field == "due_date"
    assert count(ctx, Milestone) == before
    ok = service.add_milestone(ctx, g1, MilestoneIn(title="today", due_date=TODAY), TODAY)
    assert ok.due_date == TODAY


def test_review_scores_and_marks_milestone_done(ctx: AppContext) -> None:
    g1, g2, m = setup_goals(ctx)
    result = service.create_review(
        ctx,
        ReviewIn(
            month="2026-11",
            activities=[
                ActivityIn(name="ETL", share=60, goal_id=g1),
                ActivityIn(name="Ops", share=40),
            ],
            new_skills=["dbt", "DBT"],
            ratings={g1: 4, g2: 0},
            milestones={m: 100},
        ),
        TODAY,
    )
    # g1: time 1.0*.4 + rating .8*.4 + milestone done 1.0*.2 = 92; g2: 0; mean 46
    assert result.review.alignment == pytest.approx(46.0)
    assert result.review.details.new_skills == ["dbt"]
    assert result.breakdown is not None
    goals = {g.title: g for g in result.breakdown.goals}
    assert goals["Lead a data team"].score == 92.0
    (milestone,) = service.list_milestones(ctx, g1, TODAY)
    assert milestone.status == "done" and milestone.completed_on == TODAY


def test_milestone_move_counts_from_its_last_report_not_the_last_review(
    ctx: AppContext,
) -> None:
    g1, _, m = setup_goals(ctx)
    service.create_review(ctx, ReviewIn(month="2026-08", milestones={m: 60}), TODAY)
    service.create_review(ctx, ReviewIn(month="2026-09", ratings={g1: 2}), TODAY)
    result = service.create_review(ctx, ReviewIn(month="2026-10", milestones={m: 70}), TODAY)
    assert result.breakdown is not None
    (goal,) = [g for g in result.breakdown.goals if g.title == "Lead a data team"]
    detail = {c.name: c.detail for c in goal.components}["milestones"]
    assert "+10 pts" in detail  # 60% -> 70%, not 0% -> 70%
    assert result.review.alignment == pytest.approx(40.0)
    # editing the month in between rescores the later month the same way
    edited = service.edit_review(ctx, "2026-09", ReviewIn(month="2026-09", notes="x"), TODAY)
    assert edited.review.month == "2026-09"
    assert service.get_review(ctx, "2026-10", TODAY).review.alignment == pytest.approx(40.0)


def test_first_review_proposes_the_month_just_finished(ctx: AppContext) -> None:
    setup_goals(ctx)
    assert service.default_review_month(ctx, TODAY) == "2026-10"
    assert service.default_review_month(ctx, date(2026, 11, 28)) == "2026-11"


def test_empty_review_is_refused_and_not_stored(ctx: AppContext) -> None:
    setup_goals(ctx)
    with pytest.raises(CareerError, match="the review of 2026-10 is empty"):
        service.create_review(ctx, ReviewIn(month="2026-10", notes="  "), TODAY)
    assert count(ctx, Review) == 0
    assert service.default_review_month(ctx, TODAY) == "2026-10"  # still waiting
    noted = service.create_review(ctx, ReviewIn(month="2026-10", notes="on leave"), TODAY)
    assert noted.review.month == "2026-10"


def test_a_dropped_goal_takes_its_milestones_off_the_plan(ctx: AppContext) -> None:
    g1, _, _ = setup_goals(ctx)  # its milestone is due 2026-12-31
    later = date(2027, 2, 1)
    assert "milestone-overdue" in {f.rule for f in service.drift_findings(ctx, later)}
    assert b"AWS cert" in service.calendar_ics(ctx, today=later)
    service.set_goal_status(ctx, g1, "dropped", TODAY)
    assert "milestone-overdue" not in {f.rule for f in service.drift_findings(ctx, later)}
    assert b"AWS cert" not in service.calendar_ics(ctx, today=later)
    performing = next(c for c in service.challenges(ctx, later) if c.id == "performing")
    assert not any("overdue" in e for e in performing.evidence)


def test_pages_show_scores_by_the_current_formula_not_a_stale_stored_one(
    ctx: AppContext,
) -> None:
    g1, _, m = setup_goals(ctx)
    service.create_review(ctx, ReviewIn(month="2026-08", milestones={m: 60}), TODAY)
    service.create_review(ctx, ReviewIn(month="2026-09", ratings={g1: 2}), TODAY)
    service.create_review(ctx, ReviewIn(month="2026-10", milestones={m: 70}), TODAY)
    with ctx.db.transaction() as s:  # what a release with the old formula stored: 0% -> 70%
        old = s.scalars(select(Review).where(Review.month == "2026-10")).one()
        old.alignment = 100.0
        old.details = {**old.details, "breakdown": {"overall": 100.0, "goals": []}}
    rows = {r.month: r for r in service.review_history(ctx, TODAY)}
    assert rows["2026-10"].alignment == pytest.approx(40.0)
    shown = service.get_review(ctx, "2026-10", TODAY)
    assert shown.review.alignment == pytest.approx(40.0)
    assert shown.breakdown is not None and shown.breakdown.overall == pytest.approx(40.0)


def test_editing_done_back_to_a_percentage_reopens_the_milestone(ctx: AppContext) -> None:
    g1, _, m = setup_goals(ctx)
    service.create_review(ctx, ReviewIn(month="2026-10", milestones={m: 100}), TODAY)
    (done,) = service.list_milestones(ctx, g1, TODAY)
    assert done.status == "done" and done.completed_on == date(2026, 10, 31)
    service.edit_review(ctx, "2026-10", ReviewIn(month="2026-10", milestones={m: 80}), TODAY)
    (reopened,) = service.list_milestones(ctx, g1, TODAY)
    assert reopened.status == "open" and reopened.completed_on is None
    # a milestone marked done by hand is left alone by an unrelated edit
    service.complete_milestone(ctx, m, TODAY)
    service.edit_review(ctx, "2026-10", ReviewIn(month="2026-10", notes="x"), TODAY)
    (kept,) = service.list_milestones(ctx, g1, TODAY)
    assert kept.status == "done" and kept.completed_on == TODAY


def test_duplicate_month_refused_pointing_to_edit(ctx: AppContext) -> None:
    g1, _, _ = setup_goals(ctx)
    service.create_review(ctx, ReviewIn(month="2026-10", ratings={g1: 3}), TODAY)
    with pytest.raises(CareerError, match="career review edit 2026-10") as err:
        service.create_review(ctx, ReviewIn(month="2026-10", ratings={g1: 5}), TODAY)
    assert err.value.field == "month"
    assert count(ctx, Review) == 1


def test_nothing_half_stored_when_a_reference_is_wrong(ctx: AppContext) -> None:
    g1, _, m = setup_goals(ctx)
    with pytest.raises(CareerError, match="no goal #999"):
        service.create_review(
            ctx,
            ReviewIn(month="2026-10", ratings={g1: 3, 999: 2}, milestones={m: 100}),
            TODAY,
        )
    assert count(ctx, Review) == 0
    (milestone,) = service.list_milestones(ctx, g1, TODAY)
    assert milestone.status == "open"  # the progress was not applied either


def test_refusals_for_bad_review_input(ctx: AppContext) -> None:
    with pytest.raises(ValidationError, match="use 0 \\(not at all\\) to 5"):
        ReviewIn(month="2026-10", ratings={1: 6})
    with pytest.raises(ValidationError, match="add up to 130%"):
        ReviewIn(
            month="2026-10",
            activities=[ActivityIn(name="a", share=70), ActivityIn(name="b", share=60)],
        )
    with pytest.raises(ValidationError, match="YYYY-MM"):
        ReviewIn(month="2026-13")
    with pytest.raises(CareerError, match="has not started yet"):
        service.create_review(ctx, ReviewIn(month="2027-01"), TODAY)


def test_edit_past_review_keeps_history_and_rescores(ctx: AppContext) -> None:
    g1, g2, _ = setup_goals(ctx)
    service.create_review(ctx, ReviewIn(month="2026-10", ratings={g1: 1, g2: 1}, notes="v1"), TODAY)
    edited = service.edit_review(
        ctx, "2026-10", ReviewIn(month="2026-10", ratings={g1: 5, g2: 5}, notes="v2"), TODAY
    )
    # g1: rating 1.0 (.4) with its milestone unmoved (.2) = 66.7; g2: 100; mean 83.3
    assert edited.review.alignment == pytest.approx(83.3) and edited.review.revisions == 1
    revisions = service.review_revisions(ctx, "2026-10")
    assert [r.snapshot["notes"] for r in revisions] == ["v1"]
    assert revisions[0].snapshot["alignment"] == pytest.approx(16.65, abs=0.1)  # (13.3 + 20) / 2
    assert count(ctx, ReviewRevision) == 1
    with pytest.raises(NotFoundError, match="no review for 2026-09"):
        service.edit_review(ctx, "2026-09", ReviewIn(month="2026-09"), TODAY)
    # a refused edit leaves no revision behind
    with pytest.raises(CareerError):
        service.edit_review(ctx, "2026-10", ReviewIn(month="2026-10", ratings={404: 1}), TODAY)
    assert count(ctx, ReviewRevision) == 1


def test_history_marks_missed_months_and_drift(ctx: AppContext) -> None:
    g1, _, _ = setup_goals(ctx)
    service.create_review(ctx, ReviewIn(month="2026-07", ratings={g1: 1}), TODAY)
    service.create_review(ctx, ReviewIn(month="2026-10", ratings={g1: 1}), TODAY)
    rows = service.review_history(ctx, TODAY)
    assert [(r.month, r.state) for r in rows] == [
        ("2026-07", "reviewed"),
        ("2026-08", "missed"),
        ("2026-09", "missed"),
        ("2026-10", "reviewed"),
        ("2026-11", "current"),
    ]
    # rating 1/5 (weight .4) and an unmoved milestone (weight .2): 0.08 / 0.6
    assert service.trend(rows) == [
        ("2026-07", 13.3),
        ("2026-08", None),
        ("2026-09", None),
        ("2026-10", 13.3),
    ]
    rules = {f.rule for f in service.drift_findings(ctx, TODAY)}
    assert {"low-alignment", "missed-month", "goal-untouched"} <= rules
    assert service.default_review_month(ctx, TODAY) == "2026-11"


def test_data_is_scoped_to_the_person(ctx: AppContext) -> None:
    from careerceo.store.tables import Account, Person

    setup_goals(ctx)
    with ctx.db.transaction() as s:
        account = Account(name="other")
        s.add(account)
        s.flush()
        other = Person(account_id=account.id)
        s.add(other)
        s.flush()
        other_id = other.id
    other_ctx = AppContext(settings=ctx.settings)
    other_ctx.__dict__["db"] = ctx.db
    other_ctx.__dict__["person_id"] = other_id
    assert service.list_goals(other_ctx) == []
    with pytest.raises(NotFoundError):
        service.get_goal(other_ctx, service.list_goals(ctx)[0].id)


def test_signals_tracked_with_change(ctx: AppContext) -> None:
    calm = {q.id: (5 if q.reverse else 1) for q in QUESTIONS}
    first = service.take_signals(ctx, SignalsIn(answers=calm), TODAY)
    assert first.overall == 0.0 and first.changes == {}
    worse = dict(calm, au1=1, au2=5, au3=5)
    second = service.take_signals(ctx, SignalsIn(answers=worse), TODAY)
    assert second.changes["autonomy"] == 100.0
    assert second.scores.recommend_pivot is True
    assert [h.overall for h in service.signals_history(ctx)] == [0.0, second.overall]
    with pytest.raises(CareerError, match="missing"):
        service.take_signals(ctx, SignalsIn(answers={"um1": 3}), TODAY)
    assert len(service.signals_history(ctx)) == 2
    challenges = {c.id: c for c in service.challenges(ctx, TODAY)}
    assert challenges["leaving"].status == "act"
    assert challenges["performing"].status == "no data yet"
    assert challenges["finding"].status == "act"  # the signs say explore; nothing started
    tailoring.save_posting(ctx, "Data Engineer", "Build pipelines in Python and SQL.")
    finding = {c.id: c for c in service.challenges(ctx, TODAY)}["finding"]
    assert finding.status == "watch" and finding.evidence == ("1 job posting saved",)
