"""Owner-scoped repositories for the job search: companies, contacts, interactions,
opportunities and their stage history.

Lists that pages show join what they display (the company's name, a contact's last
interaction, counts) in one query each, so a page over thousands of rows is a handful of
indexed queries rather than one per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import aliased

from careerceo.store.bulk import insert_rows
from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import (
    Base,
    Company,
    Contact,
    Interaction,
    JobPosting,
    Opportunity,
    OpportunityContact,
    StageChange,
    new_uid,
    utcnow,
)

CHUNK = 500


@dataclass(frozen=True)
class FollowedContact:
    """The columns the follow-up logic reads. ``career today`` looks at every followed
    contact (thousands after an import); plain rows cost a fraction of loaded entities."""

    id: int
    name: str
    company_id: int | None
    tags: list[Any]
    cadence_days: int | None
    in_search: bool
    created_at: datetime
    snoozed_until: date | None
    retired: bool
    unreachable: bool
    last_contact: date | None
    company: str | None


@dataclass(frozen=True)
class NextStepRow:
    """An open next step agreed in an interaction, with the contact's name."""

    contact_id: int
    contact: str
    next_step: str
    follow_up_on: date
    happened_on: date
    channel: str


@dataclass(frozen=True)
class DueActionRow:
    """An opportunity's next action that is due, with the company's name."""

    id: int
    title: str
    stage: str
    next_action: str
    next_action_due: date
    company: str | None


@dataclass(frozen=True)
class NetworkRow:
    """A reachable contact as the "who haven't I talked to" list ranks them."""

    id: int
    name: str
    tags: list[Any]
    company_id: int | None
    company: str | None
    in_search: bool
    last_contact: date | None


@dataclass(frozen=True)
class CardRow:
    """An opportunity as a board card shows it: no offer terms, notes or links."""

    id: int
    title: str
    stage: str
    company_id: int | None
    company: str | None
    next_action: str
    next_action_due: date | None
    entered_stage_on: date | None


@dataclass(frozen=True)
class StageRow:
    """An opportunity as the pipeline statistics see it."""

    id: int
    stage: str
    source: str
    created_at: datetime


class CompanyRepository(OwnedRepository[Company]):
    model = Company

    def ordering(self) -> tuple[Any, ...]:
        return (Company.is_target.desc(), func.lower(Company.name), Company.id)

    def find_key(self, key: str) -> Company | None:
        return self.session.scalars(
            select(Company).where(Company.person_id == self.person_id, Company.name_key == key)
        ).first()

    def ids_by_key(self) -> dict[str, int]:
        rows = self.session.execute(
            select(Company.name_key, Company.id).where(Company.person_id == self.person_id)
        ).all()
        return {str(key): int(i) for key, i in rows}

    def insert_many(self, names_by_key: dict[str, str]) -> dict[str, int]:
        """Create companies (key -> name) in one go; returns key -> id."""
        now = utcnow()
        insert_rows(
            self.session,
            Company,
            [
                {
                    "uid": new_uid(),
                    "person_id": self.person_id,
                    "name": name,
                    "name_key": key,
                    "created_at": now,
                    "updated_at": now,
                }
                for key, name in names_by_key.items()
            ],
        )
        return {k: v for k, v in self.ids_by_key().items() if k in names_by_key}

    def names(self) -> dict[int, str]:
        rows = self.session.execute(
            select(Company.id, Company.name).where(Company.person_id == self.person_id)
        ).all()
        return {int(i): str(n) for i, n in rows}

    def target_ids(self) -> set[int]:
        return set(
            self.session.scalars(
                select(Company.id).where(
                    Company.person_id == self.person_id, Company.is_target.is_(True)
                )
            )
        )

    def page(
        self,
        *,
        query: str = "",
        targets_only: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> tuple[Sequence[Company], int]:
        """One page of companies (targets first, then by name) and how many match in all."""
        where = [Company.person_id == self.person_id]
        if query:
            where.append(func.lower(Company.name).like(f"%{query.lower()}%"))
        if targets_only:
            where.append(Company.is_target.is_(True))
        total = int(self.session.scalar(select(func.count(Company.id)).where(*where)) or 0)
        stmt = select(Company).where(*where).order_by(*self.ordering()).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        return self.session.scalars(stmt).all(), total

    def contact_counts(self, ids: Sequence[int] | None = None) -> dict[int, int]:
        """Contacts per company (of ``ids`` only when given: a page needs no more)."""
        return self._counts(Contact, ids)

    def opportunity_counts(self, ids: Sequence[int] | None = None) -> dict[int, int]:
        return self._counts(Opportunity, ids)

    def _counts(
        self, table: type[Contact] | type[Opportunity], ids: Sequence[int] | None
    ) -> dict[int, int]:
        stmt = (
            select(table.company_id, func.count(table.id))
            .where(table.person_id == self.person_id, table.company_id.is_not(None))
            .group_by(table.company_id)
        )
        if ids is not None and len(ids) <= CHUNK:
            stmt = stmt.where(table.company_id.in_(list(ids)))
        rows = self.session.execute(stmt).all()
        return {int(c): int(n) for c, n in rows if c is not None}


class ContactRepository(OwnedRepository[Contact]):
    model = Contact

    def ordering(self) -> tuple[Any, ...]:
        return (func.lower(Contact.name), Contact.id)

    def page(
        self,
        *,
        query: str = "",
        company_id: int | None = None,
        in_search: bool | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> tuple[Sequence[Contact], int]:
        """One page of contacts and how many match in all."""
        where = [Contact.person_id == self.person_id]
        if query:
            like = f"%{query.lower()}%"
            where.append(
                or_(
                    func.lower(Contact.name).like(like),
                    func.lower(Contact.title).like(like),
                    func.lower(Contact.email).like(like),
                )
            )
        if company_id is not None:
            where.append(Contact.company_id == company_id)
        if in_search is not None:
            where.append(Contact.in_search.is_(in_search))
        total = int(self.session.scalar(select(func.count(Contact.id)).where(*where)) or 0)
        stmt = select(Contact).where(*where).order_by(*self.ordering()).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        return self.session.scalars(stmt).all(), total

    def by_ids(self, ids: Iterable[int]) -> dict[int, Contact]:
        wanted = list(ids)
        found: dict[int, Contact] = {}
        for start in range(0, len(wanted), CHUNK):
            for row in self.session.scalars(
                select(Contact).where(
                    Contact.person_id == self.person_id,
                    Contact.id.in_(wanted[start : start + CHUNK]),
                )
            ):
                found[row.id] = row
        return found

    def names_of(self, ids: Iterable[int]) -> dict[int, str]:
        wanted = sorted(set(ids))
        found: dict[int, str] = {}
        for start in range(0, len(wanted), CHUNK):
            found.update(
                {
                    int(i): str(n)
                    for i, n in self.session.execute(
                        select(Contact.id, Contact.name).where(
                            Contact.person_id == self.person_id,
                            Contact.id.in_(wanted[start : start + CHUNK]),
                        )
                    )
                }
            )
        return found

    def _last_contact(self) -> Any:
        """Each contact's latest interaction date, as a correlated subquery: one probe of the
        (person, contact, day) index per contact instead of grouping every interaction."""
        return (
            select(func.max(Interaction.happened_on))
            .where(
                Interaction.person_id == self.person_id,
                Interaction.contact_id == Contact.id,
            )
            .correlate(Contact)
            .scalar_subquery()
        )

    def followed(self, target_companies: set[int]) -> list[FollowedContact]:
        """Contacts a cadence may apply to: in the search, at a target, or with their own."""
        conditions = [Contact.in_search.is_(True), Contact.cadence_days > 0]
        if target_companies:
            conditions.append(Contact.company_id.in_(sorted(target_companies)))
        rows = self.session.execute(
            select(
                Contact.id,
                Contact.name,
                Contact.company_id,
                Contact.tags,
                Contact.cadence_days,
                Contact.in_search,
                Contact.created_at,
                Contact.snoozed_until,
                Contact.retired,
                Contact.unreachable,
                self._last_contact(),
                Company.name,
            )
            .outerjoin(Company, Company.id == Contact.company_id)
            .where(
                Contact.person_id == self.person_id,
                Contact.retired.is_(False),
                Contact.unreachable.is_(False),
                or_(*conditions),
            )
        ).all()
        return [FollowedContact(*row) for row in rows]

    def reachable(self, quiet_since: date | None = None) -> list[NetworkRow]:
        """Every contact not retired and not marked unreachable, with the company's name and
        the last interaction: the columns the "not talked to in N months" list reads. With
        ``quiet_since``, only those with no interaction after that day (an index probe each)."""
        where = [
            Contact.person_id == self.person_id,
            Contact.retired.is_(False),
            Contact.unreachable.is_(False),
        ]
        if quiet_since is not None:
            where.append(
                ~select(Interaction.id)
                .where(
                    Interaction.person_id == self.person_id,
                    Interaction.contact_id == Contact.id,
                    Interaction.happened_on > quiet_since,
                )
                .exists()
            )
        rows = self.session.execute(
            select(
                Contact.id,
                Contact.name,
                Contact.tags,
                Contact.company_id,
                Company.name,
                Contact.in_search,
                self._last_contact(),
            )
            .outerjoin(Company, Company.id == Contact.company_id)
            .where(*where)
        ).all()
        return [NetworkRow(*row) for row in rows]

    def with_identity(self, url: str, email: str, exclude_id: int | None) -> list[Contact]:
        """Contacts with this LinkedIn URL or e-mail (ignoring case), other than ``exclude_id``.

        Two columns of every contact are compared in Python: SQLite's ``lower()`` folds ASCII
        only, and this stays a few milliseconds where loading whole contacts took a tenth of a
        second with a network of thousands.
        """
        url, email = url.lower(), email.lower()
        if not (url or email):
            return []
        rows = self.session.execute(
            select(Contact.id, Contact.linkedin_url, Contact.email).where(
                Contact.person_id == self.person_id
            )
        ).all()
        wanted = [
            int(i)
            for i, u, e in rows
            if i != exclude_id and ((url and u.lower() == url) or (email and e.lower() == email))
        ]
        found = self.by_ids(wanted)
        return [found[i] for i in sorted(wanted)]

    def repoint(self, old_id: int, new_id: int) -> int:
        """Every row of this person that refers to contact ``old_id`` refers to ``new_id``
        instead (interactions, opportunity links, interview rounds, exit-plan people...);
        returns how many rows changed. Found from the schema, so a table added later that
        points at a contact is moved too. An opportunity link the kept contact already has in
        the same role is dropped rather than doubled."""
        kept = select(OpportunityContact.opportunity_id, OpportunityContact.role).where(
            OpportunityContact.person_id == self.person_id,
            OpportunityContact.contact_id == new_id,
        )
        doubled = {(int(o), str(r)) for o, r in self.session.execute(kept)}
        for link in self.session.scalars(
            select(OpportunityContact).where(
                OpportunityContact.person_id == self.person_id,
                OpportunityContact.contact_id == old_id,
            )
        ):
            if (link.opportunity_id, link.role) in doubled:
                self.session.delete(link)
        self.session.flush()
        moved = 0
        for table in Base.metadata.sorted_tables:
            if "person_id" not in table.c:
                continue
            for column in table.columns:
                if any(fk.column.table.name == Contact.__tablename__ for fk in column.foreign_keys):
                    result = self.session.execute(
                        update(table)
                        .where(table.c.person_id == self.person_id, column == old_id)
                        .values({column.name: new_id})
                    )
                    moved += int(getattr(result, "rowcount", 0) or 0)
        self.session.expire_all()  # loaded rows may hold the old id
        return moved

    def count_by_company(self, company_id: int) -> int:
        return int(
            self.session.scalar(
                select(func.count(Contact.id)).where(
                    Contact.person_id == self.person_id, Contact.company_id == company_id
                )
            )
            or 0
        )

    def unlink_company(self, company_id: int) -> None:
        for row in self.session.scalars(
            select(Contact).where(
                Contact.person_id == self.person_id, Contact.company_id == company_id
            )
        ):
            row.company_id = None
        self.session.flush()

    def all_for_matching(self) -> Sequence[Contact]:
        return self.session.scalars(
            select(Contact).where(Contact.person_id == self.person_id)
        ).all()

    def insert_many(self, values: list[dict[str, Any]]) -> None:
        """Insert many contacts at once (an import of thousands), without reading ids back."""
        for row in values:
            row["person_id"] = self.person_id
        insert_rows(self.session, Contact, values)

    def ids_of(self, uids: Iterable[str]) -> dict[str, int]:
        """uid -> id for the given uids (the few rows an import reports on)."""
        wanted = sorted(set(uids))
        found: dict[str, int] = {}
        for start in range(0, len(wanted), CHUNK):
            rows = self.session.execute(
                select(Contact.uid, Contact.id).where(
                    Contact.person_id == self.person_id,
                    Contact.uid.in_(wanted[start : start + CHUNK]),
                )
            )
            found.update({str(uid): int(i) for uid, i in rows})
        return found


class InteractionRepository(OwnedRepository[Interaction]):
    model = Interaction

    def ordering(self) -> tuple[Any, ...]:
        return (Interaction.happened_on.desc(), Interaction.id.desc())

    def for_contact(self, contact_id: int) -> Sequence[Interaction]:
        return self.session.scalars(
            select(Interaction)
            .where(Interaction.person_id == self.person_id, Interaction.contact_id == contact_id)
            .order_by(*self.ordering())
        ).all()

    def last_contact(self, contact_ids: Iterable[int] | None = None) -> dict[int, date]:
        """Each contact's most recent interaction date (all contacts when ids is None)."""
        stmt = (
            select(Interaction.contact_id, func.max(Interaction.happened_on))
            .where(Interaction.person_id == self.person_id)
            .group_by(Interaction.contact_id)
        )
        if contact_ids is None:
            return {int(c): d for c, d in self.session.execute(stmt).all()}
        wanted = list(contact_ids)
        if len(wanted) > CHUNK:  # one grouped scan beats many IN-lists for a large share
            every = self.last_contact()
            return {c: every[c] for c in wanted if c in every}
        found: dict[int, date] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = stmt.where(Interaction.contact_id.in_(wanted[start : start + CHUNK]))
            found.update({int(c): d for c, d in self.session.execute(chunk).all()})
        return found

    def open_next_steps(self, until: date) -> list[NextStepRow]:
        """Next steps due by ``until`` that are not done and were not overtaken by a later
        interaction with the same contact (one query: the later one is an index probe)."""
        later = aliased(Interaction)
        overtaken = (
            select(later.id)
            .where(
                later.person_id == self.person_id,
                later.contact_id == Interaction.contact_id,
                later.happened_on > Interaction.happened_on,
            )
            .exists()
        )
        rows = self.session.execute(
            select(
                Interaction.contact_id,
                Contact.name,
                Interaction.next_step,
                Interaction.follow_up_on,
                Interaction.happened_on,
                Interaction.channel,
            )
            .join(Contact, Contact.id == Interaction.contact_id)
            .where(
                Interaction.person_id == self.person_id,
                Interaction.done.is_(False),
                Interaction.follow_up_on.is_not(None),
                Interaction.follow_up_on <= until,
                ~overtaken,
            )
        ).all()
        return [
            NextStepRow(contact_id, name, step, due, on, channel)
            for contact_id, name, step, due, on, channel in rows
            if due is not None  # always, by the query; says so to the type checker
        ]

    def count_since(self, since: date) -> int:
        return int(
            self.session.scalar(
                select(func.count(Interaction.id)).where(
                    Interaction.person_id == self.person_id, Interaction.happened_on >= since
                )
            )
            or 0
        )


class OpportunityRepository(OwnedRepository[Opportunity]):
    model = Opportunity

    def ordering(self) -> tuple[Any, ...]:
        return (Opportunity.updated_at.desc(), Opportunity.id.desc())

    def in_stages(self, stages: Iterable[str]) -> Sequence[Opportunity]:
        return self.session.scalars(
            select(Opportunity)
            .where(Opportunity.person_id == self.person_id, Opportunity.stage.in_(list(stages)))
            .order_by(Opportunity.id)
        ).all()

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
        return (
            select(func.max(StageChange.entered_on))
            .where(
                StageChange.person_id == self.person_id,
                StageChange.opportunity_id == Opportunity.id,
            )
            .correlate(Opportunity)
            .scalar_subquery()
        )

    def cards(self) -> list[CardRow]:
        """Every opportunity as a board card, most recently changed first, in one query."""
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
        return [CardRow(*row) for row in rows]

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
        return int(
            self.session.scalar(
                select(func.count(Opportunity.id)).where(
                    Opportunity.person_id == self.person_id, Opportunity.company_id == company_id
                )
            )
            or 0
        )

    def unlink_company(self, company_id: int) -> None:
        for row in self.session.scalars(
            select(Opportunity).where(
                Opportunity.person_id == self.person_id, Opportunity.company_id == company_id
            )
        ):
            row.company_id = None
        self.session.flush()

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
        rows = self.session.execute(
            select(Opportunity.stage, func.count(Opportunity.id))
            .where(Opportunity.person_id == self.person_id)
            .group_by(Opportunity.stage)
        ).all()
        return {str(stage): int(n) for stage, n in rows}


class StageChangeRepository(OwnedRepository[StageChange]):
    model = StageChange

    def ordering(self) -> tuple[Any, ...]:
        return (StageChange.seq, StageChange.entered_on, StageChange.id)

    def for_opportunity(self, opportunity_id: int) -> Sequence[StageChange]:
        return self.session.scalars(
            select(StageChange)
            .where(
                StageChange.person_id == self.person_id,
                StageChange.opportunity_id == opportunity_id,
            )
            .order_by(*self.ordering())
        ).all()

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
        return int(
            self.session.scalar(
                select(func.count(StageChange.id)).where(
                    StageChange.person_id == self.person_id,
                    StageChange.entered_on >= since,
                    StageChange.seq > 0,
                )
            )
            or 0
        )


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
        return self.session.scalars(
            select(OpportunityContact).where(
                OpportunityContact.person_id == self.person_id,
                OpportunityContact.opportunity_id == opportunity_id,
                OpportunityContact.contact_id == contact_id,
                OpportunityContact.role == role,
            )
        ).first()

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
