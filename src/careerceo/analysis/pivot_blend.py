"""A person's pivot order: the blend of what says an occupation fits them (pure).

Three signals, each as z-scores over the occupations:
- relatedness to the occupations they held (the build-time composite of task statements,
  work activities, knowledge, titles and technology, ``analysis.related``);
- the engine's score on their own entries (skills, knowledge, résumé concepts,
  ``analysis.pivot.rank``);
- how close their own words (titles, position descriptions, résumé) are to the words of the
  occupation's *neighbourhood*: the mean match of its nearest related occupations in the same
  build-time table. One occupation's words can match a résumé by accident (a "student" or a
  "university" in the education section reads like a postsecondary teacher's tasks); a whole
  neighbourhood of occupations matching the same words cannot, so the signal follows the
  person's field rather than a stray word.

The weights are chosen by cross-validation on training résumés
(``benchmarks/bench_pivot_resumes.py --tune``), never on the evaluation set.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from careerceo.analysis.pivot import Ranking
from careerceo.analysis.related import Neighbours, Related

NEIGHBOURHOOD = 10  # related occupations whose words stand for an occupation's field


@dataclass(frozen=True)
class Blend:
    """Weights of relatedness to the held occupations, of the engine's score and of the
    neighbourhood words match (a signal missing for a person weighs 0)."""

    related: float = 0.6
    engine: float = 0.4
    text: float = 0.0


# Two-fold cross-validation on 98 training résumés (UpdatedResumeDataSet.csv, the first 4 per
# category): mean share of the top 10 in fitting groups 0.765 with the occupation's own words
# (0.4, 0.2, 0.6); 0.834 with the neighbourhood's words (0.4, 0.2, 1.0), held-back folds
# 0.829 and 0.833 (own words: 0.751 and 0.780). Checked again once held titles were weighed
# by the person's own words (``analysis.pivot_reference``), by two-fold cross-validation over
# those résumés and the 24 LiveCareer PDFs together: the folds chose (0.6, 0.4, 1.0) and
# (0.6, 0.4, 0.6), held back 0.583 / 0.600 of the PDFs' and 0.831 / 0.824 of the CSV's top 10
# in fitting groups; no setting beat these weights by more than 0.02 on both, so they stay.
BLEND = Blend(related=0.4, engine=0.2, text=1.0)

# For a person whose held titles name occupations their own words support (the reference
# point), relatedness to those occupations leads and the words follow: a floral designer whose
# summary says "customer service associate" and whose bullets count cash drawers is still a
# designer first. Chosen by two-fold cross-validation over the training résumés with such
# titles (the 24 LiveCareer PDFs and the 50 of the first 4 per category of
# UpdatedResumeDataSet.csv), with the reference half-life (``analysis.pivot_reference``), on
# the mean share of the top 10 in fitting groups less half the share of résumés below 0.5:
# the folds chose (1.0, 0.0, 1.0) and (1.0, 0.0, 0.4), held back 0.797 and 0.759; on all 74
# (1.0, 0.0, 0.4) gives 0.793 (10 below 0.5) and (1.0, 0.1, 0.4) 0.786 (11). The engine keeps
# 0.1: it is where the person's own inventory and its keep / drop / add intents move the list.
BLEND_HELD = Blend(related=1.0, engine=0.1, text=0.4)


def person_blend(has_reference: bool, *, held: bool = True) -> Blend:
    """The blend for a person: titles lead when positions they held name occupations
    (``BLEND_HELD``). A headline alone ("Operations Manager" above a résumé with no dated job
    read as one) is what the person calls themselves, not a record of work: it is a reference
    point, but the words keep leading (``BLEND``). On the training résumés (the first 4 per
    category of UpdatedResumeDataSet.csv, once the dataset layout's role line was read as the
    headline) ``BLEND`` for them gave 0.849 of the top 10 in fitting groups (10 of 98 below
    0.5) against 0.823 (13) with ``BLEND_HELD``; in two-fold cross-validation over those and
    the 24 LiveCareer PDFs the folds chose (0.8, 0.1, 1.0) and (0.2, 0.1, 0.4), held back
    0.803 and 0.816 (8 of 61 below 0.5 each); ``BLEND``, chosen before, holds 0.815 on both
    folds (7 and 8 below; ``BLEND_HELD`` 0.800 and 0.789, 9 each), so it is kept."""
    if not has_reference:
        return BLEND
    return BLEND_HELD if held else BLEND


def z_scores(values: NDArray[np.floating]) -> NDArray[np.float64]:
    """z over the finite values; -inf where a value is missing (never ranked first)."""
    finite = np.isfinite(values)
    if finite.sum() < 2:
        return np.where(finite, 0.0, -np.inf)
    mean = float(values[finite].mean())
    std = float(values[finite].std()) or 1.0
    return np.where(finite, (values - mean) / std, -np.inf)


def neighbourhood(
    values: NDArray[np.floating], nb: Neighbours, k: int = NEIGHBOURHOOD
) -> NDArray[np.float64]:
    """z-scores of each occupation's ``k`` nearest related occupations' mean value, weighted
    by how related each is (the composite z, floored at 0)."""
    idx = nb.index[:, :k]
    weight = np.clip(nb.score[:, :k].astype(np.float64), 0.0, None) + 1e-6
    v = np.asarray(values, np.float64)
    mean = (v[idx] * weight).sum(axis=1) / weight.sum(axis=1)
    return z_scores(mean)


def pivot_order(
    r: Ranking,
    rel: Related | None,
    *,
    blend: Blend | None,
    text: NDArray[np.floating] | None = None,
) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
    """The rows in pivot order (after the filters ``rank`` applied) and the score shown.

    From an occupation (``blend`` None): its related occupations by the build-time composite,
    then the rest by the engine's score (they are not related: the composite only keeps each
    occupation's nearest neighbours). For a person: the ``blend`` of relatedness to what they
    held, the engine's score on their own entries and ``text`` (the neighbourhood words
    match). The source occupations are the reference point, not pivots."""
    rows = np.asarray(r.order, np.intp)
    if blend is not None:
        engine = z_scores(r.score.astype(np.float64))
        total = blend.engine * engine
        weight = blend.engine
        if rel is not None:
            # The person's own occupations are the reference point, whatever the weights.
            rows = rows[~np.isin(rows, np.array(rel.sources, np.intp))]
            if blend.related > 0:
                total = total + blend.related * np.nan_to_num(rel.score.astype(np.float64))
                weight += blend.related
        if text is not None and blend.text > 0:
            total = total + blend.text * np.asarray(text, np.float64)
            weight += blend.text
        if rel is None and (text is None or blend.text <= 0):
            return rows, r.score.astype(np.float64)
        final = total / weight
        order = rows[np.argsort(-final[rows], kind="stable")]
        return order, final
    if rel is None:
        return rows, r.score.astype(np.float64)
    rows = rows[~np.isin(rows, np.array(rel.sources, np.intp))]
    engine = z_scores(r.score.astype(np.float64))
    related_score = np.nan_to_num(rel.score.astype(np.float64), nan=-np.inf)
    first = np.where(rel.neighbour, related_score, -np.inf)
    keys = np.lexsort((-engine[rows], -first[rows]))
    return rows[keys], related_score
