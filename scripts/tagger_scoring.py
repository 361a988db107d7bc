"""SkillSpan rows and span scores for the skill tagger's training script and benchmark: the
gold spans of a row, the folds by posting, and P / R / F1 tables printed the same way."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from careerceo.skills.spanscore import Scores, score_sentence


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def gold_char_spans(row: dict[str, Any]) -> list[tuple[int, int, str]]:
    offsets, pos = [], 0
    for w in row["tokens"]:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + 1
    out: list[tuple[int, int, str]] = []
    for layer, tags in (("skill", row["tags_skill"]), ("knowledge", row["tags_knowledge"])):
        start = None
        for i, tag in enumerate([*tags, "O"]):
            if (tag.startswith("B") or tag == "O") and start is not None:
                out.append((offsets[start][0], offsets[i - 1][1], layer))
                start = None
            if tag.startswith("B") or (tag.startswith("I") and start is None):
                start = i
    return out


def score(rows: list[dict[str, Any]], preds: list[list[tuple[int, int, str]]]) -> dict[str, Scores]:
    table: dict[str, Scores] = {}
    for row, pred in zip(rows, preds, strict=True):
        score_sentence(table, row["tokens"], row["tags_skill"], row["tags_knowledge"], pred)
    return table


def summary(table: dict[str, Scores]) -> dict[str, dict[str, float]]:
    out = {}
    for kind in ("any", "skill", "knowledge"):
        ep, er, ef, pp, pr, pf = table[kind].figures()
        out[kind] = {
            "exact_p": round(ep, 4),
            "exact_r": round(er, 4),
            "exact_f1": round(ef, 4),
            "partial_p": round(pp, 4),
            "partial_r": round(pr, 4),
            "partial_f1": round(pf, 4),
        }
    return out


def show(name: str, figures: dict[str, dict[str, float]]) -> None:
    for kind, f in figures.items():
        print(
            f"  {name:34} {kind:9} exact P {f['exact_p']:.3f} R {f['exact_r']:.3f} "
            f"F1 {f['exact_f1']:.3f}   partial P {f['partial_p']:.3f} R {f['partial_r']:.3f} "
            f"F1 {f['partial_f1']:.3f}"
        )
    sys.stdout.flush()


def folds_of(rows: list[dict[str, Any]], k: int) -> list[int]:
    """Fold per row, by posting (``idx``), postings dealt round-robin in sorted order."""
    postings = sorted({str(r["idx"]) + "/" + str(r["source"]) for r in rows})
    fold = {p: i % k for i, p in enumerate(postings)}
    return [fold[str(r["idx"]) + "/" + str(r["source"])] for r in rows]
