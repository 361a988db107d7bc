"""What the direction services share: the repositories of one session, and the conversions
from stored rows to views and to the analysis' inputs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from sqlalchemy.orm import Session

from careerceo.analysis.alignment import Activity, GoalInfo, MilestoneInfo, ReviewData
from careerceo.errors import NotFoundError
from careerceo.knowledge import KnowledgeError, load_knowledge
from careerceo.model.direction import HORIZONS, GoalStatus, MilestoneStatus
from careerceo.model.direction_records import ReviewDetails
from careerceo.services.direction.views import GoalView, MilestoneView, VisionView
from careerceo.store.direction import (
    GoalRepository,
    MilestoneRepository,
    ReviewRepository,
    SignalRepository,
    VisionRepository,
)
from careerceo.store.tables import Goal, Milestone, Vision


def today_or(today: date | None) -> date:
    return today or date.today()


@dataclass
class Repos:
    """The direction repositories of one session, scoped to one person."""

    session: Session
    person_id: int

    @cached_property
    def visions(self) -> VisionRepository:
        return VisionRepository(self.session, self.person_id)

    @cached_property
    def goals(self) -> GoalRepository:
        return GoalRepository(self.session, self.person_id)

    @cached_property
    def milestones(self) -> MilestoneRepository:
        return MilestoneRepository(self.session, self.person_id)

    @cached_property
    def reviews(self) -> ReviewRepository:
        return ReviewRepository(self.session, self.person_id)

    @cached_property
    def signals(self) -> SignalRepository:
        return SignalRepository(self.session, self.person_id)

    def goal(self, goal_id: int) -> Goal:
        goal = self.goals.get(goal_id)
        if goal is None:
            raise NotFoundError(f"no goal #{goal_id}; see career goals list", field="goal")
        return goal

    def milestone(self, milestone_id: int) -> Milestone:
        found = self.milestones.get(milestone_id)
        if found is None:
            raise NotFoundError(
                f"no milestone #{milestone_id}; see career goals milestone list",
                field="milestone",
            )
        return found


def vision_view(v: Vision) -> VisionView:
    return VisionView(id=v.id, text=v.text, saved_at=v.created_at)


def occupation_title(code: str | None) -> str | None:
    """The occupation's title and data version, e.g. "Software Developers (O*NET 29.0)"."""
    if not code:
        return None
    try:
        kb = load_knowledge()
    except KnowledgeError:  # a damaged artifact must not lock the person out of their goals
        return None
    occupation = kb.find_occupation(code)
    return f"{occupation.title} ({kb.source.onet})" if occupation else None


def is_overdue(m: Milestone, today: date) -> bool:
    return m.status == MilestoneStatus.OPEN and m.due_date is not None and m.due_date < today


def milestone_view(m: Milestone, today: date) -> MilestoneView:
    return MilestoneView(
        id=m.id,
        uid=m.uid,
        goal_id=m.goal_id,
        title=m.title,
        measure=m.measure,
        due_date=m.due_date,
        status=MilestoneStatus(m.status),
        completed_on=m.completed_on,
        overdue=is_overdue(m, today),
    )


def goal_view(g: Goal, milestones: Sequence[Milestone], today: date) -> GoalView:
    return GoalView(
        id=g.id,
        uid=g.uid,
        title=g.title,
        horizon=g.horizon,
        horizon_label=HORIZONS.get(g.horizon, g.horizon),
        target_role=g.target_role,
        occupation_code=g.occupation_code,
        occupation_title=occupation_title(g.occupation_code),
        why=g.why,
        status=GoalStatus(g.status),
        created_at=g.created_at,
        milestones=[milestone_view(m, today) for m in milestones if m.goal_id == g.id],
    )


def goal_snapshot(g: Goal) -> dict[str, Any]:
    return {
        "title": g.title,
        "horizon": g.horizon,
        "target_role": g.target_role,
        "occupation_code": g.occupation_code,
        "why": g.why,
        "status": str(g.status),
        "saved_at": g.updated_at.isoformat(),
    }


def goal_info(g: Goal) -> GoalInfo:
    # the schema has no closing date: a closed goal's last edit is when it was closed
    closed = g.updated_at.date() if g.status != GoalStatus.ACTIVE else None
    return GoalInfo(g.uid, g.title, g.created_at.date(), g.status, closed)


def infos(
    goals: Sequence[Goal], milestones: Sequence[Milestone]
) -> tuple[list[GoalInfo], list[MilestoneInfo]]:
    uid_of = {g.id: g.uid for g in goals}
    ginfo = [goal_info(g) for g in goals]
    minfo = [
        MilestoneInfo(m.uid, uid_of[m.goal_id], m.title, m.due_date, m.status, m.completed_on)
        for m in milestones
        if m.goal_id in uid_of
    ]
    return ginfo, minfo


def review_data(month: str, details: ReviewDetails) -> ReviewData:
    """A stored review as the analysis reads it."""
    return ReviewData(
        month=month,
        activities=tuple(Activity(a.name, float(a.share), a.goal) for a in details.activities),
        new_skills=tuple(details.new_skills),
        wins=tuple(details.wins),
        ratings=dict(details.ratings),
        milestone_progress=dict(details.milestones),
    )
