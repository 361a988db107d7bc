"""Why a pivot is related: the components that made it so and their evidence (matching task
statements, titles, shared activities, knowledge or technology, the person's own words).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from careerceo.analysis.pivot_space import OccupationSpace
from careerceo.analysis.related import (
    COMPONENT_LABELS,
    Neighbours,
    Related,
    Words,
    best_pair,
    leading_components,
    soc_relation,
)
from careerceo.services.pivot_rows import (
    PivotRow,
)
from careerceo.services.pivot_space import neighbour_table


def _words(texts: list[str]) -> list[Words]:
    from careerceo.knowledge.words import tokens

    return [(t, frozenset(tokens(t))) for t in texts]


@lru_cache(maxsize=2048)
def _task_words(code: str) -> list[Words]:
    from careerceo.knowledge import load_knowledge

    return _words(load_knowledge().task_texts(code))


@lru_cache(maxsize=2048)
def _title_words(code: str) -> list[Words]:
    from careerceo.knowledge import load_knowledge

    return _words(load_knowledge().title_texts(code))


def _shared_elements(space: OccupationSpace, a: int, b: int, kind: str, k: int = 3) -> list[str]:
    """Elements both occupations rate important (IM >= 3.5) and above the average occupation,
    the most distinctive first."""
    ix = space.index
    cols = [c for c, e in enumerate(space.element_kinds) if e == kind]
    imp = np.nan_to_num(space.importance[[a, b]][:, cols], nan=0.0)
    lift = imp.min(axis=0) - ix.mean_importance[cols]
    keep = (imp.min(axis=0) >= 3.5) & (lift > 0)
    order = np.argsort(-np.where(keep, lift, -np.inf), kind="stable")
    return [space.element_names[cols[int(c)]] for c in order[: int(keep.sum())][:k]]


def _shared_columns(matrix: Any, idf: Any, names: tuple[str, ...], a: int, b: int) -> list[str]:
    shared = np.flatnonzero((matrix[a] > 0) & (matrix[b] > 0))
    best = shared[np.argsort(-idf[shared], kind="stable")]
    return [names[int(c)] for c in best[:2]]


def _evidence_for(space: OccupationSpace, component: str, src: int, dst: int) -> str | None:
    ix = space.index
    src_code, dst_code = space.codes[src], space.codes[dst]
    if component == "tasks":
        pair = best_pair(_task_words(src_code), _task_words(dst_code), min_shared=3)
        if pair:
            return f"a task of both: “{pair[0]}” ≈ “{pair[1]}”"
    elif component in ("dwa", "iwa", "gwa"):
        shared = _shared_columns(space.dwa, ix.dwa_idf, space.dwa_titles, src, dst)
        if shared:
            return "work activities of both: " + "; ".join(shared)
    elif component == "titles":
        pair = best_pair(_title_words(src_code), _title_words(dst_code), min_shared=1)
        if pair and pair[0].casefold() == pair[1].casefold():
            return f"both are called “{pair[0]}”"
        if pair:
            return f"job titles: “{pair[0]}” ≈ “{pair[1]}”"
    elif component in ("knowledge", "skills"):
        names = _shared_elements(
            space, src, dst, "knowledge" if component == "knowledge" else "skill"
        )
        if names:
            return f"both rely on {component}: " + ", ".join(names)
    elif component == "profile":
        names = _shared_elements(space, src, dst, "knowledge", k=2)
        names += _shared_elements(space, src, dst, "skill", k=3 - len(names))
        if names:
            return "similar skill and knowledge levels, both high in: " + ", ".join(names)
    elif component == "technology":
        # Hot technologies first: a rare product two long lists share by chance says little.
        weight = ix.tech_idf + 10.0 * space.tech_hot
        shared = _shared_columns(space.tech, weight, space.tech_names, src, dst)
        if shared:
            return "technology both use: " + ", ".join(shared)
    return None


def _explain_related(space: OccupationSpace, rel: Related, rows: list[PivotRow]) -> None:
    """Fill each row's relatedness, its leading components and two or three pieces of
    evidence (matching task statements, titles, shared activities or knowledge areas)."""
    nb: Neighbours = neighbour_table()
    for row in rows:
        i = space.row_of[row.code]
        via = int(rel.via[i])
        row.related = round(float(rel.score[i]), 3)
        row.related_to = f"{space.codes[via]} {space.titles[via]}"
        if not rel.neighbour[i] or np.isnan(rel.parts[i]).all():
            row.because = [f"not among the {nb.index.shape[1]} occupations closest to it"]
            continue
        leading = leading_components(rel.parts[i], nb.components, k=3)
        row.related_by = [COMPONENT_LABELS[c] for c in leading]
        seen_activity = False
        for component in leading:
            if component in ("dwa", "iwa", "gwa"):
                if seen_activity:
                    continue
                seen_activity = True
            found = _evidence_for(space, component, via, i)
            if found:
                row.because.append(found)
        group = soc_relation(space.codes[via], space.codes[i])
        if group and len(row.because) < 3:
            row.because.append(f"both in {group}")
        row.because = row.because[:3]


WORDS_EVIDENCE_Z = 1.0  # the words match is worth quoting when clearly above the average


def _explain_words(
    space: OccupationSpace, text_z: np.ndarray, text: str, rows: list[PivotRow]
) -> None:
    """The words of the person's own text that match a row's tasks and titles most, as the
    first piece of evidence when that match is clearly above the average occupation's."""
    from careerceo.knowledge.words import surface_forms, tokens
    from careerceo.services.pivot_space import occupation_words

    words = occupation_words()
    toks = tokens(text)
    forms = surface_forms(text)
    for row in rows:
        i = space.row_of[row.code]
        row.words_match = round(float(text_z[i]), 3)
        if text_z[i] < WORDS_EVIDENCE_Z:
            continue
        shared = [forms.get(w, w) for w in words.shared(toks, i, k=4)]
        if shared:
            row.because.insert(0, "your own words match its tasks and titles: " + ", ".join(shared))
            row.because = row.because[:3]
