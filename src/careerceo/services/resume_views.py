"""The typed shape of a résumé critique, a posting match and a pitch, as the CLI (``--json``),
the API and a stored tailored version all give them.

The analysis returns plain results; these views are the one contract every shell renders, so
a field is named, typed and documented once (the API's schema is read from them).
"""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel

from careerceo.analysis.critique_findings import SEVERITY
from careerceo.analysis.pitch import Pitch
from careerceo.analysis.resume_critique import Critique
from careerceo.analysis.tailoring import Match

MATCH_SOURCE = "skills: careerceo.skills (ESCO 1.1.1, O*NET 29.0); weights: analysis.job_gap"


class FindingView(BaseModel):
    rule: str
    line: int  # 1-based line in the text that was critiqued
    text: str
    explanation: str
    suggestion: str
    severity: str


class CritiqueView(BaseModel):
    words: int
    bullets: int
    bullets_with_metric: int
    counts: dict[str, int]  # findings per rule, every rule listed
    findings: list[FindingView]  # most costly first

    @classmethod
    def of(cls, critique: Critique) -> Self:
        found = critique.findings
        return cls(
            words=critique.words,
            bullets=critique.bullets,
            bullets_with_metric=critique.bullets_with_metric,
            counts={rule: sum(1 for f in found if f.rule == rule) for rule in SEVERITY},
            findings=[FindingView.model_validate(f, from_attributes=True) for f in found],
        )


class PartView(BaseModel):
    name: str
    score: float | None  # 0..1; None when the posting gives nothing to compare
    weight: float
    detail: str


class MatchedView(BaseModel):
    label: str
    kind: str
    strength: str
    evidence: list[str]


class MissingView(BaseModel):
    label: str
    kind: str
    strength: str
    mentions: int
    weight: float
    where: str
    posting_evidence: str


class QualificationView(BaseModel):
    what: str
    strength: str
    have: bool | None  # None when the person's data cannot say
    evidence: str
    posting_evidence: str


class MatchView(BaseModel):
    score: float  # 0..100
    parts: list[PartView]
    matched: list[MatchedView]
    missing: list[MissingView]
    qualifications: list[QualificationView]
    source: str = MATCH_SOURCE

    @classmethod
    def of(cls, match: Match) -> Self:
        return cls(
            score=match.score,
            parts=[PartView.model_validate(p, from_attributes=True) for p in match.parts],
            matched=[
                MatchedView(label=r.label, kind=r.kind, strength=r.strength, evidence=r.evidence)
                for r in match.matched
            ],
            missing=[MissingView.model_validate(m, from_attributes=True) for m in match.missing],
            qualifications=[
                QualificationView.model_validate(q, from_attributes=True)
                for q in match.gap.qualifications
            ],
        )


class PostingMatchView(MatchView):
    """A match with the saved posting it was made against."""

    posting_id: int
    title: str

    @classmethod
    def of_posting(cls, posting_id: int, title: str, match: Match) -> Self:
        return cls(posting_id=posting_id, title=title, **MatchView.of(match).model_dump())


class PitchView(BaseModel):
    story: str
    headline: str
    about: str
    keywords_used: list[str]
    missing_inputs: list[str]  # what would make it stronger
    sources: list[str]

    @classmethod
    def of(cls, pitch: Pitch) -> Self:
        return cls(
            story=pitch.story,
            headline=pitch.headline,
            about=pitch.about,
            keywords_used=list(pitch.keywords_used),
            missing_inputs=[m.text for m in pitch.missing_inputs],
            sources=list(pitch.sources),
        )
