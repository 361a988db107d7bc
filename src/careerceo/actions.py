"""What a finding, a challenge or an error proposes to do next, as a value, not an address.

The analysis and the services say *what* (review this month, look at the pivots, edit that
review); each shell says *where*: the web turns an action into a link (``web.actions``), the CLI
into a command (``cli.actions``). It sits beside ``errors`` at the bottom of the package so that
every layer, the model included, can name an action without knowing about either shell.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActionKind(StrEnum):
    REVIEW = "review"  # write a monthly review (of ``month`` when given)
    REVIEW_EDIT = "review-edit"  # change the review of ``month``, which exists
    REVIEW_HISTORY = "review-history"  # read the review history and its drift findings
    GOALS = "goals"  # look at (and re-plan) the goals
    MILESTONES = "milestones"  # look at the goals' milestones and their ids
    POSITIONS = "positions"  # look at the positions held and their ids
    INVENTORY = "inventory"  # look at (and add to) the skills inventory
    RESUME_IMPORT = "resume-import"  # import a résumé
    OCCUPATIONS = "occupations"  # search the O*NET occupations for a code
    PIVOTS = "pivots"  # explore the ranked pivots
    SIGNALS = "signals"  # take the warning-signs check
    WINS = "wins"  # record wins as accomplishments
    TAILOR = "tailor"  # tailor the résumé to a saved posting
    TODAY = "today"  # what is due today: follow-ups, next steps
    COMPANIES = "companies"  # look at the companies researched and their ids
    CONTACTS = "contacts"  # look at the contacts and their ids
    INTERVIEW_QUESTIONS = "interview-questions"  # the interview question bank and its ids
    PATHS = "paths"  # the reference path collections
    PLANS = "plans"  # the 30-60-90 plans and their ids
    PIPELINE = "pipeline"  # move the opportunities along their stages
    EXIT = "exit"  # work through the exit plan: relationships, handover, checklist
    EXIT_START = "exit-start"  # start an exit plan from the last day
    INTERVIEW_ROUNDS = "interview-rounds"  # the interview rounds and their ids
    OFFER_PREP = "offer-prep"  # the offer preparation sheets and their ids
    # about one row, named by ``id`` (without one, the list the row is in)
    CONTACT_LOG = "contact-log"  # log a conversation with contact ``id`` (a follow-up is due)
    OPPORTUNITY = "opportunity"  # look at opportunity ``id`` and take its next action
    MILESTONE_DONE = "milestone-done"  # mark milestone ``id`` done
    INTERVIEW_PREP = "interview-prep"  # prepare for interview round ``id``


@dataclass(frozen=True)
class Action:
    kind: ActionKind
    month: str | None = None  # YYYY-MM, for an action about one month
    id: int | None = None  # the row acted on, for an action about one row
