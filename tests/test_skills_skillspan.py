"""Real job-posting sentences from SkillSpan dev: known mentions are found, and span-level
quality on a slice stays above a floor (a regression guard, not the benchmark)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careerceo.skills import extract

pytestmark = pytest.mark.shared


def load_dev(shared_data: Path) -> list[dict[str, object]]:
    path = shared_data / "skill-eval" / "skillspan" / "json" / "dev.json"
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def gold_knowledge(words: list[str], tags: list[str]) -> list[str]:
    spans, current = [], []
    for word, tag in zip(words, [*tags], strict=True):
        if tag.startswith("B"):
            if current:
                spans.append(" ".join(current))
            current = [word]
        elif tag.startswith("I") and current:
            current.append(word)
        else:
            if current:
                spans.append(" ".join(current))
            current = []
    if current:
        spans.append(" ".join(current))
    return spans


def test_known_technologies_in_real_sentences(shared_data: Path) -> None:
    wanted = {"Python", "Java", "SQL", "Docker", "Kubernetes", "machine learning"}
    checked = 0
    for row in load_dev(shared_data):
        words = list(row["tokens"])  # type: ignore[call-overload]
        gold = set(gold_knowledge(words, list(row["tags_knowledge"])))  # type: ignore[call-overload]
        targets = gold & wanted
        if not targets:
            continue
        found = {h.text for h in extract(" ".join(words), kind="posting").hits}
        assert targets <= found, (" ".join(words), targets, found)
        checked += 1
        if checked >= 25:
            break
    assert checked >= 10


def test_partial_overlap_quality_floor_on_tech_dev(shared_data: Path) -> None:
    rows = [r for r in load_dev(shared_data) if r["source"] == "tech"][:600]
    tp_pred = n_pred = tp_gold = n_gold = 0
    for row in rows:
        words = list(row["tokens"])  # type: ignore[call-overload]
        offsets, pos = [], 0
        for w in words:
            offsets.append((pos, pos + len(w)))
            pos += len(w) + 1
        gold = []
        for tags in (row["tags_skill"], row["tags_knowledge"]):
            start = None
            for i, tag in enumerate([*tags, "O"]):  # type: ignore[misc]
                if (tag.startswith("B") or tag == "O") and start is not None:
                    gold.append((offsets[start][0], offsets[i - 1][1]))
                    start = None
                if tag.startswith("B"):
                    start = i
        hits = {(h.start, h.end) for h in extract(" ".join(words), kind="posting").hits}
        n_pred += len(hits)
        n_gold += len(gold)
        tp_pred += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in hits)
        tp_gold += sum(any(s < ge and gs < e for s, e in hits) for gs, ge in gold)
    precision, recall = tp_pred / n_pred, tp_gold / n_gold
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.45, (precision, recall, f1)
