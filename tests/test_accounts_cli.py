"""``career accounts``, ``career grants`` and ``career audit`` through the real CLI."""

from __future__ import annotations

import json
from typing import Any

import pytest

PASSWORD = "correct horse battery staple"


def test_accounts_tokens_grants_and_audit(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    made = cli("accounts", "create", "a@example.org", "--password-stdin", input=PASSWORD)
    assert made.exit_code == 0 and "client account a@example.org" in made.output
    coach = cli(
        "accounts", "create", "c@example.org", "--role", "coach", "--password-stdin", input=PASSWORD
    )
    assert coach.exit_code == 0
    short = cli("accounts", "create", "b@example.org", "--password-stdin", input="short")
    assert short.exit_code == 2 and "at least 12" in short.output
    no_stdin = cli("accounts", "create", "b@example.org")
    assert no_stdin.exit_code == 2 and "--password-stdin" in no_stdin.output
    listed = json.loads(cli("accounts", "list", "--json").output)
    assert [(a["email"], a["role"]) for a in listed] == [
        ("a@example.org", "client"),
        ("c@example.org", "coach"),
    ]
    token = cli("accounts", "token", "a@example.org", "--name", "nightly")
    value = token.output.strip().splitlines()[-1]
    assert token.exit_code == 0 and value.startswith("ccpat_")
    assert value not in cli("accounts", "tokens", "a@example.org").output  # shown once only
    assert cli("accounts", "revoke-token", "a@example.org", "1").exit_code == 0
    assert "revoked" in cli("accounts", "tokens", "a@example.org").output
    monkeypatch.setenv("CAREER_PERSON", "a@example.org")
    granted = cli("grants", "add", "c@example.org", "--area", "direction", "--level", "comment")
    assert granted.exit_code == 0 and "may comment direction" in granted.output
    grants = json.loads(cli("grants", "list", "--json").output)
    assert [(g["coach"], g["area"], g["level"]) for g in grants] == [
        ("c@example.org", "direction", "comment")
    ]
    wrong = cli("grants", "add", "a@example.org", "--area", "direction")
    assert wrong.exit_code == 2 and "not an active coach" in wrong.output
    assert cli("grants", "revoke", str(grants[0]["id"])).exit_code == 0
    assert json.loads(cli("grants", "list", "--json").output) == []
    log = json.loads(cli("audit", "--json").output)
    assert [e["action"] for e in log] == ["revoke", "grant"]
    disabled = cli("accounts", "disable", "a@example.org")
    assert disabled.exit_code == 0 and "disabled" in disabled.output
    reset = cli("accounts", "reset-password", "a@example.org", "--password-stdin", input="x" * 12)
    assert reset.exit_code == 0 and "sessions ended" in reset.output
