"""Owner-scoped repositories for interviewing and leaving well.

Links to the job-search pipeline (opportunity, contact, saved posting) are checked through the
same owner scope, so an id of someone else's row is "not there" rather than a foreign key error.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import (
    Accomplishment,
    Company,
    Contact,
    ExitItem,
    ExitPlan,
    InterviewAnswer,
    InterviewQuestion,
    InterviewRound,
    JobPosting,
    OfferPrep,
    Opportunity,
    Plan306090,
    PracticeAttempt,
)


class InterviewQuestionRepository(OwnedRepository[InterviewQuestion]):
    model = InterviewQuestion


class InterviewAnswerRepository(OwnedRepository[InterviewAnswer]):
    model = InterviewAnswer

    def for_question(self, question_key: str) -> InterviewAnswer | None:
        return self.first_where(InterviewAnswer.question_key == question_key)

    def stories(self) -> dict[str, int | None]:
        """Question key -> the win its answer is built on (None: an answer without a story)."""
        rows = self.session.execute(
            select(InterviewAnswer.question_key, InterviewAnswer.accomplishment_id).where(
                InterviewAnswer.person_id == self.person_id
            )
        ).all()
        return {str(key): win for key, win in rows}


class PracticeAttemptRepository(OwnedRepository[PracticeAttempt]):
    model = PracticeAttempt

    def ordering(self) -> tuple[Any, ...]:
        return (PracticeAttempt.practised_on, PracticeAttempt.id)

    def history(self) -> list[tuple[str, date, int]]:
        """(question key, day, rating), oldest first: what the SM-2 replay reads."""
        rows = self.session.execute(
            select(
                PracticeAttempt.question_key, PracticeAttempt.practised_on, PracticeAttempt.rating
            )
            .where(PracticeAttempt.person_id == self.person_id)
            .order_by(*self.ordering())
        ).all()
        return [(str(k), d, int(r)) for k, d, r in rows]


class InterviewRoundRepository(OwnedRepository[InterviewRound]):
    model = InterviewRound

    def ordering(self) -> tuple[Any, ...]:
        return (
            InterviewRound.scheduled_on.is_(None),
            InterviewRound.scheduled_on,
            InterviewRound.id,
        )

    def for_opportunity(self, opportunity_id: int) -> Sequence[InterviewRound]:
        return self.list(opportunity_id=opportunity_id)


class OfferPrepRepository(OwnedRepository[OfferPrep]):
    model = OfferPrep


class Plan306090Repository(OwnedRepository[Plan306090]):
    model = Plan306090


class ExitPlanRepository(OwnedRepository[ExitPlan]):
    model = ExitPlan

    def current(self) -> ExitPlan | None:
        """The newest exit plan: a person leaves one job at a time."""
        return self.session.scalars(self.owned().order_by(ExitPlan.id.desc()).limit(1)).first()


class ExitItemRepository(OwnedRepository[ExitItem]):
    model = ExitItem

    def ordering(self) -> tuple[Any, ...]:
        # title before id: a restored backup gets new ids but must list items the same way
        return (
            ExitItem.kind,
            ExitItem.due_on.is_(None),
            ExitItem.due_on,
            ExitItem.title,
            ExitItem.id,
        )

    def for_plan(self, plan_id: int) -> Sequence[ExitItem]:
        return self.list(exit_plan_id=plan_id)


class AccomplishmentLinks(OwnedRepository[Accomplishment]):
    """Wins, looked up to link an answer to its story."""

    model = Accomplishment

    def ordering(self) -> tuple[Any, ...]:
        return (Accomplishment.happened_on.desc(), Accomplishment.id.desc())


class OpportunityLinks(OwnedRepository[Opportunity]):
    model = Opportunity


class ContactLinks(OwnedRepository[Contact]):
    model = Contact


class PostingLinks(OwnedRepository[JobPosting]):
    model = JobPosting


class CompanyLinks(OwnedRepository[Company]):
    """Companies, looked up for an interview's dossier summary."""

    model = Company
