"""Name normalisation for matching companies and people, never by substring.

"Google", "Google LLC" and "google" are one company: case, punctuation and trailing legal
suffixes are dropped. Placeholders such as "N/A" or "Self-employed" are no company at all,
so an import never links a hundred freelancers to one imaginary employer.
"""

from __future__ import annotations

import re
import unicodedata

LEGAL_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corporation",
        "co", "company", "gmbh", "ag", "sa", "plc", "pvt", "private", "bv", "nv", "srl",
        "spa", "oy", "ab", "pty", "kk", "sas", "sarl", "pte", "pllc", "se", "kg", "mbh",
    }
)  # fmt: skip
PLACEHOLDERS = frozenset(
    {
        "", "n a", "na", "none", "nil", "self employed", "selfemployed", "self", "freelance",
        "freelancer", "confidential", "stealth", "stealth mode", "stealth startup", "retired",
        "unemployed", "not applicable", "various", "independent", "independent consultant",
        "looking for opportunities", "open to work", "unknown", "tbd", "private",
    }
)  # fmt: skip
_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    """Case-folded, accents kept apart from letters and dropped ("Société" -> "societe")."""
    if text.isascii():  # most names: nothing to decompose (an import folds tens of thousands)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def company_key(name: str) -> str | None:
    """The matching key of a company name, or None for a placeholder that names no company."""
    folded = _fold(name).replace("&", " and ").replace("'", "")
    words = _WORD.findall(folded.replace("_", " "))
    if " ".join(words) in PLACEHOLDERS:
        return None
    # "S.A." and "L.L.C." arrive as single letters: rejoin a tail of one-letter words.
    tail: list[str] = []
    while words and len(words[-1]) == 1 and len(words) > 1:
        tail.insert(0, words.pop())
    if tail:
        joined = "".join(tail)
        if joined not in LEGAL_SUFFIXES:
            words.extend(tail)
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    key = " ".join(words)
    return key or None


def is_placeholder(name: str) -> bool:
    return company_key(name) is None


def person_key(name: str) -> str:
    """A person's name for duplicate hints: folded case and accents, single spaces."""
    return " ".join(_WORD.findall(_fold(name)))
