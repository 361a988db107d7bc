"""Validation shared by every input model, and the bridge from pydantic to ``CareerError``.

Messages are written for the person typing, not for a developer: they name what is accepted,
so the shells can show them verbatim next to the field (web), as one line (CLI) or in a JSON
detail (API).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError

from careerceo.errors import CareerError

OCCUPATION_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
_SHORT_CODE = re.compile(r"\d{2}-\d{4}")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

M = TypeVar("M", bound=BaseModel)


def _as_utc(value: datetime) -> datetime:
    """Stamps are stored as naive UTC (``store.tables.utcnow``); saying so on the way out makes
    them valid RFC 3339 date-times in the API, the same on SQLite and PostgreSQL."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UtcDateTime = Annotated[datetime, AfterValidator(_as_utc)]


class InputModel(BaseModel):
    """Strict about unknown fields so a typo in a field name is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def invalid(code: str, message: str) -> PydanticCustomError:
    """A validation error whose message is shown as-is (no "Value error," prefix)."""
    return PydanticCustomError(code, message)


UNPAIRED_SURROGATE = (
    "{field} contains an unpaired UTF-16 surrogate (such as \\ud800), which is not a "
    "character; retype the text or send it as valid UTF-8"
)


def storable(value: str) -> bool:
    """False for text no database can store: lone surrogates (a JSON ``"\\ud800"`` or an
    undecodable byte in a command-line argument) have no UTF-8 encoding."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text(value: Any, *, field: str, max_length: int, required: bool = False) -> str:
    """Free text: ``None`` becomes empty, surrounding space is dropped, length is bounded."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise invalid("text", f"must be text, not {type(value).__name__}")
    result: str = value.strip()
    if "\x00" in result:
        raise invalid(
            "binary", f"{field or 'the text'} contains a NUL byte; type or paste plain text"
        )
    if not storable(result):
        raise invalid("binary", UNPAIRED_SURROGATE.format(field=field or "the text"))
    if required and not result:
        raise invalid("required", f"{field} is required; give a non-blank value")
    if len(result) > max_length:
        raise invalid(
            "too_long", f"is {len(result)} characters long; shorten it to at most {max_length}"
        )
    return result


def optional_text(value: Any, *, max_length: int) -> str | None:
    """Optional short text: blank means "not set"."""
    result = text(value, field="", max_length=max_length)
    return result or None


def choice(value: Any, options: tuple[str, ...], *, field: str) -> str:
    """One of a few words, case-insensitively."""
    word = value.strip().lower() if isinstance(value, str) else value
    if word not in options:
        listed = ", ".join(options[:-1]) + f" or {options[-1]}" if len(options) > 1 else options[0]
        raise invalid("choice", f"{field} must be {listed} (got {value!r})")
    return str(word)


def blank(value: Any) -> bool:
    """None or only white space: a form field left empty, an option not given."""
    return value is None or (isinstance(value, str) and not value.strip())


def occupation_code(value: Any, *, short: bool = False) -> str | None:
    """An O*NET-SOC code such as ``15-1252.00``; blank means none. ``short``: ``15-1252`` is
    read as ``15-1252.00``, as the knowledge base reads it."""
    if blank(value):
        return None
    if short and isinstance(value, str) and _SHORT_CODE.fullmatch(value.strip()):
        value = f"{value.strip()}.00"
    if not isinstance(value, str) or not OCCUPATION_CODE.match(value.strip()):
        raise invalid(
            "occupation_code",
            f"occupation_code must look like 15-1252.00 (an O*NET-SOC code), got {value!r}",
        )
    code: str = value.strip()
    return code


def email(value: Any) -> str:
    result = text(value, field="email", max_length=320)
    if result and not _EMAIL.match(result):
        raise invalid("email", f"email must look like name@example.org, got {result!r}")
    return result


def _calendar_date(value: Any, *, field: str, months: bool) -> date | None:
    """The one reading of a date field; ``months``: ``YYYY-MM`` is taken as its first day."""
    written = "YYYY-MM or YYYY-MM-DD" if months else "YYYY-MM-DD"
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise invalid("date", f"{field} must be a date written {written}")
    raw = value.strip()
    if not raw:
        return None
    parsed: date | None = None
    try:
        month = _MONTH.match(raw) if months else None
        if month:
            parsed = date(int(month.group(1)), int(month.group(2)), 1)
        elif len(raw) == 10:
            parsed = date.fromisoformat(raw)
    except ValueError:
        pass
    if parsed is None:
        example = "2021-03" if months else "2026-03-31"
        raise invalid(
            "date", f"{field} must be a date written {written} (e.g. {example}), got {raw!r}"
        )
    return plausible_date(parsed, field=field)


def month_or_date(value: Any, *, field: str) -> date | None:
    """``YYYY-MM`` (read as the first of that month) or ``YYYY-MM-DD``; blank means none."""
    return _calendar_date(value, field=field, months=True)


def day(value: Any, *, field: str) -> date | None:
    """A calendar day written YYYY-MM-DD (a month is not a day); blank means none."""
    return _calendar_date(value, field=field, months=False)


EARLIEST_YEAR = 1900
YEARS_AHEAD = 10


def plausible_date(value: date, *, field: str) -> date:
    """Within a working life: a typo such as 0201 or 9021 is refused, not stored."""
    latest = date.today().year + YEARS_AHEAD
    if not EARLIEST_YEAR <= value.year <= latest:
        raise invalid(
            "date",
            f"{field} {value.isoformat()} is out of range; use a year from {EARLIEST_YEAR} "
            f"to {latest}",
        )
    return value


def whole_number(value: Any, *, low: int, high: int, message: str) -> int:
    """An integer in a closed range; numeric strings from forms and the CLI are accepted."""
    if isinstance(value, bool):
        raise invalid("number", message)
    if isinstance(value, str):
        value = value.strip()
        if not re.fullmatch(r"[+-]?\d+", value):
            raise invalid("number", message)
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or not low <= value <= high:
        raise invalid("number", message)
    return value


def optional_number(value: Any, *, low: int, high: int, message: str) -> int | None:
    """``whole_number``, or None when the field is left blank."""
    return None if blank(value) else whole_number(value, low=low, high=high, message=message)


ROW_ID_MAX = 2**31 - 1  # ids are INTEGER columns: 32 bits on PostgreSQL


def row_id(value: Any, *, field: str, message: str | None = None) -> int | None:
    """A row's id as the person gives it (``12``, ``"12"``); blank means none."""
    return optional_number(
        value, low=1, high=ROW_ID_MAX, message=message or f"{field} must be a row id"
    )


class InputError(CareerError):
    """Refused input; ``errors`` maps every offending field to its message (forms show all)."""

    def __init__(self, errors: dict[str, str]) -> None:
        field, message = next(iter(errors.items()))
        super().__init__(message, field=field)
        self.errors = errors


def _message(error: Mapping[str, Any], field: str) -> str:
    kind = error.get("type")
    if kind == "extra_forbidden":
        return f"{field} is not a field that can be set here; check its spelling"
    if kind == "missing":
        return f"{field} is required"
    return str(error.get("msg", "invalid value"))


def input_error(exc: ValidationError) -> InputError:
    errors: dict[str, str] = {}
    for error in exc.errors():
        field = ".".join(str(part) for part in error.get("loc", ())) or "value"
        errors.setdefault(field, _message(error, field))
    return InputError(errors)


def validate(model: type[M], data: Mapping[str, Any]) -> M:
    """Build ``model`` from raw shell input, raising ``InputError`` (a ``CareerError``)."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        raise input_error(exc) from None


def bounded_text(
    max_length: int, *, required: bool = False, label: str | None = None
) -> BeforeValidator:
    """A text field's rule (``text``: trimmed, storable, at most ``max_length``) as an
    annotation, so a model states it once on the field instead of in a validator method of
    its own: ``name: Annotated[str, bounded_text(200, required=True)]``. The message names
    ``label``, else the field."""

    def check(value: Any, info: ValidationInfo) -> str:
        where = label or str(info.field_name)
        return text(value, field=where, max_length=max_length, required=required)

    return BeforeValidator(check)


def rule(check: Callable[..., Any], *, label: str | None = None, **options: Any) -> BeforeValidator:
    """Any field rule ``check(value, field=..., **options)`` as an annotation, so a model
    states each field's rule once on the field, not in a validator method of its own:
    ``stage: Annotated[str, rule(word_of, kind=Stage)]``. Messages name ``label``, else the
    field."""

    def run(value: Any, info: ValidationInfo) -> Any:
        return check(value, field=label or str(info.field_name), **options)

    return BeforeValidator(run)


def number_in(low: int, high: int, message: str, *, optional: bool = False) -> BeforeValidator:
    """A whole number from ``low`` to ``high`` (``whole_number``) as an annotation;
    ``optional``: blank means none (``optional_number``)."""
    check = optional_number if optional else whole_number
    return BeforeValidator(lambda value: check(value, low=low, high=high, message=message))


def not_before(start_field: str, *, hint: str) -> AfterValidator:
    """An end's rule, as an annotation: not before ``start_field`` (a field declared earlier
    in the model, so already checked). The message names both and ``hint`` says what to do:
    ``end_date: Annotated[MonthOrDate, not_before("start_date", hint="fix one of them")]``."""

    def check(value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get(start_field)
        if value is not None and isinstance(start, date) and value < start:
            raise invalid(
                "date_order",
                f"{info.field_name} ({value.isoformat()}) is before {start_field} "
                f"({start.isoformat()}); {hint}",
            )
        return value

    return AfterValidator(check)


def short_text(max_length: int) -> BeforeValidator:
    """Optional short text (``optional_text``: blank means not set) as an annotation."""
    return BeforeValidator(lambda value: optional_text(value, max_length=max_length))


# An O*NET-SOC code such as 15-1252.00, or None when left blank.
OccupationCode = Annotated[str | None, BeforeValidator(occupation_code)]
# The same, where ``15-1252`` may be typed for ``15-1252.00``.
LooseOccupationCode = Annotated[
    str | None, BeforeValidator(lambda value: occupation_code(value, short=True))
]
# An e-mail address (``email``), or "" when left blank.
EmailAddress = Annotated[str, BeforeValidator(email)]


def _month_or_date(value: Any, info: ValidationInfo) -> date | None:
    return month_or_date(value, field=str(info.field_name))


# A date field that also takes a month (``2021-03``), named in its messages.
MonthOrDate = Annotated[date | None, BeforeValidator(_month_or_date)]
