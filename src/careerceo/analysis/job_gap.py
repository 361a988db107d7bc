"""Gap against one job posting: what it asks for, what the person has (with evidence), what is
missing, ranked.

Input is the posting's skill mentions (from ``careerceo.skills``; any objects with the
``SkillHit`` fields used here) and a map of what the person has, keyed the same way
(``concept_key``). Requirements are ranked by *strength x frequency*: strength is 1.0 for
required, 0.6 for preferred, 0.4 for merely mentioned (the strongest mention wins), frequency
adds ``log2(1 + mentions)`` so a skill named three times outranks one named once, and the
extractor's confidence scales the whole; a mention whose concept the extractor itself doubts
(below ``MIN_REQUIREMENT_CONFIDENCE``: "scale" read as the tool Scales, "shepherd" as "care for
the flock") is not a requirement at all, since a gap list is read concept by concept. Degrees
and years of experience are read from the text with patterns and compared with the person's
education and work history.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

MIN_REQUIREMENT_CONFIDENCE = 0.645  # a one-word product name (0.65) still counts
STRENGTH = {"required": 1.0, "preferred": 0.6, "mentioned": 0.4, "held": 0.4}
TAXONOMY_LABELS = {
    "onet-element": "O*NET skill/knowledge",
    "esco": "ESCO skill",
    "onet-tech": "technology",
    "onet-tool": "tool",
    "cert": "certification",
}


class HitLike(Protocol):
    @property
    def concept_id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def taxonomy(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def sentence(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def concept_key(taxonomy: str, concept_id: str, label: str) -> str:
    """Technologies are matched by product name (O*NET lists them per product, and the
    extractor's id is the product's commodity class); everything else by concept id."""
    if taxonomy in ("onet-tech", "onet-tool", "tech"):
        return f"tech:{label.casefold()}"
    if taxonomy in ("onet-element", "onet"):
        return f"onet:{concept_id}"
    return f"{taxonomy}:{concept_id}"


@dataclass(frozen=True)
class Requirement:
    key: str
    label: str
    taxonomy: str
    kind: str  # human label of the taxonomy
    strength: str  # required | preferred | mentioned
    mentions: int
    weight: float
    have: bool
    evidence: tuple[str, ...]  # the person's evidence when have
    posting_evidence: tuple[str, ...]  # sentences of the posting that ask for it
    spans: tuple[tuple[int, int], ...]
    source: str
    # Every concept key this requirement stands for: one mention ("Python") can be the same
    # thing in two taxonomies (the O*NET product and the ESCO skill), listed once.
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Qualification:
    what: str  # e.g. "Bachelor's degree", "5+ years of experience"
    strength: str
    have: bool | None  # None when the person's data cannot say
    evidence: str
    posting_evidence: str


@dataclass(frozen=True)
class JobGap:
    requirements: tuple[Requirement, ...]
    qualifications: tuple[Qualification, ...]
    coverage: float  # weighted share of requirements the person has
    words: int
    warnings: tuple[str, ...] = field(default_factory=tuple)
    text: str = ""  # the posting as analysed: requirement spans index into it

    @property
    def have(self) -> list[Requirement]:
        return [r for r in self.requirements if r.have]

    @property
    def missing(self) -> list[Requirement]:
        return [r for r in self.requirements if not r.have]


DEGREES: tuple[tuple[str, int, str], ...] = (
    (r"\b(ph\.?\s?d|doctorate|doctoral)\b", 11, "Doctoral degree"),
    (r"\b(master'?s?|m\.?s\.?c?|mba|m\.?eng)\b(?:\s+degree)?", 8, "Master's degree"),
    (
        r"\b(bachelor'?s?|b\.?s\.?c?|b\.?a\.?|b\.?eng|undergraduate degree)\b",
        6,
        "Bachelor's degree",
    ),
    (r"\bassociate'?s? degree\b", 5, "Associate's degree"),
    (r"\b(high school|ged)\b", 2, "High school diploma"),
)
# O*NET's education categories (Education, Training, and Experience Categories, RL scale)
EDUCATION_LEVELS = {
    1: "less than a high school diploma", 2: "a high school diploma",
    3: "a post-secondary certificate", 4: "some college courses", 5: "an associate's degree",
    6: "a bachelor's degree", 7: "a post-baccalaureate certificate", 8: "a master's degree",
    9: "a post-master's certificate", 10: "a first professional degree",
    11: "a doctoral degree", 12: "post-doctoral training",
}  # fmt: skip
# "3+ years", "3-5 years", "2 to 3 years", "2-4+ years" (any dash): a range asks for its
# lower end.
_YEARS = re.compile(
    r"(\d{1,2})\s*(?:\+|plus)?\s*(?:(?:-|\u2013|\u2014|to)\s*\d{1,2}\s*\+?\s*)?years?",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^\n.;]*")
_PREFERRED = re.compile(r"prefer|nice to have|\bplus\b|bonus|ideally|desired", re.IGNORECASE)


_CLAUSE_END = re.compile(r"[\n;]|(?<=[.!?])\s")


def _sentences_with(pattern: re.Pattern[str], text: str) -> list[tuple[re.Match[str], str, int]]:
    """Each match with its sentence and the match's offset in ``text``."""
    out = []
    start = 0
    ends = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(text)] + [(len(text), len(text))]
    for end, after in ends:
        line = text[start:end]
        for match in pattern.finditer(line):
            out.append((match, line.strip(), start + match.start()))
        start = after
    return out


def _strength(sentence: str, offset: int, preferred: Sequence[tuple[int, int]]) -> str:
    """Preferred when the sentence says so or sits in a preferred-qualifications section."""
    if _PREFERRED.search(sentence) or any(a <= offset < b for a, b in preferred):
        return "preferred"
    return "required"


def qualifications(
    text: str,
    education_category: int | None,
    years_experience: float | None,
    preferred_spans: Sequence[tuple[int, int]] = (),
) -> list[Qualification]:
    """Degrees and years of experience the posting asks for, against the person's.

    ``preferred_spans`` are the parts of ``text`` under a preferred-qualifications heading.
    Years: the most any required sentence asks for (every one of them must be met: "5 years in
    curriculum development" and "3 years of people management" ask for 5), and the most a
    preferred one asks for when that is more."""
    out: list[Qualification] = []
    lowest: tuple[int, str, str, str] | None = None
    for pattern, category, name in DEGREES:
        found = _sentences_with(re.compile(pattern, re.IGNORECASE), text)
        if not found:
            continue
        _, sentence, offset = found[0]
        strength = _strength(sentence, offset, preferred_spans)
        # The lowest degree named is the requirement; higher ones are usually "or higher".
        if lowest is None or category < lowest[0]:
            lowest = (category, name, strength, sentence)
    if lowest is not None:
        category, name, strength, sentence = lowest
        have = None if education_category is None else education_category >= category
        evidence = (
            "no education entered"
            if education_category is None
            else "your highest education: "
            + EDUCATION_LEVELS.get(education_category, f"level {education_category}")
        )
        out.append(Qualification(name, strength, have, evidence, sentence[:300]))
    asked: dict[str, tuple[int, str]] = {}
    for match, sentence, offset in _sentences_with(_YEARS, text):
        if "experience" in sentence.lower():
            strength = _strength(sentence, offset, preferred_spans)
            years = int(match.group(1))
            if years == 0:  # "0-1 years of experience": open to beginners, nothing to meet
                continue
            if strength not in asked or years > asked[strength][0]:
                asked[strength] = (years, sentence)
    if "required" in asked and asked.get("preferred", (0, ""))[0] <= asked["required"][0]:
        asked.pop("preferred", None)
    for strength in ("required", "preferred"):
        if strength not in asked:
            continue
        years, sentence = asked[strength]
        have = None if years_experience is None else years_experience >= years
        evidence = (
            "no positions entered"
            if years_experience is None
            else f"{years_experience:.1f} years across your positions"
        )
        out.append(
            Qualification(f"{years}+ years of experience", strength, have, evidence, sentence[:300])
        )
    return out


def years_worked(spans: Iterable[tuple[date | None, date | None]], today: date) -> float | None:
    """Years covered by (start, end) spans, an open end being ``today``; spans that overlap
    (two jobs at once) count once, undated ones not at all. None when nothing is dated. Every
    place that states the person's years (gap, match, pitch) uses this one count."""
    dated = sorted((start, max(end or today, start)) for start, end in spans if start is not None)
    if not dated:
        return None
    total = 0
    cur_start, cur_end = dated[0]
    for start, end in dated[1:]:
        if start <= cur_end:
            cur_end = max(cur_end, end)
        else:
            total += (cur_end - cur_start).days
            cur_start, cur_end = start, end
    total += (cur_end - cur_start).days
    return round(total / 365.25, 1)


def _plain(label: str) -> str:
    """ "Python (computer programming)" → "python": the name without its qualifier."""
    return re.sub(r"\s*\([^)]*\)", "", label).strip().casefold()


def _names_it(label: str, mention: str) -> bool:
    plain = _plain(label)
    return bool(mention) and (
        plain == mention or re.search(rf"(?<!\w){re.escape(mention)}(?!\w)", plain) is not None
    )


def _same_requirement(groups: Mapping[str, Sequence[HitLike]], text: str) -> list[list[str]]:
    """Concept keys grouped into requirements, in first-seen order.

    The extractor gives one hit per taxonomy for a mention ("Python" → the O*NET product
    Python and the ESCO skill "Python (computer programming)"). When two concepts are found in
    the same words and both are named by those words (or carry the same name), they are one
    requirement: listing both would show one skill twice, count it twice in coverage and could
    mark it both had and missing. A broader concept found in the same words ("Computer
    Science" → O*NET "Computers and Electronics") stays a requirement of its own.
    """
    parent = {k: k for k in groups}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    at_span: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for key, group in groups.items():
        for h in group:
            at_span.setdefault((h.start, h.end), []).append((key, h.label))
    for (start, end), found in at_span.items():
        mention = text[start:end].strip().casefold() if 0 <= start < end <= len(text) else ""
        for i, (key_a, label_a) in enumerate(found):
            for key_b, label_b in found[i + 1 :]:
                if key_a == key_b:
                    continue
                same = _plain(label_a) == _plain(label_b) or (
                    _names_it(label_a, mention) and _names_it(label_b, mention)
                )
                if same:
                    parent[find(key_b)] = find(key_a)
    merged: dict[str, list[str]] = {}
    for key in groups:
        merged.setdefault(find(key), []).append(key)
    return list(merged.values())


def _shown_hit(group: Sequence[HitLike], keys: Sequence[str], text: str) -> HitLike:
    """The label to show for a merged requirement: the one that is exactly what the posting
    says ("Python", not "Python (computer programming)"), else the shortest."""

    def rank(h: HitLike) -> tuple[bool, int, int]:
        mention = text[h.start : h.end].strip().casefold() if h.end <= len(text) else ""
        key = concept_key(h.taxonomy, h.concept_id, h.label)
        return (_plain(h.label) != mention, len(h.label), keys.index(key))

    return min(group, key=rank)


def analyse(
    hits: Iterable[HitLike],
    have: Mapping[str, Sequence[str]],
    *,
    text: str = "",
    education_category: int | None = None,
    years_experience: float | None = None,
    warnings: Sequence[str] = (),
    preferred_spans: Sequence[tuple[int, int]] = (),
) -> JobGap:
    """Requirements with have/missing and evidence, strongest first (see module docstring)."""
    groups: dict[str, list[HitLike]] = {}
    for hit in hits:
        if hit.confidence < MIN_REQUIREMENT_CONFIDENCE:
            continue
        groups.setdefault(concept_key(hit.taxonomy, hit.concept_id, hit.label), []).append(hit)
    reqs: list[Requirement] = []
    for keys in _same_requirement(groups, text):
        group = [h for k in keys for h in groups[k]]
        best = max(group, key=lambda h: (STRENGTH.get(h.status, 0.4), h.confidence))
        strength = best.status if best.status in STRENGTH else "mentioned"
        confidence = max(h.confidence for h in group)
        spans = tuple(dict.fromkeys((h.start, h.end) for h in group))
        weight = STRENGTH[strength] * (1.0 + math.log2(1 + len(spans))) * confidence
        person = tuple(dict.fromkeys(e for k in keys for e in have.get(k, ())))
        sentences = tuple(dict.fromkeys(h.sentence[:240] for h in group))[:3]
        shown = _shown_hit(group, keys, text) if len(keys) > 1 else best
        reqs.append(
            Requirement(
                key=concept_key(shown.taxonomy, shown.concept_id, shown.label),
                label=shown.label,
                taxonomy=shown.taxonomy,
                kind=TAXONOMY_LABELS.get(shown.taxonomy, shown.taxonomy),
                strength=strength,
                mentions=len(spans),
                weight=round(weight, 4),
                have=bool(person),
                evidence=person[:3],
                posting_evidence=sentences,
                spans=spans,
                source=shown.source,
                keys=tuple(keys),
            )
        )
    reqs.sort(key=lambda r: (-r.weight, r.label.casefold()))
    total = sum(r.weight for r in reqs)
    covered = sum(r.weight for r in reqs if r.have)
    return JobGap(
        requirements=tuple(reqs),
        qualifications=tuple(
            qualifications(text, education_category, years_experience, preferred_spans)
        ),
        coverage=round(covered / total, 4) if total else 0.0,
        words=len(text.split()),
        warnings=tuple(warnings),
        text=text,
    )
