"""Companies (with their research dossier), contacts and the interaction log."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careerceo.model.common import (
    InputModel,
    UtcDateTime,
    bounded_text,
    email,
    text,
    whole_number,
)
from careerceo.model.job_search_enums import Channel, HowKnown, Tag
from careerceo.model.job_search_fields import day, flag, url, word_of, words_of

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
    read_on: date | None = None

    @field_validator("url", mode="before")
    @classmethod
    def _url(cls, value: Any) -> str:
        result = url(value, field="source url")
        if not result:
            raise ValueError("a source needs its url")
        return result

    @field_validator("read_on", mode="before")
    @classmethod
    def _read_on(cls, value: Any) -> date | None:
        return day(value, field="read_on")


class CompanyInput(InputModel):
    name: Annotated[str, bounded_text(200, required=True)]
    website: str = ""
    industry: Annotated[str, bounded_text(200, label="field")] = ""
    size: Annotated[str, bounded_text(200, label="field")] = ""
    headcount: int | None = None
    revenue: Annotated[str, bounded_text(200, label="field")] = ""
    location: Annotated[str, bounded_text(200, label="field")] = ""
    products: Annotated[str, bounded_text(20_000, label="field")] = ""
    mission: Annotated[str, bounded_text(20_000, label="field")] = ""
    problems: Annotated[str, bounded_text(20_000, label="field")] = ""
    competitors: Annotated[str, bounded_text(20_000, label="field")] = ""
    leaders: list[Leader] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    is_target: bool = False
    priority: int | None = None
    notes: Annotated[str, bounded_text(20_000, label="field")] = ""

    @field_validator("website", mode="before")
    @classmethod
    def _website(cls, value: Any) -> str:
        return url(value, field="website")

    @field_validator("headcount", mode="before")
    @classmethod
    def _headcount(cls, value: Any) -> int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return whole_number(
            value, low=0, high=10_000_000, message="headcount must be a whole number of people"
        )

    @field_validator("priority", mode="before")
    @classmethod
    def _priority(cls, value: Any) -> int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return whole_number(
            value, low=1, high=5, message="priority must be 1 (highest) to 5 (lowest)"
        )

    @field_validator("is_target", mode="before")
    @classmethod
    def _target(cls, value: Any) -> bool:
        return flag(value, field="is_target")


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


class ContactInput(InputModel):
    name: Annotated[str, bounded_text(200, required=True)]
    company: Annotated[str, bounded_text(200, label="field")] = (
        ""  # linked to a company by its normalised name
    )
    title: Annotated[str, bounded_text(200, label="field")] = ""
    email: str = ""
    phone: Annotated[str, bounded_text(50)] = ""
    linkedin_url: str = ""
    relationship: str = ""
    tags: list[str] = Field(default_factory=list)
    connected_on: date | None = None
    in_search: bool = False
    cadence_days: int | None = None
    snoozed_until: date | None = None
    retired: bool = False
    unreachable: bool = False
    notes: str = ""

    @field_validator("email", mode="before")
    @classmethod
    def _email(cls, value: Any) -> str:
        return email(value).lower()

    @field_validator("linkedin_url", mode="before")
    @classmethod
    def _linkedin(cls, value: Any) -> str:
        return url(value, field="linkedin_url").rstrip("/")

    @field_validator("relationship", mode="before")
    @classmethod
    def _relationship(cls, value: Any) -> str:
        return word_of(value, HowKnown, field="relationship", blank=True)

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, value: Any) -> list[str]:
        return words_of(value, Tag, field="tags")

    @field_validator("connected_on", mode="before")
    @classmethod
    def _connected(cls, value: Any) -> date | None:
        return day(value, field="connected_on")

    @field_validator("snoozed_until", mode="before")
    @classmethod
    def _snoozed(cls, value: Any) -> date | None:
        return day(value, field="snoozed_until")

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

    @field_validator("in_search", "retired", "unreachable", mode="before")
    @classmethod
    def _flags(cls, value: Any) -> bool:
        return flag(value, field="flag")

    @field_validator("notes", mode="before")
    @classmethod
    def _notes(cls, value: Any) -> str:
        return text(value, field="notes", max_length=20_000)


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
    happened_on: date | None = None  # today when not given
    channel: str = Channel.EMAIL.value
    summary: str = ""
    next_step: str = ""
    follow_up_on: date | None = None
    opportunity_id: int | None = None

    @field_validator("happened_on", mode="before")
    @classmethod
    def _happened(cls, value: Any) -> date | None:
        return day(value, field="date")

    @field_validator("follow_up_on", mode="before")
    @classmethod
    def _due(cls, value: Any) -> date | None:
        return day(value, field="due")

    @field_validator("channel", mode="before")
    @classmethod
    def _channel(cls, value: Any) -> str:
        return word_of(value, Channel, field="channel")

    @field_validator("summary", "next_step", mode="before")
    @classmethod
    def _text(cls, value: Any) -> str:
        return text(value, field="summary", max_length=10_000)

    @field_validator("opportunity_id", mode="before")
    @classmethod
    def _opportunity(cls, value: Any) -> int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return whole_number(
            value, low=1, high=2**31 - 1, message="opportunity_id must be an opportunity's #"
        )


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
