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
from careerceo.skills.extractor import Extractor
from careerceo.skills.lexicon import Lexicon
from careerceo.skills.lexicon import manifest as lexicon_manifest
from careerceo.skills.spanscore import Scores, score_sentence
from careerceo.skills.tagger import (
    FEATURES_VERSION,
    LABELS,
    MANIFEST_FILE,
    MODEL_FILE,
    WEIGHTS_FORMAT,
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


def to_weights(model: bytes) -> dict[str, Any]:
    """CRFsuite's model as the package ships it: per attribute one weight per label (rounded
    to 4 decimals, zero weights dropped) and the label transitions, as sorted JSON."""
    crf = pycrfsuite.Tagger()
    crf.open_inmemory(model)
    info = crf.info()
    index = {label: i for i, label in enumerate(LABELS)}
    attributes: dict[str, list[float]] = {}
    for (attribute, label), weight in info.state_features.items():
        row = attributes.setdefault(attribute, [0.0] * len(LABELS))
        row[index[label]] = round(weight, 4)
    transitions = [[0.0] * len(LABELS) for _ in LABELS]
    for (before, after), weight in info.transitions.items():
        transitions[index[before]][index[after]] = round(weight, 4)
    return {
        "format": WEIGHTS_FORMAT,
        "features_version": FEATURES_VERSION,
        "labels": list(LABELS),
        "transitions": transitions,
        "attributes": {a: w for a, w in sorted(attributes.items()) if any(w)},
    }


def predict(tagger: Tagger, extractor: Extractor, text: str) -> list[tuple[int, int, str]]:
    toks, spans = extractor.lexicon_spans(text)
    marks = extractor.lex_marks(toks, spans)
    segs = context.segments(text) or [context.Segment(0, len(text), None)]
    found = tagger.tag_many([(words(text, seg.start, seg.end), marks) for seg in segs])
    return [(s.start, s.end, s.kind) for spans in found for s in spans]


def listed_spans(extractor: Extractor, text: str) -> list[tuple[int, int, str]]:
    """The spans of what ``career skills extract --json`` lists, as the benchmarks count
    them: a knowledge item as itself, and its phrase typed by ``phrase_type`` (a tagged
    mention's phrase is the mention). Without a tagger this is the phrase matcher."""
    seen: dict[tuple[int, int], str] = {}
    for item in extractor.extract(text, kind="posting").listed():
        # An item listed at its phrase (a concept inside a tagged span) is that phrase,
        # typed as the phrase is; a knowledge concept at its own words also counts as itself.
        phrase = (item["phrase_start"], item["phrase_end"])
        if item["skill_type"] == "knowledge" and (item["start"], item["end"]) != phrase:
            seen.setdefault((item["start"], item["end"]), "knowledge")
        seen.setdefault(phrase, item["phrase_type"])
    return [(s, e, k) for (s, e), k in seen.items()]


def pipeline_cv(
    examples: list[Example], folds: list[int], fold_weights: list[dict[str, Any]]
) -> dict[str, dict[str, float]]:
    """The extractor as users run it (lexicon hits plus each fold's tagger), scored on the
    fold's held-out postings."""
    table: dict[str, Scores] = {}
    for k, weights in enumerate(fold_weights):
        extractor = Extractor(Lexicon.packaged(), tagger=False)
        extractor.tagger = Tagger(weights, extractor.verbs)
        held = [ex for ex, f in zip(examples, folds, strict=True) if f == k]
        part = score([ex.row for ex in held], [listed_spans(extractor, ex.text) for ex in held])
        for kind, s in part.items():
            table.setdefault(kind, Scores()).merge(s)
    return summary(table)


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


def reusable_cv(manifest_path: Path, train_path: Path) -> dict[str, Any]:
    """The per-setting CV figures of an earlier manifest, when that run trained on the same
    train file with the same lexicon and features (the figures would come out the same)."""
    if not manifest_path.exists():
        return {}
    old = json.loads(manifest_path.read_text(encoding="utf-8"))
    same = (
        old.get("features_version") == FEATURES_VERSION
        and old.get("lexicon_sha256") == str(lexicon_manifest()["sha256"])
        and old.get("training_data", {}).get("files", {}).get("json/train.json")
        == sha256(train_path)
    )
    if not same:
        return {}
    return {name: e for name, e in old.get("cv_train", {}).items() if "config" in e}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skillspan", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--configs", default=",".join(str(i) for i in range(len(CONFIGS))))
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--dev", action="store_true", help="report dev figures (no choice)")
    parser.add_argument(
        "--reuse-cv",
        action="store_true",
        help="keep the CV figures of the settings not in --configs from the manifest in --out "
        "when it was made from the same train file, lexicon and features (they would not change)",
    )
    parser.add_argument(
        "--keep-folds", type=Path, help="also write the chosen setting's fold models here (JSON)"
    )
    args = parser.parse_args()
    train_path = args.skillspan / "json" / "train.json"
    rows = load(train_path)
    extractor = Extractor(Lexicon.packaged(), tagger=False)  # features must not use a model
    featurizer = Featurizer(extractor.verbs)
    t0 = time.perf_counter()
    examples = [prepare(extractor, featurizer, row) for row in rows]
    print(f"{len(rows)} train sentences prepared in {time.perf_counter() - t0:.1f} s")
    folds = folds_of(rows, args.folds)
    cv: dict[str, Any] = {}
    if not args.no_baseline:
        before = summary(score(rows, [listed_spans(extractor, ex.text) for ex in examples]))
        cv["phrase matcher (before)"] = before
        print(f"SkillSpan train, {args.folds}-fold CV by posting (all of train, type ignored):")
        show("phrase matcher (before)", before)
    chosen: tuple[float, int] | None = None
    fold_weights: dict[int, list[dict[str, Any]]] = {}
    for index in (int(i) for i in args.configs.split(",")):
        config = CONFIGS[index]
        table: dict[str, Scores] = {}
        t0 = time.perf_counter()
        for k in range(args.folds):
            model = train([ex for ex, f in zip(examples, folds, strict=True) if f != k], config)
            fold_weights.setdefault(index, []).append(to_weights(model))
            tagger = Tagger(fold_weights[index][-1], extractor.verbs)
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
    if args.reuse_cv and chosen is not None:
        for name, entry in reusable_cv(args.out / MANIFEST_FILE, train_path).items():
            if name in cv:
                continue
            cv[name] = {**entry, "reused from the previous manifest": True}
            if entry["any"]["exact_f1"] + entry["any"]["partial_f1"] > chosen[0]:
                print(f"{name} scored best in the reused figures: rerun it with --configs")
                return 1
            show(f"{name} (reused)", {k: entry[k] for k in ("any", "skill", "knowledge")})
    if args.cv_only or chosen is None:
        return 0
    config = CONFIGS[chosen[1]]
    print(f"chosen on train CV: {config}")
    if args.keep_folds:
        args.keep_folds.write_text(json.dumps(fold_weights[chosen[1]]), encoding="utf-8")
    listed = pipeline_cv(examples, folds, fold_weights[chosen[1]])
    cv["extractor output with the tagger (career skills extract --json)"] = listed
    show("extract --json with tagger", listed)
    weights = to_weights(train(examples, config))
    payload = json.dumps(weights, sort_keys=True, separators=(",", ":")).encode("utf-8")
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / MODEL_FILE
    with (
        target.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as handle,
    ):
        handle.write(payload)
    manifest: dict[str, Any] = {
        "artifact": MODEL_FILE,
        "sha256": sha256(target),
        "attributes": len(weights["attributes"]),
        "build": "scripts/train_skill_tagger.py --skillspan <SkillSpan> --out <dir> [--dev]",
        "kind": "linear-chain CRF, trained with CRFsuite (python-crfsuite, L-BFGS); the package "
        "runs its weights with numpy",
        "labels": list(LABELS),
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
        tagger = Tagger(weights, extractor.verbs)
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
