"""One column's value in a backup: encoded to JSON on export, decoded and checked on import
(type, length, range, storable text), and which tables and references a backup covers."""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    SmallInteger,
    String,
    Table,
)
from sqlalchemy.types import TypeEngine

from careerceo.store.tables import Base

PERSON = "person"
PERSON_PRIVATE = {"id", "account_id"}
ROW_PRIVATE = {"id", "person_id"}


def owned_tables() -> list[Table]:
    """Every person-owned table, parents before children (the order rows are inserted in)."""
    return [
        table
        for table in Base.metadata.sorted_tables
        if "person_id" in table.c and table.name != PERSON
    ]


def person_table() -> Table:
    return Base.metadata.tables[PERSON]


def referenced_table(column: Column[Any]) -> Table | None:
    if column.name in ROW_PRIVATE or not column.foreign_keys:
        return None
    return next(iter(column.foreign_keys)).column.table


def reference_key(column: Column[Any]) -> str:
    base = column.name[:-3] if column.name.endswith("_id") else column.name
    return f"{base}_uid"


# -- values ---------------------------------------------------------------------------------


def encode_value(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(column.type, Float | Numeric) and not isinstance(value, float):
        return float(value)
    return value


class BadValue(Exception):
    """A value that does not fit its column; the message says what is expected."""


# What SQLite and PostgreSQL both store: PostgreSQL refuses NUL in text and in JSON, neither
# encodes a lone UTF-16 surrogate, INTEGER is 32 bits on PostgreSQL and BIGINT 64.
_INT_RANGE = {BigInteger: 2**63, SmallInteger: 2**15}
_INT32 = 2**31
_JSON_INT = 2**63
_UNSTORABLE_TEXT = re.compile(r"[\x00\ud800-\udfff]")


def _text_problem(text: str) -> str | None:
    found = _UNSTORABLE_TEXT.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return "holds a NUL character, which no database stores as text; remove it"
    return "holds an unpaired UTF-16 surrogate (not a character); remove it"


def _json_problem(value: Any, where: str, depth: int = 0) -> str | None:
    """Where a JSON value holds something that would not export and restore everywhere."""
    if isinstance(value, str):
        problem = _text_problem(value)
        return f"{where} {problem}" if problem else None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return None if -_JSON_INT <= value < _JSON_INT else f"{where} is a number out of range"
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{where} is not a finite number"
    if depth > 32:
        return f"{where} nests too deeply"
    if isinstance(value, dict):
        for key, item in value.items():
            problem = _json_problem(key, f"{where} key {key!r}", depth + 1) or _json_problem(
                item, f"{where}.{key}", depth + 1
            )
            if problem:
                return problem
        return None
    if isinstance(value, list):
        for index, item in enumerate(value):
            problem = _json_problem(item, f"{where}[{index}]", depth + 1)
            if problem:
                return problem
    return None


def json_shape(column: Column[Any]) -> type | None:
    """dict or list when the mapped attribute says so (``Mapped[dict[str, Any]]``)."""
    for mapper in Base.registry.mappers:
        if column.table is mapper.local_table:
            annotation = str(getattr(mapper.class_, "__annotations__", {}).get(column.name, ""))
            if annotation.startswith("Mapped[dict"):
                return dict
            if annotation.startswith("Mapped[list"):
                return list
    return None


def _day(text: str) -> date:
    """Only ``YYYY-MM-DD``, as the export writes it (``fromisoformat`` also reads 20240501)."""
    if len(text) != 10:
        raise ValueError(text)
    return date.fromisoformat(text)


def _bytes(text: str) -> bytes:
    return base64.b64decode(text, validate=True)  # its binascii.Error is a ValueError


# Column types a backup writes as text: how each is read back, and what to say when it cannot be.
_FROM_TEXT: tuple[tuple[type[TypeEngine[Any]], Callable[[str], Any], str], ...] = (
    (
        DateTime,
        datetime.fromisoformat,
        "must be a date-time such as 2024-05-01T09:30:00 (got {!r})",
    ),
    (Date, _day, "must be a date written YYYY-MM-DD (got {!r})"),
    (LargeBinary, _bytes, "must be base64-encoded bytes"),
)


def _from_text(value: Any, parse: Callable[[str], Any], problem: str) -> Any:
    if isinstance(value, str):
        try:
            return parse(value)
        except ValueError:
            pass
    raise BadValue(problem.format(value))


def decode_value(column: Column[Any], value: Any) -> Any:
    kind = column.type
    if isinstance(kind, JSON):
        # Any JSON (null included: the JSON type stores null as a value) of the shape the
        # code reads: a list where the app expects an object broke every page that used it.
        shape = json_shape(column)
        if value is not None and shape is not None and not isinstance(value, shape):
            expected = "an object {...}" if shape is dict else "a list [...]"
            raise BadValue(f"must be {expected} (got {type(value).__name__})")
        problem = _json_problem(value, "")
        if problem:
            raise BadValue(problem.strip())
        return value
    if value is None:
        if not column.nullable:
            raise BadValue("must not be null")
        return None
    for stored_as, parse, problem in _FROM_TEXT:
        if isinstance(kind, stored_as):
            return _from_text(value, parse, problem)
    if isinstance(kind, Boolean):
        if isinstance(value, bool):
            return value
        raise BadValue(f"must be true or false (got {value!r})")
    if isinstance(kind, Integer):
        if isinstance(value, int) and not isinstance(value, bool):
            bound = next((b for k, b in _INT_RANGE.items() if isinstance(kind, k)), _INT32)
            if not -bound <= value < bound:
                raise BadValue(f"is out of range (a whole number from {-bound} to {bound - 1})")
            return value
        raise BadValue(f"must be a whole number (got {value!r})")
    if isinstance(kind, Float | Numeric):
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value) if abs(value) < 1e300 else math.inf
            if not math.isfinite(number):
                raise BadValue("must be a finite number")
            return number
        raise BadValue(f"must be a number (got {value!r})")
    if isinstance(kind, String):  # includes Text
        if not isinstance(value, str):
            raise BadValue(f"must be text (got {type(value).__name__})")
        problem = _text_problem(value)
        if problem:
            raise BadValue(problem)
        if kind.length is not None and len(value) > kind.length:
            raise BadValue(f"is {len(value)} characters long, more than the {kind.length} allowed")
        return value
    return value


# -- export ---------------------------------------------------------------------------------
