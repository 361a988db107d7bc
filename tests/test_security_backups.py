"""Poisoned backups are refused by ``career import`` naming the record and field, and what
the app accepts always exports and restores (SQLite and PostgreSQL).

Issue 16: a backup with ``person.extra`` as a list, a review whose details were a string or
whose month was "hello!!" was accepted and then broke /resume, /pivots, /review/history and
/direction for good; NUL characters were accepted on SQLite and the export then refused; a
NaN could not be restored into PostgreSQL.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from careerceo.services import backup as backup_service
from careerceo.services import resume_import
from careerceo.services.context import AppContext
from test_foundation_backup import FIXED, populate, target, target_url  # noqa: F401


def _snapshot(ctx: AppContext) -> str:
    return re.sub(r'"exported_at": "[^"]*"', "", backup_service.export_backup(ctx))


def _set(document: dict[str, Any], path: list[Any], value: Any) -> None:
    node: Any = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


# (what, path in the document, poisoned value, what the message must name)
POISON: list[tuple[str, list[Any], Any, str]] = [
    ("person.extra as a list", ["person", "extra"], ["x"], "person.extra"),
    ("review details as a string", ["tables", "review", 0, "details"], "x", "review[0].details"),
    ("review month hello!!", ["tables", "review", 0, "month"], "hello!!", "review[0].month"),
    ("review rating 9", ["tables", "review", 0, "details", "ratings"], {"g": 9}, "review[0]"),
    ("goal status", ["tables", "goal", 0, "status"], "paused", "goal[0].status"),
    ("NUL in text", ["tables", "position", 0, "title"], "Ana\x00lyst", "position[0].title"),
    ("NUL in JSON", ["person", "extra"], {"note": "a\x00b"}, "person.extra"),
    ("lone surrogate", ["tables", "goal", 0, "why"], "why \ud800", "goal[0].why"),
    ("huge integer", ["person", "extra"], {"n": 10**30}, "person.extra"),
    ("integer past 32 bits", ["tables", "review", 0, "details", "activities", 0, "share"],
     2**40, "review[0]"),
]  # fmt: skip
RAW_POISON: list[tuple[str, str, str]] = [
    ("NaN", '"alignment": NaN', "NaN"),
    ("Infinity", '"alignment": 1e999', "1e999"),
    ("5,000-digit number", '"alignment": ' + "9" * 5000, "5000 characters"),
]


@pytest.fixture
def good_backup(sqlite_ctx: AppContext, tmp_path: Path) -> str:
    populate(sqlite_ctx)
    return backup_service.export_backup(sqlite_ctx, now=FIXED)


@pytest.mark.parametrize(("what", "path", "value", "named"), POISON, ids=[p[0] for p in POISON])
def test_cli_import_refuses_a_poisoned_backup_naming_record_and_field(
    cli: Any, good_backup: str, tmp_path: Path, what: str, path: list[Any], value: Any, named: str
) -> None:
    document = json.loads(good_backup)
    _set(document, path, value)
    poisoned = tmp_path / "poisoned.json"
    poisoned.write_text(json.dumps(document), encoding="utf-8")
    assert cli("profile", "show").exit_code == 0  # the target exists and is empty
    before = cli("export", "-").output
    result = cli("import", str(poisoned))
    assert result.exit_code == 2, (what, result.output)
    assert named in result.output, (what, result.output)
    assert "nothing was written" in result.output
    assert "Traceback" not in result.output
    assert _strip_time(cli("export", "-").output) == _strip_time(before)


def _strip_time(text: str) -> str:
    return re.sub(r'"exported_at": "[^"]*"', "", text)


@pytest.mark.parametrize(("what", "raw", "named"), RAW_POISON, ids=[p[0] for p in RAW_POISON])
def test_cli_import_refuses_numbers_no_database_stores(
    cli: Any, good_backup: str, tmp_path: Path, what: str, raw: str, named: str
) -> None:
    text, count = re.subn(r'"alignment": [^,\n}]+', raw, good_backup, count=1)
    assert count == 1
    poisoned = tmp_path / "poisoned.json"
    poisoned.write_text(text, encoding="utf-8")
    result = cli("import", str(poisoned))
    assert result.exit_code == 2, (what, result.output)
    assert named in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("depth", [100, 100_000])
def test_deeply_nested_backup_is_a_message(cli: Any, tmp_path: Path, depth: int) -> None:
    nested = tmp_path / "nested.json"
    body = "[" * depth + "]" * depth
    nested.write_text('{"format": "career-ceo-backup", "person": ' + body + "}")
    result = cli("import", str(nested))
    assert result.exit_code == 2
    assert "levels deep" in result.output and "Traceback" not in result.output


def test_what_a_hostile_resume_leaves_stored_exports_and_restores(
    ctx: AppContext, target: AppContext  # noqa: F811
) -> None:
    """NUL and lone surrogates in an imported résumé are cleaned at input, so the backup of
    what was stored restores byte for byte on the same kind of database (SQLite, PostgreSQL)."""
    hostile = json.dumps(
        {
            "basics": {"name": "Ana\x00 Ruiz \ud83d", "summary": "Data\u0000 person \udfff"},
            "work": [{"name": "Acme \ud800", "position": "Analyst", "startDate": "2020-01"}],
            "meta": {"note": "x\x00y", "n": 1.5},
        }
    ).encode()
    resume_import.confirm(ctx, resume_import.read_source(hostile, "resume.json"))
    first = backup_service.export_backup(ctx, now=FIXED)
    assert "\\u0000" not in first and "\x00" not in first
    first.encode("utf-8")  # strict: no surrogate was stored
    backup_service.import_backup(target, first)
    assert backup_service.export_backup(target, now=FIXED) == first
