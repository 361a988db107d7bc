"""Calendar months as ``YYYY-MM`` strings: the unit the monthly review is kept in.

Strings rather than dates because a review belongs to a month, not to a day, and the same
string is what the database stores and what a person types.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def is_month(text: str) -> bool:
    return bool(MONTH_RE.match(text))


def parse_month(text: str) -> tuple[int, int]:
    match = MONTH_RE.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a month; write it as YYYY-MM, e.g. 2026-11")
    return int(match.group(1)), int(match.group(2))


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def add_months(month: str, n: int) -> str:
    year, mon = parse_month(month)
    index = year * 12 + (mon - 1) + n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` inclusive (empty when ``last`` is earlier)."""
    out: list[str] = []
    current = first
    while current <= last:
        out.append(current)
        current = add_months(current, 1)
    return out


def first_day(month: str) -> date:
    year, mon = parse_month(month)
    return date(year, mon, 1)


def last_day(month: str) -> date:
    year, mon = parse_month(month)
    return date(year, mon, calendar.monthrange(year, mon)[1])
