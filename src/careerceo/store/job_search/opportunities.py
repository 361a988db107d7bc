"""Opportunities of one person, their stage history and the contacts linked to them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select

from careerceo.model.pipeline import BoardCard
from careerceo.store.job_search.rows import DueActionRow, StageRow
from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import (
    Company,
    Contact,
    JobPosting,
    Opportunity,
    OpportunityContact,
    StageChange,
)

CARD_FIELDS = tuple(BoardCard.model_fields)  # the order ``cards`` selects its columns in


class OpportunityRepository(OwnedRepository[Opportunity]):
    model = Opportunity

    def ordering(self) -> tuple[Any, ...]:
        return (Opportunity.updated_at.desc(), Opportunity.id.desc())

    def in_stages(self, stages: Iterable[str]) -> Sequence[Opportunity]:
        query = self.owned().where(Opportunity.stage.in_(list(stages)))
        return self.session.scalars(query.order_by(Opportunity.id)).all()

    def stage_rows(self) -> list[StageRow]:
        rows = self.session.execute(
            select(
                Opportunity.id, Opportunity.stage, Opportunity.source, Opportunity.created_at
            ).where(Opportunity.person_id == self.person_id)
        ).all()
        return [StageRow(*row) for row in rows]

    def due_actions(self, until: date) -> list[DueActionRow]:
        rows = self.session.execute(
            select(
                Opportunity.id,
                Opportunity.title,
                Opportunity.stage,
                Opportunity.next_action,
                Opportunity.next_action_due,
                Company.name,
            )
            .outerjoin(Company, Company.id == Opportunity.company_id)
            .where(
                Opportunity.person_id == self.person_id,
                Opportunity.next_action_due.is_not(None),
                Opportunity.next_action_due <= until,
                Opportunity.stage.not_in(("accepted", "declined", "closed")),
            )
        ).all()
        return [
            DueActionRow(i, title, stage, action, due, company)
            for i, title, stage, action, due, company in rows
            if due is not None  # always, by the query
        ]

    def entered_stage(self) -> Any:
        """When each opportunity entered its current stage: the latest date of its history
        (a move can never be dated before the previous one), as a correlated subquery."""
        return self.latest_per_row(StageChange.entered_on, StageChange.opportunity_id)

    def cards(self) -> list[BoardCard]:
        """Every opportunity as a board card (no offer terms, notes or links), most recently
        changed first, in one query."""
        rows = self.session.execute(
            select(
                Opportunity.id,
                Opportunity.title,
                Opportunity.stage,
                Opportunity.company_id,
                Company.name,
                Opportunity.next_action,
                Opportunity.next_action_due,
                self.entered_stage(),
            )
            .outerjoin(Company, Company.id == Opportunity.company_id)
            .where(Opportunity.person_id == self.person_id)
            .order_by(*self.ordering())
        ).all()
        return [BoardCard(**dict(zip(CARD_FIELDS, row, strict=True))) for row in rows]

    def filtered_with_names(
        self, *, stage: str | None = None, company_id: int | None = None
    ) -> list[tuple[Opportunity, str | None, date | None]]:
        """Opportunities with their company's name and the date they entered their stage."""
        stmt = (
            select(Opportunity, Company.name, self.entered_stage())
            .outerjoin(Company, Company.id == Opportunity.company_id)
            .where(Opportunity.person_id == self.person_id)
        )
        if stage is not None:
            stmt = stmt.where(Opportunity.stage == stage)
        if company_id is not None:
            stmt = stmt.where(Opportunity.company_id == company_id)
        rows = self.session.execute(stmt.order_by(*self.ordering())).all()
        return [(row, name, entered) for row, name, entered in rows]

    def count_by_company(self, company_id: int) -> int:
        return self.count_matching(Opportunity.company_id == company_id)

    def unlink_company(self, company_id: int) -> None:
        self.clear("company_id", company_id)

    def posting_exists(self, posting_id: int) -> bool:
        return (
            self.session.scalar(
                select(JobPosting.id).where(
                    JobPosting.person_id == self.person_id, JobPosting.id == posting_id
                )
            )
            is not None
        )

    def posting_titles(self, ids: Iterable[int]) -> dict[int, str]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        rows = self.session.execute(
            select(JobPosting.id, JobPosting.title).where(
                JobPosting.person_id == self.person_id, JobPosting.id.in_(wanted)
            )
        ).all()
        return {int(i): str(t) for i, t in rows}

    def count_by_stage(self) -> dict[str, int]:
        return self.count_by("stage")


class StageChangeRepository(OwnedRepository[StageChange]):
    model = StageChange

    def ordering(self) -> tuple[Any, ...]:
        return (StageChange.seq, StageChange.entered_on, StageChange.id)

    def for_opportunity(self, opportunity_id: int) -> Sequence[StageChange]:
        return self.where(StageChange.opportunity_id == opportunity_id)

    def histories(self) -> dict[int, list[tuple[str, date]]]:
        """Every opportunity's (stage, entered on) entries, oldest first."""
        result: dict[int, list[tuple[str, date]]] = {}
        rows = self.session.execute(
            select(StageChange.opportunity_id, StageChange.stage, StageChange.entered_on)
            .where(StageChange.person_id == self.person_id)
            .order_by(StageChange.opportunity_id, *self.ordering())
        ).all()
        for opportunity_id, stage, entered in rows:
            result.setdefault(int(opportunity_id), []).append((str(stage), entered))
        return result

    def advanced_since(self, since: date) -> int:
        """Stage changes on or after ``since`` that moved an opportunity (not its first entry)."""
        return self.count_matching(StageChange.entered_on >= since, StageChange.seq > 0)


class OpportunityContactRepository(OwnedRepository[OpportunityContact]):
    model = OpportunityContact

    def for_opportunity(self, opportunity_id: int) -> list[tuple[OpportunityContact, str]]:
        rows = self.session.execute(
            select(OpportunityContact, Contact.name)
            .join(Contact, Contact.id == OpportunityContact.contact_id)
            .where(
                OpportunityContact.person_id == self.person_id,
                OpportunityContact.opportunity_id == opportunity_id,
            )
            .order_by(OpportunityContact.role, func.lower(Contact.name))
        ).all()
        return [(link, str(name)) for link, name in rows]

    def find(self, opportunity_id: int, contact_id: int, role: str) -> OpportunityContact | None:
        return self.first_where(
            OpportunityContact.opportunity_id == opportunity_id,
            OpportunityContact.contact_id == contact_id,
            OpportunityContact.role == role,
        )

    def referred_opportunities(self) -> set[int]:
        return set(
            self.session.scalars(
                select(OpportunityContact.opportunity_id).where(
                    OpportunityContact.person_id == self.person_id,
                    OpportunityContact.role == "referrer",
                )
            )
        )

    def remove_for(self, opportunity_id: int) -> None:
        self.session.execute(
            delete(OpportunityContact).where(
                OpportunityContact.person_id == self.person_id,
                OpportunityContact.opportunity_id == opportunity_id,
            )
        )
