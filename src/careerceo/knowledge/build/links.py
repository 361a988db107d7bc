"""Link ESCO occupations to O*NET occupations, each link with a score and a method.

Signals, all computed here from the two releases:
- title similarity: TF-IDF cosine between ESCO labels (preferred, alternative) and O*NET titles
  (title, alternate and short titles); reported titles are left out so that a title-matching
  benchmark can hold them out;
- description similarity: TF-IDF cosine between the ESCO description and the O*NET description
  plus task statements;
- exact title matches (an ESCO label equal to an O*NET title after normalisation);
- ISCO/SOC compatibility: how often the ISCO sub-major group of an ESCO occupation meets the SOC
  major group of an O*NET occupation among exact preferred-label matches (learned from the
  data, because no official ISCO-SOC table is available offline).
The Nesta crosswalk (SOC 2010 codes, resolved to O*NET 29.0 by code or title) is then used as a
strong prior: a pair it names gets a bonus and the method records it. Agreement between the
similarity-only top choice and Nesta is measured and reported by the builder and the benchmark.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from careerceo.knowledge.build.sources import read_csv

LINK_METHODS = ("similarity", "nesta", "nesta+similarity")
NESTA_FILE = "esco_onet_crosswalk_Nov2020.csv"
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    {"a", "an", "and", "or", "the", "of", "in", "on", "for", "to", "with", "by", "at", "from"}
    | {"as", "other", "all", "their", "its", "into", "such", "including", "e", "g", "i", "etc"}
)
# A similarity-only link needs at least this score; weaker best matches are left unlinked.
MIN_SCORE = 0.18
# An O*NET occupation no ESCO occupation chose still gets its best match above this.
FILL_SCORE = 0.12
# A second candidate is kept when it is nearly as good as the best.
RUNNER_UP = 0.92
# Bonus for a pair Nesta names, by its confidence (2 = highest); inherited pairs get 0.8 of it.
NESTA_BONUS = {2.0: 0.5, 1.0: 0.4, 0.5: 0.25}
NestaMap = dict[int, tuple[int, float, bool]]  # ESCO index -> (O*NET index, confidence, inherited)


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP]


def norm_title(text: str) -> str:
    return " ".join(tokens(text))


def _tfidf(docs_a: Sequence[list[str]], docs_b: Sequence[list[str]]) -> npt.NDArray[np.float32]:
    """Cosine similarity (len(a) x len(b)) of sublinear TF-IDF vectors over shared terms."""
    df_a: Counter[str] = Counter()
    df_b: Counter[str] = Counter()
    for d in docs_a:
        df_a.update(set(d))
    for d in docs_b:
        df_b.update(set(d))
    vocab = sorted(set(df_a) & set(df_b))
    col = {t: i for i, t in enumerate(vocab)}
    total = len(docs_a) + len(docs_b)
    idf = np.array(
        [np.log((1 + total) / (1 + df_a[t] + df_b[t])) + 1.0 for t in vocab], dtype=np.float32
    )

    def matrix(docs: Sequence[list[str]]) -> npt.NDArray[np.float32]:
        m = np.zeros((len(docs), len(vocab)), dtype=np.float32)
        for i, d in enumerate(docs):
            for t, c in Counter(d).items():
                j = col.get(t)
                if j is not None:
                    m[i, j] = 1.0 + np.log(c)
        m *= idf
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        m /= norms
        return m

    result: npt.NDArray[np.float32] = np.asarray(matrix(docs_a) @ matrix(docs_b).T, np.float32)
    return result


def _bigrams(words: list[str]) -> list[str]:
    return words + [f"{a}_{b}" for a, b in itertools.pairwise(words)]


@dataclass
class LinkResult:
    onet: npt.NDArray[np.int16]
    esco: npt.NDArray[np.int16]
    score: npt.NDArray[np.float32]
    method: npt.NDArray[np.int8]
    similarity_top1: npt.NDArray[np.int32]
    report: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Weights:
    """How the similarity signals combine (chosen on a small grid, see the benchmark)."""

    title: float = 0.45
    description: float = 0.3
    exact: float = 0.25
    prior: float = 0.3


@dataclass
class Signals:
    title: npt.NDArray[np.float32]
    description: npt.NDArray[np.float32]
    exact: npt.NDArray[np.float32]
    isco2: list[str]
    major_of: npt.NDArray[np.int64]
    n_majors: int


def similarity_scores(
    onet_core: dict[str, Any],
    onet_titles: dict[str, Any],
    onet_tasks: dict[str, Any],
    esco_occupations: list[list[Any]],
    weights: Weights | None = None,
) -> npt.NDArray[np.float32]:
    """ESCO x O*NET combined similarity in [0, 1] (no Nesta input)."""
    signals = similarity_signals(onet_core, onet_titles, onet_tasks, esco_occupations)
    return combine(signals, weights or Weights())


def similarity_signals(
    onet_core: dict[str, Any],
    onet_titles: dict[str, Any],
    onet_tasks: dict[str, Any],
    esco_occupations: list[list[Any]],
) -> Signals:
    """The separate ESCO x O*NET similarity signals, before weighting."""
    occs = onet_core["occupations"]
    n_o = len(occs)
    o_titles: list[list[str]] = [[] for _ in range(n_o)]
    exact: dict[str, set[int]] = defaultdict(set)
    for i, (_, title, _) in enumerate(occs):
        o_titles[i].append(title)
    for i, alt, short, _ in onet_titles["alternate"]:
        o_titles[i].append(alt)
        if short:
            o_titles[i].append(short)
    for i, names in enumerate(o_titles):
        for name in names:
            exact[norm_title(name)].add(i)
    o_desc: list[list[str]] = [tokens(d) for _, _, d in occs]
    for i, _, text, _, _ in onet_tasks["tasks"]:
        o_desc[i].extend(tokens(text))

    e_title_docs = []
    e_desc_docs = []
    n_e = len(esco_occupations)
    match = np.zeros((n_e, n_o), dtype=np.float32)
    for e, (_, _, _, pref, alts, _, desc) in enumerate(esco_occupations):
        words = tokens(pref) * 3
        for a in alts:
            words.extend(tokens(a))
        e_title_docs.append(_bigrams(words))
        e_desc_docs.append(tokens(desc))
        for o in exact.get(norm_title(pref), ()):
            match[e, o] = 1.0
        for a in alts:
            for o in exact.get(norm_title(a), ()):
                match[e, o] = max(match[e, o], 0.5)
    o_title_docs = [
        _bigrams(tokens(names[0]) * 3 + [w for n in names[1:] for w in tokens(n)])
        for names in o_titles
    ]
    majors = sorted({code[:2] for code, _, _ in occs})
    return Signals(
        title=_tfidf(e_title_docs, o_title_docs),
        description=_tfidf(e_desc_docs, o_desc),
        exact=match,
        isco2=[row[2][:2] for row in esco_occupations],
        major_of=np.array([majors.index(code[:2]) for code, _, _ in occs], dtype=np.int64),
        n_majors=len(majors),
    )


def combine(signals: Signals, weights: Weights) -> npt.NDArray[np.float32]:
    """Weighted signals, scaled by ISCO sub-major x SOC major compatibility.

    The compatibility table counts, for confident matches (an exact preferred-label match or a
    strong combined score), which SOC major group each ISCO sub-major group lands in; pairs in
    groups that never meet are damped, not excluded.
    """
    base = (
        weights.title * signals.title
        + weights.description * signals.description
        + weights.exact * signals.exact
    )
    groups = sorted(set(signals.isco2))
    group_of = np.array([groups.index(g) for g in signals.isco2])
    counts = np.full((len(groups), signals.n_majors), 0.5, dtype=np.float32)
    best = base.argmax(axis=1)
    confident = (signals.exact.max(axis=1) == 1.0) | (base[np.arange(len(best)), best] > 0.5)
    np.add.at(counts, (group_of[confident], signals.major_of[best[confident]]), 1.0)
    compat = counts / counts.max(axis=1, keepdims=True)
    prior = compat[group_of][:, signals.major_of]
    scores = np.clip(base * (1.0 - weights.prior + weights.prior * prior), 0.0, 1.0)
    return np.asarray(scores, dtype=np.float32)


class Soc2010Mapper:
    """O*NET-SOC 2010 code + title -> O*NET 29.0 occupation index (None if no safe match).

    Codes kept in the 2019 taxonomy are used as they are. Otherwise the 2010 title decides, most
    specific evidence first: an exact 29.0 title; a 29.0 title containing all its words with at
    most two more (``software developers, applications`` -> ``Software Developers``); the base
    occupation of the same detailed SOC code (``11-3071.01`` -> ``11-3071.00``); any title
    containing its words; an exact 29.0 alternate title (old titles live on there, e.g.
    ``Stock Clerk``); else the title or alternate title sharing the most (IDF-weighted) words,
    if it shares most of them, preferring the same SOC major group.
    """

    def __init__(self, onet_core: dict[str, Any], onet_titles: dict[str, Any]) -> None:
        occs = onet_core["occupations"]
        self.codes = [c for c, _, _ in occs]
        self.by_code = {c: i for i, c in enumerate(self.codes)}
        self.titles = [norm_title(t) for _, t, _ in occs]
        self.title_words = [set(t.split()) for t in self.titles]
        alt: dict[str, Counter[int]] = defaultdict(Counter)
        for i, title, _, _ in onet_titles["alternate"]:
            alt[norm_title(title)][i] += 1
        self.alternates = alt
        owner: dict[str, int] = {}
        for i, t in enumerate(self.titles):
            owner.setdefault(t, i)
        for t, counter in sorted(alt.items()):
            owner.setdefault(t, min(counter, key=lambda i: (-counter[i], i)))
        self.candidates = sorted(owner.items())
        self.postings: dict[str, list[int]] = defaultdict(list)
        df: Counter[str] = Counter()
        for k, (text, _) in enumerate(self.candidates):
            for w in set(text.split()):
                self.postings[w].append(k)
                df[w] += 1
        self.idf = {w: math.log(len(self.candidates) / c) for w, c in df.items()}

    def __call__(self, code: str, title: str) -> int | None:
        if code in self.by_code:
            return self.by_code[code]
        wanted = norm_title(title)
        words = set(wanted.split())
        if wanted in self.titles:
            return self.titles.index(wanted)
        covering = sorted(
            (len(self.title_words[i] - words), i)
            for i in range(len(self.titles))
            if words <= self.title_words[i]
        )
        if covering and covering[0][0] <= 2:
            return covering[0][1]
        base = f"{code[:7]}.00"
        if base in self.by_code and words & self.title_words[self.by_code[base]]:
            return self.by_code[base]
        if covering:
            return covering[0][1]
        if wanted in self.alternates:
            counter = self.alternates[wanted]
            return min(counter, key=lambda i: (-counter[i], i))
        return self._overlap(code, words)

    def _overlap(self, code: str, words: set[str]) -> int | None:
        total = sum(self.idf.get(w, 0.0) for w in words)
        shared: dict[int, float] = defaultdict(float)
        for w in words:
            for k in self.postings.get(w, ()):
                shared[k] += self.idf[w]
        best: tuple[float, int] | None = None
        for k, weight in shared.items():
            text, owner = self.candidates[k]
            extra = len(set(text.split()) - words)
            score = (
                weight / total - 0.05 * extra + (0.1 if self.codes[owner][:2] == code[:2] else 0)
            )
            if best is None or (score, -owner) > (best[0], -best[1]):
                best = (score, owner)
        return best[1] if best and best[0] >= 0.6 else None


def resolve_nesta(
    path: Path,
    onet_core: dict[str, Any],
    onet_titles: dict[str, Any],
    esco_uris: list[str],
    parent: npt.NDArray[np.int32],
) -> NestaMap:
    """ESCO index -> (O*NET index, confidence, inherited) from Nesta, codes mapped to 29.0.

    Occupations below level 5 inherit their parent's mapping, as Nesta suggests.
    """
    esco_index = {u: i for i, u in enumerate(esco_uris)}
    mapper = Soc2010Mapper(onet_core, onet_titles)
    direct: NestaMap = {}
    for row in read_csv(path):
        e = esco_index.get(row["concept_uri"])
        if e is None:
            continue
        o = mapper(row["onet_code"], row["onet_occupation"])
        if o is not None:
            direct[e] = (o, float(row["confidence"] or 0.5), False)
    resolved = dict(direct)
    for e in range(len(esco_uris)):
        p, depth = e, 0
        while p not in direct and parent[p] >= 0 and depth < 10:
            p, depth = int(parent[p]), depth + 1
        if e not in resolved and p in direct:
            o, conf, _ = direct[p]
            resolved[e] = (o, conf, True)
    return resolved


def link(scores: npt.NDArray[np.float32], nesta: NestaMap) -> LinkResult:
    n_e, n_o = scores.shape
    top1 = scores.argmax(axis=1).astype(np.int32)
    pairs: dict[tuple[int, int], tuple[float, int]] = {}
    order = np.argsort(-scores, axis=1, kind="stable")[:, :2]
    for e in range(n_e):
        best = float(scores[e, order[e, 0]])
        for rank in range(2):
            o = int(order[e, rank])
            s = float(scores[e, o])
            if s >= MIN_SCORE and (rank == 0 or s >= RUNNER_UP * best):
                pairs[(e, o)] = (s, 0)
        if e in nesta:
            o, conf, inherited = nesta[e]
            s = float(scores[e, o])
            bonus = NESTA_BONUS.get(conf, NESTA_BONUS[0.5]) * (0.8 if inherited else 1.0)
            method = 2 if (e, o) in pairs else 1
            pairs[(e, o)] = (min(1.0, s + bonus), method)
    # Every O*NET occupation gets its best ESCO match if that is reasonable.
    linked = {o for _, o in pairs}
    col_best = scores.argmax(axis=0)
    for o in range(n_o):
        e = int(col_best[o])
        if o not in linked and scores[e, o] >= FILL_SCORE:
            pairs[(e, o)] = (float(scores[e, o]), 0)
    keys = sorted(pairs, key=lambda k: (k[1], -pairs[k][0], k[0]))
    return LinkResult(
        onet=np.array([k[1] for k in keys], dtype=np.int16),
        esco=np.array([k[0] for k in keys], dtype=np.int16),
        score=np.array([round(pairs[k][0], 4) for k in keys], dtype=np.float32),
        method=np.array([pairs[k][1] for k in keys], dtype=np.int8),
        similarity_top1=top1,
    )


def agreement(
    scores: npt.NDArray[np.float32], nesta: NestaMap, direct_only: bool = False
) -> dict[str, float]:
    """How often the similarity-only ranking puts Nesta's choice first / in the top 3 / 5.

    ``direct_only`` keeps the level-5 ESCO occupations Nesta mapped itself (no inheritance).
    """
    keys = [e for e, (_, _, inherited) in nesta.items() if not (direct_only and inherited)]
    if not keys:
        return {}
    es = np.array(sorted(keys), dtype=np.int64)
    target = np.array([nesta[int(e)][0] for e in es])
    ranks = (scores[es] > scores[es, target][:, None]).sum(axis=1)
    return {
        "nesta_pairs": float(len(es)),
        "top1": float((ranks == 0).mean()),
        "top3": float((ranks < 3).mean()),
        "top5": float((ranks < 5).mean()),
    }
