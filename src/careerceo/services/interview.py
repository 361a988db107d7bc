"""Interview practice: the question bank, the person's answers and stories, practice sessions
scheduled by SM-2, and progress. The shells (CLI, web, API) call only these functions."""

from __future__ import annotations

from sqlalchemy.orm import Session

from careerceo.actions import Action, ActionKind
from careerceo.analysis import interview_practice as practice
from careerceo.analysis.interview_answers import PersonFacts, StoryWin, suggest
from careerceo.errors import CareerError, unknown_id
from careerceo.knowledge import load_knowledge
from careerceo.model.common import validate
from careerceo.model.interview import (
    AnswerIn,
    OwnQuestionIn,
    QuestionCategory,
    category_of,
)
from careerceo.services.accomplishments import win_of
from careerceo.services.context import AppContext
from careerceo.services.interview_bank import (
    all_questions,
    find_question,
    own_view,
    resolve_target,
)
from careerceo.services.interview_practice import practice_queue, record_session, stats
from careerceo.services.interview_views import (
    MAX_SESSION,
    OWN_PREFIX,
    AnswerView,
    CardView,
    CategoryStats,
    PracticeItem,
    QuestionView,
    RatedView,
    SessionView,
    StatsView,
    StoryUseView,
    SuggestionView,
    Target,
)
from careerceo.store.interview_repositories import (
    AccomplishmentLinks,
    InterviewAnswerRepository,
    InterviewQuestionRepository,
)
from careerceo.store.repositories import PersonRepository, PositionRepository
from careerceo.store.tables import InterviewAnswer, InterviewQuestion

__all__ = [
    "MAX_SESSION",
    "OWN_PREFIX",
    "AnswerView",
    "CardView",
    "CategoryStats",
    "PracticeItem",
    "QuestionView",
    "RatedView",
    "SessionView",
    "StatsView",
    "StoryUseView",
    "SuggestionView",
    "Target",
    "add_question",
    "get_answer",
    "get_question",
    "list_questions",
    "practice_queue",
    "record_session",
    "record_texts",
    "resolve_target",
    "save_answer",
    "stats",
    "suggest_answer",
]


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
        views = all_questions(session, ctx.person_id)
    if wanted is not None:
        views = [v for v in views if v.category == wanted.value]
    if target.major_group:
        views = [
            v
            for v in views
            if v.category != QuestionCategory.ROLE_SPECIFIC or v.major_group == target.major_group
        ]
    return views


def get_question(ctx: AppContext, question_id: str) -> QuestionView:
    with ctx.db.transaction() as session:
        return find_question(all_questions(session, ctx.person_id), question_id)


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
        return own_view(row)


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


def record_texts(session: Session, person_id: int) -> list[str]:
    """The person's record as texts (wins, positions, profile): where a figure may come from."""
    return _record(session, person_id)


def save_answer(ctx: AppContext, values: dict[str, object]) -> AnswerView:
    """Write (or rewrite) the answer to one question; warnings say what to check, not refuse."""
    data = validate(AnswerIn, values)
    with ctx.db.transaction() as session:
        question = find_question(all_questions(session, ctx.person_id), data.question_id)
        if (
            data.win_id is not None
            and AccomplishmentLinks(session, ctx.person_id).get(data.win_id) is None
        ):
            raise unknown_id("win", data.win_id, field="win_id", listed_by=Action(ActionKind.WINS))
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
        return _answer_view(question, row, warnings)


def _answer_view(question: QuestionView, row: InterviewAnswer, warnings: list[str]) -> AnswerView:
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
        question = find_question(all_questions(session, ctx.person_id), question_id)
        row = InterviewAnswerRepository(session, ctx.person_id).for_question(question.id)
        if row is None:
            return None
        return _answer_view(question, row, [])


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
        question = find_question(all_questions(session, ctx.person_id), question_id)
        wins_repo = AccomplishmentLinks(session, ctx.person_id)
        if win_id is not None and wins_repo.get(win_id) is None:
            raise unknown_id("win", win_id, field="win_id", listed_by=Action(ActionKind.WINS))
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
