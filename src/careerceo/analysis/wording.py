"""Small helpers for the sentences the analysis writes: counts with the right noun form."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 day``, ``2 days``, ``0 days``; pass ``plural_form`` for irregular nouns."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"
