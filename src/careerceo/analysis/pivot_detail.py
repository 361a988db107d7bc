"""One pivot in detail: what transfers, what is missing, and a learning plan to close it.

What goes into the plan, in what order and at what cost, is stated in
``analysis.pivot_plan``; which ESCO skills count as requirements is ``gaps`` below (see
``ESCO_REQUIRED_SHARE``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

from careerceo.analysis.capability import CapabilityProfile, Evidence
from careerceo.analysis.pivot import (
    GAP_THRESHOLD,
    SIGNAL_LABELS,
    SIGNALS,
    WEIGHTS,
    Ranking,
    effective_level,
)
from careerceo.analysis.pivot_kinds import kind_label, zone_direction
from careerceo.analysis.pivot_plan import Gap, PlanStep, learning_plan
from careerceo.analysis.pivot_space import Ete, OccupationSpace

__all__ = ["Gap", "PivotDetail", "PlanStep", "Transfer", "detail", "learning_plan"]

MAX_ELEMENT_GAPS = 10
MAX_TECH_GAPS = 4
MAX_ESCO_GAPS = 10
ESCO_REQUIRED_SHARE = 0.5
ESCO_POSSIBLE_SHARE = 0.25
# The person's own occupation (or the --from one) is the reference point, not a move.
OWN_LABEL = "Your own occupation (the reference point)"
TECH_REQUIRED_SHARE = 0.5  # of the target's SOC minor group using a hot technology
TECH_POSSIBLE_SHARE = 0.25


def _effective_weight(ranking: Ranking, name: str, row: int) -> float:
    """The share of the score this signal had for this occupation (see ``Ranking.weights``)."""
    if ranking.available and name not in ranking.available:
        return 0.0  # the person has nothing this signal could compare: it did not count
    weight = ranking.weights.get(name, WEIGHTS[name])
    total = float(ranking.weight_total[row]) if len(ranking.weight_total) else 0.0
    return round(weight / total if total > 0 else weight, 4)


@dataclass(frozen=True)
class SignalPart:
    name: str
    label: str
    value: float | None  # 0..1 or None when unavailable
    weight: float
    contribution: float


@dataclass(frozen=True)
class Transfer:
    name: str
    kind: str  # skill | knowledge | activity | technology | esco
    your_level: float | None
    target_level: float | None
    importance: float | None
    evidence: tuple[str, ...]
    source: str
    # Whose word it is: "named" (the person's inventory, résumé, certifications, education),
    # "implied" (the profile of an occupation they held) or "named and implied".
    basis: str = "implied"


@dataclass(frozen=True)
class PivotDetail:
    code: str
    title: str
    score: float
    kind: str
    kind_label: str
    job_zone: int | None
    your_zone: float | None
    readiness: float | None  # None: the profile rates no O*NET skill or knowledge area
    signals: tuple[SignalPart, ...]
    zone_penalty: float
    intent_adjustment: float
    transfers: tuple[Transfer, ...]
    gaps: tuple[Gap, ...]
    ete: Ete
    plan: tuple[PlanStep, ...]
    chart: tuple[tuple[str, float, float], ...]  # element, your level, target level (0..7)
    sources: tuple[str, ...]
    rank: int | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)


def _evidence(profile: CapabilityProfile, key: tuple[str, int], limit: int = 3) -> tuple[str, ...]:
    items: list[Evidence] = profile.evidence.get(key, [])
    if key[0] != "element":
        # What the person named before what their occupations imply (an element keeps its
        # order: the first piece of evidence is the one that sets the level shown).
        items = sorted(items, key=lambda ev: ev.implied)
    return tuple(str(ev) for ev in items[:limit])


def _basis(profile: CapabilityProfile, key: tuple[str, int]) -> str:
    items = [ev for ev in profile.evidence.get(key, []) if not ev.wanted]
    named = any(not ev.implied for ev in items)
    implied = any(ev.implied for ev in items)
    return "named and implied" if named and implied else "named" if named else "implied"


# A shortfall under one level point on an element the person has shown (their positions'
# occupations, an inventory entry, a résumé mention) is the same capability rated a little
# higher in the target: it grows on the job, and a course in it would tell an accountant to
# learn English or Mathematics. An element nothing shows is judged at the baseline as before.
GROWS_ON_THE_JOB = 1.0


def material_gaps(
    space: OccupationSpace, profile: CapabilityProfile, ranking: Ranking, row: int
) -> NDArray[np.bool_]:
    """(E,) the elements the person falls materially short on for the target."""
    level = effective_level(space.index, profile)
    deficit = np.nan_to_num(space.level[row], nan=0.0) - level
    grows = profile.known & (deficit < GROWS_ON_THE_JOB)
    out: NDArray[np.bool_] = (ranking.gap_size[row] >= GAP_THRESHOLD) & ~grows
    return out


def transfers(
    space: OccupationSpace, profile: CapabilityProfile, ranking: Ranking, row: int, k: int = 8
) -> list[Transfer]:
    """Elements whose demand the person meets most, then shared activities and technologies.

    An element the person falls materially short on is listed under the gaps only: showing it
    as transferring too would contradict the gap."""
    ix = space.index
    onet = space.onet_version
    out: list[Transfer] = []
    met = np.where(material_gaps(space, profile, ranking, row), 0.0, ranking.met[row])
    for col in np.argsort(-met, kind="stable")[:k]:
        if met[col] <= 0:
            break
        out.append(
            Transfer(
                name=space.element_names[col],
                kind=space.element_kinds[col],
                your_level=round(float(profile.level[col]), 2),
                target_level=round(float(space.level[row, col]), 2),
                importance=round(float(space.importance[row, col]), 2),
                evidence=_evidence(profile, ("element", int(col))),
                source=onet,
                basis=_basis(profile, ("element", int(col))),
            )
        )
    if profile.dwa.any():
        shared = np.flatnonzero((profile.dwa > 0) & (space.dwa[row] > 0))
        best = shared[np.argsort(-(ix.dwa_idf[shared] * profile.dwa[shared]), kind="stable")]
        for col in best[:k]:
            out.append(
                Transfer(
                    space.dwa_titles[col],
                    "activity",
                    None,
                    None,
                    None,
                    _evidence(profile, ("dwa", int(col))),
                    onet,
                    _basis(profile, ("dwa", int(col))),
                )
            )
    # A technology or ESCO skill the person only listed to add is a gap, not a transfer; nor
    # is a product merely on the O*NET list of a past position's occupation.
    if profile.tech.any():
        held = (profile.tech > 0) & ~profile.only_wanted("tech") & ~profile.only_typical("tech")
        shared = np.flatnonzero(held & (space.tech[row] > 0))
        best = shared[np.argsort(-(ix.tech_idf[shared] * profile.tech[shared]), kind="stable")]
        for col in best[:k]:
            out.append(
                Transfer(
                    space.tech_names[col],
                    "technology",
                    None,
                    None,
                    None,
                    _evidence(profile, ("tech", int(col))),
                    onet,
                    _basis(profile, ("tech", int(col))),
                )
            )
    if space.esco_ids and profile.esco.any():
        held = (profile.esco > 0) & ~profile.only_wanted("esco") & ~_weakly_implied(space, profile)
        shared = np.flatnonzero(held & (space.esco[row] > 0))
        best = shared[np.argsort(-(space.esco[row, shared] * ix.esco_idf[shared]), kind="stable")]
        for col in best[:k]:
            out.append(
                Transfer(
                    space.esco_labels[col],
                    "esco",
                    None,
                    None,
                    None,
                    _evidence(profile, ("esco", int(col))),
                    space.esco_version,
                    _basis(profile, ("esco", int(col))),
                )
            )
    return out


def _weakly_implied(space: OccupationSpace, profile: CapabilityProfile) -> NDArray[np.bool_]:
    """(S,) ESCO skills the person has only through an occupation they held whose ESCO links
    list it as essential for less than ``ESCO_REQUIRED_SHARE`` of their weight: the same rule
    that keeps such a skill out of a target's requirements keeps it out of what transfers."""
    named = np.zeros(len(space.esco_ids), bool)
    for (comp, col), evs in profile.evidence.items():
        if comp == "esco" and any(not ev.implied for ev in evs):
            named[col] = True
    rows = [space.row_of[code] for code, _ in profile.occupations if code in space.row_of]
    strong = (
        (space.esco[rows] >= ESCO_REQUIRED_SHARE).any(axis=0)
        if rows
        else np.zeros(len(space.esco_ids), bool)
    )
    out: NDArray[np.bool_] = ~named & ~strong
    return out


def gaps(
    space: OccupationSpace, profile: CapabilityProfile, ranking: Ranking, row: int
) -> list[Gap]:
    """Element gaps by importance x deficit, then hot technologies and ESCO essential skills."""
    ix = space.index
    lv = effective_level(ix, profile)
    out: list[Gap] = []
    size = np.where(material_gaps(space, profile, ranking, row), ranking.gap_size[row], 0.0)
    for col in np.argsort(-size, kind="stable")[:MAX_ELEMENT_GAPS]:
        if size[col] < GAP_THRESHOLD:
            break
        target = float(space.level[row, col])
        out.append(
            Gap(
                id=space.element_ids[col],
                name=space.element_names[col],
                kind=space.element_kinds[col],
                your_level=round(float(lv[col]), 2),
                target_level=round(target, 2),
                importance=round(float(space.importance[row, col]), 2),
                deficit=round(target - float(lv[col]), 2),
                priority=round(float(size[col]), 3),
                assumed=not bool(profile.known[col]),
                source=space.onet_version,
            )
        )
    lacking = (profile.tech == 0) | profile.only_wanted("tech")
    missing_tech = np.flatnonzero((space.tech[row] > 0) & lacking & space.tech_hot)
    # The hot technologies most used across the target's SOC minor group first: what the
    # target's field runs on, rather than an oddity one O*NET respondent listed.
    # A product one O*NET respondent of the target listed (Amazon DynamoDB for technical
    # teachers, used in 7 % of their group) is no requirement: like an ESCO skill, a hot
    # technology is one when at least half the group uses it, "possibly" from a quarter.
    group = np.array([c[:4] == space.codes[row][:4] for c in space.codes])
    share = space.tech[group][:, missing_tech].mean(axis=0)
    keep = share >= TECH_POSSIBLE_SHARE
    missing_tech, share = missing_tech[keep], share[keep]
    order = np.argsort(-share, kind="stable")
    for col, used in zip(missing_tech[order][:MAX_TECH_GAPS], share[order], strict=False):
        listed = _listed_as(space.tech_names[col], profile.unmatched)
        required = bool(used >= TECH_REQUIRED_SHARE) and listed is None
        note = (
            f"; you listed “{listed}”: if that is this product, it is not a gap"
            if listed is not None
            else ""
            if required
            else "; used by only part of its group: may not apply"
        )
        out.append(
            Gap(
                space.tech_names[col],
                space.tech_names[col],
                "technology",
                None,
                None,
                None,
                None,
                round(float(used), 3),  # share of the group using it
                False,
                f"{space.onet_version} (hot technology{note})",
                required=required,
            )
        )
    if space.esco_ids:
        out += _esco_gaps(space, profile, row)
    return out


def hedge_esco(d: PivotDetail, why: str) -> PivotDetail:
    """The same detail with every ESCO gap hedged (``why`` says why it may not apply) and out
    of the plan: for a target whose ESCO links are too weak to say what it requires (only a
    title similarity to an ESCO occupation, no crosswalk entry: Biomass Power Plant Managers
    reach ESCO as "mine manager")."""
    gaps = tuple(
        replace(g, required=False, source=f"{g.source.split(' (')[0]} ({why})")
        if g.kind == "esco"
        else g
        for g in d.gaps
    )
    return replace(d, gaps=gaps, plan=tuple(learning_plan(list(gaps))))


def _listed_as(product: str, unmatched: Sequence[str]) -> str | None:
    """An inventory entry the matcher could not place that names this product in short
    ("Access" for Microsoft Access, "Word" for Microsoft Word): the plan must not ask the
    person to learn what they listed, and cannot be sure it is the same product."""
    words = re.findall(r"[a-z0-9+#]+", product.casefold())
    for entry in unmatched:
        part = re.findall(r"[a-z0-9+#]+", entry.casefold())
        if not part or len("".join(part)) < 3:
            continue
        n = len(part)
        if any(words[i : i + n] == part for i in range(len(words) - n + 1)):
            return entry
    return None


def _esco_gaps(space: OccupationSpace, profile: CapabilityProfile, row: int) -> list[Gap]:
    """ESCO essential skills of the target the person shows no sign of: requirements first
    (essential across at least half the target's ESCO link weight), then possible ones."""
    share = space.esco[row]
    lacking = (profile.esco == 0) | profile.only_wanted("esco")
    # ESCO's "psychology" is O*NET's Psychology knowledge by another name: a person who has
    # shown the element is not told to learn it again under ESCO's label.
    shown = {n.casefold() for n, k in zip(space.element_names, profile.known, strict=True) if k}
    lacking &= np.array([label.casefold() not in shown for label in space.esco_labels])
    missing = np.flatnonzero((share >= ESCO_POSSIBLE_SHARE) & lacking)
    strength = share[missing] * space.index.esco_idf[missing]
    missing = missing[np.lexsort((-strength, share[missing] < ESCO_REQUIRED_SHARE))]
    out: list[Gap] = []
    for col in missing[:MAX_ESCO_GAPS]:
        required = bool(share[col] >= ESCO_REQUIRED_SHARE)
        note = (
            "essential skill"
            if required
            else "essential for only some of the ESCO occupations linked to it: may not apply"
        )
        out.append(
            Gap(
                space.esco_ids[col],
                space.esco_labels[col],
                "esco",
                None,
                None,
                None,
                None,
                round(float(share[col]), 3),
                False,
                f"{space.esco_version} ({note})",
                required=required,
            )
        )
    return out


def chart_rows(
    space: OccupationSpace, profile: CapabilityProfile, row: int, k: int = 12
) -> tuple[tuple[str, float, float], ...]:
    """The target's k most important elements: (name, your level, its level), 0..7 scale."""
    if not space.index.rated[row]:
        return ()
    lv = effective_level(space.index, profile)
    imp = np.nan_to_num(space.importance[row], nan=0.0)
    cols = [int(c) for c in np.argsort(-imp, kind="stable")[:k]]
    return tuple(
        (element_label(space, c), round(float(lv[c]), 2), round(float(space.level[row, c]), 2))
        for c in cols
    )


def element_label(space: OccupationSpace, col: int) -> str:
    """O*NET names "Mathematics" both a skill and a knowledge area: where an element is shown
    by name alone (a chart bar, a list of gaps), say which one it is."""
    name = space.element_names[col]
    if space.element_names.count(name) > 1:
        return f"{name} ({space.element_kinds[col]})"
    return name


def detail(
    space: OccupationSpace,
    profile: CapabilityProfile,
    ranking: Ranking,
    code: str,
    *,
    chart_k: int = 12,
    basis: str = "your own entries",
    order: NDArray[np.intp] | None = None,
) -> PivotDetail:
    """Everything ``career pivot show CODE`` and the detail page show, with sources; the rank
    is the row's place in ``order`` (the pivot list's order) when given."""
    row = space.row_of[code]
    parts = []
    for name in SIGNALS:
        value = float(ranking.signals[name][row])
        parts.append(
            SignalPart(
                name,
                SIGNAL_LABELS[name],
                None if np.isnan(value) else round(value, 4),
                _effective_weight(ranking, name, row),
                round(float(ranking.contributions[name][row]), 4),
            )
        )
    gap_list = gaps(space, profile, ranking, row)
    chart = chart_rows(space, profile, row, chart_k)
    position = np.flatnonzero((ranking.order if order is None else order) == row)
    zone = space.job_zone[row]
    notes: list[str] = []
    if profile.unmatched:
        notes.append(
            "Inventory entries not matched to O*NET/ESCO (not counted): "
            + ", ".join(profile.unmatched[:10])
        )
    if not bool(profile.known.all()):
        notes.append(
            "Elements you have not entered are assumed at a baseline level most workers have "
            "(25th percentile across occupations); enter them in your inventory to refine."
        )
    sources = [space.onet_version]
    if space.esco_ids:
        sources.append(space.esco_version)
    sources.append(basis)  # what "you" are: your entries, or a past occupation's profile
    return PivotDetail(
        code=code,
        title=space.titles[row],
        score=round(float(ranking.score[row]), 4),
        kind=str(ranking.kind[row]),
        kind_label=OWN_LABEL
        if code in {c for c, _ in profile.occupations}
        else kind_label(str(ranking.kind[row]), zone_direction(float(zone), profile.job_zone)),
        job_zone=None if np.isnan(zone) else int(zone),
        your_zone=None if profile.job_zone is None else round(profile.job_zone, 2),
        readiness=None
        if np.isnan(ranking.readiness[row])
        else round(float(ranking.readiness[row]), 4),
        signals=tuple(parts),
        zone_penalty=round(float(ranking.zone_penalty[row]), 4),
        intent_adjustment=round(float(ranking.intent_adjustment[row]), 4),
        transfers=tuple(transfers(space, profile, ranking, row)),
        gaps=tuple(gap_list),
        ete=space.ete.get(code, Ete()),
        plan=tuple(learning_plan(gap_list)),
        chart=chart,
        sources=tuple(sources),
        rank=int(position[0]) + 1 if position.size else None,
        notes=tuple(notes),
    )
