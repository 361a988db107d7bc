"""The packaged lexicon: its concepts, and the entries of each normalised label key.

The artifact (``data/lexicon.json.gz``, built by ``scripts/build_skill_lexicon.py``) keeps the
labels as written; keys are made here with the same normaliser the text goes through, so the
normaliser can improve without rebuilding the artifact. ``data/blocklist.txt`` holds keys that
SkillSpan's train split showed to be common words far more often than skills (made by
``scripts/tune_skill_blocklist.py``).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator, KeysView, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar, overload

from careerceo.errors import CareerError
from careerceo.skills.normalize import NORMALISER_VERSION, key

TAXONOMY_NAMES = {
    "esco": "ESCO 1.1.1",
    "onet-element": "O*NET 29.0 skills and knowledge",
    "onet-tech": "O*NET 29.0 technology skills",
    "onet-tool": "O*NET 29.0 tools",
    "cert": "Certifications (curated)",
}
# Which taxonomy wins a span first when a caller wants one concept per span.
TAXONOMY_RANK = {"cert": 0, "onet-element": 1, "esco": 2, "onet-tech": 3, "onet-tool": 4}
KIND_RANK = {"p": 0, "a": 1, "x": 2, "c": 3, "v": 4}
# An acronym taken from an O*NET product name counts only for products that at least this many
# occupations list.
MIN_ACRONYM_LISTINGS = 3
T = TypeVar("T")
KIND_CONFIDENCE = {"p": 0.95, "a": 0.85, "x": 0.8, "c": 0.8, "v": 0.75}


@dataclass(frozen=True, slots=True)
class Concept:
    concept_id: str
    taxonomy: str
    label: str
    skill_type: str  # "skill" or "knowledge"
    category: str
    weight: int  # occupations that list it: breaks ties between concepts sharing a label


@dataclass(frozen=True, slots=True)
class Entry:
    """One way of writing one concept: ``kind`` is p(referred), a(lt), x (acronym), c (case-
    sensitive vendor-less product name) or v (derived variant); ``surface`` is the label."""

    concept: int
    kind: str
    surface: str


def _read(name: str) -> bytes:
    try:
        return resources.files("careerceo.skills").joinpath("data", name).read_bytes()
    except FileNotFoundError as exc:  # pragma: no cover - a broken install
        raise CareerError(
            f"the skill lexicon file {name} is missing from the package; reinstall careerceo "
            "or run scripts/build_skill_lexicon.py",
            status=500,
        ) from exc


def manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_read("manifest.json"))
    return data


def blocklist() -> frozenset[str]:
    try:
        raw = _read("blocklist.txt").decode("utf-8")
    except CareerError:
        return frozenset()
    lines = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return frozenset(line for line in lines if line)


def label_forms(surface: str, kind: str) -> list[tuple[str, str, str]]:
    """(key, kind, surface) for a label and its word-order variants; the build script stores
    these so that loading does not have to normalise 130,000 labels again."""
    forms = [(surface, kind)] + [(v, "v") for v in _variants(surface) if kind != "x"]
    out = []
    for form, form_kind in forms:
        k = key(form)
        if k:
            out.append((k, form_kind, form))
    return out


def _variants(surface: str) -> list[str]:
    """Word-order variants: "management of projects" also as "projects management"."""
    words = surface.split()
    if len(words) == 3 and words[1].lower() == "of":
        return [f"{words[2]} {words[0]}"]
    if len(words) == 2 and words[0].islower() and words[1].islower():
        return [f"{words[1]} of {words[0]}"]
    return []


class EntryTable(Mapping[str, tuple[Entry, ...]]):
    """Label key -> its entries, best first. The rows are grouped by key at load and a key's
    entries are made the first time it is looked up: a text names a few hundred of the
    125,000 keys, and making them all cost about 0.9 s of every cold command. Concurrent
    first look-ups of one key make equal tuples, so threads may share the table."""

    def __init__(
        self,
        rows: dict[str, list[tuple[int, str, str]]],
        rank: Callable[[Entry], tuple[int, int, int]],
    ) -> None:
        self._rows = rows
        self._rank = rank
        self._made: dict[str, tuple[Entry, ...]] = {}

    def __getitem__(self, k: str) -> tuple[Entry, ...]:
        made = self._made.get(k)
        if made is None:
            best: dict[int, Entry] = {}
            for index, form_kind, form in self._rows[k]:
                current = best.get(index)
                # One entry per concept: its best way of being written under this key.
                if current is None or KIND_RANK[form_kind] < KIND_RANK[current.kind]:
                    best[index] = Entry(index, form_kind, form)
            made = self._made[k] = tuple(sorted(best.values(), key=self._rank))
        return made

    @overload
    def get(self, k: str, /) -> tuple[Entry, ...] | None: ...
    @overload
    def get(self, k: str, default: tuple[Entry, ...] | T, /) -> tuple[Entry, ...] | T: ...
    def get(self, k: str, default: object = None, /) -> object:
        """Without raising for the many keys a text does not name (``Mapping.get`` would)."""
        return self[k] if k in self._rows else default

    def __contains__(self, k: object) -> bool:
        return k in self._rows

    def keys(self) -> KeysView[str]:
        """The keys as the grouped rows' own view: a membership test costs a dict's."""
        return self._rows.keys()

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class Lexicon:
    """Concepts plus a key -> entries table; built once per process (see load_extractor)."""

    def __init__(self, raw: dict[str, Any], blocked: frozenset[str] = frozenset()) -> None:
        if raw.get("format") != "careerceo-skill-lexicon":
            raise CareerError("the skill lexicon file is not a careerceo lexicon", status=500)
        self.version = str(raw["version"])
        self.concepts = [Concept(*row) for row in raw["concepts"]]
        self.blocked = blocked
        if raw.get("normaliser") != NORMALISER_VERSION:
            raise CareerError(
                "the skill lexicon was built with another normaliser version; rebuild it with "
                "scripts/build_skill_lexicon.py",
                status=500,
            )
        rows: dict[str, list[tuple[int, str, str]]] = {}
        concepts = self.concepts
        for k, index, form_kind, form in raw["keys"]:
            if k in blocked:
                continue
            if form_kind == "x":
                concept = concepts[index]
                if (
                    concept.taxonomy in {"onet-tech", "onet-tool"}
                    and concept.weight < MIN_ACRONYM_LISTINGS
                ):
                    continue  # "PMP" is the certification, not a rarely listed "Pathogen PMP"
            group = rows.get(k)
            if group is None:
                rows[k] = [(index, form_kind, form)]
            else:
                group.append((index, form_kind, form))
        self.entries = EntryTable(rows, self.entry_rank)

    def entry_rank(self, entry: Entry) -> tuple[int, int, int]:
        """Preferred labels before alternatives, then the more widely listed concept."""
        return (KIND_RANK[entry.kind], -self.concepts[entry.concept].weight, entry.concept)

    @classmethod
    def packaged(cls) -> Lexicon:
        raw = json.loads(gzip.decompress(_read("lexicon.json.gz")))
        return cls(raw, blocklist())
