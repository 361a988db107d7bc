"""Uploads held between the preview and the confirm step of a web import.

The preview must not write to the database, but confirm must import exactly the file that was
previewed; so the bytes wait in the data directory under their SHA-256, and the confirm form
carries only that hash. Held files older than a day are swept on the next upload.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path, PurePosixPath

from careerceo.errors import CareerError
from careerceo.services.context import AppContext

TOKEN = re.compile(r"^[0-9a-f]{64}$")
MAX_AGE_SECONDS = 24 * 3600


def _folder(ctx: AppContext) -> Path:
    folder = Path(ctx.settings.data_dir) / "uploads" / str(ctx.person_id)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def safe_name(filename: str) -> str:
    name = PurePosixPath(filename.replace("\\", "/")).name
    name = re.sub(r"[^\w.\- ]+", "_", name).strip(" .")
    return name[:120] or "upload"


def hold(ctx: AppContext, data: bytes, filename: str) -> str:
    folder = _folder(ctx)
    now = time.time()
    for old in folder.iterdir():
        if now - old.stat().st_mtime > MAX_AGE_SECONDS:
            old.unlink(missing_ok=True)
    token = hashlib.sha256(data).hexdigest()
    (folder / f"{token}.bin").write_bytes(data)
    (folder / f"{token}.name").write_text(safe_name(filename), encoding="utf-8")
    return token


def take(ctx: AppContext, token: str) -> tuple[bytes, str]:
    if not TOKEN.match(token):
        raise CareerError("the upload reference is not valid; upload the file again", field="file")
    folder = _folder(ctx)
    data_path, name_path = folder / f"{token}.bin", folder / f"{token}.name"
    if not data_path.exists():
        raise CareerError("the previewed upload has expired; upload the file again", field="file")
    return data_path.read_bytes(), name_path.read_text(encoding="utf-8")


def release(ctx: AppContext, token: str) -> None:
    if TOKEN.match(token):
        folder = _folder(ctx)
        (folder / f"{token}.bin").unlink(missing_ok=True)
        (folder / f"{token}.name").unlink(missing_ok=True)
