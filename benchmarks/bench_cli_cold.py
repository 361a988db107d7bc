"""Cold-process speed of the pivot commands: wall time and peak memory, as a user meets them.

Each command runs as a fresh ``career`` process (nothing warm: a new interpreter reads the
bundled knowledge base each time) against a fresh data directory holding one imported real
résumé (a PDF from ``../shared/data/resumes/pdf_livecareer``). Wall time and the child's peak
resident size come from ``os.wait4`` (the same figures ``/usr/bin/time -v`` prints). The issue's
budget is under 1 s wall and under 250 MB peak for each.

Run: ``.venv/bin/python benchmarks/bench_cli_cold.py [--runs 5] [--resume PATH]``.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CAREER = str(Path(sys.executable).parent / "career")
DEFAULT_RESUME = SHARED / "resumes" / "pdf_livecareer" / "ACCOUNTANT"
POSTINGS = SHARED / "postings" / "glassdoor_ds_jobs_2020" / "glassdoor_jobs.csv"
COMMANDS: tuple[tuple[str, list[str]], ...] = (
    ("pivot --from 13-1071.00 --json", ["pivot", "--from", "13-1071.00", "--json"]),
    ("pivot --json (person)", ["pivot", "--json"]),
    ("pivot show 13-2011.00 --json", ["pivot", "show", "13-2011.00", "--json"]),
    ("gap --job POSTING --json (person)", ["gap", "--job", "POSTING", "--json"]),
    # A posting never read before: the skill lexicon loads (the row above re-reads a posting
    # already in the data directory's extraction cache, as a second check of one posting does).
    ("gap --job NEW --json (first read)", ["gap", "--job", "NEW_POSTING", "--json"]),
    ("resume match --occupation 13-2011.00", ["resume", "match", "--occupation", "13-2011.00"]),
    ("resume pitch --occupation 13-2011.00", ["resume", "pitch", "--occupation", "13-2011.00"]),
)


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user + system: steadier than wall on a shared machine), peak
    resident MB and exit code of one cold ``career`` process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [CAREER, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if proc.stderr is not None:
        proc.stderr.close()
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def _posting_text() -> str:
    """A real posting of about 1,000 words (the gap command reads one)."""
    with POSTINGS.open(encoding="utf-8") as handle:
        texts = [row["Job Description"] for row in csv.DictReader(handle)]
    return min(texts, key=lambda s: abs(len(s.split()) - 1000))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--resume", type=Path, default=None)
    args = parser.parse_args()
    resume = args.resume or sorted(DEFAULT_RESUME.glob("*.pdf"))[0]
    with tempfile.TemporaryDirectory() as data:
        # Bytecode is written and one uncounted run of each command goes first: an installed
        # package has its .pyc files (pip compiles them), so a user's cold start does not pay
        # for compiling the sources, which a PYTHONDONTWRITEBYTECODE shell would on every run.
        env = {**os.environ, "CAREER_DATA_DIR": data}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for setup in (["init"], ["resume", "import", str(resume), "--yes"]):
            done = subprocess.run([CAREER, *setup], env=env, capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"career {' '.join(setup)} failed: {done.stderr.strip()[-400:]}")
        posting = Path(data) / "posting.txt"
        posting.write_text(_posting_text(), encoding="utf-8")
        print(f"résumé: {resume.parent.name}/{resume.name}; {args.runs} cold runs each")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(
            f"{'command':<40} {'wall median':>11} {'wall max':>9} {'CPU median':>10} "
            f"{'peak MB':>8}  ok"
        )
        fresh = iter(range(1_000_000))

        def concrete(argv: list[str]) -> list[str]:
            """POSTING: the one posting; NEW_POSTING: a posting text no run has read yet."""
            if "NEW_POSTING" in argv:
                new = Path(data) / f"posting-{next(fresh)}.txt"
                new.write_text(f"{posting.read_text('utf-8')}\n(copy {new.stem})\n", "utf-8")
                return [str(new) if a == "NEW_POSTING" else a for a in argv]
            return [str(posting) if a == "POSTING" else a for a in argv]

        for name, argv in COMMANDS:
            run(concrete(argv), env)
            runs = [run(concrete(argv), env) for _ in range(args.runs)]
            walls = [r[0] for r in runs]
            cpu = statistics.median(r[1] for r in runs)
            peak = max(r[2] for r in runs)
            ok = all(r[3] == 0 for r in runs)
            flag = "" if statistics.median(walls) < 1.0 and peak < 250 else "  OVER BUDGET"
            print(
                f"{name:<40} {statistics.median(walls):>10.2f}s {max(walls):>8.2f}s "
                f"{cpu:>9.2f}s {peak:>8.0f}  {'yes' if ok else 'NO'}{flag}"
            )


if __name__ == "__main__":
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is not there")
    main()
