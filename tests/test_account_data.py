"""A client's own export and the deletion of their account, on SQLite and PostgreSQL: the
export holds everything of theirs and nothing of anyone else's; deletion removes every row of
theirs, leaves another client's data as it was, removes grants, and keeps one impersonal line."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from careerceo.errors import CareerError
from careerceo.model.direction import GoalIn
from careerceo.services import access, account_data, direction, inventory
from careerceo.services import accounts as service
from careerceo.services.context import AppContext
from careerceo.store.access_tables import AccessGrant, AuditEvent, CoachComment
from careerceo.store.accounts import PracticeLogRepository
from careerceo.store.tables import Account, Base, Person

PASSWORD = "correct horse battery staple"


def _people(ctx: AppContext) -> tuple[AppContext, AppContext, service.Identity, service.Identity]:
    ids = {}
    for email, role in (
        ("a@example.org", "client"),
        ("b@example.org", "client"),
        ("c@example.org", "coach"),
    ):
        service.create_account(ctx, email, role, PASSWORD, name=email[0].upper())
        ids[email] = service.login(ctx, email, PASSWORD, "10.0.0.1")[1]
    a, b = (
        ctx.for_person(ids["a@example.org"].person_id),
        ctx.for_person(ids["b@example.org"].person_id),
    )
    direction.add_goal(a, GoalIn(title="A leaves Initech"))
    inventory.add_entry(a, {"kind": "skill", "name": "SQL", "level": 4})
    direction.add_goal(b, GoalIn(title="B's own goal"))
    inventory.add_entry(b, {"kind": "skill", "name": "Welding", "level": 3})
    access.grant(a, "c@example.org", "direction", "comment", ids["a@example.org"])
    access.grant(b, "c@example.org", "direction", "comment", ids["b@example.org"])
    coach = ids["c@example.org"]
    access.add_comment(ctx, coach, _uid(ctx, a), "direction", "A: talk to your manager first")
    access.add_comment(ctx, coach, _uid(ctx, b), "direction", "B: welding note")
    service.create_token(ctx, "a@example.org", "my script")
    return a, b, ids["a@example.org"], coach


def _uid(ctx: AppContext, client: AppContext) -> str:
    with ctx.db.transaction() as s:
        person = s.get(Person, client.person_id)
        assert person is not None
        return person.uid


def _rows_of(ctx: AppContext, person_id: int) -> dict[str, list[str]]:
    out = {}
    with ctx.db.transaction() as s:
        for t in Base.metadata.sorted_tables:
            owner = t.c.get("person_id", t.c.get("client_id"))
            if t.name == "person":
                owner = t.c.id
            if owner is None:
                continue
            rows = s.execute(select(t).where(owner == person_id)).mappings().all()
            out[t.name] = sorted(repr(sorted(r.items())) for r in rows)
    return out


def test_the_export_holds_everything_of_mine_and_nothing_of_anyone_else(ctx: AppContext) -> None:
    a, _, a_who, _ = _people(ctx)
    text = account_data.export_account(a, a_who, "10.0.0.1")
    doc = json.loads(text)
    assert (
        doc["format"] == "career-ceo-account-export" and doc["account"]["email"] == "a@example.org"
    )
    assert [g["title"] for g in doc["career"]["tables"]["goal"]] == ["A leaves Initech"]
    assert [i["name"] for i in doc["career"]["tables"]["inventory_entry"]] == ["SQL"]
    assert doc["career"]["format"] == "career-ceo-backup"  # `career import` restores this part
    access_part = doc["access"]
    assert [(g["coach"], g["area"], g["level"]) for g in access_part["grants"]] == [
        ("c@example.org", "direction", "comment")
    ]
    assert [c["text"] for c in access_part["comments"]] == ["A: talk to your manager first"]
    assert [t["name"] for t in access_part["tokens"]] == ["my script"]
    assert {e["action"] for e in access_part["audit_log"]} >= {"grant", "comment"}
    for foreign in ("B's own goal", "Welding", "welding note", "b@example.org"):
        assert foreign not in text
    assert "$argon2" not in text and "token_hash" not in text  # no secrets, not even hashed
    # every table the person owns is in the export (none left out)
    mine = {name for name, rows in _rows_of(ctx, a.person_id).items() if rows}
    exported = {n for n, rows in doc["career"]["tables"].items() if rows} | {"person"}
    assert mine - {"access_grant", "audit_event", "coach_comment"} <= exported
    # the export itself is in the client's audit log
    assert access.audit_log(a)[0].action == "export"


def test_deleting_my_account_removes_all_of_it_and_nothing_of_anyone_else(ctx: AppContext) -> None:
    a, b, a_who, coach = _people(ctx)
    a_id = a.person_id  # the context forgets it once the person is deleted
    b_before = _rows_of(ctx, b.person_id)
    b_before.pop("audit_event")
    with pytest.raises(CareerError, match=r"type 'a@example\.org'"):
        account_data.delete_account(a, "b@example.org", password=PASSWORD)
    with pytest.raises(CareerError) as wrong:
        account_data.delete_account(a, "a@example.org", password="not my password at all")
    assert wrong.value.status == 403
    assert _rows_of(ctx, a_id)["goal"]  # nothing deleted by a refused attempt
    from careerceo.services import uploads

    uploads.hold(a, b"my old CV", "cv.txt")
    uploads.hold(b, b"B's CV", "cv.txt")
    held = a.settings.data_dir / "uploads"
    removed = account_data.delete_account(a, "A@example.org ", password=PASSWORD)
    assert not (held / str(a_id)).exists() and (held / str(b.person_id)).is_dir()
    assert removed["goal"] == 1 and removed["inventory_entry"] == 1
    left = _rows_of(ctx, a_id)
    assert all(not rows for rows in left.values()), {k: v for k, v in left.items() if v}
    with ctx.db.transaction() as s:
        assert s.scalars(select(Account).where(Account.id == a_who.account_id)).first() is None
        assert not s.scalars(select(AccessGrant).where(AccessGrant.client_id == a_id)).all()
        assert not s.scalars(select(CoachComment).where(CoachComment.client_id == a_id)).all()
        assert not s.scalars(select(AuditEvent).where(AuditEvent.client_id == a_id)).all()
        (event,) = PracticeLogRepository(s).list()
    assert event.action == "delete-account" and f"#{a_who.account_id}" in event.what
    assert "a@example.org" not in event.what and "Initech" not in event.what
    b_after = _rows_of(ctx, b.person_id)
    b_after.pop("audit_event")
    assert b_after == b_before  # B's data untouched
    assert [c.uid for c in access.clients(ctx, coach)] == [_uid(ctx, b)]  # the coach lost A
    with pytest.raises(CareerError) as gone:
        service.login(ctx, "a@example.org", PASSWORD, "10.0.0.1")
    assert gone.value.message == service.BAD_LOGIN


def test_a_coach_deleting_their_account_takes_their_grants(ctx: AppContext) -> None:
    _, b, _, coach = _people(ctx)
    coach_ctx = ctx.for_person(coach.person_id)
    account_data.delete_account(coach_ctx, "c@example.org", password=PASSWORD)
    assert access.list_grants(b) == [] and access.comments(b) == []
    assert [g.title for g in direction.list_goals(b)] == ["B's own goal"]
    # B's log still says who looked, by the e-mail, though the account is gone
    assert any(e.actor == "c@example.org" for e in access.audit_log(b))


def test_wrong_passwords_on_the_delete_form_are_limited_like_logins(ctx: AppContext) -> None:
    a, _, _, _ = _people(ctx)
    for _ in range(service.ACCOUNT_LIMIT):
        with pytest.raises(CareerError) as wrong:
            account_data.delete_account(a, "a@example.org", password="a wrong guess again")
        assert wrong.value.status == 403
    with pytest.raises(CareerError) as limited:
        account_data.delete_account(a, "a@example.org", password=PASSWORD)
    assert limited.value.status == 429
    assert [g.title for g in direction.list_goals(a)] == ["A leaves Initech"]
    with pytest.raises(CareerError) as login:  # the same counter as signing in
        service.login(ctx, "a@example.org", PASSWORD, "10.0.0.9")
    assert login.value.status == 429


def test_deleting_my_account_forgets_the_cached_skill_readings_of_my_texts(
    sqlite_ctx: AppContext,
) -> None:
    """The skill-reading cache keeps each text it read, keyed by the text's hash rather than
    its owner, so it cannot be pruned per person: deletion empties it (files and memory)."""
    from careerceo.services.pivot_data import extract

    a, _b, _a_who, _coach = _people(sqlite_ctx)
    data_dir = a.settings.data_dir
    resume = "Reconciled the general ledger for Initech with SQL and Excel every month."
    extract(resume, "resume", data_dir)
    cached = [p.read_text("utf-8") for p in (data_dir / "cache" / "skills").rglob("*.json")]
    assert any("Initech" in text for text in cached)  # the text itself is in the cache
    account_data.delete_account(a, "a@example.org", password=PASSWORD)
    left = [p.read_text("utf-8") for p in (data_dir / "cache").rglob("*.json")]
    assert not any("Initech" in text for text in left)
    # and the in-memory layer does not answer from the deleted entry either
    from careerceo.skills.cache import extraction_cache

    assert extraction_cache(data_dir / "cache" / "skills").get(resume, "resume") is None
