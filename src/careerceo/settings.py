"""One settings object, read from ``CAREER_*`` environment variables.

Local-first: by default everything lives in one SQLite file under the platform's user data
directory; ``CAREER_DATABASE_URL`` points a coaching practice at PostgreSQL instead.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from careerceo.errors import CareerError


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    host: str
    port: int
    auth: str = "local"  # local: one person, no login | accounts: everyone signs in

    @property
    def accounts(self) -> bool:
        return self.auth == "accounts"

    # Extra names the server answers to (besides loopback and the bound address), for a
    # reverse proxy or a LAN name: everything else is refused as possible DNS rebinding.
    allowed_hosts: tuple[str, ...] = ()
    # SQLite ``synchronous``: FULL (the default) survives power loss; NORMAL is faster.
    sqlite_synchronous: str = "FULL"
    # Reading one uploaded or imported file runs in a child process held to these limits.
    parse_seconds: float = 30.0
    parse_memory_mb: int = 1024

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def _normalise_url(url: str) -> str:
    # People paste "postgresql://..." from their provider; we speak psycopg 3.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ) if env is None else env
    data_dir = Path(env.get("CAREER_DATA_DIR") or user_data_dir("career-ceo", appauthor=False))
    url = env.get("CAREER_DATABASE_URL") or f"sqlite:///{data_dir / 'career.db'}"
    return Settings(
        data_dir=data_dir,
        database_url=_normalise_url(url),
        host=env.get("CAREER_HOST", "127.0.0.1"),
        port=_port(env.get("CAREER_PORT", "8000")),
        auth=_auth(env.get("CAREER_AUTH", "local")),
        allowed_hosts=tuple(
            name.strip() for name in env.get("CAREER_ALLOWED_HOSTS", "").split(",") if name.strip()
        ),
        sqlite_synchronous=_synchronous(env.get("CAREER_SQLITE_SYNCHRONOUS", "FULL")),
        parse_seconds=_bounded(env, "CAREER_PARSE_SECONDS", 30, 1, 3600),
        parse_memory_mb=int(_bounded(env, "CAREER_PARSE_MEMORY_MB", 1024, 256, 65536)),
    )


def _bounded(env: dict[str, str], key: str, default: int, low: int, high: int) -> float:
    raw = env.get(key, "").strip()
    if not raw:
        return float(default)
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:  # NaN fails too
        raise CareerError(
            f"{raw!r} is not a valid {key}; set a number from {low} to {high} or unset it "
            f"(default {default})",
            field=key,
        )
    return value


def _one_of(raw: str, value: str, allowed: tuple[str, ...], *, key: str, what: str) -> str:
    """``value`` (``raw`` as normalised) when it is one of ``allowed``; else the refusal says
    ``raw`` is not ``what`` (which names the choices and what each does)."""
    if value not in allowed:
        raise CareerError(f"{raw!r} is not {what}", field=key)
    return value


def _synchronous(raw: str) -> str:
    return _one_of(
        raw,
        raw.strip().upper(),
        ("FULL", "NORMAL", "EXTRA"),
        key="CAREER_SQLITE_SYNCHRONOUS",
        what="a SQLite synchronous mode; use FULL (safe, the default), EXTRA or NORMAL "
        "(faster; a power cut can lose the last writes)",
    )


def _port(raw: str) -> int:
    text = raw.strip()
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise CareerError(
            f"{raw!r} is not a port; set it to a number from 1 to 65535 or unset it",
            field="CAREER_PORT",
        )
    return int(text)


def _auth(raw: str) -> str:
    return _one_of(
        raw,
        raw.strip().lower() or "local",
        ("local", "accounts"),
        key="CAREER_AUTH",
        what="an authentication mode; set CAREER_AUTH to accounts (everyone signs in) or "
        "local (one person, no login), or unset it",
    )


def is_loopback(host: str) -> bool:
    """True for names and addresses that only this machine can reach."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
