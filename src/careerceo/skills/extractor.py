"""Find the skills a text shows: phrase matching over the packaged lexicon, then context.

Pipeline: check and clean the input; split into sections and sentences; run one Aho-Corasick
pass over the normalised tokens (every lexicon key wrapped in spaces, so matches fall on token
boundaries); keep the longest non-overlapping spans; check acronyms and case-sensitive product
names against the original casing; drop negated mentions and those in benefits/about sections
(reported as ``excluded`` with the reason); grade each hit required / preferred / held.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from careerceo.errors import CareerError
from careerceo.skills import context, phrase
from careerceo.skills.lexicon import (
    KIND_CONFIDENCE,
    TAXONOMY_NAMES,
    TAXONOMY_RANK,
    Entry,
    Lexicon,
)
from careerceo.skills.linker import Linker
from careerceo.skills.model import Excluded, ExtractionResult, Link, Mention, SkillHit
from careerceo.skills.normalize import Token, prepare, tokens
from careerceo.skills.semantic import load_semantic, unavailable_reason
from careerceo.skills.tagger import LexMark, load_tagger, words

MAX_CHARS = 1_000_000
KINDS = ("auto", "resume", "posting", "profile")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MOJIBAKE = re.compile(r"Ã[\x80-\xbf]|â€|Â[\xa0-\xbf]")
ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "for",
        "with",
        "a",
        "an",
        "is",
        "are",
        "be",
        "will",
        "you",
        "we",
        "our",
        "your",
        "on",
        "as",
        "or",
        "at",
        "by",
        "this",
        "that",
        "from",
        "have",
        "has",
        "experience",
        "work",
        "team",
        "skills",
    ]
)
OTHER_WORDS = frozenset(
    [
        "und",
        "der",
        "die",
        "das",
        "mit",
        "für",
        "wir",
        "sie",
        "ist",
        "le",
        "la",
        "les",
        "et",
        "des",
        "pour",
        "avec",
        "nous",
        "vous",
        "est",
        "el",
        "los",
        "las",
        "y",
        "con",
        "para",
        "del",
        "una",
        "het",
        "een",
        "van",
        "voor",
        "met",
        "zijn",
        "il",
        "di",
        "che",
        "per",
        "nel",
        "dei",
        "och",
        "att",
        "som",
        "för",
        "på",
    ]
)


class InputError(CareerError):
    """The text cannot be read as text (binary, too large, wrong type)."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8, else line by line with Windows-1252 for the lines that are not."""
    if len(data) > MAX_CHARS * 4:
        raise InputError(_too_big(len(data)), field="text", status=413)
    if b"\x00" in data[:8192]:
        raise InputError(
            "the input looks binary (it contains NUL bytes); give plain text, or extract the "
            "text from the PDF/DOCX first",
            field="text",
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    lines = []
    for raw in data.splitlines(keepends=True):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
    return "".join(lines), ["some lines were not UTF-8 and were read as Windows-1252"]


def _too_big(size: int) -> str:
    return (
        f"the text is {size / 1_000_000:.1f} MB; the limit is {MAX_CHARS // 1_000_000} MB "
        "of text: split it into smaller documents"
    )


def clean_text(text: str) -> tuple[str, list[str]]:
    """NFKC, control characters out, common UTF-8-read-as-Latin-1 damage repaired."""
    warnings: list[str] = []
    if len(text) > MAX_CHARS:
        raise InputError(_too_big(len(text)), field="text", status=413)
    if _MOJIBAKE.search(text):
        try:
            fixed = text.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            fixed = text
        if fixed != text:
            text = fixed
            warnings.append("repaired text that had been decoded with the wrong encoding")
    controls = len(_CONTROL.findall(text))
    if controls > max(16, len(text) // 20):
        raise InputError(
            "the input looks binary (many control characters); give plain text",
            field="text",
        )
    text = _CONTROL.sub(" ", text)
    return prepare(text), warnings


def language_warning(toks: list[Token]) -> str | None:
    head = [t.text for t in toks[:3000]]
    joined = " ".join(head)
    if not joined.isascii():  # most text is ASCII: the script check only when it is not
        letters = [w for w in head if w.isalpha()]
        non_latin = len([w for w in letters if not w.isascii() and not w[0].isascii()])
        if letters and non_latin > 0.5 * len(letters):
            return (
                "the text does not look like English (mostly non-Latin script); skill "
                "extraction supports English only, so nothing was extracted"
            )
    words = joined.lower().split()  # tokens hold no spaces
    english = len([w for w in words if w in ENGLISH_WORDS])
    other = len([w for w in words if w in OTHER_WORDS])
    if other >= 5 and other > 2 * english:
        return (
            "the text does not look like English; skill extraction supports English "
            "only, so nothing was extracted"
        )
    return None


TECH_TAXONOMIES = frozenset({"onet-tech", "onet-tool", "cert"})
MAX_NAME_WORDS = 6  # a text this short on one line is a name, not prose
DOUBT = 0.25  # a one-word match whose concept is a guess (see Extractor._doubt)


@dataclass(slots=True)
class _Span:
    first: int  # token index
    last: int  # token index, inclusive
    entries: tuple[Entry, ...]


class Extractor:
    """A lexicon plus its automaton; thread-safe after construction (read-only)."""

    def __init__(self, lexicon: Lexicon, tagger: bool = True) -> None:
        self.lexicon = lexicon
        self.automaton = lexicon.automaton
        # Words of ESCO's labels: plain English of work ("scheduling", "accounting", "shape").
        self.work_words = frozenset(
            word
            for c in lexicon.concepts
            if c.taxonomy == "esco"
            for word in re.findall(r"[a-z]+", c.label)
        )
        self.verbs = phrase.verb_forms(
            (c.label.split()[0], c.skill_type)
            for c in lexicon.concepts
            if c.taxonomy == "esco" and c.label
        )
        self.linker = Linker(lexicon, self.verbs)
        self.tagger = load_tagger(self.verbs) if tagger else None

    # -- matching ---------------------------------------------------------------------------
    def _candidates(self, toks: list[Token]) -> list[_Span]:
        parts = [t.norm for t in toks]
        haystack = " " + " ".join(parts) + " "
        # Where each token's key starts in the haystack (one leading space, one between).
        offsets = list(accumulate([len(p) + 1 for p in parts], initial=1))[:-1]
        starts = dict(zip(offsets, range(len(parts)), strict=True))
        entries = self.lexicon.entries
        found: list[_Span] = []
        for end, k in self.automaton.iter(haystack):
            first = starts.get(end - len(k))  # the key's first character
            if first is not None:
                found.append(_Span(first, first + k.count(" "), entries[k]))
        return found

    def _accept(self, entry: Entry, surface: str, prev: Token | None) -> bool:
        if entry.kind == "x":
            letters = [c for c in surface if c.isalpha()]
            if not letters or not all(c.isupper() for c in letters[:-1]):
                return False
            # The acronym itself, or its plural with a lower-case "s" ("APIs"): stemming made
            # "DOES" (a word in an all-caps heading) the key of "DOE".
            # "PMs" is the plural of "PM", not "PMS".
            wanted = [c for c in entry.surface if c.isalpha()]
            if letters != wanted and not (letters[:-1] == wanted and letters[-1] == "s"):
                return False
            return not (prev is not None and prev.text.isdigit() and len(letters) <= 2)
        if entry.kind == "c":
            # A product named without its vendor ("Excel", "Jira"): it must look like a name.
            if surface == entry.surface or surface.replace("\u2019", "'") == entry.surface:
                return True
            # "Jira" for "JIRA": a brand the source writes in capitals, in title case here.
            return entry.surface.isupper() and surface.istitle() and len(surface) > 3
        return True

    def _doubt(self, entry: Entry, surface: str) -> float:
        """How much less to trust a one-word match whose concept may not be what the word
        means here. The span still counts as a skill mention; the concept is the doubt, so
        callers that act on concepts (gap analysis, tailoring) can leave such hits out."""
        concept = self.lexicon.concepts[entry.concept]
        word = surface.casefold().replace("\u2019", "'")
        if concept.taxonomy in {"onet-tool", "onet-tech"}:
            if concept.label == f"{entry.surface} software" and (
                word in self.work_words or word.endswith("ing")
            ):
                return DOUBT  # "report", "Shape": the activity, not Reporting/Shape software
            if word != entry.surface.casefold():
                return DOUBT  # an inflection: "scale" is not Scales, "guide" is not Guides
        if concept.taxonomy == "esco" and entry.kind == "a":
            # "Python (computer programming)": the parenthesis only says which Python.
            words = re.findall(r"[a-z]+", concept.label.casefold().split("(")[0])
            if word[:4] not in {w[:4] for w in words}:
                return DOUBT  # an alternative label sharing no word: "shepherd" for flock care
            if len(words) > 1 and word == words[-1]:
                return DOUBT  # the head noun of a narrower concept: "packaging engineering"
        return 0.0

    def _resolve(self, text: str, toks: list[Token], spans: list[_Span]) -> list[_Span]:
        """Keep the longest spans first; an overlapped shorter span is dropped."""
        spans.sort(key=lambda s: (-(s.last - s.first), s.first))
        taken = bytearray(len(toks))
        kept: list[_Span] = []
        for span in spans:
            if any(taken[span.first : span.last + 1]):
                continue
            surface = text[toks[span.first].start : toks[span.last].end]
            prev = toks[span.first - 1] if span.first else None
            entries = tuple(e for e in span.entries if self._accept(e, surface, prev))
            if not entries:
                continue
            taken[span.first : span.last + 1] = b"\x01" * (span.last - span.first + 1)
            kept.append(_Span(span.first, span.last, entries))
        kept.sort(key=lambda s: s.first)
        return kept

    def lex_marks(self, toks: list[Token], spans: list[_Span]) -> list[LexMark]:
        """The lexicon's matches as the tagger sees them (features, not answers)."""
        out: list[LexMark] = []
        for span in spans:
            best = span.entries[0]
            concept = self.lexicon.concepts[best.concept]
            kind = "tech" if concept.taxonomy in TECH_TAXONOMIES else concept.skill_type
            out.append(
                LexMark(
                    toks[span.first].start,
                    toks[span.last].end,
                    kind,
                    best.kind,
                    span.last - span.first + 1,
                )
            )
        return out

    def lexicon_spans(self, text: str) -> tuple[list[Token], list[_Span]]:
        """The normalised tokens of ``text`` and the lexicon matches kept over them."""
        toks = tokens(text)
        return toks, self._resolve(text, toks, self._candidates(toks))

    # -- the public call ----------------------------------------------------------------------
    def extract(
        self, text: str | bytes, kind: str = "auto", semantic: bool = False
    ) -> ExtractionResult:
        if kind not in KINDS:
            raise CareerError(
                f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}", field="kind"
            )
        warnings: list[str] = []
        if isinstance(text, bytes | bytearray):
            text, decode_warnings = decode(bytes(text))
            warnings += decode_warnings
        if not isinstance(text, str):
            raise InputError("the text must be a string", field="text")
        text, clean_warnings = clean_text(text)
        warnings += clean_warnings
        if not text.strip():
            return ExtractionResult(text, kind, warnings=(*warnings, "the text is empty"))
        if kind == "auto":
            kind = context.detect_kind(text)
        toks = tokens(text)
        lang = language_warning(toks)
        if lang:
            return ExtractionResult(text, kind, warnings=(*warnings, lang))
        spans = self._resolve(text, toks, self._candidates(toks))
        segs = context.segments(text)
        hits, excluded = self._contextualise(text, toks, spans, kind, segs)
        by_meaning = False
        if semantic:
            reason = unavailable_reason()
            if reason:
                warnings.append(reason)
            else:
                hits = self._semantic(text, segs, hits, kind)
                by_meaning = True
        hits = sorted(self._name_hits(text, hits, kind), key=lambda h: h.start)
        mentions: list[Mention] = []
        if self.tagger is not None:
            mentions = self._mentions(text, toks, spans, segs, kind, hits)
            if by_meaning:
                mentions = self._link_by_meaning(mentions)
            hits = self._phrases_from(mentions, hits) + self._linked_hits(mentions, hits)
            hits.sort(key=lambda h: h.start)
        if not hits and not excluded and not mentions:
            warnings.append("no known skills were found in the text")
        used = sorted({h.taxonomy for h in hits}, key=TAXONOMY_RANK.__getitem__)
        return ExtractionResult(
            text,
            kind,
            hits=tuple(hits),
            excluded=tuple(excluded),
            warnings=tuple(warnings),
            sources=tuple(TAXONOMY_NAMES[t] for t in used),
            mentions=tuple(mentions),
            tagged=self.tagger is not None,
        )

    # -- the tagger's spans and their links ---------------------------------------------------
    def _mentions(
        self,
        text: str,
        toks: list[Token],
        spans: list[_Span],
        segs: list[context.Segment],
        kind: str,
        hits: list[SkillHit],
    ) -> list[Mention]:
        """The learned tagger's spans, sentence by sentence, each linked to the concepts of
        the lexicon hits inside it, else to a label with the same words; left out, like
        hits, when negated or in a benefits/about section."""
        assert self.tagger is not None
        marks = self.lex_marks(toks, spans)
        mark_starts = [m.start for m in marks]
        hit_starts = [h.start for h in hits]
        out: list[Mention] = []
        kept = [seg for seg in segs if seg.section not in context.EXCLUDED_SECTIONS]
        batch = []
        for seg in kept:
            lo = bisect.bisect_left(mark_starts, seg.start)
            hi = bisect.bisect_left(mark_starts, seg.end)
            batch.append((words(text, seg.start, seg.end), marks[lo:hi]))
        for seg, found in zip(kept, self.tagger.tag_many(batch), strict=True):
            if not found:
                continue
            sentence = text[seg.start : seg.end].strip()
            status = context.strength(sentence, seg.section, kind)
            for span in found:
                if context.negated(text[seg.start : span.start]):
                    continue
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
                ranked = sorted(links.values(), key=lambda link: -link.confidence)
                if not ranked:
                    ranked = self.linker.link(text[span.start : span.end], prose=True)
                out.append(
                    Mention(
                        span.start,
                        span.end,
                        text[span.start : span.end],
                        span.kind,
                        span.score,
                        seg.section,
                        status,
                        sentence[:500],
                        tuple(ranked),
                    )
                )
        return out

    @staticmethod
    def _phrases_from(mentions: list[Mention], hits: list[SkillHit]) -> list[SkillHit]:
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
                hit = replace(
                    hit, phrase_start=phrase[0], phrase_end=phrase[1], phrase_type=phrase[2]
                )
            out.append(hit)
        return out

    def _link_by_meaning(self, mentions: list[Mention]) -> list[Mention]:
        """The optional last linking step (``semantic=True``): an unlinked span links to the
        nearest ESCO label or O*NET element by MiniLM embedding when the cosine clears the
        semantic step's threshold; confidence as for the semantic step's hits."""
        loose = [m for m in mentions if not m.linked]
        if not loose:
            return mentions
        matcher = load_semantic(self.lexicon)
        found = {
            (s.start, s.end): s for s in matcher.match([(m.start, m.end, m.text) for m in loose])
        }
        out: list[Mention] = []
        for m in mentions:
            match = None if m.linked else found.get((m.start, m.end))
            if match is not None:
                confidence = min(0.9, match.similarity) * 0.9
                link = self.linker.link_index(match.concept, confidence, "semantic")
                m = replace(m, links=(link,))
            out.append(m)
        return out

    @staticmethod
    def _linked_hits(mentions: list[Mention], hits: list[SkillHit]) -> list[SkillHit]:
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
                    SkillHit(
                        concept_id=link.concept_id,
                        label=link.label,
                        taxonomy=link.taxonomy,
                        source=TAXONOMY_NAMES[link.taxonomy],
                        skill_type=link.skill_type,
                        category=link.category,
                        start=m.start,
                        end=m.end,
                        text=m.text,
                        matched_label=link.label,
                        sentence=m.sentence,
                        section=m.section,
                        status=m.status,
                        confidence=round(m.score * link.confidence, 3),
                        phrase_start=m.start,
                        phrase_end=m.end,
                        phrase_type=m.kind,
                        method="tagger",
                    )
                )
        return out

    def _name_hits(self, text: str, hits: list[SkillHit], kind: str) -> list[SkillHit]:
        """``hits`` plus what a short name given alone (an inventory entry, a JSON Resume
        skill) resolves to through the linker when no hit covers it whole ("people
        management" → manage staff); a curated everyday name always does."""
        name = text.strip()
        if not name or "\n" in name or len(name.split()) > MAX_NAME_WORDS:
            return hits
        start = text.index(name)
        end = start + len(name)
        # The curated everyday names replace a lexicon match of the whole name: "budgeting"
        # alone means managing budgets, not the Budgeting software the word also names.
        links = self.linker.everyday(name)
        if links:
            hits = [h for h in hits if not (h.start <= start and h.end >= end)]
        elif any(h.start <= start and h.end >= end for h in hits):
            return hits
        else:
            links = self.linker.link(name)
        have = {h.concept_id for h in hits}
        out = list(hits)
        for link in links:
            if link.concept_id in have:
                continue
            out.append(
                SkillHit(
                    concept_id=link.concept_id,
                    label=link.label,
                    taxonomy=link.taxonomy,
                    source=TAXONOMY_NAMES[link.taxonomy],
                    skill_type=link.skill_type,
                    category=link.category,
                    start=start,
                    end=end,
                    text=name,
                    matched_label=link.label,
                    sentence=name[:500],
                    section=None,
                    status=context.strength(name, None, kind),
                    confidence=link.confidence,
                    phrase_start=start,
                    phrase_end=end,
                    phrase_type=link.skill_type,
                    method=link.method,
                )
            )
        return out

    def _semantic(
        self, text: str, segs: list[context.Segment], hits: list[SkillHit], kind: str
    ) -> list[SkillHit]:
        """Add meaning-based hits for clauses that phrase matching left (mostly) uncovered."""
        matcher = load_semantic(self.lexicon)
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
            concept = self.lexicon.concepts[m.concept]
            sentence = text[seg.start : seg.end].strip()
            extra.append(
                SkillHit(
                    concept_id=concept.concept_id,
                    label=concept.label,
                    taxonomy=concept.taxonomy,
                    source=TAXONOMY_NAMES[concept.taxonomy],
                    skill_type=concept.skill_type,
                    category=concept.category,
                    start=m.start,
                    end=m.end,
                    text=text[m.start : m.end],
                    matched_label=concept.label,
                    sentence=sentence[:500],
                    section=seg.section,
                    status=context.strength(sentence, seg.section, kind),
                    confidence=round(min(0.9, m.similarity) * 0.9, 3),
                    phrase_start=m.start,
                    phrase_end=m.end,
                    phrase_type=concept.skill_type,
                    method="semantic",
                )
            )
        return sorted([*hits, *extra], key=lambda h: (h.start, TAXONOMY_RANK[h.taxonomy]))

    def _contextualise(
        self,
        text: str,
        toks: list[Token],
        spans: list[_Span],
        kind: str,
        segs: list[context.Segment],
    ) -> tuple[list[SkillHit], list[Excluded]]:
        seg_starts = [s.start for s in segs]
        concepts = self.lexicon.concepts
        # Concepts seen through a full (non-acronym) label: context for short acronyms.
        spelled = {e.concept for s in spans for e in s.entries if e.kind != "x"}
        per_segment: defaultdict[int, int] = defaultdict(int)
        placed: list[tuple[_Span, int]] = []
        for span in spans:
            si = max(0, bisect.bisect_right(seg_starts, toks[span.first].start) - 1)
            per_segment[si] += 1
            placed.append((span, si))
        hits: list[SkillHit] = []
        excluded: list[Excluded] = []
        phrase_of: dict[int, tuple[int, int, bool]] = {}
        sentences: dict[tuple[int, int], tuple[str, str]] = {}
        for span, si in placed:
            start, end = toks[span.first].start, toks[span.last].end
            surface = text[start:end]
            seg = segs[si] if segs else context.Segment(0, len(text), None)
            reach = max(seg.end, end)
            known = sentences.get((si, reach))
            if known is None:  # a sentence's hits share its text and status
                sentence = text[seg.start : reach].strip()
                known = sentences[(si, reach)] = (
                    sentence,
                    context.strength(sentence, seg.section, kind),
                )
            sentence, status = known
            by_taxonomy: dict[str, list[Entry]] = defaultdict(list)
            for entry in span.entries:
                by_taxonomy[concepts[entry.concept].taxonomy].append(entry)
            # Two-letter acronyms ("PM", "HR", "AI") have many readings; "P&L" or "C#" do not.
            short_acronym = (
                all(e.kind == "x" for e in span.entries) and surface.isalpha() and len(surface) <= 2
            )
            if (
                short_acronym
                and per_segment[si] < 2
                and not ({e.concept for e in span.entries} & spelled)
            ):
                excluded.append(
                    Excluded(
                        concepts[span.entries[0].concept].concept_id,
                        concepts[span.entries[0].concept].label,
                        start,
                        end,
                        surface,
                        "a short acronym with no other skill nearby to confirm it",
                    )
                )
                continue
            reason = None
            if context.negated(text[seg.start : start]):
                reason = "negated in its sentence"
            elif seg.section in context.EXCLUDED_SECTIONS:
                reason = f"in the {seg.section} section"
            if span.first not in phrase_of and self.tagger is not None:
                phrase_of[span.first] = (span.first, span.last, False)  # the tagger's, later
            elif span.first not in phrase_of:
                # A multi-word ESCO skill label may open with its own verb ("conduct
                # performance tests"); a one-word name that looks like a verb ("design",
                # "reports", "React") governs nothing.
                own_verb = span.last > span.first and any(
                    concepts[e.concept].skill_type == "skill" for e in span.entries
                )
                phrase_of[span.first] = phrase.widen(
                    text, toks, span.first, span.last, self.verbs, own_verb
                )
            for taxonomy in sorted(by_taxonomy, key=TAXONOMY_RANK.__getitem__):
                entries = sorted(by_taxonomy[taxonomy], key=self.lexicon.entry_rank)
                best = entries[0]
                concept = concepts[best.concept]
                if reason:
                    excluded.append(
                        Excluded(concept.concept_id, concept.label, start, end, surface, reason)
                    )
                    continue
                confidence = KIND_CONFIDENCE[best.kind]
                confidence -= 0.1 * min(2, len({e.concept for e in entries}) - 1)
                if span.first == span.last and best.kind not in {"x", "c"}:
                    confidence -= 0.1
                    confidence -= self._doubt(best, surface)
                if seg.section in {"skills", "requirements", "preferred"}:
                    confidence += 0.04
                first, last, led = phrase_of[span.first]
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
                        matched_label=best.surface,
                        sentence=sentence[:500],
                        section=seg.section,
                        status=status,
                        confidence=round(max(0.05, min(0.99, confidence)), 3),
                        phrase_start=toks[first].start,
                        phrase_end=toks[last].end,
                        phrase_type="skill" if led else concept.skill_type,
                    )
                )
        return hits, excluded


@lru_cache(maxsize=1)
def load_extractor() -> Extractor:
    """The process-wide extractor (the lexicon loads once, in about two seconds). The
    linker's label index is built here too, so the first text extracted does not pay for it
    (it was about a second on the first tagged posting)."""
    extractor = Extractor(Lexicon.packaged())
    extractor.linker.warm()
    return extractor


def extract(text: str | bytes, kind: str = "auto", semantic: bool = False) -> ExtractionResult:
    """Skills, knowledge, technologies and certifications mentioned in ``text``.

    ``semantic=True`` adds the optional meaning-based step when its packages are installed;
    when they are not, the result carries a warning saying so and phrase hits only.
    """
    return load_extractor().extract(text, kind, semantic=semantic)
