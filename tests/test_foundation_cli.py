"""The ``career`` command end to end: every foundation command, its JSON, and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from sqlalchemy import create_engine, inspect

from careerceo.store.db import Database, current_revision, head_revision


def ok(result: Any) -> str:
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def refused(result: Any, *fragments: str) -> str:
    """Exit code 2, one line on stderr naming the problem, and no traceback anywhere."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    message = str(result.stderr).strip()
    assert message.count("\n") == 0, message
    for fragment in fragments:
        assert fragment in message
    return message


def test_init_is_idempotent(cli: Any) -> None:
    first = ok(cli("init"))
    second = ok(cli("init"))
    assert "person #1" in first and "person #1" in second


def test_inventory_commands(cli: Any) -> None:
    assert "Added skill Python (#1)" in ok(cli("inventory", "add", "Python", "--level", "4"))
    ok(cli("inventory", "add", "Statistics", "--kind", "knowledge", "--intent", "add"))
    ok(cli("inventory", "add", "Patience", "-k", "attribute", "-e", "mentored 3 juniors"))

    table = ok(cli("inventory", "list"))
    assert "Inventory" in table and "Python" in table and "4 advanced" in table

    entries = json.loads(ok(cli("inventory", "list", "--json")))
    assert [e["name"] for e in entries] == ["Patience", "Statistics", "Python"]
    assert json.loads(ok(cli("inventory", "list", "--intent", "add", "--json")))[0]["name"] == (
        "Statistics"
    )
    assert [
        e["name"] for e in json.loads(ok(cli("inventory", "list", "-k", "skill", "--json")))
    ] == ["Python"]

    ok(cli("inventory", "edit", "1", "--level", "5", "--intent", "drop"))
    shown = json.loads(ok(cli("inventory", "show", "1", "--json")))
    assert (shown["level"], shown["intent"], shown["name"]) == (5, "drop", "Python")

    assert "Removed" in ok(cli("inventory", "remove", "2"))
    assert len(json.loads(ok(cli("inventory", "list", "--json")))) == 2


def test_inventory_bad_input_is_one_line_and_exit_2(cli: Any) -> None:
    refused(
        cli("inventory", "add", "SQL", "--level", "9"),
        "level must be a whole number from 1 (aware) to 5 (expert)",
    )
    refused(cli("inventory", "add", "SQL", "--kind", "tool"), "kind must be skill, knowledge")
    refused(cli("inventory", "add", "  "), "name is required")
    ok(cli("inventory", "add", "SQL"))
    refused(cli("inventory", "add", "sql"), "already have the skill 'SQL'")
    refused(cli("inventory", "edit", "99", "--level", "2"), "no inventory entry #99")
    refused(cli("inventory", "remove", "99"), "no inventory entry #99")
    refused(cli("inventory", "list", "--kind", "tools"), "kind")
    refused(cli("inventory", "edit", "1"), "at least one field")
    usage = cli("inventory", "edit", "abc", "--level", "2")  # click's own usage error
    assert usage.exit_code == 2 and "Traceback" not in usage.output
    assert len(json.loads(ok(cli("inventory", "list", "--json")))) == 1


def test_positions_commands(cli: Any) -> None:
    ok(
        cli(
            "positions",
            "add",
            "--employer",
            "Acme",
            "--title",
            "Analyst",
            "--start",
            "2016-02",
            "--end",
            "2019-12",
        )
    )
    out = ok(
        cli(
            "positions",
            "add",
            "--employer",
            "Globex",
            "--title",
            "Engineer",
            "--start",
            "2020-01",
            "--occupation",
            "15-1252.00",
        )
    )
    assert "Engineer at Globex (#2)" in out
    table = ok(cli("positions", "list"))
    assert "Globex" in table and "now" in table
    listed = json.loads(ok(cli("positions", "list", "--json")))
    assert [p["employer"] for p in listed] == ["Globex", "Acme"]
    assert listed[0]["end_date"] is None and listed[1]["end_date"] == "2019-12-01"
    assert [p["id"] for p in json.loads(ok(cli("positions", "list", "--current", "--json")))] == [2]

    ok(cli("positions", "edit", "2", "--end", "2024-05-31", "--location", "Remote"))
    shown = json.loads(ok(cli("positions", "show", "2", "--json")))
    assert (shown["end_date"], shown["location"]) == ("2024-05-31", "Remote")
    ok(cli("positions", "edit", "2", "--current"))
    assert json.loads(ok(cli("positions", "show", "2", "--json")))["end_date"] is None

    refused(
        cli(
            "positions",
            "add",
            "--employer",
            "X",
            "--title",
            "Y",
            "--start",
            "2020",
        ),
        "start_date",
        "YYYY-MM",
    )
    refused(cli("positions", "edit", "1", "--start", "2020-01"), "before start_date")
    refused(
        cli("positions", "add", "--employer", "X", "--title", "Y", "--occupation", "dev"),
        "15-1252.00",
    )
    refused(cli("positions", "remove", "7"), "no position #7")
    ok(cli("positions", "remove", "1"))
    assert len(json.loads(ok(cli("positions", "list", "--json")))) == 1


def test_profile_commands(cli: Any) -> None:
    assert "career profile set --name" in ok(cli("profile"))
    ok(cli("profile", "set", "--name", "Ada Lovelace", "--headline", "Analyst"))
    data = json.loads(ok(cli("profile", "--json")))
    assert (data["full_name"], data["headline"]) == ("Ada Lovelace", "Analyst")
    assert json.loads(ok(cli("profile", "show", "--json")))["full_name"] == "Ada Lovelace"
    assert "Ada Lovelace" in ok(cli("profile"))
    refused(cli("profile", "set", "--email", "ada-at-home"), "email must look like")
    refused(cli("profile", "set", "--occupation", "15-12"), "occupation_code")
    assert json.loads(ok(cli("profile", "--json")))["email"] == ""


def test_export_and_import_files(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ok(cli("profile", "set", "--name", "Ada"))
    ok(cli("inventory", "add", "Python"))
    ok(cli("positions", "add", "--employer", "Acme", "--title", "Dev"))
    backup = tmp_path / "backup.json"
    assert "Backup written" in ok(cli("export", str(backup)))
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert document["format"] == "career-ceo-backup" and document["version"] == 1
    assert json.loads(ok(cli("export", "-")))["person"]["full_name"] == "Ada"
    refused(cli("export", str(backup)), "already exists", "--force")
    ok(cli("export", str(backup), "--force"))

    # A second, empty data directory takes the backup.
    monkeypatch.setenv("CAREER_DATA_DIR", str(tmp_path / "other"))
    result = cli("import", str(backup))
    assert result.exit_code == 0, result.output
    assert "Imported 2 row(s)" in result.stderr
    assert json.loads(ok(cli("inventory", "list", "--json")))[0]["name"] == "Python"
    assert json.loads(ok(cli("profile", "--json")))["full_name"] == "Ada"
    refused(cli("import", str(backup)), "already has data")

    monkeypatch.setenv("CAREER_DATA_DIR", str(tmp_path / "third"))
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "career-ceo-backup", "version": 1', encoding="utf-8")
    refused(cli("import", str(broken)), "not valid JSON", "nothing was written")
    future = tmp_path / "future.json"
    future.write_text(json.dumps({**document, "version": 2}), encoding="utf-8")
    refused(cli("import", str(future)), "version 2 is not supported")
    refused(cli("import", str(tmp_path / "missing.json")), "does not exist")
    assert json.loads(ok(cli("inventory", "list", "--json"))) == []
    ok(cli("import", "-", input=backup.read_text(encoding="utf-8")))
    assert len(json.loads(ok(cli("positions", "list", "--json")))) == 1


def test_first_start_migrates_an_empty_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "career.db"
    path.touch()  # an empty file, as a user might create by hand
    url = f"sqlite:///{path}"
    database = Database(url)
    try:
        assert current_revision(database.engine) == head_revision()
    finally:
        database.dispose()
    engine = create_engine(url)
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"person", "inventory_entry", "position", "goal", "document"} <= tables


def test_installed_console_script_inits_twice(tmp_path: Path) -> None:
    """What ``scripts/run`` relies on: the installed ``career`` creates and reopens the DB."""
    career = Path(sys.executable).with_name("career")
    env = {**os.environ, "CAREER_DATA_DIR": str(tmp_path / "data")}
    env.pop("CAREER_DATABASE_URL", None)
    env.pop("CAREER_PERSON", None)
    for _ in range(2):
        done = subprocess.run(
            [str(career), "init"], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert "Database ready" in done.stdout
    assert (tmp_path / "data" / "career.db").exists()
    done = subprocess.run(
        [str(career), "inventory", "add", "X", "--level", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == "Error: level must be a whole number from 1 (aware) to 5 (expert)"


def _names(app: typer.Typer) -> set[str]:
    commands = {
        c.name or (c.callback.__name__.replace("_", "-") if c.callback else "")
        for c in app.registered_commands
    }
    groups = {g.name or str(g.typer_instance.info.name) for g in app.registered_groups}
    return commands | groups


def test_the_command_index_names_each_command_and_the_module_that_registers_it() -> None:
    """``career X`` imports only X's module, so the index must match what modules register."""
    import importlib

    from careerceo.cli.main import COMMANDS, command_modules

    registered: dict[str, str] = {}
    for module in command_modules():
        single = typer.Typer()
        register = getattr(importlib.import_module(f"careerceo.cli.{module}"), "register", None)
        if callable(register):
            register(single)
        registered.update(dict.fromkeys(_names(single), module))
    assert registered == COMMANDS


def test_a_single_command_starts_without_loading_other_features(tmp_path: Path) -> None:
    """``career inventory list`` must not pay for the pivot engine, PDFs or Alembic."""
    probe = (
        "import sys; sys.argv = ['career', 'inventory', 'list', '--json']\n"
        "from careerceo.cli.main import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "heavy = ('alembic', 'fpdf', 'numpy', 'careerceo.knowledge', 'careerceo.skills')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    env = {**os.environ, "CAREER_DATA_DIR": str(tmp_path)}
    env.pop("CAREER_DATABASE_URL", None)
    env.pop("CAREER_PERSON", None)
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True)
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True
    )
    assert done.stdout.strip() == "[]"
    assert done.stderr.strip().splitlines()[-1] == "[]"
