"""Train the skill/knowledge span tagger on SkillSpan train; choices by cross-validation.

    .venv/bin/python scripts/train_skill_tagger.py \
        --skillspan ../shared/data/skill-eval/skillspan --out src/careerceo/skills/data

1. Cross-validates on SkillSpan **train** only (k folds by posting, so sentences of one posting
   never sit on both sides): the current extractor's spans ("before"), then the CRF for each
   regularisation setting in ``CONFIGS``. The setting with the best exact + partial F1 (all
   spans, type ignored) is chosen.
2. Trains that setting on all of train and writes ``tagger.crfsuite.gz`` (gzip mtime 0) and
   ``tagger.json`` (the training data's file hashes, the setting, the CV figures, the features
   version, the artifact's sha256). Training is deterministic (L-BFGS, fixed order), so a rerun
   on the same data writes the same bytes.
3. ``--dev`` then scores the written model on SkillSpan dev and adds it to the manifest as a
   report. Nothing is chosen on dev.

``--cv-only`` stops after step 1 (``--configs`` picks settings by index to save time).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

from careerceo.skills import context
from careerceo.skills.extractor import Extractor, load_extractor
from careerceo.skills.lexicon import manifest as lexicon_manifest
from careerceo.skills.spanscore import Scores, score_sentence
from careerceo.skills.tagger import (
    FEATURES_VERSION,
    MANIFEST_FILE,
    MODEL_FILE,
    Featurizer,
    Tagger,
    Word,
    lex_tags,
    words,
)

# (c1, c2): L1 keeps the model small (most word features get weight 0), L2 smooths.
CONFIGS: list[dict[str, Any]] = [
    {"c1": 0.05, "c2": 0.01, "max_iterations": 150},
    {"c1": 0.1, "c2": 0.05, "max_iterations": 150},
    {"c1": 0.3, "c2": 0.01, "max_iterations": 150},
    {"c1": 0.5, "c2": 0.05, "max_iterations": 150},
]
FOLDS = 5


@dataclass
class Example:
    row: dict[str, Any]
    text: str
    chunks: list[list[Word]]
    xseqs: list[list[list[str]]]
    yseqs: list[list[str]]


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


def labels_for(ws: list[Word], gold: list[tuple[int, int, str]]) -> list[str]:
    """Each word's label; where a skill and a knowledge span overlap, the skill span wins
    (it is the longer one: "develop [Python] applications")."""
    labels = ["O"] * len(ws)
    for layer in ("knowledge", "skill"):
        for start, end, kind in gold:
            if kind != layer:
                continue
            inside = [i for i, w in enumerate(ws) if w.start >= start and w.end <= end]
            for n, i in enumerate(inside):
                labels[i] = ("B-" if n == 0 else "I-") + kind
    return labels


def prepare(extractor: Extractor, featurizer: Featurizer, row: dict[str, Any]) -> Example:
    text = " ".join(row["tokens"])
    toks, spans = extractor.lexicon_spans(text)
    marks = extractor.lex_marks(toks, spans)
    gold = gold_char_spans(row)
    chunks, xseqs, yseqs = [], [], []
    for seg in context.segments(text) or [context.Segment(0, len(text), None)]:
        ws = words(text, seg.start, seg.end)
        if not ws:
            continue
        chunks.append(ws)
        xseqs.append(featurizer.sequence(ws, lex_tags(ws, marks)))
        yseqs.append(labels_for(ws, gold))
    return Example(row, text, chunks, xseqs, yseqs)


def train(examples: list[Example], config: dict[str, Any]) -> bytes:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for ex in examples:
        for xseq, yseq in zip(ex.xseqs, ex.yseqs, strict=True):
            trainer.append(xseq, yseq)
    trainer.set_params({**config, "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.crfsuite"
        trainer.train(str(path))
        return path.read_bytes()


def predict(tagger: Tagger, extractor: Extractor, text: str) -> list[tuple[int, int, str]]:
    toks, spans = extractor.lexicon_spans(text)
    marks = extractor.lex_marks(toks, spans)
    out: list[tuple[int, int, str]] = []
    for seg in context.segments(text) or [context.Segment(0, len(text), None)]:
        ws = words(text, seg.start, seg.end)
        out += [(s.start, s.end, s.kind) for s in tagger.tag(ws, marks)]
    return out


def baseline(extractor: Extractor, text: str) -> list[tuple[int, int, str]]:
    """The phrase matcher's spans as the benchmark counted them before the tagger: a knowledge
    hit as itself, and its skill phrase (typed by ``phrase_type``)."""
    seen: dict[tuple[int, int], str] = {}
    for hit in extractor.extract(text, kind="posting").hits:
        if hit.skill_type == "knowledge":
            seen.setdefault((hit.start, hit.end), "knowledge")
        seen.setdefault((hit.phrase_start, hit.phrase_end), hit.phrase_type)
    return [(s, e, k) for (s, e), k in seen.items()]


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


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skillspan", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--configs", default=",".join(str(i) for i in range(len(CONFIGS))))
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--dev", action="store_true", help="report dev figures (no choice)")
    args = parser.parse_args()
    train_path = args.skillspan / "json" / "train.json"
    rows = load(train_path)
    extractor = load_extractor()
    featurizer = Featurizer(extractor.verbs)
    t0 = time.perf_counter()
    examples = [prepare(extractor, featurizer, row) for row in rows]
    print(f"{len(rows)} train sentences prepared in {time.perf_counter() - t0:.1f} s")
    folds = folds_of(rows, args.folds)
    cv: dict[str, Any] = {}
    if not args.no_baseline:
        before = summary(score(rows, [baseline(extractor, ex.text) for ex in examples]))
        cv["phrase matcher (before)"] = before
        print(f"SkillSpan train, {args.folds}-fold CV by posting (all of train, type ignored):")
        show("phrase matcher (before)", before)
    chosen: tuple[float, int] | None = None
    for index in (int(i) for i in args.configs.split(",")):
        config = CONFIGS[index]
        table: dict[str, Scores] = {}
        t0 = time.perf_counter()
        for k in range(args.folds):
            model = train([ex for ex, f in zip(examples, folds, strict=True) if f != k], config)
            tagger = Tagger(model, extractor.verbs, {})
            held = [ex for ex, f in zip(examples, folds, strict=True) if f == k]
            part = score(
                [ex.row for ex in held], [predict(tagger, extractor, ex.text) for ex in held]
            )
            for kind, s in part.items():
                table.setdefault(kind, Scores()).merge(s)
        figures = summary(table)
        name = f"CRF c1={config['c1']} c2={config['c2']}"
        cv[name] = {"config": config, **figures}
        show(name, figures)
        print(f"    ({time.perf_counter() - t0:.0f} s for {args.folds} folds)")
        goal = figures["any"]["exact_f1"] + figures["any"]["partial_f1"]
        if chosen is None or goal > chosen[0]:
            chosen = (goal, index)
    if args.cv_only or chosen is None:
        return 0
    config = CONFIGS[chosen[1]]
    print(f"chosen on train CV: {config}")
    model = train(examples, config)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / MODEL_FILE
    with (
        target.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as handle,
    ):
        handle.write(model)
    manifest: dict[str, Any] = {
        "artifact": MODEL_FILE,
        "sha256": sha256(target),
        "model_sha256": hashlib.sha256(model).hexdigest(),
        "build": "scripts/train_skill_tagger.py --skillspan <SkillSpan> --out <dir> [--dev]",
        "kind": "linear-chain CRF (CRFsuite via python-crfsuite, L-BFGS)",
        "labels": ["O", "B-skill", "I-skill", "B-knowledge", "I-knowledge"],
        "features_version": FEATURES_VERSION,
        "config": config,
        "chosen_by": f"{args.folds}-fold cross-validation on SkillSpan train by posting: best "
        "exact F1 + partial F1, all spans",
        "training_data": {
            "name": "SkillSpan (Zhang et al., NAACL 2022), MIT",
            "split": "train",
            "sentences": len(rows),
            "files": {"json/train.json": sha256(train_path)},
        },
        "lexicon_sha256": str(lexicon_manifest()["sha256"]),
        "cv_train": cv,
    }
    if args.dev:
        dev_path = args.skillspan / "json" / "dev.json"
        dev = load(dev_path)
        tagger = Tagger(model, extractor.verbs, {})
        figures = summary(
            score(dev, [predict(tagger, extractor, " ".join(r["tokens"])) for r in dev])
        )
        print("SkillSpan dev (report only, nothing chosen on it):")
        show("CRF (chosen)", figures)
        manifest["dev_report"] = {"files": {"json/dev.json": sha256(dev_path)}, **figures}
    (args.out / MANIFEST_FILE).write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {target} ({target.stat().st_size / 1e6:.2f} MB) and {MANIFEST_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
