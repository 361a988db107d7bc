"""A person's question bank: the bundled questions with their own, which of them they have
answered with a story, and the role a list or a session is aimed at."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from careerceo.actions import Action, ActionKind
from careerceo.errors import CareerError, NotFoundError
from careerceo.knowledge import load_knowledge
from careerceo.knowledge.question_bank import load_question_bank
from careerceo.knowledge.soc import MAJOR_GROUPS, major_group
from careerceo.services.context import AppContext
from careerceo.services.interview_views import OWN_PREFIX, QuestionView, Target
from careerceo.store.interview_repositories import (
    InterviewAnswerRepository,
    InterviewQuestionRepository,
    OpportunityLinks,
    PostingLinks,
)
from careerceo.store.tables import InterviewQuestion


def _family(group: str | None) -> str | None:
    return MAJOR_GROUPS.get(group) if group else None


def own_view(row: InterviewQuestion) -> QuestionView:
    return QuestionView(
        id=f"{OWN_PREFIX}{row.id}",
        category=row.category,
        text=row.text,
        tests=row.tests or "(your own question: note what you think it tests)",
        source=row.source,
        major_group=major_group(row.occupation_code) if row.occupation_code else None,
        family=_family(major_group(row.occupation_code)) if row.occupation_code else None,
    )


def all_questions(session: Session, person_id: int) -> list[QuestionView]:
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
    views += [own_view(row) for row in InterviewQuestionRepository(session, person_id).list()]
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


def find_question(views: Sequence[QuestionView], question_id: str) -> QuestionView:
    key = question_id.strip()
    for view in views:
        if view.id == key:
            return view
    raise NotFoundError(
        f"no question with id {question_id!r}; the question bank lists the ids",
        field="question_id",
        action=Action(ActionKind.INTERVIEW_QUESTIONS),
    )
