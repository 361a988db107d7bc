"""The learned tagger's spans as mentions, linked to concepts, and what they add to the hits.

A mention is a skill phrase the tagger marked ("work independently with minimal supervision");
it links to the concepts of the lexicon hits inside it, else to a label with the same words
(the linker), else stays unlinked so recall is not thrown away. Hits inside a mention take it
as their phrase; a linked mention no hit is inside becomes a hit of its own.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from careerceo.skills import context
from careerceo.skills.hits import hit_from_link
from careerceo.skills.lexicon import Lexicon
from careerceo.skills.linker import Linker
from careerceo.skills.model import Link, Mention, SkillHit
from careerceo.skills.semantic import load_semantic
from careerceo.skills.tagger import LexMark, TaggedSpan, Tagger, words


def _links_inside(span: TaggedSpan, hits: list[SkillHit], hit_starts: list[int]) -> list[Link]:
    """The concepts of the hits that overlap ``span``, most confident first."""
    links: dict[str, Link] = {}
    first = bisect.bisect_left(hit_starts, span.start)
    # Hits are sorted by start; one may begin before the span and reach into it.
    for hit in hits[max(0, first - 3) :]:
        if hit.start >= span.end:
            break
        if hit.end <= span.start or hit.concept_id in links:
            continue
        links[hit.concept_id] = Link(
            hit.concept_id,
            hit.label,
            hit.taxonomy,
            hit.skill_type,
            hit.category,
            hit.confidence,
            "lexicon" if hit.method == "phrase" else hit.method,
        )
    return sorted(links.values(), key=lambda link: -link.confidence)


def mentions(
    tagger: Tagger,
    linker: Linker,
    text: str,
    marks: list[LexMark],
    segs: list[context.Segment],
    kind: str,
    hits: list[SkillHit],
) -> list[Mention]:
    """The tagger's spans, sentence by sentence, each linked to the concepts of the lexicon
    hits inside it, else to a label with the same words; left out, like hits, when negated
    or in a benefits/about section."""
    mark_starts = [m.start for m in marks]
    hit_starts = [h.start for h in hits]
    kept = [seg for seg in segs if seg.section not in context.EXCLUDED_SECTIONS]
    batch = []
    for seg in kept:
        lo = bisect.bisect_left(mark_starts, seg.start)
        hi = bisect.bisect_left(mark_starts, seg.end)
        batch.append((words(text, seg.start, seg.end), marks[lo:hi]))
    out: list[Mention] = []
    for seg, found in zip(kept, tagger.tag_many(batch), strict=True):
        if not found:
            continue
        sentence = text[seg.start : seg.end].strip()
        status = context.strength(sentence, seg.section, kind)
        for span in found:
            if context.negated(text[seg.start : span.start]):
                continue
            words_of = text[span.start : span.end]
            ranked = _links_inside(span, hits, hit_starts) or linker.link(words_of, prose=True)
            out.append(
                Mention(
                    span.start,
                    span.end,
                    words_of,
                    span.kind,
                    span.score,
                    seg.section,
                    status,
                    sentence[:500],
                    tuple(ranked),
                )
            )
    return out


def phrases_from(mentions: list[Mention], hits: list[SkillHit]) -> list[SkillHit]:
    """A hit inside a tagged span takes that span as its skill phrase; a hit the tagger
    did not mark keeps its own words as its phrase (on SkillSpan train the hand-written
    widening then lost exact boundaries the tagger gets right: exact F1 0.389 vs 0.381
    with it, partial F1 equal, 5-fold CV)."""
    starts = [m.start for m in mentions]
    out: list[SkillHit] = []
    for hit in hits:
        i = bisect.bisect_right(starts, hit.start) - 1
        m = mentions[i] if i >= 0 else None
        if m is not None and m.start <= hit.start and hit.end <= m.end:
            phrase = (m.start, m.end, m.kind)
        else:
            phrase = (hit.start, hit.end, hit.skill_type)
        if (hit.phrase_start, hit.phrase_end, hit.phrase_type) != phrase:
            hit = replace(hit, phrase_start=phrase[0], phrase_end=phrase[1], phrase_type=phrase[2])
        out.append(hit)
    return out


def link_by_meaning(lexicon: Lexicon, linker: Linker, mentions: list[Mention]) -> list[Mention]:
    """The optional last linking step (``semantic=True``): an unlinked span links to the
    nearest ESCO label or O*NET element by MiniLM embedding when the cosine clears the
    semantic step's threshold; confidence as for the semantic step's hits."""
    loose = [m for m in mentions if not m.linked]
    if not loose:
        return mentions
    matcher = load_semantic(lexicon)
    found = {(s.start, s.end): s for s in matcher.match([(m.start, m.end, m.text) for m in loose])}
    out: list[Mention] = []
    for m in mentions:
        match = None if m.linked else found.get((m.start, m.end))
        if match is not None:
            confidence = min(0.9, match.similarity) * 0.9
            link = linker.link_index(match.concept, confidence, "semantic")
            m = replace(m, links=(link,))
        out.append(m)
    return out


def linked_hits(mentions: list[Mention], hits: list[SkillHit]) -> list[SkillHit]:
    """A tagged phrase that no lexicon match is inside but the linker tied to a concept
    ("strong stakeholder management" → manage relationships with stakeholders) becomes a
    hit, so the gap and tailoring see it; its confidence is the span's score times the
    link's."""
    starts = [h.start for h in hits]  # sorted
    out: list[SkillHit] = []
    for m in mentions:
        if not m.links:
            continue
        # Hits whose start is before the span's end; one may begin before it and reach in.
        lo = max(0, bisect.bisect_left(starts, m.start) - 3)
        hi = bisect.bisect_left(starts, m.end)
        if any(h.end > m.start for h in hits[lo:hi]):
            continue  # its links are the concepts of hits it overlaps
        for link in m.links:
            out.append(
                hit_from_link(
                    link,
                    (m.start, m.end, m.text),
                    m.sentence,
                    m.section,
                    m.status,
                    round(m.score * link.confidence, 3),
                    m.kind,
                    "tagger",
                )
            )
    return out
