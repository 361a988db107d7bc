"""Where an action (``careerceo.actions``) leads in the browser: a link.

An action is the page of its own name (``review-history`` is ``/review/history``) unless it is
listed here: the résumé's pages live under ``/resume``, and some actions are a part of a page.
An action about one row (``id``) opens that row's page; without an id, the list.
"""

from __future__ import annotations

from urllib.parse import quote

from careerceo.actions import Action, ActionKind

ELSEWHERE = {
    ActionKind.REVIEW_EDIT: "/review",  # the form opens an existing month for editing
    ActionKind.MILESTONES: "/goals",  # each goal lists its milestones
    ActionKind.RESUME_IMPORT: "/resume",  # the import form is on the résumé page
    ActionKind.WINS: "/resume/wins",
    ActionKind.TAILOR: "/resume/tailor",
    ActionKind.PIPELINE: "/opportunities",  # the board
    ActionKind.INTERVIEW_QUESTIONS: "/interview",
    ActionKind.OFFER_PREP: "/offer-prep",
    ActionKind.EXIT_START: "/exit",  # the page starts a plan when there is none
    ActionKind.EXIT: "/exit",
    ActionKind.CONTACT_LOG: "/contacts",
    ActionKind.OPPORTUNITY: "/opportunities",
    ActionKind.MILESTONE_DONE: "/goals",  # each goal lists its milestones
    ActionKind.INTERVIEW_PREP: "/interview/rounds",
}
ON_ROW = {
    ActionKind.CONTACT_LOG: "/contacts/{id}#log",  # the form that logs a conversation
    ActionKind.OPPORTUNITY: "/opportunities/{id}",
    ActionKind.INTERVIEW_PREP: "/interview/rounds/{id}",
}


def href(action: Action) -> str:
    """The page that does ``action``; an action about one month opens the form on that month."""
    if action.id is not None and action.kind in ON_ROW:
        return ON_ROW[action.kind].format(id=action.id)
    page = ELSEWHERE.get(action.kind) or "/" + action.kind.value.replace("-", "/")
    return f"{page}?month={quote(action.month)}" if action.month else page
