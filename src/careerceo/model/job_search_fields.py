"""Field rules the job-search models share: a yes/no, a list of words, an amount.

One rule in one place: the CLI, the web forms, the API and the importers all validate
through these (and ``common``), so "source must be one of: ..." reads the same everywhere.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from careerceo.model.common import invalid, text

_TRUE = {"1", "true", "yes", "on", "y"}
_FALSE = {"", "0", "false", "no", "off", "n"}


def flag(value: Any, *, field: str) -> bool:
    """A yes/no from JSON (true), a form checkbox ("on") or the CLI ("yes")."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise invalid("flag", f"{field} must be yes or no (got {value!r})")


def word_of(value: Any, kind: type[StrEnum], *, field: str, blank: bool = False) -> str:
    """One word of ``kind``; "decision_maker" and "Decision-Maker" read as "decision maker"."""
    if (value is None or (isinstance(value, str) and not value.strip())) and blank:
        return ""
    if isinstance(value, str):
        word = " ".join(value.replace("_", " ").replace("-", " ").split()).lower()
        for member in kind:
            if member.value == word or member.name.lower().replace("_", " ") == word:
                return member.value
    options = ", ".join(m.value for m in kind)
    raise invalid("choice", f"{field} must be one of: {options} (got {value!r})")


def words_of(value: Any, kind: type[StrEnum], *, field: str) -> list[str]:
    """Several words of ``kind``, as a list or one comma-separated string; repeats dropped."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise invalid("list", f"{field} must be a list or comma-separated words")
    result: list[str] = []
    for item in items:
        if isinstance(item, str) and not item.strip():
            continue
        word = word_of(item, kind, field=field)
        if word not in result:
            result.append(word)
    return result


def url(value: Any, *, field: str) -> str:
    result = text(value, field=field, max_length=1000)
    if result and not result.lower().startswith(("http://", "https://")):
        raise invalid("url", f"{field} must start with https:// or http:// (got {result!r})")
    return result


def money(value: Any, *, field: str) -> float | None:
    """An amount such as 120000, "120,000" or "120k"; blank means none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise invalid("number", f"{field} must be an amount such as 120000")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        raw = value.strip().replace(",", "").replace(" ", "").lstrip("$€£")
        scale = 1000.0 if raw.lower().endswith("k") else 1.0
        raw = raw[:-1] if scale > 1 else raw
        try:
            number = float(raw) * scale
        except ValueError:
            raise invalid(
                "number", f"{field} must be an amount such as 120000 or 120k (got {value!r})"
            ) from None
    else:
        raise invalid("number", f"{field} must be an amount such as 120000")
    if not 0 <= number < 1e12:
        raise invalid("number", f"{field} must be zero or more")
    return number


CRITERION = re.compile(r"^[a-z][a-z0-9 _-]{0,39}$")


def criterion_name(raw: str, *, field: str) -> str:
    """A criterion such as "growth" or "commute time": lower case, up to 40 characters."""
    name = " ".join(str(raw).replace("_", " ").split()).lower()
    if not CRITERION.match(name):
        raise invalid(
            "criterion",
            f"{field}: {raw!r} is not a criterion name; use a word or two such as growth, "
            "team or commute",
        )
    return name


def ratings(value: Any) -> dict[str, int]:
    """Ratings from 1 to 5 by criterion: a mapping, or text like "growth=4, team=5"."""
    if value is None or value == "":
        return {}
    if isinstance(value, str):
        pairs: list[tuple[str, Any]] = []
        for piece in value.split(","):
            if not piece.strip():
                continue
            name, sep, number = piece.partition("=")
            if not sep:
                raise invalid(
                    "rating", f"{piece.strip()!r} needs the form criterion=1..5, e.g. growth=4"
                )
            pairs.append((name, number.strip()))
    elif isinstance(value, dict):
        pairs = list(value.items())
    else:
        raise invalid("rating", "ratings must be criterion=1..5 pairs, e.g. growth=4, team=5")
    if len(pairs) > 20:
        raise invalid("rating", "at most 20 rated criteria per offer")
    found: dict[str, int] = {}
    for name, number in pairs:
        key = criterion_name(name, field="criterion")
        if key == "pay":
            raise invalid("rating", "pay is computed from base and bonus, not rated")
        try:
            rating = int(str(number))
        except ValueError:
            rating = 0
        if not 1 <= rating <= 5 or isinstance(number, bool):
            raise invalid("rating", f"{key} must be rated 1 to 5 (got {number!r})")
        found[key] = rating
    return found
