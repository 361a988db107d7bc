"""Shared fixtures: real databases (SQLite always, PostgreSQL when reachable), the CLI, a live
web server, and headless Chromium. In CI (``CI=true``) PostgreSQL and the browser are required:
a missing one fails the run instead of skipping."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careerceo.services.context import AppContext
from careerceo.settings import Settings

IN_CI = os.environ.get("CI", "").lower() == "true"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CHROMIUM = os.environ.get("CAREER_TEST_CHROMIUM", "/usr/bin/chromium")


def _missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data`` when it is beside the project (it is in CI)."""
    if not SHARED.is_dir():
        _missing(f"{SHARED} is not there")
    return SHARED


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'career.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    admin_url = os.environ.get("CAREER_TEST_POSTGRES_URL")
    if not admin_url:
        _missing("CAREER_TEST_POSTGRES_URL is not set")
    from sqlalchemy import create_engine, text

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"career_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # pragma: no cover - depends on the machine
        admin.dispose()
        _missing(f"PostgreSQL is not reachable at CAREER_TEST_POSTGRES_URL: {exc}")
    base, _, _ = admin_url.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Run a store test once per supported database."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(name)
    return url


def make_context(url: str, data_dir: Path) -> AppContext:
    return AppContext(
        settings=Settings(data_dir=data_dir, database_url=url, host="127.0.0.1", port=0)
    )


@pytest.fixture
def ctx(db_url: str, tmp_path: Path) -> Iterator[AppContext]:
    """A migrated database with its default person, on SQLite and on PostgreSQL."""
    context = make_context(db_url, tmp_path)
    _ = context.person_id
    yield context
    context.db.dispose()


@pytest.fixture
def sqlite_ctx(sqlite_url: str, tmp_path: Path) -> Iterator[AppContext]:
    """The same on SQLite only, for tests that are not about storage."""
    context = make_context(sqlite_url, tmp_path)
    _ = context.person_id
    yield context
    context.db.dispose()


class Cli:
    """Runs ``career`` in-process against a private data directory."""

    def __init__(self, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.runner = CliRunner()
        monkeypatch.setenv("CAREER_DATA_DIR", str(data_dir))
        monkeypatch.delenv("CAREER_DATABASE_URL", raising=False)
        monkeypatch.delenv("CAREER_PERSON", raising=False)

    def __call__(self, *args: str, input: str | None = None) -> Any:
        from careerceo.cli.common import reset_context
        from careerceo.cli.main import app

        reset_context()
        result = self.runner.invoke(app, list(args), input=input, catch_exceptions=False)
        reset_context()
        return result


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path / "data", monkeypatch)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def live_server(sqlite_ctx: AppContext) -> Iterator[str]:
    """The real app served by uvicorn on a free loopback port, in a thread."""
    import uvicorn

    from careerceo.web.app import create_app

    port = _free_port()
    config = uvicorn.Config(
        create_app(sqlite_ctx), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, headless, with no background network."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _missing(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
