"""What an extraction returns: plain frozen records that serialise to JSON as they are."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class SkillHit:
    """One mention of one concept: what, where, the evidence, and how sure.

    ``start``/``end`` are character offsets into the text as given (after NFKC, which the
    result's ``text`` holds). ``status`` is required / preferred (postings), held (résumés and
    profiles) or mentioned. ``label`` is the concept's label (for O*NET products, the product);
    ``matched_label`` is the lexicon entry that matched. ``phrase_start``/``phrase_end`` widen
    the mention to the skill phrase around it: the verb that governs it and the rest of its
    clause ("manage stakeholders across regions" around "stakeholders"), the way annotators
    of job postings mark skills; without a governing verb they equal ``start``/``end``.
    ``phrase_type`` is "skill" for a verb-led phrase (it shows doing something), else
    ``skill_type``.
    """

    concept_id: str
    label: str
    taxonomy: str
    source: str
    skill_type: str
    category: str
    start: int
    end: int
    text: str
    matched_label: str
    sentence: str
    section: str | None
    status: str
    confidence: float
    phrase_start: int
    phrase_end: int
    phrase_type: str
    method: str = "phrase"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Excluded:
    """A mention left out on purpose, with the reason (negated, benefits section, ...)."""

    concept_id: str
    label: str
    start: int
    end: int
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    text: str
    kind: str
    hits: tuple[SkillHit, ...] = ()
    excluded: tuple[Excluded, ...] = ()
    warnings: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "hits": [h.to_dict() for h in self.hits],
            "excluded": [e.to_dict() for e in self.excluded],
            "warnings": list(self.warnings),
            "sources": list(self.sources),
        }
        if include_text:
            data["text"] = self.text
        return data

    def concepts(self) -> list[str]:
        """Distinct concept ids in order of first mention, for gap analysis and tailoring."""
        seen: dict[str, None] = {}
        for hit in self.hits:
            seen.setdefault(hit.concept_id, None)
        return list(seen)
