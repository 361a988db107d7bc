"""``career account`` (your second factor, your export, deleting your account) and
``career accounts reset-2fa`` through the real CLI; another client's data stays as it was."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest

from careerceo.analysis import otp

PASSWORD = "correct horse battery staple"


def test_second_factor_from_the_command_line(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert (
        cli("accounts", "create", "a@example.org", "--password-stdin", input=PASSWORD).exit_code
        == 0
    )
    monkeypatch.setenv("CAREER_PERSON", "a@example.org")
    assert "Off." in cli("account", "2fa", "status").output
    enrol = cli("account", "2fa", "enable")
    assert enrol.exit_code == 0 and "otpauth://totp/" in enrol.output and "█" in enrol.output
    secret = re.search(r"Secret: ([A-Z2-7]+)", enrol.output)
    assert secret
    bad = cli("account", "2fa", "confirm", "12345")
    assert bad.exit_code == 2 and "not the code" in bad.output
    done = cli("account", "2fa", "confirm", otp.code_at(secret.group(1), time.time()))
    assert done.exit_code == 0, done.output
    codes = re.findall(r"^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$", done.output, re.M)
    assert len(codes) == 10
    assert "On; 10 recovery code(s) left." in cli("account", "2fa", "status").output
    again = cli("account", "2fa", "enable")
    assert again.exit_code == 2 and "already on" in again.output
    reset = cli("accounts", "reset-2fa", "a@example.org")
    assert reset.exit_code == 0 and "is off" in reset.output
    assert "Off." in cli("account", "2fa", "status").output


def test_export_then_delete_leaves_the_other_client_alone(
    cli: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for email in ("a@example.org", "b@example.org"):
        assert cli("accounts", "create", email, "--password-stdin", input=PASSWORD).exit_code == 0
        monkeypatch.setenv("CAREER_PERSON", email)
        assert cli("goals", "add", f"Goal of {email}").exit_code == 0
    monkeypatch.setenv("CAREER_PERSON", "b@example.org")
    b_before = cli("export", "-").output
    monkeypatch.setenv("CAREER_PERSON", "a@example.org")
    out = tmp_path / "mine.json"
    assert cli("account", "export", str(out)).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [g["title"] for g in doc["career"]["tables"]["goal"]] == ["Goal of a@example.org"]
    assert "b@example.org" not in out.read_text(encoding="utf-8")
    exists = cli("account", "export", str(out))
    assert exists.exit_code == 2 and "--force" in exists.output
    wrong = cli("account", "delete", "--confirm", "b@example.org")
    assert wrong.exit_code == 2 and "nothing was deleted" in wrong.output
    gone = cli("account", "delete", "--confirm", "a@example.org")
    assert gone.exit_code == 0 and "Deleted" in gone.output
    after = cli("goals", "list")
    assert after.exit_code != 0 and "no person matches" in after.output
    listed = json.loads(cli("accounts", "list", "--json").output)
    assert [a["email"] for a in listed] == ["b@example.org"]
    log = json.loads(cli("accounts", "log", "--json").output)
    assert [e["action"] for e in log] == ["delete-account"]
    assert "a@example.org" not in json.dumps(log) and "Goal of" not in json.dumps(log)
    monkeypatch.setenv("CAREER_PERSON", "b@example.org")
    b_after = cli("export", "-").output

    def _data(text: str) -> Any:
        document = json.loads(text)
        document.pop("exported_at")
        return document

    assert _data(b_after) == _data(b_before)
