"""Knowledge base load cost: cold start in a fresh interpreter, then every section.

Prints wall time (import excluded and included) and resident memory after each stage. The budget
is < 1 s and < 300 MB for ``load_knowledge()``; ``load_all()`` shows the cost of every section.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, resource, time
t0 = time.perf_counter()
import numpy  # noqa: F401  (imported by the app anyway; timed apart)
t1 = time.perf_counter()
from careerceo.knowledge import load_knowledge
kb = load_knowledge()
t2 = time.perf_counter()
rss_core = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kb.occupation("15-1252"); kb.alternate_titles; kb.reported_titles
t3 = time.perf_counter()
kb.load_all()
kb.esco_skills_for("15-1252")
t4 = time.perf_counter()
rss_all = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"numpy_import_s": t1 - t0, "load_knowledge_s": t2 - t1,
                  "titles_s": t3 - t2, "load_all_s": t4 - t3,
                  "rss_core_mb": rss_core, "rss_all_mb": rss_all}))
"""


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True, cwd=root
        )
        runs.append(json.loads(out.stdout))
    best = {k: min(r[k] for r in runs) for k in runs[0]}
    size = sum(p.stat().st_size for p in (root / "src/careerceo/knowledge/data").iterdir())
    print(f"artifact size on disk:          {size / 1e6:6.2f} MB")
    print(f"numpy import:                   {best['numpy_import_s']:6.3f} s")
    print(f"load_knowledge() (cold, core):  {best['load_knowledge_s']:6.3f} s   (budget 1 s)")
    print(f"  + alternate/reported titles:  {best['titles_s']:6.3f} s")
    print(f"  + every other section:        {best['load_all_s']:6.3f} s")
    total = best["load_knowledge_s"] + best["titles_s"] + best["load_all_s"]
    print(f"everything loaded:              {total:6.3f} s")
    print(f"RSS after load_knowledge():     {best['rss_core_mb']:6.1f} MB (budget 300 MB)")
    print(f"RSS after load_all():           {best['rss_all_mb']:6.1f} MB")
    print("(best of 3 cold runs, each in a fresh interpreter)")


if __name__ == "__main__":
    main()
