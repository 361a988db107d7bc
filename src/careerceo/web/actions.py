"""Where an action of the analysis (``analysis.actions``) leads in the browser: a link."""

from __future__ import annotations

from urllib.parse import quote

from careerceo.analysis.actions import Action, ActionKind

PAGES: dict[ActionKind, str] = {
    ActionKind.REVIEW: "/review",
    ActionKind.REVIEW_HISTORY: "/review/history",
    ActionKind.GOALS: "/goals",
    ActionKind.PIVOTS: "/pivots",
    ActionKind.SIGNALS: "/signals",
    ActionKind.WINS: "/resume/wins",
    ActionKind.TAILOR: "/resume/tailor",
    ActionKind.TODAY: "/today",
    ActionKind.PIPELINE: "/opportunities/board",
}


def href(action: Action) -> str:
    """The page that does ``action``; a review of one month opens the form on that month."""
    page = PAGES[action.kind]
    return f"{page}?month={quote(action.month)}" if action.month else page
