"""The columnar copy of a reference collection, kept current as the collection changes.

Reading a million positions back through SQL costs seconds (a Python object per value); the
path engine wants NumPy columns. So each collection has a copy of its positions' analysis
columns under ``<data dir>/paths/<collection uid>/``, maintained incrementally: an import
appends one segment file with only the new rows, a correction is noted in the manifest, so the
first analysis after a change reads files in milliseconds instead of re-reading the database.

The copy is a cache, never the record. The collection row's ``data_revision`` is raised in the
transaction of every write to its positions; the manifest names the revision the copy holds,
and an update is applied only on top of the revision just before it (else the copy is dropped).
A copy whose revision is not the database's is not believed, so a crash between the database
commit and the file write costs a rebuild, never a wrong figure. Files are replaced atomically
(a reader sees the old manifest or the new one); segments are immutable once written.

Layout: ``manifest.json`` {format, revision, segments: [file names], corrections: {position id:
code}}; each segment ``s<n>.seg`` holds integer columns coded against the collection's
vocabulary plus ``words``, the texts it added to that vocabulary (append-only: old codes stay),
and ``educated``, its profiles with a degree or certification. A segment is a run of ``.npy``
records (first the list of names, then one array per name): read straight into arrays, with
none of a zip archive's checksumming, which was most of the cost of reading a million rows.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

FOLDER = "paths"
FORMAT = 4  # bump when the columns or the file layout change
MAX_SEGMENTS = 24  # past this an update merges the segments into one
MAX_CORRECTIONS = 5000  # past this a correction merges them into the columns


@dataclass
class Copy:
    """A collection's columns as stored: vocabulary codes, append-only vocabulary, and the
    occupation corrections not yet merged into the columns."""

    revision: int
    columns: dict[str, npt.NDArray[Any]]
    words: list[str]
    corrections: dict[int, str] = field(default_factory=dict)
    # profiles with a degree or certification on record (the others need no lookup)
    educated: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))


def folder(data_dir: Path, uid: str) -> Path:
    return Path(data_dir) / FOLDER / uid


def _manifest(data_dir: Path, uid: str) -> dict[str, Any] | None:
    try:
        found = json.loads((folder(data_dir, uid) / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(found, dict) or found.get("format") != FORMAT:
        return None
    return found


def revision_of(data_dir: Path, uid: str) -> int | None:
    """The revision the copy holds (None when there is no usable copy)."""
    manifest = _manifest(data_dir, uid)
    return None if manifest is None else int(manifest["revision"])


def _atomic(path: Path, write: Any) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _save_manifest(data_dir: Path, uid: str, manifest: dict[str, Any]) -> None:
    text = json.dumps(manifest, sort_keys=True).encode("utf-8")
    _atomic(folder(data_dir, uid) / "manifest.json", lambda out: out.write(text))


def _save_segment(
    data_dir: Path,
    uid: str,
    name: str,
    columns: Mapping[str, Any],
    words: list[str],
    educated: npt.NDArray[np.int64],
) -> None:
    payload = {**columns, "words": np.array(words, dtype=str), "educated": educated}

    def save(out: Any) -> None:
        np.save(out, np.array(list(payload), dtype=str), allow_pickle=False)
        for values in payload.values():
            np.save(out, np.ascontiguousarray(values), allow_pickle=False)

    _atomic(folder(data_dir, uid) / name, save)


def _load_segment(path: Path, only: str | None = None) -> dict[str, npt.NDArray[Any]]:
    """A segment's arrays (or only the one named). Raises OSError or ValueError if damaged."""
    out: dict[str, npt.NDArray[Any]] = {}
    with path.open("rb") as handle:
        names = [str(n) for n in np.load(handle, allow_pickle=False)]
        for name in names:
            values = np.load(handle, allow_pickle=False)
            if only is None or name == only:
                out[name] = values
                if only is not None:
                    break
    if only is not None and only not in out:
        raise ValueError(f"segment {path.name} has no {only}")
    return out


def read(data_dir: Path, uid: str, revision: int) -> Copy | None:
    """The copy when it holds exactly this revision, else None (missing, stale or damaged)."""
    manifest = _manifest(data_dir, uid)
    if manifest is None or int(manifest["revision"]) != revision:
        return None
    parts: list[dict[str, npt.NDArray[Any]]] = []
    words: list[str] = []
    try:
        for name in manifest["segments"]:
            stored = _load_segment(folder(data_dir, uid) / str(name))
            words.extend(str(w) for w in stored.pop("words"))
            parts.append(stored)
    except (OSError, ValueError, KeyError):
        return None
    if not parts or any(p.keys() != parts[0].keys() for p in parts) or "educated" not in parts[0]:
        return None  # a damaged or older copy: rebuilt rather than half-read
    try:
        columns = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    except ValueError:
        return None
    educated = columns.pop("educated")
    corrections = {int(k): str(v) for k, v in dict(manifest.get("corrections", {})).items()}
    return Copy(revision, columns, words, corrections, educated)


def vocabulary(data_dir: Path, uid: str, revision: int) -> list[str] | None:
    """The copy's vocabulary (for coding appended rows), read without the columns."""
    manifest = _manifest(data_dir, uid)
    if manifest is None or int(manifest["revision"]) != revision:
        return None
    words: list[str] = []
    try:
        for name in manifest["segments"]:
            stored = _load_segment(folder(data_dir, uid) / str(name), only="words")
            words.extend(str(w) for w in stored["words"])
    except (OSError, ValueError, KeyError):
        return None
    return words


def write(data_dir: Path, uid: str, copy: Copy) -> None:
    """A whole new copy (after a rebuild or a merge), in one segment."""
    try:
        target = folder(data_dir, uid)
        target.mkdir(parents=True, exist_ok=True)
        name = f"s{copy.revision}-full.seg"
        _save_segment(data_dir, uid, name, copy.columns, copy.words, copy.educated)
        manifest = {
            "format": FORMAT,
            "revision": copy.revision,
            "segments": [name],
            "corrections": {str(k): v for k, v in copy.corrections.items()},
        }
        _save_manifest(data_dir, uid, manifest)
        _sweep(target, {name})
    except OSError:
        drop(data_dir, uid)  # a copy that cannot be written is only slower, never wrong


def append(
    data_dir: Path,
    uid: str,
    revision: int,
    columns: Mapping[str, npt.NDArray[Any]],
    new_words: list[str],
    educated: npt.NDArray[np.int64],
) -> bool:
    """Rows written at ``revision`` added on top of a copy at ``revision - 1``; False (and the
    copy dropped) when the copy is at any other revision."""
    manifest = _manifest(data_dir, uid)
    if manifest is None or int(manifest["revision"]) != revision - 1:
        drop(data_dir, uid)
        return False
    name = f"s{revision}.seg"
    try:
        _save_segment(data_dir, uid, name, columns, new_words, educated)
        manifest["segments"] = [*manifest["segments"], name]
        manifest["revision"] = revision
        _save_manifest(data_dir, uid, manifest)
    except OSError:
        drop(data_dir, uid)
        return False
    return True


def correct(data_dir: Path, uid: str, revision: int, position_id: int, code: str) -> bool:
    """A position's corrected occupation, on top of a copy at ``revision - 1``."""
    manifest = _manifest(data_dir, uid)
    if manifest is None or int(manifest["revision"]) != revision - 1:
        drop(data_dir, uid)
        return False
    manifest["corrections"] = {**manifest.get("corrections", {}), str(position_id): code}
    manifest["revision"] = revision
    try:
        _save_manifest(data_dir, uid, manifest)
    except OSError:
        drop(data_dir, uid)
        return False
    return True


def needs_merge(data_dir: Path, uid: str) -> bool:
    manifest = _manifest(data_dir, uid)
    if manifest is None:
        return False
    return (
        len(manifest["segments"]) > MAX_SEGMENTS
        or len(manifest.get("corrections", {})) > MAX_CORRECTIONS
    )


def _sweep(target: Path, keep: set[str]) -> None:
    """Remove segments no manifest names any more (and stray temporary files)."""
    for path in target.iterdir():
        if path.name != "manifest.json" and path.name not in keep:
            path.unlink(missing_ok=True)


def drop(data_dir: Path, uid: str) -> None:
    """Forget the copy (the next analysis rebuilds it from the database)."""
    target = folder(data_dir, uid)
    try:
        (target / "manifest.json").unlink(missing_ok=True)
        (target.parent / f"{uid}.npz").unlink(missing_ok=True)  # the single file of format 1
        shutil.rmtree(target, ignore_errors=True)
    except OSError:
        return
