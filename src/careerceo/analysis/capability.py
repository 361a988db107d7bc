"""A person's capability profile over the O*NET occupation space, with the evidence for each part.

Inputs are plain values (what the person entered, already read from the store, plus concepts a
skill extractor found in their résumé); the output is a set of aligned vectors the pivot engine
compares with every occupation. Nothing here reads a file or a database.

How each source counts (the heuristics, in one place):

- **Positions** stand for their O*NET occupation's profile, weighted by a *credit* in 0..1:
  ``credit = recency x tenure`` with ``recency = 0.5 ** (years_since_end / 8)`` (a job that
  ended eight years ago counts half as much as a current one) and
  ``tenure = min(1, 0.5 + years_in_role / 4)`` (a short stint counts half, two years or more
  fully), then divided by the largest credit among the person's positions, so recency ranks
  positions against each other rather than against today: a résumé whose last job ended years
  ago still describes its owner. The credit weighs how central an element is (``core``) and
  never lowers the *level*: an accountant who left the job keeps the accountant's Mathematics
  level (the evidence shown says that level), and across positions the highest level wins.
- **Inventory entries** are the person's own statement and override inferred levels for the
  element they name. Their level 1..5 maps onto O*NET's 0..7 level scale as
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
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from careerceo.analysis.pivot_space import F32, RIASEC, OccupationSpace

RECENCY_HALF_LIFE_YEARS = 8.0
TENURE_FULL_YEARS = 2.0
UNKNOWN_TENURE_YEARS = 2.0
INVENTORY_CORE_WEIGHT = 0.75
EXTRACTED_LEVEL = 4.0
EXTRACTED_CORE_WEIGHT = 0.5
EXTRACTED_WEIGHT = 0.8
INFERRED_CORE_WEIGHT = 0.4
INFERRED_MIN_OCCUPATIONS = 8
INFERRED_MIN_LIFT = 0.4
INFERRED_TOP = 3

INVENTORY_SOURCE = "your inventory"
POSITION_SOURCE = "your positions"
RESUME_SOURCE = "your résumé"
EDUCATION_SOURCE = "your education"
CERT_SOURCE = "your certifications"


@dataclass(frozen=True)
class Evidence:
    """Why the profile says what it says: which source, and the detail a person can check."""

    source: str
    detail: str
    # An inventory entry with intent "add": a gap the person means to close, not proof they
    # have it. It still sets the level they gave; a posting's requirement is not met by it.
    wanted: bool = False
    # From an occupation's O*NET technology list: what people in that job use (a list that
    # unions every respondent's products), not a sign that this person uses it.
    typical: bool = False

    def __str__(self) -> str:
        return f"{self.detail} ({self.source})"


@dataclass(frozen=True)
class InventoryItem:
    kind: str  # skill | knowledge | attribute
    name: str
    level: int  # 1..5
    intent: str = "keep"  # keep | drop | add
    taxonomy: str | None = None  # onet | esco | tech | None
    concept_id: str | None = None
    evidence: str = ""


@dataclass(frozen=True)
class PositionItem:
    title: str
    occupation_code: str | None
    employer: str = ""
    start: date | None = None
    end: date | None = None  # None while current


@dataclass(frozen=True)
class EducationItem:
    degree: str = ""
    field: str = ""
    institution: str = ""
    end: date | None = None


@dataclass(frozen=True)
class ConceptHit:
    """A concept a skill extractor found in the person's text (résumé, certification name)."""

    taxonomy: str  # onet | esco | tech
    concept_id: str
    label: str
    source: str = RESUME_SOURCE
    detail: str = ""


@dataclass
class CapabilityProfile:
    """The person as vectors aligned with an ``OccupationSpace``; ``evidence`` is keyed by
    ``(component, column)`` with component in element | dwa | tech | esco."""

    level: F32  # (E,) 0..7
    known: np.ndarray  # (E,) bool
    core: F32  # (E,) 0..1: how central the element is to the person
    dwa: F32  # (D,) 0..1
    tech: F32  # (T,) 0..1
    esco: F32  # (S,) 0..1
    interests: F32 | None  # (6,) RIASEC 1..7
    interests_source: str
    job_zone: float | None
    intent_element: np.ndarray  # (E,) int8: -1 drop, 0 keep, +1 add
    intent_tech: np.ndarray  # (T,) int8
    intent_esco: np.ndarray  # (S,) int8
    occupations: tuple[tuple[str, float], ...]  # (code, credit) of positions / --from
    evidence: dict[tuple[str, int], list[Evidence]] = field(default_factory=dict)
    unmatched: tuple[str, ...] = ()  # inventory names nothing in the space matched

    @property
    def is_empty(self) -> bool:
        return not (
            bool(self.known.any())
            or bool(self.dwa.any())
            or bool(self.tech.any())
            or bool(self.esco.any())
        )

    def only_wanted(self, component: str) -> np.ndarray:
        """Columns of ``component`` (tech | esco | element) the person has only because they
        listed them to add: a gap they mean to close, not something to credit them with."""
        size = {"tech": self.tech.size, "esco": self.esco.size, "element": self.level.size}
        mask = np.zeros(size[component], bool)
        for (comp, col), evs in self.evidence.items():
            if comp == component and evs and all(ev.wanted for ev in evs):
                mask[col] = True
        return mask

    def only_typical(self, component: str) -> np.ndarray:
        """Columns the person has only because a past position's occupation lists them as
        typical (O*NET technology lists union every respondent's products): not something
        the person named, so never shown as what transfers."""
        size = {"tech": self.tech.size, "esco": self.esco.size, "element": self.level.size}
        mask = np.zeros(size[component], bool)
        for (comp, col), evs in self.evidence.items():
            if comp == component and evs and all(ev.typical for ev in evs):
                mask[col] = True
        return mask

    def has_intent(self) -> bool:
        return bool(self.intent_element.any() or self.intent_tech.any() or self.intent_esco.any())


def inventory_level(level: int) -> float:
    """Inventory 1..5 → O*NET level 0..7 (see module docstring)."""
    return 1.5 + 1.25 * (min(max(level, 1), 5) - 1)


def position_credit(position: PositionItem, today: date) -> float:
    """recency x tenure, documented in the module docstring."""
    end = position.end or today
    since_end = max((today - end).days / 365.25, 0.0)
    if position.start is not None:
        years = max((end - position.start).days / 365.25, 0.0)
    else:
        years = UNKNOWN_TENURE_YEARS
    recency = 0.5 ** (since_end / RECENCY_HALF_LIFE_YEARS)
    tenure = min(1.0, 0.5 + years / (2 * TENURE_FULL_YEARS))
    return float(recency * tenure)


# Field-of-study keywords → O*NET knowledge element names. A short, readable table rather than
# a model: a degree's field names its knowledge area in plain words in nearly every case.
FIELD_KNOWLEDGE: tuple[tuple[str, str], ...] = (
    (r"comput|software|informatic|information tech|data science", "Computers and Electronics"),
    (r"mathemat|statistic|actuar", "Mathematics"),
    (r"engineer", "Engineering and Technology"),
    (r"mechanical", "Mechanical"),
    (r"electric", "Computers and Electronics"),
    (r"biolog|life science|biochem", "Biology"),
    (r"chemi", "Chemistry"),
    (r"physics|physical science", "Physics"),
    (r"psycholog", "Psychology"),
    (r"sociolog|anthropolog|social work|social science", "Sociology and Anthropology"),
    (r"econom|accounting|financ", "Economics and Accounting"),
    (r"business|management|\bmba\b|administration|commerce", "Administration and Management"),
    (r"marketing|sales", "Sales and Marketing"),
    (r"\blaw\b|legal|juris|\bllb\b|\bjd\b", "Law and Government"),
    (r"politic|public policy|government", "Law and Government"),
    (r"medic|nursing|pharma|dental|health", "Medicine and Dentistry"),
    (r"educat|teaching|pedagog", "Education and Training"),
    (r"english|literature|journalism|writing", "English Language"),
    (r"histor|archaeolog|archeolog", "History and Archeology"),
    (r"geograph|geolog|earth science", "Geography"),
    (r"\bart\b|arts\b|music|theat|film|fine art", "Fine Arts"),
    (r"design|architect", "Design"),
    (r"communication|media", "Communications and Media"),
    (r"philosoph|theolog|religio", "Philosophy and Theology"),
    (r"language|linguist|translation", "Foreign Language"),
    (r"human resource|personnel", "Personnel and Human Resources"),
    (r"agricultur|food science", "Food Production"),
    (r"telecom", "Telecommunications"),
    (r"logistic|supply chain|transport", "Transportation"),
    (r"criminal|policing|security", "Public Safety and Security"),
)

# Degree words → (O*NET "Required Level of Education" category, knowledge level it implies).
DEGREE_LEVELS: tuple[tuple[str, int, float], ...] = (
    (r"ph\.?d|doctor|dphil|\bdr\b|\bmd\b|\bjd\b", 11, 6.5),
    (r"master|\bmba\b|\bm\.?sc?\b|\bm\.?a\b|\bmeng\b|\bmphil\b|\bllm\b", 8, 5.75),
    (r"bachelor|\bb\.?sc?\b|\bb\.?a\b|\bbeng\b|\bb\.?tech|\bbba\b|\bllb\b|undergrad", 6, 5.0),
    (r"associate|\ba\.?a\.?s?\b|foundation degree|hnd", 5, 4.0),
    (r"certificate|diploma|hnc|vocational|apprentice", 3, 3.5),
    (r"high school|ged|secondary|a-level|baccalaureate", 2, 2.5),
)


def education_category(degree: str) -> tuple[int, float] | None:
    text = degree.casefold()
    for pattern, category, level in DEGREE_LEVELS:
        if re.search(pattern, text):
            return category, level
    return None


def zone_for_education(category: int) -> int:
    """O*NET Job Zone reference: a bachelor's degree is typical of zone 4, graduate school of 5."""
    if category >= 8:
        return 5
    if category >= 6:
        return 4
    if category >= 3:
        return 3
    return 2


def resolve_name(space: OccupationSpace, name: str, kind: str = "") -> tuple[str, str] | None:
    """An inventory name without a taxonomy, matched exactly (case-insensitively) against O*NET
    element names (the entry's own kind first: "Mathematics" is both a skill and a knowledge
    area), then technology names, then ESCO preferred labels."""
    key = name.strip().casefold()
    if not key:
        return None
    matches = [
        (ekind != kind, eid)
        for eid, ename, ekind in zip(
            space.element_ids, space.element_names, space.element_kinds, strict=True
        )
        if ename.casefold() == key
    ]
    if matches:
        return "onet", min(matches)[1]
    if key in space.tech_row:
        return "tech", space.tech_names[space.tech_row[key]]
    for sid, label in zip(space.esco_ids, space.esco_labels, strict=True):
        if label.casefold() == key:
            return "esco", sid
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


class _Builder:
    def __init__(self, space: OccupationSpace) -> None:
        e, d, t, s = (
            len(space.element_ids),
            len(space.dwa_ids),
            len(space.tech_names),
            len(space.esco_ids),
        )
        self.space = space
        self.level = np.zeros(e, np.float32)
        self.known = np.zeros(e, bool)
        self.core = np.zeros(e, np.float32)
        self.stated = np.zeros(e, bool)  # set by the person's own inventory: not overridden
        self.dwa = np.zeros(d, np.float32)
        self.tech = np.zeros(t, np.float32)
        self.esco = np.zeros(s, np.float32)
        self.intent_element = np.zeros(e, np.int8)
        self.intent_tech = np.zeros(t, np.int8)
        self.intent_esco = np.zeros(s, np.int8)
        self.evidence: dict[tuple[str, int], list[Evidence]] = defaultdict(list)
        self._stated_evidence: dict[tuple[str, int], int] = defaultdict(int)

    def add_evidence(self, key: tuple[str, int], ev: Evidence, *, stated: bool) -> None:
        """The person's own statements come first: they set the level shown next to them, and
        shells print only the first piece or two of evidence."""
        if stated:
            self.evidence[key].insert(self._stated_evidence[key], ev)
            self._stated_evidence[key] += 1
        else:
            self.evidence[key].append(ev)

    def element(self, col: int, level: float, core: float, ev: Evidence, *, stated: bool) -> None:
        """Record a level for an element. The evidence that sets the level shown is listed
        first (after the person's own statements), so the level never contradicts the first
        piece of evidence a shell prints next to it."""
        before = float(self.level[col]) if self.known[col] else -1.0
        if stated:
            if not self.stated[col]:
                self.level[col] = level
            else:
                self.level[col] = max(self.level[col], level)
            self.stated[col] = True
        elif not self.stated[col]:
            self.level[col] = max(self.level[col], level)
        self.known[col] = True
        self.core[col] = max(self.core[col], core)
        key = ("element", col)
        if not stated and not self.stated[col] and level > before:
            self.evidence[key].insert(self._stated_evidence[key], ev)
        else:
            self.add_evidence(key, ev, stated=stated)

    def concept(
        self,
        taxonomy: str,
        concept_id: str,
        level: float,
        core: float,
        weight: float,
        ev: Evidence,
        *,
        stated: bool,
        intent: int,
    ) -> bool:
        col = self.space.concept_column(taxonomy, concept_id)
        if col is None:
            return False
        if taxonomy == "onet":
            self.element(col, level, core, ev, stated=stated)
            if intent:
                self.intent_element[col] = intent
        elif taxonomy == "tech":
            self.tech[col] = max(self.tech[col], weight)
            self.add_evidence(("tech", col), ev, stated=stated)
            if intent:
                self.intent_tech[col] = intent
        else:
            self.esco[col] = max(self.esco[col], weight)
            self.add_evidence(("esco", col), ev, stated=stated)
            if intent:
                self.intent_esco[col] = intent
        return True


INTENT = {"keep": 0, "drop": -1, "add": 1}


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
    """Everything the person entered, as one profile over ``space`` (see module docstring)."""
    today = today or date.today()
    b = _Builder(space)
    ix = space.index

    # Positions: the occupation's profile, credited by recency and tenure.
    occupations: list[tuple[str, float]] = []
    interest_sum = np.zeros(6, np.float64)
    interest_weight = 0.0
    zone_sum = 0.0
    zone_weight = 0.0
    coded = [p for p in positions if p.occupation_code and p.occupation_code in space.row_of]
    raw_credit = [position_credit(p, today) for p in coded]
    top_credit = max(raw_credit, default=0.0)
    for pos, raw in zip(coded, raw_credit, strict=True):
        assert pos.occupation_code is not None
        row = space.row_of[pos.occupation_code]
        credit = raw / top_credit if top_credit > 0 else 0.0
        occupations.append((pos.occupation_code, credit))
        title = space.titles[row]
        label = pos.title + (f" at {pos.employer}" if pos.employer else "")
        if pos.title != title:
            label += f" → {title}"
        if ix.rated[row]:
            levels = np.nan_to_num(space.level[row], nan=0.0)
            weights = ix.weight[row] * credit
            for col in np.flatnonzero(~np.isnan(space.level[row])):
                ev = Evidence(
                    position_source,
                    f"{label}: level {space.level[row, col]:.1f}"
                    + ("" if credit >= 0.995 else f", weight x{credit:.2f} (recency, tenure)"),
                )
                b.element(int(col), float(levels[col]), float(weights[col]), ev, stated=False)
        for col in np.flatnonzero(space.dwa[row] > 0):
            if credit > b.dwa[col]:
                b.dwa[col] = credit
            b.evidence[("dwa", int(col))].append(Evidence(position_source, label))
        for col in np.flatnonzero(space.tech[row] > 0):
            b.tech[col] = max(b.tech[col], credit)
            b.evidence[("tech", int(col))].append(Evidence(position_source, label, typical=True))
        if space.esco_ids:
            for col in np.flatnonzero(space.esco[row] > 0):
                b.esco[col] = max(b.esco[col], credit * float(space.esco[row, col]))
                b.evidence[("esco", int(col))].append(Evidence(position_source, label))
        if ix.has_interests[row]:
            interest_sum += credit * space.interests[row]
            interest_weight += credit
        if not np.isnan(space.job_zone[row]):
            zone_sum += credit * float(space.job_zone[row])
            zone_weight += credit

    # Education: knowledge areas from the field, an entry zone from the degree.
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

    # Concepts the extractor found in the résumé, certifications, position descriptions.
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

    # The inventory last: the person's own word wins.
    unmatched: list[str] = []
    for item in inventory:
        intent = INTENT.get(item.intent, 0)
        level = inventory_level(item.level)
        taxonomy, concept_id = item.taxonomy, item.concept_id
        if not taxonomy or not concept_id:
            resolved = resolve_name(space, item.name, item.kind)
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

    person_interests: F32 | None = None
    interests_source = ""
    if interests:
        vec = [float(interests.get(name, interests.get(name[0], np.nan))) for name in RIASEC]
        if not any(np.isnan(vec)):
            person_interests = np.array(vec, np.float32)
            interests_source = "your interests"
    if person_interests is None and interest_weight > 0:
        person_interests = (interest_sum / interest_weight).astype(np.float32)
        interests_source = f"{space.onet_version} interests of your positions' occupations"

    job_zone: float | None = None
    if zone_weight > 0:
        job_zone = zone_sum / zone_weight
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
        occupations=tuple(occupations),
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
