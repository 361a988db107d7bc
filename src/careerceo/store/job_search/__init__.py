"""Owner-scoped repositories for the job search: companies, contacts, interactions,
opportunities and their stage history, one module each.

Lists that pages show join what they display (the company's name, a contact's last
interaction, counts) in one query each, so a page over thousands of rows is a handful of
indexed queries rather than one per row.
"""

from careerceo.store.job_search.companies import CompanyRepository
from careerceo.store.job_search.contacts import ContactRepository
from careerceo.store.job_search.interactions import InteractionRepository
from careerceo.store.job_search.opportunities import (
    OpportunityContactRepository,
    OpportunityRepository,
    StageChangeRepository,
)
from careerceo.store.job_search.rows import (
    CHUNK,
    DueActionRow,
    FollowedContact,
    NetworkRow,
    NextStepRow,
    StageRow,
)

__all__ = [
    "CHUNK",
    "CompanyRepository",
    "ContactRepository",
    "DueActionRow",
    "FollowedContact",
    "InteractionRepository",
    "NetworkRow",
    "NextStepRow",
    "OpportunityContactRepository",
    "OpportunityRepository",
    "StageChangeRepository",
    "StageRow",
]
