"""The bad-input standard for the ``career`` command, through its real entry point.

A wrong value is refused with one line on stderr that starts with "Error:" and names the field
and the fix, the exit code is 2, no traceback escapes, and nothing is half-written. Most cases
call ``careerceo.cli.main.run`` in-process (the CLI takes seconds to start); a few run the
installed console script in a subprocess, as a person would.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from careerceo.cli.common import reset_context
from careerceo.cli.main import run

CAREER = Path(sys.executable).with_name("career")
LONG = "x" * 10_000
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@dataclass
class Outcome:
    code: int | str | None
    out: str
    err: str


Runner = Callable[..., Outcome]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Wrong files: a PNG named .pdf, text named .docx, empty, binary, a directory."""
    root = tmp_path_factory.mktemp("bad-files")
    (root / "fake.pdf").write_bytes(PNG)
    (root / "fake.docx").write_text("plain text, not a Word file")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "not-backup.json").write_text('{"not": "a backup"}')
    (root / "a-folder").mkdir()
    return root


def _invoke(capsys: pytest.CaptureFixture[str] | None, *args: str) -> Outcome:
    """``run()`` with ``sys.argv`` patched and stdin empty and not a terminal (a closed pipe)."""
    reset_context()
    if capsys is not None:
        capsys.readouterr()
    out, err = io.StringIO(), io.StringIO()
    code: int | str | None = 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "argv", ["career", *args])
        patch.setattr(sys, "stdin", io.StringIO(""))
        if capsys is None:
            patch.setattr(sys, "stdout", out)
            patch.setattr(sys, "stderr", err)
        try:
            run()
        except SystemExit as exc:
            code = exc.code
        finally:
            reset_context()
    if capsys is not None:
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)
    return Outcome(code, out.getvalue(), err.getvalue())


def _data_env(patch: pytest.MonkeyPatch, data_dir: Path) -> None:
    patch.setenv("CAREER_DATA_DIR", str(data_dir))
    patch.delenv("CAREER_DATABASE_URL", raising=False)
    patch.delenv("CAREER_PERSON", raising=False)
    patch.setenv("COLUMNS", "200")


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One of everything to point edits at: position #1, entry #1, goal #1, win #1.

    Built once; each test gets its own copy of the database file.
    """
    data = tmp_path_factory.mktemp("seed") / "data"
    with pytest.MonkeyPatch.context() as patch:
        _data_env(patch, data)
        for args in (
            ("positions", "add", "--employer", "Acme", "--title", "Engineer", "--start", "2020-01"),
            ("inventory", "add", "Python", "--kind", "skill"),
            ("goals", "add", "Become lead"),
            ("win", "Cut build time 40% by caching"),
        ):
            result = _invoke(None, *args)
            assert result.code == 0, (args, result.err)
    return data / "career.db"


@pytest.fixture
def career(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Runner:
    _data_env(monkeypatch, tmp_path / "data")
    return lambda *args: _invoke(capsys, *args)


@pytest.fixture
def seeded(career: Runner, tmp_path: Path, seed_db: Path) -> Runner:
    (tmp_path / "data").mkdir(exist_ok=True)
    shutil.copyfile(seed_db, tmp_path / "data" / "career.db")
    return career


def refused(result: Outcome, *words: str) -> str:
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert result.code == 2, (result.code, result.err, result.out[-300:])
    assert len(lines) == 1, result.err
    assert lines[0].startswith("Error:"), lines[0]
    assert "Traceback" not in result.err + result.out
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def rows(tmp_path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(tmp_path / "data" / "career.db") as db:
        return db.execute(sql).fetchall()


CASES: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    # wrong types and ranges
    (("serve", "--port", "99999"), ("--port", "65535")),
    (("serve", "--port", "abc"), ("--port",)),
    (("inventory", "add", "Go", "--level", "9"), ("level", "1", "5")),
    (("inventory", "edit", "1", "--kind", "bogus"), ("kind",)),
    (("occupations", "search", "nurse", "--limit", "0"), ("limit",)),
    (("pivot", "--zone-min", "4", "--zone-max", "2"), ("zone_min",)),
    (("calendar", "export", "out.ics", "--day", "40"), ("day", "1-28")),
    # bad and implausible dates
    (("review", "--month", "2026-13"), ("month", "YYYY-MM")),
    (("review", "--month", "yesterday"), ("month", "YYYY-MM")),
    (("review", "--month", "1900-01"), ("month", "years ago")),
    (("review", "--month", "3000-01"), ("month", "not started")),
    (("review", "show", "yesterday"), ("month", "YYYY-MM")),
    (("positions", "add", "--employer", "A", "--title", "B", "--start", "0001-01"), ("start",)),
    (("positions", "edit", "1", "--end", "9999-12"), ("end_date",)),
    (("win", "Shipped it", "--date", "9999-12-31"), ("happened_on", "future")),
    (("win", "Shipped it", "--date", "0001-01-01"), ("happened_on",)),
    (("goals", "milestone", "add", "1", "Ship", "--due", "9999-12-31"), ("due_date", "far")),
    (("goals", "milestone", "add", "1", "Ship", "--due", "2026-13"), ("due",)),
    # empty and very long strings
    (("goals", "add", ""), ("title",)),
    (("goals", "add", LONG), ("title", "300")),
    (("inventory", "add", LONG), ("name", "200")),
    (("profile", "set", "--linkedin", "javascript:alert(1)"), ("linkedin_url", "https://")),
    (("profile", "set", "--website", "not a url"), ("website",)),
    (("profile", "set", "--phone", "call me"), ("phone",)),
    # unknown ids and codes
    (("goals", "show", "999"), ("goal", "999")),
    (("wins", "edit", "1", "--position", "999"), ("position_id", "999")),
    (("positions", "edit", "1", "--occupation", "99-9999.99"), ("occupation_code", "99-9999")),
    (("profile", "set", "--occupation", "99-9999.99"), ("occupation_code",)),
    # interactive commands with stdin closed: no hang, one clear line
    (("review", "--month", "2026-10", "--interactive"), ("stdin", "nothing was saved")),
    (("signals",), ("stdin", "nothing was saved")),
    (("wins", "remove", "1"), ("stdin",)),
]  # fmt: skip


@pytest.mark.parametrize(("args", "words"), CASES, ids=[" ".join(c[0])[:60] for c in CASES])
def test_bad_value_is_one_error_line_and_exit_2(
    seeded: Runner, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    refused(seeded(*args), *words)


FILE_CASES: list[tuple[tuple[str, ...], str]] = [
    (("resume", "import", "{root}/fake.pdf"), "not a PDF"),
    (("resume", "import", "{root}/fake.docx"), ".docx"),
    (("resume", "import", "{root}/empty.txt"), "empty"),
    (("resume", "critique", "{root}/missing.pdf"), "does not exist"),
    (("import", "{root}/not-backup.json"), "backup"),
    (("import", "{root}/a-folder"), "FILE"),
    (("import", "-"), "backup"),
    (("gap", "--job", "-"), "empty"),
    (("gap", "--job", "{root}/binary.txt"), "job"),
    (("skills", "extract", "{root}/fake.pdf"), "not a readable PDF"),
    (("resume", "match", "--posting-file", "{root}/binary.txt"), "UTF-8"),
    (("calendar", "export", "{root}/a-folder"), "cannot write"),
    (("pivot", "show", "15-1252.00", "--out", "{root}/a-folder"), "out"),
]


@pytest.mark.parametrize(("args", "word"), FILE_CASES, ids=[" ".join(c[0]) for c in FILE_CASES])
def test_wrong_files_are_refused(
    career: Runner, files: Path, args: tuple[str, ...], word: str
) -> None:
    refused(career(*(a.format(root=files) for a in args)), word)


def test_refused_edits_write_nothing(seeded: Runner, tmp_path: Path) -> None:
    before = rows(tmp_path, "select id, position_id, happened_on from accomplishment")
    refused(seeded("wins", "edit", "1", "--position", "999"))
    refused(seeded("wins", "edit", "1", "--date", "9999-12-31"))
    assert rows(tmp_path, "select id, position_id, happened_on from accomplishment") == before
    refused(seeded("review", "--month", "2026-10", "--interactive"))
    assert rows(tmp_path, "select count(*) from review") == [(0,)]
    refused(seeded("positions", "edit", "1", "--occupation", "99-9999.99"))
    assert rows(tmp_path, "select occupation_code from position") == [(None,)]


def test_tailor_checks_the_output_file_before_saving_a_version(
    seeded: Runner, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder" / "cv.md"
    refused(seeded("resume", "tailor", "--occupation", "15-1252.00", "--out", str(missing)), "out")
    refused(seeded("resume", "tailor", "--occupation", "15-1252.00", "--out", "cv.xyz"), "out")
    assert rows(tmp_path, "select count(*) from document") == [(0,)]


def test_json_output_stays_plain_json(seeded: Runner) -> None:
    for args in (
        ("inventory", "list", "--json"),
        ("positions", "show", "1", "--json"),
        ("goals", "list", "--json"),
        ("wins", "list", "--json"),
        ("review", "due", "--json"),
    ):
        result = seeded(*args)
        assert result.code == 0, (args, result.err)
        json.loads(result.out)


def _subprocess(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CAREER_DATA_DIR": str(data_dir), "COLUMNS": "200"}
    env.pop("CAREER_DATABASE_URL", None)
    return subprocess.run(
        [str(CAREER), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "word"),
    [
        (("serve", "--port", "70000"), "--port"),
        (("review", "--month", "2026-10", "--interactive"), "stdin"),
        (("profile", "set", "--linkedin", "javascript:alert(1)"), "linkedin_url"),
        (("goals", "milestone", "done", "abc"), "milestone"),
    ],
)
def test_installed_script_refuses_in_one_line(
    tmp_path: Path, args: tuple[str, ...], word: str
) -> None:
    if not CAREER.exists():
        pytest.fail(f"the console script is not installed at {CAREER}")
    done = _subprocess(tmp_path / "data", *args)
    refused(Outcome(done.returncode, done.stdout, done.stderr), word)
