"""Is what a person reads about their pivots true to their evidence? Counts, over real résumés.

Each résumé is imported alone into a fresh database (as ``career resume import`` does). For the
person's own occupation and their top three pivots, ``career pivot show`` and ``career resume
pitch --occupation`` are read as the person who will send the pitch to an employer, and these
are counted (each should be 0):

- *contradicted levels*: a profile element whose level is none of the levels its first piece of
  evidence states (``career pivot profile``);
- *own-occupation steps*: a skill or knowledge step in the learning plan of the person's own
  occupation (an accountant told to learn English or Mathematics);
- *doubtful steps*: an ESCO or hot-technology step whose support is under half (an ESCO skill
  essential for a minority of the target's ESCO link weight; a technology used by under half of
  the target's SOC minor group);
- *already shown*: a plan step that is also listed as transferring, or a technology step in a
  product the person listed in short ("Access" for Microsoft Access);
- *unsupported claims*: a skill in the pitch that is neither an O*NET skill or knowledge area of
  the person's profile nor something they named;
- *"needs already" with gaps*: the pitch says "I bring the skills it needs already" while the
  target has required gaps;
- *stretch down*: a pivot labelled "Stretch" that is a step down in job zone.

Run: ``.venv/bin/python benchmarks/bench_pivot_truth.py [--csv 6]`` (the 24 LiveCareer PDFs,
and the first résumé of the first ``--csv`` categories of UpdatedResumeDataSet.csv).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
RESUMES = SHARED / "resumes"
COUNTED = ("elements", "plan steps", "pitch claims")  # totals, not faults
LEVEL = re.compile(r"level (\d+(?:\.\d+)?)(?!\d|\.\d|/)")


def check_one(data: bytes, name: str, workdir: Path) -> Counter[str]:
    from careerceo.services import pitch, pivots, resume_import
    from careerceo.services.context import AppContext
    from careerceo.settings import Settings

    url = f"sqlite:///{workdir / 'career.db'}"
    ctx = AppContext(
        settings=Settings(data_dir=workdir, database_url=url, host="127.0.0.1", port=0)
    )
    out: Counter[str] = Counter()
    try:
        resume_import.confirm(ctx, resume_import.read_source(data, name))
        summary = pivots.capability_summary(ctx)
        for element in summary["elements"]:
            out["elements"] += 1
            quoted = [float(x) for x in LEVEL.findall(element["evidence"][0])]
            if quoted and min(abs(element["level"] - q) for q in quoted) > 0.15:
                out["contradicted levels"] += 1
        own = summary["occupations"][0]["code"] if summary["occupations"] else None
        zone = summary.get("job_zone")
        rows = pivots.rank_pivots(ctx, limit=10).rows
        for r in rows:
            if "stretch" in r.kind_label.casefold() and zone and (r.job_zone or 9) < round(zone):
                out["stretch down"] += 1
        listed = [u for u in summary["unmatched"] if len(u) >= 3]
        for code in [c for c in (own, *(r.code for r in rows[:3])) if c]:
            d = pivots.pivot_detail(ctx, code)
            shown = {t.name.casefold() for t in d.transfers}
            gaps = {g.name: g for g in d.gaps}
            for step in d.plan:
                out["plan steps"] += 1
                if code == own and step.kind in ("skill", "knowledge"):
                    out["own-occupation steps"] += 1
                if step.kind in ("esco", "technology") and gaps[step.what].priority < 0.5:
                    out["doubtful steps"] += 1
                named = any(re.search(rf"\b{re.escape(u)}\b", step.what, re.I) for u in listed)
                if step.what.casefold() in shown or (step.kind == "technology" and named):
                    out["already shown"] += 1
            story = pitch.pitch(ctx, occupation=code)
            by_name = {t.name.casefold().rstrip("."): t for t in d.transfers}
            for claim in story.keywords_used:
                out["pitch claims"] += 1
                t = by_name.get(claim.casefold())
                if t is None or not (t.kind in ("skill", "knowledge") or "named" in t.basis):
                    out["unsupported claims"] += 1
            required = [g for g in d.gaps if getattr(g, "required", True)]
            if required and "needs already" in story.story:
                out['"needs already" with gaps'] += 1
        return out
    finally:
        ctx.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", type=int, default=6, help="CSV categories (first résumé each)")
    args = parser.parse_args()
    if not RESUMES.is_dir():
        sys.exit(f"{RESUMES} is not there: this benchmark reads the real résumés in ../shared")
    items = [
        (f"pdf {p.parent.name}", p.read_bytes(), p.name)
        for p in sorted((RESUMES / "pdf_livecareer").glob("*/*.pdf"))
    ]
    seen: set[str] = set()
    with (RESUMES / "UpdatedResumeDataSet.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Category"] not in seen and len(seen) < args.csv:
                seen.add(row["Category"])
                items.append((f"csv {row['Category']}", row["Resume"].encode(), "resume.txt"))
    total: Counter[str] = Counter()
    started = time.perf_counter()
    for label, data, name in items:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                found = check_one(data, name, Path(tmp))
            except Exception as exc:  # a résumé the app refuses is reported, not hidden
                print(f"{label:<32} ERROR {type(exc).__name__}: {exc}", flush=True)
                continue
        total += found
        bad = {
            k: v for k, v in found.items() if k not in ("elements", "plan steps", "pitch claims")
        }
        print(f"{label:<32} {dict(sorted(bad.items())) or 'all clear'}", flush=True)
    print(f"\n{len(items)} résumés in {time.perf_counter() - started:.0f} s")
    for key in sorted(total):
        print(f"  {key:<28} {total[key]}")


if __name__ == "__main__":
    main()
