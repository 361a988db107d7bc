"""Pivot ranking: every occupation scored against one capability profile, in one vectorised pass.

Signals (each in 0..1, each kept so the ranking can show where a score comes from):

- ``skills`` / ``knowledge``: cosine similarity of *centred* demand profiles. An occupation's
  demand for an element is importance (rescaled to 0..1) x level (0..7), O*NET's usual
  composite; the person's is their core weight x level. Both are centred on the mean occupation
  so that what every job asks for (reading, speaking, listening) does not make everything look
  alike, and the person's unknown elements sit at the mean, i.e. say nothing. Negative
  similarity is clipped to 0. When the person has rated fewer than 80 % of the elements (an
  inventory rather than a job history), centring on the mean would invent a pattern for the
  unknown majority, so ``sparse_similarity`` is used instead: level agreement on the elements
  they did enter, times the share of the occupation's demand that lies on them.
- ``readiness``: importance-weighted level coverage, Σ w·min(you, job) / Σ w·job: how much of
  what the target asks for you already meet (unknown elements are assumed at the 25th
  percentile of all occupations, a level nearly every worker has). Its weight is scaled by the
  share of elements the person actually rated, since the rest is assumption.
- ``activities``: detailed work activities (DWAs, the shared vocabulary behind O*NET task
  statements) half, and their parent intermediate work activities (IWAs) half, because two
  jobs seldom share an exact DWA but often share the activity it refines. These, and
  ``technology`` and ``esco`` (ESCO skills linked to the occupation), are IDF-weighted cosines
  between the person's weights and the occupation's incidence, so a rare shared activity
  counts more than "use spreadsheets".
- ``interests``: Pearson correlation of RIASEC profiles, clipped to 0..1, when known.

``score = Σ_k W_k·s_k / Σ_k W_k`` over the signals the person has (an occupation without data
for one counts at that signal's median over all occupations), minus a job-zone
penalty (0.05 per zone up, 0.03 per zone more than one down: stepping up needs preparation,
stepping far down wastes what you have), minus a drop penalty and plus an add bonus:
``0.25 x mean lean`` on the elements, technologies and ESCO skills the person wants to drop,
``0.15 x mean lean`` on those they want to add, where *lean* is how much the occupation relies
on the item (its demand over the largest demand any occupation has for it, for elements;
incidence or ESCO share for the others).

Weights are fixed from what each signal measures, not fitted to any list of moves: the
content-model profiles (skills 0.20, knowledge 0.15, readiness 0.10) and the activity profile
(0.20) describe the work itself; technology (0.10) and ESCO skills (0.15) are finer-grained but
noisier; interests (0.10) say whether the person is likely to enjoy it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from careerceo.analysis.capability import CapabilityProfile
from careerceo.analysis.pivot_kinds import KIND_ALIASES
from careerceo.analysis.pivot_kinds import KIND_LABELS as KIND_LABELS  # re-exported
from careerceo.analysis.pivot_kinds import KINDS as KINDS  # re-exported
from careerceo.analysis.pivot_space import F32, OccupationSpace, PivotIndex, Rows

WEIGHTS: dict[str, float] = {
    "skills": 0.20,
    "knowledge": 0.15,
    "readiness": 0.10,
    "activities": 0.20,
    "technology": 0.10,
    "esco": 0.15,
    "interests": 0.10,
}
SIGNALS = tuple(WEIGHTS)
SIGNAL_LABELS = {
    "skills": "Skills profile",
    "knowledge": "Knowledge profile",
    "readiness": "Levels you already meet",
    "activities": "Work activities",
    "technology": "Technology",
    "esco": "ESCO skills",
    "interests": "Interests (RIASEC)",
}
DENSE_PROFILE_SHARE = 0.8
ACTIVITY_DWA_SHARE = 0.5
ZONE_UP_PENALTY = 0.05
ZONE_DOWN_PENALTY = 0.03
DROP_PENALTY = 0.25
ADD_BONUS = 0.15
# A gap worth naming: importance weight x levels short >= this (about half a level point on an
# important element). An element with such a gap is a gap, not something that transfers.
GAP_THRESHOLD = 0.25

# Classification thresholds (readiness is the share of the target's demand you meet; core share
# is the share of your ten strongest elements the target rates important, IM ≥ 3).
ADJACENT_READINESS = 0.85
ADJACENT_CORE_SHARE = 0.6
PARTIAL_READINESS = 0.65
PARTIAL_CORE_SHARE = 0.4
CORE_SIZE = 10
CORE_IMPORTANCE_WEIGHT = 0.5  # (IM - 1) / 4 ≥ 0.5  ⇔  IM ≥ 3


@dataclass(frozen=True)
class PivotFilters:
    zone_min: int | None = None
    zone_max: int | None = None
    families: tuple[str, ...] = ()  # SOC major groups, e.g. ("15", "17")
    hot_tech: bool = False  # only occupations that use hot technologies the person lacks or has
    kinds: tuple[str, ...] = ()
    exclude_current: bool = False


@dataclass
class Ranking:
    """Scores for every occupation (aligned with ``space.codes``), plus the order."""

    order: NDArray[np.intp]  # rows, best first, after filters
    score: F32  # (N,)
    signals: dict[str, F32]  # each (N,), 0..1, NaN where unavailable
    contributions: dict[str, F32]  # each (N,): weight share x signal
    zone_penalty: F32
    intent_adjustment: F32
    readiness: F32
    core_share: F32
    kind: NDArray[np.str_]
    top_transfer: NDArray[np.intp]  # (N, k) element columns, best first
    top_gaps: NDArray[np.intp]  # (N, k)
    gap_size: F32  # (N, E) importance x deficit
    met: F32  # (N, E) w · min(you, job)
    person_zone: float | None
    available: tuple[str, ...] = field(default_factory=tuple)
    # The weights actually used, so that an explanation shows next to each contribution the
    # weight that produced it: readiness is scaled down on a sparse profile, and each
    # occupation's score is a mean over the signals available for it (``weight_total``).
    weights: dict[str, float] = field(default_factory=dict)
    weight_total: F32 = field(default_factory=lambda: np.zeros(0, np.float32))


def _cosine_rows(unit_rows: F32, vec: F32) -> F32:
    norm = float(np.linalg.norm(vec))
    if norm == 0.0:
        return np.zeros(unit_rows.shape[0], np.float32)
    out: F32 = (unit_rows @ (vec / norm)).astype(np.float32)
    return out


def _cosine_sparse(unit_t: F32 | Rows, vec: F32) -> F32:
    """Cosine of ``vec`` with every occupation, touching only the person's non-zero columns."""
    nz = np.flatnonzero(vec)
    norm = float(np.linalg.norm(vec[nz]))
    if norm == 0.0:
        return np.zeros(unit_t.shape[1], np.float32)
    out: F32 = ((vec[nz] / norm).astype(np.float32) @ unit_t[nz]).astype(np.float32)
    return out


def _top_k(matrix: F32, k: int) -> NDArray[np.intp]:
    """Column indices of the k largest values per row, best first (argpartition, then sort)."""
    k = min(k, matrix.shape[1])
    if k == 0:
        return np.zeros((matrix.shape[0], 0), np.intp)
    part = np.argpartition(-matrix, k - 1, axis=1)[:, :k]
    vals = np.take_along_axis(matrix, part, axis=1)
    order = np.argsort(-vals, axis=1, kind="stable")
    out: NDArray[np.intp] = np.take_along_axis(part, order, axis=1)
    return out


def person_demand(ix: PivotIndex, profile: CapabilityProfile) -> F32:
    """The person's vector on the demand scale; unknown elements sit at the occupation mean."""
    demand = np.where(profile.known, profile.core * profile.level, ix.mean_demand)
    out: F32 = demand.astype(np.float32)
    return out


def effective_level(ix: PivotIndex, profile: CapabilityProfile) -> F32:
    """Levels used for coverage and gaps: unknown elements at the baseline most workers have."""
    out: F32 = np.where(profile.known, profile.level, ix.baseline_level).astype(np.float32)
    return out


def sparse_similarity(demand: F32, person: F32, known: NDArray[np.bool_]) -> F32:
    """Similarity for a profile that rates only some elements (an inventory, not a history).

    ``closeness``: weighted Jaccard Σ min / Σ max between the person's and each occupation's
    demand on the elements the person rated (how well the levels agree there);
    ``focus``: the share of the occupation's total demand that lies on those elements (how much
    of the job is about them). The geometric mean needs both: a job that matches your levels
    on what you listed but is mostly about other things scores low, and so does one that is
    about your elements at very different levels. Unknown elements are never guessed.
    """
    b = demand[:, known]
    x = person[known]
    lo = np.minimum(b, x).sum(axis=1)
    hi = np.maximum(b, x).sum(axis=1)
    closeness = np.divide(lo, hi, out=np.zeros_like(lo), where=hi > 0)
    total = demand.sum(axis=1)
    focus = np.divide(b.sum(axis=1), total, out=np.zeros_like(lo), where=total > 0)
    out: F32 = np.sqrt(np.clip(closeness * focus, 0.0, 1.0)).astype(np.float32)
    return out


def known_share(profile: CapabilityProfile) -> float:
    return float(profile.known.mean()) if profile.known.size else 0.0


def signal_matrix(space: OccupationSpace, profile: CapabilityProfile) -> dict[str, F32]:
    """Each signal for every occupation; NaN where one side has nothing to compare."""
    ix = space.index
    n = space.n
    nan = np.full(n, np.nan, np.float32)
    out: dict[str, F32] = {}
    dev = person_demand(ix, profile) - ix.mean_demand
    sparse = known_share(profile) < DENSE_PROFILE_SHARE
    plain = np.where(profile.known, profile.core * profile.level, 0.0).astype(np.float32)
    for name, cols, unit in (
        ("skills", ix.skill_cols, ix.dev_unit_skill),
        ("knowledge", ix.knowledge_cols, ix.dev_unit_knowledge),
    ):
        if not profile.known[cols].any():
            out[name] = nan.copy()
            continue
        if sparse:
            sim = sparse_similarity(ix.demand[:, cols], plain[cols], profile.known[cols])
        else:
            sim = _cosine_rows(unit, dev[cols].astype(np.float32))
        sim = np.clip(sim, 0.0, 1.0)
        out[name] = np.where(ix.rated, sim, np.nan).astype(np.float32)
    if profile.known.any():
        lv = effective_level(ix, profile)
        level = np.nan_to_num(space.level, nan=0.0)
        met = (ix.weight * np.minimum(lv, level)).sum(axis=1)
        need = ix.demand.sum(axis=1)
        ready = np.divide(met, need, out=np.zeros(n, np.float32), where=need > 0)
        out["readiness"] = np.where(ix.rated, ready, np.nan).astype(np.float32)
    else:
        out["readiness"] = nan.copy()
    if profile.dwa.size and profile.dwa.any():
        iwa = np.zeros(ix.iwa_idf.shape[0], np.float32)
        np.maximum.at(iwa, ix.iwa_of_dwa, profile.dwa)
        fine = _cosine_sparse(ix.dwa_unit_t, (profile.dwa * ix.dwa_idf).astype(np.float32))
        coarse = _cosine_sparse(ix.iwa_unit_t, (iwa * ix.iwa_idf).astype(np.float32))
        sim = (ACTIVITY_DWA_SHARE * fine + (1.0 - ACTIVITY_DWA_SHARE) * coarse).astype(np.float32)
        out["activities"] = np.where(ix.has_dwa, sim, np.nan).astype(np.float32)
    else:
        out["activities"] = nan.copy()
    for name, vec, idf, unit_t, has in (
        ("technology", profile.tech, ix.tech_idf, ix.tech_unit_t, ix.has_tech),
        ("esco", profile.esco, ix.esco_idf, ix.esco_unit_t, ix.has_esco),
    ):
        if vec.size and vec.any():
            sim = _cosine_sparse(unit_t, (vec * idf).astype(np.float32))
            out[name] = np.where(has, sim, np.nan).astype(np.float32)
        else:
            out[name] = nan.copy()
    if profile.interests is not None:
        p = profile.interests - profile.interests.mean()
        norm = float(np.linalg.norm(p))
        if norm > 0:
            corr = np.clip(ix.interest_centred @ (p / norm), 0.0, 1.0)
            out["interests"] = np.where(ix.has_interests, corr, np.nan).astype(np.float32)
        else:
            out["interests"] = nan.copy()
    else:
        out["interests"] = nan.copy()
    return out


def combine(signals: dict[str, F32], weights: dict[str, float]) -> tuple[F32, dict[str, F32]]:
    """Weighted mean over the signals available for each occupation, with each share kept."""
    stack = np.stack([signals[k] for k in SIGNALS])  # (K, N)
    w = np.array([weights.get(k, 0.0) for k in SIGNALS], np.float32)[:, None]
    avail = ~np.isnan(stack)
    total_w = (w * avail).sum(axis=0)
    safe = np.where(total_w > 0, total_w, 1.0)
    parts = np.where(avail, w * np.nan_to_num(stack) / safe, 0.0).astype(np.float32)
    score = parts.sum(axis=0).astype(np.float32)
    score[total_w == 0] = 0.0
    return score, {k: parts[i] for i, k in enumerate(SIGNALS)}


def fill_missing(signals: dict[str, F32]) -> dict[str, F32]:
    """Occupation-side gaps in the data count as typical, not as absent.

    When the person has a signal but an occupation has no data for it (O*NET lists no tasks or
    technologies for the "All Other" catch-alls), the occupation gets the median of that signal
    over all occupations. Dropping the signal instead would let a catch-all with no activity
    data outrank real occupations whose activities were compared and found different.
    """
    out: dict[str, F32] = {}
    for name, values in signals.items():
        missing = np.isnan(values)
        if missing.all() or not missing.any():
            out[name] = values
            continue
        median = np.float32(np.median(values[~missing]))
        out[name] = np.where(missing, median, values).astype(np.float32)
    return out


def zone_penalty(space: OccupationSpace, person_zone: float | None) -> F32:
    n = space.n
    if person_zone is None:
        return np.zeros(n, np.float32)
    zone = np.nan_to_num(space.job_zone, nan=person_zone)
    up = np.maximum(zone - person_zone, 0.0)
    down = np.maximum(person_zone - zone - 1.0, 0.0)
    out: F32 = (ZONE_UP_PENALTY * up + ZONE_DOWN_PENALTY * down).astype(np.float32)
    return out


def lean_matrix(space: OccupationSpace) -> F32:
    """How much each occupation relies on each element, relative to the occupation that relies
    on it most: demand / max demand over occupations (0..1)."""
    ix = space.index
    top = ix.demand.max(axis=0)
    out: F32 = np.divide(ix.demand, top, out=np.zeros_like(ix.demand), where=top > 0).astype(
        np.float32
    )
    return out


def intent_adjustment(space: OccupationSpace, profile: CapabilityProfile) -> F32:
    """Penalty for leaning on what the person wants to drop, bonus for using what they want
    to add (see module docstring)."""
    n = space.n
    total = np.zeros(n, np.float32)
    leans: list[tuple[F32, NDArray[np.int8]]] = [
        (lean_matrix(space), profile.intent_element),
        (space.tech, profile.intent_tech),
    ]
    if space.esco_ids:
        leans.append((space.esco, profile.intent_esco))
    for sign, factor in ((-1, -DROP_PENALTY), (1, ADD_BONUS)):
        parts = [lean[:, intent == sign] for lean, intent in leans if (intent == sign).any()]
        if not parts:
            continue
        mean = np.concatenate(parts, axis=1).mean(axis=1)
        total += (factor * mean).astype(np.float32)
    return total


def core_share(space: OccupationSpace, profile: CapabilityProfile) -> F32:
    """Share of the person's core that each occupation rates important (IM >= 3).

    The core is the person's ten most *distinctive* elements: those where their demand stands
    furthest above the average occupation's. Plain strength would pick reading, speaking and
    listening for nearly everyone, and every job rates those important.
    """
    ix = space.index
    strength = np.where(profile.known, profile.core * profile.level - ix.mean_demand, 0.0)
    k = min(CORE_SIZE, int((strength > 0).sum()))
    if k == 0:
        return np.zeros(space.n, np.float32)
    core = np.argsort(-strength, kind="stable")[:k]
    out: F32 = (ix.weight[:, core] >= CORE_IMPORTANCE_WEIGHT).mean(axis=1).astype(np.float32)
    return out


def classify(
    space: OccupationSpace,
    profile: CapabilityProfile,
    readiness: F32,
    share: F32,
) -> NDArray[np.str_]:
    """same / adjacent / partial / long_shot, by the documented thresholds.

    *Same*: the target is one of the person's own occupations (same 6-digit SOC code), so the
    move is the same work in another industry. *Adjacent*: no step up in job zone, the target
    uses most of the person's core (60 % of their ten strongest elements) and they already meet
    most of its demand (85 %) (labelled "Close fit"). *Partial*: at most one job zone up, still
    using a good part of the core (40 %) with two-thirds of the demand met ("Partial fit").
    Everything else is a long shot, including moves down into work that does not use the
    person's core: those are not pivots "related to your core professional identity". The
    direction (step up / same level / step down) is a separate word of the label
    (``kind_label``), so a partial fit two zones down is never called a stretch.
    """
    n = space.n
    kind = np.full(n, "long_shot", dtype="<U9")
    zone = np.nan_to_num(space.job_zone, nan=0.0)
    pz = profile.job_zone if profile.job_zone is not None else float(np.nanmedian(space.job_zone))
    step = zone - pz
    ready = np.nan_to_num(readiness, nan=0.0)
    partial = (ready >= PARTIAL_READINESS) & (step <= 1.0 + 1e-6) & (share >= PARTIAL_CORE_SHARE)
    kind[partial] = "partial"
    adjacent = (ready >= ADJACENT_READINESS) & (share >= ADJACENT_CORE_SHARE) & (step <= 0.5)
    kind[adjacent] = "adjacent"
    own = {code[:7] for code, _ in profile.occupations}
    if own:
        same = np.array([code[:7] in own for code in space.codes])
        kind[same] = "same"
    return kind


def apply_filters(
    space: OccupationSpace,
    profile: CapabilityProfile,
    kind: NDArray[np.str_],
    filters: PivotFilters,
) -> NDArray[np.bool_]:
    keep = np.ones(space.n, bool)
    zone = space.job_zone
    if filters.zone_min is not None:
        keep &= np.nan_to_num(zone, nan=0.0) >= filters.zone_min
    if filters.zone_max is not None:
        keep &= np.nan_to_num(zone, nan=99.0) <= filters.zone_max
    if filters.families:
        fam = np.array([code[:2] for code in space.codes])
        keep &= np.isin(fam, list(filters.families))
    if filters.hot_tech:
        keep &= space.index.has_hot_tech
    if filters.kinds:
        keep &= np.isin(kind, [KIND_ALIASES.get(k, k) for k in filters.kinds])
    if filters.exclude_current and profile.occupations:
        own = {code for code, _ in profile.occupations}
        keep &= np.array([code not in own for code in space.codes])
    return keep


def rank(
    space: OccupationSpace,
    profile: CapabilityProfile,
    *,
    filters: PivotFilters | None = None,
    weights: dict[str, float] | None = None,
    explain_k: int = 3,
) -> Ranking:
    """Score, classify and explain every occupation; ``order`` lists those passing filters."""
    ix = space.index
    filters = filters or PivotFilters()
    sig = signal_matrix(space, profile)
    used = dict(weights or WEIGHTS)
    # Readiness on a sparse profile is mostly the baseline assumed for what was not entered,
    # so it counts in proportion to how much of the profile is actually known.
    used["readiness"] = used.get("readiness", 0.0) * known_share(profile)
    filled = fill_missing(sig)
    base, parts = combine(filled, used)
    weight_total: F32 = np.zeros(space.n, np.float32)
    for k in SIGNALS:
        weight_total += np.float32(used.get(k, 0.0)) * ~np.isnan(filled[k])
    zp = zone_penalty(space, profile.job_zone)
    adj = intent_adjustment(space, profile)
    score = (base - zp + adj).astype(np.float32)
    has_any = ~np.isnan(np.stack(list(sig.values()))).all(axis=0)
    score[~has_any] = -np.inf
    readiness = sig["readiness"]
    share = core_share(space, profile)
    kind = classify(space, profile, readiness, share)
    keep = apply_filters(space, profile, kind, filters) & has_any
    rows = np.flatnonzero(keep)
    order = rows[np.argsort(-score[rows], kind="stable")]

    # Explanations for every occupation at once: elements where the person meets most of what
    # the job asks without a material gap (transfer), and importance x deficit (gaps).
    lv = effective_level(ix, profile)
    level = np.nan_to_num(space.level, nan=0.0)
    met = (ix.weight * np.minimum(lv, level) * profile.known).astype(np.float32)
    gap = (ix.weight * np.maximum(level - lv, 0.0)).astype(np.float32)
    top_transfer = _top_k(np.where(gap < GAP_THRESHOLD, met, 0.0).astype(np.float32), explain_k)
    top_gaps = _top_k(gap, explain_k)
    available = tuple(name for name in SIGNALS if not np.isnan(sig[name]).all())
    return Ranking(
        order=order,
        score=score,
        signals=sig,
        contributions=parts,
        zone_penalty=zp,
        intent_adjustment=adj,
        readiness=readiness,
        core_share=share,
        kind=kind,
        top_transfer=top_transfer,
        top_gaps=top_gaps,
        gap_size=gap,
        met=met,
        person_zone=profile.job_zone,
        available=available,
        weights=used,
        weight_total=weight_total,
    )
