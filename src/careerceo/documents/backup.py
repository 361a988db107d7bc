"""The backup file format: a versioned JSON envelope around the person's tables.

    {"format": "career-ceo-backup", "version": 1, "exported_at": "2026-01-31T12:00:00Z",
     "person": {...profile columns...}, "tables": {"inventory_entry": [{...}, ...], ...}}

Rows refer to each other by ``uid`` (``goal_uid``, never ``goal_id``) because integer ids are
an accident of one database. The text is rendered canonically (sorted keys, fixed indent,
rows in a stable order chosen by the store) so the same data always gives the same bytes;
``exported_at`` is the one field that records the act of exporting rather than the data.

This module only knows the envelope; what a row must contain is the store's business.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from careerceo.documents.json_safety import loads_limited
from careerceo.errors import CareerError

FORMAT = "career-ceo-backup"
VERSION = 1


@dataclass(frozen=True)
class Backup:
    exported_at: datetime
    person: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]


def render(backup: Backup) -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": backup.exported_at.replace(microsecond=0).isoformat() + "Z",
        "person": backup.person,
        "tables": backup.tables,
    }
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _refuse(problem: str) -> CareerError:
    return CareerError(
        f"{problem}; this file cannot be imported (nothing was written) - "
        "use a file made by `career export`",
        field="backup",
    )


def parse(text: str) -> Backup:
    """Check the envelope; raise ``CareerError`` saying what is wrong with the file."""
    try:
        document = loads_limited(text, name="the backup", field="backup")
    except CareerError as exc:
        raise _refuse(exc.message.removesuffix("; nothing was imported")) from None
    if not isinstance(document, dict):
        raise _refuse("the file holds JSON but not a Career CEO backup object")
    if document.get("format") != FORMAT:
        raise _refuse(f'the file is not a Career CEO backup (its "format" is not "{FORMAT}")')
    version = document.get("version")
    if version != VERSION:
        raise CareerError(
            f"backup version {version!r} is not supported; this Career CEO reads version "
            f"{VERSION} - upgrade Career CEO or export the data again with this version "
            "(nothing was written)",
            field="version",
        )
    unknown = sorted(set(document) - {"format", "version", "exported_at", "person", "tables"})
    if unknown:
        raise _refuse(f"unexpected top-level key(s) {', '.join(map(repr, unknown))}")
    raw_time = document.get("exported_at")
    try:
        if not isinstance(raw_time, str):
            raise ValueError
        exported_at = datetime.fromisoformat(raw_time.removesuffix("Z"))
    except ValueError:
        raise _refuse('"exported_at" is missing or not an ISO date-time') from None
    person = document.get("person")
    if not isinstance(person, dict):
        raise _refuse('"person" is missing or not an object')
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise _refuse('"tables" is missing or not an object')
    for name, rows in tables.items():
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise _refuse(f'table "{name}" must be a list of objects')
    return Backup(exported_at=exported_at, person=person, tables=tables)
