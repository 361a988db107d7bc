"""A position held: employer, title and dates (an empty end date means it is current)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from careerceo.model.common import (
    InputModel,
    MonthOrDate,
    OccupationCode,
    UtcDateTime,
    bounded_text,
    invalid,
    short_text,
)


class PositionInput(InputModel):
    employer: Annotated[str, bounded_text(200, required=True)]
    title: Annotated[str, bounded_text(200, required=True)]
    start_date: MonthOrDate = None
    end_date: MonthOrDate = None
    location: Annotated[str, bounded_text(200)] = ""
    description: Annotated[str, bounded_text(20_000)] = ""
    occupation_code: OccupationCode = None
    seniority: Annotated[str | None, short_text(40)] = None

    @field_validator("end_date")
    @classmethod
    def _end_after_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start_date")
        if value is not None and start is not None and value < start:
            raise invalid(
                "date_order",
                f"end_date ({value.isoformat()}) is before start_date ({start.isoformat()}); "
                "fix one of them, or leave end_date empty if you still hold the position",
            )
        return value


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
