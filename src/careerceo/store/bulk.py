"""Inserting thousands of rows at once (an import), inside the caller's transaction.

PostgreSQL gets the rows through ``COPY``: one stream instead of a statement (or a batch of
bound parameters) per few hundred rows, which took a 30,000-row LinkedIn import from tens of
seconds to a few. Other databases (SQLite, a local file with no network between) take a plain
``executemany``. Nothing is read back: callers that need ids look up the few they need by uid.

Every column gets a value: the row's own, else the column's Python-side default (``uid``,
timestamps, empty lists), so a bulk row is the same as one the ORM would have written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import JSON, Connection, Table
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session

from careerceo.store.tables import Base


def complete(table: Table, rows: Sequence[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """The column names (all but an autoincrement id) and each row's values in that order."""
    columns = [c for c in table.columns if not (c.primary_key and c.autoincrement)]
    names = [c.name for c in columns]
    fixed: dict[str, Any] = {}
    made: dict[str, Any] = {}
    for column in columns:
        default = column.default
        if default is None or not hasattr(default, "arg"):
            fixed[column.name] = None
        elif default.is_callable:
            made[column.name] = default.arg
        else:
            fixed[column.name] = default.arg
    values = []
    for row in rows:
        line = []
        for name in names:
            if name in row:
                line.append(row[name])
            elif name in made:
                line.append(made[name](None))
            else:
                line.append(fixed[name])
        values.append(line)
    return names, values


def insert_rows(session: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``model``'s table in the session's transaction, as fast as the
    database allows; a value the database refuses raises ``DataError`` (all rolls back)."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    names, values = complete(table, rows)
    connection = session.connection()
    dialect = connection.dialect
    quoted = ", ".join(dialect.identifier_preparer.quote(name) for name in names)
    target = dialect.identifier_preparer.quote(table.name)
    if dialect.name == "postgresql":
        _copy(connection, f"COPY {target} ({quoted}) FROM STDIN", table, names, values)
        return
    # The driver's own executemany with each column's conversion applied once per value: the
    # ORM's and Core's per-row parameter handling cost more than the database itself.
    processors = [table.c[name].type.bind_processor(dialect) for name in names]
    for line in values:
        for i, process in enumerate(processors):
            if process is not None and line[i] is not None:
                line[i] = process(line[i])
    marks = ", ".join("?" if dialect.paramstyle == "qmark" else "%s" for _ in names)
    connection.exec_driver_sql(
        f"INSERT INTO {target} ({quoted}) VALUES ({marks})", [tuple(v) for v in values]
    )


def _copy(
    connection: Connection, statement: str, table: Table, names: list[str], values: list[list[Any]]
) -> None:
    json_at = [i for i, name in enumerate(names) if isinstance(table.c[name].type, JSON)]
    for line in values:
        for i in json_at:
            line[i] = None if line[i] is None else json.dumps(line[i])
    driver = connection.connection.driver_connection
    import psycopg

    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[union-attr]
            for line in values:
                copy.write_row(line)
    except psycopg.errors.DataError as exc:
        raise DataError(statement, None, exc) from exc
