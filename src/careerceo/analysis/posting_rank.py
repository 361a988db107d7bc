"""Rank many stored postings against one résumé in one vectorised pass.

Each posting is a sparse vector of requirement weights (``analysis.job_gap`` weighting) kept as
CSR arrays; a résumé is the set of requirement keys it shows. A posting's score is the weighted
share of its requirements the résumé covers: one gather over the non-zeros and one
``np.add.reduceat``, so 10,000 postings take milliseconds once the index is built.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt


def _segment_sums(
    values: npt.NDArray[np.float32], indptr: npt.NDArray[np.int64]
) -> npt.NDArray[np.float32]:
    """Sum of each CSR row; a row with no entries sums to 0.

    ``reduceat`` refuses a start index equal to ``len(values)`` (postings at the end whose text
    gave no requirements) and returns ``values[i]`` for an empty row, so pad and mask.
    """
    padded = np.append(values, np.float32(0.0))
    sums = np.add.reduceat(padded, indptr[:-1]) if len(indptr) > 1 else padded[:0]
    return np.where(np.diff(indptr) == 0, 0.0, sums).astype(np.float32)


@dataclass(frozen=True)
class PostingIndex:
    ids: npt.NDArray[np.int64]
    indptr: npt.NDArray[np.int64]
    columns: npt.NDArray[np.int32]
    weights: npt.NDArray[np.float32]
    totals: npt.NDArray[np.float32]
    vocabulary: dict[str, int]

    @classmethod
    def build(cls, postings: Iterable[tuple[int, Mapping[str, float]]]) -> PostingIndex:
        vocabulary: dict[str, int] = {}
        ids: list[int] = []
        indptr = [0]
        columns: list[int] = []
        weights: list[float] = []
        for posting_id, keys in postings:
            ids.append(posting_id)
            for key, weight in keys.items():
                columns.append(vocabulary.setdefault(key, len(vocabulary)))
                weights.append(weight)
            indptr.append(len(columns))
        w = np.asarray(weights, dtype=np.float32)
        ptr = np.asarray(indptr, dtype=np.int64)
        totals = _segment_sums(w, ptr)
        return cls(
            np.asarray(ids, dtype=np.int64), ptr, np.asarray(columns, dtype=np.int32), w, totals,
            vocabulary,
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self.ids)

    def scores(self, have: Iterable[str]) -> npt.NDArray[np.float32]:
        """Coverage 0..1 of every posting by the résumé's keys."""
        mask = np.zeros(len(self.vocabulary) + 1, dtype=np.float32)
        cols = [self.vocabulary[k] for k in have if k in self.vocabulary]
        mask[cols] = 1.0
        if not len(self.weights):
            return np.zeros(len(self.ids), dtype=np.float32)
        covered = _segment_sums(self.weights * mask[self.columns], self.indptr)
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(self.totals > 0, covered / self.totals, 0.0)
        return out.astype(np.float32)

    def rank(self, have: Iterable[str], top: int = 20) -> list[tuple[int, float]]:
        scores = self.scores(have)
        top = min(top, len(scores))
        if top == 0:
            return []
        best = np.argpartition(-scores, top - 1)[:top]
        best = best[np.lexsort((self.ids[best], -scores[best]))]
        return [(int(self.ids[i]), float(scores[i])) for i in best]
