"""Use-cases for the skills/knowledge/attributes inventory.

Names are unique per kind regardless of case ("Python" and "python" are one skill), which is
checked here so the person gets a message naming the existing entry rather than a database
constraint error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from careerceo.actions import Action, ActionKind
from careerceo.errors import CareerError, NotFoundError, unknown_id
from careerceo.model.inventory import INTENTS, KINDS, InventoryInput, InventoryOut
from careerceo.services.context import AppContext
from careerceo.services.records import OwnedRecords, as_input, merged
from careerceo.store.repositories import InventoryRepository
from careerceo.store.tables import InventoryEntry


def _not_found(entry_id: int) -> NotFoundError:
    return unknown_id(
        "inventory entry", entry_id, field="id", listed_by=Action(ActionKind.INVENTORY)
    )


ENTRIES = OwnedRecords(InventoryRepository, InventoryOut, _not_found)


def _check_unique(repo: InventoryRepository, data: InventoryInput, own_id: int | None) -> None:
    existing = repo.find_name(data.kind, data.name)
    if existing is not None and existing.id != own_id:
        raise CareerError(
            f"you already have the {data.kind} {existing.name!r} (#{existing.id}); "
            "edit that entry instead of adding it again",
            field="name",
        )


def list_entries(
    ctx: AppContext, *, kind: str | None = None, intent: str | None = None
) -> list[InventoryOut]:
    if kind is not None and kind not in KINDS:
        raise CareerError(f"kind must be {', '.join(KINDS)}; got {kind!r}", field="kind")
    if intent is not None and intent not in INTENTS:
        raise CareerError(f"intent must be {', '.join(INTENTS)}; got {intent!r}", field="intent")
    return ENTRIES.list(ctx, kind=kind, intent=intent)


def get_entry(ctx: AppContext, entry_id: int) -> InventoryOut:
    return ENTRIES.get(ctx, entry_id)


def add_entry(ctx: AppContext, data: InventoryInput | Mapping[str, Any]) -> InventoryOut:
    entry = as_input(InventoryInput, data)
    row = InventoryEntry(**entry.model_dump())
    return ENTRIES.add(ctx, row, lambda repo: _check_unique(repo, entry, None))


def update_entry(ctx: AppContext, entry_id: int, changes: Mapping[str, Any]) -> InventoryOut:
    """Apply the given fields; the merged entry is validated as a whole before it is saved."""
    with ctx.db.transaction() as session:
        repo = InventoryRepository(session, ctx.person_id)
        row = ENTRIES.row(repo, entry_id)
        entry = merged(InventoryInput, row, changes)
        _check_unique(repo, entry, row.id)
        return InventoryOut.model_validate(repo.update(row, entry.model_dump()))


def remove_entry(ctx: AppContext, entry_id: int) -> InventoryOut:
    return ENTRIES.remove(ctx, entry_id)


@dataclass(frozen=True)
class InventorySummary:
    total: int
    by_intent: dict[str, int]
    by_kind: dict[str, int]
    recent: list[InventoryOut]


def summary(ctx: AppContext, *, recent: int = 5) -> InventorySummary:
    with ctx.db.transaction() as session:
        repo = InventoryRepository(session, ctx.person_id)
        by_intent = {intent: 0 for intent in INTENTS} | repo.count_by("intent")
        by_kind = {kind: 0 for kind in KINDS} | repo.count_by("kind")
        latest = [InventoryOut.model_validate(row) for row in repo.recent(recent)]
    return InventorySummary(sum(by_kind.values()), by_intent, by_kind, latest)
