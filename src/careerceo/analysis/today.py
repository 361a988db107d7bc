"""``career today``: everything due or overdue, in one list ordered by date.

Items say what is due and on what it acts (a contact, an opportunity, a milestone, the
review), and so what to do about it (an ``Action``); the shells turn that into a command or a
link, so this module knows neither.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from careerceo.actions import Action, ActionKind


class DueKind(StrEnum):
    FOLLOW_UP = "follow-up"  # a contact's cadence came round
    NEXT_STEP = "next step"  # the next step written when an interaction was logged
    NEXT_ACTION = "next action"  # an opportunity's next action
    MILESTONE = "milestone"
    REVIEW = "review"
    INTERVIEW = "interview"  # an interview round, or its thank-you note
    EXIT = "exit"  # a dated step of the exit plan, or a keep-in-touch date after leaving


class Target(StrEnum):
    CONTACT = "contact"
    OPPORTUNITY = "opportunity"
    MILESTONE = "milestone"
    REVIEW = "review"
    ROUND = "round"
    EXIT = "exit"


@dataclass(frozen=True)
class DueItem:
    due: date
    kind: DueKind
    title: str
    detail: str
    target: Target
    target_id: int | None = None  # the row acted on; None for the review
    month: str | None = None  # the review's month


_DOES = {
    Target.CONTACT: ActionKind.CONTACT_LOG,  # a follow-up or a next step: talk to them
    Target.OPPORTUNITY: ActionKind.OPPORTUNITY,
    Target.MILESTONE: ActionKind.MILESTONE_DONE,
    Target.REVIEW: ActionKind.REVIEW,
    Target.ROUND: ActionKind.INTERVIEW_PREP,
    Target.EXIT: ActionKind.EXIT,
}


def action_for(target: Target, target_id: int | None, month: str | None) -> Action:
    """What to do about an item on ``target``: the one rule both shells read (only the
    review is about a month)."""
    return Action(_DOES[target], month=month if target is Target.REVIEW else None, id=target_id)


_ORDER = {kind: index for index, kind in enumerate(DueKind)}


def agenda(items: Iterable[DueItem], today: date) -> list[DueItem]:
    """Items due on or before ``today``: oldest first, then by kind and title (stable)."""
    return sorted(
        (item for item in items if item.due <= today),
        key=lambda i: (i.due, _ORDER[i.kind], i.title.casefold(), i.target_id or 0),
    )


def overdue_days(item: DueItem, today: date) -> int:
    return (today - item.due).days
