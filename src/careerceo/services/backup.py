"""Export everything a person owns to one JSON document, and restore it into an empty place.

Import is all-or-nothing in two stages: the whole file is validated first without touching
the database (envelope, every value, every reference), then conflicts are checked and every
row is written inside one transaction, so a refused import leaves the database as it was.

Import restores; it never merges. Merging would need rules for two versions of the same
goal or review that this app cannot guess, so a person (or database) that already holds data
is refused, as is a backup whose uids are already present.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ValidationError

from careerceo.documents.backup import Backup, parse, render
from careerceo.errors import CareerError
from careerceo.model.common import input_error
from careerceo.model.direction import (
    GoalIn,
    GoalState,
    MilestoneIn,
    MilestoneState,
    StoredReview,
    VisionIn,
)
from careerceo.model.education import CertificationInput, EducationInput
from careerceo.model.inventory import InventoryInput
from careerceo.model.position import PositionInput
from careerceo.model.profile import ProfileInput
from careerceo.services.context import AppContext
from careerceo.store import backup as store

# Tables whose rows the app itself validates on input: a backup must obey the same rules, or
# a hand-edited file could store what no screen would accept (a level of 9, say).
DOMAIN_RULES: dict[str, tuple[type[BaseModel], ...]] = {
    "inventory_entry": (InventoryInput,),
    "position": (PositionInput,),
    "education": (EducationInput,),
    "certification": (CertificationInput,),
    "vision": (VisionIn,),
    "goal": (GoalIn, GoalState),
    "milestone": (MilestoneIn, MilestoneState),
}


def export_backup(ctx: AppContext, *, now: datetime | None = None) -> str:
    """The canonical backup text; ``now`` fixes ``exported_at`` (tests compare bytes)."""
    moment = now or datetime.now(UTC).replace(tzinfo=None)
    with ctx.db.transaction() as session:
        person, tables = store.dump(session, ctx.person_id)
    return render(Backup(exported_at=moment, person=person, tables=tables))


def import_backup(ctx: AppContext, text: str) -> dict[str, int]:
    """Restore a backup into the current (empty) person; returns rows written per table."""
    backup = parse(text)
    decoded = store.decode(backup.person, backup.tables)
    _check_domain_rules(decoded)
    with ctx.db.transaction() as session:
        store.write(session, ctx.person_id, decoded)
    return {name: count for name, count in decoded.counts().items() if count}


def _obey(model: type[BaseModel], values: dict[str, object], where: str) -> None:
    try:
        model.model_validate({k: v for k, v in values.items() if k in model.model_fields})
    except ValidationError as exc:
        error = input_error(exc)
        raise CareerError(
            f"{where}.{error.field} is refused: {error.message}; correct the file "
            "(nothing was written)",
            field="backup",
        ) from None


def _check_domain_rules(decoded: store.Decoded) -> None:
    _obey(ProfileInput, decoded.person, "person")
    for table, models in DOMAIN_RULES.items():
        for index, row in enumerate(decoded.tables.get(table, [])):
            for model in models:
                _obey(model, row.values, f"tables.{table}[{index}]")
    for index, row in enumerate(decoded.tables.get("review", [])):
        # The form's rules on the stored shape: details are checked field by field.
        details = row.values.get("details") or {}
        values = {"month": row.values.get("month"), "notes": row.values.get("notes", "")}
        _obey(StoredReview, {**details, **values}, f"tables.review[{index}]")
