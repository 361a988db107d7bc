"""Columnar snapshots of reference collections, for the path engine.

Reading a million positions back through SQL costs seconds (a Python object per value); the
path engine wants NumPy columns. So the first analysis after a change writes the collection's
columns to ``<data dir>/paths/<collection uid>.npz`` and later ones load that file in
milliseconds. The snapshot is a cache, never the record: every write to a collection's
positions drops it (``drop``), and it is only used when its revision (position count and
highest id, checked against the database) still matches, so a stale file is rebuilt rather
than believed. It holds the same data as the database, in the same private data directory;
deleting a collection deletes its snapshot.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

FOLDER = "paths"
FORMAT = 1  # bump when the columns change


def _file(data_dir: Path, uid: str) -> Path:
    return Path(data_dir) / FOLDER / f"{uid}.npz"


def read(data_dir: Path, uid: str, revision: str) -> dict[str, npt.NDArray[Any]] | None:
    """The snapshot's columns, or None when there is none or it is not this revision."""
    path = _file(data_dir, uid)
    try:
        with np.load(path, allow_pickle=False) as stored:
            if str(stored["_revision"]) != f"{FORMAT}:{revision}":
                return None
            return {name: stored[name] for name in stored.files if name != "_revision"}
    except (OSError, ValueError, KeyError):
        return None


def write(data_dir: Path, uid: str, revision: str, columns: dict[str, npt.NDArray[Any]]) -> None:
    """Atomically: a reader sees the old file or the new one, never half of one."""
    path = _file(data_dir, uid)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return  # a cache that cannot be written is only slower, never wrong
    try:
        with os.fdopen(handle, "wb") as out:
            payload: dict[str, Any] = {"_revision": np.array(f"{FORMAT}:{revision}"), **columns}
            np.savez(out, **payload)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def drop(data_dir: Path, uid: str) -> None:
    try:
        _file(data_dir, uid).unlink()
    except FileNotFoundError:
        pass
    except OSError:
        return
