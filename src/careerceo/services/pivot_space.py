"""Build the pivot engine's ``OccupationSpace`` from the bundled knowledge base, once.

This is the only place that knows both the knowledge base's layout and the engine's arrays.
Technologies are columns per distinct O*NET technology *example* (e.g. "Python"), not per
commodity class, because "knows Python" and "knows Perl" should not look the same. ESCO skills
are columns per ESCO skill that some linked ESCO occupation lists as *essential*; the value is
O*NET's link-score-weighted share of the occupation's linked ESCO occupations that list it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
import weakref
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from careerceo.analysis.pivot_space import Ete, OccupationSpace, PivotIndex
from careerceo.analysis.related import Neighbours
from careerceo.analysis.text_match import OccupationWords
from careerceo.knowledge import KnowledgeBase, load_knowledge


class _EteMap(Mapping[str, Ete]):
    """Education/training/experience summaries, computed when a detail page asks."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._cache: dict[str, Ete] = {}

    def __getitem__(self, code: str) -> Ete:
        if code not in self._cache:
            parts: dict[str, tuple[tuple[str, float], ...]] = {}
            for dist in self.kb.distributions(code):
                rows = tuple(
                    (cat.description.split(" - ")[0], round(p, 1))
                    for cat, p in zip(dist.scale.categories, dist.percents, strict=False)
                    if p >= 0.05
                )
                parts[dist.scale.array] = rows
            self._cache[code] = Ete(
                education=parts.get("ete_education", ()),
                experience=parts.get("ete_experience", ()),
                on_the_job=parts.get("ete_on_the_job_training", ()),
                on_site=parts.get("ete_onsite_training", ()),
            )
        return self._cache[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self.kb.codes)

    def __len__(self) -> int:
        return len(self.kb.codes)


def _esco_matrix(kb: KnowledgeBase) -> tuple[tuple[str, ...], tuple[str, ...], np.ndarray]:
    arr = kb.esco_arrays
    n = len(kb.codes)
    rel_occ, rel_skill, rel_ess = arr.rel_occupation, arr.rel_skill, arr.rel_essential
    ess_occ, ess_skill = rel_occ[rel_ess], rel_skill[rel_ess]
    starts = np.searchsorted(ess_occ, np.arange(len(kb.esco_occupations) + 1))
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    total = np.zeros(n, np.float64)
    np.add.at(total, arr.link_onet.astype(np.intp), arr.link_score.astype(np.float64))
    for o, e, s in zip(arr.link_onet, arr.link_esco, arr.link_score, strict=True):
        lo, hi = starts[int(e)], starts[int(e) + 1]
        if hi <= lo:
            continue
        rows.append(np.full(hi - lo, int(o)))
        cols.append(ess_skill[lo:hi])
        vals.append(np.full(hi - lo, float(s)))
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    v = np.concatenate(vals)
    used = np.unique(c)
    col_of = np.full(int(c.max()) + 1, -1, np.intp)
    col_of[used] = np.arange(used.size)
    matrix = np.zeros((n, used.size), np.float32)
    np.add.at(matrix, (r, col_of[c]), v.astype(np.float32))
    safe = np.where(total > 0, total, 1.0).astype(np.float32)
    matrix = np.minimum(matrix / safe[:, None], 1.0).astype(np.float32)
    skills = kb.esco_skills
    return (
        tuple(skills[int(i)].uri for i in used),
        tuple(skills[int(i)].preferred_label for i in used),
        matrix,
    )


def _tech_matrix(kb: KnowledgeBase) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    names: dict[str, int] = {}
    display: list[str] = []
    hot: list[bool] = []
    for ex in kb.tech_examples:
        key = ex.name.casefold()
        if key not in names:
            names[key] = len(display)
            display.append(ex.name)
            hot.append(ex.hot)
        elif ex.hot:
            hot[names[key]] = True
    matrix = np.zeros((len(kb.codes), len(display)), np.float32)
    for t in kb.tech_skills:
        matrix[t.occupation_index, names[t.example.casefold()]] = 1.0
    return tuple(display), matrix, np.array(hot, bool)


def build_space(kb: KnowledgeBase, *, concepts: bool = True) -> OccupationSpace:
    """The space; ``concepts=False`` leaves out technologies and ESCO skills (a quarter of a
    second instead of over a second), for a ranking from an occupation code, which relates
    occupations through the build-time table and needs only elements, activities and zones."""
    a = kb.arrays
    elements = kb.elements
    importance = np.concatenate([a.skills_importance, a.knowledge_importance], axis=1)
    level = np.concatenate([a.skills_level, a.knowledge_level], axis=1)
    n = len(kb.codes)
    if concepts:
        tech_names, tech, tech_hot = _tech_matrix(kb)
        esco_ids, esco_labels, esco = _esco_matrix(kb)
    else:
        tech_names, tech, tech_hot = (), np.zeros((n, 0), np.float32), np.zeros(0, bool)
        esco_ids, esco_labels, esco = (), (), np.zeros((0, 0), np.float32)
    interests = a.interests_score.astype(np.float32).copy()
    zone = a.job_zone.astype(np.float32)
    zone[zone == 0] = np.nan
    dwas = kb.dwas
    return OccupationSpace(
        codes=kb.codes,
        titles=tuple(o.title for o in kb.occupations),
        element_ids=tuple(e.id for e in elements),
        element_names=tuple(e.name for e in elements),
        element_kinds=tuple(e.kind for e in elements),
        importance=importance.astype(np.float32),
        level=level.astype(np.float32),
        dwa_ids=tuple(d.id for d in dwas),
        dwa_titles=tuple(d.title for d in dwas),
        dwa=a.dwa.astype(np.float32),
        tech_names=tech_names,
        tech=tech,
        tech_hot=tech_hot,
        job_zone=zone,
        interests=interests,
        esco_ids=esco_ids,
        esco_labels=esco_labels,
        esco=esco,
        ete=_EteMap(kb),
        onet_version=kb.source.onet,
        esco_version=kb.source.esco,
    )


# -- the built space on disk ------------------------------------------------------------------
# Building the full space and its index takes about a second of CPU and 300 MB (dense
# technology and ESCO matrices). Saved once as plain .npy files in the user's data directory
# and memory-mapped, a later process reads only the pages a ranking touches: the person's few
# columns and the rows of the occupations they held. Same arrays, byte for byte, so the same
# ranking.
_cache_dir: Path | None = None
_SPACE_FIELDS = ("codes", "titles", "element_ids", "element_names", "element_kinds")
_SPACE_TEXT = (*_SPACE_FIELDS, "dwa_ids", "dwa_titles", "tech_names", "esco_ids", "esco_labels")


def use_space_cache(directory: Path | None) -> None:
    """Keep the built space under ``directory`` (the shells' warm-up passes the data
    directory's cache; None, the default, builds it in memory only)."""
    global _cache_dir
    _cache_dir = directory


def _space_key(kb: KnowledgeBase) -> str:
    """Changes when the knowledge artifact or the code that builds the space changes."""
    from careerceo.analysis import pivot_space as analysis_space

    digest = hashlib.sha256(json.dumps(kb.manifest.get("files", {}), sort_keys=True).encode())
    for module in (analysis_space.__file__, __file__):
        digest.update(Path(module).read_bytes())
    digest.update(np.__version__.encode())
    return digest.hexdigest()[:20]


def _arrays(obj: Any) -> dict[str, np.ndarray]:
    return {
        f.name: getattr(obj, f.name)
        for f in dataclasses.fields(obj)
        if isinstance(getattr(obj, f.name), np.ndarray)
    }


def save_space(space: OccupationSpace, path: Path) -> bool:
    """Write the space and its index to ``path`` (a directory, renamed into place whole);
    False when it cannot be written, which only costs the speed-up."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = tempfile.mkdtemp(dir=path.parent, prefix=".pivot-space-")
        for prefix, obj in (("space", space), ("index", space.index)):
            for name, array in _arrays(obj).items():
                np.save(Path(tmp) / f"{prefix}.{name}.npy", array, allow_pickle=False)
        meta = {name: list(getattr(space, name)) for name in _SPACE_TEXT}
        meta["versions"] = [space.onet_version, space.esco_version]
        (Path(tmp) / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
        os.replace(tmp, path)
        tmp = None
        for old in path.parent.glob("pivot-space-*"):
            if old != path and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


# Read by whole rows only (``analysis.pivot._cosine_sparse``): kept in the file, not mapped
# (a mapping of a page-cached file is counted whole once a few scattered rows are read).
_ROW_FILES = ("index.tech_unit_t", "index.esco_unit_t")


class NpyRows:
    """The rows of a 2-D C-order .npy file, read on demand: exactly the values ``np.load``
    would give for those rows."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as handle:
            version = np.lib.format.read_magic(handle)
            if version == (1, 0):
                shape, fortran, dtype = np.lib.format.read_array_header_1_0(handle)
            else:
                shape, fortran, dtype = np.lib.format.read_array_header_2_0(handle)
            self.offset = handle.tell()
        if fortran or len(shape) != 2 or dtype.hasobject:
            raise ValueError(f"{path.name} is not a C-order matrix")
        self.path = path
        self.shape: tuple[int, ...] = tuple(shape)
        self.dtype = dtype
        self.row_bytes = int(shape[1]) * dtype.itemsize
        # Held open for the process: a cache deleted or replaced meanwhile (another version's
        # run) stays readable, and ``os.pread`` needs no shared file position between threads.
        self._fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)

    def __getitem__(self, rows: Any) -> Any:
        index = np.asarray(rows, np.intp).reshape(-1)
        out = np.empty((index.size, self.shape[1]), self.dtype)
        for k, row in enumerate(index):
            if not 0 <= row < self.shape[0]:
                raise IndexError(f"row {row} is outside {self.path.name}")
            data = os.pread(self._fd, self.row_bytes, self.offset + int(row) * self.row_bytes)
            if len(data) != self.row_bytes:
                raise ValueError(f"{self.path.name} is shorter than its header says")
            out[k] = np.frombuffer(data, self.dtype)
        return out


def _load_array(path: Path) -> np.ndarray:
    array: np.ndarray = np.load(path, mmap_mode="r", allow_pickle=False)
    # Tiny or empty arrays are not worth a mapping (and an empty file cannot be mapped).
    return np.array(array) if array.size < 4096 else array


def load_space(path: Path, kb: KnowledgeBase) -> OccupationSpace | None:
    """The space saved by ``save_space``, memory-mapped; None when missing or damaged."""
    try:
        meta = json.loads((path / "meta.json").read_text("utf-8"))
        arrays: dict[str, dict[str, Any]] = {
            prefix: {
                f.name: NpyRows(path / f"{prefix}.{f.name}.npy")
                if f"{prefix}.{f.name}" in _ROW_FILES
                else _load_array(path / f"{prefix}.{f.name}.npy")
                for f in dataclasses.fields(cls)
                if f.name not in (*_SPACE_TEXT, "ete", "onet_version", "esco_version")
            }
            for prefix, cls in (("space", OccupationSpace), ("index", PivotIndex))
        }
        onet_version, esco_version = meta["versions"]
        text: dict[str, Any] = {name: tuple(meta[name]) for name in _SPACE_TEXT}
        space = OccupationSpace(
            **text,
            **arrays["space"],
            ete=_EteMap(kb),
            onet_version=onet_version,
            esco_version=esco_version,
        )
        # ``index`` is a cached property: the saved one is set where it would be cached.
        space.__dict__["index"] = PivotIndex(**arrays["index"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return space


@lru_cache(maxsize=1)
def occupation_space() -> OccupationSpace:
    """The process-wide space: memory-mapped from the cache when ``use_space_cache`` named
    one (built and saved there the first time), else built in memory (about a second)."""
    kb = load_knowledge()
    if _cache_dir is not None:
        path = _cache_dir / f"pivot-space-{_space_key(kb)}"
        cached = load_space(path, kb)
        if cached is not None:
            return cached
        space = build_space(kb)
        if save_space(space, path):
            # Rank from the saved arrays from the first run on, so every run is the same.
            return load_space(path, kb) or space
        return space
    space = build_space(kb)
    _ = space.index
    return space


@lru_cache(maxsize=1)
def core_space() -> OccupationSpace:
    """The space without technologies and ESCO skills (see ``build_space``)."""
    space = build_space(load_knowledge(), concepts=False)
    _ = space.index
    return space


def ranking_space(*, concepts: bool) -> OccupationSpace:
    """The full space when it is needed or already built (a warm web server), else the core."""
    if concepts or occupation_space.cache_info().currsize:
        return occupation_space()
    return core_space()


@lru_cache(maxsize=1)
def neighbour_table() -> Neighbours:
    """The build-time related-occupations table (about 20 ms to read; no space needed)."""
    arrays = load_knowledge().related
    components = tuple(str(c) for c in arrays["related_components"])
    return Neighbours.from_arrays(arrays, components)


@lru_cache(maxsize=1)
def occupation_words() -> OccupationWords:
    """Each occupation's words (tasks, activities, titles) as the build stored them, to match a
    person's own text against (a few ms to read; no task statements parsed)."""
    return OccupationWords.from_arrays(load_knowledge().related)
