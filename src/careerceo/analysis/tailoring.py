"""How well a résumé matches one job posting, what is missing, and a tailored version (pure).

The score is a weighted sum of five parts, each explained: skills and technologies (the
weighted share of the posting's requirements the résumé shows, weights from
``analysis.job_gap``: required > preferred > mentioned, more mentions weigh more), title and
level (words shared with the posting's title, and seniority distance), experience (years asked
vs years in the positions) and education (degree asked vs held). A part the posting says nothing
about is left out of the average rather than counted as a match. Skill mentions come from
``careerceo.skills`` (ESCO 1.1.1, O*NET 29.0 technology and element lexicons).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from careerceo.analysis.job_gap import DEGREES, JobGap, Requirement, years_worked
from careerceo.model.resume import Resume
from careerceo.text.dates import to_date

TECH = {"onet-tech", "onet-tool", "tech"}
WEIGHTS = {
    "skills": 0.35,
    "technologies": 0.25,
    "title": 0.15,
    "experience": 0.15,
    "education": 0.10,
}
LEVELS: tuple[tuple[str, int], ...] = (
    (r"\b(intern|trainee|apprentice)\b", 0),
    (r"\b(junior|jr|entry|graduate|associate)\b", 1),
    (r"\b(senior|sr)\b", 3),
    (r"\b(lead|staff|principal|manager|head)\b", 4),
    (r"\b(director)\b", 5),
    (r"\b(vp|vice president)\b", 6),
    (r"\b(chief|cto|ceo|cfo|coo)\b", 7),
)
STOP = {"and", "or", "of", "the", "a", "an", "in", "for", "to", "with", "at", "i", "ii", "iii", "-"}


@dataclass(frozen=True)
class Part:
    name: str
    score: float | None  # 0..1; None when the posting gives nothing to compare
    weight: float
    detail: str


@dataclass(frozen=True)
class Missing:
    label: str
    kind: str
    strength: str
    mentions: int
    weight: float
    where: str
    posting_evidence: str


@dataclass(frozen=True)
class Match:
    score: float  # 0..100
    parts: tuple[Part, ...]
    matched: tuple[Requirement, ...]
    missing: tuple[Missing, ...]
    gap: JobGap


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9+#]+", text.lower()) if w not in STOP and len(w) > 1}


def level_of(title: str) -> int:
    found = [rank for pattern, rank in LEVELS if re.search(pattern, title, re.IGNORECASE)]
    return max(found) if found else 2


def years_in(resume: Resume, today: date) -> float | None:
    return years_worked(((to_date(p.start), to_date(p.end)) for p in resume.positions), today)


def education_level(resume: Resume) -> int | None:
    best: int | None = None
    for e in resume.education:
        text = f"{e.degree} {e.field}"
        for pattern, category, _ in DEGREES:
            if re.search(pattern, text, re.IGNORECASE):
                best = max(best or 0, category)
                break
    return best


def _coverage(reqs: Sequence[Requirement]) -> float | None:
    total = sum(r.weight for r in reqs)
    return sum(r.weight for r in reqs if r.have) / total if total else None


def _where(req: Requirement, resume: Resume, rank: int) -> str:
    if req.taxonomy in TECH:
        return "Skills section, and the bullet of the job where you used it"
    evidence = " ".join(req.posting_evidence)
    best, best_overlap = None, 1
    for p in resume.positions:
        text = " ".join([p.title, p.summary, *p.highlights])
        overlap = len(words(text) & words(evidence))
        if overlap > best_overlap:
            best, best_overlap = p, overlap
    if best is not None:
        spot = f"a bullet under {best.title} at {best.employer}"
        return f"Summary and {spot}" if rank < 3 and req.strength == "required" else spot
    return "Summary (if true for you), or Skills"


def match(
    resume: Resume,
    gap: JobGap,
    posting_title: str,
    *,
    years: float | None,
) -> Match:
    """The résumé-match view of the requirements engine's ``gap`` (skills, technologies,
    experience and education parts come from it; title and level from the résumé)."""
    tech = [r for r in gap.requirements if r.taxonomy in TECH]
    skills = [r for r in gap.requirements if r.taxonomy not in TECH]
    parts = []
    for name, reqs in (("skills", skills), ("technologies", tech)):
        cov = _coverage(reqs)
        have = sum(1 for r in reqs if r.have)
        detail = f"{have} of {len(reqs)} the posting names" if reqs else "the posting names none"
        parts.append(Part(name, None if cov is None else round(cov, 3), WEIGHTS[name], detail))
    current = resume.positions[0].title if resume.positions else ""
    mine = f"{resume.label} {current}"
    asked = words(posting_title)
    if asked and mine.strip():
        overlap = len(asked & words(mine)) / len(asked)
        distance = abs(level_of(posting_title) - level_of(mine))
        score = 0.6 * overlap + 0.4 * (1 - min(distance, 3) / 3)
        detail = (
            f"{len(asked & words(mine))} of {len(asked)} title words shared; level "
            f"{level_of(mine)} vs {level_of(posting_title)} asked (0 intern .. 7 chief)"
        )
        parts.append(Part("title", round(score, 3), WEIGHTS["title"], detail))
    else:
        parts.append(Part("title", None, WEIGHTS["title"], "no title to compare"))
    for name in ("experience", "education"):
        qual = next(
            (q for q in gap.qualifications if ("years" in q.what) == (name == "experience")), None
        )
        if qual is None:
            parts.append(Part(name, None, WEIGHTS[name], "the posting asks for nothing specific"))
        elif qual.have is None:
            parts.append(Part(name, 0.5, WEIGHTS[name], f"{qual.what} asked; {qual.evidence}"))
        else:
            score = 1.0 if qual.have else 0.0
            if name == "experience" and not qual.have:
                held = years or 0.0
                asked_years = float(re.findall(r"\d+", qual.what)[0])
                score = min(held / asked_years, 1.0) if asked_years else 0.0
            parts.append(
                Part(name, round(score, 3), WEIGHTS[name], f"{qual.what} asked; {qual.evidence}")
            )
    scored = [p for p in parts if p.score is not None]
    total_weight = sum(p.weight for p in scored)
    score = sum(p.weight * (p.score or 0.0) for p in scored) / total_weight if total_weight else 0.0
    missing = tuple(
        Missing(
            label=r.label,
            kind=r.kind,
            strength=r.strength,
            mentions=r.mentions,
            weight=r.weight,
            where=_where(r, resume, i),
            posting_evidence=r.posting_evidence[0] if r.posting_evidence else "",
        )
        for i, r in enumerate(gap.missing)
    )
    return Match(round(100 * score, 1), tuple(parts), tuple(gap.have), missing, gap)


def _mentions(text: str, labels: Sequence[str]) -> int:
    lowered = text.lower()
    return sum(1 for label in labels if label.lower() in lowered)


def tailor(resume: Resume, matched: Sequence[str]) -> Resume:
    """A version ordered for the posting: nothing invented, matched material first.

    Bullets within each job and skills within each group are ordered by how many of the
    target's matched keywords they carry; the missing keywords are not written in (the person
    decides where they are true) but returned by ``match`` with a suggested place.
    """
    labels = list(matched) + [t for m in matched for t in re.findall(r"[A-Za-z][\w+#.]+", m)]
    version = copy.deepcopy(resume)
    for p in version.positions:
        p.highlights = sorted(p.highlights, key=lambda h: -_mentions(h, labels))
    for s in version.skills:
        s.keywords = sorted(s.keywords, key=lambda k: -_mentions(k, labels))
    version.skills = sorted(
        version.skills, key=lambda s: -_mentions(" ".join([s.name, *s.keywords]), labels)
    )
    return version


def highlight(text: str, spans: Mapping[tuple[int, int], str]) -> list[tuple[str, str]]:
    """Text cut into (segment, kind) pieces, kind "" / "matched" / "missing", for display."""
    pieces: list[tuple[str, str]] = []
    at = 0
    for (start, end), kind in sorted(spans.items()):
        if start < at or end > len(text):
            continue
        if start > at:
            pieces.append((text[at:start], ""))
        pieces.append((text[start:end], kind))
        at = end
    if at < len(text):
        pieces.append((text[at:], ""))
    return pieces


def posting_spans(result: Match) -> dict[tuple[int, int], str]:
    spans: dict[tuple[int, int], str] = {}
    for r in result.gap.requirements:
        for span in r.spans:
            spans[span] = "matched" if r.have else "missing"
    return spans
