"""Content words of O*NET prose (task statements, titles), for similarity and its evidence.

Shared by the build (task and title similarity between occupations) and the runtime (which
task statements or titles of two occupations match), so both see the same words.
"""

from __future__ import annotations

import re

_STOP_WORDS = (
    "a an and or the of to in on for with by at from as into onto over under about such "
    "other others all any including include includes e g i etc is are be been being that this "
    "these those their its it may can use using used ensure according"
)
_STOP = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"[a-z][a-z0-9]+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ers", "er", "es", "ed", "s")


def stem(word: str) -> str:
    """A crude, deterministic suffix strip: "reports", "reporting" and "reported" meet."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def tokens(text: str) -> list[str]:
    """Stemmed content words, in order (stop words and one-letter words dropped)."""
    return [stem(w) for w in _WORD.findall(text.casefold()) if w not in _STOP]
