"""What an action (``careerceo.actions``) is in a terminal: a command.

An action is the command of its own name (``review-history`` is ``career review history``)
unless it is listed here, mostly because the command that shows a list ends in ``list``. An
action about one row (``id``) is the command that does it to that row; without an id, the list.
"""

from __future__ import annotations

from careerceo.actions import Action, ActionKind

LISTED = {ActionKind.GOALS, ActionKind.POSITIONS, ActionKind.INVENTORY}  # ``career goals list``
NAMED = {
    ActionKind.MILESTONES: "goals milestone list",
    ActionKind.RESUME_IMPORT: "resume import FILE",
    ActionKind.OCCUPATIONS: "occupations search",
    ActionKind.PIVOTS: "pivot",
    ActionKind.WINS: "win",
    ActionKind.TAILOR: "resume tailor",
    ActionKind.PIPELINE: "opportunities list",
    ActionKind.COMPANIES: "companies list",
    ActionKind.CONTACTS: "contacts list",
    ActionKind.PATHS: "paths list",
    ActionKind.PLANS: "plan306090 list",
    ActionKind.EXIT: "exit show",
    ActionKind.EXIT_START: "exit new --last-day YYYY-MM-DD",
    ActionKind.OFFER_PREP: "offer list",
    ActionKind.CONTACT_LOG: "contacts list",
    ActionKind.OPPORTUNITY: "opportunities list",
    ActionKind.MILESTONE_DONE: "goals milestone list",
    ActionKind.INTERVIEW_PREP: "interview rounds",
}
ON_ROW = {
    ActionKind.CONTACT_LOG: "contacts log {id} --channel email --summary '...'",
    ActionKind.OPPORTUNITY: "opportunities show {id}",
    ActionKind.MILESTONE_DONE: "goals milestone done m{id}",
    ActionKind.INTERVIEW_PREP: "interview prep {id}",
}


def command(action: Action) -> str:
    """The command that does ``action``; an action about one month names that month."""
    if action.id is not None and action.kind in ON_ROW:
        return "career " + ON_ROW[action.kind].format(id=action.id)
    words = NAMED.get(action.kind) or action.kind.value.replace("-", " ")
    if action.kind in LISTED:
        words += " list"
    if action.month is None:
        return f"career {words}"
    if action.kind is ActionKind.REVIEW_EDIT:
        return f"career {words} {action.month}"  # the month is the argument of ``review edit``
    return f"career {words} --month {action.month}"
