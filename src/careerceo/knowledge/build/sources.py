"""Reading the raw release files: O*NET tab-separated text, ESCO CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from careerceo.errors import CareerError


def _require(path: Path) -> Path:
    if not path.is_file():
        raise CareerError(f"missing source file {path}; point --onet/--esco at the raw releases")
    return path


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """O*NET text files: tab-separated, a header row, no quoting."""
    with _require(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        yield from reader


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    """ESCO CSV files: quoted fields that may span lines."""
    with _require(path).open(encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle)


def split_labels(value: str, exclude: str = "") -> list[str]:
    """ESCO packs label lists one per line; drop blanks, duplicates and the preferred label."""
    seen: set[str] = {exclude} if exclude else set()
    out: list[str] = []
    for part in value.split("\n"):
        label = part.strip()
        if label and label not in seen:
            seen.add(label)
            out.append(label)
    return out


def number(value: str) -> float:
    return float(value) if value not in ("", "n/a") else float("nan")
