"""Education and certifications: the credentials a résumé lists."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationInfo, field_validator

from careerceo.model.common import InputModel, invalid, month_or_date, text


def _after(value: date | None, start: Any, *, field: str, start_field: str) -> date | None:
    if value is not None and isinstance(start, date) and value < start:
        raise invalid(
            "date_order",
            f"{field} ({value.isoformat()}) is before {start_field} ({start.isoformat()}); "
            "correct one of them",
        )
    return value


class EducationInput(InputModel):
    institution: str
    degree: str = ""
    field: str = ""
    start_date: date | None = None
    end_date: date | None = None
    grade: str = ""
    description: str = ""

    @field_validator("institution", mode="before")
    @classmethod
    def _institution(cls, value: Any) -> str:
        return text(value, field="institution", max_length=200, required=True)

    @field_validator("degree", "field", mode="before")
    @classmethod
    def _short(cls, value: Any, info: ValidationInfo) -> str:
        return text(value, field=str(info.field_name), max_length=200)

    @field_validator("grade", mode="before")
    @classmethod
    def _grade(cls, value: Any) -> str:
        return text(value, field="grade", max_length=100)

    @field_validator("description", mode="before")
    @classmethod
    def _description(cls, value: Any) -> str:
        return text(value, field="description", max_length=20_000)

    @field_validator("start_date", "end_date", mode="before")
    @classmethod
    def _dates(cls, value: Any, info: ValidationInfo) -> date | None:
        return month_or_date(value, field=str(info.field_name))

    @field_validator("end_date")
    @classmethod
    def _order(cls, value: date | None, info: ValidationInfo) -> date | None:
        return _after(
            value, info.data.get("start_date"), field="end_date", start_field="start_date"
        )


class CertificationInput(InputModel):
    name: str
    issuer: str = ""
    issued_on: date | None = None
    expires_on: date | None = None
    credential_id: str = ""
    url: str = ""

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        return text(value, field="name", max_length=300, required=True)

    @field_validator("issuer", "credential_id", mode="before")
    @classmethod
    def _short(cls, value: Any, info: ValidationInfo) -> str:
        return text(value, field=str(info.field_name), max_length=200)

    @field_validator("url", mode="before")
    @classmethod
    def _url(cls, value: Any) -> str:
        return text(value, field="url", max_length=500)

    @field_validator("issued_on", "expires_on", mode="before")
    @classmethod
    def _dates(cls, value: Any, info: ValidationInfo) -> date | None:
        return month_or_date(value, field=str(info.field_name))

    @field_validator("expires_on")
    @classmethod
    def _order(cls, value: date | None, info: ValidationInfo) -> date | None:
        return _after(
            value, info.data.get("issued_on"), field="expires_on", start_field="issued_on"
        )
