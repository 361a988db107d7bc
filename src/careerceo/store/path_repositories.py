"""Owner-scoped access to reference collections, their profiles and positions.

The analysis reads a whole collection at once as columns (``position_columns``): one query with
only the fields path mining needs, so a million positions cost one scan, not a million objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, insert, select

from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import Contact, PathCollection, PathPosition, PathProfile

ANALYSIS_COLUMNS = (
    "profile_id",
    "seq",
    "title_key",
    "title",
    "occupation_code",
    "start_month",
    "end_month",
    "current",
    "internship",
    "employer_size",
    "industry",
    "id",
)


class PathCollectionRepository(OwnedRepository[PathCollection]):
    model = PathCollection

    def ordering(self) -> tuple[Any, ...]:
        return (func.lower(PathCollection.name), PathCollection.id)

    def find(self, name_or_id: str) -> PathCollection | None:
        """By name (ignoring case, compared in Python so non-ASCII folds too) or by ``#id``."""
        key = name_or_id.strip().lstrip("#")
        if key.isdigit():
            return self.get(int(key))
        wanted = key.casefold()
        for row in self.list():
            if row.name.casefold() == wanted:
                return row
        return None

    def sizes(self) -> dict[int, tuple[int, int]]:
        """Collection id -> (profiles, positions)."""
        profiles = {
            int(cid): int(n)
            for cid, n in self.session.execute(
                select(PathProfile.collection_id, func.count())
                .where(PathProfile.person_id == self.person_id)
                .group_by(PathProfile.collection_id)
            )
        }
        positions = {
            int(cid): int(n)
            for cid, n in self.session.execute(
                select(PathPosition.collection_id, func.count())
                .where(PathPosition.person_id == self.person_id)
                .group_by(PathPosition.collection_id)
            )
        }
        return {cid: (int(profiles.get(cid, 0)), int(positions.get(cid, 0))) for cid in profiles}

    def remove(self, collection: PathCollection) -> None:
        """The collection and every profile and position in it, in bulk (cascades would load
        each row into the session first)."""
        cid = collection.id
        for table in (PathPosition, PathProfile):
            self.session.execute(
                delete(table).where(table.person_id == self.person_id, table.collection_id == cid)
            )
        self.delete(collection)


class PathProfileRepository(OwnedRepository[PathProfile]):
    model = PathProfile

    def in_collection(self, collection_id: int) -> Sequence[PathProfile]:
        return self.session.scalars(
            select(PathProfile)
            .where(
                PathProfile.person_id == self.person_id,
                PathProfile.collection_id == collection_id,
            )
            .order_by(PathProfile.id)
        ).all()

    def fingerprints(self, collection_id: int) -> set[str]:
        return set(
            self.session.scalars(
                select(PathProfile.fingerprint).where(
                    PathProfile.person_id == self.person_id,
                    PathProfile.collection_id == collection_id,
                )
            )
        )

    def aliases(self, collection_id: int) -> int:
        """How many profiles the collection has had numbered so far (the next alias number)."""
        return int(
            self.session.scalar(
                select(func.count()).where(
                    PathProfile.person_id == self.person_id,
                    PathProfile.collection_id == collection_id,
                )
            )
            or 0
        )

    def add_many(self, rows: list[dict[str, Any]]) -> list[int]:
        """Insert profiles in one statement per batch; returns their ids in order."""
        ids: list[int] = []
        for row in rows:
            profile = PathProfile(**row)
            self.add(profile)
            ids.append(profile.id)
        return ids

    def education_of(self, collection_id: int) -> dict[int, tuple[list[Any], list[Any]]]:
        rows = self.session.execute(
            select(PathProfile.id, PathProfile.education, PathProfile.certifications).where(
                PathProfile.person_id == self.person_id,
                PathProfile.collection_id == collection_id,
            )
        )
        return {int(i): (list(e or []), list(c or [])) for i, e, c in rows}

    def contact_exists(self, contact_id: int) -> bool:
        return (
            self.session.scalar(
                select(Contact.id).where(
                    Contact.id == contact_id, Contact.person_id == self.person_id
                )
            )
            is not None
        )


class PathPositionRepository(OwnedRepository[PathPosition]):
    model = PathPosition

    def of_profiles(self, profile_ids: list[int]) -> Sequence[PathPosition]:
        if not profile_ids:
            return []
        return self.session.scalars(
            select(PathPosition)
            .where(
                PathPosition.person_id == self.person_id,
                PathPosition.profile_id.in_(profile_ids),
            )
            .order_by(PathPosition.profile_id, PathPosition.seq)
        ).all()

    def insert_many(self, rows: list[dict[str, Any]]) -> None:
        """Bulk insert (executemany): a 10,000-row CSV is one round of statements."""
        if not rows:
            return
        for row in rows:
            row["person_id"] = self.person_id
        self.session.execute(insert(PathPosition), rows)

    def columns(self, collection_id: int) -> dict[str, list[Any]]:
        """The collection's positions as columns (``ANALYSIS_COLUMNS``), for the path engine."""
        table = PathPosition.__table__
        query = select(*(table.c[name] for name in ANALYSIS_COLUMNS)).where(
            table.c.person_id == self.person_id, table.c.collection_id == collection_id
        )
        rows = self.session.execute(query).all()
        if not rows:
            return {name: [] for name in ANALYSIS_COLUMNS}
        return {
            name: list(values)
            for name, values in zip(ANALYSIS_COLUMNS, zip(*rows, strict=True), strict=True)
        }
