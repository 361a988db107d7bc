"""Uploads held between the preview and the confirm step of a web import.

The preview must not write to the database, but confirm must import exactly the file that was
previewed; so the bytes wait in the data directory under their SHA-256, and the confirm form
carries only that hash. A held résumé is private data in plain text, so it is kept no longer
than the preview needs: 0600 in a 0700 folder, deleted on confirm or cancel, replaced by the
person's next preview (one at a time), and swept when older than an hour or when the server
starts.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
import time
from pathlib import Path, PurePosixPath

from careerceo.errors import CareerError
from careerceo.files import private_dir, write_private
from careerceo.services.context import AppContext

TOKEN = re.compile(r"^[0-9a-f]{64}$")
MAX_AGE_SECONDS = 3600


def _root(ctx: AppContext) -> Path:
    return Path(ctx.settings.data_dir) / "uploads"


def _folder(ctx: AppContext) -> Path:
    private_dir(_root(ctx))
    return private_dir(_root(ctx) / str(ctx.person_id))


def safe_name(filename: str) -> str:
    name = PurePosixPath(filename.replace("\\", "/")).name
    name = re.sub(r"[^\w.\- ]+", "_", name).strip(" .")
    return name[:120] or "upload"


def sweep(ctx: AppContext, *, max_age: float = MAX_AGE_SECONDS) -> int:
    """Delete held uploads older than ``max_age`` seconds (all of them with 0); returns how many
    files went. Called when the server starts, so nothing outlives a restart."""
    root = _root(ctx)
    if not root.is_dir():
        return 0
    now, removed = time.time(), 0
    for path in root.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink() and now - path.stat().st_mtime >= max_age:
                path.unlink()
                removed += 1
    return removed


def discard(ctx: AppContext) -> None:
    """Delete the person's held previews (their account is being deleted)."""
    folder = _root(ctx) / str(ctx.person_id)
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder, ignore_errors=True)


def hold(ctx: AppContext, data: bytes, filename: str) -> str:
    folder = _folder(ctx)
    for old in folder.iterdir():  # a new preview abandons the previous one
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)
    token = hashlib.sha256(data).hexdigest()
    write_private(folder / f"{token}.bin", data)
    write_private(folder / f"{token}.name", safe_name(filename).encode("utf-8"))
    return token


def take(ctx: AppContext, token: str) -> tuple[bytes, str]:
    if not TOKEN.match(token):
        raise CareerError("the upload reference is not valid; upload the file again", field="file")
    folder = _folder(ctx)
    data_path, name_path = folder / f"{token}.bin", folder / f"{token}.name"
    fresh = data_path.exists() and time.time() - data_path.stat().st_mtime < MAX_AGE_SECONDS
    if not fresh:
        release(ctx, token)
        raise CareerError("the previewed upload has expired; upload the file again", field="file")
    return data_path.read_bytes(), name_path.read_text(encoding="utf-8")


def release(ctx: AppContext, token: str) -> None:
    if TOKEN.match(token):
        folder = _folder(ctx)
        (folder / f"{token}.bin").unlink(missing_ok=True)
        (folder / f"{token}.name").unlink(missing_ok=True)
