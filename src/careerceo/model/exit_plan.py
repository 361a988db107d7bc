"""What the person may write into an exit plan: the dates and the items under it.

Checks that need the clock (a last day in the past) or the database (a contact that does not
exist) are made by the service; everything else is here, once, for every shell.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, field_validator, model_validator

from careerceo.model.common import (
    InputModel,
    bounded_text,
    day,
    invalid,
    number_in,
    row_id,
    rule,
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


def _enum(value: Any, *, kind: type[StrEnum], field: str, blank: bool = False) -> Any:
    """One value of ``kind`` ("In progress" reads as in_progress); ``blank``: "" means none."""
    if blank and (value is None or value == ""):
        return None
    word = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return kind(word)
    except ValueError:
        names = ", ".join(k.value for k in kind)
        raise invalid(field, f"{field} must be one of {names} (got {value!r})") from None


def _status(value: Any) -> ItemStatus:
    result: ItemStatus = _enum(value or "open", kind=ItemStatus, field="status")
    return result


class ExitPlanIn(InputModel):
    last_day: date
    notice_given_on: Annotated[date | None, rule(day)] = None
    employer: Annotated[str, bounded_text(200)] = ""
    position_id: Annotated[int | None, rule(row_id)] = None
    notes: Annotated[str, bounded_text(5_000)] = ""

    @field_validator("last_day", mode="before")
    @classmethod
    def _last(cls, value: Any) -> date:
        result = day(value, field="last_day")
        if result is None:
            raise invalid("required", "last_day is required (YYYY-MM-DD)")
        return result

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
    kind: Annotated[ExitItemKind, rule(_enum, kind=ExitItemKind)]
    title: Annotated[str, bounded_text(300, required=True)]
    detail: Annotated[str, bounded_text(5_000)] = ""
    status: Annotated[ItemStatus, BeforeValidator(_status)] = ItemStatus.OPEN
    due_on: Annotated[date | None, rule(day)] = None
    contact_id: Annotated[int | None, rule(row_id)] = None
    counterpart: Annotated[str, bounded_text(200)] = ""
    cadence_days: Annotated[
        int | None,
        number_in(
            MIN_CADENCE,
            MAX_CADENCE,
            f"cadence_days must be {MIN_CADENCE} to {MAX_CADENCE} days",
            optional=True,
        ),
    ] = None
    covenant_type: Annotated[CovenantType | None, rule(_enum, kind=CovenantType, blank=True)] = None
    touches: list[int] = Field(default_factory=list)

    @field_validator("touches", mode="before")
    @classmethod
    def _touches(cls, value: Any) -> list[int]:
        if value is None or value == "":
            return []
        items = value if isinstance(value, list) else [value]
        return [int(row_id(v, field="touches") or 0) for v in items]

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
