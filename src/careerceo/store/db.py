"""Engine, transactions and automatic migrations.

SQLite is the embedded default: WAL so the web app and the CLI can work at once, foreign keys
on so that ``ON DELETE CASCADE`` really cascades. PostgreSQL (psycopg 3) is selected by URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from careerceo.errors import CareerError

MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there."""
    try:
        if current_revision(engine) == head_revision():
            return
        command.upgrade(alembic_config(engine), "head")
    except OperationalError as exc:
        raise CareerError(
            f"cannot open the database ({exc.orig}); check CAREER_DATABASE_URL "
            "or the permissions of the data directory"
        ) from exc


def _unstorable(exc: Exception) -> str:
    if isinstance(exc, UnicodeEncodeError):
        problem = "text with an unpaired UTF-16 surrogate (not a character)"
    else:
        first = str(getattr(exc, "orig", exc)).splitlines()[0]
        problem = f"a value the database refused ({first})"
    return (
        f"nothing was saved: the request holds {problem}; retype the text as plain UTF-8 and "
        "keep numbers within range"
    )


class Database:
    """One engine and its session factory; ``transaction()`` is the unit of every write."""

    def __init__(self, url: str, *, auto_migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        if auto_migrate:
            migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commit when the block ends normally, roll everything back otherwise."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except (UnicodeEncodeError, DataError) as exc:
            # Input validation should have named the field; this is the net under it, so a
            # value the database cannot hold is a refusal (rolled back) and never a crash.
            raise CareerError(_unstorable(exc)) from exc
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
