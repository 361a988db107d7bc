"""Use-cases for the positions a person has held (their work history)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from careerceo.actions import Action, ActionKind
from careerceo.errors import NotFoundError, unknown_id
from careerceo.model.position import PositionInput, PositionOut
from careerceo.services.context import AppContext
from careerceo.services.occupation_codes import check_known_code
from careerceo.services.records import OwnedRecords, as_input, merged
from careerceo.store.repositories import PositionRepository
from careerceo.store.tables import Position


def _not_found(position_id: int) -> NotFoundError:
    return unknown_id("position", position_id, field="id", listed_by=Action(ActionKind.POSITIONS))


POSITIONS = OwnedRecords(PositionRepository, PositionOut, _not_found)


def list_positions(ctx: AppContext, *, current_only: bool = False) -> list[PositionOut]:
    result = POSITIONS.list(ctx)
    return [p for p in result if p.is_current] if current_only else result


def get_position(ctx: AppContext, position_id: int) -> PositionOut:
    return POSITIONS.get(ctx, position_id)


def add_position(ctx: AppContext, data: PositionInput | Mapping[str, Any]) -> PositionOut:
    position = as_input(PositionInput, data)
    check_known_code(position.occupation_code)
    return POSITIONS.add(ctx, Position(**position.model_dump()))


def update_position(ctx: AppContext, position_id: int, changes: Mapping[str, Any]) -> PositionOut:
    """Apply the given fields; dates are re-checked against each other after merging."""
    with ctx.db.transaction() as session:
        repo = PositionRepository(session, ctx.person_id)
        row = POSITIONS.row(repo, position_id)
        position = merged(PositionInput, row, changes)
        if position.occupation_code != row.occupation_code:
            check_known_code(position.occupation_code)
        return PositionOut.model_validate(repo.update(row, position.model_dump()))


def remove_position(ctx: AppContext, position_id: int) -> PositionOut:
    return POSITIONS.remove(ctx, position_id)
