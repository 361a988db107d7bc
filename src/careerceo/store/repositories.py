"""Owner-scoped repositories: the only place that queries the person's rows.

Every query carries ``person_id`` so a coaching practice can host many clients in one
database without one seeing another's data; a row of someone else is simply "not there".
Repositories work inside a session the caller's transaction owns and never commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
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

    def owned(self) -> Select[T]:
        """This person's rows of the table: every query of a subclass starts here (or says
        ``person_id`` itself), so no call site has to remember the owner filter."""
        return select(self.model).where(self.model.person_id == self.person_id)

    def get(self, row_id: int) -> T | None:
        if not can_exist(row_id):
            return None
        return self.first_where(self.model.id == row_id)

    def list(self, **equals: Any) -> Sequence[T]:
        query = self.owned()
        for name, value in equals.items():
            if value is not None:
                query = query.where(getattr(self.model, name) == value)
        return self.session.scalars(query.order_by(*self.ordering())).all()

    def where(self, *conditions: Any) -> Sequence[T]:
        """This person's rows meeting every condition, in the repository's order."""
        query = self.owned().where(*conditions).order_by(*self.ordering())
        return self.session.scalars(query).all()

    def first_where(self, *conditions: Any) -> T | None:
        return self.session.scalars(self.owned().where(*conditions)).first()

    def ordering(self) -> tuple[Any, ...]:
        return (self.model.id,)

    def count(self) -> int:
        return self.count_matching()

    def count_matching(self, *conditions: Any) -> int:
        query = select(func.count(self.model.id)).where(
            self.model.person_id == self.person_id, *conditions
        )
        return int(self.session.scalar(query) or 0)

    def page_where(
        self, conditions: Sequence[Any], *, limit: int | None, offset: int
    ) -> tuple[Sequence[T], int]:
        """One page of this person's rows meeting ``conditions``, and how many meet them."""
        total = self.count_matching(*conditions)
        query = self.owned().where(*conditions).order_by(*self.ordering()).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        return self.session.scalars(query).all(), total

    def latest_per_row(self, when: Any, link: Any) -> Any:
        """The latest ``when`` among this person's rows of ``link``'s table that point at each
        row of this repository's table (``link`` is their foreign key), as a correlated subquery:
        one probe of the (person, parent, date) index per row instead of grouping every child."""
        return (
            select(func.max(when))
            .where(link.class_.person_id == self.person_id, link == self.model.id)
            .correlate(self.model)
            .scalar_subquery()
        )

    def count_by(self, column: str) -> dict[str, int]:
        """How many of this person's rows have each value of ``column``."""
        col = getattr(self.model, column)
        rows = self.session.execute(
            select(col, func.count(self.model.id))
            .where(self.model.person_id == self.person_id)
            .group_by(col)
        ).all()
        return {str(key): int(n) for key, n in rows}

    def clear(self, column: str, value: Any) -> None:
        """Empty ``column`` on this person's rows where it holds ``value`` (a link to a row
        being deleted), so the rows stay and point at nothing."""
        for row in self.session.scalars(self.owned().where(getattr(self.model, column) == value)):
            setattr(row, column, None)
        self.session.flush()

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

    def in_order_added(self) -> Sequence[InventoryEntry]:
        return self.session.scalars(self.owned().order_by(InventoryEntry.id)).all()

    def kept_skills(self) -> Sequence[InventoryEntry]:
        """Skills the person keeps or adds (not those to drop), in the order added."""
        return self.session.scalars(
            self.owned()
            .where(InventoryEntry.kind == "skill", InventoryEntry.intent != "drop")
            .order_by(InventoryEntry.id)
        ).all()

    def recent(self, limit: int) -> Sequence[InventoryEntry]:
        return self.session.scalars(
            self.owned()
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
        return self.session.scalars(self.owned().order_by(Position.id)).all()

    def by_start(self) -> Sequence[Position]:
        """Latest start first, as the career plan lists them."""
        return self.session.scalars(self.owned().order_by(Position.start_date.desc())).all()


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
