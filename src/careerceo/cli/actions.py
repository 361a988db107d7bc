"""What an action of the analysis (``analysis.actions``) is in a terminal: a command."""

from __future__ import annotations

from careerceo.analysis.actions import Action, ActionKind

COMMANDS: dict[ActionKind, str] = {
    ActionKind.REVIEW: "career review",
    ActionKind.REVIEW_HISTORY: "career review history",
    ActionKind.GOALS: "career goals list",
    ActionKind.PIVOTS: "career pivot",
    ActionKind.SIGNALS: "career signals",
    ActionKind.WINS: "career win",
    ActionKind.TAILOR: "career resume tailor",
    ActionKind.TODAY: "career today",
    ActionKind.PIPELINE: "career opportunities list",
}


def command(action: Action) -> str:
    """The command that does ``action``; a review of one month names that month."""
    base = COMMANDS[action.kind]
    return f"{base} --month {action.month}" if action.month else base
