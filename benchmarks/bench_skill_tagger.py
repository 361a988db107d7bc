"""The learned skill span tagger, measured: F1 by cross-validation on SkillSpan train, SkillSpan
dev as a report, speed, load time, and what everyday skill names resolve to.

    .venv/bin/python benchmarks/bench_skill_tagger.py [--shared ../shared/data] [--no-cv]
        [--no-dev] [--postings 1000]

Quality: span-level P / R / F1 (exact: same first and last token; partial: any token overlap;
skill and knowledge spans together, type ignored) of what ``career skills extract --json``
lists, counted as ``bench_skills.py`` counts it, before (phrase matcher, no tagger) and after
(with the tagger). Cross-validation retrains the packaged setting on 5 folds of SkillSpan
train by posting (needs python-crfsuite, a dev dependency; about two minutes); dev is scored
once with the packaged model and never used for a choice.
Speed: the tagger alone in tokens/s, the whole extractor in postings/s on the 1,000 real
postings of ``bench_skills.py``, one core, with and without the tagger; one 1-page posting
(first call and warm); time to load the model.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared" / "data"
EVERYDAY_NAMES = [
    "lesson planning",
    "differentiated instruction",
    "people management",
    "stakeholder management",
    "hiring",
    "coaching",
    "sales",
    "budgeting",
    "curriculum development",
    "classroom management",
    "customer service",
    "Python",
]


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def cross_validated(
    training: ModuleType, plain: Any, weights: dict[str, Any], skillspan: Path
) -> None:
    """The packaged setting retrained on 5 folds of train by posting: the tagger's spans alone
    and what ``extract --json`` lists, before and after."""
    from careerceo.skills.tagger import Tagger

    manifest_config, bias = weights_config(weights)
    rows = training.load(skillspan / "json" / "train.json")
    featurizer = training.Featurizer(plain.verbs, weights["clusters"])
    examples = [training.prepare(plain, featurizer, row) for row in rows]
    folds = training.folds_of(rows, training.FOLDS)
    t0 = time.perf_counter()
    fold_weights = []
    tagger_only: dict[str, Any] = {}
    for k in range(training.FOLDS):
        model = training.train(
            [ex for ex, f in zip(examples, folds, strict=True) if f != k], manifest_config
        )
        fold_weights.append({**training.to_weights(model, weights["clusters"]), "o_bias": bias})
        held = [ex for ex, f in zip(examples, folds, strict=True) if f == k]
        fold_tagger = Tagger(fold_weights[-1], plain.verbs)
        part = training.score(
            [ex.row for ex in held],
            [training.predict(fold_tagger, plain, ex.text) for ex in held],
        )
        for kind, s in part.items():
            tagger_only.setdefault(kind, training.Scores()).merge(s)
    print(
        f"\nSkillSpan train, {training.FOLDS}-fold cross-validation by posting "
        f"({len(rows)} sentences, {time.perf_counter() - t0:.0f} s):"
    )
    before = training.summary(
        training.score(rows, [training.listed_spans(plain, ex.text) for ex in examples])
    )
    training.show("extract --json before (no tagger)", before)
    training.show("tagger spans alone", training.summary(tagger_only))
    training.show(
        "extract --json after (with tagger)", training.pipeline_cv(examples, folds, fold_weights)
    )


def weights_config(weights: dict[str, Any]) -> tuple[dict[str, Any], float]:
    from careerceo.skills.tagger import packaged_manifest

    manifest = packaged_manifest()
    assert manifest is not None, "the package has no tagger manifest"
    return dict(manifest["config"]), float(weights.get("o_bias", 0.0))


def dev_report(training: ModuleType, extractors: dict[str, Any], skillspan: Path) -> None:
    dev = training.load(skillspan / "json" / "dev.json")
    print(f"\nSkillSpan dev ({len(dev)} sentences; a report, nothing is chosen on it):")
    for name, extractor in extractors.items():
        figures = training.summary(
            training.score(
                dev, [training.listed_spans(extractor, " ".join(r["tokens"])) for r in dev]
            )
        )
        training.show(f"extract --json {name}", figures)


def speed(bench: ModuleType, plain: Any, full: Any, texts: list[str]) -> None:
    """The tagger alone in tokens per CPU second; the extractor in postings/s, with and
    without the tagger; one 1-page posting, first call and warm."""
    from careerceo.skills import context
    from careerceo.skills.extractor import Extractor
    from careerceo.skills.tagger import Tagger, packaged_weights, words

    pieces = []
    n_tokens = 0
    for text in texts:
        toks, spans = plain.lexicon_spans(text)
        marks = plain.lex_marks(toks, spans)
        segs = context.segments(text) or [context.Segment(0, len(text), None)]
        batch = [(words(text, s.start, s.end), marks) for s in segs]
        n_tokens += sum(len(ws) for ws, _ in batch)
        pieces.append(batch)
    rates = []
    for _ in range(3):
        c0 = time.process_time()
        for batch in pieces:
            full.tagger.tag_many(batch)
        rates.append(n_tokens / max(1e-9, time.process_time() - c0))
    print(
        f"\ntagger alone: {n_tokens} tokens in {len(texts)} postings, "
        f"{statistics.median(rates):,.0f} tokens/s per CPU second (median of 3)"
    )
    bench.throughput("extractor without the tagger", texts, lambda t: plain.extract(t, "posting"))
    bench.throughput("extractor with the tagger", texts, lambda t: full.extract(t, "posting"))
    page = min((t for t in texts if len(t) >= 3000), key=len)
    t0 = time.perf_counter()
    fresh = Extractor(plain.lexicon, tagger=False)
    weights = packaged_weights()
    assert weights is not None
    fresh.tagger = Tagger(weights, fresh.verbs)  # empty caches: the first posting of a process
    fresh.linker.warm()  # as load_extractor() does: the label index is built at load
    t_fresh = time.perf_counter() - t0
    t0 = time.perf_counter()
    fresh.extract(page, "posting")
    first = time.perf_counter() - t0
    warm = []
    for _ in range(5):
        t0 = time.perf_counter()
        fresh.extract(page, "posting")
        warm.append(time.perf_counter() - t0)
    print(
        f"\none 1-page posting ({len(page)} chars, {len(page.split())} words): first call "
        f"{first * 1000:.0f} ms after load, warm {statistics.median(warm) * 1000:.0f} ms "
        f"(median of 5); the extractor over a loaded lexicon, with the tagger and the linker's "
        f"label index, loads in {t_fresh:.2f} s"
    )


def everyday_names(full: Any) -> None:
    print("\neveryday names (career skills extract NAME as an inventory entry):")
    for name in EVERYDAY_NAMES:
        hits = full.extract(name, "profile").hits
        whole = sorted(
            (h for h in hits if (h.start, h.end) == (0, len(name))), key=lambda h: -h.confidence
        )
        shown = "; ".join(
            f"{h.label} ({h.taxonomy}, {h.confidence:.2f}, {h.method})" for h in whole[:3]
        )
        print(f"  {name:28} -> {shown or 'unlinked'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--no-cv", action="store_true", help="skip the train cross-validation")
    parser.add_argument("--no-dev", action="store_true", help="skip the dev report")
    parser.add_argument("--postings", type=int, default=1000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    sys.path.insert(0, str(ROOT / "src"))
    training = _module("train_skill_tagger", ROOT / "scripts" / "train_skill_tagger.py")
    bench = _module("bench_skills", ROOT / "benchmarks" / "bench_skills.py")

    from careerceo.skills.extractor import Extractor
    from careerceo.skills.lexicon import Lexicon
    from careerceo.skills.tagger import Tagger, packaged_manifest, packaged_weights

    t0 = time.perf_counter()
    lexicon = Lexicon.packaged()
    t_lexicon = time.perf_counter() - t0
    t0 = time.perf_counter()
    plain = Extractor(lexicon, tagger=False)
    t1 = time.perf_counter()
    weights = packaged_weights()
    manifest = packaged_manifest()
    assert weights is not None and manifest is not None, "the package has no tagger model"
    tagger = Tagger(weights, plain.verbs)
    t_tagger = time.perf_counter() - t1
    full = Extractor(lexicon, tagger=False)
    full.tagger = tagger
    print(
        f"load: lexicon {t_lexicon:.2f} s, extractor {t1 - t0:.2f} s, tagger model "
        f"{t_tagger:.2f} s ({manifest['attributes']} attributes, {manifest['config']}, "
        f"o_bias {manifest.get('o_bias', 0.0)})"
    )
    skillspan = args.shared / "skill-eval" / "skillspan"
    if not args.no_cv:
        cross_validated(training, plain, weights, skillspan)
    if not args.no_dev:
        dev_report(training, {"before (no tagger)": plain, "after (with tagger)": full}, skillspan)
    speed(bench, plain, full, bench.posting_texts(args.shared, args.postings))
    everyday_names(full)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
