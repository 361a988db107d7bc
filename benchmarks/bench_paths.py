"""Paths: how long a path analysis takes on a practice's pooled collection, and a bulk import.

Prints figures (not a timed test). The positions are generated (volume only: correctness is
tested on real profiles in tests/test_paths*.py): careers of three to eight positions climbing
a ladder of real O*NET occupations with detours, some reaching the target.

1. The path engine alone (``analysis.paths.mine``) on 100,000 and 1,000,000 positions.
2. End to end through the store (``services.paths.analyze``: read the collection's columnar
   copy, mine, add education and names) on the same sizes:
   - the first analysis after profiles were added (a 1,000-row CSV through ``add_file``, which
     appends to the copy): what a person waits for after an import;
   - the first analysis after an occupation was corrected;
   - repeated analyses;
   - a rebuild of the copy from the database (only after an upgrade, a restore or a crash
     between commit and file write).
3. ``career paths add`` of a 10,000-row CSV (title matching, one transaction), with progress.

Memory is the process's peak resident size after each stage (``ru_maxrss``), which includes
DuckDB's allocations that ``tracemalloc`` would not see.

Usage: ``python benchmarks/bench_paths.py [--quick] [--database URL]`` (``--quick`` skips the
million; ``--database`` runs the store stages on that database, e.g. PostgreSQL, instead of a
temporary SQLite file).
"""

from __future__ import annotations

import os
import random
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from careerceo.analysis.paths import PathFrame, Target, mine
from careerceo.services import paths as service
from careerceo.services.context import AppContext
from careerceo.settings import Settings

TODAY = date(2026, 6, 1)
# A ladder towards the target with detours; (title, O*NET code).
LADDER = [
    ("Editorial Intern", "27-3041.00"),
    ("Editorial Assistant", "43-9081.00"),
    ("Reporter", "27-3023.00"),
    ("Associate Producer", "27-2012.00"),
    ("Producer", "27-2012.01"),
]
DETOURS = [
    ("Copy Editor", "27-3041.00"),
    ("Social Media Manager", "11-2032.00"),
    ("Marketing Coordinator", "13-1161.00"),
    ("Video Editor", "27-4032.00"),
    ("Research Assistant", "19-4061.00"),
    ("Teacher", "25-2031.00"),
    ("Account Manager", "41-3091.00"),
    ("Writer", "27-3043.00"),
]
TARGET = "Producer"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(n_positions: int, seed: int = 11) -> dict[str, list[Any]]:
    """Columns as the store hands them to the engine (``ANALYSIS_COLUMNS``)."""
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {
        k: []
        for k in (
            "profile_id",
            "seq",
            "title_key",
            "title",
            "occupation_code",
            "start_month",
            "end_month",
            "current",
            "internship",
            "employer_size",
            "industry",
            "id",
        )
    }
    sizes = ["1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+"]
    industries = ["News", "Broadcasting", "Marketing", "Education", "Software"]
    profile = 0
    pid = 0
    while pid < n_positions:
        profile += 1
        length = rng.randint(3, 8)
        month = 2000 * 12 + rng.randint(0, 240)
        rung = rng.randint(0, 2)
        for seq in range(length):
            if pid >= n_positions:
                break
            if rng.random() < 0.3:
                title, code = DETOURS[rng.randrange(len(DETOURS))]
            else:
                title, code = LADDER[min(rung, len(LADDER) - 1)]
                rung += rng.random() < 0.6
            years = rng.randint(6, 60)
            pid += 1
            last = seq == length - 1
            cols["profile_id"].append(profile)
            cols["seq"].append(seq)
            cols["title_key"].append(service.title_key(title))
            cols["title"].append(title)
            cols["occupation_code"].append(code if rng.random() < 0.95 else None)
            cols["start_month"].append(month if rng.random() < 0.97 else None)
            cols["end_month"].append(None if last else month + years)
            cols["current"].append(last)
            cols["internship"].append("Intern" in title)
            cols["employer_size"].append(sizes[rng.randrange(len(sizes))])
            cols["industry"].append(industries[rng.randrange(len(industries))])
            cols["id"].append(pid)
            month += years + rng.choice((0, 0, 0, 3))
    return cols


def bench_engine(cols: dict[str, list[Any]]) -> None:
    frame = PathFrame.from_columns(cols)
    zones = service.zones()
    runs = []
    cpu = []
    for _ in range(3):
        start, start_cpu = time.perf_counter(), time.process_time()
        out = mine(frame, Target(key=service.title_key(TARGET)), as_of=2026 * 12, zones=zones)
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(
        f"  engine  {len(frame):>9,} positions, {out.profiles:,} people: "
        f"best {min(runs):.3f} s, median {float(np.median(runs)):.3f} s "
        f"(CPU {min(cpu):.2f} s); "
        f"{out.people:,} reached {TARGET}; peak RSS {_peak_mb():,.0f} MB"
    )


def _store(ctx: AppContext, name: str, cols: dict[str, list[Any]]) -> None:
    """Write the generated positions straight into the store (volume only, no file reading)."""
    from sqlalchemy import insert

    from careerceo.store.tables import PathProfile

    created = service.new_collection(ctx, {"name": name, "target": TARGET})
    with ctx.db.transaction() as session:
        people = sorted(set(cols["profile_id"]))
        session.execute(
            insert(PathProfile),
            [
                {
                    "person_id": ctx.person_id,
                    "collection_id": created.id,
                    "alias": f"Person {p}",
                    "source": "csv",
                    "fingerprint": f"{name}-{p}",
                    "education": [],
                    "certifications": [],
                }
                for p in people
            ],
        )
        first = session.scalar(
            PathProfile.__table__.select()
            .with_only_columns(PathProfile.__table__.c.id)
            .where(PathProfile.__table__.c.collection_id == created.id)
            .order_by(PathProfile.__table__.c.id)
            .limit(1)
        )
        assert first is not None
        offset = int(first) - people[0]
        # one executemany of plain tuples: setting up volume, not what is measured
        names = (
            "person_id, collection_id, uid, created_at, updated_at, profile_id, seq, title, "
            "title_key, employer, start_month, end_month, current, start_precision, "
            "end_precision, internship, occupation_code, corrected, employer_size, industry"
        )
        stamp = "2026-01-01 00:00:00"
        rows = [
            (
                ctx.person_id,
                created.id,
                f"{name}-{i}",
                stamp,
                stamp,
                cols["profile_id"][i] + offset,
                cols["seq"][i],
                cols["title"][i],
                cols["title_key"][i],
                "",
                cols["start_month"][i],
                cols["end_month"][i],
                cols["current"][i],
                "month",
                "month",
                cols["internship"][i],
                cols["occupation_code"][i],
                False,
                cols["employer_size"][i],
                cols["industry"][i],
            )
            for i in range(len(cols["id"]))
        ]
        marks = ", ".join("?" for _ in names.split(", "))
        marks = marks.replace("?", "%s") if ctx.db.engine.dialect.name != "sqlite" else marks
        session.connection().exec_driver_sql(
            f"INSERT INTO path_position ({names}) VALUES ({marks})", rows
        )
        # as an import does: the collection's revision moves with its positions
        from careerceo.store.path_repositories import PathCollectionRepository
        from careerceo.store.tables import PathCollection

        row = session.get(PathCollection, created.id)
        assert row is not None
        PathCollectionRepository(session, ctx.person_id).bump(row)


def _timed(call: Any) -> tuple[Any, float, float]:
    start, start_cpu = time.perf_counter(), time.process_time()
    out = call()
    return out, time.perf_counter() - start, time.process_time() - start_cpu


def _small_csv(rows: int, seed: int, prefix: str) -> bytes:
    rng = random.Random(seed)
    lines = ["person,title,employer,start,end,employer_size,industry,location"]
    person = 0
    while len(lines) <= rows:
        person += 1
        year = rng.randint(1995, 2012)
        for seq in range(rng.randint(3, 6)):
            if len(lines) > rows:
                break
            title = LADDER[min(seq, len(LADDER) - 1)][0]
            lines.append(
                f"{prefix}{person},{title},Employer {seq},{year}-03,{year + 2}-02,51-200,News,"
            )
            year += 2
    return ("\n".join(lines) + "\n").encode()


def bench_store(ctx: AppContext, name: str, cols: dict[str, list[Any]]) -> None:
    from careerceo.store import path_snapshot

    start = time.perf_counter()
    _store(ctx, name, cols)
    stored = time.perf_counter() - start
    uid = service.get_collection(ctx, name).uid
    n = len(cols["id"])

    def analyse() -> Any:
        return service.analyze(ctx, name, TARGET, today=TODAY)

    out, rebuild, rebuild_cpu = _timed(analyse)
    warm = [_timed(analyse)[1:] for _ in range(3)]
    csv = _small_csv(1000, 3, f"{name}-late-")
    added, add_wall, _ = _timed(lambda: service.add_file(ctx, name, csv, "late.csv", today=TODAY))
    after_add, after_wall, after_cpu = _timed(analyse)
    position = after_add.steps_before[0].position_ids[0]
    _timed(lambda: service.correct_occupation(ctx, position, {"occupation_code": "27-3041.00"}))
    _fixed, fix_wall, fix_cpu = _timed(analyse)
    assert path_snapshot.revision_of(ctx.settings.data_dir, uid) is not None
    best = min(warm)
    print(
        f"  store   {n:>9,} positions ({ctx.db.engine.dialect.name}):\n"
        f"          first analysis after adding {added.positions:,} positions "
        f"(add_file {add_wall:.2f} s, appends to the copy): {after_wall:.3f} s "
        f"(CPU {after_cpu:.2f} s); {after_add.people:,} reached\n"
        f"          first analysis after correcting an occupation: {fix_wall:.3f} s "
        f"(CPU {fix_cpu:.2f} s)\n"
        f"          repeated analysis: best {best[0]:.3f} s (CPU {best[1]:.2f} s), median "
        f"{float(np.median([w for w, _c in warm])):.3f} s\n"
        f"          rebuild of the copy from the database: {rebuild:.2f} s "
        f"(CPU {rebuild_cpu:.2f} s); {out.people:,} reached\n"
        f"          peak RSS {_peak_mb():,.0f} MB [writing the rows took {stored:.1f} s]"
    )


def bench_csv(ctx: AppContext, rows: int = 10_000) -> None:
    rng = random.Random(5)
    lines = ["person,title,employer,start,end,employer_size,industry,location"]
    person = 0
    while len(lines) <= rows:
        person += 1
        year = rng.randint(1995, 2015)
        for seq in range(rng.randint(3, 7)):
            if len(lines) > rows:
                break
            title = (
                LADDER[min(seq, len(LADDER) - 1)][0]
                if rng.random() < 0.7
                else DETOURS[rng.randrange(len(DETOURS))][0]
            )
            end = year + rng.randint(1, 4)
            lines.append(
                f"p{person},{title},Employer {rng.randint(1, 300)},{year}-0{rng.randint(1, 9)},"
                f"{min(end, 2025)}-0{rng.randint(1, 9)},51-200,News,London"
            )
            year = end
    data = ("\n".join(lines) + "\n").encode()
    service.new_collection(ctx, {"name": "CSV import"})
    ticks: list[tuple[int, int]] = []
    start, start_cpu = time.perf_counter(), time.process_time()
    summary = service.add_file(
        ctx,
        "CSV import",
        data,
        "pool.csv",
        today=TODAY,
        progress=lambda done, total: ticks.append((done, total)),
    )
    took, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    print(
        f"  import  {rows:,}-row CSV ({person:,} people): {took:.2f} s (CPU {cpu:.2f} s), "
        f"{summary.positions:,} positions written, {len(summary.messages)} messages, "
        f"{len(ticks)} progress updates (last {ticks[-1] if ticks else None}); "
        f"peak RSS {_peak_mb():,.0f} MB"
    )


def main() -> None:
    quick = "--quick" in sys.argv
    sizes = [100_000] if quick else [100_000, 1_000_000]
    url = sys.argv[sys.argv.index("--database") + 1] if "--database" in sys.argv else None
    with tempfile.TemporaryDirectory() as tmp:
        ctx = AppContext(
            settings=Settings(
                data_dir=Path(tmp),
                database_url=url or f"sqlite:///{Path(tmp) / 'career.db'}",
                host="127.0.0.1",
                port=0,
            )
        )
        _ = ctx.person_id
        # the knowledge base and title matcher load once per process, not per analysis
        service.zones()
        service.resolve_target(TARGET, PathFrame.from_columns(generate(0)))
        load = os.getloadavg()[0]
        print(
            f"Path analysis for {TARGET!r} (generated careers; {ctx.db.engine.dialect.name} "
            f"store; {os.cpu_count()} "
            f"CPUs, load average {load:.1f} at the start: wall times grow with it)"
        )
        for n in sizes:
            cols = generate(n)
            bench_engine(cols)
            bench_store(ctx, f"Pool {n}", cols)
        bench_csv(ctx)
        ctx.db.dispose()


if __name__ == "__main__":
    main()
