"""The repository of accomplishments (wins), scoped to one person."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import Accomplishment


class AccomplishmentRepository(OwnedRepository[Accomplishment]):
    model = Accomplishment

    def ordering(self) -> tuple[Any, ...]:
        return (Accomplishment.happened_on.desc(), Accomplishment.id.desc())  # newest first

    def on_positions(self) -> Sequence[Accomplishment]:
        """Wins logged against a job, newest first."""
        return self.session.scalars(
            select(Accomplishment)
            .where(
                Accomplishment.person_id == self.person_id,
                Accomplishment.position_id.is_not(None),
            )
            .order_by(*self.ordering())
        ).all()
