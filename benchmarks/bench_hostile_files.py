"""Hostile files: how long each takes to be refused and the parse worker's peak memory.

Prints figures (not a timed test). Each file of ``tests/_hostile_files.py`` is read the way an
upload is (``resume_import.read_source``: a child process held to the parse limits), from a
fresh measuring process so that its ``RUSAGE_CHILDREN`` peak is that one file's worker. A
normal résumé is measured the same way for comparison, and the regular expressions the text
parser runs are timed on a 1 MB hostile line.

    .venv/bin/python benchmarks/bench_hostile_files.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

# The measuring process only reads the built file: building a bomb takes hundreds of MB, and
# a child forked from a big process would report that memory as its own peak.
MEASURE = """
import json, resource, sys, time
from pathlib import Path
from careerceo.errors import CareerError
from careerceo.services.resume_import import read_source
path = Path({path!r})
data = path.read_bytes()
started = time.perf_counter()
try:
    read_source(data, path.name)
    outcome = "accepted"
except CareerError as exc:
    outcome = exc.message
took = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({{"bytes": len(data), "seconds": took, "peak_mb": peak, "outcome": outcome}}))
"""


def measure(path: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", MEASURE.format(path=str(path))],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    import _hostile_files as corpus

    print("Reading hostile files in the parse worker (limits: CAREER_PARSE_SECONDS, _MEMORY_MB)")
    print(f"{'file':22s} {'size':>9s} {'seconds':>8s} {'peak MB':>8s}  outcome")
    makers = {**corpus.HOSTILE, "surrogate-resume.json": corpus.surrogate_resume}
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    for name, make in makers.items():
        path = folder / name
        path.write_bytes(make())
        figures = measure(path)
        path.unlink()
        size = f"{int(str(figures['bytes'])) / 1024:.0f} KB"
        print(
            f"{name:22s} {size:>9s} {float(str(figures['seconds'])):8.2f} "
            f"{float(str(figures['peak_mb'])):8.0f}  {str(figures['outcome'])[:70]}"
        )

    from careerceo.documents import resume_parser

    line = "a@" * 500_000
    started = time.perf_counter()
    resume_parser.EMAIL.findall(line)
    resume_parser.parse_resume_text(f"Ana Ruiz\n{' ' * 1_000_000}\nExperience\n")
    print(
        f"\ne-mail pattern + text parser on 1 MB hostile lines: "
        f"{time.perf_counter() - started:.2f} s (40,000 characters took 13.9 s before)"
    )


if __name__ == "__main__":
    main()
