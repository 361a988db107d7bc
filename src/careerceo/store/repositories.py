"""Owner-scoped repositories: the only place that queries the person's rows.

Every query carries ``person_id`` so a coaching practice can host many clients in one
database without one seeing another's data; a row of someone else is simply "not there".
Repositories work inside a session the caller's transaction owns and never commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careerceo.store.tables import InventoryEntry, Owned, Person, Position

T = TypeVar("T", bound=Owned)

MAX_ROW_ID = 2**31 - 1  # ids are INTEGER columns: 32 bits on PostgreSQL


def can_exist(row_id: int) -> bool:
    """False for an id no row can have, so a lookup of a typo such as 99999999999999999999
    answers "not found" instead of overflowing the database driver (a crash, not a message)."""
    return 0 < row_id <= MAX_ROW_ID


class OwnedRepository(Generic[T]):
    """CRUD for one table, restricted to one person."""

    model: type[T]

    def __init__(self, session: Session, person_id: int) -> None:
        self.session = session
        self.person_id = person_id

    def get(self, row_id: int) -> T | None:
        if not can_exist(row_id):
            return None
        return self.session.scalars(
            select(self.model).where(
                self.model.id == row_id, self.model.person_id == self.person_id
            )
        ).first()

    def list(self, **equals: Any) -> Sequence[T]:
        query = select(self.model).where(self.model.person_id == self.person_id)
        for name, value in equals.items():
            if value is not None:
                query = query.where(getattr(self.model, name) == value)
        return self.session.scalars(query.order_by(*self.ordering())).all()

    def ordering(self) -> tuple[Any, ...]:
        return (self.model.id,)

    def count(self) -> int:
        query = select(func.count()).where(self.model.person_id == self.person_id)
        return int(self.session.scalar(query.select_from(self.model)) or 0)

    def add(self, row: T) -> T:
        row.person_id = self.person_id
        self.session.add(row)
        self.session.flush()
        return row

    def update(self, row: T, values: dict[str, Any]) -> T:
        if row.person_id != self.person_id:  # defensive: rows come from get() above
            raise ValueError("row belongs to another person")
        for name, value in values.items():
            setattr(row, name, value)
        self.session.flush()
        return row

    def delete(self, row: T) -> None:
        if row.person_id != self.person_id:
            raise ValueError("row belongs to another person")
        self.session.delete(row)
        self.session.flush()


class InventoryRepository(OwnedRepository[InventoryEntry]):
    model = InventoryEntry

    def ordering(self) -> tuple[Any, ...]:
        return (InventoryEntry.kind, func.lower(InventoryEntry.name), InventoryEntry.id)

    def find_name(self, kind: str, name: str) -> InventoryEntry | None:
        """The entry of this kind with this name, ignoring case (names are unique per kind).

        Compared in Python: SQLite's ``lower()`` folds ASCII only, so "École" would miss
        "école" there, and an exact repeat of a non-ASCII name reached the unique constraint.
        """
        key = name.casefold()
        rows = self.session.execute(
            select(InventoryEntry.id, InventoryEntry.name).where(
                InventoryEntry.person_id == self.person_id, InventoryEntry.kind == kind
            )
        ).all()
        for row_id, existing in rows:
            if existing.casefold() == key:
                return self.session.get(InventoryEntry, row_id)
        return None

    def count_by(self, column: str) -> dict[str, int]:
        col = getattr(InventoryEntry, column)
        rows = self.session.execute(
            select(col, func.count())
            .where(InventoryEntry.person_id == self.person_id)
            .group_by(col)
        ).all()
        return {str(key): int(n) for key, n in rows}

    def in_order_added(self) -> Sequence[InventoryEntry]:
        return self.session.scalars(
            select(InventoryEntry)
            .where(InventoryEntry.person_id == self.person_id)
            .order_by(InventoryEntry.id)
        ).all()

    def kept_skills(self) -> Sequence[InventoryEntry]:
        """Skills the person keeps or adds (not those to drop), in the order added."""
        return self.session.scalars(
            select(InventoryEntry)
            .where(
                InventoryEntry.person_id == self.person_id,
                InventoryEntry.kind == "skill",
                InventoryEntry.intent != "drop",
            )
            .order_by(InventoryEntry.id)
        ).all()

    def recent(self, limit: int) -> Sequence[InventoryEntry]:
        return self.session.scalars(
            select(InventoryEntry)
            .where(InventoryEntry.person_id == self.person_id)
            .order_by(InventoryEntry.created_at.desc(), InventoryEntry.id.desc())
            .limit(limit)
        ).all()


class PositionRepository(OwnedRepository[Position]):
    model = Position

    def ordering(self) -> tuple[Any, ...]:
        # Current positions first, then the most recent; undated ones last.
        return (
            Position.end_date.is_not(None),
            Position.end_date.desc(),
            Position.start_date.is_(None),
            Position.start_date.desc(),
            Position.id,
        )

    def in_order_added(self) -> Sequence[Position]:
        return self.session.scalars(
            select(Position).where(Position.person_id == self.person_id).order_by(Position.id)
        ).all()

    def by_start(self) -> Sequence[Position]:
        """Latest start first, as the career plan lists them."""
        return self.session.scalars(
            select(Position)
            .where(Position.person_id == self.person_id)
            .order_by(Position.start_date.desc())
        ).all()


class PersonRepository:
    """The person row itself; scoped by being looked up by the owner's own id."""

    def __init__(self, session: Session, person_id: int) -> None:
        self.session = session
        self.person_id = person_id

    def get(self) -> Person:
        person = self.session.get(Person, self.person_id)
        if person is None:  # the context created it; a vanished person is a real fault
            raise LookupError(f"person #{self.person_id} does not exist")
        return person

    def update(self, values: dict[str, Any]) -> Person:
        person = self.get()
        for name, value in values.items():
            setattr(person, name, value)
        self.session.flush()
        return person
