"""The practice backup file: a versioned JSON envelope around every table of the database.

    {"format": "career-ceo-practice-backup", "version": 1, "schema": "<alembic revision>",
     "created_at": "2026-01-31T12:00:00Z", "database": "postgresql",
     "tables": {"account": {"columns": ["id", ...], "rows": [[1, ...], ...]}, ...}}

Rows are lists under one list of column names: a practice's audit log and sessions run to
many thousands of rows, and repeating every key in every row would double the file. The
``schema`` names the migration the rows fit; a restore needs a database at the same one.

This module only knows the envelope; what a table must contain is the store's business.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from careerceo.documents import envelope

KIND = envelope.PRACTICE_BACKUP


@dataclass(frozen=True)
class PracticeBackup:
    schema: str
    created_at: datetime
    database: str
    tables: dict[str, Any]


def render(backup: PracticeBackup) -> str:
    document = {
        **envelope.head(KIND),
        "schema": backup.schema,
        "created_at": envelope.stamp(backup.created_at),
        "database": backup.database,
        "tables": backup.tables,
    }
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def parse(text: str) -> PracticeBackup:
    """Check the envelope; raise ``CareerError`` saying what is wrong with the file."""
    document = envelope.read(text, KIND)
    schema = document.get("schema")
    if not isinstance(schema, str) or not schema:
        raise envelope.refuse(KIND, '"schema" is missing or empty')
    created_at = envelope.timestamp(document, "created_at", KIND)
    tables = envelope.mapping(document, "tables", KIND)
    return PracticeBackup(schema, created_at, str(document.get("database") or ""), tables)
