"""``career today``: everything due or overdue, in one list ordered by date.

Items say what is due and on what it acts (a contact, an opportunity, a milestone, the
review); the shells turn that into a command or a link, so this module knows neither.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class DueKind(StrEnum):
    FOLLOW_UP = "follow-up"  # a contact's cadence came round
    NEXT_STEP = "next step"  # the next step written when an interaction was logged
    NEXT_ACTION = "next action"  # an opportunity's next action
    MILESTONE = "milestone"
    REVIEW = "review"


class Target(StrEnum):
    CONTACT = "contact"
    OPPORTUNITY = "opportunity"
    MILESTONE = "milestone"
    REVIEW = "review"


@dataclass(frozen=True)
class DueItem:
    due: date
    kind: DueKind
    title: str
    detail: str
    target: Target
    target_id: int | None = None  # the row acted on; None for the review
    month: str | None = None  # the review's month


_ORDER = {kind: index for index, kind in enumerate(DueKind)}


def agenda(items: Iterable[DueItem], today: date) -> list[DueItem]:
    """Items due on or before ``today``: oldest first, then by kind and title (stable)."""
    return sorted(
        (item for item in items if item.due <= today),
        key=lambda i: (i.due, _ORDER[i.kind], i.title.casefold(), i.target_id or 0),
    )


def overdue_days(item: DueItem, today: date) -> int:
    return (today - item.due).days
