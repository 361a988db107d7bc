"""Text that the PDF core fonts can show, so the PDF's text layer says what the page shows.

The built-in PDF fonts cover Latin-1 only and need no font file on the machine. Typographic
characters are mapped to their plain equivalents and accents outside Latin-1 are dropped
(Łódź -> Lodz), the same way for the rendering and for the check that reads it back.
"""

from __future__ import annotations

import unicodedata

MAP = str.maketrans({
    "\u2013": "-", "—": "-", "\u2012": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'",
    "\u201a": ",", "“": '"', "”": '"',
    "„": '"', "•": "-", "…": "...", "\u00a0": " ", "\u2009": " ", "\u200b": "", "™": "(TM)",
    "€": "EUR", "→": "->", "✓": "v", "✔": "v", "●": "-", "▪": "-",
    "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Œ": "OE", "œ": "oe", "\u0131": "i", "Ħ": "H", "ħ": "h",
})  # fmt: skip


def latin1(text: str) -> str:
    text = text.translate(MAP)
    out = []
    for char in text:
        try:
            char.encode("latin-1")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
            out.append("".join(c for c in base if not unicodedata.combining(c)))
    return "".join(out)
