"""Where an action of the analysis (``analysis.actions``) leads in the browser: a link.

Most actions are the page of the same name (``review-history`` is ``/review/history``); the
résumé's pages live under ``/resume``.
"""

from __future__ import annotations

from urllib.parse import quote

from careerceo.analysis.actions import Action, ActionKind

UNDER_RESUME = {ActionKind.WINS, ActionKind.TAILOR}


def href(action: Action) -> str:
    """The page that does ``action``; a review of one month opens the form on that month."""
    page = "/" + action.kind.value.replace("-", "/")
    if action.kind in UNDER_RESUME:
        page = "/resume" + page
    return f"{page}?month={quote(action.month)}" if action.month else page
