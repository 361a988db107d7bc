"""The comparable form of a name, a title or a phrase: case-folded, runs of white space one
space, no space at either end; two texts that differ only in case or spacing fold alike."""

from __future__ import annotations


def fold(text: str) -> str:
    return " ".join(text.casefold().split())
