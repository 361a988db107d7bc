"""The ``career`` console script (``cli.main.main``) ends without the interpreter's teardown:
its output must still be complete and its exit codes those of ``run``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ENTRY = "from careerceo.cli.main import main; main()"


def _career(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CAREER_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)}
    env.pop("CAREER_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-c", ENTRY, *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def test_the_console_script_prints_everything_and_exits_zero(tmp_path: Path) -> None:
    done = _career(tmp_path, "pivot", "--from", "13-1071.00", "--json", "--limit", "50")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)  # the whole JSON arrived before the process ended
    assert len(rows) == 50
    assert "13-1151.00" in [r["code"] for r in rows[:10]]  # the seed move


def test_the_console_script_keeps_the_error_exit_codes(tmp_path: Path) -> None:
    done = _career(tmp_path, "pivot", "--from", "99-9999.00", "--json")
    assert done.returncode == 2
    assert "no O*NET 29.0 occupation has the code 99-9999.00" in done.stderr
    assert _career(tmp_path, "no-such-command").returncode == 2
