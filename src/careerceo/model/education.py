"""Education and certifications: the credentials a résumé lists."""

from __future__ import annotations

from typing import Annotated

from careerceo.model.common import InputModel, MonthOrDate, bounded_text, not_before

_FIX = "correct one of them"


class EducationInput(InputModel):
    institution: Annotated[str, bounded_text(200, required=True)]
    degree: Annotated[str, bounded_text(200)] = ""
    field: Annotated[str, bounded_text(200)] = ""
    start_date: MonthOrDate = None
    end_date: Annotated[MonthOrDate, not_before("start_date", hint=_FIX)] = None
    grade: Annotated[str, bounded_text(100)] = ""
    description: Annotated[str, bounded_text(20_000)] = ""


class CertificationInput(InputModel):
    name: Annotated[str, bounded_text(300, required=True)]
    issuer: Annotated[str, bounded_text(200)] = ""
    issued_on: MonthOrDate = None
    expires_on: Annotated[MonthOrDate, not_before("issued_on", hint=_FIX)] = None
    credential_id: Annotated[str, bounded_text(200)] = ""
    url: Annotated[str, bounded_text(500)] = ""
