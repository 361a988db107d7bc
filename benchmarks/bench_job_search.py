"""Job search at the size the issue names: 5,000 contacts, 20,000 interactions, 1,000
companies and 1,000 opportunities (with dated stage histories).

Prints figures (not a timed test): server-side time of every list, board and dashboard page
and of ``career today`` (median of repeated requests through the real app, in process), and the
time to import a 30,000-row LinkedIn ``Connections.csv`` into an empty database (with the
progress the CLI shows). Runs on SQLite, and on PostgreSQL too when
``CAREER_TEST_POSTGRES_URL`` names a server (a scratch database is created and dropped).

    .venv/bin/python benchmarks/bench_job_search.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, insert, text, update

from careerceo.services.context import AppContext
from careerceo.services.network_import import import_connections
from careerceo.services.today import today_items
from careerceo.settings import Settings
from careerceo.store.tables import Company, Interaction, Opportunity, StageChange
from careerceo.web.app import create_app

FIRST = ["Ada", "Björn", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hiro", "Inés", "José",
         "Kwame", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Rosa", "Zoë"]  # fmt: skip
LAST = ["Almeida", "Brown", "Chen", "Dubois", "Eriksen", "García", "Haddad", "Ivanova",
        "Jones", "Kowalski", "López", "Müller", "Nakamura", "Okafor", "Patel", "Rossi"]  # fmt: skip
TITLES = ["Engineering Manager", "Data Scientist", "Recruiter", "VP Product", "Analyst",
          "Head of Talent", "Staff Engineer", "Director, Operations"]  # fmt: skip
CHANNELS = ["email", "call", "meeting", "linkedin", "event"]
STAGES = ["target", "networking", "applied", "interviewing", "offer"]


def connections_csv(rows: int, companies: int, seed: int = 13) -> bytes:
    """A 2023+ layout export: the note lines, then the header, then one line per person."""
    rng = random.Random(seed)
    lines = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email '
        'addresses are missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    start = date(2012, 1, 1)
    for i in range(rows):
        first, last = rng.choice(FIRST), f"{rng.choice(LAST)}{i}"
        email = f"{first.lower()}.{i}@example.org" if rng.random() < 0.3 else ""
        company = f'"Company {i % companies}, Inc."'
        connected = (start + timedelta(days=rng.randrange(4000))).strftime("%d %b %Y")
        lines.append(
            f"{first},{last},https://www.linkedin.com/in/p{i}-{seed},{email},{company},"
            f'"{rng.choice(TITLES)}",{connected}'
        )
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


@contextmanager
def databases(workdir: Path) -> Iterator[list[tuple[str, Callable[[str], str]]]]:
    """(label, url factory) for SQLite and, when configured, a scratch PostgreSQL database."""
    made: list[str] = []
    admin_url = os.environ.get("CAREER_TEST_POSTGRES_URL")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT") if admin_url else None

    def sqlite(tag: str) -> str:
        return f"sqlite:///{workdir / (tag + '.db')}"

    def postgres(tag: str) -> str:
        assert admin is not None and admin_url is not None
        name = f"career_bench_{tag}_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return f"{admin_url.rpartition('/')[0]}/{name}"

    found: list[tuple[str, Callable[[str], str]]] = [("SQLite", sqlite)]
    if admin is not None:
        found.append(("PostgreSQL", postgres))
    try:
        yield found
    finally:
        if admin is not None:
            with admin.connect() as conn:
                for name in made:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


def context(url: str, data_dir: Path) -> AppContext:
    ctx = AppContext(
        settings=Settings(data_dir=data_dir, database_url=url, host="127.0.0.1", port=0)
    )
    _ = ctx.person_id
    return ctx


def seed(ctx: AppContext, *, seed_value: int = 5) -> dict[str, int]:
    """The network through the real importer, then the activity rows in bulk."""
    rng = random.Random(seed_value)
    summary = import_connections(ctx, connections_csv(5000, 1000, seed=seed_value))
    today = date.today()
    person = ctx.person_id
    with ctx.db.transaction() as session:
        company_ids = list(session.scalars(text("SELECT id FROM company ORDER BY id")))
        contact_ids = list(session.scalars(text("SELECT id FROM contact ORDER BY id")))
        # A fifth of the companies are targets, so their people get a cadence by default.
        session.execute(
            update(Company).where(Company.id.in_(company_ids[::5])).values(is_target=True)
        )
        session.execute(
            insert(Interaction),
            [
                {
                    "person_id": person,
                    "uid": str(uuid.uuid4()),
                    "contact_id": rng.choice(contact_ids),
                    "happened_on": today - timedelta(days=rng.randrange(720)),
                    "channel": rng.choice(CHANNELS),
                    "summary": f"Talked about role {i}",
                    "next_step": "Send the case study" if i % 10 == 0 else "",
                    "follow_up_on": today + timedelta(days=rng.randrange(-30, 30))
                    if i % 10 == 0
                    else None,
                    "done": False,
                }
                for i in range(20000)
            ],
        )
        opp_rows = []
        histories: list[list[tuple[str, date]]] = []
        for i in range(1000):
            depth = rng.randrange(1, len(STAGES) + 1)
            day = today - timedelta(days=rng.randrange(60, 400))
            history = []
            for stage in STAGES[:depth]:
                history.append((stage, day))
                day += timedelta(days=rng.randrange(1, 30))
            histories.append(history)
            opp_rows.append(
                {
                    "person_id": person,
                    "uid": str(uuid.uuid4()),
                    "company_id": rng.choice(company_ids),
                    "title": f"{rng.choice(TITLES)} #{i}",
                    "stage": history[-1][0],
                    "source": rng.choice(["referral", "cold", "recruiter"]),
                    "next_action": "Follow up" if i % 4 == 0 else "",
                    "next_action_due": today + timedelta(days=rng.randrange(-20, 20))
                    if i % 4 == 0
                    else None,
                    "offer": {},
                }
            )
        session.execute(insert(Opportunity), opp_rows)
        opp_ids = list(session.scalars(text("SELECT id FROM opportunity ORDER BY id")))
        session.execute(
            insert(StageChange),
            [
                {
                    "person_id": person,
                    "uid": str(uuid.uuid4()),
                    "opportunity_id": opp_id,
                    "stage": stage,
                    "entered_on": day,
                    "seq": 0,
                }
                for opp_id, history in zip(opp_ids, histories, strict=True)
                for stage, day in history
            ],
        )
    return {
        "contacts": summary.added,
        "companies": len(company_ids),
        "interactions": 20000,
        "opportunities": len(opp_ids),
        "stage changes": sum(len(h) for h in histories),
    }


def median_ms(action: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds. On a shared machine the wall time includes waiting
    for a core; the CPU time of this process is the work the request itself costs (the
    database server's own CPU, for PostgreSQL, is in the wall time only)."""
    action()  # warm caches (templates, statement cache) the way a running server has them
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(1000 * (time.perf_counter() - start))
        cpus.append(1000 * (time.process_time() - cpu))
    return statistics.median(walls), statistics.median(cpus)


def report(label: str, figures: tuple[float, float]) -> None:
    wall, cpu = figures
    flag = "" if wall < 100 else "  <-- over 100 ms"
    print(f"  {label:32s} {wall:8.1f} ms wall {cpu:8.1f} ms cpu{flag}")


def pages(ctx: AppContext, repeat: int) -> None:
    with TestClient(create_app(ctx), base_url="http://127.0.0.1") as client:
        contact_id = client.get("/api/v1/contacts?limit=1").json()
        first_contact = contact_id[0]["id"] if isinstance(contact_id, list) and contact_id else 1
        opp_id = client.get("/api/v1/opportunities").json()[0]["id"]
        company_id = client.get("/api/v1/companies").json()[0]["id"]
        paths = [
            "/",
            "/today",
            "/today?page=5",
            "/opportunities",
            "/opportunities?stage=applied",
            "/offers",
            "/companies",
            "/companies?page=5",
            "/contacts",
            "/contacts?page=20",
            "/contacts?q=garc",
            "/contacts?quiet=6",
            "/calendar.ics",
            f"/contacts/{first_contact}",
            f"/companies/{company_id}",
            f"/opportunities/{opp_id}",
            "/api/v1/today",
            "/api/v1/contacts",
            "/api/v1/companies",
            "/api/v1/opportunities",
            "/api/v1/opportunities/stats",
        ]
        for path in paths:

            def get(path: str = path) -> None:
                response = client.get(path)
                if response.status_code != 200:
                    raise SystemExit(f"{path} answered {response.status_code}")

            report(path, median_ms(get, repeat))
    report("career today (service)", median_ms(lambda: today_items(ctx), repeat))


def big_import(ctx: AppContext) -> None:
    content = connections_csv(30000, 3000, seed=99)
    marks: list[str] = []

    def progress(done: int, total: int, what: str) -> None:
        marks.append(f"{what.split()[0].lower()} {done}/{total}")

    start = time.perf_counter()
    summary = import_connections(ctx, content, progress=progress)
    first = time.perf_counter() - start
    start = time.perf_counter()
    again = import_connections(ctx, content)
    second = time.perf_counter() - start
    print(
        f"  import 30,000 rows ({len(content) / 1e6:.1f} MB): {first:5.2f} s "
        f"({summary.added} added, {summary.companies_added} companies; progress "
        f"{', '.join(marks[:2])} ... {marks[-1] if marks else '-'})"
    )
    print(
        f"  re-import of the same file:     {second:5.2f} s "
        f"({again.added} added, {again.unchanged} unchanged)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    print(f"load average before: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp, databases(Path(tmp)) as found:
        for label, make in found:
            print(f"{label}:")
            ctx = context(make("pages"), Path(tmp) / f"{label}-pages")
            start = time.perf_counter()
            counts = seed(ctx)
            print(
                "  seeded "
                + ", ".join(f"{v:,} {k}" for k, v in counts.items())
                + f" in {time.perf_counter() - start:.1f} s"
            )
            pages(ctx, args.repeat)
            ctx.db.dispose()
            ctx = context(make("import"), Path(tmp) / f"{label}-import")
            big_import(ctx)
            ctx.db.dispose()


if __name__ == "__main__":
    main()
