"""Interview practice: the question bank, the person's answers and stories, practice sessions
scheduled by SM-2, and progress. The shells (CLI, web, API) call only these functions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel
from sqlalchemy.orm import Session

from careerceo.analysis import interview_practice as practice
from careerceo.analysis.interview_answers import PersonFacts, StoryWin, suggest
from careerceo.errors import CareerError, NotFoundError
from careerceo.knowledge import load_knowledge
from careerceo.knowledge.question_bank import load_question_bank
from careerceo.knowledge.soc import MAJOR_GROUPS, major_group
from careerceo.model.common import validate
from careerceo.model.interview import (
    ANSWERED,
    AnswerIn,
    OwnQuestionIn,
    QuestionCategory,
    RatingIn,
    category_of,
)
from careerceo.services.accomplishments import win_of
from careerceo.services.context import AppContext
from careerceo.store.interview_repositories import (
    AccomplishmentLinks,
    InterviewAnswerRepository,
    InterviewQuestionRepository,
    OpportunityLinks,
    PostingLinks,
    PracticeAttemptRepository,
)
from careerceo.store.repositories import PersonRepository, PositionRepository
from careerceo.store.tables import InterviewAnswer, InterviewQuestion, PracticeAttempt

OWN_PREFIX = "own-"
MAX_SESSION = 50


class QuestionView(BaseModel):
    id: str
    category: str
    text: str
    tests: str
    strong: str = ""
    story: bool = False
    major_group: str | None = None
    family: str | None = None  # the SOC major group's title
    source: str = "bank"  # bank | own | debrief
    answered: bool = False
    win_id: int | None = None


class AnswerView(BaseModel):
    question_id: str
    question: str
    text: str
    win_id: int | None
    reflection: str
    warnings: list[str]


class SuggestionView(BaseModel):
    question_id: str
    text: str
    win_id: int | None
    why: str


class CardView(BaseModel):
    attempts: int
    last_rating: int | None
    easiness: float
    interval_days: int
    due_on: date | None


class PracticeItem(BaseModel):
    question: QuestionView
    reason: str
    card: CardView | None


class Target(BaseModel):
    occupation_code: str | None = None
    major_group: str | None = None
    label: str = ""


class RatedView(BaseModel):
    question_id: str
    rating: int
    next_due: date
    interval_days: int


class SessionView(BaseModel):
    session: str
    algorithm: str
    rated: list[RatedView]


class CategoryStats(BaseModel):
    category: str
    questions_in_bank: int
    answered: int
    with_story: int
    missing_story: bool
    practised: int
    attempts: int
    mean_rating: float | None
    weak: int
    due: int
    by_month: dict[str, float]


class StoryUseView(BaseModel):
    win_id: int
    question_ids: list[str]
    warning: str


class StatsView(BaseModel):
    algorithm: str
    rating_scale: dict[int, int]
    categories: list[CategoryStats]
    stories: list[StoryUseView]
    no_story_yet: list[str]


# -- the bank ----------------------------------------------------------------------------------


def _family(group: str | None) -> str | None:
    return MAJOR_GROUPS.get(group) if group else None


def _own_view(row: InterviewQuestion) -> QuestionView:
    return QuestionView(
        id=f"{OWN_PREFIX}{row.id}",
        category=row.category,
        text=row.text,
        tests=row.tests or "(your own question: note what you think it tests)",
        source=row.source,
        major_group=major_group(row.occupation_code) if row.occupation_code else None,
        family=_family(major_group(row.occupation_code)) if row.occupation_code else None,
    )


def _all_questions(session: Session, person_id: int) -> list[QuestionView]:
    bank = load_question_bank()
    views = [
        QuestionView(
            id=q.id,
            category=q.category.value,
            text=q.text,
            tests=q.tests,
            strong=q.strong,
            story=q.story,
            major_group=q.major_group,
            family=_family(q.major_group),
        )
        for q in bank.questions
    ]
    views += [_own_view(row) for row in InterviewQuestionRepository(session, person_id).list()]
    stories = InterviewAnswerRepository(session, person_id).stories()
    for view in views:
        if view.id in stories:
            view.answered = True
            view.win_id = stories[view.id]
    return views


def resolve_target(
    ctx: AppContext, *, occupation: str | None = None, opportunity: int | None = None
) -> Target:
    """The role a session or a list is aimed at: an O*NET code, or an opportunity's posting."""
    if occupation and opportunity is not None:
        raise CareerError("give either --occupation or --opportunity, not both", field="occupation")
    code: str | None = None
    label = ""
    if opportunity is not None:
        with ctx.db.transaction() as session:
            opp = OpportunityLinks(session, ctx.person_id).get(opportunity)
            if opp is None:
                raise NotFoundError(
                    f"no opportunity with id {opportunity}; see your job-search pipeline",
                    field="opportunity",
                )
            label = opp.title
            if opp.posting_id is not None:
                posting = PostingLinks(session, ctx.person_id).get(opp.posting_id)
                code = posting.occupation_code if posting else None
        if code is None:
            return Target(label=label)
    elif occupation:
        code = occupation
    if code is None:
        return Target()
    occ = load_knowledge().occupation(code.strip())
    return Target(
        occupation_code=occ.code,
        major_group=occ.major_group,
        label=label or f"{occ.title} ({occ.code})",
    )


def list_questions(
    ctx: AppContext,
    *,
    category: str | None = None,
    occupation: str | None = None,
    opportunity: int | None = None,
) -> list[QuestionView]:
    """The bank plus the person's own questions; a target keeps only its family's role set."""
    wanted = category_of(category) if category else None
    target = resolve_target(ctx, occupation=occupation, opportunity=opportunity)
    with ctx.db.transaction() as session:
        views = _all_questions(session, ctx.person_id)
    if wanted is not None:
        views = [v for v in views if v.category == wanted.value]
    if target.major_group:
        views = [
            v
            for v in views
            if v.category != QuestionCategory.ROLE_SPECIFIC or v.major_group == target.major_group
        ]
    return views


def _find(views: Sequence[QuestionView], question_id: str) -> QuestionView:
    key = question_id.strip()
    for view in views:
        if view.id == key:
            return view
    raise NotFoundError(
        f"no question with id {question_id!r}; list them with `career interview questions`",
        field="question_id",
    )


def get_question(ctx: AppContext, question_id: str) -> QuestionView:
    with ctx.db.transaction() as session:
        return _find(_all_questions(session, ctx.person_id), question_id)


def add_question(
    ctx: AppContext, values: dict[str, object], *, source: str = "own"
) -> QuestionView:
    data = validate(OwnQuestionIn, values)
    if data.occupation_code:
        data.occupation_code = load_knowledge().occupation(data.occupation_code).code
    with ctx.db.transaction() as session:
        row = InterviewQuestionRepository(session, ctx.person_id).add(
            InterviewQuestion(
                category=data.category.value,
                text=data.text,
                tests=data.tests,
                source=source,
                occupation_code=data.occupation_code,
            )
        )
        return _own_view(row)


# -- answers -----------------------------------------------------------------------------------


def _record(session: Session, person_id: int) -> list[str]:
    """Every text of the person's record a number in an answer may come from."""
    texts: list[str] = []
    for row in AccomplishmentLinks(session, person_id).list():
        texts += [row.title, row.situation, row.action, row.result, row.metrics]
    for pos in PositionRepository(session, person_id).list():
        texts += [pos.title, pos.employer, pos.description]
        texts += [d.isoformat() for d in (pos.start_date, pos.end_date) if d]
    person = PersonRepository(session, person_id).get()
    texts += [person.headline, person.summary]
    return [t for t in texts if t]


def save_answer(ctx: AppContext, values: dict[str, object]) -> AnswerView:
    """Write (or rewrite) the answer to one question; warnings say what to check, not refuse."""
    data = validate(AnswerIn, values)
    with ctx.db.transaction() as session:
        question = _find(_all_questions(session, ctx.person_id), data.question_id)
        if (
            data.win_id is not None
            and AccomplishmentLinks(session, ctx.person_id).get(data.win_id) is None
        ):
            raise NotFoundError(
                f"no win with id {data.win_id}; see `career wins list`", field="win_id"
            )
        answers = InterviewAnswerRepository(session, ctx.person_id)
        row = answers.for_question(question.id)
        values_out = {
            "text": data.text,
            "accomplishment_id": data.win_id,
            "reflection": data.reflection,
        }
        if row is None:
            row = answers.add(InterviewAnswer(question_key=question.id, **values_out))
        else:
            answers.update(row, values_out)
        warnings = []
        foreign = practice.numbers_not_in_record(
            f"{data.text}\n{data.reflection}", _record(session, ctx.person_id)
        )
        if foreign:
            warnings.append(
                f"the answer says {', '.join(foreign)}, which is in none of your wins or "
                "positions; check the figure before you say it to an employer"
            )
        for use in practice.story_uses(answers.stories()):
            if use.warning and data.win_id == use.win_id:
                warnings.append(use.warning)
        return AnswerView(
            question_id=question.id,
            question=question.text,
            text=row.text,
            win_id=row.accomplishment_id,
            reflection=row.reflection,
            warnings=warnings,
        )


def get_answer(ctx: AppContext, question_id: str) -> AnswerView | None:
    with ctx.db.transaction() as session:
        question = _find(_all_questions(session, ctx.person_id), question_id)
        row = InterviewAnswerRepository(session, ctx.person_id).for_question(question.id)
        if row is None:
            return None
        return AnswerView(
            question_id=question.id,
            question=question.text,
            text=row.text,
            win_id=row.accomplishment_id,
            reflection=row.reflection,
            warnings=[],
        )


def _transfers(ctx: AppContext, code: str | None) -> tuple[str, ...]:
    if not code:
        return ()
    from careerceo.services.pivots import pivot_detail

    try:
        detail = pivot_detail(ctx, code)
    except CareerError:
        return ()
    return tuple(t.name for t in detail.transfers if t.evidence)[:4]


def suggest_answer(
    ctx: AppContext,
    question_id: str,
    *,
    win_id: int | None = None,
    occupation: str | None = None,
) -> SuggestionView:
    """A draft built from the person's record only (see ``analysis.interview_answers``)."""
    with ctx.db.transaction() as session:
        question = _find(_all_questions(session, ctx.person_id), question_id)
        wins_repo = AccomplishmentLinks(session, ctx.person_id)
        if win_id is not None and wins_repo.get(win_id) is None:
            raise NotFoundError(f"no win with id {win_id}; see `career wins list`", field="win_id")
        wins = [StoryWin(row.id, win_of(row)) for row in wins_repo.list()]
        current = next(
            (p for p in PositionRepository(session, ctx.person_id).list() if p.end_date is None),
            None,
        )
        headline = PersonRepository(session, ctx.person_id).get().headline
    role = f"{current.title} at {current.employer}" if current else ""
    transfers: tuple[str, ...] = ()
    if question.category == QuestionCategory.CAREER_CHANGE:
        code = resolve_target(ctx, occupation=occupation).occupation_code if occupation else None
        transfers = _transfers(ctx, code)
    draft = suggest(
        category=question.category,
        question_text=question.text,
        hints=question.tests,
        needs_story=question.story,
        wins=wins,
        person=PersonFacts(headline=headline, current_role=role, transfers=transfers),
        chosen_win=win_id,
    )
    return SuggestionView(
        question_id=question.id, text=draft.text, win_id=draft.win_id, why=draft.why
    )


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
        views = _all_questions(session, ctx.person_id)
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
        views = _all_questions(session, ctx.person_id)
        ids = [_find(views, r.question_id).id for r in checked]
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
        views = _all_questions(session, ctx.person_id)
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
