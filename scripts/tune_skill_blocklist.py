"""Find lexicon keys that are common words far more often than skills, on SkillSpan train.

    python scripts/tune_skill_blocklist.py --skillspan ../shared/data/skill-eval/skillspan \
        --out src/careerceo/skills/data/blocklist.txt

Runs the extractor with no blocklist over the train split (never dev: dev is for measuring)
and counts, per matched key, how often its mentions overlap a gold skill or knowledge span.
Keys seen at least ``--min-count`` times whose share of overlapping mentions is below a cut-off
are blocked; the cut-off is the one of ``--cutoffs`` that gives the best partial-overlap F1 on
train. The output is sorted and commented, so a rerun on the same data is identical.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path
from typing import Any

from careerceo.skills.extractor import Extractor
from careerceo.skills.lexicon import Lexicon, _read
from careerceo.skills.normalize import key


def gold_spans(row: dict[str, Any], offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for tags in (row["tags_skill"], row["tags_knowledge"]):
        start = None
        for i, tag in enumerate([*tags, "O"]):
            if (tag.startswith("B") or tag == "O") and start is not None:
                spans.append((offsets[start][0], offsets[i - 1][1]))
                start = None
            if tag.startswith("B") or (tag.startswith("I") and start is None):
                start = i
    return spans


def load(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            offsets, pos = [], 0
            for w in row["tokens"]:
                offsets.append((pos, pos + len(w)))
                pos += len(w) + 1
            out.append((" ".join(row["tokens"]), gold_spans(row, offsets)))
    return out


def run(
    extractor: Extractor, data: list[tuple[str, list[tuple[int, int]]]]
) -> tuple[float, Counter[str], Counter[str]]:
    """Partial-overlap F1 over the data, and per key: mentions and mentions inside gold."""
    seen: Counter[str] = Counter()
    good: Counter[str] = Counter()
    tp_pred = n_pred = tp_gold = n_gold = 0
    for text, gold in data:
        hits = {
            (h.start, h.end, key(h.matched_label)) for h in extractor.extract(text, "posting").hits
        }
        spans = {(s, e) for s, e, _ in hits}
        for start, end, k in hits:
            seen[k] += 1
            good[k] += any(start < ge and gs < end for gs, ge in gold)
        n_pred += len(spans)
        n_gold += len(gold)
        tp_pred += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in spans)
        tp_gold += sum(any(s < ge and gs < e for s, e in spans) for gs, ge in gold)
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), seen, good


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skillspan", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--cutoffs", default="0.2,0.3,0.4,0.5")
    args = parser.parse_args()
    raw = json.loads(gzip.decompress(_read("lexicon.json.gz")))
    data = load(args.skillspan / "json" / "train.json")
    f1, seen, good = run(Extractor(Lexicon(raw, frozenset())), data)
    print(f"no blocklist: train partial F1 {f1:.3f}")
    best: tuple[float, float, list[str]] = (f1, 0.0, [])
    for cutoff in (float(c) for c in args.cutoffs.split(",")):
        blocked = sorted(k for k, n in seen.items() if n >= args.min_count and good[k] / n < cutoff)
        f1, _, _ = run(Extractor(Lexicon(raw, frozenset(blocked))), data)
        print(f"cut-off {cutoff:.2f}: {len(blocked)} keys blocked, train partial F1 {f1:.3f}")
        if f1 > best[0]:
            best = (f1, cutoff, blocked)
    f1, cutoff, blocked = best
    lines = [
        "# Lexicon keys dropped because on SkillSpan train they were rarely part of a skill.",
        f"# min count {args.min_count}, cut-off {cutoff:.2f} (best train partial F1 {f1:.3f}); "
        "made by scripts/tune_skill_blocklist.py",
    ]
    lines += [f"{k}  # {good[k]}/{seen[k]}" for k in blocked]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(blocked)} keys")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
