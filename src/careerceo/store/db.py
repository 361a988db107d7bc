"""Engine, transactions and automatic migrations.

SQLite is the embedded default: WAL so the web app and the CLI can work at once, foreign keys
on so that ``ON DELETE CASCADE`` really cascades. PostgreSQL (psycopg 3) is selected by URL.
"""

from __future__ import annotations

import ast
import contextlib
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from careerceo.errors import CareerError
from careerceo.files import private_dir, private_file

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_pragmas(synchronous: str) -> Callable[[Any, Any], None]:
    # FULL by default: a write the app acknowledged survives a power cut, not only a crash;
    # NORMAL (CAREER_SQLITE_SYNCHRONOUS) is faster and can lose the last writes on power loss.
    mode = synchronous if synchronous in ("FULL", "NORMAL", "EXTRA") else "FULL"

    def apply(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={mode}")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return apply


def _private_sqlite_file(path: Path) -> None:
    """Create the database file 0600 before SQLite does (it would follow the umask, 0644);
    SQLite gives its -wal and -shm files the database file's mode."""
    if not path.parent.exists():
        private_dir(path.parent)  # made by us, so ours to keep private
    if path.exists():
        private_file(path)
        return
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))


def make_engine(url: str, *, synchronous: str = "FULL") -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:" and not path.startswith("file:"):
            _private_sqlite_file(Path(path))
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas(synchronous))
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


_HEADER = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(.+)$", re.MULTILINE)


def head_revision() -> str | None:
    """The newest migration, read from the version files' headers.

    Every command opens the database, and importing Alembic just to learn that the schema is
    already current costs about a third of a second; Alembic itself only loads to migrate.
    A history that is not one straight line falls back to Alembic's own answer.
    """
    revisions: dict[str, object] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        header = dict(_HEADER.findall(path.read_text(encoding="utf-8")))
        if "revision" in header:
            revisions[ast.literal_eval(header["revision"])] = ast.literal_eval(
                header.get("down_revision", "None")
            )
    parents = set(revisions.values())
    heads = [revision for revision in revisions if revision not in parents]
    if len(heads) == 1 and all(isinstance(p, str | None) for p in parents):
        return heads[0]
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
        found = list(versions)
    return found[0] if len(found) == 1 else None


MIGRATION_LOCK = 7_305_911_203  # PostgreSQL advisory lock key: "Career CEO is migrating"


@contextmanager
def migration_lock(engine: Engine) -> Iterator[None]:
    """Let one process migrate at a time: several web workers start together, and two Alembic
    runs on one database would race to create the same tables. PostgreSQL takes an advisory
    lock; SQLite an exclusive lock on a file beside the database."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
                connection.commit()
        return
    path = engine.url.database
    if not path or path == ":memory:":
        yield
        return
    try:
        import fcntl
    except ImportError:  # Windows: one local user, one process, nothing to race with
        yield
        return
    with open(f"{path}.migrate.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there."""
    try:
        if current_revision(engine) == head_revision():
            return
        with migration_lock(engine):
            if current_revision(engine) == head_revision():
                return  # another worker migrated while this one waited for the lock
            from alembic import command

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

    def __init__(self, url: str, *, auto_migrate: bool = True, synchronous: str = "FULL") -> None:
        self.url = url
        self.engine = make_engine(url, synchronous=synchronous)
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
