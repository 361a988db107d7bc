"""Repositories of direction: vision, goals (with their revisions), milestones, reviews (with
their revisions) and warning-signs checks, each scoped to one person.

The JSON columns ``Review.details`` and ``SignalAssessment.scores`` are read and written here
only, through the models of ``model.direction_records``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select

from careerceo.model.direction_records import ReviewDetails, SignalScores
from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import (
    Goal,
    GoalRevision,
    Milestone,
    Review,
    ReviewRevision,
    SignalAssessment,
    Vision,
)


class VisionRepository(OwnedRepository[Vision]):
    model = Vision

    def ordering(self) -> tuple[Any, ...]:
        return (Vision.created_at.desc(), Vision.id.desc())  # newest first


class GoalRepository(OwnedRepository[Goal]):
    model = Goal

    def revise(self, goal: Goal, snapshot: dict[str, Any]) -> None:
        """Keep what ``goal`` said before an edit."""
        self.session.add(GoalRevision(person_id=self.person_id, goal_id=goal.id, snapshot=snapshot))

    def revisions(self, goal_id: int) -> Sequence[GoalRevision]:
        return self.session.scalars(
            select(GoalRevision)
            .where(GoalRevision.person_id == self.person_id, GoalRevision.goal_id == goal_id)
            .order_by(GoalRevision.id)
        ).all()


class MilestoneRepository(OwnedRepository[Milestone]):
    model = Milestone

    def ordering(self) -> tuple[Any, ...]:
        return (Milestone.due_date.is_(None), Milestone.due_date, Milestone.id)  # soonest first

    def of_goal(self, goal_id: int) -> Sequence[Milestone]:
        """One goal's milestones in the order they were added."""
        query = self.owned().where(Milestone.goal_id == goal_id)
        return self.session.scalars(query.order_by(Milestone.id)).all()


class ReviewRepository(OwnedRepository[Review]):
    model = Review

    def ordering(self) -> tuple[Any, ...]:
        return (Review.month,)

    def find(self, month: str) -> Review | None:
        return self.first_where(Review.month == month)

    def months(self) -> set[str]:
        return set(
            self.session.scalars(select(Review.month).where(Review.person_id == self.person_id))
        )

    @staticmethod
    def details(review: Review) -> ReviewDetails:
        return ReviewDetails.model_validate(review.details or {})

    @staticmethod
    def set_details(review: Review, details: ReviewDetails) -> None:
        review.details = details.as_json()

    def revise(self, review: Review) -> None:
        """Keep what ``review`` said before an edit."""
        snapshot = {
            "month": review.month,
            "details": dict(review.details or {}),
            "notes": review.notes,
            "alignment": review.alignment,
            "saved_at": review.updated_at.isoformat(),
        }
        self.session.add(
            ReviewRevision(person_id=self.person_id, review_id=review.id, snapshot=snapshot)
        )

    def revisions(self, review_id: int) -> Sequence[ReviewRevision]:
        return self.session.scalars(
            select(ReviewRevision)
            .where(
                ReviewRevision.person_id == self.person_id, ReviewRevision.review_id == review_id
            )
            .order_by(ReviewRevision.id)
        ).all()

    def revision_count(self, review_id: int) -> int:
        query = select(func.count(ReviewRevision.id)).where(
            ReviewRevision.person_id == self.person_id, ReviewRevision.review_id == review_id
        )
        return int(self.session.scalar(query) or 0)


class SignalRepository(OwnedRepository[SignalAssessment]):
    model = SignalAssessment

    def ordering(self) -> tuple[Any, ...]:
        return (SignalAssessment.taken_on, SignalAssessment.id)  # oldest first

    def record(
        self, taken_on: date, answers: dict[str, int], scores: SignalScores, overall: float
    ) -> SignalAssessment:
        row = SignalAssessment(
            taken_on=taken_on,
            answers=dict(answers),
            scores=scores.model_dump(mode="json"),
            overall=overall,
        )
        return self.add(row)

    def previous(self, row: SignalAssessment) -> SignalAssessment | None:
        """The latest check other than ``row``: what a new check is compared with."""
        return self.session.scalars(
            select(SignalAssessment)
            .where(SignalAssessment.person_id == self.person_id, SignalAssessment.id != row.id)
            .order_by(SignalAssessment.taken_on.desc(), SignalAssessment.id.desc())
        ).first()

    @staticmethod
    def scores(row: SignalAssessment) -> SignalScores:
        return SignalScores.model_validate(row.scores or {})

    @staticmethod
    def answers(row: SignalAssessment) -> dict[str, int]:
        return {str(k): int(v) for k, v in (row.answers or {}).items()}
