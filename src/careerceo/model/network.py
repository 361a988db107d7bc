"""Companies (with their research dossier), contacts and the interaction log."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from careerceo.model.common import (
    EmailAddress,
    InputModel,
    UtcDateTime,
    bounded_text,
    day,
    number_in,
    row_id,
    rule,
    whole_number,
)
from careerceo.model.job_search_enums import Channel, HowKnown, Tag
from careerceo.model.job_search_fields import flag, url, word_of, words_of

# The dossier parts a research checklist walks through, with how a gap is worded.
DOSSIER_PARTS: tuple[tuple[str, str], ...] = (
    ("size", "no size band noted yet"),
    ("headcount", "no headcount noted yet"),
    ("revenue", "no revenue noted yet"),
    ("location", "no locations noted yet"),
    ("industry", "no industry noted yet"),
    ("products", "no products or services noted yet"),
    ("mission", "no mission noted yet"),
    ("problems", "no problems or priorities noted yet"),
    ("competitors", "no competitors noted yet"),
    ("leaders", "no leaders noted yet"),
    ("sources", "no sources noted yet"),
)


class Leader(InputModel):
    name: Annotated[str, bounded_text(200, required=True, label="leader name")]
    role: Annotated[str, bounded_text(2000, label="leader")] = ""
    background: Annotated[str, bounded_text(2000, label="leader")] = ""


class SourceRef(InputModel):
    url: str
    read_on: Annotated[date | None, rule(day)] = None

    @field_validator("url", mode="before")
    @classmethod
    def _url(cls, value: Any) -> str:
        result = url(value, field="source url")
        if not result:
            raise ValueError("a source needs its url")
        return result


class CompanyInput(InputModel):
    name: Annotated[str, bounded_text(200, required=True)]
    website: Annotated[str, rule(url)] = ""
    industry: Annotated[str, bounded_text(200, label="field")] = ""
    size: Annotated[str, bounded_text(200, label="field")] = ""
    headcount: Annotated[
        int | None,
        number_in(0, 10_000_000, "headcount must be a whole number of people", optional=True),
    ] = None
    revenue: Annotated[str, bounded_text(200, label="field")] = ""
    location: Annotated[str, bounded_text(200, label="field")] = ""
    products: Annotated[str, bounded_text(20_000, label="field")] = ""
    mission: Annotated[str, bounded_text(20_000, label="field")] = ""
    problems: Annotated[str, bounded_text(20_000, label="field")] = ""
    competitors: Annotated[str, bounded_text(20_000, label="field")] = ""
    leaders: list[Leader] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    is_target: Annotated[bool, rule(flag)] = False
    priority: Annotated[
        int | None, number_in(1, 5, "priority must be 1 (highest) to 5 (lowest)", optional=True)
    ] = None
    notes: Annotated[str, bounded_text(20_000, label="field")] = ""


class CompanyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    name: str
    website: str
    industry: str
    size: str
    headcount: int | None
    revenue: str
    location: str
    products: str
    mission: str
    problems: str
    competitors: str
    leaders: list[Leader]
    sources: list[SourceRef]
    is_target: bool
    priority: int | None
    notes: str
    contacts: int = 0
    opportunities: int = 0
    created_at: UtcDateTime
    updated_at: UtcDateTime


def _linkedin(value: Any) -> str:
    return url(value, field="linkedin_url").rstrip("/")


_FLAG = rule(flag, label="flag")


class ContactInput(InputModel):
    name: Annotated[str, bounded_text(200, required=True)]
    company: Annotated[str, bounded_text(200, label="field")] = (
        ""  # linked to a company by its normalised name
    )
    title: Annotated[str, bounded_text(200, label="field")] = ""
    email: Annotated[EmailAddress, AfterValidator(str.lower)] = ""  # however it was typed
    phone: Annotated[str, bounded_text(50)] = ""
    linkedin_url: Annotated[str, BeforeValidator(_linkedin)] = ""
    relationship: Annotated[str, rule(word_of, kind=HowKnown, blank=True)] = ""
    tags: Annotated[list[str], rule(words_of, kind=Tag)] = Field(default_factory=list)
    connected_on: Annotated[date | None, rule(day)] = None
    in_search: Annotated[bool, _FLAG] = False
    cadence_days: int | None = None
    snoozed_until: Annotated[date | None, rule(day)] = None
    retired: Annotated[bool, _FLAG] = False
    unreachable: Annotated[bool, _FLAG] = False
    notes: Annotated[str, bounded_text(20_000)] = ""

    @field_validator("cadence_days", mode="before")
    @classmethod
    def _cadence(cls, value: Any) -> int | None:
        if value is None or (isinstance(value, str) and value.strip().lower() in {"", "default"}):
            return None
        if isinstance(value, str) and value.strip().lower() == "none":
            return 0
        return whole_number(
            value,
            low=0,
            high=3650,
            message="cadence_days must be days between follow-ups (0 or none: no cadence)",
        )


class ContactOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    name: str
    company: str | None
    company_id: int | None
    title: str
    email: str
    phone: str
    linkedin_url: str
    relationship: str
    tags: list[str]
    connected_on: date | None
    in_search: bool
    cadence_days: int | None
    snoozed_until: date | None
    retired: bool
    unreachable: bool
    history: list[dict[str, Any]]
    source: str
    notes: str
    last_contact: date | None = None
    next_follow_up: date | None = None
    created_at: UtcDateTime
    updated_at: UtcDateTime


class InteractionInput(InputModel):
    happened_on: Annotated[date | None, rule(day, label="date")] = None  # today when not given
    channel: Annotated[str, rule(word_of, kind=Channel)] = Channel.EMAIL.value
    summary: Annotated[str, bounded_text(10_000, label="summary")] = ""
    next_step: Annotated[str, bounded_text(10_000, label="summary")] = ""
    follow_up_on: Annotated[date | None, rule(day, label="due")] = None
    opportunity_id: Annotated[
        int | None, rule(row_id, message="opportunity_id must be an opportunity's #")
    ] = None


class InteractionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    contact_id: int
    opportunity_id: int | None
    happened_on: date
    channel: str
    summary: str
    next_step: str
    follow_up_on: date | None
    done: bool
    created_at: UtcDateTime
