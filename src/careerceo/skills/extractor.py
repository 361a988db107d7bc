"""Find the skills a text shows: phrase matching over the packaged lexicon, the learned span
tagger, then context.

Pipeline: check and clean the input (``textinput``); split into sections and sentences; match
lexicon labels (``matcher``); drop negated mentions and those in benefits/about sections
(reported as ``excluded`` with the reason) and grade each hit required / preferred / held
(``hits``); tag skill phrases and link them to concepts (``mentions``); resolve a short name
given alone (``names``).
"""

from __future__ import annotations

from functools import lru_cache

from careerceo.errors import CareerError
from careerceo.skills import context
from careerceo.skills import hits as hits_mod
from careerceo.skills import mentions as mentions_mod
from careerceo.skills.lexicon import TAXONOMY_NAMES, TAXONOMY_RANK, Lexicon
from careerceo.skills.linker import Linker
from careerceo.skills.matcher import LexiconMatcher, LexSpan
from careerceo.skills.model import ExtractionResult, Mention, SkillHit
from careerceo.skills.names import name_hits
from careerceo.skills.normalize import Token, tokens
from careerceo.skills.semantic import unavailable_reason
from careerceo.skills.tagger import LexMark, load_tagger
from careerceo.skills.textinput import (
    KINDS,
    MAX_CHARS,
    InputError,
    clean_text,
    decode,
    language_warning,
)

__all__ = ["KINDS", "MAX_CHARS", "Extractor", "InputError", "extract", "load_extractor"]


class Extractor:
    """A lexicon matcher, the linker and the tagger; thread-safe after construction."""

    def __init__(self, lexicon: Lexicon, tagger: bool = True) -> None:
        self.lexicon = lexicon
        self.matcher = LexiconMatcher(lexicon)
        self.verbs = self.matcher.verbs
        self.linker = Linker(lexicon, self.verbs)
        self.tagger = load_tagger(self.verbs) if tagger else None

    def lexicon_spans(self, text: str) -> tuple[list[Token], list[LexSpan]]:
        """The normalised tokens of ``text`` and the lexicon matches kept over them."""
        return self.matcher.lexicon_spans(text)

    def lex_marks(self, toks: list[Token], spans: list[LexSpan]) -> list[LexMark]:
        """The lexicon's matches as the tagger sees them (features, not answers)."""
        return self.matcher.lex_marks(toks, spans)

    def _readable(self, text: str | bytes, kind: str) -> tuple[str, list[str]]:
        """The text to read and the warnings its repair raised; bad input raises."""
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
        return text, warnings + clean_warnings

    def extract(
        self, text: str | bytes, kind: str = "auto", semantic: bool = False
    ) -> ExtractionResult:
        text, warnings = self._readable(text, kind)
        if not text.strip():
            return ExtractionResult(text, kind, warnings=(*warnings, "the text is empty"))
        if kind == "auto":
            kind = context.detect_kind(text)
        toks = tokens(text)
        lang = language_warning(toks)
        if lang:
            return ExtractionResult(text, kind, warnings=(*warnings, lang))
        spans = self.matcher.spans(text, toks)
        segs = context.segments(text)
        hits, excluded = hits_mod.contextualise(
            self.matcher, text, toks, spans, kind, segs, self.tagger is not None
        )
        by_meaning = False
        if semantic:
            reason = unavailable_reason()
            if reason:
                warnings.append(reason)
            else:
                hits = hits_mod.semantic_hits(self.lexicon, text, segs, hits, kind)
                by_meaning = True
        hits = sorted(name_hits(self.linker, text, hits, kind), key=lambda h: h.start)
        mentions: list[Mention] = []
        if self.tagger is not None:
            mentions, hits = self._tagged(text, toks, spans, segs, kind, hits, by_meaning)
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

    def _tagged(
        self,
        text: str,
        toks: list[Token],
        spans: list[LexSpan],
        segs: list[context.Segment],
        kind: str,
        hits: list[SkillHit],
        by_meaning: bool,
    ) -> tuple[list[Mention], list[SkillHit]]:
        """The tagger's mentions, and the hits with the mentions as their phrases plus the
        linked mentions no hit is inside."""
        assert self.tagger is not None
        marks = self.matcher.lex_marks(toks, spans)
        found = mentions_mod.mentions(self.tagger, self.linker, text, marks, segs, kind, hits)
        if by_meaning:
            found = mentions_mod.link_by_meaning(self.lexicon, self.linker, found)
        hits = mentions_mod.phrases_from(found, hits) + mentions_mod.linked_hits(found, hits)
        hits.sort(key=lambda h: h.start)
        return found, hits


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
