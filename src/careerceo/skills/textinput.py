"""Text as the extractor accepts it: bytes decoded, damage repaired, size and language checked.

Bad input gets a clear answer here (binary, too large, not English) before any matching runs.
"""

from __future__ import annotations

import re

from careerceo.errors import CareerError
from careerceo.skills.normalize import Token, prepare

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
