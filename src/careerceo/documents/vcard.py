"""vCard 4.0 (RFC 6350) for contacts, so a phone's address book can take the network along.

Text values are escaped (backslash, comma, semicolon, newline) and lines folded at 75 octets,
as the RFC requires; only fields the person recorded are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Card:
    uid: str
    name: str
    title: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    note: str = ""


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _tel(phone: str) -> str:
    return phone.replace(" ", "-")  # a tel: URI has no spaces


# a card's optional fields: (field, vCard property, how its value is written), in card order
PROPERTIES: tuple[tuple[str, str, Callable[[str], str]], ...] = (
    ("title", "TITLE", _escape),
    ("company", "ORG", _escape),
    ("email", "EMAIL;TYPE=work", _escape),
    ("phone", "TEL;VALUE=uri:tel", _tel),
    ("url", "URL", str),
    ("note", "NOTE", _escape),
)


def _fold(line: str) -> str:
    """Split a content line into 75-octet pieces (continuations start with a space)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    pieces: list[str] = []
    current = ""
    limit = 75
    for char in line:
        if len((current + char).encode("utf-8")) > limit:
            pieces.append(current)
            current = char
            limit = 74  # the leading space of a continuation counts
        else:
            current += char
    pieces.append(current)
    return "\r\n ".join(pieces)


def vcard(cards: Iterable[Card]) -> str:
    lines: list[str] = []
    for card in cards:
        parts = card.name.rsplit(" ", 1)
        family, given = (parts[1], parts[0]) if len(parts) == 2 else (card.name, "")
        entry = [
            "BEGIN:VCARD",
            "VERSION:4.0",
            f"UID:urn:uuid:{card.uid}",
            f"FN:{_escape(card.name)}",
            f"N:{_escape(family)};{_escape(given)};;;",
        ]
        for name, prop, write in PROPERTIES:
            if value := getattr(card, name):
                entry.append(f"{prop}:{write(value)}")
        entry.append("END:VCARD")
        lines.extend(_fold(line) for line in entry)
    return "".join(line + "\r\n" for line in lines)
