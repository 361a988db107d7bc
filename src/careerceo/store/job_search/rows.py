"""The plain rows the job-search lists read: only the columns a page or ``career today``
shows, joined in one query, so thousands of contacts cost a fraction of loaded entities."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

CHUNK = 500  # ids per IN-list: below every driver's bound-parameter limit


@dataclass(frozen=True)
class FollowedContact:
    """The columns the follow-up logic reads. ``career today`` looks at every followed
    contact (thousands after an import); plain rows cost a fraction of loaded entities."""

    id: int
    name: str
    company_id: int | None
    tags: list[Any]
    cadence_days: int | None
    in_search: bool
    created_at: datetime
    snoozed_until: date | None
    retired: bool
    unreachable: bool
    last_contact: date | None
    company: str | None


@dataclass(frozen=True)
class NextStepRow:
    """An open next step agreed in an interaction, with the contact's name."""

    contact_id: int
    contact: str
    next_step: str
    follow_up_on: date
    happened_on: date
    channel: str


@dataclass(frozen=True)
class DueActionRow:
    """An opportunity's next action that is due, with the company's name."""

    id: int
    title: str
    stage: str
    next_action: str
    next_action_due: date
    company: str | None


@dataclass(frozen=True)
class NetworkRow:
    """A reachable contact as the "who haven't I talked to" list ranks them."""

    id: int
    name: str
    tags: list[Any]
    company_id: int | None
    company: str | None
    in_search: bool
    last_contact: date | None


@dataclass(frozen=True)
class StageRow:
    """An opportunity as the pipeline statistics see it."""

    id: int
    stage: str
    source: str
    created_at: datetime
