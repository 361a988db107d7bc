"""Pivot engine benchmark: speed on one core, clear-case checks, and an honest agreement figure.

Prints:
- time to rank all occupations with their explanations (median / p95 over many profiles),
  and to build one pivot's full detail (gaps, ESCO skills, learning plan);
- time for a job-description gap on a real ~1,000-word posting (Glassdoor data-science
  postings in ../shared/data/postings), extractor already loaded;
- self-rank@1 over every occupation (its own profile must rank it first);
- top-1/3/10 shares when the inventory is an occupation's ten highest-demand elements;
- agreement with an independent relatedness signal: O*NET occupations that Nesta's ESCO→O*NET
  crosswalk maps from ESCO occupations of the same ISCO-08 unit group are taken as related;
  we report recall@10 of those partners among each occupation's top-10 pivots, against the
  random baseline, with and without the ESCO-skills signal (the knowledge base links ESCO
  skills to O*NET partly through the same crosswalk, so the run without it is the fairer one).

Run: ``.venv/bin/python benchmarks/bench_pivot.py`` (single-threaded BLAS is forced).
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import csv  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from careerceo.analysis.capability import (  # noqa: E402
    InventoryItem,
    build_profile,
    occupation_profile,
)
from careerceo.analysis.job_gap import analyse  # noqa: E402
from careerceo.analysis.pivot import WEIGHTS, rank  # noqa: E402
from careerceo.analysis.pivot_detail import detail  # noqa: E402
from careerceo.services.pivot_space import occupation_space  # noqa: E402
from careerceo.services.pivots import have_index  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def top_inventory(space, code: str, k: int = 10) -> list[InventoryItem]:  # type: ignore[no-untyped-def]
    row = space.row_of[code]
    cols = np.argsort(-space.index.demand[row])[:k]
    return [
        InventoryItem(
            space.element_kinds[c],
            space.element_names[c],
            int(np.clip(round((float(space.level[row, c]) - 1.5) / 1.25 + 1), 1, 5)),
        )
        for c in cols
    ]


# Career moves commonly described in career-change advice (teacher to corporate trainer, nurse
# to health educator, journalist to PR or technical writing, ...). Written down from general
# career-advice literature as a sanity list; the weights were not fitted to it.
ADVICE_MOVES = (
    ("25-2031.00", "13-1151.00"),  # secondary teacher -> training & development specialist
    ("25-2031.00", "25-9031.00"),  # secondary teacher -> instructional coordinator
    ("29-1141.00", "21-1091.00"),  # registered nurse -> health education specialist
    ("29-1141.00", "11-9111.00"),  # registered nurse -> medical & health services manager
    ("13-2011.00", "13-2051.00"),  # accountant -> financial analyst
    ("27-3023.00", "27-3031.00"),  # journalist -> public relations specialist
    ("27-3023.00", "27-3042.00"),  # journalist -> technical writer
    ("15-1252.00", "15-2051.00"),  # software developer -> data scientist
    ("33-3051.00", "33-9021.00"),  # police officer -> private investigator
    ("23-2011.00", "23-1011.00"),  # paralegal -> lawyer
    ("41-2031.00", "43-4051.00"),  # retail salesperson -> customer service representative
    ("23-1011.00", "13-1041.00"),  # lawyer -> compliance officer
    ("27-1024.00", "15-1255.00"),  # graphic designer -> web & digital interface designer
    ("21-1021.00", "13-1071.00"),  # social worker -> HR specialist
    ("47-2111.00", "17-3023.00"),  # electrician -> electrical engineering technician
    ("11-2021.00", "11-2032.00"),  # marketing manager -> PR manager
    ("43-6014.00", "43-6011.00"),  # secretary -> executive assistant
    ("29-1051.00", "11-9111.00"),  # pharmacist -> health services manager
)


def related_pairs(space) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    path = SHARED / "onet-extra" / "esco_onet_crosswalk_nesta" / "esco_onet_crosswalk_Nov2020.csv"
    by_isco: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["onet_code"].strip()
            if code in space.row_of:
                by_isco[row["isco_code"].strip()[:4]].add(code)
    related: dict[str, set[str]] = defaultdict(set)
    for codes in by_isco.values():
        for a in codes:
            related[a] |= codes - {a}
    return {k: v for k, v in related.items() if v}


def main() -> None:
    t0 = time.perf_counter()
    space = occupation_space()
    print(
        f"space built in {time.perf_counter() - t0:.2f} s: {space.n} occupations, "
        f"{len(space.element_ids)} elements, {len(space.dwa_ids)} DWAs, "
        f"{len(space.tech_names)} technologies, {len(space.esco_ids)} ESCO skills"
    )
    rated = [c for i, c in enumerate(space.codes) if space.index.rated[i]]

    # Speed: rank everything with explanations.
    profiles = [occupation_profile(space, c) for c in rated[::10]]
    rank(space, profiles[0])
    times = []
    for p in profiles:
        t = time.perf_counter()
        rank(space, p)
        times.append(time.perf_counter() - t)
    times.sort()
    print(
        f"rank all {space.n} occupations with explanations: median {_ms(statistics.median(times))}"
        f", p95 {_ms(times[int(0.95 * len(times))])} ({len(times)} full-history profiles)"
    )
    inv_times = []
    for c in rated[::25]:
        p = build_profile(space, inventory=top_inventory(space, c))
        t = time.perf_counter()
        rank(space, p)
        inv_times.append(time.perf_counter() - t)
    print(f"rank with an inventory-only profile: median {_ms(statistics.median(inv_times))}")
    p = profiles[3]
    r = rank(space, p)
    t = time.perf_counter()
    for i in r.order[:20]:
        detail(space, p, r, space.codes[i])
    print(
        f"full detail (transfers, gaps, ESCO, plan) per pivot: "
        f"{_ms((time.perf_counter() - t) / 20)}"
    )

    # Gap on a real ~1,000-word posting.
    posting_csv = SHARED / "postings" / "glassdoor_ds_jobs_2020" / "glassdoor_jobs.csv"
    with posting_csv.open(encoding="utf-8") as handle:
        texts = [row["Job Description"] for row in csv.DictReader(handle)]
    text = min(texts, key=lambda s: abs(len(s.split()) - 1000))
    from careerceo.skills.extractor import extract, load_extractor

    load_extractor()
    profile = occupation_profile(space, "15-2051.00")
    gap_times = []
    for _ in range(10):
        t = time.perf_counter()
        result = extract(text, "posting")
        have = have_index(space, profile, None)
        gap = analyse(result.hits, have, text=result.text)
        gap_times.append(time.perf_counter() - t)
    print(
        f"gap on a {len(text.split())}-word real posting: median "
        f"{_ms(statistics.median(gap_times))} ({len(gap.requirements)} requirements, "
        f"{len(gap.have)} of them had by a data scientist's profile)"
    )

    # Clear cases over all occupations.
    firsts = 0
    for c in rated:
        firsts += space.codes[rank(space, occupation_profile(space, c)).order[0]] == c
    print(f"self-rank@1: {firsts}/{len(rated)} = {firsts / len(rated):.1%}")
    places = []
    for c in rated:
        order = rank(space, build_profile(space, inventory=top_inventory(space, c))).order
        places.append(int(np.flatnonzero(order == space.row_of[c])[0]))
    where = np.array(places)
    top3 = int((where < 3).sum())
    print(
        f"top-10-elements inventory puts the occupation first: {(where < 1).mean():.1%}, "
        f"in the top 3: {top3}/{len(rated)} = {top3 / len(rated):.1%}, "
        f"in the top 10: {(where < 10).mean():.1%}"
    )

    # Career-advice moves: where the target lands among ~1,000 pivots.
    ranks = []
    for source, target in ADVICE_MOVES:
        order = rank(space, occupation_profile(space, source)).order
        ranks.append(int(np.flatnonzero(order == space.row_of[target])[0]))
    print(
        f"career-advice moves ({len(ranks)}): median rank {statistics.median(ranks):.0f}, "
        f"in top 10: {sum(r <= 10 for r in ranks)}, in top 50: {sum(r <= 50 for r in ranks)} "
        f"(rank 0 is the source itself)"
    )

    # Agreement with ISCO groupings through Nesta's crosswalk.
    related = related_pairs(space)
    for label, weights in (
        ("all signals", WEIGHTS),
        ("without the ESCO-skills signal", {**WEIGHTS, "esco": 0.0}),
    ):
        recalls = []
        base = []
        for c, rel in related.items():
            order = rank(space, occupation_profile(space, c), weights=weights).order
            top = [space.codes[i] for i in order if space.codes[i] != c][:10]
            recalls.append(len(set(top) & rel) / min(len(rel), 10))
            base.append(10 / (space.n - 1) * len(rel) / min(len(rel), 10))
        print(
            f"ISCO-group partners (Nesta crosswalk) in the top 10, {label}: recall@10 "
            f"{np.mean(recalls):.1%} vs random {np.mean(base):.1%} over {len(related)} "
            "occupations"
        )


if __name__ == "__main__":
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is not there")
    main()
