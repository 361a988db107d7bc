"""How related every occupation is to a source occupation, or to the occupations a person held.

The build (``knowledge.build.related``) stores each occupation's nearest neighbours with a
composite score (mean of standardised component similarities: task statements, work
activities, knowledge, titles, technology, the skill and knowledge profile, less a mild
job-zone prior) and each component's z-score. Here that table is
read, never recomputed: a ranking is a lookup.

For a person, each occupation they held is a source with a weight (recent and long positions
weigh more; see ``capability.position_weight``): an occupation's relatedness is the weighted
mean of its relatedness to each source, where an occupation outside a source's stored
neighbours counts at that source's last stored neighbour's score (an upper bound, so it is never
favoured), and the explanation names the source that contributes most ("via").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from careerceo.analysis.pivot_space import F32

COMPONENT_LABELS = {
    "tasks": "Task statements",
    "dwa": "Detailed work activities",
    "iwa": "Work activities (intermediate)",
    "gwa": "Work activities (general)",
    "knowledge": "Knowledge profile",
    "skills": "Skills profile",
    "titles": "Job titles",
    "technology": "Technology",
    "profile": "Skill and knowledge levels",
}
# Stored z-scores are int8 twentieths; -128 marks a pair without data for a component.
Z_SCALE = 20.0
MISSING = -128


@dataclass(frozen=True)
class Neighbours:
    """The build-time table: ``index`` (N, K) rows best first, ``score`` (N, K) composite z,
    ``parts`` (N, K, C) component z (NaN: no data), ``components`` the C names."""

    index: NDArray[np.intp]
    score: F32
    parts: F32
    components: tuple[str, ...]

    @classmethod
    def from_arrays(
        cls, arrays: dict[str, NDArray[np.generic]], components: tuple[str, ...]
    ) -> Neighbours:
        raw = arrays["related_parts"].astype(np.int16)
        parts = np.where(raw == MISSING, np.nan, raw / Z_SCALE).astype(np.float32)
        return cls(
            index=arrays["related_index"].astype(np.intp),
            score=(arrays["related_score"].astype(np.float32) / 1000.0).astype(np.float32),
            parts=parts,
            components=components,
        )

    @property
    def n(self) -> int:
        return int(self.index.shape[0])


@dataclass(frozen=True)
class Related:
    """Relatedness of every occupation (N,) to the sources, with the explanation's parts."""

    score: F32  # composite z; NaN for the sources themselves
    parts: F32  # (N, C) component z from the ``via`` source; NaN outside its neighbours
    via: NDArray[np.intp]  # (N,) the source row that contributes most
    neighbour: NDArray[np.bool_]  # (N,) among some source's stored neighbours
    sources: tuple[int, ...]


def related(nb: Neighbours, sources: list[tuple[int, float]]) -> Related:
    """Weighted relatedness to several source rows (weights > 0; a single source: weight 1)."""
    n = nb.n
    c = len(nb.components)
    rows = [r for r, w in sources if w > 0]
    weights = np.array([w for _, w in sources if w > 0], np.float32)
    if not rows:
        raise ValueError("related() needs at least one source with a positive weight")
    values = np.empty((len(rows), n), np.float32)
    parts = np.full((len(rows), n, c), np.nan, np.float32)
    hit = np.zeros(n, bool)
    for s, row in enumerate(rows):
        idx = nb.index[row]
        values[s] = nb.score[row, -1]
        values[s, idx] = nb.score[row]
        parts[s, idx] = nb.parts[row]
        hit[idx] = True
    weights = weights / weights.sum()
    score = (weights[:, None] * values).sum(axis=0).astype(np.float32)
    pick = np.argmax(weights[:, None] * values, axis=0)
    out_parts = parts[pick, np.arange(n)]
    score[rows] = np.nan
    return Related(
        score=score,
        parts=out_parts.astype(np.float32),
        via=np.array(rows, np.intp)[pick],
        neighbour=hit,
        sources=tuple(dict.fromkeys(rows)),
    )


def leading_components(parts_row: F32, components: tuple[str, ...], k: int = 2) -> list[str]:
    """The components that made a pair related, strongest first (z above 1: clearly above the
    typical occupation pair); the single strongest when none is."""
    order = [int(i) for i in np.argsort(-np.nan_to_num(parts_row, nan=-99.0), kind="stable")]
    strong = [components[i] for i in order if parts_row[i] >= 1.0][:k]
    if strong:
        return strong
    return [components[order[0]]] if order and not np.isnan(parts_row[order[0]]) else []


Words = tuple[str, frozenset[str]]  # a statement or title and its content words


def best_pair(
    source: list[Words], target: list[Words], *, min_shared: int = 2
) -> tuple[str, str] | None:
    """The target statement closest to any source statement (cosine of their word sets),
    with that source statement: the evidence that two occupations do or are called alike.
    None when no pair shares ``min_shared`` words; ties keep the earlier (core) statements."""
    best: tuple[float, str, str] | None = None
    for t_text, t_words in target:
        if not t_words:
            continue
        for s_text, s_words in source:
            shared = len(t_words & s_words)
            if shared < min_shared:
                continue
            score = shared / float(np.sqrt(len(t_words) * len(s_words)))
            if best is None or score > best[0]:
                best = (score, t_text, s_text)
    return None if best is None else (best[1], best[2])


def soc_relation(a: str, b: str) -> str | None:
    """The SOC group two O*NET-SOC codes share, as the build's SOC prior counts it (the same
    SOC occupation or broad group, never an "All Other" residual one), or None."""
    if a[:7] == b[:7] and not a[:7].endswith("9"):
        return f"the same SOC occupation ({a[:7]})"
    if a[:6] == b[:6] and not a[:6].endswith("9"):
        return f"the same SOC broad group ({a[:6]}0)"
    return None
