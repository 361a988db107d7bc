"""What a person types on the command line, read into the direction input models."""

from __future__ import annotations

import re
from datetime import date

from pydantic import ValidationError

from careerceo.errors import CareerError
from careerceo.model.direction import RATING_MAX, RATING_MIN, ActivityIn, read_progress

REF = re.compile(r"^(?:#|g|goal-?|m|milestone-?)?(\d+)$", re.IGNORECASE)


def parse_ref(text: str, what: str) -> int:
    match = REF.match(text.strip())
    if not match:
        raise CareerError(f"{text!r} is not a {what} number; use e.g. 3 (see career goals list)")
    return int(match.group(1))


def parse_date(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CareerError(f"{text!r} is not a date; write it as YYYY-MM-DD", field=field) from None


def parse_activity(text: str) -> ActivityIn:
    """``NAME:SHARE`` or ``NAME:SHARE:GOAL`` (the name may itself contain colons)."""
    parts = text.rsplit(":", 2)
    goal: int | None = None
    if len(parts) == 3 and parts[1].strip().isdigit():
        name, share, goal = parts[0], parts[1], parse_ref(parts[2], "goal")
    elif len(parts) >= 2 and parts[-1].strip().isdigit():
        name, share = text.rsplit(":", 1)
    else:
        raise CareerError(
            f"activity {text!r} needs a share: write NAME:PERCENT or NAME:PERCENT:GOAL, "
            'e.g. "Built ETL pipeline:60:1"',
            field="activity",
        )
    try:
        return ActivityIn(name=name.strip(), share=int(share.strip()), goal_id=goal)
    except ValidationError as exc:
        problem = exc.errors()[0]["msg"].removeprefix("Value error, ")
        raise CareerError(
            f"activity {text!r}: {problem} (the share is a percent of the month, 0-100)",
            field="activity",
        ) from None


def parse_pairs(items: list[str], what: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for item in items:
        if "=" not in item:
            raise CareerError(f"{item!r} must be {what.upper()}=VALUE, e.g. 1=4", field=what)
        key, value = item.split("=", 1)
        out[parse_ref(key, what)] = value.strip()
    return out


def parse_rating(goal_id: int, value: str) -> int:
    if not value.lstrip("-").isdigit():
        raise CareerError(
            f"rating for goal {goal_id} must be a number {RATING_MIN}-{RATING_MAX}, got {value!r}",
            field="rate",
        )
    return int(value)


def parse_progress(milestone_id: int, value: str) -> int:
    progress = read_progress(value)
    if progress is None:
        raise CareerError(
            f"progress for milestone {milestone_id} must be 0-100 or done, got {value!r}",
            field="milestone",
        )
    return progress
