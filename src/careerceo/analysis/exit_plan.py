"""Leaving well (pure): the default checklist, covenant flags, due dates and follow-ups.

Leave as if every day were your last day in the role: the checklist front-loads what is easy to
forget once gone (references while your work is fresh, contact details for the people you
want to keep), and relationships continue after the last day at the person's own cadence.

Covenants are what the person recorded from their contract. The app only notes which
relationships and handover items they may touch; it never interprets a clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

NOT_LEGAL_ADVICE = (
    "Noted from what you recorded, not legal advice: read the clause in your contract, and ask "
    "an employment lawyer if it matters."
)
CLOSED = frozenset({"done", "dropped"})
DEFAULT_CADENCE = 90

# (title, days relative to the last day); notice is added only when not yet given
CHECKLIST: tuple[tuple[str, int], ...] = (
    ("Ask for references while your work is fresh", -10),
    ("Finish the handover notes and walk your successor through them", -5),
    ("Send the colleagues you want to keep your personal contact details", -2),
    ("Return equipment, badges and documents; keep nothing confidential", 0),
    ("Say goodbye and thank you, in person or in writing", 0),
    ("Update your résumé and LinkedIn with the role's results", 7),
    ("Check final pay, unused leave, benefits and pension transfer", 30),
)
NOTICE = ("Give written notice to your manager and keep a copy", -28)

# which items a covenant type touches when the person links none explicitly
TOUCHES_BY_TYPE = {
    "non_solicit": frozenset({"relationship"}),
    "confidentiality": frozenset({"handover"}),
    "non_compete": frozenset(),
    "other": frozenset(),
}


def default_checklist(
    last_day: date, notice_given_on: date | None, today: date
) -> list[tuple[str, date]]:
    """The dated steps of a good exit; a date already past is moved to today."""
    steps = list(CHECKLIST)
    if notice_given_on is None:
        steps.insert(0, NOTICE)
    return [(title, max(today, last_day + timedelta(days=offset))) for title, offset in steps]


@dataclass(frozen=True)
class Item:
    """An exit item as the analysis sees it."""

    uid: str
    kind: str
    title: str
    status: str = "open"
    due_on: date | None = None
    cadence_days: int | None = None
    covenant_type: str | None = None
    touches: tuple[str, ...] = ()  # covenants: uids of the items they touch
    in_network: bool = False  # a relationship linked to a contact: the network follows up


@dataclass(frozen=True)
class Flag:
    item_uid: str
    covenant_uid: str
    message: str


def covenant_flags(items: Sequence[Item]) -> list[Flag]:
    """Which relationships and handover items each recorded covenant may touch.

    Explicit links (``touches``) win; a covenant without any is matched by its type: a
    non-solicit clause to relationships, a confidentiality clause to handover items."""
    flags: list[Flag] = []
    by_uid = {i.uid: i for i in items}
    for cov in items:
        if cov.kind != "covenant" or cov.status == "dropped":
            continue
        if cov.touches:
            touched = [by_uid[u] for u in cov.touches if u in by_uid]
        else:
            kinds = TOUCHES_BY_TYPE.get(cov.covenant_type or "other", frozenset())
            touched = [i for i in items if i.kind in kinds]
        label = (cov.covenant_type or "other").replace("_", "-")
        for item in touched:
            flags.append(
                Flag(
                    item.uid,
                    cov.uid,
                    f"may touch your {label} clause ('{cov.title}'). {NOT_LEGAL_ADVICE}",
                )
            )
    return flags


@dataclass(frozen=True)
class Due:
    """A dated thing to do, for `career today` and the calendar."""

    on: date
    title: str
    kind: str  # notice | last_day | checklist | handover | ... | follow_up
    uid: str


def next_follow_up(last_day: date, cadence_days: int, today: date) -> date:
    """The first keep-in-touch date on or after ``today``: last day + k x cadence, k >= 1."""
    first = last_day + timedelta(days=cadence_days)
    if first >= today:
        return first
    periods = -(-(today - first).days // cadence_days)  # ceiling division
    return first + timedelta(days=periods * cadence_days)


def due_items(
    *,
    plan_uid: str,
    last_day: date,
    notice_given_on: date | None,
    items: Sequence[Item],
    today: date,
) -> list[Due]:
    """Everything dated in the exit plan that is still open, soonest first."""
    out: list[Due] = []
    if last_day >= today:
        out.append(Due(last_day, "Last day in the role", "last_day", f"exit-{plan_uid}"))
    for item in items:
        if item.status in CLOSED or item.kind == "covenant":
            continue
        if item.kind == "relationship" and item.in_network:
            continue  # the network's follow-ups carry it on at the contact's cadence
        if item.kind == "relationship":
            cadence = item.cadence_days or DEFAULT_CADENCE
            when = next_follow_up(last_day, cadence, today)
            out.append(Due(when, f"Keep in touch: {item.title}", "follow_up", item.uid))
        elif item.due_on is not None:
            out.append(Due(item.due_on, item.title, item.kind, item.uid))
    return sorted(out, key=lambda d: (d.on, d.kind, d.title))


@dataclass(frozen=True)
class ExitSummary:
    last_day: date
    days_left: int
    open_items: int
    done_items: int
    overdue: int


def summary(last_day: date, items: Sequence[Item], today: date) -> ExitSummary:
    actionable = [i for i in items if i.kind != "covenant" and i.status != "dropped"]
    done = sum(1 for i in actionable if i.status == "done")
    overdue = sum(
        1
        for i in actionable
        if i.status not in CLOSED and i.due_on is not None and i.due_on < today
    )
    return ExitSummary(last_day, (last_day - today).days, len(actionable) - done, done, overdue)


def resignation_letter(
    *,
    name: str,
    title: str,
    employer: str,
    last_day: date,
    written_on: date,
    handover: Sequence[str] = (),
) -> str:
    """A short, gracious resignation letter from the person's own data.

    Only facts the app holds go in (name, role, employer, dates, handover items); what it does
    not know stays a bracketed blank for the person to fill, never a guess. No reason for
    leaving is given: a resignation letter need not explain, and a written reason can linger."""
    role = f"my position as {title}" if title else "my position"
    at = f" at {employer}" if employer else ""
    lines = [
        written_on.strftime("%d %B %Y").lstrip("0"),
        "",
        "Dear [manager's name],",
        "",
        f"Please accept this letter as formal notice of my resignation from {role}{at}. "
        f"My last day will be {last_day.strftime('%d %B %Y').lstrip('0')}.",
        "",
        "Thank you for the opportunities and the support I have had here. I am grateful for "
        "what I have learned and for the people I have worked with.",
        "",
    ]
    if handover:
        lines.append(
            "Before I leave I will make sure the handover is complete, including: "
            + "; ".join(handover)
            + ". Please let me know anything else you would like me to prepare."
        )
    else:
        lines.append(
            "Before I leave I will do everything I can to hand over my work well; please let "
            "me know what you would like me to prioritise."
        )
    lines += ["", "With best wishes,", "", name or "[your name]", ""]
    return "\n".join(lines)
