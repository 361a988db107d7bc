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


TAGGER_SOURCE = "span tagger trained on SkillSpan"
UNLINKED_WEIGHT = 0.5
# A lexicon match the tagger did not mark is listed only when the match is this sure; a named
# technology, tool or certification ("Tableau is a plus") at a lower bar, since the ordinary
# words annotators pass over ("experience", "English") are ESCO/O*NET skill labels. Chosen by
# 5-fold CV on SkillSpan train (exact + partial span F1 of the listing, with hits inside a
# tagged span listed at that span): 0.9 / 0.8 give exact 0.423, partial 0.707; one bar of
# 0.8 gives 0.413 / 0.706, of 0.9 0.420 / 0.708 (and drops such products); 0.9 with every
# product match listed, 0.411 / 0.702.
UNMARKED_MIN_CONFIDENCE = 0.9
UNMARKED_TECH = frozenset({"onet-tech", "onet-tool", "cert"})
UNMARKED_TECH_MIN_CONFIDENCE = 0.8


@dataclass(frozen=True, slots=True)
class Link:
    """A concept a mention names, and how sure the link is (0-1)."""

    concept_id: str
    label: str
    taxonomy: str
    skill_type: str
    category: str
    confidence: float
    method: str  # "lexicon" (a lexicon match inside the span), "words" (same words as a label),
    # "everyday" (the curated everyday-names table) or "semantic"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Mention:
    """A skill or knowledge span as a person annotating postings would mark it
    ("work independently with minimal supervision", "Python"), found by the learned tagger,
    with the concepts it links to, best first; ``links`` is empty for an unlinked mention
    (a real skill phrase that no ESCO/O*NET concept fits)."""

    start: int
    end: int
    text: str
    kind: str  # "skill" or "knowledge"
    score: float  # the tagger's confidence in the span (mean marginal probability)
    section: str | None
    status: str
    sentence: str = ""
    links: tuple[Link, ...] = ()

    @property
    def linked(self) -> bool:
        return bool(self.links)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["linked"] = self.linked
        return data

    def as_hit(self) -> dict[str, Any]:
        """The mention in a hit's shape (the same keys as ``SkillHit.to_dict``), for lists
        of hits such as ``career skills extract --json``: the best link's concept, or
        ``concept_id`` None and taxonomy "unlinked" when no concept fits. ``confidence`` is
        the tagger's span score times the link's confidence; an unlinked mention counts half
        (it is a skill phrase, but no concept says which), so ``--min-confidence 0.5`` keeps
        concepts and leaves most bare phrases out."""
        best = self.links[0] if self.links else None
        confidence = self.score * (best.confidence if best else UNLINKED_WEIGHT)
        return {
            "concept_id": best.concept_id if best else None,
            "label": best.label if best else self.text,
            "taxonomy": best.taxonomy if best else "unlinked",
            "source": TAGGER_SOURCE
            if best is None
            else f"{TAGGER_SOURCE}, linked by {best.method}",
            "skill_type": self.kind,
            "category": best.category if best else "",
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "matched_label": best.label if best else "",
            "sentence": self.sentence,
            "section": self.section,
            "status": self.status,
            "confidence": round(confidence, 3),
            "phrase_start": self.start,
            "phrase_end": self.end,
            "phrase_type": self.kind,
            "method": "tagger",
        }


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
    mentions: tuple[Mention, ...] = ()
    tagged: bool = False  # the learned tagger ran (its mentions may still be none)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "hits": [h.to_dict() for h in self.hits],
            "excluded": [e.to_dict() for e in self.excluded],
            "warnings": list(self.warnings),
            "sources": list(self.sources),
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if include_text:
            data["text"] = self.text
        return data

    def listed(self, min_confidence: float = 0.0) -> list[dict[str, Any]]:
        """Every skill the text shows as one list in the hits' shape: the concept hits, then
        each tagged mention that no hit stands for (a hit inside a mention already carries
        it as its phrase), linked or not, so phrases no lexicon label spells are not lost. A
        lexicon match the tagger did not mark is left out unless it is a sure one
        (``UNMARKED_MIN_CONFIDENCE``): the tagger learned which matches annotators pass over
        ("experience", "English" in "English-speaking"); curated everyday names and meaning
        matches, which the tagger's spans do not model, always show. ``hits`` keeps them all."""
        spans = [(m.start, m.end) for m in self.mentions]

        def shown(hit: SkillHit) -> bool:
            if hit.confidence < min_confidence:
                return False
            if not self.tagged or hit.method in ("everyday", "semantic"):
                return True
            marked = any(a <= hit.start and hit.end <= b for a, b in spans)
            floor = (
                UNMARKED_TECH_MIN_CONFIDENCE
                if hit.taxonomy in UNMARKED_TECH
                else UNMARKED_MIN_CONFIDENCE
            )
            return marked or hit.confidence >= floor

        tagged = set(spans)
        out = []
        for hit in self.hits:
            if not shown(hit):
                continue
            item = hit.to_dict()
            phrase = (hit.phrase_start, hit.phrase_end)
            if phrase in tagged and phrase != (hit.start, hit.end):
                # A concept inside a tagged span is listed at that span: the span is the skill
                # as the text states it ("maintain Kubernetes clusters", "SQL databases"), the
                # concept what it names; ``hits`` keeps the concept's own words. On SkillSpan
                # train (5-fold CV, bar 0.9) this lifted exact span F1 from 0.411 to 0.420
                # (partial 0.710 to 0.708): annotators rarely mark the concept's words again.
                item["start"], item["end"] = phrase
                item["text"] = self.text[phrase[0] : phrase[1]]
            out.append(item)
        phrases = {(h.phrase_start, h.phrase_end) for h in self.hits}
        for mention in self.mentions:
            if (mention.start, mention.end) in phrases:
                continue
            item = mention.as_hit()
            if item["confidence"] >= min_confidence:
                out.append(item)
        out.sort(key=lambda item: (item["start"], item["end"]))
        return out

    def concepts(self) -> list[str]:
        """Distinct concept ids in order of first mention, for gap analysis and tailoring."""
        seen: dict[str, None] = {}
        for hit in self.hits:
            seen.setdefault(hit.concept_id, None)
        return list(seen)
