"""Reading an uploaded ZIP without trusting it.

Limits on member count, total unpacked size and per-member compression ratio stop ZIP bombs;
absolute paths, ``..`` components and drive letters are refused outright rather than
"sanitised", because a well-formed export never has them. Nothing is written to disk: members
are read into memory, capped at their declared size.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import PurePosixPath

from careerceo.documents.limits import (
    MAX_ZIP_BYTES,
    MAX_ZIP_MEMBERS,
    MAX_ZIP_RATIO,
    MAX_ZIP_UNPACKED,
)
from careerceo.errors import CareerError


def _unsafe(name: str) -> bool:
    normalised = name.replace("\\", "/")
    path = PurePosixPath(normalised)
    return (
        normalised.startswith("/")
        or ".." in path.parts
        or (len(normalised) > 1 and normalised[1] == ":")
        or "\x00" in name
    )


def read_zip_members(
    data: bytes, *, suffix: str = ".csv", name: str = "the ZIP"
) -> dict[str, bytes]:
    """Members whose name ends in ``suffix``, keyed by their path inside the archive."""
    if len(data) > MAX_ZIP_BYTES:
        raise CareerError(f"{name} is larger than {MAX_ZIP_BYTES // 2**20} MB", field="file")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise CareerError(f"{name} is not a valid ZIP archive", field="file") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise CareerError(
                f"{name} has {len(infos)} files; at most {MAX_ZIP_MEMBERS} are accepted",
                field="file",
            )
        bad = [info.filename for info in infos if _unsafe(info.filename)]
        if bad:
            raise CareerError(
                f"{name} contains an unsafe path ({bad[0]!r}: absolute or with '..'); refused",
                field="file",
            )
        total = sum(info.file_size for info in infos)
        if total > MAX_ZIP_UNPACKED:
            raise CareerError(
                f"{name} unpacks to {total / 2**20:.0f} MB; the limit is "
                f"{MAX_ZIP_UNPACKED // 2**20} MB",
                field="file",
            )
        members: dict[str, bytes] = {}
        for info in infos:
            if info.is_dir() or not info.filename.lower().endswith(suffix):
                continue
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 1_000_000 and ratio > MAX_ZIP_RATIO:
                raise CareerError(
                    f"{name}: {info.filename!r} expands {ratio:.0f}x (a ZIP bomb?); refused",
                    field="file",
                )
            try:
                with archive.open(info) as handle:
                    content = handle.read(info.file_size + 1)
            except (
                zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, OSError
            ) as exc:  # fmt: skip
                raise CareerError(
                    f"{name}: {info.filename!r} cannot be read ({type(exc).__name__}: {exc}); "
                    "the archive is damaged or encrypted - download the export again",
                    field="file",
                ) from exc
            if len(content) > info.file_size:
                raise CareerError(
                    f"{name}: {info.filename!r} is larger than its header says; refused",
                    field="file",
                )
            members[info.filename] = content
        return members
