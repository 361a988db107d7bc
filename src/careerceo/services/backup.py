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
from careerceo.store import path_snapshot

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


def export_backup(
    ctx: AppContext, *, now: datetime | None = None, for_sharing: bool = False
) -> str:
    """The canonical backup text; ``now`` fixes ``exported_at`` (tests compare bytes).

    ``for_sharing`` leaves out the reference collections the person did not mark for sharing:
    their profiles are other people's data."""
    moment = now or datetime.now(UTC).replace(tzinfo=None)
    with ctx.db.transaction() as session:
        person, tables = store.dump(session, ctx.person_id)
    if for_sharing:
        tables = _without_private_references(tables)
    return render(Backup(exported_at=moment, person=person, tables=tables))


def _without_private_references(
    tables: dict[str, list[dict[str, object]]],
) -> dict[str, list[dict[str, object]]]:
    collections = tables.get("path_collection", [])
    private = {row["uid"] for row in collections if not row.get("include_in_exports")}
    out = dict(tables)
    out["path_collection"] = [row for row in collections if row["uid"] not in private]
    for name in ("path_profile", "path_position"):
        out[name] = [r for r in tables.get(name, []) if r.get("collection_uid") not in private]
    return out


def import_backup(ctx: AppContext, text: str) -> dict[str, int]:
    """Restore a backup into the current (empty) person; returns rows written per table."""
    backup = parse(text)
    decoded = store.decode(backup.person, backup.tables)
    _check_domain_rules(decoded)
    with ctx.db.transaction() as session:
        store.write(session, ctx.person_id, decoded)
    for row in backup.tables.get("path_collection", []):
        # a collection restored under its old uid must not meet an old columnar snapshot
        if row.get("uid"):
            path_snapshot.drop(ctx.settings.data_dir, str(row["uid"]))
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
