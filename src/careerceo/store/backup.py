"""Reading and writing everything a person owns, driven by the table metadata.

Nothing here names a feature's table: every table with a ``person_id`` column is included, so
a table added by a later migration is backed up without touching this module. Foreign keys
become ``<name>_uid`` keys holding the referenced row's ``uid``; integer ids never leave the
database, which is what makes export → import → export reproduce the same document.

``decode`` validates a whole backup (types, lengths, required columns, duplicate uids,
uniqueness rules, dangling references) without touching the database; ``write`` then checks
for conflicts with what is already stored and inserts inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Table,
    UniqueConstraint,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from careerceo.errors import CareerError
from careerceo.store.backup_values import (
    PERSON_PRIVATE,
    ROW_PRIVATE,
    BadValue,
    decode_value,
    encode_value,
    json_shape,
    owned_tables,
    person_table,
    reference_key,
    referenced_table,
)

__all__ = ["Decoded", "decode", "dump", "json_shape", "owned_tables", "write"]


def _sort_key(row: dict[str, Any]) -> tuple[str, str, str]:
    # created_at then uid: chronological for a reader, and total because uids are unique.
    return (
        str(row.get("created_at") or ""),
        str(row.get("uid") or ""),
        json.dumps(row, sort_keys=True),
    )


def dump(
    session: Session, person_id: int
) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """The person's profile and all their rows, encoded for a JSON document."""
    people = person_table()
    person_row = session.execute(select(people).where(people.c.id == person_id)).mappings().one()
    person = {
        column.name: encode_value(column, person_row[column.name])
        for column in people.columns
        if column.name not in PERSON_PRIVATE
    }
    uid_of: dict[str, dict[int, str]] = {}

    def uids(table: Table) -> dict[int, str]:
        if table.name not in uid_of:
            query = select(table.c.id, table.c.uid)
            if "person_id" in table.c:
                query = query.where(table.c.person_id == person_id)
            uid_of[table.name] = {int(i): str(u) for i, u in session.execute(query)}
        return uid_of[table.name]

    tables: dict[str, list[dict[str, Any]]] = {}
    for table in owned_tables():
        rows = []
        for record in session.execute(
            select(table).where(table.c.person_id == person_id)
        ).mappings():
            row: dict[str, Any] = {}
            for column in table.columns:
                if column.name in ROW_PRIVATE:
                    continue
                value = record[column.name]
                target = referenced_table(column)
                if target is not None:
                    row[reference_key(column)] = None if value is None else uids(target)[value]
                else:
                    row[column.name] = encode_value(column, value)
            rows.append(row)
        tables[table.name] = sorted(rows, key=_sort_key)
    return person, tables


# -- import ---------------------------------------------------------------------------------


@dataclass
class DecodedRow:
    values: dict[str, Any]
    references: dict[str, str | None]  # column name -> referenced uid


@dataclass
class Decoded:
    person: dict[str, Any]
    tables: dict[str, list[DecodedRow]]

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}


def _refuse(where: str, problem: str) -> CareerError:
    return CareerError(
        f"{where} {problem}; correct the file or export it again (nothing was written)",
        field="backup",
    )


def _required(column: Column[Any]) -> bool:
    return not column.nullable and column.default is None and column.server_default is None


def _decode_row(table: Table, raw: dict[str, Any], where: str, person: bool = False) -> DecodedRow:
    private = PERSON_PRIVATE if person else ROW_PRIVATE
    allowed: dict[str, Column[Any]] = {}
    refs: dict[str, Column[Any]] = {}
    for column in table.columns:
        if column.name in private:
            continue
        if not person and referenced_table(column) is not None:
            refs[reference_key(column)] = column
        else:
            allowed[column.name] = column
    unknown = sorted(set(raw) - set(allowed) - set(refs))
    if unknown:
        raise _refuse(where, f"has unknown key(s) {', '.join(map(repr, unknown))}")
    if not isinstance(raw.get("uid"), str) or not raw["uid"]:
        raise _refuse(where, 'has no "uid" (every row needs its uid)')
    values: dict[str, Any] = {}
    for name, column in allowed.items():
        if name not in raw:
            if _required(column):
                raise _refuse(where, f'lacks the required key "{name}"')
            continue
        try:
            values[name] = decode_value(column, raw[name])
        except BadValue as exc:
            raise _refuse(f"{where}.{name}", str(exc)) from None
    references: dict[str, str | None] = {}
    for key, column in refs.items():
        target = raw.get(key)
        if target is None:
            if key not in raw and _required(column):
                raise _refuse(where, f'lacks the required key "{key}"')
            if not column.nullable:
                raise _refuse(f"{where}.{key}", "must name a row (it cannot be null)")
        elif not isinstance(target, str):
            raise _refuse(f"{where}.{key}", "must be the uid of another row")
        references[column.name] = target
    return DecodedRow(values, references)


def _unique_sets(table: Table) -> list[tuple[str, ...]]:
    result = []
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            names = tuple(c.name for c in constraint.columns if c.name != "person_id")
            if names and names != ("uid",):
                result.append(names)
    return result


def decode(person: dict[str, Any], tables: dict[str, list[dict[str, Any]]]) -> Decoded:
    """Validate a whole backup without the database; raise on the first problem found."""
    known = {table.name: table for table in owned_tables()}
    unknown = sorted(set(tables) - set(known))
    if unknown:
        raise _refuse(
            "the backup",
            f"has table(s) this version does not know: {', '.join(unknown)} "
            "(it may come from a newer Career CEO; upgrade first)",
        )
    decoded_person = _decode_row(person_table(), person, "person", person=True).values
    result: dict[str, list[DecodedRow]] = {}
    present: dict[str, set[str]] = {}
    for name, table in known.items():
        rows = []
        seen: set[str] = set()
        unique_values: dict[tuple[str, ...], set[tuple[Any, ...]]] = defaultdict(set)
        for index, raw in enumerate(tables.get(name, [])):
            where = f"tables.{name}[{index}]"
            row = _decode_row(table, raw, where)
            uid = row.values["uid"]
            if uid in seen:
                raise _refuse(where, f"repeats uid {uid!r}; every row needs its own uid")
            seen.add(uid)
            for names in _unique_sets(table):
                key = tuple(row.values.get(n, row.references.get(n)) for n in names)
                if key in unique_values[names]:
                    shown = ", ".join(f"{n}={v!r}" for n, v in zip(names, key, strict=True))
                    raise _refuse(where, f"repeats {shown}, which must be unique")
                unique_values[names].add(key)
            rows.append(row)
        result[name] = rows
        present[name] = seen
    for name, rows in result.items():
        table = known[name]
        for index, row in enumerate(rows):
            for column_name, target_uid in row.references.items():
                target = referenced_table(table.c[column_name])
                if target_uid is None or target is None or target.name not in known:
                    continue
                if target_uid not in present[target.name]:
                    ref_key = reference_key(table.c[column_name])
                    raise _refuse(
                        f"tables.{name}[{index}].{ref_key}",
                        f"points at {target.name} {target_uid!r}, which is not in the backup",
                    )
    return Decoded(decoded_person, result)


def _has_value(value: Any) -> bool:
    return value not in (None, "", {}, [])


def check_conflicts(session: Session, person_id: int, decoded: Decoded) -> None:
    """Refuse to merge into existing data: an import restores a person, it does not merge."""
    people = person_table()
    current = session.execute(select(people).where(people.c.id == person_id)).mappings().one()
    for table in owned_tables():
        count = session.scalar(
            select(func.count()).select_from(table).where(table.c.person_id == person_id)
        )
        if count:
            raise CareerError(
                f"this person already has data ({count} row(s) in {table.name}); import only "
                "into an empty database, e.g. with CAREER_DATA_DIR set to a new directory "
                "(nothing was written)",
                field="backup",
                status=409,
            )
    filled = [
        name
        for name in people.c.keys()  # noqa: SIM118 - a column collection
        if name not in {"id", "uid", "account_id", "created_at", "updated_at"}
        and _has_value(current[name])
    ]
    if filled:
        raise CareerError(
            f"this person's profile is already filled in ({', '.join(filled)}); import only "
            "into an empty database, e.g. with CAREER_DATA_DIR set to a new directory "
            "(nothing was written)",
            field="backup",
            status=409,
        )
    person_uid = decoded.person["uid"]
    other = session.scalar(
        select(people.c.id).where(people.c.uid == person_uid, people.c.id != person_id)
    )
    if other is not None:
        raise CareerError(
            f"person {person_uid!r} from the backup already exists in this database as "
            f"person #{other}; select them with CAREER_PERSON instead of importing again "
            "(nothing was written)",
            field="backup",
            status=409,
        )
    for table in owned_tables():
        uids = [row.values["uid"] for row in decoded.tables.get(table.name, [])]
        for start in range(0, len(uids), 500):
            clash = session.scalar(
                select(table.c.uid).where(table.c.uid.in_(uids[start : start + 500])).limit(1)
            )
            if clash is not None:
                raise CareerError(
                    f"{table.name} {clash!r} from the backup is already in this database; "
                    "the backup was imported here before - import into an empty database "
                    "(nothing was written)",
                    field="backup",
                    status=409,
                )


def _ids_by_uid(session: Session, table: Table, uids: Iterable[str]) -> dict[str, int]:
    wanted = list(uids)
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        query = select(table.c.uid, table.c.id).where(table.c.uid.in_(wanted[start : start + 500]))
        found.update({str(u): int(i) for u, i in session.execute(query)})
    return found


def write(session: Session, person_id: int, decoded: Decoded) -> None:
    """Insert the decoded backup for ``person_id``; the caller's transaction makes it atomic."""
    check_conflicts(session, person_id, decoded)
    people = person_table()
    session.execute(update(people).where(people.c.id == person_id).values(**decoded.person))
    ids: dict[str, dict[str, int]] = {}
    for table in owned_tables():
        rows = decoded.tables.get(table.name, [])
        self_refs: list[tuple[DecodedRow, str]] = []
        for row in rows:
            values = {**row.values, "person_id": person_id}
            for column_name, target_uid in row.references.items():
                target = referenced_table(table.c[column_name])
                assert target is not None
                if target_uid is None:
                    values[column_name] = None
                elif target.name == table.name:
                    values[column_name] = None  # set once every row of the table exists
                    self_refs.append((row, column_name))
                elif target.name in ids:
                    values[column_name] = ids[target.name][target_uid]
                else:
                    found = _ids_by_uid(session, target, [target_uid])
                    if target_uid not in found:
                        raise _refuse(
                            f"tables.{table.name}",
                            f"points at unknown {target.name} {target_uid!r}",
                        )
                    values[column_name] = found[target_uid]
            session.execute(insert(table).values(**values))
        ids[table.name] = _ids_by_uid(session, table, (row.values["uid"] for row in rows))
        for row, column_name in self_refs:
            target_uid = row.references[column_name]
            assert target_uid is not None
            changes: dict[str, Any] = {column_name: ids[table.name][target_uid]}
            if "updated_at" in table.c and "updated_at" in row.values:
                changes["updated_at"] = row.values["updated_at"]  # keep it: no onupdate stamp
            session.execute(update(table).where(table.c.uid == row.values["uid"]).values(**changes))
