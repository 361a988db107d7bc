"""Field rules the job-search models share: a calendar day, a yes/no, a list of words.

One rule in one place: the CLI, the web forms, the API and the importers all validate
through these, so "due must be a date written YYYY-MM-DD" reads the same everywhere.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from careerceo.model.common import invalid, plausible_date, text

_TRUE = {"1", "true", "yes", "on", "y"}
_FALSE = {"", "0", "false", "no", "off", "n"}


def day(value: Any, *, field: str) -> date | None:
    """A calendar day written YYYY-MM-DD; blank means none."""
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise invalid("date", f"{field} must be a date written YYYY-MM-DD")
    raw = value.strip()
    if not raw:
        return None
    try:
        parsed = date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise invalid(
            "date", f"{field} must be a date written YYYY-MM-DD (e.g. 2026-03-31), got {raw!r}"
        )
    return plausible_date(parsed, field=field)


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
