"""A person's capability profile over the O*NET occupation space, with the evidence for each part.

Inputs are plain values (what the person entered, already read from the store, plus concepts a
skill extractor found in their résumé); the output is a set of aligned vectors the pivot engine
compares with every occupation. Nothing here reads a file or a database.

How each source counts (the heuristics, in one place):

- **Positions** stand for their O*NET occupation's profile, weighted by a *credit* in 0..1:
  ``credit = recency x tenure`` with ``recency = 0.5 ** (years_since_end / 8)`` (a job that
  ended eight years before the latest date the positions vouch for — the end of a past one or
  the start of a current one — counts half as much as a current one) and
  ``tenure = min(1, 0.5 + years_in_role / 4)`` (a short stint counts half, two years or more
  fully), then divided by the largest credit among the person's positions, so recency ranks
  positions against each other rather than against today: a résumé whose last job ended years
  ago still describes its owner, and so does an old résumé's "to present". A position without
  any date beside dated ones counts half the best dated one (it is not known to be current).
  The credit weighs how central an element is (``core``) and never lowers the *level*: an
  accountant who left the job keeps the accountant's Mathematics level (the evidence shown
  says that level), and across positions the highest level wins.
- **Inventory entries** are the person's own statement and override inferred levels for the
  element they name, except that they never go below the level the occupations of the
  person's positions imply (an accountant listing "Accounting" at level 3 keeps the
  accountant's level: nobody is told to learn what their own occupation implies).
  Their level 1..5 maps onto O*NET's 0..7 level scale as
  ``1.5 + 1.25 x (level - 1)`` (1 → 1.5 "aware", 3 → 4.0 "working", 5 → 6.5 "expert").
  Each entry's weight in the person's demand vector is 0.75, O*NET importance 4 of 5 ("very
  important"): a person lists what matters in their work. Intent (keep / drop / add) is kept
  separately: it changes the ranking, not the capability.
- **Education**: the field of study implies a knowledge area at a level set by the degree
  (associate 4.0, bachelor 5.0, master 5.75, doctorate 6.5), and the degree sets the job zone
  the person can enter (bachelor → zone 4, master or above → 5).
- **Inventory entries named by an ESCO skill or an O*NET technology** ("classroom management",
  "SQL") also imply the O*NET skill and knowledge areas that set apart the occupations using
  them: among the rated occupations that list the concept, the mean importance of each element
  minus its mean over all rated occupations (the *lift*), shrunk by ``n / (n + 10)`` for a
  concept only n occupations use. Up to three elements with a shrunk lift of 0.4 or more (on
  the 1..5 importance scale) and at least 8 such occupations count, at those occupations' mean
  level scaled by the entry's level (``min(1, 0.5 + level / 8)``), with weight 0.4 — weaker
  than anything stated, and never for an entry the person means to add (they do not have it).
- **Résumé and certification concepts** found by the skill extractor count as working-level
  evidence (level 4.0, tech and ESCO weight 0.8) unless something stronger already says more.
- **Interests** (RIASEC) are the person's own when they gave them, otherwise the
  credit-weighted mean of their positions' occupational interest profiles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from careerceo.analysis.capability_builder import ProfileBuilder
from careerceo.analysis.capability_education import (
    DEGREE_LEVELS,
    FIELD_KNOWLEDGE,
    education_category,
    zone_for_education,
)
from careerceo.analysis.capability_model import (
    CERT_SOURCE,
    EDUCATION_SOURCE,
    EXTRACTED_CORE_WEIGHT,
    EXTRACTED_LEVEL,
    EXTRACTED_WEIGHT,
    INFERRED_CORE_WEIGHT,
    INFERRED_MIN_LIFT,
    INFERRED_MIN_OCCUPATIONS,
    INFERRED_TOP,
    INVENTORY_CORE_WEIGHT,
    INVENTORY_SOURCE,
    POSITION_SOURCE,
    RECENCY_HALF_LIFE_YEARS,
    RESUME_SOURCE,
    TENURE_FULL_YEARS,
    UNKNOWN_TENURE_YEARS,
    CapabilityProfile,
    ConceptHit,
    EducationItem,
    Evidence,
    InventoryItem,
    PositionItem,
)
from careerceo.analysis.pivot_space import F32, RIASEC, OccupationSpace

__all__ = [
    "CERT_SOURCE",
    "DEGREE_LEVELS",
    "EDUCATION_SOURCE",
    "FIELD_KNOWLEDGE",
    "INVENTORY_SOURCE",
    "POSITION_SOURCE",
    "RESUME_SOURCE",
    "CapabilityProfile",
    "ConceptHit",
    "EducationItem",
    "Evidence",
    "ImpliedElement",
    "InventoryItem",
    "PositionItem",
    "build_profile",
    "education_category",
    "implied_elements",
    "inventory_level",
    "latest_vouched",
    "occupation_profile",
    "position_credit",
    "resolve_name",
    "zone_for_education",
]


def inventory_level(level: int) -> float:
    """Inventory 1..5 → O*NET level 0..7 (see module docstring)."""
    return 1.5 + 1.25 * (min(max(level, 1), 5) - 1)


def latest_vouched(positions: Sequence[PositionItem], today: date) -> date:
    """The latest date the positions themselves vouch for: the end of a past position or the
    start of a current one. A résumé says "to present" as of the day it was written, so a
    position that ended then is as recent as the current one, however old the résumé is."""
    dates = [p.end for p in positions if p.end is not None]
    dates += [p.start for p in positions if p.end is None and p.start is not None]
    return min(max(dates), today) if dates else today


def position_credit(
    position: PositionItem,
    today: date,
    anchor: date | None = None,
    half_life: float = RECENCY_HALF_LIFE_YEARS,
) -> float:
    """recency x tenure, documented in the module docstring; ``anchor`` (default ``today``) is
    the date recency is counted to (``latest_vouched``); ``half_life`` the years after which a
    past position counts half (what the person can do fades slowly; who they are now, the
    reference point of their pivots, faster: ``analysis.pivot_reference``)."""
    end = position.end or today
    since_end = max(((anchor or today) - end).days / 365.25, 0.0)
    if position.start is not None:
        years = max((end - position.start).days / 365.25, 0.0)
    else:
        years = UNKNOWN_TENURE_YEARS
    recency = 0.5 ** (since_end / half_life)
    tenure = min(1.0, 0.5 + years / (2 * TENURE_FULL_YEARS))
    return float(recency * tenure)


def resolve_name(space: OccupationSpace, name: str, kind: str = "") -> tuple[str, str] | None:
    """An inventory name without a taxonomy, matched exactly (case-insensitively) against O*NET
    element names (the entry's own kind first: "Mathematics" is both a skill and a knowledge
    area), then technology names, then ESCO preferred labels."""
    key = name.strip().casefold()
    if not key:
        return None
    matches = [
        (space.element_kinds[col] != kind, space.element_ids[col])
        for col in space.element_rows_by_name.get(key, ())
    ]
    if matches:
        return "onet", min(matches)[1]
    if key in space.tech_row:
        return "tech", space.tech_names[space.tech_row[key]]
    col = space.esco_row_by_label.get(key)
    if col is not None:
        return "esco", space.esco_ids[col]
    return None


@dataclass(frozen=True)
class ImpliedElement:
    """An O*NET element a concept implies, with the figures that justify it."""

    col: int
    level: float  # mean level among the occupations that use the concept (0..7)
    importance: float  # their mean importance of the element (1..5)
    baseline: float  # its mean importance over all rated occupations
    occupations: int  # how many rated occupations use the concept


def implied_elements(
    space: OccupationSpace, taxonomy: str, concept_id: str
) -> list[ImpliedElement]:
    """The skill and knowledge areas that set apart the occupations using an ESCO skill or an
    O*NET technology (see module docstring): how "SQL" reaches Computers and Electronics."""
    col = space.concept_column(taxonomy, concept_id)
    if col is None or taxonomy not in ("esco", "tech"):
        return []
    column = (space.esco if taxonomy == "esco" else space.tech)[:, col]
    ix = space.index
    users = (np.asarray(column) > 0) & ix.rated
    n = int(users.sum())
    if n < INFERRED_MIN_OCCUPATIONS:
        return []
    importance = np.nan_to_num(space.importance[users], nan=0.0).mean(axis=0)
    level = np.nan_to_num(space.level[users], nan=0.0).mean(axis=0)
    baseline = ix.mean_importance
    lift = (importance - baseline) * (n / (n + 10.0))
    out: list[ImpliedElement] = []
    for col in np.argsort(-lift, kind="stable")[:INFERRED_TOP]:
        if lift[col] < INFERRED_MIN_LIFT:
            break
        c = int(col)
        out.append(ImpliedElement(c, float(level[c]), float(importance[c]), float(baseline[c]), n))
    return out


INTENT = {"keep": 0, "drop": -1, "add": 1}


@dataclass
class _Held:
    """What the positions add up to beside the element levels: the occupations with their
    credit, and the credit-weighted interests and job zone."""

    occupations: list[tuple[str, float]] = field(default_factory=list)
    interest_sum: np.ndarray = field(default_factory=lambda: np.zeros(6, np.float64))
    interest_weight: float = 0.0
    zone_sum: float = 0.0
    zone_weight: float = 0.0


def _add_position(
    b: ProfileBuilder, pos: PositionItem, credit: float, held: _Held, source: str
) -> None:
    """One position: its occupation's profile, credited by recency and tenure."""
    space = b.space
    ix = space.index
    assert pos.occupation_code is not None
    row = space.row_of[pos.occupation_code]
    held.occupations.append((pos.occupation_code, credit))
    title = space.titles[row]
    label = pos.title + (f" at {pos.employer}" if pos.employer else "")
    if pos.title != title:
        label += f" → {title}"
    if ix.rated[row]:
        levels = np.nan_to_num(space.level[row], nan=0.0)
        weights = ix.weight[row] * credit
        for col in np.flatnonzero(~np.isnan(space.level[row])):
            ev = Evidence(
                source,
                f"{label}: level {space.level[row, col]:.1f}"
                + ("" if credit >= 0.995 else f", weight x{credit:.2f} (recency, tenure)"),
                implied=True,
            )
            b.element(int(col), float(levels[col]), float(weights[col]), ev, stated=False)
            b.held_level(int(col), float(levels[col]), ev)
    for col in np.flatnonzero(space.dwa[row] > 0):
        if credit > b.dwa[col]:
            b.dwa[col] = credit
        b.evidence[("dwa", int(col))].append(Evidence(source, label, implied=True))
    for col in np.flatnonzero(space.tech[row] > 0):
        b.tech[col] = max(b.tech[col], credit)
        b.evidence[("tech", int(col))].append(Evidence(source, label, typical=True, implied=True))
    if space.esco_ids:
        for col in np.flatnonzero(space.esco[row] > 0):
            b.esco[col] = max(b.esco[col], credit * float(space.esco[row, col]))
            b.evidence[("esco", int(col))].append(Evidence(source, label, implied=True))
    if ix.has_interests[row]:
        held.interest_sum += credit * space.interests[row]
        held.interest_weight += credit
    if not np.isnan(space.job_zone[row]):
        held.zone_sum += credit * float(space.job_zone[row])
        held.zone_weight += credit


def _add_positions(
    b: ProfileBuilder, positions: Sequence[PositionItem], today: date, source: str
) -> _Held:
    """Positions with an occupation, each credited relative to the best-credited one."""
    space = b.space
    held = _Held()
    coded = [p for p in positions if p.occupation_code and p.occupation_code in space.row_of]
    anchor = latest_vouched(positions, today)
    dated = [p.start is not None or p.end is not None for p in coded]
    raw_credit = [position_credit(p, today, anchor) for p in coded]
    if any(dated):
        # A position without any date beside dated ones is not known to be current: it counts
        # half as much as the best dated one rather than as a job held until today.
        half = 0.5 * max(c for c, d in zip(raw_credit, dated, strict=True) if d)
        raw_credit = [c if d else half for c, d in zip(raw_credit, dated, strict=True)]
    top_credit = max(raw_credit, default=0.0)
    for pos, raw in zip(coded, raw_credit, strict=True):
        credit = raw / top_credit if top_credit > 0 else 0.0
        _add_position(b, pos, credit, held, source)
    return held


def _add_education(b: ProfileBuilder, education: Sequence[EducationItem]) -> int | None:
    """Knowledge areas from each field of study; returns the entry job zone of the degrees."""
    space = b.space
    education_zone: int | None = None
    names = {name.casefold(): i for i, name in enumerate(space.element_names)}
    for edu in education:
        cat = education_category(f"{edu.degree} {edu.field}")
        level = cat[1] if cat else 4.0
        if cat:
            zone = zone_for_education(cat[0])
            education_zone = max(education_zone or 0, zone)
        field_text = edu.field.casefold() or edu.degree.casefold()
        seen: set[int] = set()
        for pattern, element_name in FIELD_KNOWLEDGE:
            kcol = names.get(element_name.casefold())
            if kcol is None or kcol in seen or not re.search(pattern, field_text):
                continue
            seen.add(kcol)
            what = " ".join(x for x in (edu.degree, edu.field) if x) or "a course of study"
            where = f" ({edu.institution})" if edu.institution else ""
            b.element(
                kcol,
                level,
                EXTRACTED_CORE_WEIGHT,
                Evidence(EDUCATION_SOURCE, what + where),
                stated=False,
            )
    return education_zone


def _add_concepts(b: ProfileBuilder, concepts: Sequence[ConceptHit]) -> None:
    """Concepts the extractor found in the résumé, certifications, position descriptions."""
    for hit in concepts:
        ev = Evidence(hit.source, hit.detail or hit.label)
        b.concept(
            hit.taxonomy,
            hit.concept_id,
            EXTRACTED_LEVEL,
            EXTRACTED_CORE_WEIGHT,
            EXTRACTED_WEIGHT,
            ev,
            stated=False,
            intent=0,
        )


def _add_implied(b: ProfileBuilder, item: InventoryItem, taxonomy: str, concept_id: str) -> None:
    """The elements an ESCO skill or technology the person states implies (module docstring)."""
    space = b.space
    scale = min(1.0, 0.5 + item.level / 8)
    for implied in implied_elements(space, taxonomy, concept_id):
        name = space.element_names[implied.col]
        b.element(
            implied.col,
            implied.level * scale,
            INFERRED_CORE_WEIGHT,
            Evidence(
                INVENTORY_SOURCE,
                f"{item.name} (level {item.level}/5) implies {name}: the "
                f"{implied.occupations} {space.onet_version} occupations that use it "
                f"rate {name} {implied.importance:.1f}/5 on average (all occupations "
                f"{implied.baseline:.1f})",
            ),
            stated=False,
        )


def _add_inventory(b: ProfileBuilder, inventory: Sequence[InventoryItem]) -> list[str]:
    """The inventory last: the person's own word wins. Returns the names nothing matched."""
    unmatched: list[str] = []
    for item in inventory:
        intent = INTENT.get(item.intent, 0)
        level = inventory_level(item.level)
        taxonomy, concept_id = item.taxonomy, item.concept_id
        if not taxonomy or not concept_id:
            resolved = resolve_name(b.space, item.name, item.kind)
            if resolved is None:
                unmatched.append(item.name)
                continue
            taxonomy, concept_id = resolved
        detail = f"{item.name}: level {item.level}/5, intent {item.intent}"
        if item.evidence:
            detail += f" — {item.evidence}"
        ok = b.concept(
            taxonomy,
            concept_id,
            level,
            INVENTORY_CORE_WEIGHT,
            0.5 + 0.1 * item.level,
            Evidence(INVENTORY_SOURCE, detail, wanted=item.intent == "add"),
            stated=True,
            intent=intent,
        )
        if not ok:
            unmatched.append(item.name)
        elif item.intent != "add" and taxonomy in ("esco", "tech"):
            _add_implied(b, item, taxonomy, concept_id)
    return unmatched


def _interests(
    space: OccupationSpace, interests: dict[str, float] | None, held: _Held
) -> tuple[F32 | None, str]:
    """The person's own RIASEC scores, else their positions' occupations' mean."""
    if interests:
        vec = [float(interests.get(name, interests.get(name[0], np.nan))) for name in RIASEC]
        if not any(np.isnan(vec)):
            return np.array(vec, np.float32), "your interests"
    if held.interest_weight > 0:
        mean = (held.interest_sum / held.interest_weight).astype(np.float32)
        return mean, f"{space.onet_version} interests of your positions' occupations"
    return None, ""


def build_profile(
    space: OccupationSpace,
    *,
    inventory: tuple[InventoryItem, ...] | list[InventoryItem] = (),
    positions: tuple[PositionItem, ...] | list[PositionItem] = (),
    education: tuple[EducationItem, ...] | list[EducationItem] = (),
    concepts: tuple[ConceptHit, ...] | list[ConceptHit] = (),
    interests: dict[str, float] | None = None,
    today: date | None = None,
    position_source: str = POSITION_SOURCE,
) -> CapabilityProfile:
    """Everything the person entered, as one profile over ``space`` (see module docstring):
    positions first, then education, extracted concepts, and the inventory last."""
    b = ProfileBuilder(space)
    held = _add_positions(b, positions, today or date.today(), position_source)
    education_zone = _add_education(b, education)
    _add_concepts(b, concepts)
    unmatched = _add_inventory(b, inventory)
    person_interests, interests_source = _interests(space, interests, held)
    job_zone: float | None = None
    if held.zone_weight > 0:
        job_zone = held.zone_sum / held.zone_weight
    if education_zone is not None:
        job_zone = max(job_zone or 0.0, float(education_zone))
    return CapabilityProfile(
        level=b.level,
        known=b.known,
        core=b.core,
        dwa=b.dwa,
        tech=b.tech,
        esco=b.esco,
        interests=person_interests,
        interests_source=interests_source,
        job_zone=job_zone,
        intent_element=b.intent_element,
        intent_tech=b.intent_tech,
        intent_esco=b.intent_esco,
        occupations=tuple(held.occupations),
        evidence=dict(b.evidence),
        unmatched=tuple(unmatched),
    )


def occupation_profile(space: OccupationSpace, code: str) -> CapabilityProfile:
    """Someone whose experience is exactly one occupation (``career pivot --from CODE``)."""
    # Ten years in the role up to "today": recency 1 and tenure 1, so credit is exactly 1.
    full = PositionItem(space.titles[space.row_of[code]], code, start=date(1990, 1, 1))
    return build_profile(
        space,
        positions=[full],
        today=date(2000, 1, 1),
        position_source=f"{space.onet_version} profile of {code}",
    )
