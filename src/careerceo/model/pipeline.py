"""Opportunities in the search pipeline, their stage history, pay and offer terms."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careerceo.model.common import (
    InputModel,
    UtcDateTime,
    bounded_text,
    day,
    row_id,
    rule,
    text,
)
from careerceo.model.job_search_enums import CloseReason, ContactRole, Source, Stage
from careerceo.model.job_search_fields import money, ratings, url, word_of

NOTES = rule(text, label="notes", max_length=20_000)
WEB_URL = rule(url)  # not inline: the field is called url too


class OfferTerms(InputModel):
    """What an offer says; amounts are per year in the offer's currency."""

    base: Annotated[float | None, rule(money, label="amount")] = None
    bonus: Annotated[float | None, rule(money, label="amount")] = None
    equity: Annotated[str, bounded_text(2000, label="offer")] = ""
    benefits: Annotated[str, bounded_text(2000, label="offer")] = ""
    currency: str = ""
    start_date: Annotated[date | None, rule(day)] = None
    deadline: Annotated[date | None, rule(day)] = None
    # The person's own 1-5 per criterion ("growth": 4), for the offer comparison.
    ratings: dict[str, int] = Field(default_factory=dict)

    @field_validator("ratings", mode="before")
    @classmethod
    def _ratings(cls, value: Any) -> dict[str, int]:
        return ratings(value)

    @field_validator("currency", mode="before")
    @classmethod
    def _currency(cls, value: Any) -> str:
        return text(value, field="currency", max_length=10).upper()

    def is_empty(self) -> bool:
        return not any(v not in (None, "", {}) for v in self.model_dump().values())


class OpportunityInput(InputModel):
    title: Annotated[str, bounded_text(300, required=True)]
    company: Annotated[str, bounded_text(200, label="field")] = ""
    stage: Annotated[str, rule(word_of, kind=Stage)] = Stage.TARGET.value
    closed_reason: Annotated[str, rule(word_of, kind=CloseReason, blank=True)] = ""
    source: str = ""
    url: Annotated[str, WEB_URL] = ""
    posting_id: Annotated[int | None, rule(row_id, message="posting_id must be a posting #")] = None
    applied_on: Annotated[date | None, rule(day)] = None
    next_action: Annotated[str, bounded_text(500)] = ""
    next_action_due: Annotated[date | None, rule(day, label="due")] = None
    posted_pay: Annotated[str, bounded_text(200, label="field")] = ""
    stated_pay: Annotated[str, bounded_text(200, label="field")] = ""
    stated_to: Annotated[str, bounded_text(200, label="field")] = ""
    offer: OfferTerms = OfferTerms()
    negotiation_notes: Annotated[str, NOTES] = ""
    notes: Annotated[str, NOTES] = ""

    @field_validator("source", mode="before")
    @classmethod
    def _source(cls, value: Any) -> str:
        if isinstance(value, str) and value.strip().lower() == "cold":
            return Source.COLD.value
        return word_of(value, Source, field="source", blank=True)

    @field_validator("offer", mode="before")
    @classmethod
    def _offer(cls, value: Any) -> Any:
        return {} if value is None else value


class MoveInput(InputModel):
    """A stage change: to where, on what day (backdating is allowed), and why it closed."""

    stage: Annotated[str, rule(word_of, kind=Stage)]
    on: Annotated[date | None, rule(day, label="date")] = None
    reason: Annotated[str, rule(word_of, kind=CloseReason, blank=True)] = ""
    note: Annotated[str, rule(text, max_length=500)] = ""


class LinkInput(InputModel):
    contact_id: int
    role: Annotated[str, rule(word_of, kind=ContactRole)] = ContactRole.OTHER.value


class StageChangeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    stage: str
    entered_on: date
    reason: str
    note: str


class LinkedContact(BaseModel):
    contact_id: int
    name: str
    role: str


class OpportunityOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    title: str
    company: str | None
    company_id: int | None
    stage: str
    closed_reason: str
    source: str
    url: str
    posting_id: int | None
    applied_on: date | None
    next_action: str
    next_action_due: date | None
    posted_pay: str
    stated_pay: str
    stated_to: str
    offer: OfferTerms
    negotiation_notes: str
    notes: str
    entered_stage_on: date | None = None
    history: list[StageChangeOut] = []
    contacts: list[LinkedContact] = []
    created_at: UtcDateTime
    updated_at: UtcDateTime


class BoardCard(BaseModel):
    """An opportunity as a board card shows it (the full record is one click away)."""

    id: int
    title: str
    stage: str
    company_id: int | None
    company: str | None
    next_action: str
    next_action_due: date | None
    entered_stage_on: date | None


class StageStat(BaseModel):
    count: int
    reached: int
    median_days: float | None
    stays: int


class ConversionOut(BaseModel):
    from_stage: str
    to_stage: str
    rate: float | None
    reached_from: int
    reached_to: int


class SourceOut(BaseModel):
    source: str
    opportunities: int
    interviews: int


class StatsOut(BaseModel):
    """Per stage ``count`` and ``median_days`` (keyed by stage), then conversion and sources."""

    total: int
    stages: dict[str, StageStat]
    conversions: list[ConversionOut]
    sources: list[SourceOut]

    def as_json(self) -> dict[str, Any]:
        """The CLI's ``--json``: each stage's figures at the top level, beside the rest."""
        data = self.model_dump(mode="json")
        return {**data["stages"], **data}
