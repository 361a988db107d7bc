"""Backups: export → import into an empty database → export gives the same bytes, on SQLite
and PostgreSQL, for every person-owned table; bad or conflicting files change nothing.

The round trip is compared with ``exported_at`` fixed (``export_backup(now=...)``) rather than
with that key removed: then the whole document, bytes included, must be identical, which also
proves the serialiser is canonical. ``exported_at`` is the only key allowed to differ between
two exports of the same data, and ``test_only_exported_at_depends_on_the_clock`` pins that.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    String,
    create_engine,
    func,
    insert,
    select,
    text,
)

from careerceo.errors import CareerError
from careerceo.services import backup, inventory, positions, profile
from careerceo.services.context import AppContext
from careerceo.settings import Settings
from careerceo.store import backup as store
from careerceo.store.tables import Account, Person

FIXED = datetime(2026, 1, 31, 12, 0, 0)


@pytest.fixture
def target_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """A second empty database of the same kind as ``ctx``'s."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'target.db'}"
        return
    admin_url = os.environ["CAREER_TEST_POSTGRES_URL"]
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"career_target_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{admin_url.rpartition('/')[0]}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def target(target_url: str, tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext(
        settings=Settings(
            data_dir=tmp_path / "target", database_url=target_url, host="127.0.0.1", port=0
        )
    )
    _ = context.person_id
    yield context
    context.db.dispose()


def synthetic_value(column: Any, index: int, table: str) -> Any:
    """A value of the column's type that differs per row and exercises the codec."""
    kind = column.type
    if isinstance(kind, JSON):
        value = {"rows": [index, "ü"], "nested": {"b": 1.25, "a": None}, "flag": True}
        return [value, index] if store.json_shape(column) is list else value
    if isinstance(kind, DateTime):
        return datetime(2024, 2, 29, 10, index, 30, 123456 if index else 0)
    if isinstance(kind, Date):
        return date(2023, 12, 1 + index)
    if isinstance(kind, LargeBinary):
        return bytes(range(index, index + 40))
    if isinstance(kind, Boolean):
        return index % 2 == 0
    if isinstance(kind, Integer):
        return 3 + index
    if isinstance(kind, Float | Numeric):
        return 0.1 + index
    if isinstance(kind, String):
        value = f"{index}-{table}.{column.name} «é»"
        return value[: kind.length] if kind.length else value + "\nsecond line"
    raise AssertionError(f"no synthetic value for {kind!r}; extend the test")


# Tables the app validates beyond column types (see services/backup.DOMAIN_RULES) get values
# that obey those rules; every other column is synthetic.
OVERRIDES: dict[str, Any] = {
    "inventory_entry": lambda i: {
        "kind": ("skill", "knowledge", "attribute")[i % 3],
        "level": 1 + i % 5,
        "intent": ("keep", "drop", "add")[i % 3],
        "taxonomy": "esco" if i == 0 else None,
    },
    "position": lambda i: {"occupation_code": "15-1252.00" if i == 0 else None},
    "goal": lambda i: {
        "horizon": ("1y", "2y", "long")[i % 3],
        "status": ("active", "done", "dropped")[i % 3],
        "occupation_code": "15-1252.00" if i == 0 else None,
    },
    "milestone": lambda i: {"status": ("open", "done", "dropped")[i % 3]},
    "review": lambda i: {
        "month": f"2025-{1 + i:02d}",
        "details": {
            "activities": [{"name": "Networking «é»", "share": 40, "goal": None}],
            "new_skills": ["dbt"],
            "wins": [f"win {i}"],
            "ratings": {},
            "milestones": {},
            "breakdown": {"rows": [i, "ü"], "nested": {"b": 1.25, "a": None}},
        },
    },
}


def fill_every_owned_table(ctx: AppContext, rows_per_table: int = 2) -> dict[str, int]:
    """Insert rows straight into every person-owned table, whatever features exist.

    Driven by the metadata like the backup itself, so a table added later is covered here
    without editing this test. Foreign keys point at earlier rows (self-references at the
    previous row of the same table); the last row leaves nullable columns empty.
    """
    counts: dict[str, int] = {}
    with ctx.db.transaction() as session:
        ids: dict[str, list[int]] = {}
        for table in store.owned_tables():
            made = []
            for index in range(rows_per_table):
                last = index == rows_per_table - 1 and index > 0
                values: dict[str, Any] = {"person_id": ctx.person_id}
                for column in table.columns:
                    if column.name in {"id", "person_id", "uid"}:
                        continue
                    target = (
                        next(iter(column.foreign_keys)).column.table
                        if column.foreign_keys
                        else None
                    )
                    if target is not None:
                        pool = made if target.name == table.name else ids.get(target.name, [])
                        values[column.name] = pool[-1] if pool else None
                    elif last and column.nullable:
                        values[column.name] = None
                    else:
                        values[column.name] = synthetic_value(column, index, table.name)
                values.update(OVERRIDES.get(table.name, lambda _: {})(index))
                result = session.execute(insert(table).values(**values))
                made.append(int(result.inserted_primary_key[0]))
            ids[table.name] = made
            counts[table.name] = len(made)
    return counts


def populate(ctx: AppContext) -> None:
    profile.update_profile(ctx, {"full_name": "Zoë Example", "headline": "Analyst → PM"})
    inventory.add_entry(ctx, {"kind": "skill", "name": "Café ☕ logistics", "level": 2})
    positions.add_position(ctx, {"employer": "Acme", "title": "Analyst", "start_date": "2019-05"})
    fill_every_owned_table(ctx)


def row_counts(ctx: AppContext) -> dict[str, int]:
    with ctx.db.transaction() as session:
        return {
            table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in store.owned_tables()
        }


def test_round_trip_is_byte_identical(ctx: AppContext, target: AppContext) -> None:
    populate(ctx)
    first = backup.export_backup(ctx, now=FIXED)
    document = json.loads(first)
    # Every person-owned table is in the file, with rows.
    assert set(document["tables"]) == {t.name for t in store.owned_tables()}
    assert all(document["tables"][t.name] for t in store.owned_tables())
    # References are uids, never database ids.
    milestone = document["tables"]["milestone"][0]
    assert "goal_uid" in milestone and "goal_id" not in milestone and "id" not in milestone
    goal_uids = {g["uid"] for g in document["tables"]["goal"]}
    assert milestone["goal_uid"] in goal_uids

    written = backup.import_backup(target, first)
    assert written["inventory_entry"] == 3 and written["milestone"] == 2
    second = backup.export_backup(target, now=FIXED)
    assert second == first
    assert profile.get_profile(target).full_name == "Zoë Example"
    assert row_counts(target) == row_counts(ctx)


def test_only_exported_at_depends_on_the_clock(sqlite_ctx: AppContext) -> None:
    populate(sqlite_ctx)
    early = json.loads(backup.export_backup(sqlite_ctx, now=FIXED))
    late = json.loads(backup.export_backup(sqlite_ctx))
    assert early.pop("exported_at") == "2026-01-31T12:00:00Z"
    assert late.pop("exported_at") != "2026-01-31T12:00:00Z"
    assert early == late


def test_self_references_and_bytes_survive(sqlite_ctx: AppContext, tmp_path: Path) -> None:
    fill_every_owned_table(sqlite_ctx, rows_per_table=3)
    document = json.loads(backup.export_backup(sqlite_ctx, now=FIXED))
    documents = document["tables"]["document"]
    by_uid = {d["uid"]: d for d in documents}
    children = [d for d in documents if d["parent_uid"]]
    assert len(children) == 2 and all(c["parent_uid"] in by_uid for c in children)
    other = AppContext(
        settings=Settings(
            data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'b.db'}", host="", port=0
        )
    )
    backup.import_backup(other, json.dumps(document))
    with other.db.transaction() as session:
        table = store.owned_tables()[[t.name for t in store.owned_tables()].index("document")]
        rows = session.execute(select(table.c.uid, table.c.parent_id, table.c.content)).all()
        ids = dict(session.execute(select(table.c.uid, table.c.id)).all())
    parents = {uid: parent for uid, parent, _ in rows}
    for child in children:
        assert parents[child["uid"]] == ids[child["parent_uid"]]
    assert {bytes(content) for _, _, content in rows if content} == {
        bytes(range(0, 40)),
        bytes(range(1, 41)),
    }
    other.db.dispose()


def _mutated(text_: str, change: Any) -> str:
    document = json.loads(text_)
    change(document)
    return json.dumps(document)


def _set(path: list[Any], value: Any) -> Any:
    def apply(document: Any) -> None:
        node = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return apply


def _delete(path: list[Any]) -> Any:
    def apply(document: Any) -> None:
        node = document
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return apply


def _duplicate_first(table: str) -> Any:
    def apply(document: Any) -> None:
        document["tables"][table].append(dict(document["tables"][table][0]))

    return apply


BAD_FILES = [
    ("not json", lambda t: t[:-20], "not valid JSON"),
    ("a list", lambda t: "[]", "not a Career CEO backup"),
    ("other format", lambda t: _mutated(t, _set(["format"], "other")), "not a Career CEO backup"),
    (
        "a practice backup",
        lambda t: json.dumps({"format": "career-ceo-practice-backup"}),
        "give it to `career restore` instead",
    ),
    ("version 2", lambda t: _mutated(t, _set(["version"], 2)), "version 2 is not supported"),
    ("no version", lambda t: _mutated(t, _delete(["version"])), "version None is not supported"),
    ("no tables", lambda t: _mutated(t, _delete(["tables"])), '"tables" is missing'),
    ("bad time", lambda t: _mutated(t, _set(["exported_at"], "yesterday")), "exported_at"),
    (
        "unknown table",
        lambda t: _mutated(t, _set(["tables", "spaceship"], [])),
        "does not know: spaceship",
    ),
    (
        "wrong type",
        lambda t: _mutated(t, _set(["tables", "inventory_entry", 0, "level"], "high")),
        "tables.inventory_entry[0].level must be a whole number",
    ),
    (
        "level out of range",
        lambda t: _mutated(t, _set(["tables", "inventory_entry", 0, "level"], 9)),
        "tables.inventory_entry[0].level is refused: level must be a whole number from 1",
    ),
    (
        "end before start",
        lambda t: _mutated(t, _set(["tables", "position", 0, "end_date"], "2001-01-01")),
        "tables.position[0].end_date is refused",
    ),
    (
        "bad profile e-mail",
        lambda t: _mutated(t, _set(["person", "email"], "zoe-at-example")),
        "person.email is refused",
    ),
    (
        "bad date",
        lambda t: _mutated(t, _set(["tables", "milestone", 0, "due_date"], "2024-02-30")),
        "tables.milestone[0].due_date must be a date",
    ),
    (
        "too long",
        lambda t: _mutated(t, _set(["tables", "review", 0, "month"], "2024-001")),
        "more than the 7 allowed",
    ),
    (
        "missing required",
        lambda t: _mutated(t, _delete(["tables", "goal", 0, "title"])),
        'lacks the required key "title"',
    ),
    (
        "unknown key",
        lambda t: _mutated(t, _set(["tables", "goal", 0, "goal_id"], 1)),
        "unknown key(s) 'goal_id'",
    ),
    (
        "dangling reference",
        lambda t: _mutated(t, _set(["tables", "milestone", 0, "goal_uid"], "no-such-goal")),
        "points at goal 'no-such-goal', which is not in the backup",
    ),
    (
        "null required reference",
        lambda t: _mutated(t, _set(["tables", "interview", 0, "opportunity_uid"], None)),
        "cannot be null",
    ),
    (
        "duplicate uid",
        lambda t: _mutated(t, _duplicate_first("language")),
        "repeats uid",
    ),
    (
        "duplicate unique value",
        lambda t: _mutated(
            t, _set(["tables", "company", 1, "name"], json.loads(t)["tables"]["company"][0]["name"])
        ),
        "which must be unique",
    ),
]


@pytest.mark.parametrize(("label", "corrupt", "fragment"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_refused_before_writing(
    sqlite_ctx: AppContext, tmp_path: Path, label: str, corrupt: Any, fragment: str
) -> None:
    populate(sqlite_ctx)
    good = backup.export_backup(sqlite_ctx, now=FIXED)
    empty = AppContext(
        settings=Settings(
            data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'e.db'}", host="", port=0
        )
    )
    before = backup.export_backup(empty, now=FIXED)
    with pytest.raises(CareerError) as refused:
        backup.import_backup(empty, corrupt(good))
    message = str(refused.value)
    assert fragment in message, message
    assert "nothing was written" in message
    assert "\n" not in message
    assert backup.export_backup(empty, now=FIXED) == before
    empty.db.dispose()


def test_conflicts_are_refused_and_change_nothing(ctx: AppContext, target: AppContext) -> None:
    populate(ctx)
    text_ = backup.export_backup(ctx, now=FIXED)

    # Into a person who already has data (here: the same person).
    before = backup.export_backup(ctx, now=FIXED)
    with pytest.raises(CareerError, match="already has data") as refused:
        backup.import_backup(ctx, text_)
    assert refused.value.status == 409
    assert backup.export_backup(ctx, now=FIXED) == before

    # Into a person whose profile is filled in, though they own no rows yet.
    profile.update_profile(target, {"full_name": "Someone Else"})
    with pytest.raises(CareerError, match=r"profile is already filled in \(full_name\)"):
        backup.import_backup(target, text_)
    profile.update_profile(target, {"full_name": ""})

    # Into an empty second person of the same database: the uids are taken.
    with ctx.db.transaction() as session:
        account = Account(name="client")
        session.add(account)
        session.flush()
        newcomer = Person(account_id=account.id)
        session.add(newcomer)
        session.flush()
        newcomer_id = newcomer.id
    other = AppContext(settings=ctx.settings)
    other.__dict__["db"] = ctx.db
    other.__dict__["person_id"] = newcomer_id
    with pytest.raises(CareerError, match="already exists in this database"):
        backup.import_backup(other, text_)
    renamed = _mutated(text_, _set(["person", "uid"], str(uuid.uuid4())))
    with pytest.raises(CareerError, match="is already in this database"):
        backup.import_backup(other, renamed)
    assert backup.export_backup(ctx, now=FIXED) == before
    assert inventory.list_entries(other) == []

    # The empty target takes it once; a second import is a conflict.
    backup.import_backup(target, text_)
    with pytest.raises(CareerError, match="already has data"):
        backup.import_backup(target, text_)
    assert backup.export_backup(target, now=FIXED) == text_


def test_a_failure_while_writing_rolls_everything_back(
    sqlite_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(sqlite_ctx)
    text_ = backup.export_backup(sqlite_ctx, now=FIXED)
    empty = AppContext(
        settings=Settings(
            data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'e.db'}", host="", port=0
        )
    )
    before = backup.export_backup(empty, now=FIXED)
    real = store._ids_by_uid
    calls = {"n": 0}

    def failing(*args: Any) -> dict[str, int]:
        calls["n"] += 1
        if calls["n"] == 5:  # several tables are already inserted by now
            raise RuntimeError("disk full")
        return real(*args)

    monkeypatch.setattr(store, "_ids_by_uid", failing)
    with pytest.raises(RuntimeError):
        backup.import_backup(empty, text_)
    assert backup.export_backup(empty, now=FIXED) == before
    assert sum(row_counts(empty).values()) == 0
    empty.db.dispose()
