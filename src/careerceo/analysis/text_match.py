"""How close a person's own words are to what people in each occupation do and are called.

The build (``knowledge.build.related.text_vectors``) stores each occupation's words (its task
statements, the detailed work activities they link to, its title, alternate and reported
titles) as a sparse TF-IDF vector of its strongest terms, with the vocabulary and IDF. Here a
person's text (their job titles, position descriptions, résumé) becomes a TF-IDF vector over
the same vocabulary, and its cosine with every occupation is one sparse gather: a few
milliseconds, no task statements loaded.

Pure: callers tokenise with ``knowledge.words.tokens`` (the build's tokeniser) and pass the
stored arrays in.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from careerceo.analysis.pivot_space import F32


@dataclass(frozen=True)
class OccupationWords:
    """``terms`` (N, K) vocabulary columns (``len(vocab)``: padding), ``weights`` (N, K) the
    occupation's unit-length TF-IDF weights for them, ``idf`` per column."""

    vocab: dict[str, int]
    words: tuple[str, ...]
    idf: F32
    terms: NDArray[np.intp]
    weights: F32

    @classmethod
    def from_arrays(cls, arrays: dict[str, NDArray[np.generic]]) -> OccupationWords:
        words = tuple(bytes(arrays["text_vocab"]).decode("utf-8").split("\n"))
        terms = arrays["text_terms"].astype(np.intp)
        terms = np.where(terms < 0, len(words), terms)
        return cls(
            vocab={w: i for i, w in enumerate(words)},
            words=words,
            idf=arrays["text_idf"].astype(np.float32),
            terms=terms,
            weights=arrays["text_weights"].astype(np.float32),
        )

    def query(self, tokens: Sequence[str]) -> F32:
        """A text's unit-length sublinear TF-IDF vector over the vocabulary (plus a padding
        column that is always 0). Words no occupation shares are ignored."""
        q = np.zeros(len(self.words) + 1, np.float32)
        counts = Counter(t for t in tokens if t in self.vocab)
        for t, c in counts.items():
            col = self.vocab[t]
            q[col] = (1.0 + math.log(c)) * float(self.idf[col])
        norm = float(np.linalg.norm(q))
        if norm > 0:
            q /= norm
        return q

    def similarity(self, tokens: Sequence[str]) -> F32:
        """Cosine of the text with every occupation's words (N,), 0 for an empty text."""
        q = self.query(tokens)
        out: F32 = (q[self.terms] * self.weights).sum(axis=1).astype(np.float32)
        return out

    def weighted_similarity(self, parts: Sequence[tuple[Sequence[str], float]]) -> F32:
        """Cosine with every occupation of several texts taken together, each (tokens,
        weight) counting by its weight (the unit query vectors summed, then normalised): a
        recent position's words can outweigh an old one's without either vanishing."""
        q = np.zeros(len(self.words) + 1, np.float32)
        for toks, weight in parts:
            if weight > 0:
                q += np.float32(weight) * self.query(toks)
        norm = float(np.linalg.norm(q))
        if norm > 0:
            q /= norm
        out: F32 = (q[self.terms] * self.weights).sum(axis=1).astype(np.float32)
        return out

    def shared(self, tokens: Sequence[str], row: int, k: int = 4) -> list[str]:
        """The words of the text that weigh most in the match with one occupation (evidence)."""
        q = self.query(tokens)
        contrib = q[self.terms[row]] * self.weights[row]
        order = np.argsort(-contrib, kind="stable")
        return [self.words[int(self.terms[row, i])] for i in order[:k] if contrib[i] > 0]


def standardised(values: NDArray[np.floating], mask: NDArray[np.bool_] | None = None) -> F32:
    """z-scores over the occupations (``mask``: those counted for mean and spread); all 0 when
    the values do not vary (no text: no evidence either way)."""
    v = values.astype(np.float64)
    pool = v if mask is None else v[mask]
    std = float(pool.std()) if pool.size > 1 else 0.0
    if std <= 1e-12:
        return np.zeros(v.shape, np.float32)
    out: F32 = ((v - float(pool.mean())) / std).astype(np.float32)
    return out
