"""What the direction services return: one pydantic view per thing, rendered as-is by the JSON
API, read by attribute in templates and by the CLI."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from careerceo.analysis.actions import Action
from careerceo.model.common import UtcDateTime
from careerceo.model.direction import GoalStatus, MilestoneStatus
from careerceo.model.direction_records import AlignmentRecord, ReviewDetails, SignalScores


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
    status: MilestoneStatus
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
    status: GoalStatus
    created_at: UtcDateTime
    milestones: list[MilestoneView] = []

    @property
    def active(self) -> bool:
        return self.status == GoalStatus.ACTIVE


class RevisionView(BaseModel):
    saved_at: UtcDateTime
    snapshot: dict[str, Any]


class ReviewView(BaseModel):
    id: int
    month: str
    details: ReviewDetails
    notes: str
    alignment: float | None
    updated_at: UtcDateTime
    revisions: int = 0


class OptionView(BaseModel):
    """One way out of a drift finding."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    title: str
    why: str
    action: Action | None = None


class FindingView(BaseModel):
    """A drift finding (``analysis.drift.Finding``) with the options it proposes."""

    model_config = ConfigDict(from_attributes=True)

    rule: str
    severity: str  # high | medium | low
    reason: str
    options: list[OptionView]
    subject: str | None = None
    title: str


class ReviewResult(BaseModel):
    review: ReviewView
    breakdown: AlignmentRecord | None
    findings: list[FindingView]


class HistoryRow(BaseModel):
    month: str
    state: str  # reviewed | missed | due | current
    alignment: float | None
    goals: dict[str, float | None]
    new_skills: int
    wins: int


class DueView(BaseModel):
    """Whether a review is due, for which month, and which months were missed."""

    next_month: str
    due: bool
    overdue: bool
    missed: list[str]
    message: str


class SignalView(BaseModel):
    id: int
    taken_on: date
    answers: dict[str, int]
    scores: SignalScores
    overall: float | None
    changes: dict[str, float] = {}


class ChallengeView(BaseModel):
    """One of the three macro-challenges (``analysis.challenges.Challenge``)."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    title: str
    status: str  # on track | watch | act | no data yet
    headline: str
    evidence: tuple[str, ...]
    next_step: str
    action: Action
