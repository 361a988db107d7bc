"""Interactions with contacts: their history, last contact and open next steps."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from careerceo.store.job_search.rows import CHUNK, NextStepRow
from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import Contact, Interaction


class InteractionRepository(OwnedRepository[Interaction]):
    model = Interaction

    def ordering(self) -> tuple[Any, ...]:
        return (Interaction.happened_on.desc(), Interaction.id.desc())

    def for_contact(self, contact_id: int) -> Sequence[Interaction]:
        return self.where(Interaction.contact_id == contact_id)

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
        return self.count_matching(Interaction.happened_on >= since)
