"""What an action (``careerceo.actions``) is in a terminal: a command."""

from __future__ import annotations

from careerceo.actions import Action, ActionKind

COMMANDS: dict[ActionKind, str] = {
    ActionKind.REVIEW: "career review",
    ActionKind.REVIEW_EDIT: "career review edit",
    ActionKind.REVIEW_HISTORY: "career review history",
    ActionKind.GOALS: "career goals list",
    ActionKind.MILESTONES: "career goals milestone list",
    ActionKind.POSITIONS: "career positions list",
    ActionKind.INVENTORY: "career inventory list",
    ActionKind.RESUME_IMPORT: "career resume import FILE",
    ActionKind.OCCUPATIONS: "career occupations search",
    ActionKind.PIVOTS: "career pivot",
    ActionKind.SIGNALS: "career signals",
    ActionKind.WINS: "career win",
    ActionKind.TAILOR: "career resume tailor",
}


def command(action: Action) -> str:
    """The command that does ``action``; an action about one month names that month."""
    base = COMMANDS[action.kind]
    if action.month is None:
        return base
    if action.kind is ActionKind.REVIEW_EDIT:
        return f"{base} {action.month}"  # the month is the argument of ``review edit``
    return f"{base} --month {action.month}"
