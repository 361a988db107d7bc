"""The pivot list's rows and filters as the shells show them."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from careerceo.analysis.capability import CapabilityProfile
from careerceo.analysis.pivot import (
    GAP_THRESHOLD,
    KINDS,
    PivotFilters,
    Ranking,
)
from careerceo.analysis.pivot_detail import element_label, material_gaps
from careerceo.analysis.pivot_kinds import KIND_ALIASES, kind_label, zone_direction
from careerceo.analysis.pivot_space import OccupationSpace
from careerceo.errors import CareerError


@dataclass
class PivotRow:
    rank: int
    code: str
    title: str
    score: float
    kind: str
    kind_label: str
    job_zone: int | None
    readiness: float | None  # None: the profile rates no O*NET skill or knowledge area
    transfers: list[str]
    gaps: list[str]
    signals: dict[str, float | None]
    contributions: dict[str, float]
    zone_penalty: float
    intent_adjustment: float
    # Why it is related (the build-time composite): its value (z, mean of the components'
    # standardised similarities), the components that made it related, the occupation it is
    # related to (the source, or the person's position it comes through) and the evidence.
    related: float | None = None
    related_by: list[str] = field(default_factory=list)
    related_to: str | None = None
    because: list[str] = field(default_factory=list)
    # How close the person's own words are to its tasks and titles (z over occupations).
    words_match: float | None = None
    # How doable (``analysis.pivot_doable``): job-zone step, readiness, a licence the O*NET
    # description says is required; its own dimension, never mixed into the order.
    doable: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class PivotList:
    rows: list[PivotRow]
    total: int  # occupations passing the filters
    basis: str  # what the profile was built from
    person_zone: float | None
    signals_used: tuple[str, ...]
    sources: tuple[str, ...]
    notes: tuple[str, ...] = ()
    compare_code: str | None = None  # the pivot the chart compares you with
    chart: tuple[tuple[str, float, float], ...] = ()
    # The reference point(s): the source occupation, or the person's own occupations. Not
    # pivots, so never in ``rows``.
    reference: tuple[tuple[str, str], ...] = ()


def check_filters(
    zone_min: int | None = None,
    zone_max: int | None = None,
    families: list[str] | tuple[str, ...] = (),
    hot_tech: bool = False,
    kinds: list[str] | tuple[str, ...] = (),
    exclude_current: bool = False,
) -> PivotFilters:
    for name, zone in (("zone_min", zone_min), ("zone_max", zone_max)):
        if zone is not None and not 1 <= zone <= 5:
            raise CareerError("a job zone is a whole number from 1 to 5", field=name)
    if zone_min is not None and zone_max is not None and zone_min > zone_max:
        raise CareerError("zone_min is above zone_max; swap them", field="zone_min")
    fams: list[str] = []
    for fam in families:
        f = fam.strip()
        if not f:
            continue
        if not (len(f) == 2 and f.isdigit()):
            raise CareerError(
                f"{fam!r} is not an occupation family; use a 2-digit SOC major group, e.g. 15",
                field="family",
            )
        fams.append(f)
    for kind in kinds:
        if kind and kind not in KINDS and kind not in KIND_ALIASES:
            raise CareerError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}", field="kind")
    wanted = tuple(KIND_ALIASES.get(k, k) for k in kinds if k)
    return PivotFilters(zone_min, zone_max, tuple(fams), hot_tech, wanted, exclude_current)


def _share(value: float) -> float | None:
    return None if math.isnan(float(value)) else round(float(value), 4)


def _row(
    space: OccupationSpace,
    r: Ranking,
    i: int,
    position: int,
    score: float | None = None,
    profile: CapabilityProfile | None = None,
) -> PivotRow:
    """One row; ``score`` is the order's score (the engine's when not given). With the
    ``profile``, gaps are the material ones (``analysis.pivot_detail.material_gaps``), as on
    the pivot's own page."""
    zone = space.job_zone[i]
    short = (
        r.gap_size[i] >= GAP_THRESHOLD if profile is None else material_gaps(space, profile, r, i)
    )
    return PivotRow(
        rank=position,
        code=space.codes[i],
        title=space.titles[i],
        score=round(float(r.score[i]) if score is None else score, 4),
        kind=str(r.kind[i]),
        kind_label=kind_label(str(r.kind[i]), zone_direction(float(zone), r.person_zone)),
        job_zone=None if np.isnan(zone) else int(zone),
        readiness=_share(r.readiness[i]),
        transfers=[
            element_label(space, c) for c in r.top_transfer[i] if r.met[i, c] > 0 and not short[c]
        ],
        gaps=[element_label(space, c) for c in r.top_gaps[i] if short[c]],
        signals={
            k: (None if math.isnan(float(v[i])) else round(float(v[i]), 4))
            for k, v in r.signals.items()
        },
        contributions={k: round(float(v[i]), 4) for k, v in r.contributions.items()},
        zone_penalty=round(float(r.zone_penalty[i]), 4),
        intent_adjustment=round(float(r.intent_adjustment[i]), 4),
    )
