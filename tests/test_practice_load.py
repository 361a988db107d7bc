"""A practice under load and a worker killed mid-stream, against the production start.

``career serve --workers 4`` (the README's start for a practice: uvicorn's supervisor and four
worker processes) in ``CAREER_AUTH=accounts`` on a fresh PostgreSQL database. Clients sign in
through ``/login`` and add, list and open goals; every write the server acknowledged (201 with
the stored goal) must be in the database afterwards, and nothing may be there that no client
sent. ``benchmarks/bench_practice_load.py`` runs the same code and prints the latencies.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import _practice_load as load

pytestmark = pytest.mark.postgres


def test_fifty_clients_read_and_write_for_a_minute_without_errors_or_lost_writes(
    postgres_url: str, tmp_path: Path
) -> None:
    emails = load.create_clients(postgres_url, tmp_path, 50)
    with load.production_server(postgres_url, tmp_path, workers=4) as server:
        result = load.run_load(server.base_url, emails, seconds=60)
        log = server.log_tail()
        requests = server.request_log()
    figures = "\n".join([*load.summary(result), load.server_summary(requests)])
    print(figures)
    assert result.errors == [], f"{figures}\n{result.errors[:10]}\n{log}"
    assert result.transport_errors == [], f"{figures}\n{result.transport_errors[:10]}\n{log}"
    assert all(record.acknowledged for record in result.clients), "a client never wrote"
    check = load.check_writes(result, postgres_url)
    assert check.lost == [] and check.unexplained == [], check
    assert check.stored == check.acknowledged == result.acknowledged > 0
    assert "Traceback" not in server.log.read_text(encoding="utf-8"), log
    # every request the clients timed was logged by a worker, and none answered 5xx
    assert len(requests) >= result.requests()
    assert [r for r in requests if int(str(r["status"])) >= 500] == []


def _wait(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} within {seconds:.0f} s")


def test_a_worker_killed_mid_stream_loses_no_acknowledged_write_and_is_replaced(
    postgres_url: str, tmp_path: Path
) -> None:
    emails = load.create_clients(postgres_url, tmp_path, 16)
    with load.production_server(postgres_url, tmp_path, workers=4) as server:
        before = server.worker_pids()
        assert len(before) == 4, before
        running = load.Background(server.base_url, emails, seconds=20, think=0.05)
        # every client signed in and writing: the kill lands in the middle of the stream
        _wait(running.all_writing, 60, "every client did not write")
        time.sleep(1)
        victim = server.busiest_worker()
        os.kill(victim, signal.SIGKILL)
        killed_at = time.monotonic()
        _wait(
            lambda: victim not in server.worker_pids() and len(server.worker_pids()) == 4,
            30,
            "the supervisor did not replace the killed worker",
        )
        result = running.result()
        after = server.worker_pids()
        log = server.log_tail()
    print("\n".join(load.summary(result)))
    assert victim not in after and len(after) == 4 and set(after) - set(before), (before, after)
    # the other workers kept serving: writes were acknowledged after the kill, by every client
    late = [r for r in result.clients if any(t > killed_at + 1 for t in r.ack_times)]
    assert len(late) == len(result.clients), f"{len(late)} of {len(result.clients)} wrote after"
    # requests were in flight on the killed worker; each cut one is a broken connection (the
    # client does not know whether it was stored), never a wrong answer
    assert result.transport_errors, "the kill cut no request: it did not land mid-stream"
    assert result.errors == [], f"{result.errors[:10]}\n{log}"
    check = load.check_writes(result, postgres_url)
    assert check.lost == [], f"acknowledged writes lost: {check.lost[:10]}"
    # a write stored whose answer the kill cut off is possible; one nobody sent is not
    assert check.unexplained == [], check.unexplained[:10]
    assert check.stored >= check.acknowledged > 0
