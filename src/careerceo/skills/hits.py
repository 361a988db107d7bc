"""Matches in context: each lexicon match becomes a graded hit or an exclusion with its reason;
the optional semantic step adds hits by meaning where no match is.

A match is excluded when negated in its sentence, in a benefits/about section, or a two-letter
acronym no other skill nearby confirms; a kept one is graded required / preferred / held from
its sentence and section, with a confidence from how it matched.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence

from careerceo.skills import context, phrase
from careerceo.skills.lexicon import (
    KIND_CONFIDENCE,
    TAXONOMY_NAMES,
    TAXONOMY_RANK,
    Entry,
    Lexicon,
)
from careerceo.skills.matcher import LexiconMatcher, LexSpan
from careerceo.skills.model import Excluded, Link, SkillHit
from careerceo.skills.normalize import Token
from careerceo.skills.semantic import load_semantic

SHORT_ACRONYM = "a short acronym with no other skill nearby to confirm it"


class _Sentences:
    """The text and requirement status of a match's sentence, computed once per sentence (a
    sentence's hits share them)."""

    def __init__(self, text: str, kind: str) -> None:
        self.text = text
        self.kind = kind
        self._known: dict[tuple[int, int], tuple[str, str]] = {}

    def of(self, si: int, seg: context.Segment, end: int) -> tuple[str, str]:
        reach = max(seg.end, end)
        known = self._known.get((si, reach))
        if known is None:
            sentence = self.text[seg.start : reach].strip()
            known = self._known[(si, reach)] = (
                sentence,
                context.strength(sentence, seg.section, self.kind),
            )
        return known


def _placed(
    toks: list[Token], spans: list[LexSpan], segs: list[context.Segment]
) -> tuple[list[tuple[LexSpan, int]], dict[int, int]]:
    """Each span with the index of its segment, and how many spans each segment holds."""
    seg_starts = [s.start for s in segs]
    per_segment: defaultdict[int, int] = defaultdict(int)
    placed: list[tuple[LexSpan, int]] = []
    for span in spans:
        si = max(0, bisect.bisect_right(seg_starts, toks[span.first].start) - 1)
        per_segment[si] += 1
        placed.append((span, si))
    return placed, per_segment


def _unconfirmed_acronym(span: LexSpan, surface: str, nearby: int, spelled: set[int]) -> bool:
    """Two-letter acronyms ("PM", "HR", "AI") have many readings ("P&L" or "C#" do not): one
    counts only with another skill in its sentence or its concept spelled out elsewhere."""
    short = all(e.kind == "x" for e in span.entries) and surface.isalpha() and len(surface) <= 2
    return short and nearby < 2 and not ({e.concept for e in span.entries} & spelled)


def _exclusion(text: str, seg: context.Segment, start: int) -> str | None:
    if context.negated(text[seg.start : start]):
        return "negated in its sentence"
    if seg.section in context.EXCLUDED_SECTIONS:
        return f"in the {seg.section} section"
    return None


def _phrase(
    matcher: LexiconMatcher, text: str, toks: list[Token], span: LexSpan, tagged: bool
) -> tuple[int, int, bool]:
    """The match's phrase as tokens (first, last, led by a verb). With the tagger the phrase
    is the tagger's span (set later), so the match's own words here."""
    if tagged:
        return span.first, span.last, False
    # A multi-word ESCO skill label may open with its own verb ("conduct performance tests");
    # a one-word name that looks like a verb ("design", "reports", "React") governs nothing.
    concepts = matcher.lexicon.concepts
    own_verb = span.last > span.first and any(
        concepts[e.concept].skill_type == "skill" for e in span.entries
    )
    return phrase.widen(text, toks, span.first, span.last, matcher.verbs, own_verb)


def _confidence(
    matcher: LexiconMatcher,
    span: LexSpan,
    entries: Sequence[Entry],
    surface: str,
    section: str | None,
) -> float:
    """From the entry kind, lowered when the words name several concepts or one word only
    (more so when its concept is a guess), raised in a skills/requirements section."""
    best = entries[0]
    confidence = KIND_CONFIDENCE[best.kind]
    confidence -= 0.1 * min(2, len({e.concept for e in entries}) - 1)
    if span.first == span.last and best.kind not in {"x", "c"}:
        confidence -= 0.1
        confidence -= matcher.doubt(best, surface)
    if section in {"skills", "requirements", "preferred"}:
        confidence += 0.04
    return round(max(0.05, min(0.99, confidence)), 3)


def _by_taxonomy(matcher: LexiconMatcher, span: LexSpan) -> list[tuple[str, list[Entry]]]:
    """The span's entries per taxonomy (in taxonomy rank), each list best entry first."""
    concepts = matcher.lexicon.concepts
    grouped: dict[str, list[Entry]] = defaultdict(list)
    for entry in span.entries:
        grouped[concepts[entry.concept].taxonomy].append(entry)
    return [
        (taxonomy, sorted(grouped[taxonomy], key=matcher.lexicon.entry_rank))
        for taxonomy in sorted(grouped, key=TAXONOMY_RANK.__getitem__)
    ]


def contextualise(
    matcher: LexiconMatcher,
    text: str,
    toks: list[Token],
    spans: list[LexSpan],
    kind: str,
    segs: list[context.Segment],
    tagged: bool,
) -> tuple[list[SkillHit], list[Excluded]]:
    """Hits and exclusions of the lexicon matches ``spans`` (one hit per taxonomy a match
    names); ``tagged`` says the tagger will give the phrases."""
    concepts = matcher.lexicon.concepts
    # Concepts seen through a full (non-acronym) label: context for short acronyms.
    spelled = {e.concept for s in spans for e in s.entries if e.kind != "x"}
    placed, per_segment = _placed(toks, spans, segs)
    sentences = _Sentences(text, kind)
    hits: list[SkillHit] = []
    excluded: list[Excluded] = []
    for span, si in placed:
        start, end = toks[span.first].start, toks[span.last].end
        surface = text[start:end]
        seg = segs[si] if segs else context.Segment(0, len(text), None)
        if _unconfirmed_acronym(span, surface, per_segment[si], spelled):
            first = concepts[span.entries[0].concept]
            excluded.append(
                Excluded(first.concept_id, first.label, start, end, surface, SHORT_ACRONYM)
            )
            continue
        reason = _exclusion(text, seg, start)
        sentence, status = sentences.of(si, seg, end)
        first_tok, last_tok, led = _phrase(matcher, text, toks, span, tagged)
        for taxonomy, entries in _by_taxonomy(matcher, span):
            concept = concepts[entries[0].concept]
            if reason:
                excluded.append(
                    Excluded(concept.concept_id, concept.label, start, end, surface, reason)
                )
                continue
            hits.append(
                SkillHit(
                    concept_id=concept.concept_id,
                    label=concept.label,
                    taxonomy=taxonomy,
                    source=TAXONOMY_NAMES[taxonomy],
                    skill_type=concept.skill_type,
                    category=concept.category,
                    start=start,
                    end=end,
                    text=surface,
                    matched_label=entries[0].surface,
                    sentence=sentence[:500],
                    section=seg.section,
                    status=status,
                    confidence=_confidence(matcher, span, entries, surface, seg.section),
                    phrase_start=toks[first_tok].start,
                    phrase_end=toks[last_tok].end,
                    phrase_type="skill" if led else concept.skill_type,
                )
            )
    return hits, excluded


def hit_from_link(
    link: Link,
    where: tuple[int, int, str],
    sentence: str,
    section: str | None,
    status: str,
    confidence: float,
    phrase_type: str,
    method: str,
) -> SkillHit:
    """A hit for ``link``'s concept over ``where`` (start, end, text), which is its phrase."""
    start, end, text = where
    return SkillHit(
        concept_id=link.concept_id,
        label=link.label,
        taxonomy=link.taxonomy,
        source=TAXONOMY_NAMES[link.taxonomy],
        skill_type=link.skill_type,
        category=link.category,
        start=start,
        end=end,
        text=text,
        matched_label=link.label,
        sentence=sentence,
        section=section,
        status=status,
        confidence=confidence,
        phrase_start=start,
        phrase_end=end,
        phrase_type=phrase_type,
        method=method,
    )


def semantic_hits(
    lexicon: Lexicon, text: str, segs: list[context.Segment], hits: list[SkillHit], kind: str
) -> list[SkillHit]:
    """``hits`` plus meaning-based hits for clauses that phrase matching left (mostly)
    uncovered (the optional semantic step)."""
    matcher = load_semantic(lexicon)
    covered = bytearray(len(text))
    for hit in hits:
        covered[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    chunks: list[tuple[int, int, str]] = []
    where: list[context.Segment] = []
    for seg in segs:
        if seg.section in context.EXCLUDED_SECTIONS:
            continue
        for start, end, chunk in matcher.candidates(text, seg.start, seg.end):
            if sum(covered[start:end]) * 2 >= end - start:
                continue
            if context.negated(text[seg.start : start]):
                continue
            chunks.append((start, end, chunk))
            where.append(seg)
    found = matcher.match(chunks)
    seg_of = {(c[0], c[1]): seg for c, seg in zip(chunks, where, strict=True)}
    extra: list[SkillHit] = []
    for m in found:
        seg = seg_of[(m.start, m.end)]
        concept = lexicon.concepts[m.concept]
        sentence = text[seg.start : seg.end].strip()
        confidence = round(min(0.9, m.similarity) * 0.9, 3)
        link = Link(
            concept.concept_id,
            concept.label,
            concept.taxonomy,
            concept.skill_type,
            concept.category,
            confidence,
            "semantic",
        )
        extra.append(
            hit_from_link(
                link,
                (m.start, m.end, text[m.start : m.end]),
                sentence[:500],
                seg.section,
                context.strength(sentence, seg.section, kind),
                confidence,
                concept.skill_type,
                "semantic",
            )
        )
    return sorted([*hits, *extra], key=lambda h: (h.start, TAXONOMY_RANK[h.taxonomy]))
