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
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, NamedTuple

import numpy as np

from careerceo.errors import CareerError
from careerceo.skills.normalize import TOKEN_RE, stem

MODEL_FILE = "tagger.json.gz"
WEIGHTS_FORMAT = "careerceo-skill-tagger"
MANIFEST_FILE = "tagger.json"
FEATURES_VERSION = "1"
NEIGHBOURS = (-2, -1, 1, 2)
LABELS = ("O", "B-skill", "I-skill", "B-knowledge", "I-knowledge")
MAX_TOKENS = 120  # a longer "sentence" (a table row, a run-on list) is tagged in windows

# Words, as the lexicon tokenises them, plus every other non-space character on its own
# (commas, brackets and bullets end phrases, so the CRF has to see them).
WORD_RE = re.compile(TOKEN_RE.pattern + r"|[^\w\s]|_+")


class Word(NamedTuple):
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


_new_tuple: Any = tuple.__new__  # a named tuple without its Python-level __new__: 3x faster


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    new = _new_tuple
    return [
        new(Word, (m.start(), m.end(), m.group()))
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
        self.featurizer = Featurizer(verbs)
        self._words = _Blocks((1 + len(NEIGHBOURS), size), 100_000)
        self._lex = _Blocks((size,), 10_000)
        self._lock = threading.Lock()
        self._pairs: dict[tuple[str, str], tuple[int, int]] = {}
        self._edge = {off: self._sum([f"{off:+d}edge"]) for off in (-2, -1, 1, 2)}
        self._first = self._sum(["first"])
        self._last = self._sum(["last"])

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

    def _word_id(self, w: str) -> int:
        """Row of what word ``w`` adds, per label: block row 0 to its own position, rows 1-4
        to the words 2 and 1 after it and 1 and 2 before it (its features as a neighbour)."""
        found = self._words.ids.get(w)
        if found is not None:
            return found
        block = np.stack(
            [
                self._sum(["bias", *self.featurizer._word(w)]),
                *(self._sum(self.featurizer._neighbour(w, off)) for off in NEIGHBOURS),
            ]
        )
        return self._words.add(w, block)

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
            seen = [word_ids.get(t) for t in texts]
            wid = [self._word_id(t) if i is None else i for t, i in zip(texts, seen, strict=True)]
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
        return scores

    def _padded(self, scores: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """(sentences, longest, labels) scores; padding positions are never read."""
        out = np.zeros((len(lengths), max(lengths), len(self.labels)))
        at = 0
        for k, n in enumerate(lengths):
            out[k, :n] = scores[at : at + n]
            at += n
        return out

    def viterbi(self, scores: np.ndarray, lengths: Sequence[int]) -> list[list[int]]:
        """The best label sequence of each sentence, all sentences at once: one array step
        per position for the forward pass (a sentence's last scores are kept when it ends),
        then each sentence's back-pointers followed in plain Python (short lists)."""
        padded = self._padded(scores, lengths)
        count, longest, size = padded.shape
        back = np.zeros((count, longest, size), dtype=np.intp)
        ending: dict[int, list[int]] = {}
        for k, n in enumerate(lengths):
            ending.setdefault(n - 1, []).append(k)
        final = np.zeros((count, size))
        delta = padded[:, 0].copy()
        if 0 in ending:
            final[ending[0]] = delta[ending[0]]
        # Buffers reused at every step: a posting's batch is small, so the cost of a step is
        # the number of array calls and allocations, not the arithmetic.
        step = np.empty((count, size, size))
        best = np.empty((count, size))
        trans = self._trans[None]
        for t in range(1, longest):
            np.add(delta[:, :, None], trans, out=step)
            step.argmax(axis=1, out=back[:, t])
            np.maximum.reduce(step, axis=1, out=best)  # the ufunc: no Python wrapper per step
            np.add(best, padded[:, t], out=delta)
            if t in ending:
                final[ending[t]] = delta[ending[t]]
        last = final.argmax(axis=1).tolist()
        out: list[list[int]] = []
        for k, n in enumerate(lengths):
            pointers = back[k, 1:n].tolist()
            label = last[k]
            path = [label]
            for row in reversed(pointers):
                label = row[label]
                path.append(label)
            path.reverse()
            out.append(path)
        return out

    def _time_major(self, scores: np.ndarray, lengths: Sequence[int], right: bool) -> np.ndarray:
        """(longest, sentences, labels) scores, each sentence from position 0 (or, ``right``,
        ending at the last position); padding positions hold 0 and are never read."""
        longest = max(lengths)
        out = np.zeros((longest, len(lengths), len(self.labels)))
        at = 0
        for k, n in enumerate(lengths):
            if right:
                out[longest - n :, k] = scores[at : at + n]
            else:
                out[:n, k] = scores[at : at + n]
            at += n
        return out

    def marginals(self, scores: np.ndarray, lengths: Sequence[int]) -> list[np.ndarray]:
        """P(label at t | sentence) per sentence, by scaled forward-backward, all at once.
        The forward pass runs over the sentences aligned at their first word, the backward
        pass over them aligned at their last word, so no step has to mask sentences that have
        ended; each step writes into its slice of a time-major array (few calls, no copies)."""
        left = self._time_major(scores, lengths, right=False)
        right = self._time_major(scores, lengths, right=True)
        longest, count, size = left.shape
        emit_l = np.exp(left - left.max(axis=2, keepdims=True))
        emit_r = np.exp(right - right.max(axis=2, keepdims=True))
        trans, trans_t = self._exp_trans, np.ascontiguousarray(self._exp_trans.T)
        alpha = np.empty_like(emit_l)
        beta = np.empty_like(emit_r)
        tmp = np.empty((count, size))
        norm = np.empty((count, 1))
        alpha[0] = emit_l[0] / emit_l[0].sum(axis=1, keepdims=True)
        for t in range(1, longest):
            np.matmul(alpha[t - 1], trans, out=tmp)
            tmp *= emit_l[t]
            np.add.reduce(tmp, axis=1, keepdims=True, out=norm)
            np.divide(tmp, norm, out=alpha[t])
        beta[-1] = 1.0
        for t in range(longest - 2, -1, -1):
            np.multiply(emit_r[t + 1], beta[t + 1], out=tmp)
            np.matmul(tmp, trans_t, out=beta[t])
            np.add.reduce(beta[t], axis=1, keepdims=True, out=norm)
            beta[t] /= norm
        out: list[np.ndarray] = []
        for k, n in enumerate(lengths):
            joint = alpha[:n, k] * beta[longest - n :, k]
            out.append(joint / joint.sum(axis=1, keepdims=True))
        return out

    def labels_of(self, ws: Sequence[Word], marks: Sequence[str | None]) -> list[str]:
        scores = self.emissions([(ws, marks)])
        return [self.labels[i] for i in self.viterbi(scores, [len(ws)])[0]]

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
            tags = lex_tags(ws, marks)
            for begin in range(0, len(ws), MAX_TOKENS):
                parts.append((ws[begin : begin + MAX_TOKENS], tags[begin : begin + MAX_TOKENS]))
                owner.append(k)
        out: list[list[TaggedSpan]] = [[] for _ in sentences]
        if not parts:
            return out
        lengths = [len(ws) for ws, _ in parts]
        scores = self.emissions(parts)
        best = self.viterbi(scores, lengths)
        found = [k for k, labels in enumerate(best) if any(labels)]  # label 0 is "O"
        if not found:
            return out
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        rows = np.concatenate([np.arange(starts[k], starts[k] + lengths[k]) for k in found])
        probs = self.marginals(scores[rows], [lengths[k] for k in found])
        for k, p in zip(found, probs, strict=True):
            labels = [self.labels[i] for i in best[k]]
            chosen = [float(p[t, i]) for t, i in enumerate(best[k])]
            out[owner[k]] += decode(parts[k][0], labels, chosen)
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
