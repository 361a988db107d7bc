"""What the span tagger sees of a sentence: its words and each word's features.

The word, its shape, affixes and stem, the words around it, whether it opens ESCO skill labels
(a verb of work), its closed word class ("of", "the", "and", "you", "will": where phrases stop),
its word clusters (words that occur in the same contexts in real postings: "Python" with
"SQL" and "Tableau", "strong" with "proven"), and the lexicon's own matches as BIO features.
The training script and the packaged tagger use the same functions, so a model always meets
the features it learned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from careerceo.skills.normalize import TOKEN_RE, stem

FEATURES_VERSION = "2"
NEIGHBOURS = (-2, -1, 1, 2)

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


# Closed word classes: a word's class says more about where a phrase starts or stops than the
# word itself ("of" and "with" join a skill to its object; "you", "will" and "is" do not).
_CLASSES = {
    "det": "a an the this that these those each every any some no all both either another",
    "prep": "of in on at by for with from to into over under about across through during "
    "within without between among against via per upon toward towards including like such",
    "conj": "and or but nor as while whereas although though if because so yet plus",
    "pron": "you we they he she it i our your their its my us them who which whom whose what",
    "aux": "is are was were be been being am will would can could should must may might shall "
    "do does did have has had",
    "adv": "also very highly strongly well more most less least not only just preferably ideally "
    "especially",
    "adj": "strong excellent good great solid proven demonstrated deep relevant related "
    "proficient familiar able",
    "lead": "experience knowledge ability skills skill understanding familiarity proficiency "
    "expertise background degree years year",
}
WORD_CLASS = {w: c for c, ws in _CLASSES.items() for w in ws.split()}
# A word's clusters, coarse to fine (a mapping the training script learns from unlabeled
# postings and ships in the model).
Clusters = dict[str, list[int]]


class Featurizer:
    """Token features; the per-word part is cached (postings repeat their words)."""

    def __init__(self, verbs: frozenset[str], clusters: Clusters | None = None) -> None:
        self.verbs = verbs
        self.clusters: Clusters = clusters or {}
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
        feats += ["p2=" + low[:2], "p4=" + low[:4], "s4=" + low[-4:]]
        if low in WORD_CLASS:
            feats.append("cc=" + WORD_CLASS[low])
        found_cl = self.clusters.get(low)
        if found_cl:
            feats += [f"c{j}={c}" for j, c in enumerate(found_cl)]
        else:
            feats.append("c=none")
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
        if low in WORD_CLASS:
            feats.append(f"{tag}cc={WORD_CLASS[low]}")
        # Next to the word, every granularity; two away, the coarser two.
        reach = 3 if abs(offset) == 1 else 2
        feats += [f"{tag}c{j}={c}" for j, c in enumerate(self.clusters.get(low, ())[:reach])]
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
