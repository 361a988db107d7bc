"""A small TF-IDF index over short strings, in plain numpy (no scipy needed).

Titles are short and people misspell them, so each string is represented by its words plus
the character trigrams of every word (padded with spaces): "sofware" still shares most
trigrams with "software". Postings are stored feature-major (CSR by feature) so a query only
touches the rows of its own features; scoring is one ``np.bincount`` over those postings.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

WORD_WEIGHT = 1.5  # a whole-word hit counts more than the trigrams it is made of


def _trigram_code(a: int, b: int, c: int) -> int:
    return (a << 42) | (b << 21) | c


def features(tokens: Iterable[str]) -> Counter[str | int]:
    """Word and character-trigram features of a token list (order does not matter).

    Words are keyed by their text, trigrams by three packed code points, matching what
    ``build_index`` computes in bulk with numpy.
    """
    counts: Counter[str | int] = Counter()
    for token in tokens:
        counts[token] += 1
        padded = [32, *map(ord, token), 32]
        for i in range(len(padded) - 2):
            counts[_trigram_code(padded[i], padded[i + 1], padded[i + 2])] += 1
    return counts


COMMON_SHARE = 0.02  # features in more documents than this share do not propose candidates
CANDIDATE_FACTOR = 3  # candidates proposed per result wanted, before exact re-scoring


@dataclass(frozen=True)
class TextIndex:
    """Unit-length TF-IDF vectors of ``size`` documents, stored both ways.

    Feature-major (``indptr``/``doc_ids``/``weights``) proposes candidates; document-major
    (``doc_ptr``/``doc_features``/``doc_weights``) gives their exact cosines. Proposing from
    informative features only keeps a query from touching most of the index because it
    contains "er " or " ma".
    """

    vocab: dict[str | int, int]
    idf: npt.NDArray[np.float32]
    indptr: npt.NDArray[np.int64]
    doc_ids: npt.NDArray[np.int32]
    weights: npt.NDArray[np.float32]
    size: int
    common: npt.NDArray[np.bool_]
    doc_ptr: npt.NDArray[np.int64]
    doc_features: npt.NDArray[np.int32]
    doc_weights: npt.NDArray[np.float32]

    def query_vector(self, tokens: Sequence[str]) -> tuple[list[int], list[float]]:
        counts = features(tokens)
        ids: list[int] = []
        values: list[float] = []
        for feature, count in counts.items():
            fid = self.vocab.get(feature)
            weight = (1.0 + math.log(count)) * (WORD_WEIGHT if isinstance(feature, str) else 1.0)
            if fid is None:
                # Unknown features still count toward the query's length: a query full of
                # words nobody uses should not look like a perfect match on its one known word.
                values.append(weight * float(self.idf.max(initial=1.0)))
                ids.append(-1)
                continue
            ids.append(fid)
            values.append(weight * float(self.idf[fid]))
        return ids, values

    def scores(self, tokens: Sequence[str]) -> npt.NDArray[np.float64]:
        """Cosine similarity of the query with every document (zeros where nothing is shared)."""
        ids, values = self.query_vector(tokens)
        norm = math.sqrt(sum(v * v for v in values)) or 1.0
        parts_docs: list[npt.NDArray[np.int32]] = []
        parts_weights: list[npt.NDArray[np.floating[Any]]] = []
        for fid, value in zip(ids, values, strict=True):
            if fid < 0:
                continue
            start, end = self.indptr[fid], self.indptr[fid + 1]
            parts_docs.append(self.doc_ids[start:end])
            parts_weights.append(self.weights[start:end] * (value / norm))
        if not parts_docs:
            return np.zeros(self.size)
        scores: npt.NDArray[np.float64] = np.bincount(
            np.concatenate(parts_docs), weights=np.concatenate(parts_weights), minlength=self.size
        ).astype(np.float64, copy=False)
        return scores

    def exact(
        self, query: tuple[list[int], list[float]], docs: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.float64]:
        """Exact cosines of a ``query_vector`` with the given documents."""
        ids, values = query
        norm = math.sqrt(sum(v * v for v in values)) or 1.0
        if len(docs) == 0:
            return np.zeros(0)
        dense = np.zeros(len(self.idf), dtype=np.float64)
        for fid, value in zip(ids, values, strict=True):
            if fid >= 0:
                dense[fid] += value / norm
        starts, ends = self.doc_ptr[docs], self.doc_ptr[docs + 1]
        lengths = ends - starts
        # Positions of every feature of every candidate, without a Python loop per document.
        shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        flat = shift + np.arange(int(lengths.sum()))
        segment = np.repeat(np.arange(len(docs)), lengths)
        result: npt.NDArray[np.float64] = np.bincount(
            segment,
            weights=self.doc_weights[flat] * dense[self.doc_features[flat]],
            minlength=len(docs),
        ).astype(np.float64, copy=False)
        return result

    def top(
        self, tokens: Sequence[str], k: int
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """The ``k`` best documents (ids, exact cosines), best first, only those sharing a feature.

        Candidates come from the query's informative features (all features if it has none),
        ``CANDIDATE_FACTOR * k`` of them, then are re-scored exactly.
        """
        query = self.query_vector(tokens)
        known = [(f, v) for f, v in zip(*query, strict=True) if f >= 0]
        rare = [(f, v) for f, v in known if not self.common[f]] or known
        if not rare or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        docs = np.concatenate([self.doc_ids[self.indptr[f] : self.indptr[f + 1]] for f, _ in rare])
        weights = np.concatenate(
            [self.weights[self.indptr[f] : self.indptr[f + 1]] * v for f, v in rare]
        )
        touched, inverse = np.unique(docs, return_inverse=True)
        partial = np.bincount(inverse, weights=weights, minlength=len(touched))
        wanted = min(len(touched), CANDIDATE_FACTOR * k)
        if len(touched) > wanted:
            touched = touched[np.argpartition(-partial, wanted - 1)[:wanted]]
        candidates = touched.astype(np.int64)
        cosines = self.exact(query, candidates)
        order = np.argsort(-cosines, kind="stable")[: min(k, len(candidates))]
        return candidates[order], cosines[order]


def build_index(documents: Sequence[Sequence[str]]) -> TextIndex:
    """Index token lists; document ``i`` of the input is document ``i`` of the index.

    Trigrams are computed for all documents at once on one array of code points (a Python
    loop per trigram took seconds for the ~60k title labels); words go through a dict.
    """
    n_docs = len(documents)
    # Words: one id per distinct word, pairs (doc, word id).
    word_ids: dict[str | int, int] = {}
    word_doc: list[int] = []
    word_col: list[int] = []
    for doc_id, tokens in enumerate(documents):
        for token in tokens:
            word_doc.append(doc_id)
            word_col.append(word_ids.setdefault(token, len(word_ids)))
    # Trigrams: each document as " w1 w2 " in one code-point array, separated by NULs.
    joined = "\0".join(" " + " ".join(tokens) + " " for tokens in documents)
    points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    doc_of_point = np.cumsum(points == 0)
    a, b, c = points[:-2], points[1:-1], points[2:]
    valid = (a != 0) & (b != 0) & (c != 0) & (b != 32)
    codes = ((a << np.uint64(42)) | (b << np.uint64(21)) | c)[valid]
    tri_doc = doc_of_point[:-2][valid]
    tri_codes, tri_col = np.unique(codes, return_inverse=True)
    n_words = len(word_ids)
    n_features = n_words + len(tri_codes)
    docs = np.concatenate([np.asarray(word_doc, dtype=np.int64), tri_doc.astype(np.int64)])
    cols = np.concatenate(
        [np.asarray(word_col, dtype=np.int64), tri_col.astype(np.int64) + n_words]
    )
    pairs, counts = np.unique(docs * n_features + cols, return_counts=True)
    row = (pairs // n_features).astype(np.int32)
    col = pairs % n_features
    tf = (1.0 + np.log(counts)) * np.where(col < n_words, WORD_WEIGHT, 1.0)
    df = np.bincount(col, minlength=n_features).astype(np.float64)
    idf = (np.log((1.0 + n_docs) / (1.0 + df)) + 1.0).astype(np.float32)
    weight = tf * idf[col]
    norms = np.sqrt(np.bincount(row, weights=weight * weight, minlength=n_docs))
    weight = weight / np.where(norms > 0, norms, 1.0)[row]
    order = np.argsort(col, kind="stable")
    indptr = np.zeros(n_features + 1, dtype=np.int64)
    np.cumsum(np.bincount(col, minlength=n_features), out=indptr[1:])
    vocab = word_ids
    vocab.update(zip(tri_codes.tolist(), range(n_words, n_features), strict=True))
    doc_ptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(row, minlength=n_docs), out=doc_ptr[1:])
    return TextIndex(
        vocab=vocab,
        idf=idf,
        indptr=indptr,
        doc_ids=row[order],
        weights=weight[order].astype(np.float32),
        size=n_docs,
        common=df > max(50.0, COMMON_SHARE * n_docs),
        doc_ptr=doc_ptr,
        doc_features=col.astype(np.int32),  # pairs are sorted by document, then feature
        doc_weights=weight.astype(np.float32),
    )
