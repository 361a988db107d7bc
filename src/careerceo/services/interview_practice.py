"""Practice sessions scheduled by SM-2 and the progress they show, per question category."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from careerceo.analysis import interview_practice as practice
from careerceo.errors import CareerError
from careerceo.model.common import validate
from careerceo.model.interview import (
    ANSWERED,
    QuestionCategory,
    RatingIn,
)
from careerceo.services.context import AppContext
from careerceo.services.interview_bank import all_questions, find_question, resolve_target
from careerceo.services.interview_views import (
    MAX_SESSION,
    CardView,
    CategoryStats,
    PracticeItem,
    RatedView,
    SessionView,
    StatsView,
    StoryUseView,
)
from careerceo.store.interview_repositories import (
    InterviewAnswerRepository,
    PracticeAttemptRepository,
)
from careerceo.store.tables import PracticeAttempt

# -- practice ----------------------------------------------------------------------------------


def _card_view(card: practice.Card | None) -> CardView | None:
    if card is None:
        return None
    return CardView(
        attempts=card.attempts,
        last_rating=card.last_rating,
        easiness=card.easiness,
        interval_days=card.interval,
        due_on=card.due_on,
    )


def practice_queue(
    ctx: AppContext,
    *,
    count: int = 5,
    occupation: str | None = None,
    opportunity: int | None = None,
    today: date | None = None,
) -> list[PracticeItem]:
    """The next questions to practise (see ``analysis.interview_practice.pick_questions``)."""
    if not 1 <= count <= MAX_SESSION:
        raise CareerError(f"count must be 1 to {MAX_SESSION}", field="count")
    today = today or date.today()
    target = resolve_target(ctx, occupation=occupation, opportunity=opportunity)
    with ctx.db.transaction() as session:
        views = all_questions(session, ctx.person_id)
        history = PracticeAttemptRepository(session, ctx.person_id).history()
    answerable = [
        v
        for v in views
        if v.category in {c.value for c in ANSWERED}
        and (v.category != QuestionCategory.ROLE_SPECIFIC or v.major_group == target.major_group)
    ]
    cards = practice.cards_from(history)
    picks = practice.pick_questions(
        [practice.Candidate(v.id, v.category, v.major_group, v.answered) for v in answerable],
        cards,
        today=today,
        count=count,
        target_group=target.major_group,
    )
    by_id = {v.id: v for v in answerable}
    return [
        PracticeItem(question=by_id[p.id], reason=p.reason, card=_card_view(cards.get(p.id)))
        for p in picks
    ]


def record_session(
    ctx: AppContext, ratings: Sequence[dict[str, object]], *, today: date | None = None
) -> SessionView:
    """Save a practice session's ratings in one transaction: all of them, or none."""
    if not ratings:
        raise CareerError("the session has no rated question", field="rating")
    today = today or date.today()
    checked = [validate(RatingIn, r) for r in ratings]
    session_uid = str(uuid.uuid4())
    with ctx.db.transaction() as session:
        views = all_questions(session, ctx.person_id)
        ids = [find_question(views, r.question_id).id for r in checked]
        repo = PracticeAttemptRepository(session, ctx.person_id)
        for key, r in zip(ids, checked, strict=True):
            repo.add(
                PracticeAttempt(
                    question_key=key,
                    practised_on=today,
                    rating=r.rating,
                    seconds=r.seconds,
                    notes=r.notes,
                    session_uid=session_uid,
                )
            )
        cards = practice.cards_from(repo.history())
    rated = []
    for key, r in zip(ids, checked, strict=True):
        card = cards[key]
        assert card.due_on is not None
        rated.append(
            RatedView(
                question_id=key, rating=r.rating, next_due=card.due_on, interval_days=card.interval
            )
        )
    return SessionView(session=session_uid, algorithm=practice.ALGORITHM, rated=rated)


def stats(ctx: AppContext, *, today: date | None = None) -> StatsView:
    """Per category: bank size, answers and stories, practice and its trend by month."""
    today = today or date.today()
    with ctx.db.transaction() as session:
        views = all_questions(session, ctx.person_id)
        history = PracticeAttemptRepository(session, ctx.person_id).history()
        stories = InterviewAnswerRepository(session, ctx.person_id).stories()
    categories = [c.value for c in ANSWERED]
    candidates = [practice.Candidate(v.id, v.category, v.major_group, v.answered) for v in views]
    cover = {c.category: c for c in practice.coverage(candidates, stories, categories)}
    prog = {
        p.category: p
        for p in practice.progress(history, {v.id: v.category for v in views}, today=today)
    }
    rows = []
    for category in categories:
        c = cover[category]
        p = prog.get(category)
        rows.append(
            CategoryStats(
                category=category,
                questions_in_bank=c.questions,
                answered=c.answered,
                with_story=c.with_story,
                missing_story=c.missing_story,
                practised=p.questions if p else 0,
                attempts=p.attempts if p else 0,
                mean_rating=p.mean_rating if p else None,
                weak=p.weak if p else 0,
                due=p.due if p else 0,
                by_month=p.by_month if p else {},
            )
        )
    uses = [
        StoryUseView(win_id=u.win_id, question_ids=list(u.question_ids), warning=u.warning)
        for u in practice.story_uses(stories)
    ]
    return StatsView(
        algorithm=practice.ALGORITHM,
        rating_scale=dict(practice.RATING_TO_QUALITY),
        categories=rows,
        stories=uses,
        no_story_yet=[
            r.category
            for r in rows
            if r.missing_story and r.questions_in_bank and r.category != QuestionCategory.OWN
        ],
    )
