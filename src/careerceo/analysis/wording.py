"""Small helpers for the text the app writes: counts with the right noun form, cut text, a
phrase's first letter changed to fit where it goes in a sentence."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 day``, ``2 days``, ``0 days``; pass ``plural_form`` for irregular nouns."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def upper_first(text: str) -> str:
    """``text`` opening a sentence: its first letter capitalised, the rest as written."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """``text`` placed inside a sentence: its first letter lower-cased, unless it opens with an
    acronym or a name in capitals ("SQL reports", "AWS costs" stay as written)."""
    return text[:1].lower() + text[1:] if not text[:2].isupper() else text


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word and marked with "…" so a cut never passes for
    the whole (a date range cut to "(2021-04 to 2022-" reads as a wrong date; an SVG label,
    which cannot wrap, as another name)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:-\u2013\u2014(") + "…"
