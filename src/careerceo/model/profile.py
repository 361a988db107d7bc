"""The person's own profile: who they are, as a résumé header would say it."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from careerceo.model.common import (
    EmailAddress,
    InputModel,
    OccupationCode,
    UtcDateTime,
    invalid,
    text,
)

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
_PHONE = re.compile(r"^\+?[0-9 ().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?$", re.IGNORECASE)
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)+$")


def web_address(value: str, *, field: str) -> str:
    """An http(s) address; a bare ``example.org/me`` gets ``https://`` in front.

    Anything else (``javascript:``, ``file:``, words) is refused: the address becomes a link.
    """
    if not value:
        return value
    candidate = value if "://" in value else f"https://{value}"
    parts = urlsplit(candidate)
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in {"http", "https"} or " " in value or not _HOST.match(host):
        raise invalid(
            "url", f"{field} must be a web address such as https://example.org, got {value!r}"
        )
    return candidate


class ProfileInput(InputModel):
    full_name: str = ""
    headline: str = ""
    summary: str = ""
    email: EmailAddress = ""
    phone: str = ""
    location: str = ""
    website: str = ""
    linkedin_url: str = ""
    occupation_code: OccupationCode = None

    @field_validator(*_LIMITS, mode="before")
    @classmethod
    def _text(cls, value: Any, info: ValidationInfo) -> str:
        name = str(info.field_name)
        return text(value, field=name, max_length=_LIMITS[name])

    @field_validator("website", "linkedin_url")
    @classmethod
    def _url(cls, value: str, info: ValidationInfo) -> str:
        return web_address(value, field=str(info.field_name))

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        if value and (not _PHONE.match(value) or sum(c.isdigit() for c in value) < 3):
            raise invalid(
                "phone", f"phone must be a phone number such as +44 20 7946 0958, got {value!r}"
            )
        return value


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
    created_at: UtcDateTime
    updated_at: UtcDateTime
