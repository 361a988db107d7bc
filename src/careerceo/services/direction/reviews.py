"""The monthly CEO review: create, edit (keeping what it said before), read, and the checks a
guided review makes before it asks its questions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy.exc import IntegrityError

from careerceo.analysis.alignment import ReviewData, carry_progress, score_review
from careerceo.errors import CareerError, NotFoundError
from careerceo.model.direction import PROGRESS_DONE, MilestoneStatus, ReviewIn
from careerceo.model.direction_records import ActivityRecord, AlignmentRecord, ReviewDetails
from careerceo.model.months import add_months, first_day, is_month, last_day, month_of
from careerceo.services.context import AppContext
from careerceo.services.direction.common import Repos, infos, review_data, today_or
from careerceo.services.direction.history import findings, records
from careerceo.services.direction.views import ReviewResult, ReviewView, RevisionView
from careerceo.store.tables import Milestone, Review

REVIEW_YEARS_BACK = 10


# ----------------------------------------------------------------------------------- checks
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
    now = today_or(today)
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


def _duplicate(month: str) -> CareerError:
    return CareerError(
        f"{month} is already reviewed; change it with: career review edit {month}",
        field="month",
    )


def check_not_reviewed(ctx: AppContext, month: str) -> None:
    """Refuse a month that already has a review, before a guided review asks its questions."""
    with ctx.db.transaction() as s:
        exists = Repos(s, ctx.person_id).reviews.find(month)
    if exists is not None:
        raise _duplicate(month)


def _is_empty(data: ReviewIn) -> bool:
    return not (
        data.activities
        or data.new_skills
        or data.wins
        or data.ratings
        or data.milestones
        or data.notes.strip()
    )


# ----------------------------------------------------------------------------------- writing
def _details_from(
    repos: Repos, data: ReviewIn
) -> tuple[ReviewDetails, list[tuple[Milestone, int]]]:
    """Map the ids a person typed to stable uids, refusing any that are not theirs."""
    goals = {g.id: g for g in repos.goals.list()}
    milestones = {m.id: m for m in repos.milestones.list()}

    def goal_uid(goal_id: int, where: str) -> str:
        if goal_id not in goals:
            raise CareerError(f"no goal #{goal_id}; see career goals list", field=where)
        return goals[goal_id].uid

    activities = [
        ActivityRecord(
            name=a.name,
            share=a.share,
            goal=goal_uid(a.goal_id, "activities") if a.goal_id is not None else None,
        )
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
    details = ReviewDetails(
        activities=activities,
        new_skills=list(data.new_skills),
        wins=list(data.wins),
        ratings=ratings,
        milestones=progress,
    )
    return details, moved


def _rescore(repos: Repos, from_month: str) -> None:
    """Recompute alignment for ``from_month`` and later: each month reads the one before it."""
    ginfo, minfo = infos(repos.goals.list(), repos.milestones.list())
    previous: ReviewData | None = None
    for r in repos.reviews.list():
        details = repos.reviews.details(r)
        data = review_data(r.month, details)
        if r.month >= from_month:
            result = score_review(data, ginfo, minfo, previous)
            details.breakdown = AlignmentRecord.model_validate(result)
            repos.reviews.set_details(r, details)
            r.alignment = result.overall
        previous = carry_progress(previous, data)
    repos.session.flush()


def _apply_progress(moved: Sequence[tuple[Milestone, int]], month: str, today: date) -> None:
    for m, pct in moved:
        if pct >= PROGRESS_DONE and m.status == MilestoneStatus.OPEN:
            m.status = str(MilestoneStatus.DONE)
            m.completed_on = min(today, last_day(month))


def _undo_completion(repos: Repos, review: Review, details: ReviewDetails) -> None:
    """Reopen a milestone this review marked done when the edit takes the "done" back.

    Only a completion dated inside the review's month is undone: that date is the one the
    review gave it; a milestone marked done another way keeps its status.
    """
    before = repos.reviews.details(review).milestones
    after = details.milestones
    start, end = first_day(review.month), last_day(review.month)
    for m in repos.milestones.list():
        was, now = before.get(m.uid), after.get(m.uid)
        if was is None or was < PROGRESS_DONE or (now is not None and now >= PROGRESS_DONE):
            continue
        done_here = m.completed_on is not None and start <= m.completed_on <= end
        if m.status == MilestoneStatus.DONE and done_here:
            m.status = str(MilestoneStatus.OPEN)
            m.completed_on = None


def _result(repos: Repos, review: Review, today: date) -> ReviewResult:
    found = findings(repos, today)
    scored = {r.data.month: r.alignment for r in records(repos)}
    view = ReviewView(
        id=review.id,
        month=review.month,
        details=repos.reviews.details(review),
        notes=review.notes,
        alignment=review.alignment,
        updated_at=review.updated_at,
        revisions=repos.reviews.revision_count(review.id),
    )
    now = scored.get(review.month)
    if now is not None:
        view.alignment = now.overall
    breakdown = AlignmentRecord.model_validate(now) if now else view.details.breakdown
    return ReviewResult(review=view, breakdown=breakdown, findings=found)


def create_review(ctx: AppContext, data: ReviewIn, today: date | None = None) -> ReviewResult:
    now = today_or(today)
    check_review_month(data.month, now)
    if _is_empty(data):
        # an empty review would mark the month as reviewed while saying nothing about it
        raise CareerError(
            f"the review of {data.month} is empty; give at least one activity, new skill, win, "
            "goal rating or milestone progress, or a note (e.g. 'on leave')"
        )
    try:
        with ctx.db.transaction() as s:
            repos = Repos(s, ctx.person_id)
            if repos.reviews.find(data.month) is not None:
                raise _duplicate(data.month)
            details, moved = _details_from(repos, data)
            review = Review(month=data.month, details=details.as_json(), notes=data.notes)
            repos.reviews.add(review)
            _apply_progress(moved, data.month, now)
            s.flush()
            _rescore(repos, data.month)
            return _result(repos, review, now)
    except IntegrityError as exc:  # two shells saving the same month at once
        raise _duplicate(data.month) from exc


def _get_review(repos: Repos, month: str) -> Review:
    _check_month_text(month)
    review = repos.reviews.find(month)
    if review is None:
        raise NotFoundError(
            f"no review for {month}; start it with: career review --month {month}", field="month"
        )
    return review


def edit_review(
    ctx: AppContext, month: str, data: ReviewIn, today: date | None = None
) -> ReviewResult:
    """Replace a month's review, keeping what it said before as a revision."""
    now = today_or(today)
    if data.month != month:
        raise CareerError(
            f"an edit cannot move the review from {month} to {data.month}", field="month"
        )
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        review = _get_review(repos, month)
        repos.reviews.revise(review)
        details, moved = _details_from(repos, data)
        _undo_completion(repos, review, details)
        repos.reviews.set_details(review, details)
        review.notes = data.notes
        review.updated_at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        _apply_progress(moved, month, now)
        s.flush()
        _rescore(repos, month)
        return _result(repos, review, now)


# ----------------------------------------------------------------------------------- reading
def review_input(ctx: AppContext, month: str) -> ReviewIn:
    """A stored review as the form/CLI input that would recreate it (ids, not uids)."""
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        review = _get_review(repos, month)
        goal_id = {g.uid: g.id for g in repos.goals.list()}
        mid = {m.uid: m.id for m in repos.milestones.list()}
        d = repos.reviews.details(review)
        return ReviewIn.model_validate(
            {
                "month": month,
                "activities": [
                    {"name": a.name, "share": a.share, "goal_id": goal_id.get(a.goal or "")}
                    for a in d.activities
                ],
                "new_skills": d.new_skills,
                "wins": d.wins,
                "ratings": {goal_id[k]: v for k, v in d.ratings.items() if k in goal_id},
                "milestones": {mid[k]: v for k, v in d.milestones.items() if k in mid},
                "notes": review.notes,
            }
        )


def progress_before(ctx: AppContext, month: str) -> dict[int, int]:
    """Milestone id -> the latest progress (0-100) reviews before ``month`` reported for it:
    where each milestone stands when the person starts reviewing ``month``."""
    _check_month_text(month)
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        mid = {m.uid: m.id for m in repos.milestones.list()}
        known: dict[int, int] = {}
        for r in repos.reviews.list():
            if r.month >= month:
                break
            for key, pct in repos.reviews.details(r).milestones.items():
                if key in mid:
                    known[mid[key]] = pct
        return known


def get_review(ctx: AppContext, month: str, today: date | None = None) -> ReviewResult:
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        return _result(repos, _get_review(repos, month), today_or(today))


def review_revisions(ctx: AppContext, month: str) -> list[RevisionView]:
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        review = _get_review(repos, month)
        return [
            RevisionView(saved_at=r.created_at, snapshot=dict(r.snapshot))
            for r in repos.reviews.revisions(review.id)
        ]
