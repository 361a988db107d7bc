"""The occupation space the pivot maths works on: plain numpy arrays with explicit shapes.

The pivot engine never reads files or the knowledge base itself; a service builds one
``OccupationSpace`` from whatever the knowledge base ships, and everything in
``analysis.pivot*`` and ``analysis.capability`` is a pure function of it. This is what lets the
maths be unit-tested on a hand-built 4x3 space and benchmarked without a database.

Shapes (N occupations, E skill/knowledge elements, D detailed work activities, T technologies,
S ESCO skills, R = 6 RIASEC interests):

- ``importance`` (N, E) O*NET importance 1..5, ``level`` (N, E) O*NET level 0..7 (NaN where the
  occupation is not rated; ``rated`` (N,) says which rows have ratings);
- ``dwa`` (N, D), ``tech`` (N, T), ``esco`` (N, S): 0/1 incidence;
- ``tech_hot`` (T,) O*NET "Hot Technology" flag; ``job_zone`` (N,) 1..5 or NaN;
- ``interests`` (N, 6) RIASEC occupational-interest scores 1..7 or NaN.

``PivotIndex`` holds what is derived once per space (normalised rows, IDF weights, element
means) so that ranking a person is a handful of matrix-vector products.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

F32 = NDArray[np.float32]
F64 = NDArray[np.float64]
BoolA = NDArray[np.bool_]

RIASEC = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")


class Rows(Protocol):
    """A matrix the engine only ever reads whole rows of (``m[rows]``): an array, or rows read
    from a file on demand, so a process never holds the 10,816 ESCO x 1,016 matrix to use the
    few hundred rows a person's profile names."""

    @property
    def shape(self) -> tuple[int, ...]: ...

    def __getitem__(self, rows: NDArray[np.intp]) -> F32: ...


@dataclass(frozen=True)
class Ete:
    """Typical education, training and experience of an occupation (O*NET category shares)."""

    education: tuple[tuple[str, float], ...] = ()
    experience: tuple[tuple[str, float], ...] = ()
    on_the_job: tuple[tuple[str, float], ...] = ()
    on_site: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, eq=False)
class OccupationSpace:
    """Everything the pivot engine knows about occupations, as aligned arrays."""

    codes: tuple[str, ...]
    titles: tuple[str, ...]
    element_ids: tuple[str, ...]
    element_names: tuple[str, ...]
    element_kinds: tuple[str, ...]  # "skill" | "knowledge"
    importance: F32
    level: F32
    dwa_ids: tuple[str, ...]
    dwa_titles: tuple[str, ...]
    dwa: F32
    tech_names: tuple[str, ...]
    tech: F32
    tech_hot: BoolA
    job_zone: F32
    interests: F32
    esco_ids: tuple[str, ...] = ()
    esco_labels: tuple[str, ...] = ()
    esco: F32 = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    ete: Mapping[str, Ete] = field(default_factory=dict)
    onet_version: str = "O*NET 29.0"
    esco_version: str = "ESCO 1.1.1"

    def __post_init__(self) -> None:
        n, e = len(self.codes), len(self.element_ids)
        checks = {
            "titles": (len(self.titles), n),
            "importance": (self.importance.shape, (n, e)),
            "level": (self.level.shape, (n, e)),
            "dwa": (self.dwa.shape, (n, len(self.dwa_ids))),
            "tech": (self.tech.shape, (n, len(self.tech_names))),
            "tech_hot": (self.tech_hot.shape, (len(self.tech_names),)),
            "job_zone": (self.job_zone.shape, (n,)),
            "interests": (self.interests.shape, (n, 6)),
        }
        if self.esco_ids:
            checks["esco"] = (self.esco.shape, (n, len(self.esco_ids)))
        for name, (got, want) in checks.items():
            if got != want:
                raise ValueError(f"OccupationSpace.{name} has shape {got}, expected {want}")

    @property
    def n(self) -> int:
        return len(self.codes)

    @cached_property
    def row_of(self) -> dict[str, int]:
        return {code: i for i, code in enumerate(self.codes)}

    @cached_property
    def element_row(self) -> dict[str, int]:
        return {eid: i for i, eid in enumerate(self.element_ids)}

    @cached_property
    def tech_row(self) -> dict[str, int]:
        return {name.casefold(): i for i, name in enumerate(self.tech_names)}

    @cached_property
    def esco_row(self) -> dict[str, int]:
        return {sid: i for i, sid in enumerate(self.esco_ids)}

    def concept_column(self, taxonomy: str, concept_id: str) -> int | None:
        """Where a concept lives in its own matrix ("onet" elements, "tech" products by name,
        "esco" skills), or None when the space does not hold it."""
        if taxonomy == "onet":
            return self.element_row.get(concept_id)
        if taxonomy == "tech":
            return self.tech_row.get(concept_id.casefold())
        if taxonomy == "esco":
            return self.esco_row.get(concept_id)
        return None

    @cached_property
    def element_rows_by_name(self) -> dict[str, list[int]]:
        """Element columns by case-folded name ("mathematics": the skill and the knowledge)."""
        out: dict[str, list[int]] = {}
        for col, name in enumerate(self.element_names):
            out.setdefault(name.casefold(), []).append(col)
        return out

    @cached_property
    def esco_row_by_label(self) -> dict[str, int]:
        """ESCO skill columns by case-folded preferred label (the first column for a label)."""
        out: dict[str, int] = {}
        for col, label in enumerate(self.esco_labels):
            out.setdefault(label.casefold(), col)
        return out

    @cached_property
    def dwa_row(self) -> dict[str, int]:
        return {did: i for i, did in enumerate(self.dwa_ids)}

    @cached_property
    def index(self) -> PivotIndex:
        return PivotIndex.build(self)


def _idf(incidence: F32) -> F32:
    """Smoothed inverse document frequency: a DWA shared by half of all occupations says little
    about relatedness, one shared by three says a lot."""
    n = max(incidence.shape[0], 1)
    df = (incidence > 0).sum(axis=0).astype(np.float32)
    out: F32 = np.log((1.0 + n) / (1.0 + df)).astype(np.float32) + np.float32(1.0)
    return out


def _unit_rows(matrix: F32) -> F32:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    out: F32 = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    return out


def _unit_rows_t(incidence: F32, idf: F32) -> F32:
    """IDF-weighted, unit-length rows, returned transposed and contiguous (columns x N)."""
    out: F32 = np.ascontiguousarray(_unit_rows((incidence * idf).astype(np.float32)).T)
    return out


def _hot_tech_heavy(space: OccupationSpace) -> BoolA:
    """Occupations listing at least as many O*NET hot technologies as the median occupation
    that lists any technology. "At least one" would keep nine in ten occupations (nearly all
    list e-mail or spreadsheet software), which filters nothing."""
    count = (space.tech[:, space.tech_hot] > 0).sum(axis=1)
    listed = space.tech.sum(axis=1) > 0
    if not listed.any():
        return np.zeros(space.n, bool)
    threshold = max(1.0, float(np.median(count[listed])))
    out: BoolA = np.asarray(count >= threshold)
    return out


@dataclass(frozen=True, eq=False)
class PivotIndex:
    """Derived once per space. ``weight`` is importance rescaled to 0..1 ((IM-1)/4), and
    ``demand`` = weight x level is O*NET's usual importance-by-level composite: what the job
    asks for, and how much."""

    weight: F32  # (N, E)
    demand: F32  # (N, E)
    rated: BoolA  # (N,)
    skill_cols: NDArray[np.intp]
    knowledge_cols: NDArray[np.intp]
    mean_demand: F32  # (E,) across rated occupations
    mean_importance: F32  # (E,) O*NET importance 1..5 across rated occupations
    dev_unit_skill: F32  # (N, |skills|) centred demand, unit rows
    dev_unit_knowledge: F32  # (N, |knowledge|)
    baseline_level: F32  # (E,) 25th-percentile level: what almost any worker has
    dwa_idf: F32  # (D,)
    dwa_unit_t: F32  # (D, N): IDF-weighted unit rows, stored transposed so that a person's
    tech_idf: F32  # few non-zero columns are contiguous rows (a sparse dot product without
    tech_unit_t: F32 | Rows  # (T, N)  scipy)
    esco_idf: F32
    esco_unit_t: F32 | Rows  # (S, N)
    iwa_of_dwa: NDArray[np.intp]  # (D,) column of each DWA's intermediate work activity
    iwa_idf: F32  # (I,)
    iwa_unit_t: F32  # (I, N)
    interest_centred: F32  # (N, 6) row-centred, unit length; NaN rows → 0
    has_interests: BoolA  # (N,)
    has_dwa: BoolA
    has_tech: BoolA
    has_esco: BoolA
    has_hot_tech: BoolA  # (N,) hot-technology heavy: see ``_hot_tech_heavy``

    @staticmethod
    def build(space: OccupationSpace) -> PivotIndex:
        rated: BoolA = np.asarray(~np.isnan(space.level).all(axis=1))
        weight = np.clip((np.nan_to_num(space.importance, nan=1.0) - 1.0) / 4.0, 0.0, 1.0)
        level = np.nan_to_num(space.level, nan=0.0)
        demand = (weight * level).astype(np.float32)
        kinds = np.array(space.element_kinds)
        skill_cols = np.flatnonzero(kinds == "skill")
        knowledge_cols = np.flatnonzero(kinds == "knowledge")
        importance = np.nan_to_num(space.importance, nan=0.0)
        if rated.any():
            mean_demand = demand[rated].mean(axis=0).astype(np.float32)
            mean_importance = importance[rated].mean(axis=0).astype(np.float32)
            baseline = np.percentile(level[rated], 25, axis=0).astype(np.float32)
        else:
            mean_demand = np.zeros(demand.shape[1], np.float32)
            mean_importance = np.zeros(demand.shape[1], np.float32)
            baseline = np.zeros(demand.shape[1], np.float32)
        dev = demand - mean_demand
        dev[~rated] = 0.0
        interests = np.nan_to_num(space.interests, nan=0.0)
        has_interests: BoolA = np.asarray(~np.isnan(space.interests).any(axis=1))
        centred = interests - interests.mean(axis=1, keepdims=True)
        centred[~has_interests] = 0.0
        dwa_idf = _idf(space.dwa)
        tech_idf = _idf(space.tech)
        esco = space.esco if space.esco_ids else np.zeros((space.n, 0), np.float32)
        esco_idf = _idf(esco)
        # O*NET's activity hierarchy: a DWA id extends its IWA id ("4.A.2.a.4.I09.D03" belongs
        # to "4.A.2.a.4.I09"). Two jobs rarely share the exact DWA but often share the IWA.
        iwa_ids = sorted({d.rsplit(".", 1)[0] for d in space.dwa_ids})
        iwa_col = {iwa: i for i, iwa in enumerate(iwa_ids)}
        iwa_of_dwa = np.array([iwa_col[d.rsplit(".", 1)[0]] for d in space.dwa_ids], np.intp)
        iwa = np.zeros((space.n, len(iwa_ids)), np.float32)
        if len(iwa_ids):
            np.maximum.at(iwa.T, iwa_of_dwa, space.dwa.T)
        iwa_idf = _idf(iwa)
        return PivotIndex(
            weight=weight.astype(np.float32),
            demand=demand,
            rated=rated,
            skill_cols=skill_cols,
            knowledge_cols=knowledge_cols,
            mean_demand=mean_demand,
            mean_importance=mean_importance,
            dev_unit_skill=_unit_rows(dev[:, skill_cols]),
            dev_unit_knowledge=_unit_rows(dev[:, knowledge_cols]),
            baseline_level=baseline,
            dwa_idf=dwa_idf,
            dwa_unit_t=_unit_rows_t(space.dwa, dwa_idf),
            tech_idf=tech_idf,
            tech_unit_t=_unit_rows_t(space.tech, tech_idf),
            esco_idf=esco_idf,
            esco_unit_t=_unit_rows_t(esco, esco_idf),
            iwa_of_dwa=iwa_of_dwa,
            iwa_idf=iwa_idf,
            iwa_unit_t=_unit_rows_t(iwa, iwa_idf),
            interest_centred=_unit_rows(centred.astype(np.float32)),
            has_interests=has_interests,
            has_dwa=space.dwa.sum(axis=1) > 0,
            has_tech=space.tech.sum(axis=1) > 0,
            has_esco=esco.sum(axis=1) > 0 if esco.shape[1] else np.zeros(space.n, bool),
            has_hot_tech=_hot_tech_heavy(space),
        )
