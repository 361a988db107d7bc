"""The shared shapes of the CLI's commands (``careerceo.cli.render``): what a script and a
person each get, the options a user gave, and the files a user names."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
import typer
from pydantic import BaseModel

from careerceo.cli.render import (
    changes,
    given,
    present,
    present_rows,
    read_file,
    write_file,
    write_private,
)
from careerceo.errors import CareerError


class Row(BaseModel):
    id: int
    name: str


def test_present_prints_the_whole_value_as_json_or_the_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    present(Row(id=1, name="Ada"), True, lambda r: print("never"))
    assert json.loads(capsys.readouterr().out) == {"id": 1, "name": "Ada"}
    present(Row(id=1, name="Ada"), False, lambda r: print(f"#{r.id} {r.name}"))
    assert capsys.readouterr().out == "#1 Ada\n"


def test_present_rows_gives_every_field_to_scripts_and_a_table_or_empty_note_to_people(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = [Row(id=1, name="Ada"), Row(id=2, name="Bo")]
    present_rows(rows, True, "People", ["#"], lambda r: [r.id])
    assert json.loads(capsys.readouterr().out) == [r.model_dump() for r in rows]
    present_rows(rows, False, "People", ["#", "name"], lambda r: [r.id, r.name])
    table = capsys.readouterr().out
    assert "People" in table and "Ada" in table and "Bo" in table
    present_rows([], False, "People", ["#"], lambda r: [r.id], empty="Nobody yet.")
    assert capsys.readouterr().out.strip() == "Nobody yet."


def test_given_keeps_what_the_user_gave_under_the_services_names() -> None:
    options = {"name": "Ada", "due": "2027-01-02", "notes": None, "as_json": True, "item_id": 4}
    assert given(options, rename={"due": "due_on"}, leave_out={"item_id"}) == {
        "name": "Ada",
        "due_on": "2027-01-02",
    }
    assert given({"cleared": "", "off": False}) == {"cleared": "", "off": False}  # not None


def test_an_edit_that_changes_nothing_says_how_to_change_something() -> None:
    with pytest.raises(CareerError, match=r"give at least one field to change, e\.g\. --level 4"):
        changes("--level 4", {"level": None, "as_json": False})
    assert changes("--level 4", {"level": "4"}) == {"level": "4"}


def test_named_files_fail_in_one_line_that_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(CareerError, match=r"cannot write .*; choose another path"):
        write_file(tmp_path / "no-such-folder" / "out.txt", "x")
    with pytest.raises(CareerError, match="cannot read"):
        read_file(tmp_path / "missing.csv")
    write_file(tmp_path / "out.txt", "é\n")
    assert read_file(tmp_path / "out.txt") == "é\n".encode()


def test_a_backup_is_private_and_never_overwrites_without_force(tmp_path: Path) -> None:
    made: list[str] = []

    def make() -> str:
        made.append("x")
        return '{"a": 1}\n'

    target = tmp_path / "backup.json"
    path, size = write_private(str(target), False, make)
    assert path == target and size == 9 and target.read_text() == '{"a": 1}\n'
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(CareerError, match="already exists; choose another name or add --force"):
        write_private(str(target), False, make)
    assert len(made) == 1  # refused before the backup was made
    assert write_private(str(target), True, make) == (target, 9)


def test_json_and_yes_are_shared_options() -> None:
    from careerceo.cli.render import JSON, YES

    assert isinstance(JSON, typer.models.OptionInfo) and JSON.param_decls == ("--json",)
    assert isinstance(YES, typer.models.OptionInfo) and YES.param_decls == ("--yes",)
