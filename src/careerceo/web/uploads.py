"""Reading an uploaded file in the web shells (pages and API alike): refused before reading
past its size limit, so a huge upload costs no more memory than the limit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from fastapi import UploadFile

from careerceo.documents.limits import MAX_ZIP_BYTES
from careerceo.errors import CareerError
from careerceo.model.paths import FileSummary

MAX_TRACKER_BYTES = 10 * 1024 * 1024  # another tracker's CSV export
T = TypeVar("T")


async def read_limited(file: UploadFile, limit: int) -> bytes:
    """The file's bytes, or "the file is larger than N MB" (a message for the file field)."""
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise CareerError(f"the file is larger than {limit // 2**20} MB", field="file")
    return data


async def import_upload(
    file: UploadFile, limit: int, default_name: str, run: Callable[[bytes, str], T]
) -> T:
    """An import from an uploaded file, the same for a page and the API: the bytes (within
    ``limit``) and the file's name (``default_name`` when the browser gave none) to ``run``."""
    return run(await read_limited(file, limit), file.filename or default_name)


async def read_upload(file: UploadFile | None) -> tuple[bytes, str]:
    """A document's bytes and name (a résumé, a LinkedIn export): a file must be chosen."""
    if file is None or not file.filename:
        raise CareerError("choose a file to upload", field="file")
    return await read_limited(file, MAX_ZIP_BYTES), file.filename


async def add_each(
    files: Sequence[UploadFile], add: Callable[[bytes, str], FileSummary]
) -> list[FileSummary]:
    """Each file read and added on its own: a bad one gets its message, the rest go in."""
    out: list[FileSummary] = []
    for upload in files:
        try:
            data, filename = await read_upload(upload)
        except CareerError as exc:
            out.append(
                FileSummary(filename=upload.filename or "?", ok=False, messages=[exc.message])
            )
            continue
        out.append(add(data, filename))
    return out
