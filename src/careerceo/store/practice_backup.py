"""Every table of the database, row for row: the whole practice's backup and restore.

A person's export (``store.backup``) carries one person's rows by uid so it can be imported
anywhere. A practice backup is a snapshot of the whole database - every account with its
password hash, sessions, tokens (as their hashes), grants, coach comments, the audit log and
every client's rows - restored into an empty database as it was, integer ids included, so
everything that refers to anything else still does and every login still works.

The snapshot is read in one transaction that sees one moment: PostgreSQL's REPEATABLE READ
(read only), SQLite's read transaction in WAL mode, so a backup taken while the practice works
never holds a comment without its grant or a goal without its person. Values are encoded the
way the person export encodes them (ISO dates, base64 bytes), which both databases read back:
a backup of SQLite restores into PostgreSQL and back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError

from careerceo.errors import CareerError
from careerceo.store import access_tables as _access_tables  # noqa: F401 - registers tables
from careerceo.store.backup_values import BadValue, decode_value, encode_value
from careerceo.store.tables import Base

ALEMBIC = "alembic_version"
CHUNK = 1000

Rows = dict[str, dict[str, Any]]  # table -> {"columns": [...], "rows": [[...], ...]}


def tables() -> list[Table]:
    """Every table of the schema, parents before children (the order rows are inserted in)."""
    return list(Base.metadata.sorted_tables)


def _self_references(table: Table) -> list[str]:
    return [
        column.name
        for column in table.columns
        if any(fk.column.table is table for fk in column.foreign_keys)
    ]


def _check_schema(connection: Connection) -> None:
    """Refuse a database holding tables this version does not know: they would be left out."""
    present = set(inspect(connection).get_table_names()) - {ALEMBIC}
    unknown = sorted(present - {table.name for table in tables()})
    if unknown:
        raise CareerError(
            f"the database holds table(s) this Career CEO does not know ({', '.join(unknown)}), "
            "so a backup would miss them; run the Career CEO version that made them",
            field="database",
        )


def revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table(ALEMBIC):
        return None
    found = list(connection.execute(text(f"SELECT version_num FROM {ALEMBIC}")).scalars())
    return str(found[0]) if len(found) == 1 else None


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection whose reads all see the database at one moment."""
    if engine.dialect.name == "postgresql":
        options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        with engine.connect().execution_options(**options) as connection, connection.begin():
            yield connection
        return
    with engine.connect() as connection:
        # pysqlite begins a transaction only before a write; in WAL mode an explicit BEGIN
        # makes the first read fix the snapshot every later read of this transaction sees.
        connection.exec_driver_sql("BEGIN")
        try:
            yield connection
        finally:
            connection.rollback()


def dump(engine: Engine, on_table: Callable[[str], None] | None = None) -> tuple[str, Rows]:
    """The schema revision and every row of every table, read as one consistent snapshot.

    ``on_table`` is called after each table is read (tests write meanwhile to show that the
    snapshot does not see it)."""
    with _snapshot(engine) as connection:
        _check_schema(connection)
        schema = revision(connection)
        if schema is None:
            raise CareerError("the database has no schema yet; there is nothing to back up")
        out: Rows = {}
        for table in tables():
            columns = list(table.columns)
            query = select(table).order_by(*table.primary_key.columns)
            out[table.name] = {
                "columns": [column.name for column in columns],
                "rows": [
                    [
                        encode_value(column, value)
                        for column, value in zip(columns, row, strict=True)
                    ]
                    for row in connection.execute(query)
                ],
            }
            if on_table is not None:
                on_table(table.name)
    return schema, out


def collection_uids(engine: Engine) -> set[str]:
    """The uids of every path collection (their columnar caches are keyed by uid)."""
    table = Base.metadata.tables["path_collection"]
    with engine.connect() as connection:
        if not inspect(connection).has_table(table.name):
            return set()
        return {str(uid) for uid in connection.execute(select(table.c.uid)).scalars()}


# -- restore --------------------------------------------------------------------------------


def _refuse(problem: str) -> CareerError:
    return CareerError(
        f"{problem}; this backup cannot be restored (nothing was written) - use a file made by "
        "`career backup` with this version of Career CEO",
        field="backup",
    )


def decode(raw: Any) -> dict[str, list[dict[str, Any]]]:
    """Check every table, column and value of a backup without the database; rows as dicts."""
    if not isinstance(raw, dict):
        raise _refuse('"tables" is not an object')
    known = {table.name: table for table in tables()}
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise _refuse(f"it has table(s) this version does not know: {', '.join(unknown)}")
    missing = sorted(set(known) - set(raw))
    if missing:
        raise _refuse(f"it lacks table(s) {', '.join(missing)}")
    decoded: dict[str, list[dict[str, Any]]] = {}
    for name, table in known.items():
        entry = raw[name]
        if not isinstance(entry, dict) or set(entry) != {"columns", "rows"}:
            raise _refuse(f'table "{name}" must be an object with "columns" and "rows"')
        columns = entry["columns"]
        expected = [column.name for column in table.columns]
        if columns != expected:
            raise _refuse(
                f'table "{name}" has the columns {columns!r}; this version has {expected!r}'
            )
        rows = entry["rows"]
        if not isinstance(rows, list):
            raise _refuse(f'table "{name}": "rows" must be a list')
        out = []
        for index, row in enumerate(rows):
            if not isinstance(row, list) or len(row) != len(columns):
                raise _refuse(f"{name}[{index}] must be a list of {len(columns)} values")
            values = {}
            for column, value in zip(table.columns, row, strict=True):
                try:
                    values[column.name] = decode_value(column, value)
                except BadValue as exc:
                    raise _refuse(f"{name}[{index}].{column.name} {exc}") from None
            out.append(values)
        decoded[name] = out
    return decoded


def row_counts(connection: Connection) -> dict[str, int]:
    """Rows per table (tables that do not exist yet count as empty)."""
    present = set(inspect(connection).get_table_names())
    counts = {}
    for table in tables():
        if table.name in present:
            counts[table.name] = int(
                connection.scalar(select(func.count()).select_from(table)) or 0
            )
    return counts


def _reset_sequences(connection: Connection) -> None:
    """PostgreSQL hands out ids from sequences that an insert with explicit ids does not move:
    set each past the largest id restored, or the next new row would collide."""
    if connection.dialect.name != "postgresql":
        return  # SQLite's next rowid follows the largest one present
    for table in tables():
        for column in table.primary_key.columns:
            sequence = connection.scalar(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": table.name, "column": column.name},
            )
            if sequence is None:
                continue
            largest = connection.scalar(select(func.max(column)))
            connection.execute(
                text("SELECT setval(:sequence, :value, :called)"),
                {"sequence": sequence, "value": largest or 1, "called": largest is not None},
            )


def write(connection: Connection, data: dict[str, list[dict[str, Any]]], force: bool) -> None:
    """Replace the database's rows with ``data`` inside the caller's transaction.

    Refused (409) when the database holds any row and ``force`` is not given."""
    held = {name: count for name, count in row_counts(connection).items() if count}
    if held and not force:
        shown = ", ".join(f"{count} {name}" for name, count in sorted(held.items()))
        raise CareerError(
            f"the database is not empty ({shown}); restore into a new, empty database, or add "
            "--force to replace everything in it with the backup (nothing was written)",
            field="database",
            status=409,
        )
    for table in reversed(tables()):
        connection.execute(delete(table))
    for table in tables():
        rows = data.get(table.name, [])
        later = _self_references(table)
        # the linking update must not stamp "updated_at" anew: it restores that value too
        linked = later + [c.name for c in table.columns if c.onupdate is not None]
        key = table.primary_key.columns.values()[0].name
        pending = []
        for row in rows:
            if any(row.get(name) is not None for name in later):
                pending.append({"_key": row[key], **{f"_{n}": row[n] for n in linked}})
        cleared = [{**row, **{name: None for name in later}} for row in rows] if later else rows
        for start in range(0, len(cleared), CHUNK):
            connection.execute(insert(table), cleared[start : start + CHUNK])
        if pending:
            # a row pointing at another row of its own table is linked once every row exists
            statement = (
                update(table)
                .where(table.c[key] == bindparam("_key"))
                .values({name: bindparam(f"_{name}") for name in linked})
            )
            connection.execute(statement, pending)
    _reset_sequences(connection)


def restore(
    engine: Engine, schema: str, data: dict[str, list[dict[str, Any]]], force: bool
) -> None:
    """Write a decoded backup in one transaction: all of it, or (on any refusal) nothing."""
    try:
        with engine.begin() as connection:
            _check_schema(connection)
            current = revision(connection)
            if current != schema:
                raise CareerError(
                    f"the backup was made with database schema {schema!r} and this database "
                    f"has {current!r}; restore it with the Career CEO version that made it (the "
                    "next start of a newer version migrates it) - nothing was written",
                    field="backup",
                )
            write(connection, data, force)
    except IntegrityError as exc:
        first = str(exc.orig).splitlines()[0]
        raise _refuse(f"its rows do not fit together ({first})") from None
