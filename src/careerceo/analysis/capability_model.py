"""The values a capability profile is built from and made of: what the person entered (plain
values read by the services), the evidence for each part, and the profile itself. The
heuristics that build it are described in ``analysis.capability``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from careerceo.analysis.pivot_space import F32

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
    # From the profile of an occupation the person held (its levels, activities, technology,
    # ESCO skills): implied by their positions, not named by them.
    implied: bool = False
    # How much this one piece of evidence says: the level it sets on O*NET's 0..7 scale (an
    # occupation's level x the position's credit, an inventory level, the extracted 4.0). A
    # posting's requirement is met only by a piece strong enough on its own, never by an
    # "Accountants: level 0.5 x credit 0.25" that merely touches the element.
    level: float | None = None

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
