"""What the person may write into an exit plan: the dates and the items under it.

Checks that need the clock (a last day in the past) or the database (a contact that does not
exist) are made by the service; everything else is here, once, for every shell.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, field_validator, model_validator

from careerceo.model.common import (
    InputModel,
    bounded_text,
    invalid,
    month_or_date,
    whole_number,
)


class ExitItemKind(StrEnum):
    RELATIONSHIP = "relationship"  # someone to keep in touch with after leaving
    DISPUTE = "dispute"  # an open issue to settle before leaving
    HANDOVER = "handover"  # knowledge or work to hand over
    REFERENCE = "reference"  # someone to ask for a reference
    CHECKLIST = "checklist"  # a dated step (return equipment, final pay ...)
    COVENANT = "covenant"  # a restrictive covenant as recorded from the contract


class ItemStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class CovenantType(StrEnum):
    NON_SOLICIT = "non_solicit"
    NON_COMPETE = "non_compete"
    CONFIDENTIALITY = "confidentiality"
    OTHER = "other"


MIN_CADENCE, MAX_CADENCE = 7, 365


def _enum(kind: type[StrEnum], value: Any, field: str) -> Any:
    word = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return kind(word)
    except ValueError:
        names = ", ".join(k.value for k in kind)
        raise invalid(field, f"{field} must be one of {names} (got {value!r})") from None


def _day(value: Any, field: str) -> date | None:
    if isinstance(value, str) and len(value.strip()) == 7:  # a month is not a day here
        raise invalid("date", f"{field} must be a day written YYYY-MM-DD (got {value!r})")
    return month_or_date(value, field=field)


def _row_id(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    return whole_number(value, low=1, high=2**31 - 1, message=f"{field} must be a row id")


class ExitPlanIn(InputModel):
    last_day: date
    notice_given_on: date | None = None
    employer: Annotated[str, bounded_text(200)] = ""
    position_id: int | None = None
    notes: Annotated[str, bounded_text(5_000)] = ""

    @field_validator("last_day", mode="before")
    @classmethod
    def _last(cls, value: Any) -> date:
        day = _day(value, "last_day")
        if day is None:
            raise invalid("required", "last_day is required (YYYY-MM-DD)")
        return day

    @field_validator("notice_given_on", mode="before")
    @classmethod
    def _notice(cls, value: Any) -> date | None:
        return _day(value, "notice_given_on")

    @field_validator("position_id", mode="before")
    @classmethod
    def _position(cls, value: Any) -> int | None:
        return _row_id(value, "position_id")

    @model_validator(mode="after")
    def _order(self) -> ExitPlanIn:
        if self.notice_given_on and self.notice_given_on > self.last_day:
            raise invalid(
                "order",
                f"notice_given_on {self.notice_given_on} is after the last day "
                f"{self.last_day}; notice comes first",
            )
        return self


class ExitItemIn(InputModel):
    kind: ExitItemKind
    title: Annotated[str, bounded_text(300, required=True)]
    detail: Annotated[str, bounded_text(5_000)] = ""
    status: ItemStatus = ItemStatus.OPEN
    due_on: date | None = None
    contact_id: int | None = None
    counterpart: Annotated[str, bounded_text(200)] = ""
    cadence_days: int | None = None
    covenant_type: CovenantType | None = None
    touches: list[int] = Field(default_factory=list)

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> ExitItemKind:
        result: ExitItemKind = _enum(ExitItemKind, value, "kind")
        return result

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> ItemStatus:
        result: ItemStatus = _enum(ItemStatus, value or "open", "status")
        return result

    @field_validator("covenant_type", mode="before")
    @classmethod
    def _covenant(cls, value: Any) -> CovenantType | None:
        if value is None or value == "":
            return None
        result: CovenantType = _enum(CovenantType, value, "covenant_type")
        return result

    @field_validator("due_on", mode="before")
    @classmethod
    def _due(cls, value: Any) -> date | None:
        return _day(value, "due_on")

    @field_validator("contact_id", mode="before")
    @classmethod
    def _contact(cls, value: Any) -> int | None:
        return _row_id(value, "contact_id")

    @field_validator("cadence_days", mode="before")
    @classmethod
    def _cadence(cls, value: Any) -> int | None:
        if value is None or value == "":
            return None
        return whole_number(
            value,
            low=MIN_CADENCE,
            high=MAX_CADENCE,
            message=f"cadence_days must be {MIN_CADENCE} to {MAX_CADENCE} days",
        )

    @field_validator("touches", mode="before")
    @classmethod
    def _touches(cls, value: Any) -> list[int]:
        if value is None or value == "":
            return []
        items = value if isinstance(value, list) else [value]
        return [int(_row_id(v, "touches") or 0) for v in items]

    @model_validator(mode="after")
    def _fits_kind(self) -> ExitItemIn:
        if self.kind is ExitItemKind.COVENANT and self.covenant_type is None:
            raise invalid(
                "covenant_type",
                "a covenant needs its covenant_type: non_solicit, non_compete, confidentiality "
                "or other",
            )
        if self.kind is not ExitItemKind.COVENANT and (self.covenant_type or self.touches):
            raise invalid(
                "covenant_type", "covenant_type and touches belong to covenant items only"
            )
        if self.cadence_days is not None and self.kind is not ExitItemKind.RELATIONSHIP:
            raise invalid("cadence_days", "cadence_days belongs to relationship items only")
        return self
