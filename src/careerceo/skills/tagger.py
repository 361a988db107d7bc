"""The learned span tagger: which words of a sentence a person annotating postings would mark
as a skill ("work independently with minimal supervision") or knowledge ("Python").

A linear-chain CRF (CRFsuite, through python-crfsuite) over the token features of
``tagfeatures``, run here with numpy (``crf``). The lexicon is evidence, not the answer:
the CRF learned from SkillSpan train how far a skill phrase runs past the concept it names and
which lexicon matches annotators do not mark. Trained by ``scripts/train_skill_tagger.py``;
the model is ``data/tagger.json.gz`` with its manifest ``data/tagger.json``.

Pure functions plus one cached model; no I/O beyond reading the packaged artifact.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np

from careerceo.errors import CareerError
from careerceo.skills import crf
from careerceo.skills.tagfeatures import (
    FEATURES_VERSION,
    NEIGHBOURS,
    Featurizer,
    LexMark,
    Word,
    lex_tags,
    words,
)

__all__ = [
    "FEATURES_VERSION",
    "LABELS",
    "MAX_TOKENS",
    "Featurizer",
    "LexMark",
    "TaggedSpan",
    "Tagger",
    "Word",
    "lex_tags",
    "load_tagger",
    "words",
]

MODEL_FILE = "tagger.json.gz"
WEIGHTS_FORMAT = "careerceo-skill-tagger"
MANIFEST_FILE = "tagger.json"
LABELS = ("O", "B-skill", "I-skill", "B-knowledge", "I-knowledge")
MAX_TOKENS = 120  # a longer "sentence" (a table row, a run-on list) is tagged in windows


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    start: int  # character offsets into the text
    end: int
    kind: str  # "skill" or "knowledge"
    score: float  # the model's marginal probability of the span's labels (mean over its words)


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


COORDINATORS = frozenset({"and", "or", ","})
BULLETS = frozenset("-\u2013\u2014\u2022\u00b7*\u25aa\u25ba\u25cf\u25cb\u25a0>")


def _after_bullet(ws: Sequence[Word]) -> Sequence[Word]:
    """The words after a line's bullet marks: a bullet is never part of a skill, and the CRF
    saw few bulleted lines in SkillSpan ("- Develop machine learning models" lost its span
    with the bullet in front, "• Develop ..." did not)."""
    i = 0
    while i < len(ws) and ws[i].text in BULLETS:
        i += 1
    return ws[i:] if i else ws


def split_pairs(ws: Sequence[Word], spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """A span of two single words joined by "and", "or" or a comma ("communication and
    collaboration") as the two spans annotators mark; longer coordinations stay whole ("define
    and promote code standards" is one skill). On SkillSpan train 5-fold CV: exact F1 0.4407
    -> 0.4432, partial 0.7267 -> 0.7264; splitting two-word sides too lost exact F1 (0.4334)."""
    out: list[TaggedSpan] = []
    starts = {w.start: i for i, w in enumerate(ws)}
    for span in spans:
        i = starts.get(span.start)
        if (
            i is not None
            and i + 2 < len(ws)
            and ws[i + 2].end == span.end
            and ws[i + 1].text.lower() in COORDINATORS
        ):
            first, last = ws[i], ws[i + 2]
            out.append(TaggedSpan(first.start, first.end, span.kind, span.score))
            out.append(TaggedSpan(last.start, last.end, span.kind, span.score))
        else:
            out.append(span)
    return out


class _Blocks:
    """Weight blocks cached per key in one growable array, so a batch gathers them with one
    index operation. Cleared when full (at the start of a batch, never during one)."""

    def __init__(self, shape: tuple[int, ...], limit: int) -> None:
        self.shape = shape
        self.limit = limit
        self.clear()

    def clear(self) -> None:
        self.ids: dict[Any, int] = {}
        self.data = np.zeros((1024, *self.shape))

    def room_for(self, count: int) -> None:
        if len(self.ids) + count > self.limit:
            self.clear()

    def add(self, key: Any, block: np.ndarray) -> int:
        n = len(self.ids)
        if n == len(self.data):
            grown = np.zeros((2 * n, *self.shape))
            grown[:n] = self.data
            self.data = grown
        self.data[n] = block
        self.ids[key] = n
        return n


class Tagger:
    """CRF inference over the trained weights: Viterbi for the labels, forward-backward for
    the span scores. Weights are summed per word and cached (a posting repeats its words),
    so tagging costs a few dictionary look-ups and small array sums per word. Read-only after
    construction except its caches, whose writes are idempotent, so threads may share it."""

    def __init__(self, weights: dict[str, Any], verbs: frozenset[str]) -> None:
        if weights.get("format") != WEIGHTS_FORMAT:
            raise CareerError("the skill tagger file is not a careerceo tagger", status=500)
        if weights.get("features_version") != FEATURES_VERSION:
            raise CareerError(
                "the skill tagger was trained with other features; rebuild it with "
                "scripts/train_skill_tagger.py",
                status=500,
            )
        self.labels: list[str] = list(weights["labels"])
        size = len(self.labels)
        attributes: dict[str, list[float]] = weights["attributes"]
        self._row = {a: i for i, a in enumerate(attributes)}
        self._weights = np.zeros((len(attributes) + 1, size))  # the last row: unknown
        if attributes:
            self._weights[:-1] = np.array(list(attributes.values()), dtype=float)
        self._zero = len(attributes)
        self._trans = np.array(weights["transitions"], dtype=float)
        self._exp_trans = np.exp(self._trans)
        self.featurizer = Featurizer(verbs, weights.get("clusters"))
        self._words = _Blocks((1 + len(NEIGHBOURS), size), 100_000)
        self._lex = _Blocks((size,), 10_000)
        self._lock = threading.Lock()
        self._pairs: dict[tuple[str, str], tuple[int, int]] = {}
        self._edge = {off: self._sum([f"{off:+d}edge"]) for off in (-2, -1, 1, 2)}
        self._first = self._sum(["first"])
        self._last = self._sum(["last"])
        # Subtracted from every word's "O" score: the CRF trades recall for precision, and a
        # bias chosen by cross-validation on train moves it back towards the best F1.
        self.o_bias = float(weights.get("o_bias", 0.0))

    def _sum(self, feats: Iterable[str]) -> np.ndarray:
        rows = [self._row.get(f, self._zero) for f in feats]
        return np.asarray(self._weights[rows].sum(axis=0))

    def _pair_rows(self, pair: tuple[str, str]) -> tuple[int, int]:
        """Weight rows of the word pair's features: as the second word's "b-" and the first
        word's "b+" (the unknown row when the model has no weight for it); cached."""
        key = f"{pair[0]}|{pair[1]}"
        found = (self._row.get("b-=" + key, self._zero), self._row.get("b+=" + key, self._zero))
        self._pairs[pair] = found
        return found

    def _add_words(self, words: Sequence[str]) -> None:
        """Cache what each new word adds, per label: block row 0 to its own position, rows 1-4
        to the words 2 and 1 after it and 1 and 2 before it (its features as a neighbour).
        A posting brings dozens of new words, so their feature rows are gathered and summed
        in one array operation rather than five small sums a word."""
        rows: list[int] = []
        starts: list[int] = []
        featurizer = self.featurizer
        for w in words:
            slots = (
                ("bias", *featurizer._word(w)),
                *(featurizer._neighbour(w, off) for off in NEIGHBOURS),
            )
            for feats in slots:
                starts.append(len(rows))
                rows.append(self._zero)  # the zero row: no slot is an empty segment
                rows += [self._row.get(f, self._zero) for f in feats]
        if not words:
            return
        sums = np.add.reduceat(self._weights[rows], starts, axis=0)
        for w, block in zip(words, sums.reshape(len(words), 1 + len(NEIGHBOURS), -1), strict=True):
            self._words.add(w, block)

    def _lex_id(self, prev: str, cur: str, nxt: str) -> int:
        found = self._lex.ids.get((prev, cur, nxt))
        if found is not None:
            return found
        bio = [t if t in ("<s>", "</s>") else t[0] for t in (prev, cur, nxt)]
        left = "^" if prev == "<s>" else bio[0]
        right = "$" if nxt == "</s>" else bio[2]
        vec = self._sum(
            [f"L={cur}", f"Lb={bio[1]}", f"L-1={prev}", f"L+1={nxt}", f"Lc={left}{bio[1]}{right}"]
        )
        return self._lex.add((prev, cur, nxt), vec)

    def emissions(
        self, sentences: Sequence[tuple[Sequence[Word], Sequence[str | None]]]
    ) -> np.ndarray:
        """Per word (all sentences, one after another) and label, the summed weights of the
        word's features: the features of ``Featurizer.sequence``, grouped so that most sums
        come from the per-word cache and the rest are array operations."""
        # One flat sequence of all sentences, each wrapped in its sentinels, so that word
        # pairs and lexicon triples are list comprehensions over it rather than loops per
        # sentence: word j (at flat position p) has the pair (p-1, p) as its "b-" feature and
        # (p, p+1) as its "b+" one (pair k is (flat k, flat k+1); the few pairs that straddle
        # two sentences are looked up and never read).
        texts: list[str] = []
        lengths: list[int] = []
        flat_lex: list[str] = []
        for ws, marks in sentences:
            texts += [w[2] for w in ws]
            lengths.append(len(ws))
            flat_lex += ["<s>", *[m or "O" for m in marks], "</s>"]
        lows = "\x00".join(texts).lower().split("\x00") if texts else []
        flat: list[str] = []
        at = 0
        for n in lengths:
            flat += ["<s>", *lows[at : at + n], "</s>"]
            at += n
        pair_rows = self._pairs
        if len(pair_rows) > 200_000:
            pair_rows.clear()
        # Keyed by the pair of words (a tuple hashes from its words' cached hashes); the
        # feature string is made only for a pair not seen before.
        pairs = list(pairwise(flat))
        get = pair_rows.get
        got = [get(p) for p in pairs]
        rows = [self._pair_rows(p) if g is None else g for p, g in zip(pairs, got, strict=True)]
        # Flat position of every word: sentence k's words follow 2k + 1 sentinels.
        lens_arr = np.array(lengths, dtype=np.intp)
        shift = np.repeat(2 * np.arange(len(lengths), dtype=np.intp) + 1, lens_arr)
        where = (np.arange(len(texts), dtype=np.intp) + shift).tolist()
        before = [rows[p - 1][0] for p in where]
        after = [rows[p][1] for p in where]
        lex_keys = [(flat_lex[p - 1], flat_lex[p], flat_lex[p + 1]) for p in where]
        total = len(texts)
        with self._lock:
            self._words.room_for(total)
            self._lex.room_for(total)
            word_ids = self._words.ids
            lex_ids = self._lex.ids
            self._add_words(list(dict.fromkeys(t for t in texts if t not in word_ids)))
            wid = [word_ids[t] for t in texts]
            seen = [lex_ids.get(k) for k in lex_keys]
            lid = [
                self._lex_id(*k) if i is None else i for k, i in zip(lex_keys, seen, strict=True)
            ]
            per_word = self._words.data[wid]  # (words, 5, labels)
            lex_part = self._lex.data[lid]
        scores = per_word[:, 0].copy()
        lens = np.array(lengths)
        starts = np.concatenate(([0], np.cumsum(lens)[:-1]))
        pos = np.arange(total) - np.repeat(starts, lens)
        size = np.repeat(lens, lens)
        index = np.arange(total)
        for k, off in enumerate(NEIGHBOURS, start=1):
            inside = (pos + off >= 0) & (pos + off < size)
            scores[inside] += per_word[index[inside] + off, k]
            scores[~inside] += self._edge[off]
        scores += self._weights[before]
        scores += self._weights[after]
        scores += lex_part
        scores[starts] += self._first
        ends = (starts + lens - 1)[lens > 1]
        scores[ends] += self._last
        scores[:, 0] -= self.o_bias
        return scores

    def viterbi(self, scores: np.ndarray, lengths: Sequence[int]) -> list[list[int]]:
        return crf.viterbi(self._trans, scores, lengths)

    def marginals(self, scores: np.ndarray, lengths: Sequence[int]) -> list[np.ndarray]:
        return crf.marginals(self._exp_trans, scores, lengths)

    def labels_of(self, ws: Sequence[Word], marks: Sequence[str | None]) -> list[str]:
        scores = self.emissions([(ws, marks)])
        return [self.labels[i] for i in crf.viterbi(self._trans, scores, [len(ws)])[0]]

    def tag(self, ws: Sequence[Word], marks: Iterable[LexMark]) -> list[TaggedSpan]:
        return self.tag_many([(ws, list(marks))])[0]

    def tag_many(
        self, sentences: Sequence[tuple[Sequence[Word], Sequence[LexMark]]]
    ) -> list[list[TaggedSpan]]:
        """Spans per sentence; a sentence longer than ``MAX_TOKENS`` words is tagged in
        windows. One batch for all, so a posting costs a few array operations per word."""
        parts: list[tuple[Sequence[Word], Sequence[str | None]]] = []
        owner: list[int] = []
        for k, (ws, marks) in enumerate(sentences):
            ws = _after_bullet(ws)
            tags = lex_tags(ws, marks)
            for begin in range(0, len(ws), MAX_TOKENS):
                parts.append((ws[begin : begin + MAX_TOKENS], tags[begin : begin + MAX_TOKENS]))
                owner.append(k)
        out: list[list[TaggedSpan]] = [[] for _ in sentences]
        if not parts:
            return out
        lengths = [len(ws) for ws, _ in parts]
        scores = self.emissions(parts)
        best = crf.viterbi(self._trans, scores, lengths)
        found = [k for k, labels in enumerate(best) if any(labels)]  # label 0 is "O"
        if not found:
            return out
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        rows = np.concatenate([np.arange(starts[k], starts[k] + lengths[k]) for k in found])
        probs = crf.marginals(self._exp_trans, scores[rows], [lengths[k] for k in found])
        for k, p in zip(found, probs, strict=True):
            labels = [self.labels[i] for i in best[k]]
            chosen = [float(p[t, i]) for t, i in enumerate(best[k])]
            out[owner[k]] += split_pairs(parts[k][0], decode(parts[k][0], labels, chosen))
        return out


def packaged_weights() -> dict[str, Any] | None:
    """The packaged model, or None when the package was installed without it."""
    from careerceo.skills.lexicon import _read

    try:
        data: dict[str, Any] = json.loads(gzip.decompress(_read(MODEL_FILE)))
    except (CareerError, OSError, ValueError):  # a missing or damaged artifact
        return None
    return data


def packaged_manifest() -> dict[str, Any] | None:
    from careerceo.skills.lexicon import _read

    try:
        data: dict[str, Any] = json.loads(_read(MANIFEST_FILE))
    except (CareerError, ValueError):
        return None
    return data


def load_tagger(verbs: frozenset[str]) -> Tagger | None:
    """The packaged tagger, or None when the model is not installed (the extractor then
    gives lexicon hits only and no mentions)."""
    weights = packaged_weights()
    if weights is None:
        return None
    return Tagger(weights, verbs)
