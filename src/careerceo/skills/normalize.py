"""Tokens and their normal forms, shared by the lexicon and the text so both sides agree.

A pure-Python normaliser instead of a spaCy pipeline: matching needs only that "managing",
"managed" and "manage" (or "skills" and "skill") meet at the same key, and a handful of suffix
rules does that at a few microseconds a token with no model to install. Punctuation that is part
of a name survives ("C++", "C#", ".NET", "Node.js", "P&L"); hyphens and slashes split words, so
"problem-solving" and "problem solving" are the same key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Bump when a change here changes keys: the lexicon artifact stores keys made by this version.
NORMALISER_VERSION = "2"

# A token: ".NET"-style names, words with inner "." or "&" or "'" (Node.js, P&L, don't), and
# trailing "+"/"#" (C++, C#). Hyphens and slashes are separators.
TOKEN_RE = re.compile(
    r"\.[A-Za-z][A-Za-z0-9]*"
    r"|[^\W_]+(?:[.&'\u2019][^\W_]+)*(?:\+\+|\+|#)?",
)
DROPPED = frozenset({"a", "an", "the"})
_VOWELS = set("aeiouy")
# Nouns in -ing that name a field of their own: "accounting" is not "account", "marketing" is
# not "market". They keep their ending (their plurals are rare enough to ignore).
ING_NOUNS = frozenset(
    [
        "accounting",
        "advertising",
        "auditing",
        "banking",
        "bookkeeping",
        "branding",
        "budgeting",
        "building",
        "catering",
        "clothing",
        "coaching",
        "computing",
        "consulting",
        "engineering",
        "farming",
        "financing",
        "fishing",
        "forecasting",
        "housing",
        "learning",
        "licensing",
        "lighting",
        "logging",
        "manufacturing",
        "marketing",
        "mentoring",
        "mining",
        "nursing",
        "packaging",
        "painting",
        "planning",
        "plumbing",
        "pricing",
        "printing",
        "processing",
        "programming",
        "publishing",
        "purchasing",
        "recruiting",
        "roofing",
        "scheduling",
        "shipping",
        "sourcing",
        "staffing",
        "teaching",
        "trading",
        "training",
        "tutoring",
        "underwriting",
        "welding",
        "wiring",
        "networking",
        "hosting",
        "landscaping",
        "lobbying",
        "listening",
        "reading",
        "speaking",
        "writing",
        "drawing",
        "sewing",
    ]
)


class Token(NamedTuple):
    """One word of the original text: where it is, how it looks, and its matching key. A
    named tuple, not a dataclass: a posting makes hundreds, and a tuple is built fastest."""

    start: int
    end: int
    text: str
    norm: str


def prepare(text: str) -> str:
    """NFKC, so full-width letters and ligatures ("ﬁ") compare as their plain forms.

    NFKC keeps the length of most text but not all of it; offsets are taken after this step,
    so callers that need offsets into the original use ``prepare`` only when it is length-safe.
    """
    return unicodedata.normalize("NFKC", text)


def _has_vowel(stem: str) -> bool:
    return any(c in _VOWELS for c in stem)


def _undouble(stem: str) -> str:
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "s" and stem[-1].isalpha():
        return stem[:-1]
    return stem


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Lower-case light stem: plural, -ing, -ed, British/American -ise/-ize, final e."""
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if not w.isalpha() or len(w) <= 3:
        return w
    if len(w) > 5:
        w = w.replace("isation", "ization").replace("yse", "yze")
        if w.endswith(("ise", "ised", "ises", "ising")):
            w = w.replace("ise", "ize")
        if w.endswith("our") and len(w) > 5:
            w = w[:-3] + "or"
        w = w.replace("centre", "center").replace("modell", "model")
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        w = w[:-1]
    if w in ING_NOUNS:
        return w
    if w.endswith("ing") and len(w) > 5 and _has_vowel(w[:-3]):
        w = _undouble(w[:-3])
    elif w.endswith("ed") and len(w) > 4 and _has_vowel(w[:-2]):
        w = _undouble(w[:-2])
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return _undouble(w)


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with offsets into ``text`` itself and their matching keys."""
    out: list[Token] = []
    add = out.append
    new = tuple.__new__  # the named tuple without its Python-level __new__ (a posting makes
    for m in TOKEN_RE.finditer(text):  # hundreds of tokens; this is about 3x faster)
        surface = m.group()
        norm = stem(surface)
        if norm not in DROPPED:
            add(new(Token, (m.start(), m.end(), surface, norm)))
    return out


def key(text: str) -> str:
    """The matching key of a label: its tokens' normal forms joined by single spaces."""
    return " ".join(t.norm for t in tokens(prepare(text)))
