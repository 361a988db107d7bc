"""Back up and restore the whole practice: every account, client, grant and audit event.

For the practice admin on the server (the CLI), not for a client: the file holds every
client's career and every password hash, so it is written 0600. A restore goes into an empty
database (a new one, at the same schema) and refuses one that holds anything unless told to
replace it; the file is checked in full before the database is touched, and the rows are
written in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from careerceo.documents.practice_backup import PracticeBackup, parse, render
from careerceo.store import path_snapshot
from careerceo.store import practice_backup as store
from careerceo.store.db import Database


def backup_text(db: Database, *, now: datetime | None = None) -> str:
    """The whole database as one backup document, read as one consistent snapshot."""
    schema, tables = store.dump(db.engine)
    moment = now or datetime.now(UTC).replace(tzinfo=None)
    return render(PracticeBackup(schema, moment, db.engine.dialect.name, tables))


@dataclass(frozen=True)
class Restored:
    counts: dict[str, int]  # rows restored per table (the tables that had any)
    made_at: datetime  # when the backup was taken: later password changes and revocations
    # are not in it, so the admin must repeat them


def restore_text(db: Database, text: str, data_dir: Path, *, force: bool = False) -> Restored:
    """Restore a backup into ``db``, all of it or (on any refusal) nothing."""
    backup = parse(text)
    data = store.decode(backup.tables)
    before = store.collection_uids(db.engine)
    store.restore(db.engine, backup.schema, data, force)
    # columnar caches of path collections are keyed by uid: none may outlive its rows
    for uid in before | {str(row["uid"]) for row in data.get("path_collection", [])}:
        path_snapshot.drop(data_dir, uid)
    counts = {name: len(rows) for name, rows in data.items() if rows}
    return Restored(counts, backup.created_at)
