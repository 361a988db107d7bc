"""Contacts of one person: paged lists, the follow-up and network rows, identity matching
and merging."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select, update

from careerceo.store.bulk import insert_rows
from careerceo.store.job_search.rows import CHUNK, FollowedContact, NetworkRow
from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import Base, Company, Contact, Interaction, OpportunityContact


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
        where: list[Any] = []
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
        return self.page_where(where, limit=limit, offset=offset)

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
        return self.latest_per_row(Interaction.happened_on, Interaction.contact_id)

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
        return self.count_matching(Contact.company_id == company_id)

    def unlink_company(self, company_id: int) -> None:
        self.clear("company_id", company_id)

    def all_for_matching(self) -> Sequence[Contact]:
        return self.session.scalars(self.owned()).all()

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
