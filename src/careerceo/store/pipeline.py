"""Repositories of the job-search pipeline: opportunities and contacts, scoped to one person."""

from __future__ import annotations

from sqlalchemy import func, select

from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import Contact, Opportunity


class OpportunityRepository(OwnedRepository[Opportunity]):
    model = Opportunity

    def count_by_stage(self) -> dict[str, int]:
        rows = self.session.execute(
            select(Opportunity.stage, func.count(Opportunity.id))
            .where(Opportunity.person_id == self.person_id)
            .group_by(Opportunity.stage)
        ).all()
        return {str(stage): int(n) for stage, n in rows}


class ContactRepository(OwnedRepository[Contact]):
    model = Contact
