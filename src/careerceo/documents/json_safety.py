"""Reading JSON that a person (or an attacker) handed us, with limits checked first.

``json.loads`` recurses once per nesting level and turns any run of digits into an int, so a
file of 100,000 ``[`` or a 5,000-digit number ends in a RecursionError or a ValueError deep in
the parser instead of a message. The nesting depth is measured with one linear pass before
parsing, numbers longer than any real résumé or backup holds are refused as they are read,
and NaN/Infinity (not JSON, and PostgreSQL cannot store them in a JSON column) are refused.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from careerceo.errors import CareerError

MAX_DEPTH = 64  # a backup nests 4 levels, a JSON Resume 5; 64 leaves room for extra fields
MAX_NUMBER_CHARS = 40  # a 64-bit integer has 20 digits, a double prints in at most 24

# A JSON string (escapes included) or one bracket: strings are skipped so brackets inside
# them do not count. Linear: a string is consumed in one step per character, never retried.
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*+"|[\[\]{}]', re.DOTALL)


def nesting_depth(text: str) -> int:
    """The deepest bracket nesting of ``text`` (0 for a scalar); stops counting past the limit."""
    depth = deepest = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    return deepest
        elif token in "]}":
            depth -= 1
    return deepest


def loads_limited(text: str, *, name: str, field: str = "file") -> Any:
    """``json.loads`` that answers every hostile input with a ``CareerError`` naming ``name``."""

    def _refuse(name: str, problem: str) -> CareerError:
        return CareerError(f"{name} {problem}; nothing was imported", field=field)

    if nesting_depth(text) > MAX_DEPTH:
        raise _refuse(
            name, f"nests objects or lists more than {MAX_DEPTH} levels deep (not a real file)"
        )

    def number(literal: str, convert: type[int] | type[float]) -> int | float:
        if len(literal) > MAX_NUMBER_CHARS:
            raise _refuse(
                name,
                f"holds a number {len(literal)} characters long; numbers of more than "
                f"{MAX_NUMBER_CHARS} characters are refused",
            )
        value = convert(literal)
        if isinstance(value, float) and not math.isfinite(value):
            raise _refuse(name, f"holds {literal}, a number too large to store; remove it")
        return value

    def constant(literal: str) -> float:
        raise _refuse(name, f"holds {literal}, which is not a JSON number; remove it")

    try:
        return json.loads(
            text,
            parse_int=lambda s: number(s, int),
            parse_float=lambda s: number(s, float),
            parse_constant=constant,
        )
    except json.JSONDecodeError as exc:
        raise _refuse(
            name, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:  # the depth check makes this unreachable; kept as the last net
        raise _refuse(name, "nests too deeply to read") from None


_UNSTORABLE = re.compile(r"[\ud800-\udfff\x00]")


def storable_text(text: str) -> str:
    """``text`` as every database and terminal can hold it: unpaired UTF-16 surrogates (which
    JSON's ``\\ud800`` escapes produce) become U+FFFD, NUL characters are dropped."""
    if not _UNSTORABLE.search(text):
        return text
    without_nul = text.replace("\x00", "")
    return without_nul.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def storable(value: Any) -> Any:
    """Every string inside ``value`` (dicts, lists, keys too) made ``storable_text``."""
    if isinstance(value, str):
        return storable_text(value)
    if isinstance(value, dict):
        return {storable(key): storable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [storable(item) for item in value]
    return value
