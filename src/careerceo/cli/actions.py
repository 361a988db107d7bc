"""What an action of the analysis (``analysis.actions``) is in a terminal: a command.

Most actions are the command of the same name (``review-history`` is ``career review
history``); the others are named here.
"""

from __future__ import annotations

from careerceo.analysis.actions import Action, ActionKind

NAMED = {
    ActionKind.GOALS: "goals list",
    ActionKind.PIVOTS: "pivot",
    ActionKind.WINS: "win",
    ActionKind.TAILOR: "resume tailor",
}


def command(action: Action) -> str:
    """The command that does ``action``; a review of one month names that month."""
    words = NAMED.get(action.kind) or action.kind.value.replace("-", " ")
    return f"career {words} --month {action.month}" if action.month else f"career {words}"
