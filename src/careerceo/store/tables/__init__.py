"""The database schema: every row a person owns carries ``person_id``.

Ownership is on every table (not only on the aggregate roots) so that any query can be scoped
to one person with a single filter, which is what lets a coaching practice host many clients
in one database. ``uid`` is a stable, database-independent identity used by backups and by
imports, so that export → import → export reproduces the same document.

One module per aggregate (``base``, ``people``, ``profile``, ``direction``, ``job_search``,
``documents``, ``preparation``); import the classes from here.

Schema changes go through an Alembic migration in ``store/migrations/versions``.
"""

# The access tables (sessions, tokens, grants, audit) share this metadata (they build on ``base``).
from careerceo.store import access_tables as _access_tables  # noqa: F401
from careerceo.store.tables.base import NAMING, Base, Owned, Stamped, new_uid, utcnow
from careerceo.store.tables.direction import (
    Goal,
    GoalRevision,
    Milestone,
    Review,
    ReviewRevision,
    SignalAssessment,
    Vision,
)
from careerceo.store.tables.documents import Document, PathCollection, PathPosition, PathProfile
from careerceo.store.tables.job_search import (
    Company,
    Contact,
    Interaction,
    Interview,
    JobPosting,
    Opportunity,
    OpportunityContact,
    StageChange,
)
from careerceo.store.tables.people import Account, Person
from careerceo.store.tables.preparation import (
    ExitItem,
    ExitPlan,
    InterviewAnswer,
    InterviewQuestion,
    InterviewRound,
    OfferPrep,
    Plan306090,
    PracticeAttempt,
)
from careerceo.store.tables.profile import (
    Accomplishment,
    Certification,
    Education,
    InventoryEntry,
    Language,
    Position,
)

__all__ = [
    "NAMING",
    "Accomplishment",
    "Account",
    "Base",
    "Certification",
    "Company",
    "Contact",
    "Document",
    "Education",
    "ExitItem",
    "ExitPlan",
    "Goal",
    "GoalRevision",
    "Interaction",
    "Interview",
    "InterviewAnswer",
    "InterviewQuestion",
    "InterviewRound",
    "InventoryEntry",
    "JobPosting",
    "Language",
    "Milestone",
    "OfferPrep",
    "Opportunity",
    "OpportunityContact",
    "Owned",
    "PathCollection",
    "PathPosition",
    "PathProfile",
    "Person",
    "Plan306090",
    "Position",
    "PracticeAttempt",
    "Review",
    "ReviewRevision",
    "SignalAssessment",
    "StageChange",
    "Stamped",
    "Vision",
    "new_uid",
    "utcnow",
]
