"""Web workers starting together agree on the form token kept in ``csrf.key``.

``career serve --workers 4`` starts four processes that each load the key; if two of them both
found no key and each wrote its own, a login form served by one worker would be refused by
another (403) until the next restart. The key is published with a link that only one writer
can win, and the others read the winner's.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from careerceo.web import security


def test_workers_loading_a_new_key_together_all_get_the_same_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = security.secrets.token_urlsafe

    def slow_token(size: int) -> str:
        time.sleep(0.05)  # widen the moment between looking for the key and writing it
        return made(size)

    monkeypatch.setattr(security.secrets, "token_urlsafe", slow_token)
    start = threading.Barrier(6)
    tokens: list[str] = []

    def worker() -> None:
        start.wait()
        tokens.append(security.load_secret(tmp_path))

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = (tmp_path / "csrf.key").read_text(encoding="ascii")
    assert len(tokens) == 6 and set(tokens) == {stored}
    assert (tmp_path / "csrf.key").stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csrf.key"]  # no temporary left


def test_a_damaged_key_is_replaced_and_a_good_one_kept(tmp_path: Path) -> None:
    (tmp_path / "csrf.key").write_text("short", encoding="ascii")
    first = security.load_secret(tmp_path)
    assert len(first) >= 32 and (tmp_path / "csrf.key").read_text(encoding="ascii") == first
    assert security.load_secret(tmp_path) == first
