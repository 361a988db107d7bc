"""The JSON a review and a warning-signs check keep, as typed models.

``Review.details`` and ``SignalAssessment.scores`` are JSON columns; these models are the only
shape in which code reads or writes them (``store.direction`` converts at the column), so a key
cannot be misspelt in one reader and a renamed field shows up in ``mypy`` rather than as a
blank on a page. Extra keys in old rows are ignored and missing ones take their defaults, so
every review stored so far still reads.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore", from_attributes=True)


class ActivityRecord(_Record):
    name: str
    share: int | float  # percent of the month; stored as typed (an int from every shell)
    goal: str | None = None  # the goal's uid


class ComponentRecord(_Record):
    name: str
    value: float | None  # 0..1, None when absent
    weight: float
    detail: str


class GoalAlignmentRecord(_Record):
    goal_key: str
    title: str
    score: float | None
    components: list[ComponentRecord] = Field(default_factory=list)
    time_share: float = 0.0
    untouched: bool = False


class AlignmentRecord(_Record):
    """How the month's alignment was scored (``analysis.alignment.ReviewAlignment``); a
    breakdown stored by an older version may lack fields, which then read as empty."""

    month: str = ""
    overall: float | None = None
    goals: list[GoalAlignmentRecord] = Field(default_factory=list)
    on_goal_share: float = 0.0
    explanation: str = ""


class ReviewDetails(_Record):
    """What a month's review said, keyed by the goals' and milestones' stable uids."""

    activities: list[ActivityRecord] = Field(default_factory=list)
    new_skills: list[str] = Field(default_factory=list)
    wins: list[str] = Field(default_factory=list)
    ratings: dict[str, int] = Field(default_factory=dict)
    milestones: dict[str, int] = Field(default_factory=dict)  # uid -> 0..100
    breakdown: AlignmentRecord | None = None

    def as_json(self) -> dict[str, Any]:
        """The column value; a review not scored yet has no ``breakdown`` key."""
        return self.model_dump(
            mode="json", exclude={"breakdown"} if self.breakdown is None else None
        )


class DimensionRecord(_Record):
    dimension: str
    title: str
    core: bool
    score: float  # 0..100
    level: str  # low | moderate | high
    explanation: str


class SignalScores(_Record):
    """A warning-signs check scored (``analysis.signals.SignalResult`` without the overall,
    which has a column of its own)."""

    dimensions: list[DimensionRecord] = Field(default_factory=list)
    high: list[str] = Field(default_factory=list)
    recommend_pivot: bool = False
    recommendation: str = ""

    def by_dimension(self) -> dict[str, float]:
        return {d.dimension: d.score for d in self.dimensions}
