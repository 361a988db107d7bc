"""Companies of one person: targets first, with the counts their list shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select

from careerceo.store.bulk import insert_rows
from careerceo.store.job_search.rows import CHUNK
from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import Company, Contact, Opportunity, new_uid, utcnow


class CompanyRepository(OwnedRepository[Company]):
    model = Company

    def ordering(self) -> tuple[Any, ...]:
        return (Company.is_target.desc(), func.lower(Company.name), Company.id)

    def find_key(self, key: str) -> Company | None:
        return self.first_where(Company.name_key == key)

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
        where: list[Any] = []
        if query:
            where.append(func.lower(Company.name).like(f"%{query.lower()}%"))
        if targets_only:
            where.append(Company.is_target.is_(True))
        return self.page_where(where, limit=limit, offset=offset)

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
