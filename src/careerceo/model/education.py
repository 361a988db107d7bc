"""Education and certifications: the credentials a résumé lists."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import ValidationInfo, field_validator

from careerceo.model.common import InputModel, MonthOrDate, bounded_text, invalid


def _after(value: date | None, start: Any, *, field: str, start_field: str) -> date | None:
    if value is not None and isinstance(start, date) and value < start:
        raise invalid(
            "date_order",
            f"{field} ({value.isoformat()}) is before {start_field} ({start.isoformat()}); "
            "correct one of them",
        )
    return value


class EducationInput(InputModel):
    institution: Annotated[str, bounded_text(200, required=True)]
    degree: Annotated[str, bounded_text(200)] = ""
    field: Annotated[str, bounded_text(200)] = ""
    start_date: MonthOrDate = None
    end_date: MonthOrDate = None
    grade: Annotated[str, bounded_text(100)] = ""
    description: Annotated[str, bounded_text(20_000)] = ""

    @field_validator("end_date")
    @classmethod
    def _order(cls, value: date | None, info: ValidationInfo) -> date | None:
        return _after(
            value, info.data.get("start_date"), field="end_date", start_field="start_date"
        )


class CertificationInput(InputModel):
    name: Annotated[str, bounded_text(300, required=True)]
    issuer: Annotated[str, bounded_text(200)] = ""
    issued_on: MonthOrDate = None
    expires_on: MonthOrDate = None
    credential_id: Annotated[str, bounded_text(200)] = ""
    url: Annotated[str, bounded_text(500)] = ""

    @field_validator("expires_on")
    @classmethod
    def _order(cls, value: date | None, info: ValidationInfo) -> date | None:
        return _after(
            value, info.data.get("issued_on"), field="expires_on", start_field="issued_on"
        )
