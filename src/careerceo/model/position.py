"""A position held: employer, title and dates (an empty end date means it is current)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict

from careerceo.model.common import (
    InputModel,
    MonthOrDate,
    OccupationCode,
    UtcDateTime,
    bounded_text,
    not_before,
    short_text,
)


class PositionInput(InputModel):
    employer: Annotated[str, bounded_text(200, required=True)]
    title: Annotated[str, bounded_text(200, required=True)]
    start_date: MonthOrDate = None
    end_date: Annotated[
        MonthOrDate,
        not_before(
            "start_date",
            hint="fix one of them, or leave end_date empty if you still hold the position",
        ),
    ] = None
    location: Annotated[str, bounded_text(200)] = ""
    description: Annotated[str, bounded_text(20_000)] = ""
    occupation_code: OccupationCode = None
    seniority: Annotated[str | None, short_text(40)] = None


class PositionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    employer: str
    title: str
    start_date: date | None
    end_date: date | None
    location: str
    description: str
    occupation_code: str | None
    seniority: str | None
    created_at: UtcDateTime
    updated_at: UtcDateTime

    @property
    def is_current(self) -> bool:
        return self.end_date is None
