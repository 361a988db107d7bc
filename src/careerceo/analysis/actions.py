"""What a finding or a challenge proposes to do next, as a value rather than an address.

The analysis says *what* (review this month, look at the pivots); each shell says *where*: the
web turns an action into a link (``web.actions``), the CLI into a command (``cli.actions``).
A new action needs a line in both, which their tests check.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActionKind(StrEnum):
    REVIEW = "review"  # write a monthly review (of ``month`` when given)
    REVIEW_HISTORY = "review-history"  # read the review history and its drift findings
    GOALS = "goals"  # look at (and re-plan) the goals
    PIVOTS = "pivots"  # explore the ranked pivots
    SIGNALS = "signals"  # take the warning-signs check
    WINS = "wins"  # record wins as accomplishments
    TAILOR = "tailor"  # tailor the résumé to a saved posting
    TODAY = "today"  # what is due today: follow-ups, next steps
    PIPELINE = "pipeline"  # move the opportunities along their stages


@dataclass(frozen=True)
class Action:
    kind: ActionKind
    month: str | None = None  # YYYY-MM, for an action about one month
