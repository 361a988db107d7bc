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

from careerceo.documents import envelope

KIND = envelope.PERSON_EXPORT


@dataclass(frozen=True)
class Backup:
    exported_at: datetime
    person: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]


def render(backup: Backup) -> str:
    document = {
        **envelope.head(KIND),
        "exported_at": envelope.stamp(backup.exported_at),
        "person": backup.person,
        "tables": backup.tables,
    }
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def parse(text: str) -> Backup:
    """Check the envelope; raise ``CareerError`` saying what is wrong with the file."""
    document = envelope.read(text, KIND)
    exported_at = envelope.timestamp(document, "exported_at", KIND)
    person = envelope.mapping(document, "person", KIND)
    tables = envelope.mapping(document, "tables", KIND)
    for name, rows in tables.items():
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise envelope.refuse(KIND, f'table "{name}" must be a list of objects')
    return Backup(exported_at=exported_at, person=person, tables=tables)
