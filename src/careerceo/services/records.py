"""The use-cases every owned record shares, written once: list, get, change and remove one
of the person's rows and answer its pydantic view, or say which id is not there.

A service keeps what is its own (uniqueness, links to check, how a row becomes a view); the
lookup through the owner-scoped repository, the "there is no ... #id" message, and the
merge-then-validate of a partial change live here, so each record behaves the same in the
CLI, the pages and the API.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy.orm import Session

from careerceo.errors import CareerError
from careerceo.model.common import validate
from careerceo.services.context import AppContext
from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import Owned

Row = TypeVar("Row", bound=Owned)
Out = TypeVar("Out", bound=BaseModel)
In = TypeVar("In", bound=BaseModel)


def merged(
    model: type[In], row: Any, changes: Mapping[str, Any], *, none_keeps: bool = False
) -> In:
    """The row's current input fields with ``changes`` laid over them, validated as a whole:
    a partial change is checked against the rest (an end date against the start date).
    ``none_keeps``: a change to None leaves the field as it was (a form's unset field)."""
    current = {name: getattr(row, name) for name in model.model_fields}
    given = {k: v for k, v in changes.items() if not (none_keeps and v is None)}
    return validate(model, {**current, **given})


def require(repo: OwnedRepository[Row], row_id: int, missing: Callable[[int], CareerError]) -> Row:
    """The person's row ``row_id`` from ``repo``, or ``missing(row_id)`` raised: the error
    says which id is not there and which list shows the right ones."""
    found = repo.get(row_id)
    if found is None:
        raise missing(row_id)
    return found


def as_input(model: type[In], data: In | Mapping[str, Any]) -> In:
    """A shell's raw fields validated into ``model`` (an already valid model passes as is)."""
    return validate(model, data) if isinstance(data, Mapping) else data


class OwnedRecords(Generic[Row, Out]):
    """One kind of owned record as its service hands it out: rows of ``repository``, shown
    as ``view(row)`` (by default ``out.model_validate``), missing ids as ``missing(id)``."""

    def __init__(
        self,
        repository: Callable[[Session, int], OwnedRepository[Row]],
        out: type[Out],
        missing: Callable[[int], CareerError],
        view: Callable[[Row], Out] | None = None,
    ) -> None:
        self.repository = repository
        self.out = out
        self.missing = missing
        self.view: Callable[[Row], Out] = view or out.model_validate

    def row(self, repo: OwnedRepository[Row], row_id: int) -> Row:
        """The person's row ``row_id``, or the "there is no ..." error naming the list."""
        return require(repo, row_id, self.missing)

    def list(self, ctx: AppContext, **equals: Any) -> list[Out]:
        with ctx.db.transaction() as session:
            rows: Sequence[Row] = self.repository(session, ctx.person_id).list(**equals)
            return [self.view(row) for row in rows]

    def get(self, ctx: AppContext, row_id: int) -> Out:
        with ctx.db.transaction() as session:
            return self.view(self.row(self.repository(session, ctx.person_id), row_id))

    def add(self, ctx: AppContext, row: Row, check: Callable[[Any], None] | None = None) -> Out:
        """Store a new row for the person, after ``check(repository)`` (a uniqueness rule)."""
        with ctx.db.transaction() as session:
            repo = self.repository(session, ctx.person_id)
            if check is not None:
                check(repo)
            return self.view(repo.add(row))

    def remove(self, ctx: AppContext, row_id: int) -> Out:
        """Delete the row; answers what it was, for the message that says what went."""
        with ctx.db.transaction() as session:
            repo = self.repository(session, ctx.person_id)
            row = self.row(repo, row_id)
            removed = self.view(row)
            repo.delete(row)
            return removed
