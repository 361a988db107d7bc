"""Owner-scoped access to reference collections, their profiles and positions.

The analysis reads a collection from its columnar copy (``store.path_snapshot``); only when that
copy is rebuilt are the positions read here as columns (``columns``): one query with only the
fields path mining needs, so a million positions cost one scan, not a million objects. Every
write to a collection's positions raises its ``data_revision`` (``bump``) in the same
transaction, which is how a copy knows it is current.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import String, cast, delete, func, insert, or_, select, update

from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import (
    Contact,
    PathCollection,
    PathPosition,
    PathProfile,
    new_uid,
    utcnow,
)

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

    def bump(self, collection: PathCollection) -> int:
        """Raise the collection's ``data_revision`` by one in the database (atomically, so two
        writers never share a number; the row stays locked until the transaction ends) and
        return the new value. Call it in the transaction that writes the positions."""
        revision = self.session.execute(
            update(PathCollection)
            .where(PathCollection.id == collection.id, PathCollection.person_id == self.person_id)
            .values(data_revision=PathCollection.data_revision + 1)
            .returning(PathCollection.data_revision)
            .execution_options(synchronize_session=False)
        ).scalar_one()
        return int(revision)

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

    def add_many(self, rows: Sequence[PathProfile]) -> None:
        """Insert profiles in one executemany and give each its id: a 10,000-row CSV holds
        thousands of people, and an ORM flush would send one INSERT (and a round trip) per
        profile. Ids are read back by the unique uid each row is given here."""
        if not rows:
            return
        table = PathProfile.__table__
        names = [c.name for c in table.columns if c.name not in ("id", "created_at", "updated_at")]
        now = utcnow()
        values = []
        for row in rows:
            row.person_id = self.person_id
            row.uid = row.uid or new_uid()
            entry = {name: getattr(row, name) for name in names}
            entry.update(created_at=now, updated_at=now)
            values.append(entry)
        self.session.execute(insert(PathProfile), values)
        ids: dict[str, int] = {}
        uids = [row.uid for row in rows]
        for at in range(0, len(uids), 900):
            ids.update(
                (str(uid), int(i))
                for i, uid in self.session.execute(
                    select(PathProfile.id, PathProfile.uid).where(
                        PathProfile.person_id == self.person_id,
                        PathProfile.uid.in_(uids[at : at + 900]),
                    )
                )
            )
        for row in rows:
            row.id = ids[row.uid]

    def educated(self, collection_id: int) -> list[int]:
        """The collection's profiles with a degree or a certification on record (a scan of the
        collection's profiles: the columnar copy keeps the answer, so analyses need not)."""
        having = (
            cast(PathProfile.education, String) != "[]",
            cast(PathProfile.certifications, String) != "[]",
        )
        return sorted(
            int(i)
            for i in self.session.scalars(
                select(PathProfile.id).where(
                    PathProfile.person_id == self.person_id,
                    PathProfile.collection_id == collection_id,
                    or_(*having),
                )
            )
        )

    def education_of(
        self, collection_id: int, profile_ids: Sequence[int]
    ) -> dict[int, tuple[list[Any], list[Any]]]:
        """Degrees and certifications of some profiles, by primary key in batches under the
        database's parameter limit."""
        out: dict[int, tuple[list[Any], list[Any]]] = {}
        wanted = sorted(set(profile_ids))
        for at in range(0, len(wanted), 900):
            rows = self.session.execute(
                select(PathProfile.id, PathProfile.education, PathProfile.certifications).where(
                    PathProfile.person_id == self.person_id,
                    PathProfile.collection_id == collection_id,
                    PathProfile.id.in_(wanted[at : at + 900]),
                )
            )
            out.update({int(i): (list(e or []), list(c or [])) for i, e, c in rows})
        return out

    def linked_contacts(self, collection_id: int) -> dict[int, tuple[int, str, str]]:
        """Profile id -> (contact id, contact's name, alias) for the collection's profiles
        linked to one of the person's contacts."""
        rows = self.session.execute(
            select(PathProfile.id, Contact.id, Contact.name, PathProfile.alias)
            .join(Contact, Contact.id == PathProfile.contact_id)
            .where(
                # "+ 0": found through the contact index (a person has few contacts), not by
                # scanning every profile of a large collection through the owner index
                PathProfile.person_id + 0 == self.person_id,
                PathProfile.collection_id + 0 == collection_id,
                PathProfile.contact_id > 0,
                Contact.person_id == self.person_id,
            )
        )
        return {int(p): (int(c), str(n), str(a)) for p, c, n, a in rows}

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

    def any_in(self, collection_id: int) -> bool:
        """Does the collection hold any position (one index probe)?"""
        found = self.session.scalar(
            select(PathPosition.id)
            .where(
                # "+ 0": probed through the collection index, not the owner's (which would walk
                # every position of the owner's other collections first)
                PathPosition.person_id + 0 == self.person_id,
                PathPosition.collection_id == collection_id,
            )
            .limit(1)
        )
        return found is not None

    def insert_many(self, rows: list[dict[str, Any]]) -> list[int]:
        """Bulk insert (one executemany); the new ids, in the order of ``rows``, read back by
        (profile, seq) through the profile index (an INSERT ... RETURNING in parameter order
        is sent one row at a time on SQLite)."""
        if not rows:
            return []
        for row in rows:
            row["person_id"] = self.person_id
        self.session.execute(insert(PathPosition), rows)
        profiles = sorted({int(row["profile_id"]) for row in rows})
        found: dict[tuple[int, int], int] = {}
        for at in range(0, len(profiles), 900):
            found.update(
                ((int(p), int(q)), int(i))
                for i, p, q in self.session.execute(
                    select(PathPosition.id, PathPosition.profile_id, PathPosition.seq).where(
                        PathPosition.person_id == self.person_id,
                        PathPosition.profile_id.in_(profiles[at : at + 900]),
                    )
                )
            )
        return [found[(int(row["profile_id"]), int(row["seq"]))] for row in rows]

    def columns(self, collection_id: int) -> dict[str, list[Any]]:
        """The collection's positions as columns (``ANALYSIS_COLUMNS``), for the path engine.

        Read through the driver's own cursor (the filter values are integers, rendered
        inline): SQLAlchemy's per-value result processing would be most of the cost at a
        million rows, and these columns need none (booleans arrive as 0/1 on SQLite, which
        NumPy reads). The caller has found the collection through its owner-scoped repository.
        """
        table = PathPosition.__table__
        query = select(*(table.c[name] for name in ANALYSIS_COLUMNS)).where(
            table.c.person_id + 0 == int(self.person_id),  # through the collection index
            table.c.collection_id == int(collection_id),
        )
        connection = self.session.connection()
        sql = str(query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql)
            rows = cursor.fetchall()
        finally:
            cursor.close()
        if not rows:
            return {name: [] for name in ANALYSIS_COLUMNS}
        return {
            name: list(values)
            for name, values in zip(ANALYSIS_COLUMNS, zip(*rows, strict=True), strict=True)
        }
