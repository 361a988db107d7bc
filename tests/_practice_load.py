"""A coaching practice under load: the production start, many signed-in clients, and a count of
every write the server acknowledged against what the database holds afterwards.

Shared by ``tests/test_practice_load.py`` (bounded, in CI on PostgreSQL) and
``benchmarks/bench_practice_load.py`` (prints the latency figures), so the figures the benchmark
prints come from exactly the run the test checks.

The server is started the way the README documents it for a practice: ``career serve --workers
N`` with ``CAREER_AUTH=accounts`` and ``CAREER_DATABASE_URL``, as its own process tree (uvicorn's
supervisor and its workers). Each client signs in through ``/login`` like a browser, then loops:
add a goal (``POST /api/v1/goals``), list its goals (``GET /api/v1/goals``) and open the new
goal's page (``GET /goals/{id}``). A write counts as acknowledged only when the server answered
201 with the goal it stored; every list read checks that it holds every goal acknowledged to
this client before the read was sent (read-your-writes across workers) and nothing of anyone
else's.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

PASSWORD = "load test password 2026"
READY_SECONDS = 120.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def client_email(index: int) -> str:
    return f"client{index:03d}@load.example.org"


def create_clients(database_url: str, data_dir: Path, count: int) -> list[str]:
    """``count`` client accounts (argon2id passwords, a person each) on the practice database."""
    from careerceo.services import accounts
    from careerceo.services.context import AppContext
    from careerceo.settings import Settings

    ctx = AppContext(
        Settings(
            data_dir=data_dir, database_url=database_url, host="127.0.0.1", port=0, auth="accounts"
        )
    )
    emails = [client_email(i) for i in range(count)]
    # argon2id costs about 0.4 s a password here; hashing four at a time (the C code releases
    # the GIL) keeps 50 accounts from eating a bounded test's time.
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(
            pool.map(lambda email: accounts.create_account(ctx, email, "client", PASSWORD), emails)
        )
    ctx.db.dispose()
    return emails


# -- the production start ------------------------------------------------------------------


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base_url: str
    log: Path

    def worker_pids(self) -> list[int]:
        """The worker processes under uvicorn's supervisor (its children that serve)."""
        return sorted(
            pid
            for pid in _children(self.process.pid)
            if b"spawn_main" in _cmdline(pid) or b"multiprocessing" in _cmdline(pid)
            if b"resource_tracker" not in _cmdline(pid)
        )

    def busiest_worker(self) -> int:
        """The worker holding the most open client connections (so killing it cuts requests)."""
        port = int(self.base_url.rsplit(":", 1)[1])
        established = _established_inodes(port)
        return max(self.worker_pids(), key=lambda pid: len(_socket_inodes(pid) & established))

    def request_log(self) -> list[dict[str, object]]:
        """The JSON request lines the workers wrote (``CAREER_LOG=json``, set by ``--workers``)."""
        import json

        lines = []
        for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("{"):
                with contextlib.suppress(ValueError):
                    lines.append(json.loads(line))
        return lines

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""


def _children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError):
                text = Path(f"/proc/{pid}/task/{task}/children").read_text()
                found.extend(int(p) for p in text.split())
    return found


def _established_inodes(port: int) -> set[str]:
    """Socket inodes of established TCP connections whose local port is ``port``."""
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                local, state, inode = fields[1], fields[3], fields[9]
                if state == "01" and int(local.rsplit(":", 1)[1], 16) == port:
                    found.add(inode)
    return found


def _socket_inodes(pid: int) -> set[str]:
    found: set[str] = set()
    with contextlib.suppress(OSError):
        for fd in os.listdir(f"/proc/{pid}/fd"):
            with contextlib.suppress(OSError):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    found.add(target[8:-1])
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


@contextlib.contextmanager
def production_server(database_url: str, data_dir: Path, workers: int = 4) -> Iterator[Server]:
    """``career serve --workers N`` in accounts mode on ``database_url``; stopped on exit."""
    port = free_port()
    env = {
        **os.environ,
        "CAREER_AUTH": "accounts",
        "CAREER_DATABASE_URL": database_url,
        "CAREER_DATA_DIR": str(data_dir),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("CAREER_PERSON", None)
    log = data_dir / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "careerceo",
                "serve",
                "--port",
                str(port),
                "--workers",
                str(workers),
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as a whole below
        )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    try:
        _wait_ready(server, workers)
        yield server
    finally:
        _stop(process)


def _wait_ready(server: Server, workers: int) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the server exited at start:\n{server.log_tail()}")
        if len(server.worker_pids()) >= workers:
            try:
                if httpx.get(f"{server.base_url}/readyz", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
        time.sleep(0.2)
    raise RuntimeError(f"the server was not ready in {READY_SECONDS:.0f} s:\n{server.log_tail()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):  # a worker the supervisor did not reap
        os.killpg(process.pid, signal.SIGKILL)


# -- the clients -----------------------------------------------------------------------------


@dataclass
class ClientRecord:
    email: str
    acknowledged: set[str] = field(default_factory=set)  # titles answered 201
    uncertain: set[str] = field(default_factory=set)  # sent, but the answer never came
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    transport_errors: list[str] = field(default_factory=list)
    ack_times: list[float] = field(default_factory=list)  # monotonic time of each 201

    def took(self, kind: str, seconds: float) -> None:
        self.latencies.setdefault(kind, []).append(seconds)


@dataclass
class LoadResult:
    clients: list[ClientRecord]
    seconds: float  # of reading and writing, every client signed in
    started: float  # monotonic, when the stream started
    signing_in: float  # seconds the clients took to sign in before it

    @property
    def errors(self) -> list[str]:
        return [f"{c.email}: {e}" for c in self.clients for e in c.errors]

    @property
    def transport_errors(self) -> list[str]:
        return [f"{c.email}: {e}" for c in self.clients for e in c.transport_errors]

    @property
    def acknowledged(self) -> int:
        return sum(len(c.acknowledged) for c in self.clients)

    def latencies(self, kind: str | None = None) -> list[float]:
        return [
            value
            for c in self.clients
            for name, values in c.latencies.items()
            if kind is None or name == kind
            for value in values
        ]

    def requests(self) -> int:
        return len(self.latencies())


def _title(email: str, seq: int) -> str:
    return f"{email.split('@')[0]} goal {seq:06d}"


async def _sign_in(http: httpx.AsyncClient, email: str) -> None:
    anonymous = (await http.get("/api/v1/csrf-token")).json()["csrf_token"]
    answer = await http.post(
        "/login",
        data={"email": email, "password": PASSWORD, "next": "/", "csrf_token": anonymous},
    )
    if answer.status_code != 303 or "career_session" not in http.cookies:
        raise RuntimeError(f"sign-in answered {answer.status_code}: {answer.text[:300]}")
    own = (await http.get("/api/v1/csrf-token")).json()["csrf_token"]
    http.headers["X-CSRF-Token"] = own


async def _timed(
    record: ClientRecord, kind: str, call: Coroutine[object, object, httpx.Response]
) -> httpx.Response | None:
    """Await one request (created but not yet started), recording its latency."""
    started = time.perf_counter()
    try:
        answer = await call
    except httpx.TransportError as exc:  # the connection broke (a worker died under it)
        record.transport_errors.append(f"{kind}: {type(exc).__name__} {exc}")
        return None
    record.took(kind, time.perf_counter() - started)
    return answer


class _Start:
    """The timed stream starts once every client has signed in (or failed to): the sign-ins
    (an argon2id check each) are not part of the measured minute."""

    def __init__(self, clients: int, seconds: float) -> None:
        self.waiting = clients
        self.seconds = seconds
        self.event = asyncio.Event()
        self.at = 0.0
        self.deadline = 0.0

    def arrived(self) -> None:
        self.waiting -= 1
        if self.waiting <= 0:
            self.at = time.monotonic()
            self.deadline = self.at + self.seconds
            self.event.set()


async def _client(
    base_url: str, email: str, start: _Start, think: float, record: ClientRecord
) -> None:
    prefix = email.split("@")[0] + " goal "
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as http:
        try:
            await _sign_in(http, email)
        finally:
            start.arrived()
        await start.event.wait()
        seq = 0
        while time.monotonic() < start.deadline:
            seq += 1
            title = _title(email, seq)
            answer = await _timed(
                record, "write", http.post("/api/v1/goals", json={"title": title})
            )
            if answer is None:
                record.uncertain.add(title)
                continue
            if answer.status_code != 201 or answer.json().get("title") != title:
                record.errors.append(f"POST goal {answer.status_code}: {answer.text[:200]}")
                record.uncertain.add(title)
                continue
            record.acknowledged.add(title)
            record.ack_times.append(time.monotonic())
            goal_id = answer.json()["id"]
            expected = set(record.acknowledged)
            answer = await _timed(record, "read", http.get("/api/v1/goals"))
            if answer is not None:
                if answer.status_code != 200:
                    record.errors.append(f"GET goals {answer.status_code}: {answer.text[:200]}")
                else:
                    titles = {goal["title"] for goal in answer.json()}
                    foreign = sorted(t for t in titles if not t.startswith(prefix))
                    missing = sorted(expected - titles)
                    if foreign:
                        record.errors.append(f"read another client's goals: {foreign[:3]}")
                    if missing:
                        record.errors.append(f"acknowledged goals missing: {missing[:3]}")
            answer = await _timed(record, "page", http.get(f"/goals/{goal_id}"))
            if answer is not None and (answer.status_code != 200 or title not in answer.text):
                record.errors.append(f"GET /goals/{goal_id} {answer.status_code}")
            if think:
                await asyncio.sleep(think)


async def _run(
    base_url: str, records: list[ClientRecord], seconds: float, think: float
) -> tuple[float, float]:
    """Returns when the stream started and ended (monotonic seconds)."""
    start = _Start(len(records), seconds)

    async def one(record: ClientRecord) -> None:
        try:
            await _client(base_url, record.email, start, think, record)
        except Exception as exc:  # a client that could not go on is an error of the run
            record.errors.append(f"stopped: {type(exc).__name__}: {exc}")

    await asyncio.gather(*(one(record) for record in records))
    return start.at, time.monotonic()


def run_load(
    base_url: str,
    emails: list[str],
    seconds: float,
    think: float = 0.05,
    records: list[ClientRecord] | None = None,
) -> LoadResult:
    """Every client signs in; then all read and write for ``seconds``."""
    records = records if records is not None else [ClientRecord(email) for email in emails]
    began = time.monotonic()
    # A loop of its own in a thread of its own: a browser test earlier in the same pytest
    # process can leave the main thread inside a running event loop, where asyncio.run refuses.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        started, ended = pool.submit(asyncio.run, _run(base_url, records, seconds, think)).result()
    return LoadResult(records, ended - started, started, started - began)


class Background:
    """The load running in a thread, so the caller can act on the server meanwhile."""

    def __init__(self, base_url: str, emails: list[str], seconds: float, think: float) -> None:
        import threading

        self.records = [ClientRecord(email) for email in emails]
        self.seconds = seconds
        self._box: dict[str, LoadResult] = {}
        self._thread = threading.Thread(
            target=lambda: self._box.setdefault(
                "result", run_load(base_url, emails, seconds, think, self.records)
            ),
            daemon=True,
        )
        self._thread.start()

    def all_writing(self) -> bool:
        """Every client has signed in and had a write acknowledged."""
        return all(record.ack_times for record in self.records)

    def result(self) -> LoadResult:
        self._thread.join(timeout=self.seconds + 120)
        if "result" not in self._box:
            raise RuntimeError("the load did not finish")
        return self._box["result"]


# -- what the database holds -----------------------------------------------------------------


def stored_titles(database_url: str) -> dict[str, set[str]]:
    """Every goal title in the database by its owner's e-mail, read straight from the tables."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT p.email, g.title FROM goal g JOIN person p ON p.id = g.person_id")
            ).all()
    finally:
        engine.dispose()
    found: dict[str, set[str]] = {}
    for email, title in rows:
        found.setdefault(str(email), set()).add(str(title))
    return found


@dataclass
class WriteCheck:
    acknowledged: int
    stored: int
    lost: list[str]  # acknowledged but not in the database
    unexplained: list[str]  # in the database but never sent (or sent but not uncertain)


def check_writes(result: LoadResult, database_url: str) -> WriteCheck:
    stored = stored_titles(database_url)
    lost: list[str] = []
    unexplained: list[str] = []
    for record in result.clients:
        held = stored.get(record.email, set())
        lost.extend(sorted(record.acknowledged - held))
        unexplained.extend(sorted(held - record.acknowledged - record.uncertain))
    return WriteCheck(result.acknowledged, sum(len(v) for v in stored.values()), lost, unexplained)


# -- figures ---------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) by the nearest-rank method; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 1))))
    return ordered[rank - 1]


def server_summary(lines: list[dict[str, object]]) -> str:
    """The workers' own time per request (from their JSON log), without the clients' queueing."""
    stream = {"/api/v1/goals", "/goals/{id}"}  # the sign-ins (argon2id) are not the stream
    ms = [float(str(line["ms"])) / 1000 for line in lines if line.get("route") in stream]
    failed = sum(1 for line in lines if int(str(line.get("status", 0))) >= 500)
    return (
        f"  server n={len(ms):>6}  p50 {percentile(ms, 0.5) * 1000:7.1f} ms  "
        f"p95 {percentile(ms, 0.95) * 1000:7.1f} ms  p99 {percentile(ms, 0.99) * 1000:7.1f} ms"
        f"  (the stream's requests in the workers, from their log; {failed} answered 5xx)"
    )


def summary(result: LoadResult) -> list[str]:
    lines = [
        f"{len(result.clients)} clients signed in ({result.signing_in:.1f} s), then "
        f"{result.seconds:.1f} s: {result.requests()} requests "
        f"({result.requests() / result.seconds:.1f}/s), {result.acknowledged} acknowledged "
        f"writes, {len(result.errors)} errors, {len(result.transport_errors)} broken connections"
    ]
    for kind in ("write", "read", "page", None):
        values = result.latencies(kind)
        if not values:
            continue
        name = kind or "all"
        lines.append(
            f"  {name:<6} n={len(values):>6}  p50 {percentile(values, 0.5) * 1000:7.1f} ms  "
            f"p95 {percentile(values, 0.95) * 1000:7.1f} ms  "
            f"p99 {percentile(values, 0.99) * 1000:7.1f} ms  max {max(values) * 1000:7.1f} ms"
        )
    return lines


@contextlib.contextmanager
def fresh_postgres(admin_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database on the server of ``admin_url``; dropped on exit."""
    import uuid

    from sqlalchemy import create_engine, text

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"career_load_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    base, _, _ = admin_url.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
