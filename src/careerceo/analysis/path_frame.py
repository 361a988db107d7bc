"""A collection's positions as NumPy columns, the input of the path engine.

Text columns are integer codes into one sorted vocabulary (index order is alphabetical order,
so ties in the engine break by name): integers are what NumPy and DuckDB scan without turning
each value into a Python object, which is what keeps a million positions well under a second.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

ARRAY_COLUMNS = (
    "profile",
    "seq",
    "key",
    "title",
    "code",
    "start",
    "end",
    "current",
    "internship",
    "size",
    "industry",
    "id",
)
TEXT_COLUMNS = ("key", "title", "code", "size", "industry")
# the store's column names (``ANALYSIS_COLUMNS``) for each frame column
STORE_NAMES = {
    "profile": "profile_id",
    "seq": "seq",
    "key": "title_key",
    "title": "title",
    "code": "occupation_code",
    "start": "start_month",
    "end": "end_month",
    "current": "current",
    "internship": "internship",
    "size": "employer_size",
    "industry": "industry",
    "id": "id",
}
DTYPES: dict[str, Any] = {
    "profile": np.int64,
    "seq": np.int64,
    "key": np.int32,
    "title": np.int32,
    "code": np.int32,
    "start": np.int64,
    "end": np.int64,
    "current": np.bool_,
    "internship": np.bool_,
    "size": np.int32,
    "industry": np.int32,
    "id": np.int64,
}


def encode(
    columns: Mapping[str, Sequence[Any]], words: list[str], index: dict[Any, int]
) -> dict[str, npt.NDArray[Any]]:
    """Store columns (None for unknown) as frame arrays, text coded through ``index``, which
    is extended (and ``words`` with it) by any text not seen yet: appending keeps old codes."""
    count = len(columns["id"])
    out: dict[str, npt.NDArray[Any]] = {}
    for name in ARRAY_COLUMNS:
        values = columns[STORE_NAMES[name]]
        if name in TEXT_COLUMNS:
            for value in set(values):
                if value not in index:
                    index[value] = len(words)
                    words.append(str(value))
            out[name] = np.fromiter(map(index.__getitem__, values), np.int32, count=count)
        elif name in ("start", "end"):
            out[name] = np.fromiter((-1 if v is None else v for v in values), np.int64, count=count)
        else:
            out[name] = np.asarray(values, dtype=DTYPES[name]).reshape(count)
    return out


def unknown_index() -> dict[Any, int]:
    """A vocabulary index in which a missing or blank text codes as -1 (unknown)."""
    return {None: -1, "": -1}


@dataclass
class PathFrame:
    """Positions as parallel NumPy columns (``ARRAY_COLUMNS``); text columns index ``words``
    (-1 unknown), months -1 unknown."""

    profile: npt.NDArray[np.int64]
    seq: npt.NDArray[np.int64]
    key: npt.NDArray[np.int32]  # normalised title
    title: npt.NDArray[np.int32]
    code: npt.NDArray[np.int32]
    start: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    current: npt.NDArray[np.bool_]
    internship: npt.NDArray[np.bool_]
    size: npt.NDArray[np.int32]
    industry: npt.NDArray[np.int32]
    id: npt.NDArray[np.int64]
    words: list[str] = field(default_factory=list)
    # profiles with a degree or certification on record, when the store knows (None: ask it)
    educated: npt.NDArray[np.int64] | None = None

    @classmethod
    def from_columns(cls, columns: Mapping[str, Sequence[Any]]) -> PathFrame:
        """From the store's column lists (None for unknown)."""
        words: list[str] = []
        arrays = encode(columns, words, unknown_index())
        return cls.from_coded(arrays, words)

    @classmethod
    def from_coded(
        cls,
        arrays: Mapping[str, npt.NDArray[Any]],
        words: Sequence[str],
        educated: npt.NDArray[np.int64] | None = None,
    ) -> PathFrame:
        """From arrays coded against a vocabulary in any order (as an append-only copy keeps
        it): the vocabulary is sorted and the text columns recoded, one vectorised take each."""
        words = [str(w) for w in words]
        order = sorted(range(len(words)), key=words.__getitem__)
        rank = np.empty(len(words) + 1, dtype=np.int32)
        rank[np.asarray(order, dtype=np.int64)] = np.arange(len(words), dtype=np.int32)
        rank[-1] = -1  # code -1 (unknown) indexes the last slot
        coded: dict[str, Any] = {}
        for name in ARRAY_COLUMNS:
            values = np.asarray(arrays[name], dtype=DTYPES[name])
            coded[name] = rank[values] if name in TEXT_COLUMNS else values
        return cls(**coded, words=[words[i] for i in order], educated=educated)

    def arrays(self) -> dict[str, npt.NDArray[Any]]:
        return {name: getattr(self, name) for name in ARRAY_COLUMNS}

    def __len__(self) -> int:
        return int(self.profile.shape[0])

    def word_id(self, text: str | None) -> int:
        """The index of a text in the vocabulary; -2 (matches nothing) when absent."""
        if not text:
            return -2
        at = bisect.bisect_left(self.words, text)
        return at if at < len(self.words) and self.words[at] == text else -2

    def has_key(self, key: str) -> bool:
        wanted = self.word_id(key)
        return wanted >= 0 and bool((self.key == wanted).any())

    def unmapped(self) -> int:
        """Positions with no occupation code."""
        return int((self.code < 0).sum())

    def word(self, value: Any) -> str | None:
        return None if value is None or int(value) < 0 else self.words[int(value)]


@dataclass(frozen=True)
class Target:
    """What counts as having arrived: an occupation code, or a normalised title."""

    code: str | None = None
    key: str | None = None

    def __post_init__(self) -> None:
        if (self.code is None) == (self.key is None):
            raise ValueError("a target is a code or a title key, exactly one")
