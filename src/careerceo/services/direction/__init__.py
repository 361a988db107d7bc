"""Direction: the vision, goals and milestones, the monthly CEO review, and warning signs.

One small module per job: ``goals`` (vision, goals, milestones), ``reviews`` (the monthly
review), ``history`` (scores, drift, schedule), ``signals`` (the warning-signs check),
``dashboard`` (the three macro-challenges) and ``calendar`` (the iCalendar feed); every view
they return is in ``views``. The judgments are pure functions in ``careerceo.analysis``; the
queries are the repositories of ``careerceo.store.direction``. Every write is one transaction;
edits keep history (a vision save is a new row, a goal or review edit first stores a snapshot).

The shells import this package as one surface: ``from careerceo.services import direction``.
"""

from careerceo.services.direction.calendar import calendar_ics
from careerceo.services.direction.dashboard import challenges
from careerceo.services.direction.goals import (
    add_goal,
    add_milestone,
    complete_milestone,
    current_vision,
    edit_goal,
    get_goal,
    goal_history,
    list_goals,
    list_milestones,
    set_goal_status,
    set_vision,
    vision_history,
)
from careerceo.services.direction.history import (
    default_review_month,
    drift_findings,
    review_due,
    review_history,
    trend,
)
from careerceo.services.direction.reviews import (
    check_not_reviewed,
    check_review_month,
    create_review,
    edit_review,
    get_review,
    progress_before,
    review_input,
    review_revisions,
)
from careerceo.services.direction.signals import signals_history, take_signals
from careerceo.services.direction.views import (
    ChallengeView,
    DueView,
    FindingView,
    GoalView,
    HistoryRow,
    MilestoneView,
    OptionView,
    ReviewResult,
    ReviewView,
    RevisionView,
    SignalView,
    VisionView,
)

__all__ = [
    "ChallengeView",
    "DueView",
    "FindingView",
    "GoalView",
    "HistoryRow",
    "MilestoneView",
    "OptionView",
    "ReviewResult",
    "ReviewView",
    "RevisionView",
    "SignalView",
    "VisionView",
    "add_goal",
    "add_milestone",
    "calendar_ics",
    "challenges",
    "check_not_reviewed",
    "check_review_month",
    "complete_milestone",
    "create_review",
    "current_vision",
    "default_review_month",
    "drift_findings",
    "edit_goal",
    "edit_review",
    "get_goal",
    "get_review",
    "goal_history",
    "list_goals",
    "list_milestones",
    "progress_before",
    "review_due",
    "review_history",
    "review_input",
    "review_revisions",
    "set_goal_status",
    "set_vision",
    "signals_history",
    "take_signals",
    "trend",
    "vision_history",
]
