"""A coaching practice under load: latency of signed-in clients against the production start.

Prints figures (not a timed test). Starts ``career serve --workers N`` in accounts mode on a
fresh PostgreSQL database (``CAREER_TEST_POSTGRES_URL``, an admin URL; created and dropped
here) or, with ``--sqlite``, on SQLite; signs in ``--clients`` clients, each adding a goal,
listing its goals and opening the goal's page in a loop for ``--seconds``; then prints
throughput, p50/p95/p99 per kind of request, and the count of acknowledged writes against the
rows in the database. ``tests/test_practice_load.py`` runs the same code and checks it.

    CAREER_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:55432/postgres \\
        .venv/bin/python benchmarks/bench_practice_load.py [--clients 50 --seconds 60 --workers 4]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import _practice_load as load  # noqa: E402


@contextlib.contextmanager
def database(sqlite: bool, data_dir: Path) -> Iterator[str]:
    if sqlite:
        yield f"sqlite:///{data_dir / 'career.db'}"
        return
    admin = os.environ.get("CAREER_TEST_POSTGRES_URL")
    if not admin:
        sys.exit("set CAREER_TEST_POSTGRES_URL to a PostgreSQL admin URL, or pass --sqlite")
    with load.fresh_postgres(admin) as url:
        yield url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--think", type=float, default=0.05, help="pause after each cycle (s)")
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, database(args.sqlite, Path(tmp)) as url:
        data_dir = Path(tmp)
        kind = "SQLite" if args.sqlite else "PostgreSQL"
        started = time.perf_counter()
        emails = load.create_clients(url, data_dir, args.clients)
        print(
            f"{kind}: {args.clients} client accounts created in "
            f"{time.perf_counter() - started:.1f} s"
        )
        with load.production_server(url, data_dir, args.workers) as server:
            print(f"career serve --workers {args.workers} ready (workers {server.worker_pids()})")
            result = load.run_load(server.base_url, emails, args.seconds, args.think)
            requests = server.request_log()
        check = load.check_writes(result, url)
        print("\n".join(load.summary(result)))
        print(load.server_summary(requests))
        print(
            f"writes: {check.acknowledged} acknowledged, {check.stored} in the database, "
            f"{len(check.lost)} lost, {len(check.unexplained)} unexplained"
        )
        for line in (result.errors + result.transport_errors)[:10]:
            print("  error:", line)


if __name__ == "__main__":
    main()
