"""``career backup`` / ``career restore``: the whole practice, round-tripped on SQLite and
PostgreSQL through the real CLI.

A practice with an admin, a coach and two clients (goals, milestones, a tailored document
pointing at its parent, a grant, a coach comment, the audit log, a session and a personal
access token) is backed up and restored into a new, empty database; every table then holds the
same rows, ids and all, the secrets still open the doors they opened, and the next new row
gets a fresh id. A non-empty target is refused without ``--force``; a damaged file is refused
with a message naming the problem and nothing written.
"""

from __future__ import annotations

import dataclasses
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from careerceo.errors import CareerError
from careerceo.model.direction import GoalIn, MilestoneIn
from careerceo.services import access, direction
from careerceo.services import accounts as service
from careerceo.services.context import AppContext
from careerceo.settings import Settings
from careerceo.store import practice_backup as store
from careerceo.store.tables import Document

PASSWORD = "correct horse battery staple"
SECRET = "Leave Initech for a product role"


@pytest.fixture
def empty_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """A second, empty database of the same kind as ``db_url``."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored' / 'career.db'}"
        return
    import _practice_load as load

    admin = os.environ["CAREER_TEST_POSTGRES_URL"]  # set, or db_url would have failed/skipped
    with load.fresh_postgres(admin) as url:
        yield url


def _context(url: str, data_dir: Path) -> AppContext:
    return AppContext(
        Settings(data_dir=data_dir, database_url=url, host="127.0.0.1", port=0, auth="accounts")
    )


@dataclasses.dataclass
class Practice:
    session_token: str
    access_token: str


def _build(ctx: AppContext) -> Practice:
    service.create_account(ctx, "admin@example.org", "admin", PASSWORD)
    service.create_account(ctx, "coach@example.org", "coach", PASSWORD)
    clients = []
    for email in ("a@example.org", "b@example.org"):
        service.create_account(ctx, email, "client", PASSWORD, name=email.split("@")[0].upper())
        clients.append(service.login(ctx, email, PASSWORD, "10.0.0.7")[1])
    a, b = clients
    a_ctx, b_ctx = ctx.for_person(a.person_id), ctx.for_person(b.person_id)
    goal = direction.add_goal(a_ctx, GoalIn(title=SECRET, why="Größer denken — «now»"))
    direction.add_milestone(a_ctx, goal.id, MilestoneIn(title="Talk to two PMs"))
    direction.add_goal(b_ctx, GoalIn(title="Lead a team"))
    with ctx.db.transaction() as s:  # a tailored résumé points at the one it was made from
        parent = Document(person_id=a.person_id, kind="resume", title="Base", content=b"%PDF-1")
        s.add(parent)
        s.flush()
        s.add(Document(person_id=a.person_id, kind="resume", title="For Acme", parent_id=parent.id))
    access.grant(a_ctx, "coach@example.org", "direction", "comment", a, "10.0.0.7")
    coach = service.login(ctx, "coach@example.org", PASSWORD, "10.0.0.8")[1]
    with ctx.db.transaction() as s:
        from careerceo.store.repositories import PersonRepository

        a_uid = PersonRepository(s, a.person_id).get().uid
    access.add_comment(ctx, coach, a_uid, "direction", "Good first step", "10.0.0.8")
    session_token, _ = service.login(ctx, "b@example.org", PASSWORD, "10.0.0.9")
    access_token, _ = service.create_token(ctx, "a@example.org", "nightly")
    with pytest.raises(CareerError):  # a refused login leaves a counted attempt behind
        service.login(ctx, "b@example.org", "wrong password here", "10.0.0.9")
    return Practice(session_token, access_token)


def _snapshot(url: str) -> tuple[str, dict[str, Any]]:
    engine = create_engine(url)
    try:
        return store.dump(engine)
    finally:
        engine.dispose()


def _use(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("CAREER_DATABASE_URL", url)
    monkeypatch.setenv("CAREER_AUTH", "accounts")


def test_a_practice_round_trips_with_its_secrets(
    db_url: str, empty_url: str, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _context(db_url, tmp_path / "source")
    practice = _build(source)
    source.db.dispose()
    schema, before = _snapshot(db_url)
    counts = {name: len(table["rows"]) for name, table in before.items()}
    for name in (
        "account",
        "person",
        "goal",
        "milestone",
        "document",
        "access_grant",
        "coach_comment",
        "audit_event",
        "auth_session",
        "access_token",
        "login_attempt",
    ):
        assert counts[name] > 0, f"the practice built for the test has no {name}"

    _use(monkeypatch, db_url)
    file = tmp_path / "practice.json"
    made = cli("backup", str(file))
    assert made.exit_code == 0, made.output
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert SECRET in file.read_text(encoding="utf-8")
    again = cli("backup", str(file))
    assert again.exit_code != 0 and "--force" in again.output

    _use(monkeypatch, empty_url)
    restored = cli("restore", str(file))
    assert restored.exit_code == 0, restored.output
    said = " ".join(restored.output.split())
    assert "4 account(s)" in said and "revoked tokens after that time" in said
    schema_after, after = _snapshot(empty_url)
    assert schema_after == schema
    assert after == before  # every table: the same columns, rows and ids

    target = _context(empty_url, tmp_path / "target")
    # the secrets survived: the password, the session cookie and the token still open the door
    _, who = service.login(target, "a@example.org", PASSWORD, "10.0.0.7")
    assert who.email == "a@example.org"
    assert (service.session_identity(target, practice.session_token) or who).email == (
        "b@example.org"
    )
    assert (service.token_identity(target, practice.access_token) or who).email == ("a@example.org")
    goals = direction.list_goals(target.for_person(who.person_id))
    assert [g.title for g in goals] == [SECRET]
    assert [c.text for c in access.comments(target.for_person(who.person_id))] == [
        "Good first step"
    ]
    # new rows after a restore get fresh ids (PostgreSQL's sequences were moved past them)
    service.create_account(target, "new@example.org", "client", PASSWORD)
    direction.add_goal(target.for_person(who.person_id), GoalIn(title="After the restore"))
    target.db.dispose()

    # a database that holds anything is refused without --force, and left as it was
    _, held = _snapshot(empty_url)
    refused = cli("restore", str(file))
    assert refused.exit_code != 0
    assert "not empty" in refused.output and "--force" in refused.output
    assert _snapshot(empty_url)[1] == held
    forced = cli("restore", str(file), "--force")
    assert forced.exit_code == 0, forced.output
    assert _snapshot(empty_url)[1] == before


def test_the_snapshot_is_one_moment(db_url: str, tmp_path: Path) -> None:
    """A write committed while the backup is being read is not in it: every table is read
    in one transaction, so the backup never pairs new rows with old ones."""
    ctx = _context(db_url, tmp_path)
    service.create_account(ctx, "a@example.org", "client", PASSWORD)
    _, who = service.login(ctx, "a@example.org", PASSWORD, "")
    client = ctx.for_person(who.person_id)
    direction.add_goal(client, GoalIn(title="Before"))
    written: list[str] = []

    def write_meanwhile(table: str) -> None:
        if not written:  # after the first table, before goal is read
            direction.add_goal(client, GoalIn(title="During"))
            service.create_account(ctx, "late@example.org", "client", PASSWORD)
            written.append(table)

    _, tables = store.dump(ctx.db.engine, on_table=write_meanwhile)
    assert written == ["account"]
    titles = [row[tables["goal"]["columns"].index("title")] for row in tables["goal"]["rows"]]
    emails = [row[tables["person"]["columns"].index("email")] for row in tables["person"]["rows"]]
    assert titles == ["Before"] and emails == ["a@example.org"]
    assert len(store.dump(ctx.db.engine)[1]["goal"]["rows"]) == 2  # it was committed
    ctx.db.dispose()


def test_damaged_backups_are_refused_with_the_reason_and_nothing_written(
    sqlite_url: str, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _context(sqlite_url, tmp_path / "source")
    _build(source)
    source.db.dispose()
    _use(monkeypatch, sqlite_url)
    good = tmp_path / "practice.json"
    assert cli("backup", str(good)).exit_code == 0
    document = json.loads(good.read_text(encoding="utf-8"))
    streamed = cli("backup", "-")  # to stdout, e.g. into an encryption tool
    assert streamed.exit_code == 0 and json.loads(streamed.stdout)["tables"] == document["tables"]
    target = f"sqlite:///{tmp_path / 'target' / 'career.db'}"
    _use(monkeypatch, target)

    def refused(name: str, content: str) -> str:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        answer = cli("restore", str(path))
        assert answer.exit_code != 0, answer.output
        assert "Traceback" not in answer.output
        engine = create_engine(target)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM account")).scalar() == 0
        engine.dispose()
        return str(answer.output)

    assert "not valid JSON" in refused("broken.json", '{"format": ')
    assert "career import" in refused("person.json", json.dumps({"format": "career-ceo-backup"}))
    goal = document["tables"]["goal"]
    bad_value = json.loads(json.dumps(document))
    bad_value["tables"]["goal"]["rows"][0][goal["columns"].index("title")] = 42
    assert "goal[0].title" in refused("value.json", json.dumps(bad_value))
    dangling = json.loads(json.dumps(document))
    dangling["tables"]["goal"]["rows"][0][goal["columns"].index("person_id")] = 999
    assert "do not fit together" in refused("dangling.json", json.dumps(dangling))
    other_schema = dict(document, schema="0001_initial")
    assert "schema" in refused("schema.json", json.dumps(other_schema))
    missing = tmp_path / "missing.json"
    answer = cli("restore", str(missing))
    assert answer.exit_code != 0 and "does not exist" in answer.output


@pytest.mark.postgres
def test_a_sqlite_practice_moves_to_postgresql_and_back(
    sqlite_url: str, postgres_url: str, tmp_path: Path
) -> None:
    """The file is the same on both databases: a practice outgrowing SQLite moves over."""
    from careerceo.services import practice_backup

    source = _context(sqlite_url, tmp_path / "source")
    practice = _build(source)
    made = practice_backup.backup_text(source.db)
    _, before = _snapshot(sqlite_url)
    target = _context(postgres_url, tmp_path / "target")
    restored = practice_backup.restore_text(target.db, made, tmp_path / "target")
    assert restored.counts["account"] == 4 and restored.counts["goal"] == 2
    assert _snapshot(postgres_url)[1] == before
    assert (service.token_identity(target, practice.access_token) or None) is not None
    used = _snapshot(postgres_url)[1]  # the token's use was recorded
    assert used != before
    back = _context(f"sqlite:///{tmp_path / 'back' / 'career.db'}", tmp_path / "back")
    practice_backup.restore_text(back.db, practice_backup.backup_text(target.db), tmp_path)
    assert _snapshot(back.db.url)[1] == used
    for ctx in (source, target, back):
        ctx.db.dispose()
