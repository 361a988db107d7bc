"""Where an action (``careerceo.actions``) leads in the browser: a link."""

from __future__ import annotations

from urllib.parse import quote

from careerceo.actions import Action, ActionKind

PAGES: dict[ActionKind, str] = {
    ActionKind.REVIEW: "/review",
    ActionKind.REVIEW_EDIT: "/review",  # the form opens an existing month for editing
    ActionKind.REVIEW_HISTORY: "/review/history",
    ActionKind.GOALS: "/goals",
    ActionKind.MILESTONES: "/goals",
    ActionKind.POSITIONS: "/positions",
    ActionKind.INVENTORY: "/inventory",
    ActionKind.RESUME_IMPORT: "/resume",
    ActionKind.OCCUPATIONS: "/occupations",
    ActionKind.PIVOTS: "/pivots",
    ActionKind.SIGNALS: "/signals",
    ActionKind.WINS: "/resume/wins",
    ActionKind.TAILOR: "/resume/tailor",
}


def href(action: Action) -> str:
    """The page that does ``action``; an action about one month opens the form on that month."""
    page = PAGES[action.kind]
    return f"{page}?month={quote(action.month)}" if action.month else page
