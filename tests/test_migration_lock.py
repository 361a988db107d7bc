"""Several workers starting at once on a fresh database: one migrates, the others wait and find
the schema ready (PostgreSQL advisory lock, SQLite file lock)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

from careerceo.store.db import head_revision

STARTER = """
import sys
from careerceo.store.db import Database
Database(sys.argv[1]).dispose()
print("ok")
"""


def _start_together(url: str, workers: int = 4) -> list[subprocess.CompletedProcess[str]]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", STARTER, url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(workers)
    ]
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=180)
        out.append(subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr))
    return out


def _check(url: str) -> None:
    results = _start_together(url)
    assert all(r.returncode == 0 and r.stdout.strip() == "ok" for r in results), [
        r.stderr[-500:] for r in results
    ]
    engine = create_engine(url)
    with engine.connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    engine.dispose()
    assert [v[0] for v in versions] == [head_revision()]


def test_workers_migrate_a_fresh_sqlite_database_once(sqlite_url: str) -> None:
    _check(sqlite_url)


@pytest.mark.postgres
def test_workers_migrate_a_fresh_postgresql_database_once(postgres_url: str) -> None:
    _check(postgres_url)
