"""Résumé date phrases to partial ISO strings ("2019", "2019-03", "2019-03-01").

Résumés write dates every way there is: "Jan 2019", "January 2019", "03/2017", "2015",
"2019-03", "Present". Keeping the precision that was written means an export shows the same
thing the person typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
CURRENT = {"present", "current", "now", "today", "ongoing", "date", "till date", "to date"}

MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
ONE_DATE = (
    rf"(?:{MONTH_NAME}\s*,?\s*(?:19|20)\d\d|\d{{1,2}}\s*[/.-]\s*(?:19|20)\d\d|"
    r"(?:19|20)\d\d\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{1,2})?|(?:19|20)\d\d)"
)
END_DATE = rf"(?:{ONE_DATE}|present|current|now|today|ongoing|till date|to date)"
RANGE = re.compile(
    rf"(?P<start>{ONE_DATE})\s*(?:-|\u2013|—|to|until|till|through|~)\s*(?P<end>{END_DATE})",
    re.IGNORECASE,
)
SINGLE = re.compile(ONE_DATE, re.IGNORECASE)


def parse_date(text: str) -> str:
    """One date phrase to a partial ISO string; "" when it is "present" or not a date."""
    value = text.strip().lower().rstrip(".")
    if not value or value in CURRENT:
        return ""
    m = re.fullmatch(r"((?:19|20)\d\d)(?:\s*[/-]\s*(\d{1,2}))?(?:\s*[/-]\s*(\d{1,2}))?", value)
    if m:
        year, month, day = m.group(1), m.group(2), m.group(3)
        if month and 1 <= int(month) <= 12:
            if day and 1 <= int(day) <= 31:
                return f"{year}-{int(month):02d}-{int(day):02d}"
            return f"{year}-{int(month):02d}"
        return year
    m = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)", value)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)?\d\d)", value)
    if m:  # US month/day/year as LinkedIn 2018 writes it ("1/8/18")
        year = m.group(3) if len(m.group(3)) == 4 else f"20{m.group(3)}"
        if 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
            return f"{year}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    m = re.fullmatch(r"(?:(\d{1,2})[\s-]+)?([a-z]+)\.?[\s,/-]*((?:19|20)\d\d)", value)
    if m and re.fullmatch(MONTH_NAME, m.group(2)):
        month_number = MONTHS.get(m.group(2)[:3], 0)
        if month_number:
            if m.group(1):
                return f"{m.group(3)}-{month_number:02d}-{int(m.group(1)):02d}"
            return f"{m.group(3)}-{month_number:02d}"
    return ""


def find_range(text: str) -> tuple[str, str, tuple[int, int]] | None:
    """The first "start \u2013 end" range in a line, with its span; end "" means current."""
    m = RANGE.search(text)
    if not m:
        return None
    start = parse_date(m.group("start"))
    if not start:
        return None
    return start, parse_date(m.group("end")), m.span()


def to_date(value: str) -> date | None:
    """A partial ISO string to the first day it can mean (for the date columns)."""
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2][:2]) if len(parts) > 2 else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def from_date(value: date | None, precision: str = "day") -> str:
    if value is None:
        return ""
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def precision_of(value: str) -> str:
    return {1: "year", 2: "month"}.get(len(value.split("-")), "day") if value else "day"


def human(value: str) -> str:
    """ "2019-03" -> "Mar 2019" for rendered résumés."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    try:
        return f"{names[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return value


def strptime_first(text: str, formats: Iterable[str]) -> date:
    """``text`` read by the first of ``formats`` that fits (an export's date column, whose
    layout depends on the tool and the year it was written); ValueError when none does."""
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)
