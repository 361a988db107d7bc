"""When a contact is due a follow-up, and who has gone quiet longest among those who matter.

A cadence is "every N days since we last spoke". Only people the person is actively searching
with (marked ``in_search``, or working at a target company) get one by default, so importing a
5,000-person network does not turn ``career today`` into 5,000 reminders. Tags set the default
length: decision makers and hiring managers more often than peers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from careerceo.model.job_search_enums import Tag

TAG_CADENCE: dict[Tag, int] = {
    Tag.DECISION_MAKER: 30,
    Tag.HIRING_MANAGER: 30,
    Tag.REFERRER: 30,
    Tag.RECRUITER: 45,
    Tag.MENTOR: 60,
    Tag.FORMER_MANAGER: 60,
    Tag.FORMER_REPORT: 90,
    Tag.PEER: 90,
}
SEARCH_DEFAULT = 60  # someone in the search with no tag that says otherwise


def default_cadence(tags: Iterable[str]) -> int:
    """The shortest cadence any of the contact's tags asks for."""
    known = [TAG_CADENCE[Tag(t)] for t in tags if t in TAG_CADENCE]
    return min(known, default=SEARCH_DEFAULT)


def effective_cadence(
    cadence_days: int | None, tags: Iterable[str], *, in_search: bool, at_target: bool
) -> int | None:
    """The cadence in force: the person's own (0 means none), else the tag default for people
    in the search, else none."""
    if cadence_days is not None:
        return cadence_days or None
    if not (in_search or at_target):
        return None
    return default_cadence(tags)


@dataclass(frozen=True)
class ContactState:
    """What the due logic needs to know about one contact."""

    contact_id: int
    name: str
    cadence: int | None
    last_contact: date | None
    added_on: date
    snoozed_until: date | None = None
    retired: bool = False
    unreachable: bool = False


def follow_up_due(state: ContactState) -> date | None:
    """The next follow-up date, or None when no follow-up is planned.

    Never contacted: due from the day they were added (the first outreach). A snooze pushes
    the date out; retiring a contact, or having no way to reach them, takes them off the list.
    """
    if state.retired or state.unreachable or state.cadence is None:
        return None
    if state.last_contact is None:
        due = state.added_on
    else:
        due = state.last_contact + timedelta(days=state.cadence)
    if state.snoozed_until is not None and state.snoozed_until > due:
        due = state.snoozed_until
    return due


def due_follow_ups(states: Iterable[ContactState], today: date) -> list[tuple[date, ContactState]]:
    """Follow-ups due on or before ``today``, oldest first."""
    due = []
    for state in states:
        when = follow_up_due(state)
        if when is not None and when <= today:
            due.append((when, state))
    return sorted(due, key=lambda pair: (pair[0], pair[1].name.casefold(), pair[1].contact_id))


@dataclass(frozen=True)
class Quiet:
    """A contact not spoken to since ``last_contact`` (None: never), and why they rank."""

    contact_id: int
    name: str
    last_contact: date | None
    rank: int  # 0 decision maker at a target, 1 at a target, 2 in the search, 3 other
    reason: str


def quiet_since(today: date, months: int) -> date:
    """The day after which a conversation means someone has not gone quiet."""
    return today - timedelta(days=round(months * 30.44))


def quiet_contacts(
    rows: Sequence[tuple[int, str, date | None, Sequence[str], bool, bool]],
    today: date,
    months: int,
) -> list[Quiet]:
    """People not spoken to in ``months`` months: decision makers at target companies first.

    ``rows`` are (id, name, last contact, tags, at a target company, in the search).
    """
    cutoff = quiet_since(today, months)
    quiet = []
    for contact_id, name, last, tags, at_target, in_search in rows:
        if last is not None and last > cutoff:
            continue
        if at_target and Tag.DECISION_MAKER.value in tags:
            rank, reason = 0, "decision maker at a target company"
        elif at_target:
            rank, reason = 1, "works at a target company"
        elif in_search:
            rank, reason = 2, "part of your search"
        else:
            rank, reason = 3, "in your network"
        quiet.append(Quiet(contact_id, name, last, rank, reason))
    return sorted(
        quiet, key=lambda q: (q.rank, q.last_contact or date.min, q.name.casefold(), q.contact_id)
    )
