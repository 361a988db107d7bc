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

from careerceo.errors import CareerError

FORMAT = "career-ceo-practice-backup"
VERSION = 1
_KEYS = {"format", "version", "schema", "created_at", "database", "tables"}


@dataclass(frozen=True)
class PracticeBackup:
    schema: str
    created_at: datetime
    database: str
    tables: dict[str, Any]


def render(backup: PracticeBackup) -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "schema": backup.schema,
        "created_at": backup.created_at.replace(microsecond=0).isoformat() + "Z",
        "database": backup.database,
        "tables": backup.tables,
    }
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def _refuse(problem: str) -> CareerError:
    return CareerError(
        f"{problem}; this file cannot be restored (nothing was written) - use a file made by "
        "`career backup`",
        field="backup",
    )


def parse(text: str) -> PracticeBackup:
    """Check the envelope; raise ``CareerError`` saying what is wrong with the file."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _refuse(f"the file is not JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise _refuse("the file nests too deeply to be a backup") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        if isinstance(document, dict) and document.get("format") == "career-ceo-backup":
            raise CareerError(
                "this is one person's export (career export); restore it with `career import`, "
                "or give a file made by `career backup` (nothing was written)",
                field="backup",
            )
        raise _refuse(f'the file is not a Career CEO practice backup ("format" is not "{FORMAT}")')
    if document.get("version") != VERSION:
        raise CareerError(
            f"practice backup version {document.get('version')!r} is not supported; this "
            f"Career CEO reads version {VERSION} - restore it with the version that made it "
            "(nothing was written)",
            field="version",
        )
    unknown = sorted(set(document) - _KEYS)
    if unknown:
        raise _refuse(f"unexpected top-level key(s) {', '.join(map(repr, unknown))}")
    schema, database, tables = (
        document.get("schema"),
        document.get("database"),
        document.get("tables"),
    )
    if not isinstance(schema, str) or not schema:
        raise _refuse('"schema" is missing')
    try:
        created_at = datetime.fromisoformat(str(document.get("created_at", "")).removesuffix("Z"))
    except ValueError:
        raise _refuse('"created_at" is missing or not an ISO date-time') from None
    if not isinstance(tables, dict):
        raise _refuse('"tables" is missing or not an object')
    return PracticeBackup(schema, created_at, str(database or ""), tables)
