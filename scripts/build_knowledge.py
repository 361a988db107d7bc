"""Compile the bundled knowledge base from the raw O*NET and ESCO releases.

    python scripts/build_knowledge.py --onet ../shared/data/onet/29.0 \
        --esco ../shared/data/esco/1.1.1 \
        --crosswalk ../shared/data/onet-extra/esco_onet_crosswalk_nesta

Output (default ``src/careerceo/knowledge/data``) is deterministic: the same inputs give
byte-identical data files. The build date is written only to ``manifest.json``; set
``SOURCE_DATE_EPOCH`` to pin it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from careerceo.errors import CareerError  # noqa: E402
from careerceo.knowledge.build.compile import compile_knowledge  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--onet", type=Path, required=True, help="O*NET 29.0 text release folder")
    parser.add_argument("--esco", type=Path, required=True, help="ESCO 1.1.1 English CSV folder")
    parser.add_argument(
        "--crosswalk", type=Path, default=None, help="Nesta ESCO-O*NET crosswalk folder or CSV"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "careerceo" / "knowledge" / "data"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        manifest = compile_knowledge(args.onet, args.esco, args.out, args.crosswalk)
    except CareerError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    total = sum(f["bytes"] for f in manifest["files"].values())
    print(
        f"Wrote {len(manifest['files'])} files ({total / 1e6:.1f} MB) to {args.out} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    print(json.dumps(manifest["link_report"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
