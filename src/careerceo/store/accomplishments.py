"""The repository of accomplishments (wins), scoped to one person."""

from __future__ import annotations

from typing import Any

from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import Accomplishment


class AccomplishmentRepository(OwnedRepository[Accomplishment]):
    model = Accomplishment

    def ordering(self) -> tuple[Any, ...]:
        return (Accomplishment.happened_on.desc(), Accomplishment.id.desc())  # newest first
