"""Typed records of the knowledge base.

Plain frozen dataclasses with slots: tens of thousands are created on load, and pydantic would
cost several times more time and memory for data that is read-only and already validated at
build time. ``index`` fields are row numbers into the numpy arrays of ``KnowledgeBase``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ElementKind = Literal["skill", "knowledge", "work_style", "work_value", "interest"]
TaskType = Literal["Core", "Supplemental"]
Relation = Literal["essential", "optional"]
LinkMethod = Literal["similarity", "nesta", "nesta+similarity"]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Versions for evidence strings, e.g. ``f"{kb.source.onet}"`` -> ``"O*NET 29.0"``."""

    onet: str
    esco: str
    onet_version: str
    esco_version: str
    build_date: str


@dataclass(frozen=True, slots=True)
class Occupation:
    index: int
    code: str
    title: str
    description: str
    job_zone: int | None
    major_group: str
    major_group_title: str
    minor_group: str
    broad_group: str


@dataclass(frozen=True, slots=True)
class Imputation:
    """Ratings estimated as the mean of rated occupations in the same SOC group.

    ``level`` is the group used: detailed (same 6-digit SOC), broad, minor or major.
    """

    family: str
    level: str
    source_codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Element:
    """A content-model element (skill, knowledge area, work style, work value, RIASEC type)."""

    index: int
    id: str
    name: str
    kind: ElementKind
    description: str


@dataclass(frozen=True, slots=True)
class ElementScore:
    element: Element
    importance: float | None
    level: float | None


@dataclass(frozen=True, slots=True)
class JobZone:
    zone: int
    name: str
    experience: str
    education: str
    training: str
    examples: str
    svp_range: str


@dataclass(frozen=True, slots=True)
class Category:
    number: int
    description: str


@dataclass(frozen=True, slots=True)
class EteScale:
    """One Education, Training and Experience question; its array holds % per category."""

    element_id: str
    name: str
    array: str
    categories: tuple[Category, ...]


@dataclass(frozen=True, slots=True)
class Distribution:
    scale: EteScale
    percents: tuple[float, ...]

    def mode(self) -> Category | None:
        if not self.percents:
            return None
        best = max(range(len(self.percents)), key=lambda i: self.percents[i])
        return self.scale.categories[best]


@dataclass(frozen=True, slots=True)
class DWA:
    index: int
    id: str
    title: str
    iwa_id: str
    element_id: str


@dataclass(frozen=True, slots=True)
class Task:
    occupation_index: int
    id: int
    text: str
    type: TaskType | None
    dwa_indices: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Commodity:
    index: int
    code: str
    title: str


@dataclass(frozen=True, slots=True)
class TechSkill:
    """One technology example as listed for one occupation."""

    occupation_index: int
    example: str
    commodity: Commodity
    hot: bool
    in_demand: bool


@dataclass(frozen=True, slots=True)
class TechExample:
    """A technology example across all occupations (for skill extraction and gaps)."""

    name: str
    commodity: Commodity
    hot: bool
    in_demand: bool
    occupation_indices: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Tool:
    occupation_index: int
    example: str
    commodity: Commodity


@dataclass(frozen=True, slots=True)
class AlternateTitle:
    occupation_index: int
    title: str
    short_title: str | None
    sources: str


@dataclass(frozen=True, slots=True)
class ReportedTitle:
    """A title incumbents reported; kept apart so title matching can be benchmarked on them."""

    occupation_index: int
    title: str
    shown_in_my_next_move: bool


@dataclass(frozen=True, slots=True)
class EscoOccupation:
    index: int
    uri: str
    code: str
    isco_group: str
    preferred_label: str
    alt_labels: tuple[str, ...]
    hidden_labels: tuple[str, ...]
    description: str
    parent_index: int | None


@dataclass(frozen=True, slots=True)
class EscoSkill:
    index: int
    uri: str
    skill_type: Literal["skill/competence", "knowledge"] | None
    reuse_level: str | None
    preferred_label: str
    alt_labels: tuple[str, ...]
    hidden_labels: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class EscoRelation:
    skill: EscoSkill
    relation: Relation


@dataclass(frozen=True, slots=True)
class EscoLink:
    onet_index: int
    onet_code: str
    esco_index: int
    esco_uri: str
    score: float
    method: LinkMethod


@dataclass(frozen=True, slots=True)
class LinkedEscoSkill:
    """An ESCO skill of an O*NET occupation, reached through one or more ESCO links.

    ``score`` is the best link score among the ESCO occupations that list the skill;
    ``relation`` is ``essential`` when any of them lists it as essential; ``support`` is the
    share of linked ESCO occupations (weighted by link score) that list it.
    """

    skill: EscoSkill
    relation: Relation
    score: float
    support: float
    via: tuple[str, ...]
