"""Train the skill/knowledge span tagger on SkillSpan train; choices by cross-validation.

    .venv/bin/python scripts/train_skill_tagger.py \
        --skillspan ../shared/data/skill-eval/skillspan --out src/careerceo/skills/data

0. Learns word clusters from unlabeled text (the real postings and the train sentences; see
   ``word_clusters.py``): a feature of every word, shipped in the model.
1. Cross-validates on SkillSpan **train** only (k folds by posting, so sentences of one posting
   never sit on both sides): the current extractor's spans ("before"), then the CRF for each
   regularisation setting in ``CONFIGS``, each decoded with each bias on the "O" label in
   ``O_BIASES``. The setting and bias with the best exact F1 (all spans, type ignored;
   partial F1 breaks ties) are chosen.
2. Trains that setting on all of train and writes ``tagger.json.gz`` (gzip mtime 0) and
   ``tagger.json`` (the training data's file hashes, the setting and bias, the CV figures, the
   features version, the clusters' sources, the artifact's sha256). Training is deterministic
   (L-BFGS, fixed order; clusters from fixed seeds on one BLAS thread), so a rerun on the same
   data writes the same bytes (``--train-only`` writes just the model, to check that).
3. ``--dev`` then scores the written model on SkillSpan dev and adds it to the manifest as a
   report. Nothing is chosen on dev.

``--cv-only`` stops after step 1 (``--configs`` picks settings by index to save time).
"""

from __future__ import annotations

import os

# One BLAS thread: the word clusters' sums then come out the same on every run.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

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

sys.path.insert(0, str(Path(__file__).resolve().parent))  # word_clusters, beside this script
from tagger_scoring import folds_of, gold_char_spans, load, score, show, summary
from word_clusters import GRANULARITIES, MIN_COUNT, corpus, word_clusters

from careerceo.skills import context
from careerceo.skills.extractor import Extractor
from careerceo.skills.lexicon import Lexicon
from careerceo.skills.lexicon import manifest as lexicon_manifest
from careerceo.skills.spanscore import Scores
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
# Subtracted from the "O" label's score at decoding, chosen with the setting by CV: the CRF's
# spans are more precise than complete (exact P 0.51, R 0.39). A positive bias buys partial
# F1 with exact F1 (0.25: exact 0.438, partial 0.748; 0.5: 0.429 / 0.760, against 0.441 /
# 0.727 with none, first run of these features), so exact F1 decides.
O_BIASES = (-0.25, 0.0, 0.25)


@dataclass
class Example:
    row: dict[str, Any]
    text: str
    chunks: list[list[Word]]
    xseqs: list[list[list[str]]]
    yseqs: list[list[str]]


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


def to_weights(model: bytes, clusters: dict[str, list[int]]) -> dict[str, Any]:
    """CRFsuite's model as the package ships it: per attribute one weight per label (rounded
    to 4 decimals, zero weights dropped), the label transitions and the word clusters its
    features read, as sorted JSON."""
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
        "clusters": clusters,
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


def goal_of(figures: dict[str, Any]) -> float:
    """What the choice maximises: exact span F1 (all spans, type ignored), partial F1 only
    breaking ties. Exact boundaries are the weaker figure (0.42 against 0.71 partial before
    these features) and the one a held-out split holds the extractor to (0.40 exact, 0.65
    partial)."""
    return float(figures["any"]["exact_f1"]) + 1e-3 * float(figures["any"]["partial_f1"])


def cross_validate(
    examples: list[Example],
    folds: list[int],
    config: dict[str, Any],
    clusters: dict[str, list[int]],
    extractor: Extractor,
    k_folds: int,
) -> tuple[dict[float, dict[str, dict[str, float]]], list[dict[str, Any]]]:
    """Per O bias, the tagger's spans scored on each fold's held-out postings (the fold's
    model trained on the others; the bias only changes decoding), and the fold models."""
    tables: dict[float, dict[str, Scores]] = {bias: {} for bias in O_BIASES}
    weights: list[dict[str, Any]] = []
    for k in range(k_folds):
        model = train([ex for ex, f in zip(examples, folds, strict=True) if f != k], config)
        weights.append(to_weights(model, clusters))
        tagger = Tagger(weights[-1], extractor.verbs)
        held = [ex for ex, f in zip(examples, folds, strict=True) if f == k]
        for bias in O_BIASES:
            tagger.o_bias = bias
            part = score(
                [ex.row for ex in held], [predict(tagger, extractor, ex.text) for ex in held]
            )
            for kind, s in part.items():
                tables[bias].setdefault(kind, Scores()).merge(s)
    return {bias: summary(table) for bias, table in tables.items()}, weights


def write_model(out: Path, weights: dict[str, Any]) -> Path:
    """The weights as sorted, compact JSON, gzipped with mtime 0: the same model, the same
    bytes."""
    payload = json.dumps(weights, sort_keys=True, separators=(",", ":")).encode("utf-8")
    out.mkdir(parents=True, exist_ok=True)
    target = out / MODEL_FILE
    with (
        target.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as handle,
    ):
        handle.write(payload)
    return target


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


def arguments() -> argparse.Namespace:
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
    parser.add_argument(
        "--train-only",
        action="store_true",
        help="no CV: train the first of --configs with --o-bias on all of train and write "
        "only the model (to check that a rerun writes the same bytes)",
    )
    parser.add_argument("--o-bias", type=float, default=0.0)
    parser.add_argument(
        "--postings",
        type=Path,
        help="the real postings folder (unlabeled text for the word clusters); default: "
        "postings/ beside skill-eval/",
    )
    return parser.parse_args()


@dataclass
class Run:
    """What every step reads: the train rows prepared once, their folds, the clusters."""

    args: argparse.Namespace
    train_path: Path
    postings: Path
    rows: list[dict[str, Any]]
    clusters: dict[str, list[int]]
    extractor: Extractor
    examples: list[Example]
    folds: list[int]


def prepare_run(args: argparse.Namespace) -> Run:
    train_path = args.skillspan / "json" / "train.json"
    postings = args.postings or args.skillspan.parent.parent / "postings"
    rows = load(train_path)
    t0 = time.perf_counter()
    clusters = word_clusters(list(corpus(postings, train_path)))
    print(f"word clusters of {len(clusters)} words in {time.perf_counter() - t0:.0f} s")
    extractor = Extractor(Lexicon.packaged(), tagger=False)  # features must not use a model
    featurizer = Featurizer(extractor.verbs, clusters)
    t0 = time.perf_counter()
    examples = [prepare(extractor, featurizer, row) for row in rows]
    print(f"{len(rows)} train sentences prepared in {time.perf_counter() - t0:.1f} s")
    folds = folds_of(rows, args.folds)
    return Run(args, train_path, postings, rows, clusters, extractor, examples, folds)


def choose(
    run: Run, cv: dict[str, Any]
) -> tuple[tuple[float, int, float] | None, dict[int, list[dict[str, Any]]]]:
    """CV of each setting in --configs and each O bias, recorded in ``cv``; the best
    (exact + partial F1, setting index, bias) and each setting's fold models."""
    args = run.args
    chosen: tuple[float, int, float] | None = None
    fold_weights: dict[int, list[dict[str, Any]]] = {}
    for index in [int(i) for i in args.configs.split(",")]:
        config = CONFIGS[index]
        t0 = time.perf_counter()
        by_bias, fold_weights[index] = cross_validate(
            run.examples, run.folds, config, run.clusters, run.extractor, args.folds
        )
        for bias, figures in by_bias.items():
            name = f"CRF c1={config['c1']} c2={config['c2']} o_bias={bias}"
            cv[name] = {"config": config, "o_bias": bias, **figures}
            show(name, figures)
            goal = goal_of(figures)
            if chosen is None or goal > chosen[0]:
                chosen = (goal, index, bias)
        print(f"    ({time.perf_counter() - t0:.0f} s for {args.folds} folds)")
    return chosen, fold_weights


def add_reused(run: Run, cv: dict[str, Any], best: float) -> bool:
    """Add the reusable CV figures of earlier runs; False when one of them beats ``best``
    (then that setting must be rerun to be chosen)."""
    for name, entry in reusable_cv(run.args.out / MANIFEST_FILE, run.train_path).items():
        if name in cv:
            continue
        cv[name] = {**entry, "reused from the previous manifest": True}
        if goal_of(entry) > best + 1e-9:
            print(f"{name} scored best in the reused figures: rerun it with --configs")
            return False
        show(f"{name} (reused)", {k: entry[k] for k in ("any", "skill", "knowledge")})
    return True


def manifest_for(
    run: Run, target: Path, weights: dict[str, Any], config: dict[str, Any], cv: dict[str, Any]
) -> dict[str, Any]:
    return {
        "artifact": MODEL_FILE,
        "sha256": sha256(target),
        "attributes": len(weights["attributes"]),
        "build": "scripts/train_skill_tagger.py --skillspan <SkillSpan> --out <dir> [--dev]",
        "kind": "linear-chain CRF, trained with CRFsuite (python-crfsuite, L-BFGS); the package "
        "runs its weights with numpy",
        "labels": list(LABELS),
        "features_version": FEATURES_VERSION,
        "config": config,
        "o_bias": weights["o_bias"],
        "chosen_by": f"{run.args.folds}-fold cross-validation on SkillSpan train by posting: "
        "best exact F1, partial F1 breaking ties, all spans (the setting and the bias on the O "
        "label)",
        "training_data": {
            "name": "SkillSpan (Zhang et al., NAACL 2022), MIT",
            "split": "train",
            "sentences": len(run.rows),
            "files": {"json/train.json": sha256(run.train_path)},
        },
        "lexicon_sha256": str(lexicon_manifest()["sha256"]),
        "word_clusters": {
            "words": len(run.clusters),
            "granularities": list(GRANULARITIES),
            "min_count": MIN_COUNT,
            "learned_from": "unlabeled text: the Glassdoor and Google postings and the SkillSpan "
            "train sentences (scripts/word_clusters.py)",
            "files": {
                name: sha256(run.postings / name)
                for name in (
                    "glassdoor_ds_jobs_2020/glassdoor_jobs.csv",
                    "google_job_skills/job_skills.csv",
                )
            },
        },
        "cv_train": cv,
    }


def dev_report(run: Run, weights: dict[str, Any]) -> dict[str, Any]:
    """The written model's figures on SkillSpan dev: a report, nothing is chosen on it."""
    dev_path = run.args.skillspan / "json" / "dev.json"
    dev = load(dev_path)
    tagger = Tagger(weights, run.extractor.verbs)
    figures = summary(
        score(dev, [predict(tagger, run.extractor, " ".join(r["tokens"])) for r in dev])
    )
    print("SkillSpan dev (report only, nothing chosen on it):")
    show("CRF (chosen)", figures)
    return {"files": {"json/dev.json": sha256(dev_path)}, **figures}


def main() -> int:
    args = arguments()
    run = prepare_run(args)
    if args.train_only:
        config = CONFIGS[int(args.configs.split(",")[0])]
        weights = {**to_weights(train(run.examples, config), run.clusters), "o_bias": args.o_bias}
        target = write_model(args.out, weights)
        print(f"wrote {target} ({target.stat().st_size / 1e6:.2f} MB), no manifest")
        return 0
    cv: dict[str, Any] = {}
    if not args.no_baseline:
        before = summary(
            score(run.rows, [listed_spans(run.extractor, ex.text) for ex in run.examples])
        )
        cv["phrase matcher (before)"] = before
        print(f"SkillSpan train, {args.folds}-fold CV by posting (all of train, type ignored):")
        show("phrase matcher (before)", before)
    chosen, fold_weights = choose(run, cv)
    if chosen is not None and args.reuse_cv and not add_reused(run, cv, chosen[0]):
        return 1
    if args.cv_only or chosen is None:
        return 0
    config, bias = CONFIGS[chosen[1]], chosen[2]
    print(f"chosen on train CV: {config}, o_bias {bias}")
    chosen_folds = [{**w, "o_bias": bias} for w in fold_weights[chosen[1]]]
    if args.keep_folds:
        args.keep_folds.write_text(json.dumps(chosen_folds), encoding="utf-8")
    listed = pipeline_cv(run.examples, run.folds, chosen_folds)
    cv["extractor output with the tagger (career skills extract --json)"] = listed
    show("extract --json with tagger", listed)
    weights = {**to_weights(train(run.examples, config), run.clusters), "o_bias": bias}
    target = write_model(args.out, weights)
    manifest = manifest_for(run, target, weights, config, cv)
    if args.dev:
        manifest["dev_report"] = dev_report(run, weights)
    (args.out / MANIFEST_FILE).write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {target} ({target.stat().st_size / 1e6:.2f} MB) and {MANIFEST_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
