"""Files only their owner can read: a person's career plan is nobody else's business.

The data directory is made 0700 and every file the app writes in it 0600, whatever the umask,
so another account on the same machine cannot read the database, a backup or a held upload.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) and make it 0700; returns it."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    with contextlib.suppress(OSError):  # not ours (a shared mount): leave it as it is
        if stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
            path.chmod(DIR_MODE)
    return path


def private_file(path: Path) -> None:
    """Make an existing file 0600 (no-op when it is missing or not ours)."""
    with contextlib.suppress(OSError):
        if stat.S_IMODE(path.lstat().st_mode) != FILE_MODE and not path.is_symlink():
            path.chmod(FILE_MODE)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to a new 0600 file, refusing to follow a symlink planted at ``path``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as out:
            fd = -1
            out.write(data)
    finally:
        if fd != -1:
            os.close(fd)


def replace_private(path: Path, text: str) -> None:
    """Write ``text`` to a 0600 file beside ``path`` and rename it over ``path``: a backup
    holds a whole career (or a whole practice), and a half-written one is worse than none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(handle, FILE_MODE)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
