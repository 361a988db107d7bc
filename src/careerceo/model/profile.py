"""The person's own profile: who they are, as a résumé header would say it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from careerceo.model.common import InputModel, email, occupation_code, text

_LIMITS = {
    "full_name": 200,
    "headline": 300,
    "summary": 20_000,
    "phone": 50,
    "location": 200,
    "website": 500,
    "linkedin_url": 500,
}
PROFILE_FIELDS = (*_LIMITS, "email", "occupation_code")


class ProfileInput(InputModel):
    full_name: str = ""
    headline: str = ""
    summary: str = ""
    email: str = ""
    phone: str = ""
    location: str = ""
    website: str = ""
    linkedin_url: str = ""
    occupation_code: str | None = None

    @field_validator(*_LIMITS, mode="before")
    @classmethod
    def _text(cls, value: Any, info: ValidationInfo) -> str:
        name = str(info.field_name)
        return text(value, field=name, max_length=_LIMITS[name])

    @field_validator("email", mode="before")
    @classmethod
    def _email(cls, value: Any) -> str:
        return email(value)

    @field_validator("occupation_code", mode="before")
    @classmethod
    def _code(cls, value: Any) -> str | None:
        return occupation_code(value)


class ProfileOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    uid: str
    full_name: str
    headline: str
    summary: str
    email: str
    phone: str
    location: str
    website: str
    linkedin_url: str
    occupation_code: str | None
    created_at: datetime
    updated_at: datetime
