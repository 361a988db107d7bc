"""Phrase matching over the packaged lexicon: which words of a text name a known concept.

Every run of whole tokens (their normal forms joined by spaces), up to the most words a key
starting with its first word has, is looked up among the lexicon keys; the longest
non-overlapping spans are kept; acronyms and case-sensitive product names are checked against
the original casing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from careerceo.skills import phrase
from careerceo.skills.lexicon import Entry, Lexicon
from careerceo.skills.normalize import Token, tokens
from careerceo.skills.tagger import LexMark

TECH_TAXONOMIES = frozenset({"onet-tech", "onet-tool", "cert"})
DOUBT = 0.25  # a one-word match whose concept is a guess (see LexiconMatcher.doubt)


@dataclass(slots=True)
class LexSpan:
    """A lexicon match over tokens ``first``..``last`` (inclusive) and the entries it names."""

    first: int
    last: int
    entries: tuple[Entry, ...]


class LexiconMatcher:
    """A lexicon plus the word lists made from it; read-only after
    construction, so threads may share it."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # First word of a key -> the most words a key starting with it has.
        self.most_words: dict[str, int] = {}
        for k in lexicon.entries:
            head, _, _ = k.partition(" ")
            words = k.count(" ") + 1
            if words > self.most_words.get(head, 0):
                self.most_words[head] = words
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

    def candidates(self, toks: list[Token]) -> list[LexSpan]:
        """Every lexicon key that starts at a token and ends before a space, overlaps
        included: from each token's start, slices ending at the next spaces are looked up, as
        many as the longest key beginning with that word has words. This finds what an
        Aho-Corasick pass over the keys found, without building an automaton of 125,000 keys
        at load (about 0.6 s of every cold command)."""
        parts = [t.norm for t in toks]
        haystack = " " + " ".join(parts) + " "
        # Where each token's key starts in the haystack (one leading space, one between).
        offsets = list(accumulate([len(p) + 1 for p in parts], initial=1))[:-1]
        entries = self.lexicon.entries
        known = entries.keys()
        most = self.most_words
        find = haystack.find
        found: list[LexSpan] = []
        for first, start in enumerate(offsets):
            end = find(" ", start + 1)
            words = most.get(haystack[start:end], 0)
            while words:
                k = haystack[start:end]
                if k in known:
                    found.append(LexSpan(first, first + k.count(" "), entries[k]))
                words -= 1
                end = find(" ", end + 1)
                if end < 0:
                    break
        return found

    @staticmethod
    def accept(entry: Entry, surface: str, prev: Token | None) -> bool:
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

    def doubt(self, entry: Entry, surface: str) -> float:
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

    def resolve(self, text: str, toks: list[Token], spans: list[LexSpan]) -> list[LexSpan]:
        """Keep the longest spans first; an overlapped shorter span is dropped."""
        spans.sort(key=lambda s: (-(s.last - s.first), s.first))
        taken = bytearray(len(toks))
        kept: list[LexSpan] = []
        for span in spans:
            if any(taken[span.first : span.last + 1]):
                continue
            surface = text[toks[span.first].start : toks[span.last].end]
            prev = toks[span.first - 1] if span.first else None
            entries = tuple(e for e in span.entries if self.accept(e, surface, prev))
            if not entries:
                continue
            taken[span.first : span.last + 1] = b"\x01" * (span.last - span.first + 1)
            kept.append(LexSpan(span.first, span.last, entries))
        kept.sort(key=lambda s: s.first)
        return kept

    def spans(self, text: str, toks: list[Token]) -> list[LexSpan]:
        return self.resolve(text, toks, self.candidates(toks))

    def lexicon_spans(self, text: str) -> tuple[list[Token], list[LexSpan]]:
        """The normalised tokens of ``text`` and the lexicon matches kept over them."""
        toks = tokens(text)
        return toks, self.spans(text, toks)

    def lex_marks(self, toks: list[Token], spans: list[LexSpan]) -> list[LexMark]:
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
