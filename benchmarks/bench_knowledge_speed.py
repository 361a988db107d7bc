"""Speed and memory of the knowledge base, title normalisation and occupation search.

Prints: knowledge-base load time and RSS in a fresh subprocess, title-matcher build time (from
scratch and from its on-disk cache), normalisation time per title (mean and p95 over 1,000
real titles: O*NET reported titles and Glassdoor posting titles, with noise added to some),
and occupation search time per query. Targets from the issue: load < 1 s and < 300 MB,
normalisation < 5 ms/title, search < 20 ms/query.

Usage: ``python benchmarks/bench_knowledge_speed.py [--shared ../shared/data]``
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared" / "data"

# Run in a fresh interpreter so nothing is imported or cached before the clock starts.
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from careerceo.knowledge import load_knowledge
kb = load_knowledge()
load_s = time.perf_counter() - started
rss_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
from careerceo.knowledge.matching import matcher_for
started = time.perf_counter()
matcher = matcher_for(kb, Path(sys.argv[1]))
matcher_s = time.perf_counter() - started
matcher.normalize("Senior Software Engineer")
rss_matcher = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kb.load_all()
rss_all = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load_s": load_s, "rss_load": rss_load, "matcher_s": matcher_s,
                  "rss_matcher": rss_matcher, "rss_all": rss_all}))
"""

NOISE = ("Sr. ", "Junior ", "Lead ", "", "", "")
SUFFIX = (" II", " - EMEA", " (Remote)", ", Level 3", "", "", "")


def child(cache: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(cache)], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def sample_titles(shared: Path, n: int = 1000) -> list[str]:
    from careerceo.knowledge import load_knowledge

    rng = random.Random(7)
    titles = [r.title for r in load_knowledge().reported_titles]
    glassdoor = shared / "postings" / "glassdoor_ds_jobs_2020" / "glassdoor_jobs.csv"
    if glassdoor.is_file():
        with glassdoor.open(encoding="utf-8") as handle:
            titles += [row["Job Title"] for row in csv.DictReader(handle)]
    picked = rng.sample(titles, n)
    # A third get seniority, level or location words, as people write them.
    return [
        f"{rng.choice(NOISE)}{t}{rng.choice(SUFFIX)}" if i % 3 == 0 else t
        for i, t in enumerate(picked)
    ]


def timed(fn: object, items: list[str]) -> list[float]:
    times = []
    for item in items:
        started = time.perf_counter()
        fn(item)  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return times


def p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Knowledge base speed and memory.")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        cold = child(cache)  # builds the matcher and writes its cache
        warm = [child(cache) for _ in range(args.runs)]
    load = statistics.median(r["load_s"] for r in warm)
    print("Knowledge base (fresh subprocess, median of", args.runs, "runs)")
    print(f"  load_knowledge():            {load * 1000:7.0f} ms   (target < 1000 ms)")
    print(
        f"  RSS after load:              {statistics.median(r['rss_load'] for r in warm):7.0f} MB"
    )
    print(
        f"  title matcher, first build:  {cold['matcher_s'] * 1000:7.0f} ms   (once per artifact)"
    )
    print(
        f"  title matcher, from cache:   "
        f"{statistics.median(r['matcher_s'] for r in warm) * 1000:7.0f} ms"
    )
    print(
        f"  RSS with matcher:            "
        f"{statistics.median(r['rss_matcher'] for r in warm):7.0f} MB   (target < 300 MB)"
    )
    print(f"  RSS with every section:      {statistics.median(r['rss_all'] for r in warm):7.0f} MB")

    from careerceo.knowledge import load_knowledge
    from careerceo.knowledge.matching import matcher_for

    matcher = matcher_for(load_knowledge())
    titles = sample_titles(args.shared)
    for t in titles[:20]:
        matcher.normalize(t)  # warm caches (regexes, lru) before timing
    norm = timed(matcher.normalize, titles)
    print(f"Title normalisation ({len(titles)} real titles, top-5)")
    print(
        f"  mean {statistics.fmean(norm):.2f} ms, p95 {p95(norm):.2f} ms, "
        f"max {max(norm):.2f} ms   (target < 5 ms)"
    )
    queries = [
        "nurse",
        "data",
        "software",
        "teacher",
        "machine learning",
        "truck driver",
        "accountant",
        "sales manager",
        "welding",
        "marketing",
        "15-12",
        "chef",
        "human resources",
        "electrician",
        "graphic design",
        "pharmacy",
        "police",
        "financial analyst",
        "construction",
        "customer service",
    ]
    search = timed(lambda q: matcher.search(q, 20), queries * 10)
    print(f"Occupation search ({len(queries)} queries x 10, top-20)")
    print(
        f"  mean {statistics.fmean(search):.2f} ms, p95 {p95(search):.2f} ms, "
        f"max {max(search):.2f} ms   (target < 20 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
