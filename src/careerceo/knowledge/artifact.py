"""The on-disk format of the bundled knowledge base, shared by the builder and the loader.

Kept in one place so the writer and the reader cannot drift apart. Every file is written
deterministically (fixed order, no timestamps inside compressed streams) so that rebuilding from
the same releases gives byte-identical files and the manifest checksums can be verified.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
REBUILD_COMMAND = (
    "python scripts/build_knowledge.py --onet ../shared/data/onet/29.0 "
    "--esco ../shared/data/esco/1.1.1"
)

# Section files, each loaded only when something asks for it.
ONET_CORE = "onet_core.json.gz"
ONET_TITLES = "onet_titles.json.gz"
ONET_TASKS = "onet_tasks.json.gz"
ONET_TECH = "onet_tech.json.gz"
ONET_ARRAYS = "onet_arrays.npz"
ONET_RELATED = "onet_related.npz"
ESCO_OCCUPATIONS = "esco_occupations.json.gz"
ESCO_SKILLS = "esco_skills.json.gz"
ESCO_ARRAYS = "esco_arrays.npz"
DATA_FILES = (
    ONET_CORE,
    ONET_TITLES,
    ONET_TASKS,
    ONET_TECH,
    ONET_ARRAYS,
    ONET_RELATED,
    ESCO_OCCUPATIONS,
    ESCO_SKILLS,
    ESCO_ARRAYS,
)

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_json_gz(path: Path, data: Any) -> None:
    """Compact JSON in a gzip stream with mtime 0 and no file name, so bytes are reproducible."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with (
        path.open("wb") as handle,
        gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(raw.encode("utf-8"))


def read_json_gz(path: Path) -> Any:
    with gzip.open(path, "rb") as handle:
        return json.loads(handle.read())


def write_npz(path: Path, arrays: dict[str, npt.NDArray[Any]]) -> None:
    """An ``.npz`` that ``numpy.load`` reads, written with fixed zip timestamps.

    ``numpy.savez_compressed`` stamps each member with the current time, which would make every
    rebuild differ; this writes the same members in sorted order with a fixed date instead.
    """
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(
                buffer, np.ascontiguousarray(arrays[name]), allow_pickle=False
            )
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, buffer.getvalue(), compresslevel=9)


def read_npz(path: Path) -> dict[str, npt.NDArray[Any]]:
    with np.load(path, allow_pickle=False) as data:
        return {name: data[name] for name in data.files}
