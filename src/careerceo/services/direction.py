"""Direction: the vision, goals and milestones, the monthly CEO review, and warning signs.

Storage and orchestration only; the judgments (alignment, drift, signals, the three
challenges) are pure functions in ``careerceo.analysis``. Every write is one transaction and
every query is scoped to the context's person. Edits keep history: a vision save is a new row,
a goal or review edit first stores a snapshot of what it replaces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from careerceo.analysis.alignment import (
    Activity,
    GoalInfo,
    MilestoneInfo,
    ReviewAlignment,
    ReviewData,
    carry_progress,
    score_review,
)
from careerceo.analysis.challenges import (
    Challenge,
    ChallengeInputs,
    SignalsSummary,
    macro_challenges,
)
from careerceo.analysis.drift import Finding, ReviewRecord, detect_drift
from careerceo.analysis.months import add_months, first_day, is_month, last_day, month_of
from careerceo.analysis.schedule import ReviewSchedule, review_schedule
from careerceo.analysis.signals import SignalResult, compare, score_signals
from careerceo.documents.icalendar import DueEvent, ReviewEvent, build_calendar, first_occurrence
from careerceo.errors import CareerError, NotFoundError
from careerceo.knowledge import KnowledgeError, load_knowledge
from careerceo.model.common import UtcDateTime
from careerceo.model.direction import (
    HORIZONS,
    GoalIn,
    GoalPatch,
    GoalStatus,
    MilestoneIn,
    ReviewIn,
    SignalsIn,
    VisionIn,
)
from careerceo.services import exit_plan, interview_rounds
from careerceo.services.context import AppContext
from careerceo.services.occupation_codes import check_known_code
from careerceo.store.repositories import can_exist
from careerceo.store.tables import (
    Accomplishment,
    Contact,
    Document,
    Goal,
    GoalRevision,
    JobPosting,
    Milestone,
    Opportunity,
    Person,
    Review,
    ReviewRevision,
    SignalAssessment,
    Vision,
)

PROGRESS_DONE = 100


# ----------------------------------------------------------------------------------- views
class VisionView(BaseModel):
    id: int
    text: str
    saved_at: UtcDateTime


class MilestoneView(BaseModel):
    id: int
    uid: str
    goal_id: int
    title: str
    measure: str
    due_date: date | None
    status: str
    completed_on: date | None
    overdue: bool


class GoalView(BaseModel):
    id: int
    uid: str
    title: str
    horizon: str
    horizon_label: str
    target_role: str
    occupation_code: str | None
    occupation_title: str | None
    why: str
    status: str
    created_at: UtcDateTime
    milestones: list[MilestoneView] = []


class RevisionView(BaseModel):
    saved_at: UtcDateTime
    snapshot: dict[str, Any]


class ReviewView(BaseModel):
    id: int
    month: str
    details: dict[str, Any]
    notes: str
    alignment: float | None
    updated_at: UtcDateTime
    revisions: int = 0


class ReviewResult(BaseModel):
    review: ReviewView
    breakdown: dict[str, Any]
    findings: list[dict[str, Any]]


class HistoryRow(BaseModel):
    month: str
    state: str  # reviewed | missed | due | current
    alignment: float | None
    goals: dict[str, float | None]
    new_skills: int
    wins: int


class SignalView(BaseModel):
    id: int
    taken_on: date
    answers: dict[str, int]
    scores: dict[str, Any]
    overall: float | None
    changes: dict[str, float] = {}


# ----------------------------------------------------------------------------------- helpers
def _today(today: date | None) -> date:
    return today or date.today()


def _occupation_title(code: str | None) -> str | None:
    """The occupation's title and data version, e.g. "Software Developers (O*NET 29.0)"."""
    if not code:
        return None
    try:
        kb = load_knowledge()
    except KnowledgeError:  # a damaged artifact must not lock the person out of their goals
        return None
    occupation = kb.find_occupation(code)
    return f"{occupation.title} ({kb.source.onet})" if occupation else None


def _milestone_view(m: Milestone, today: date) -> MilestoneView:
    return MilestoneView(
        id=m.id,
        uid=m.uid,
        goal_id=m.goal_id,
        title=m.title,
        measure=m.measure,
        due_date=m.due_date,
        status=m.status,
        completed_on=m.completed_on,
        overdue=m.status == "open" and m.due_date is not None and m.due_date < today,
    )


def _goal_view(g: Goal, milestones: Sequence[Milestone], today: date) -> GoalView:
    return GoalView(
        id=g.id,
        uid=g.uid,
        title=g.title,
        horizon=g.horizon,
        horizon_label=HORIZONS.get(g.horizon, g.horizon),
        target_role=g.target_role,
        occupation_code=g.occupation_code,
        occupation_title=_occupation_title(g.occupation_code),
        why=g.why,
        status=g.status,
        created_at=g.created_at,
        milestones=[_milestone_view(m, today) for m in milestones if m.goal_id == g.id],
    )


def _goal_snapshot(g: Goal) -> dict[str, Any]:
    return {
        "title": g.title,
        "horizon": g.horizon,
        "target_role": g.target_role,
        "occupation_code": g.occupation_code,
        "why": g.why,
        "status": g.status,
        "saved_at": g.updated_at.isoformat(),
    }


def _review_view(r: Review, revisions: int = 0) -> ReviewView:
    return ReviewView(
        id=r.id,
        month=r.month,
        details=dict(r.details or {}),
        notes=r.notes,
        alignment=r.alignment,
        updated_at=r.updated_at,
        revisions=revisions,
    )


def _get_goal(s: Session, person_id: int, goal_id: int) -> Goal:
    goal = None
    if can_exist(goal_id):
        goal = s.scalars(
            select(Goal).where(Goal.person_id == person_id, Goal.id == goal_id)
        ).first()
    if goal is None:
        raise NotFoundError(f"no goal #{goal_id}; see career goals list", field="goal")
    return goal


def _get_milestone(s: Session, person_id: int, milestone_id: int) -> Milestone:
    m = None
    if can_exist(milestone_id):
        m = s.scalars(
            select(Milestone).where(Milestone.person_id == person_id, Milestone.id == milestone_id)
        ).first()
    if m is None:
        raise NotFoundError(
            f"no milestone #{milestone_id}; see career goals milestone list", field="milestone"
        )
    return m


def _goals(s: Session, person_id: int) -> list[Goal]:
    return list(s.scalars(select(Goal).where(Goal.person_id == person_id).order_by(Goal.id)))


def _milestones(s: Session, person_id: int) -> list[Milestone]:
    return list(
        s.scalars(
            select(Milestone)
            .where(Milestone.person_id == person_id)
            .order_by(Milestone.due_date.is_(None), Milestone.due_date, Milestone.id)
        )
    )


def _reviews(s: Session, person_id: int) -> list[Review]:
    return list(
        s.scalars(select(Review).where(Review.person_id == person_id).order_by(Review.month))
    )


def _goal_info(g: Goal) -> GoalInfo:
    # the schema has no closing date: a closed goal's last edit is when it was closed
    closed = g.updated_at.date() if g.status != "active" else None
    return GoalInfo(g.uid, g.title, g.created_at.date(), g.status, closed)


def _infos(
    goals: Sequence[Goal], milestones: Sequence[Milestone]
) -> tuple[list[GoalInfo], list[MilestoneInfo]]:
    uid_of = {g.id: g.uid for g in goals}
    ginfo = [_goal_info(g) for g in goals]
    minfo = [
        MilestoneInfo(m.uid, uid_of[m.goal_id], m.title, m.due_date, m.status, m.completed_on)
        for m in milestones
        if m.goal_id in uid_of
    ]
    return ginfo, minfo


def review_data(month: str, details: dict[str, Any]) -> ReviewData:
    """The stored ``details`` JSON as the analysis reads it."""
    return ReviewData(
        month=month,
        activities=tuple(
            Activity(str(a["name"]), float(a["share"]), a.get("goal"))
            for a in details.get("activities", [])
        ),
        new_skills=tuple(details.get("new_skills", [])),
        wins=tuple(details.get("wins", [])),
        ratings={str(k): int(v) for k, v in details.get("ratings", {}).items()},
        milestone_progress={str(k): int(v) for k, v in details.get("milestones", {}).items()},
    )


def _breakdown(alignment: ReviewAlignment) -> dict[str, Any]:
    return asdict(alignment)


def _finding_dict(f: Finding) -> dict[str, Any]:
    return asdict(f)


# ----------------------------------------------------------------------------------- vision
def set_vision(ctx: AppContext, data: VisionIn) -> VisionView:
    with ctx.db.transaction() as s:
        row = Vision(person_id=ctx.person_id, text=data.text)
        s.add(row)
        s.flush()
        return VisionView(id=row.id, text=row.text, saved_at=row.created_at)


def vision_history(ctx: AppContext) -> list[VisionView]:
    """Newest first; the first item is the current vision."""
    with ctx.db.transaction() as s:
        rows = s.scalars(
            select(Vision)
            .where(Vision.person_id == ctx.person_id)
            .order_by(Vision.created_at.desc(), Vision.id.desc())
        )
        return [VisionView(id=v.id, text=v.text, saved_at=v.created_at) for v in rows]


def current_vision(ctx: AppContext) -> VisionView | None:
    history = vision_history(ctx)
    return history[0] if history else None


# ----------------------------------------------------------------------------------- goals
def add_goal(ctx: AppContext, data: GoalIn, today: date | None = None) -> GoalView:
    check_known_code(data.occupation_code)
    with ctx.db.transaction() as s:
        goal = Goal(person_id=ctx.person_id, **data.model_dump())
        s.add(goal)
        s.flush()
        return _goal_view(goal, [], _today(today))


def list_goals(
    ctx: AppContext, *, include_closed: bool = True, today: date | None = None
) -> list[GoalView]:
    with ctx.db.transaction() as s:
        goals = _goals(s, ctx.person_id)
        milestones = _milestones(s, ctx.person_id)
        return [
            _goal_view(g, milestones, _today(today))
            for g in goals
            if include_closed or g.status == "active"
        ]


def get_goal(ctx: AppContext, goal_id: int, today: date | None = None) -> GoalView:
    with ctx.db.transaction() as s:
        goal = _get_goal(s, ctx.person_id, goal_id)
        return _goal_view(goal, _milestones(s, ctx.person_id), _today(today))


def goal_history(ctx: AppContext, goal_id: int) -> list[RevisionView]:
    """What the goal looked like before each edit, oldest first."""
    with ctx.db.transaction() as s:
        _get_goal(s, ctx.person_id, goal_id)
        rows = s.scalars(
            select(GoalRevision)
            .where(GoalRevision.person_id == ctx.person_id, GoalRevision.goal_id == goal_id)
            .order_by(GoalRevision.id)
        )
        return [RevisionView(saved_at=r.created_at, snapshot=dict(r.snapshot)) for r in rows]


def edit_goal(
    ctx: AppContext, goal_id: int, patch: GoalPatch, today: date | None = None
) -> GoalView:
    changes = patch.model_dump(exclude_unset=True)
    if not changes:
        raise CareerError(
            "nothing to change; give at least one of title, horizon, target role, code, why",
            field="goal",
        )
    check_known_code(changes.get("occupation_code"))
    with ctx.db.transaction() as s:
        goal = _get_goal(s, ctx.person_id, goal_id)
        s.add(GoalRevision(person_id=ctx.person_id, goal_id=goal.id, snapshot=_goal_snapshot(goal)))
        for key, value in changes.items():
            if value is None and key != "occupation_code":
                continue  # None means "leave as is"; only the code can be cleared
            setattr(goal, key, value)
        s.flush()
        return _goal_view(goal, _milestones(s, ctx.person_id), _today(today))


def set_goal_status(
    ctx: AppContext, goal_id: int, status: GoalStatus, today: date | None = None
) -> GoalView:
    return edit_goal(ctx, goal_id, GoalPatch(status=status), today)


# ----------------------------------------------------------------------------------- milestones
def add_milestone(
    ctx: AppContext, goal_id: int, data: MilestoneIn, today: date | None = None
) -> MilestoneView:
    now = _today(today)
    if data.due_date is not None and data.due_date < now:
        raise CareerError(
            f"due date {data.due_date.isoformat()} is in the past; a new milestone needs a date "
            f"from {now.isoformat()} on",
            field="due_date",
        )
    latest = date(now.year + MILESTONE_YEARS_AHEAD, 12, 31)
    if data.due_date is not None and data.due_date > latest:
        raise CareerError(
            f"due date {data.due_date.isoformat()} is too far away for a milestone; pick a date "
            f"up to {latest.isoformat()} (split a long goal into nearer milestones)",
            field="due_date",
        )
    with ctx.db.transaction() as s:
        goal = _get_goal(s, ctx.person_id, goal_id)
        if goal.status != "active":
            raise CareerError(
                f"goal #{goal_id} is {goal.status}; reopen it (career goals edit {goal_id} "
                "--status active) before adding milestones",
                field="goal",
            )
        m = Milestone(person_id=ctx.person_id, goal_id=goal.id, **data.model_dump())
        s.add(m)
        s.flush()
        return _milestone_view(m, now)


def complete_milestone(
    ctx: AppContext, milestone_id: int, today: date | None = None
) -> MilestoneView:
    now = _today(today)
    with ctx.db.transaction() as s:
        m = _get_milestone(s, ctx.person_id, milestone_id)
        m.status = "done"
        m.completed_on = m.completed_on or now
        s.flush()
        return _milestone_view(m, now)


def list_milestones(
    ctx: AppContext, goal_id: int | None = None, today: date | None = None
) -> list[MilestoneView]:
    with ctx.db.transaction() as s:
        if goal_id is not None:
            _get_goal(s, ctx.person_id, goal_id)
        return [
            _milestone_view(m, _today(today))
            for m in _milestones(s, ctx.person_id)
            if goal_id is None or m.goal_id == goal_id
        ]


# ----------------------------------------------------------------------------------- reviews
def _details_from(
    s: Session, person_id: int, data: ReviewIn
) -> tuple[dict[str, Any], list[tuple[Milestone, int]]]:
    """Map the ids a person typed to stable uids, refusing any that are not theirs."""
    goals = {g.id: g for g in _goals(s, person_id)}
    milestones = {m.id: m for m in _milestones(s, person_id)}

    def goal_uid(goal_id: int, where: str) -> str:
        if goal_id not in goals:
            raise CareerError(f"no goal #{goal_id}; see career goals list", field=where)
        return goals[goal_id].uid

    activities = [
        {
            "name": a.name,
            "share": a.share,
            "goal": goal_uid(a.goal_id, "activities") if a.goal_id is not None else None,
        }
        for a in data.activities
    ]
    ratings = {goal_uid(gid, "ratings"): r for gid, r in data.ratings.items()}
    progress: dict[str, int] = {}
    moved: list[tuple[Milestone, int]] = []
    for mid, pct in data.milestones.items():
        if mid not in milestones:
            raise CareerError(
                f"no milestone #{mid}; see career goals milestone list", field="milestones"
            )
        progress[milestones[mid].uid] = pct
        moved.append((milestones[mid], pct))
    details = {
        "activities": activities,
        "new_skills": list(data.new_skills),
        "wins": list(data.wins),
        "ratings": ratings,
        "milestones": progress,
    }
    return details, moved


REVIEW_YEARS_BACK = 10
MILESTONE_YEARS_AHEAD = 30


def _check_month_text(month: str) -> None:
    if not is_month(month):
        raise CareerError(
            f"{month!r} is not a month; write it as YYYY-MM, e.g. 2026-11", field="month"
        )


def check_review_month(month: str, today: date | None = None) -> None:
    """A month a new review may cover: well formed, started, and not decades ago.

    Checked before any prompt, so a guided review does not ask questions it will refuse.
    """
    _check_month_text(month)
    now = _today(today)
    if month > month_of(now):
        raise CareerError(
            f"{month} has not started yet; review a month that is under way or over",
            field="month",
        )
    oldest = add_months(month_of(now), -12 * REVIEW_YEARS_BACK)
    if month < oldest:
        raise CareerError(
            f"{month} is more than {REVIEW_YEARS_BACK} years ago; reviews go back to {oldest}",
            field="month",
        )


def _check_month(month: str, today: date) -> None:
    check_review_month(month, today)


def _rescore(s: Session, person_id: int, from_month: str) -> None:
    """Recompute alignment for ``from_month`` and later: each month reads the one before it."""
    goals = _goals(s, person_id)
    ginfo, minfo = _infos(goals, _milestones(s, person_id))
    previous: ReviewData | None = None
    for r in _reviews(s, person_id):
        data = review_data(r.month, r.details or {})
        if r.month >= from_month:
            result = score_review(data, ginfo, minfo, previous)
            details = dict(r.details or {})
            details["breakdown"] = _breakdown(result)
            r.details = details
            r.alignment = result.overall
        previous = carry_progress(previous, data)


def _apply_progress(moved: Sequence[tuple[Milestone, int]], month: str, today: date) -> None:
    for m, pct in moved:
        if pct >= PROGRESS_DONE and m.status == "open":
            m.status = "done"
            m.completed_on = min(today, last_day(month))


def _result(ctx: AppContext, s: Session, review: Review, today: date) -> ReviewResult:
    findings = _findings(s, ctx.person_id, today)
    count = s.scalar(
        select(func.count(ReviewRevision.id)).where(
            ReviewRevision.person_id == ctx.person_id, ReviewRevision.review_id == review.id
        )
    )
    scored = {r.data.month: r.alignment for r in _records(s, ctx.person_id)}
    view = _review_view(review, int(count or 0))
    now = scored.get(review.month)
    if now is not None:
        view.alignment = now.overall
    return ReviewResult(
        review=view,
        breakdown=_breakdown(now) if now else dict((review.details or {}).get("breakdown", {})),
        findings=[_finding_dict(f) for f in findings],
    )


def _is_empty(data: ReviewIn) -> bool:
    return not (
        data.activities
        or data.new_skills
        or data.wins
        or data.ratings
        or data.milestones
        or data.notes.strip()
    )


def create_review(ctx: AppContext, data: ReviewIn, today: date | None = None) -> ReviewResult:
    now = _today(today)
    _check_month(data.month, now)
    if _is_empty(data):
        # an empty review would mark the month as reviewed while saying nothing about it
        raise CareerError(
            f"the review of {data.month} is empty; give at least one activity, new skill, win, "
            "goal rating or milestone progress, or a note (e.g. 'on leave')"
        )
    try:
        with ctx.db.transaction() as s:
            exists = s.scalar(
                select(Review.id).where(
                    Review.person_id == ctx.person_id, Review.month == data.month
                )
            )
            if exists is not None:
                raise _duplicate(data.month)
            details, moved = _details_from(s, ctx.person_id, data)
            review = Review(
                person_id=ctx.person_id, month=data.month, details=details, notes=data.notes
            )
            s.add(review)
            _apply_progress(moved, data.month, now)
            s.flush()
            _rescore(s, ctx.person_id, data.month)
            s.flush()
            return _result(ctx, s, review, now)
    except IntegrityError as exc:  # two shells saving the same month at once
        raise _duplicate(data.month) from exc


def check_not_reviewed(ctx: AppContext, month: str) -> None:
    """Refuse a month that already has a review, before a guided review asks its questions."""
    with ctx.db.transaction() as s:
        exists = s.scalar(
            select(Review.id).where(Review.person_id == ctx.person_id, Review.month == month)
        )
    if exists is not None:
        raise _duplicate(month)


def _duplicate(month: str) -> CareerError:
    return CareerError(
        f"{month} is already reviewed; change it with: career review edit {month}",
        field="month",
    )


def _get_review(s: Session, person_id: int, month: str) -> Review:
    _check_month_text(month)
    review = s.scalars(
        select(Review).where(Review.person_id == person_id, Review.month == month)
    ).first()
    if review is None:
        raise NotFoundError(
            f"no review for {month}; start it with: career review --month {month}", field="month"
        )
    return review


def edit_review(
    ctx: AppContext, month: str, data: ReviewIn, today: date | None = None
) -> ReviewResult:
    """Replace a month's review, keeping what it said before as a revision."""
    now = _today(today)
    if data.month != month:
        raise CareerError(
            f"an edit cannot move the review from {month} to {data.month}", field="month"
        )
    with ctx.db.transaction() as s:
        review = _get_review(s, ctx.person_id, month)
        s.add(
            ReviewRevision(
                person_id=ctx.person_id,
                review_id=review.id,
                snapshot={
                    "month": review.month,
                    "details": dict(review.details or {}),
                    "notes": review.notes,
                    "alignment": review.alignment,
                    "saved_at": review.updated_at.isoformat(),
                },
            )
        )
        details, moved = _details_from(s, ctx.person_id, data)
        _undo_completion(s, ctx.person_id, review, details)
        review.details = details
        review.notes = data.notes
        review.updated_at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        _apply_progress(moved, month, now)
        s.flush()
        _rescore(s, ctx.person_id, month)
        s.flush()
        return _result(ctx, s, review, now)


def _undo_completion(s: Session, person_id: int, review: Review, details: dict[str, Any]) -> None:
    """Reopen a milestone this review marked done when the edit takes the "done" back.

    Only a completion dated inside the review's month is undone: that date is the one the
    review gave it; a milestone marked done another way keeps its status.
    """
    before = (review.details or {}).get("milestones", {})
    after = details.get("milestones", {})
    start, end = first_day(review.month), last_day(review.month)
    for m in _milestones(s, person_id):
        was, now = before.get(m.uid), after.get(m.uid)
        if was is None or int(was) < PROGRESS_DONE or (now is not None and now >= PROGRESS_DONE):
            continue
        if m.status == "done" and m.completed_on is not None and start <= m.completed_on <= end:
            m.status = "open"
            m.completed_on = None


def review_input(ctx: AppContext, month: str) -> ReviewIn:
    """A stored review as the form/CLI input that would recreate it (ids, not uids)."""
    with ctx.db.transaction() as s:
        review = _get_review(s, ctx.person_id, month)
        goal_id = {g.uid: g.id for g in _goals(s, ctx.person_id)}
        mid = {m.uid: m.id for m in _milestones(s, ctx.person_id)}
        d = review.details or {}
        return ReviewIn.model_validate(
            {
                "month": month,
                "activities": [
                    {"name": a["name"], "share": a["share"], "goal_id": goal_id.get(a.get("goal"))}
                    for a in d.get("activities", [])
                ],
                "new_skills": d.get("new_skills", []),
                "wins": d.get("wins", []),
                "ratings": {goal_id[k]: v for k, v in d.get("ratings", {}).items() if k in goal_id},
                "milestones": {mid[k]: v for k, v in d.get("milestones", {}).items() if k in mid},
                "notes": review.notes,
            }
        )


def progress_before(ctx: AppContext, month: str) -> dict[int, int]:
    """Milestone id -> the latest progress (0-100) reviews before ``month`` reported for it:
    where each milestone stands when the person starts reviewing ``month``."""
    _check_month_text(month)
    with ctx.db.transaction() as s:
        mid = {m.uid: m.id for m in _milestones(s, ctx.person_id)}
        known: dict[int, int] = {}
        for r in _reviews(s, ctx.person_id):
            if r.month >= month:
                break
            for key, pct in (r.details or {}).get("milestones", {}).items():
                if key in mid:
                    known[mid[key]] = int(pct)
        return known


def get_review(ctx: AppContext, month: str, today: date | None = None) -> ReviewResult:
    with ctx.db.transaction() as s:
        return _result(ctx, s, _get_review(s, ctx.person_id, month), _today(today))


def review_revisions(ctx: AppContext, month: str) -> list[RevisionView]:
    with ctx.db.transaction() as s:
        review = _get_review(s, ctx.person_id, month)
        rows = s.scalars(
            select(ReviewRevision)
            .where(ReviewRevision.person_id == ctx.person_id, ReviewRevision.review_id == review.id)
            .order_by(ReviewRevision.id)
        )
        return [RevisionView(saved_at=r.created_at, snapshot=dict(r.snapshot)) for r in rows]


def _records(s: Session, person_id: int) -> list[ReviewRecord]:
    """Every review scored now, in month order.

    What pages and drift show is computed here rather than read from the stored score, so that
    a review saved before a change to the formula (or to its goals) reads the same everywhere.
    """
    ginfo, minfo = _infos(_goals(s, person_id), _milestones(s, person_id))
    records: list[ReviewRecord] = []
    previous: ReviewData | None = None
    for r in _reviews(s, person_id):
        data = review_data(r.month, r.details or {})
        records.append(ReviewRecord(data, score_review(data, ginfo, minfo, previous)))
        previous = carry_progress(previous, data)
    return records


def _findings(s: Session, person_id: int, today: date) -> list[Finding]:
    ginfo, minfo = _infos(_goals(s, person_id), _milestones(s, person_id))
    records = _records(s, person_id)
    schedule = review_schedule({r.data.month for r in records}, today)
    return detect_drift(records, ginfo, minfo, today, schedule.missed)


def drift_findings(ctx: AppContext, today: date | None = None) -> list[Finding]:
    with ctx.db.transaction() as s:
        return _findings(s, ctx.person_id, _today(today))


def review_due(ctx: AppContext, today: date | None = None) -> ReviewSchedule:
    with ctx.db.transaction() as s:
        months = set(s.scalars(select(Review.month).where(Review.person_id == ctx.person_id)).all())
    return review_schedule(months, _today(today))


def default_review_month(ctx: AppContext, today: date | None = None) -> str:
    """The month a new review should cover: the oldest one waiting, else the current one."""
    now = _today(today)
    return min(review_due(ctx, now).next_month, month_of(now))


def review_history(ctx: AppContext, today: date | None = None) -> list[HistoryRow]:
    """One row per month from the first review to now; missed months included, marked."""
    now = _today(today)
    with ctx.db.transaction() as s:
        reviews = {r.month: r for r in _reviews(s, ctx.person_id)}
        titles = {g.uid: g.title for g in _goals(s, ctx.person_id)}
        scored = {r.data.month: r.alignment for r in _records(s, ctx.person_id)}
    schedule = review_schedule(set(reviews), now)
    timeline = list(schedule.timeline)
    rows: list[HistoryRow] = []
    for state in timeline:
        r = reviews.get(state.month)
        if r is None:
            rows.append(
                HistoryRow(
                    month=state.month,
                    state=state.state,
                    alignment=None,
                    goals={},
                    new_skills=0,
                    wins=0,
                )
            )
            continue
        d = r.details or {}
        score = scored[r.month]
        goals = {titles.get(g.goal_key, g.title): g.score for g in score.goals}
        rows.append(
            HistoryRow(
                month=r.month,
                state="reviewed",
                alignment=score.overall,
                goals=goals,
                new_skills=len(d.get("new_skills", [])),
                wins=len(d.get("wins", [])),
            )
        )
    return rows


def trend(rows: Sequence[HistoryRow]) -> list[tuple[str, float | None]]:
    """Chart points; the current month is left out until it is reviewed."""
    return [(r.month, r.alignment) for r in rows if r.state != "current" or r.alignment is not None]


# ----------------------------------------------------------------------------------- signals
def _signal_scores(result: SignalResult) -> dict[str, Any]:
    return {
        "dimensions": [asdict(d) for d in result.scores],
        "high": list(result.high),
        "recommend_pivot": result.recommend_pivot,
        "recommendation": result.recommendation,
    }


def take_signals(ctx: AppContext, data: SignalsIn, today: date | None = None) -> SignalView:
    try:
        result = score_signals(data.answers)
    except ValueError as exc:
        raise CareerError(str(exc), field="answers") from exc
    taken = data.taken_on or _today(today)
    with ctx.db.transaction() as s:
        row = SignalAssessment(
            person_id=ctx.person_id,
            taken_on=taken,
            answers=dict(data.answers),
            scores=_signal_scores(result),
            overall=result.overall,
        )
        s.add(row)
        s.flush()
        previous = s.scalars(
            select(SignalAssessment)
            .where(SignalAssessment.person_id == ctx.person_id, SignalAssessment.id != row.id)
            .order_by(SignalAssessment.taken_on.desc(), SignalAssessment.id.desc())
        ).first()
        return _signal_view(row, previous)


def _dim_scores(row: SignalAssessment) -> dict[str, float]:
    return {d["dimension"]: float(d["score"]) for d in (row.scores or {}).get("dimensions", [])}


def _signal_view(row: SignalAssessment, previous: SignalAssessment | None) -> SignalView:
    changes = compare(_dim_scores(previous), _dim_scores(row)) if previous is not None else {}
    return SignalView(
        id=row.id,
        taken_on=row.taken_on,
        answers={k: int(v) for k, v in (row.answers or {}).items()},
        scores=dict(row.scores or {}),
        overall=row.overall,
        changes=changes,
    )


def signals_history(ctx: AppContext) -> list[SignalView]:
    """Oldest first, each with its change since the one before."""
    with ctx.db.transaction() as s:
        rows = list(
            s.scalars(
                select(SignalAssessment)
                .where(SignalAssessment.person_id == ctx.person_id)
                .order_by(SignalAssessment.taken_on, SignalAssessment.id)
            )
        )
    return [_signal_view(r, rows[i - 1] if i else None) for i, r in enumerate(rows)]


# ----------------------------------------------------------------------------------- dashboard
def challenges(ctx: AppContext, today: date | None = None) -> tuple[Challenge, ...]:
    now = _today(today)
    rows = review_history(ctx, now)
    signals = signals_history(ctx)
    with ctx.db.transaction() as s:
        pid = ctx.person_id
        findings = _findings(s, pid, now)
        goals = _goals(s, pid)
        active = {g.id for g in goals if g.status == "active"}
        overdue = sum(
            1
            for m in _milestones(s, pid)
            if m.status == "open"
            and m.goal_id in active
            and m.due_date is not None
            and m.due_date < now
        )
        stages = dict(
            s.execute(
                select(Opportunity.stage, func.count(Opportunity.id))
                .where(Opportunity.person_id == pid)
                .group_by(Opportunity.stage)
            ).all()
        )
        contacts = s.scalar(select(func.count(Contact.id)).where(Contact.person_id == pid)) or 0
        postings = (
            s.scalar(select(func.count(JobPosting.id)).where(JobPosting.person_id == pid)) or 0
        )
        tailored = (
            s.scalar(
                select(func.count(Document.id)).where(
                    Document.person_id == pid,
                    Document.target_posting_id.is_not(None)
                    | Document.target_occupation_code.is_not(None),
                )
            )
            or 0
        )
        wins = (
            s.scalar(select(func.count(Accomplishment.id)).where(Accomplishment.person_id == pid))
            or 0
        )
    latest = signals[-1] if signals else None
    summary = (
        SignalsSummary(
            latest.taken_on.isoformat(),
            latest.overall or 0.0,
            bool(latest.scores.get("recommend_pivot")),
            tuple(latest.scores.get("high", [])),
        )
        if latest is not None
        else None
    )
    return macro_challenges(
        ChallengeInputs(
            trend=trend(rows),
            active_goals=sum(1 for g in goals if g.status == "active"),
            overdue_milestones=overdue,
            findings=findings,
            signals=summary,
            opportunities_by_stage={str(k): int(v) for k, v in stages.items()},
            contacts=int(contacts),
            accomplishments=int(wins),
            saved_postings=int(postings),
            tailored_versions=int(tailored),
        )
    )


# ----------------------------------------------------------------------------------- calendar
def calendar_ics(
    ctx: AppContext,
    *,
    weekday: str | None = "MO",
    day: int | None = None,
    today: date | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """The review as a monthly recurring event plus every open milestone with a due date."""
    now = _today(today)
    if weekday is None and (day is None or not 1 <= day <= 28):
        raise CareerError("review day must be 1-28 (so that it exists in every month)", field="day")
    with ctx.db.transaction() as s:
        person = s.get(Person, ctx.person_id)
        assert person is not None
        goals = {g.id: g for g in _goals(s, ctx.person_id)}
        due = [
            DueEvent(
                m.uid,
                f"Milestone due: {m.title}",
                m.due_date,
                f"Goal: {goals[m.goal_id].title}"
                + (f"\nMeasure: {m.measure}" if m.measure else ""),
            )
            for m in _milestones(s, ctx.person_id)
            if m.status == "open"
            and m.due_date is not None
            and m.goal_id in goals
            and goals[m.goal_id].status == "active"  # a closed goal's milestones are off the plan
        ]
        person_uid = person.uid
    due += [  # leaving well: the last day, open dated exit items and keep-in-touch dates
        DueEvent(f"{d.uid}-{d.kind}", f"Exit: {d.title}", d.on, "From your exit plan")
        for d in exit_plan.due_items(ctx, today=now)
    ]
    due += [  # interviews and thank-you notes from the interview rounds
        DueEvent(uid, title, on, "From your interview rounds")
        for on, title, uid in interview_rounds.due_items(ctx, today=now)
    ]
    review = ReviewEvent(
        uid=person_uid, first=first_occurrence(now, weekday, day), weekday=weekday, day=day
    )
    return build_calendar(review, due, stamp or datetime.now(UTC))
