"""Reference collections: other people's career histories, gathered to learn a path from.

A collection ("Producers at large news publishers") holds reference profiles, each a list of
positions. These inputs validate what a person types or a CSV row says; the view models are
what services hand the shells. Reference profiles are third parties' personal data, so a name
is only kept when the person asks for it (``keep_name``), otherwise a pseudonym is stored.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from careerceo.model.common import (
    InputModel,
    UtcDateTime,
    bounded_text,
    invalid,
    occupation_code,
    optional_text,
    text,
)

MAX_COLLECTION_NAME = 120


class StepMove(StrEnum):
    """A move between two roles, read from O*NET job zones (1 = little preparation, 5 = a lot)."""

    UP = "up"
    LATERAL = "lateral"
    DOWN = "down"
    UNKNOWN = "unknown"  # one of the two roles has no occupation or no job zone


class ProfileSource(StrEnum):
    CSV = "csv"
    PDF = "pdf"
    DOCX = "docx"
    JSON = "json"
    LINKEDIN = "linkedin"
    TEXT = "text"
    MANUAL = "manual"


class DatePrecision(StrEnum):
    MONTH = "month"
    YEAR = "year"
    NONE = "none"


def collection_name(value: Any) -> str:
    name = text(value, field="name", max_length=MAX_COLLECTION_NAME, required=True)
    if name.isdigit():
        raise invalid(
            "name", f"a collection name cannot be only digits ({name!r}); add a word to it"
        )
    return name


class CollectionInput(InputModel):
    name: str
    description: Annotated[str, bounded_text(2000)] = ""
    target: Annotated[str, bounded_text(200)] = (
        ""  # the title or O*NET code the collection is about, if it has one
    )

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        return collection_name(value)


class ReferencePositionInput(InputModel):
    """One position of a reference profile; months are counted as ``year * 12 + month - 1``."""

    title: Annotated[str, bounded_text(200, required=True)]
    employer: Annotated[str, bounded_text(200)] = ""
    start_month: int | None = None
    end_month: int | None = None
    current: bool = False
    start_precision: DatePrecision = DatePrecision.NONE
    end_precision: DatePrecision = DatePrecision.NONE
    employer_size: str | None = None
    industry: str | None = None
    location: str | None = None

    @field_validator("employer_size", "industry", "location", mode="before")
    @classmethod
    def _short(cls, value: Any, info: ValidationInfo) -> str | None:
        return optional_text(value, max_length=200 if info.field_name == "location" else 100)

    @field_validator("end_month")
    @classmethod
    def _order(cls, value: int | None, info: ValidationInfo) -> int | None:
        start = info.data.get("start_month")
        if value is not None and start is not None and value < start:
            raise invalid(
                "date_order",
                f"the position ends ({month_label(value)}) before it starts "
                f"({month_label(start)}); swap or fix the dates",
            )
        return value


class CodeCorrection(InputModel):
    """The person's own reading of a position's occupation: title matching is noisy."""

    occupation_code: str

    @field_validator("occupation_code", mode="before")
    @classmethod
    def _code(cls, value: Any) -> str:
        code = occupation_code(value)
        if code is None:
            raise invalid("required", "occupation_code is required, e.g. 27-2012.00")
        return code


def month_label(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def month_of(value: date) -> int:
    return value.year * 12 + value.month - 1


# -- view models ------------------------------------------------------------------------------


class CollectionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    name: str
    description: str
    target: str
    include_in_exports: bool
    profiles: int = 0
    positions: int = 0
    created_at: UtcDateTime


class ReferencePositionOut(BaseModel):
    id: int
    title: str
    employer: str
    start: str  # "2019-03", "2019" or "" (unknown)
    end: str  # "" with current=True is "Present"; "" otherwise is unknown
    current: bool
    occupation_code: str | None
    occupation_title: str | None
    confidence: float | None  # the title matcher's score; None once the person corrected it
    corrected: bool
    employer_size: str | None
    industry: str | None


class ReferenceProfileOut(BaseModel):
    id: int
    uid: str
    alias: str
    name: str | None  # only when kept on purpose
    contact_id: int | None
    source: str
    filename: str
    education: list[dict[str, str]]
    certifications: list[str]
    positions: list[ReferencePositionOut]


class FileSummary(BaseModel):
    """What ``paths add`` did with one file: the figures, or why it was refused."""

    filename: str
    ok: bool
    profiles: int = 0
    positions: int = 0
    skipped: int = 0
    messages: list[str] = []


class StepRow(BaseModel):
    step: int  # 1 = the role just before the target
    title: str
    code: str | None
    occupation_title: str | None = None
    people: int
    share: float  # of the people who reached the target
    median_years: float | None
    spread_years: tuple[float, float] | None = None  # 25th-75th percentile
    move: StepMove = StepMove.UNKNOWN  # into the next role on the way
    position_ids: list[int] = []  # the positions behind the figure, for correcting them


class OutcomeRow(BaseModel):
    """Everyone who held a role on the way: how many went on to the target, how many did not."""

    title: str
    code: str | None
    held: int
    reached: int
    elsewhere: int
    still_there: int
    rate: float
    next_roles: list[tuple[str, int]]
    position_ids: list[int] = []  # the positions behind the figure, for correcting them


class NextRow(BaseModel):
    title: str
    code: str | None
    people: int
    share: float
    move: StepMove
    position_ids: list[int] = []  # the positions behind the figure, for correcting them


class FlowRow(BaseModel):
    """People moving from a role at one step to the next role on their way (Sankey links)."""

    from_step: int
    from_title: str
    to_title: str
    to_target: bool
    people: int


class SequenceRow(BaseModel):
    roles: list[str]
    people: int


class CountRow(BaseModel):
    label: str
    people: int
    share: float


class PathContact(BaseModel):
    """A reference who reached the target and is one of the person's contacts: someone who made
    the move that the person could talk to."""

    contact_id: int
    name: str
    alias: str
    roles: list[str]  # their roles up to and including the target, oldest first


class ContactLink(BaseModel):
    """Link a reference profile to a contact (``contact_id`` null unlinks); ``name`` keeps a
    name on purpose (empty removes it, absent leaves it)."""

    model_config = ConfigDict(extra="forbid")

    contact_id: int | None = None
    name: str | None = Field(default=None, max_length=200)


class PathAnalysisOut(BaseModel):
    collection: str
    target: str
    target_code: str | None
    target_title: str | None
    matched_by: str  # "code", "title" or "title → code"
    profiles: int
    people: int
    reached_twice: int
    steps_before: list[StepRow]
    occupations_before: list[StepRow]
    median_years_to_target: float | None
    spread_years_to_target: tuple[float, float] | None
    sequences: list[SequenceRow]
    flows: list[FlowRow] = []
    target_position_ids: list[int] = []  # the arrivals, for correcting their occupation
    outcomes: list[OutcomeRow]
    next_from: list[NextRow]
    next_from_role: str | None
    education: list[CountRow]
    certifications: list[CountRow]
    employer_sizes: list[CountRow]
    industries: list[CountRow]
    contacts: list[PathContact] = []
    warnings: list[str]
    evidence: str


class YourPosition(BaseModel):
    """One of the person's own positions placed on the collection's path."""

    title: str
    code: str | None
    step: int | None  # where it sits before the target; 0 = it is the target; None = off path
    matched_by: str | None  # "title" or "occupation"


class PlanStepOut(BaseModel):
    order: int
    title: str
    code: str | None
    occupation_title: str | None
    people: int  # how many in the collection took this step
    median_years: float | None
    move: StepMove
    requirements: list[str]  # the pivot engine's largest gaps between you and this step
    why: str


class PathPlanOut(BaseModel):
    collection: str
    target: str
    target_code: str | None
    target_title: str | None
    people: int
    you: list[YourPosition]
    your_step: int | None  # the nearest step to the target you have held
    steps: list[PlanStepOut]
    next_from: list[NextRow]
    warnings: list[str]
    evidence: str
    goal_id: int | None = None  # set once saved as a goal with milestones
