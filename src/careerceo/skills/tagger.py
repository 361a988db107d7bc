"""The learned span tagger: which words of a sentence a person annotating postings would mark
as a skill ("work independently with minimal supervision") or knowledge ("Python").

A linear-chain CRF (CRFsuite, through python-crfsuite) over token features: the word, its
shape, affixes and stem, the words around it, whether it opens ESCO skill labels (a verb of
work), and the lexicon's own matches as BIO features. The lexicon is evidence, not the answer:
the CRF learned from SkillSpan train how far a skill phrase runs past the concept it names and
which lexicon matches annotators do not mark. Trained by ``scripts/train_skill_tagger.py``;
the model is ``data/tagger.crfsuite.gz`` with its manifest ``data/tagger.json``.

Pure functions plus one cached model; no I/O beyond reading the packaged artifact.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from careerceo.errors import CareerError
from careerceo.skills.normalize import TOKEN_RE, stem

MODEL_FILE = "tagger.crfsuite.gz"
MANIFEST_FILE = "tagger.json"
FEATURES_VERSION = "1"
LABELS = ("O", "B-skill", "I-skill", "B-knowledge", "I-knowledge")
MAX_TOKENS = 120  # a longer "sentence" (a table row, a run-on list) is tagged in windows

# Words, as the lexicon tokenises them, plus every other non-space character on its own
# (commas, brackets and bullets end phrases, so the CRF has to see them).
WORD_RE = re.compile(TOKEN_RE.pattern + r"|[^\w\s]|_+")


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class LexMark:
    """A lexicon match over characters [start, end): what kind of concept it names."""

    start: int
    end: int
    kind: str  # "skill", "knowledge" or "tech" (an O*NET product/tool or certification)
    entry: str  # the entry kind: p(referred), a(lt), x (acronym), c (product), v (variant)
    words: int


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    start: int  # character offsets into the text
    end: int
    kind: str  # "skill" or "knowledge"
    score: float  # the model's marginal probability of the span's labels (mean over its words)


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    return [
        Word(m.start(), m.end(), m.group(0))
        for m in WORD_RE.finditer(text, start, len(text) if end is None else end)
    ]


def _shape(w: str) -> str:
    out: list[str] = []
    for c in w:
        s = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)[:6]


class Featurizer:
    """Token features; the per-word part is cached (postings repeat their words)."""

    def __init__(self, verbs: frozenset[str]) -> None:
        self.verbs = verbs
        self._own: dict[str, tuple[str, ...]] = {}
        self._near: dict[tuple[str, int], tuple[str, ...]] = {}

    def _word(self, w: str) -> tuple[str, ...]:
        found = self._own.get(w)
        if found is not None:
            return found
        low = w.lower()
        st = stem(w)
        feats = [
            "w=" + low,
            "st=" + st,
            "sh=" + _shape(w),
            "p3=" + low[:3],
            "s3=" + low[-3:],
            "s2=" + low[-2:],
        ]
        if w[0].isupper():
            feats.append("cap")
            if w.isupper() and len(w) > 1:
                feats.append("upper")
        if not w[0].isalnum():
            feats.append("punct")
        if st in self.verbs or (low.endswith("ing") and stem(low[:-3]) in self.verbs):
            feats.append("verb")
        if len(w) <= 2:
            feats.append("short")
        out = tuple(feats)
        if len(self._own) < 200_000:
            self._own[w] = out
        return out

    def _neighbour(self, w: str, offset: int) -> tuple[str, ...]:
        found = self._near.get((w, offset))
        if found is not None:
            return found
        low = w.lower()
        tag = f"{offset:+d}"
        feats = [f"{tag}w={low}"]
        if abs(offset) == 1:
            feats.append(f"{tag}sh={_shape(w)}")
            feats.append(f"{tag}st={stem(w)}")
            if "verb" in self._word(w):
                feats.append(f"{tag}verb")
        out = tuple(feats)
        if len(self._near) < 400_000:
            self._near[(w, offset)] = out
        return out

    def sequence(self, ws: Sequence[Word], marks: Sequence[str | None]) -> list[list[str]]:
        """Features of one sentence. ``marks[i]`` is the lexicon's BIO tag of word i with its
        concept kind ("B-skill", "I-tech" ...), or None."""
        n = len(ws)
        lows = [w.text.lower() for w in ws]
        lex = [m or "O" for m in marks]
        lex_bio = [m[0] for m in lex]
        out: list[list[str]] = []
        for i, w in enumerate(ws):
            feats = ["bias", *self._word(w.text)]
            for offset in (-2, -1, 1, 2):
                j = i + offset
                if 0 <= j < n:
                    feats += self._neighbour(ws[j].text, offset)
                else:
                    feats.append(f"{offset:+d}edge")
            prev = lows[i - 1] if i else "<s>"
            nxt = lows[i + 1] if i + 1 < n else "</s>"
            feats.append(f"b-={prev}|{lows[i]}")
            feats.append(f"b+={lows[i]}|{nxt}")
            feats.append("L=" + lex[i])
            feats.append("Lb=" + lex_bio[i])
            feats.append("L-1=" + (lex[i - 1] if i else "<s>"))
            feats.append("L+1=" + (lex[i + 1] if i + 1 < n else "</s>"))
            feats.append(
                f"Lc={lex_bio[i - 1] if i else '^'}{lex_bio[i]}"
                f"{lex_bio[i + 1] if i + 1 < n else '$'}"
            )
            if i == 0:
                feats.append("first")
            elif i == n - 1:
                feats.append("last")
            out.append(feats)
        return out


def lex_tags(ws: Sequence[Word], marks: Iterable[LexMark]) -> list[str | None]:
    """Each word's lexicon BIO tag ("B-skill", "I-tech") from the lexicon's matches."""
    index = {w.start: i for i, w in enumerate(ws)}
    tags: list[str | None] = [None] * len(ws)
    for mark in marks:
        i = index.get(mark.start)
        if i is None:
            continue
        tags[i] = f"B-{mark.kind}"
        j = i + 1
        while j < len(ws) and ws[j].start < mark.end:
            tags[j] = f"I-{mark.kind}"
            j += 1
    return tags


def decode(ws: Sequence[Word], labels: Sequence[str], probs: Sequence[float]) -> list[TaggedSpan]:
    """BIO labels to spans; an I- without its B- opens a span (the CRF rarely does that)."""
    spans: list[TaggedSpan] = []
    start = -1
    kind = ""
    for i, label in enumerate([*labels, "O"]):
        opens = label.startswith("B-") or (label.startswith("I-") and label[2:] != kind)
        if start >= 0 and (label == "O" or opens):
            score = sum(probs[start:i]) / (i - start)
            spans.append(TaggedSpan(ws[start].start, ws[i - 1].end, kind, round(score, 3)))
            start, kind = -1, ""
        if label != "O" and (opens or start < 0):
            start, kind = i, label[2:]
    return spans


class Tagger:
    """A loaded CRF model; ``tag`` is thread-compatible per instance (crfsuite keeps state)."""

    def __init__(self, model: bytes, verbs: frozenset[str], manifest: dict[str, Any]) -> None:
        import pycrfsuite

        self._crf = pycrfsuite.Tagger()
        self._crf.open_inmemory(model)
        self.featurizer = Featurizer(verbs)
        self.manifest = manifest

    def tag(self, ws: Sequence[Word], marks: Iterable[LexMark]) -> list[TaggedSpan]:
        if not ws:
            return []
        tags = lex_tags(ws, marks)
        spans: list[TaggedSpan] = []
        for begin in range(0, len(ws), MAX_TOKENS):
            part = ws[begin : begin + MAX_TOKENS]
            xseq = self.featurizer.sequence(part, tags[begin : begin + MAX_TOKENS])
            labels = self._crf.tag(xseq)
            if all(label == "O" for label in labels):
                continue
            probs = [self._crf.marginal(label, i) for i, label in enumerate(labels)]
            spans += decode(part, labels, probs)
        return spans


def packaged_manifest() -> dict[str, Any] | None:
    from careerceo.skills.lexicon import _read

    try:
        data: dict[str, Any] = json.loads(_read(MANIFEST_FILE))
    except (CareerError, ValueError):  # no manifest means no model: the caller says so
        return None
    return data


@lru_cache(maxsize=1)
def load_model_bytes() -> bytes | None:
    """The packaged model, or None when the package was installed without it."""
    from careerceo.skills.lexicon import _read

    try:
        return gzip.decompress(_read(MODEL_FILE))
    except (CareerError, OSError):  # a missing or damaged artifact: the extractor falls back
        return None
