"""Accounts, sessions, tokens, grants and the audit log on real databases (SQLite, PostgreSQL)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from careerceo.errors import CareerError, NotFoundError
from careerceo.model.direction import GoalIn
from careerceo.services import access, direction
from careerceo.services import accounts as service
from careerceo.services.context import AppContext
from careerceo.store.tables import Account

PASSWORD = "correct horse battery staple"


def make(ctx: AppContext, email: str, role: str = "client") -> service.Identity:
    service.create_account(ctx, email, role, PASSWORD, name=email.split("@")[0])
    _, who = service.login(ctx, email, PASSWORD, "10.0.0.1")
    return who


def test_passwords_are_argon2id_and_never_stored_in_clear(ctx: AppContext) -> None:
    service.create_account(ctx, "A@Example.org", "client", PASSWORD)
    with ctx.db.transaction() as s:
        (account,) = [a for a in s.query(Account).all() if a.email == "a@example.org"]
        stored = account.password_hash or ""
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert PasswordHasher().verify(stored, PASSWORD)
    with pytest.raises(CareerError, match="exists already"):
        service.create_account(ctx, "a@example.org", "coach", PASSWORD)
    with pytest.raises(CareerError, match="at least 12"):
        service.create_account(ctx, "b@example.org", "client", "short")
    with pytest.raises(CareerError, match="not a role"):
        service.create_account(ctx, "b@example.org", "owner", PASSWORD)


def test_login_opens_a_new_session_each_time_and_logout_ends_it(ctx: AppContext) -> None:
    service.create_account(ctx, "a@example.org", "client", PASSWORD)
    first, who = service.login(ctx, "a@example.org", PASSWORD, "10.0.0.1")
    second, _ = service.login(ctx, "A@example.org ", PASSWORD, "10.0.0.1")
    assert first != second and who.csrf  # a fresh value per login: no fixation
    assert service.session_identity(ctx, first) == service.session_identity(ctx, first)
    assert service.session_identity(ctx, "planted-by-an-attacker") is None
    service.logout(ctx, first)
    assert service.session_identity(ctx, first) is None
    assert service.session_identity(ctx, second) is not None
    assert service.logout_everywhere(ctx, who.account_id) == 1
    assert service.session_identity(ctx, second) is None


def test_wrong_password_and_unknown_account_read_the_same(ctx: AppContext) -> None:
    service.create_account(ctx, "a@example.org", "client", PASSWORD)
    with pytest.raises(CareerError) as wrong:
        service.login(ctx, "a@example.org", "not the password", "10.0.0.1")
    with pytest.raises(CareerError) as unknown:
        service.login(ctx, "nobody@example.org", "not the password", "10.0.0.1")
    assert wrong.value.message == unknown.value.message and wrong.value.status == 401


def test_brute_force_is_stopped_per_account_and_per_address(ctx: AppContext) -> None:
    service.create_account(ctx, "a@example.org", "client", PASSWORD)
    for i in range(service.ACCOUNT_LIMIT):
        with pytest.raises(CareerError):
            service.login(ctx, "a@example.org", f"guess {i}", f"10.0.0.{i}")
    with pytest.raises(CareerError) as limited:  # the right password no longer helps
        service.login(ctx, "a@example.org", PASSWORD, "10.0.9.9")
    assert limited.value.status == 429
    for i in range(service.ADDRESS_LIMIT):  # many accounts from one address
        with pytest.raises(CareerError):
            service.login(ctx, f"user{i}@example.org", "guess", "10.1.1.1")
    service.create_account(ctx, "b@example.org", "client", PASSWORD)
    with pytest.raises(CareerError) as by_address:
        service.login(ctx, "b@example.org", PASSWORD, "10.1.1.1")
    assert by_address.value.status == 429
    assert service.login(ctx, "b@example.org", PASSWORD, "10.2.2.2")[0]  # elsewhere: fine
    service.reset_password(ctx, "a@example.org", PASSWORD + "!")  # the admin's reset clears it
    assert service.login(ctx, "a@example.org", PASSWORD + "!", "10.0.9.9")[0]


def test_disabled_accounts_lose_sessions_and_tokens(ctx: AppContext) -> None:
    who = make(ctx, "a@example.org")
    cookie, _ = service.login(ctx, "a@example.org", PASSWORD, "10.0.0.1")
    token, _ = service.create_token(ctx, "a@example.org", "script")
    assert service.token_identity(ctx, token) is not None
    service.set_disabled(ctx, "a@example.org")
    assert service.session_identity(ctx, cookie) is None
    assert service.token_identity(ctx, token) is None
    with pytest.raises(CareerError):
        service.login(ctx, "a@example.org", PASSWORD, "10.0.0.1")
    service.set_disabled(ctx, "a@example.org", False)
    assert service.token_identity(ctx, token) == service.Identity(
        who.account_id, who.email, who.role, who.person_id
    )


def test_tokens_are_hashed_shown_once_and_revocable(ctx: AppContext) -> None:
    make(ctx, "a@example.org")
    token, made = service.create_token(ctx, "a@example.org", "nightly export")
    assert token.startswith(service.TOKEN_PREFIX) and len(token) > 40
    with ctx.db.transaction() as s:
        from sqlalchemy import select

        from careerceo.store.access_tables import AccessToken

        stored = s.scalars(select(AccessToken.token_hash)).all()
    assert token not in stored and service.digest(token) in stored
    service.revoke_token(ctx, "a@example.org", made.id)
    assert service.token_identity(ctx, token) is None
    assert service.list_tokens(ctx, "a@example.org")[0].revoked
    with pytest.raises(CareerError, match="no live token"):
        service.revoke_token(ctx, "a@example.org", made.id)


def test_a_coach_sees_only_granted_areas_and_the_client_sees_who_looked(ctx: AppContext) -> None:
    a = make(ctx, "a@example.org")
    b = make(ctx, "b@example.org")
    coach = make(ctx, "coach@example.org", "coach")
    other = make(ctx, "other@example.org", "coach")
    client_a = ctx.for_person(a.person_id)
    direction.add_goal(client_a, GoalIn(title="Leave for a product role", horizon="1y"))
    client_uid = _uid(ctx, a.person_id)
    with pytest.raises(NotFoundError):  # nothing granted yet: not found, like a missing client
        access.client_context(ctx, coach, client_uid, "direction")
    made = access.grant(client_a, "coach@example.org", "direction", "read", a)
    seen = access.client_context(ctx, coach, client_uid, "direction")
    assert [g.title for g in direction.list_goals(seen)] == ["Leave for a product role"]
    for who, area in ((other, "direction"), (coach, "documents")):
        with pytest.raises(NotFoundError):
            access.client_context(ctx, who, client_uid, area)
    with pytest.raises(NotFoundError):  # a read grant does not allow comments
        access.add_comment(ctx, coach, client_uid, "direction", "Looks good")
    with pytest.raises(NotFoundError):  # B granted nothing
        access.client_context(ctx, coach, _uid(ctx, b.person_id), "direction")
    assert [c.uid for c in access.clients(ctx, coach)] == [client_uid]
    access.grant(client_a, "coach@example.org", "direction", "comment", a)
    access.add_comment(ctx, coach, client_uid, "direction", "Name the first milestone")
    assert [c.text for c in access.comments(client_a)] == ["Name the first milestone"]
    assert access.comments(ctx.for_person(b.person_id)) == []
    access.revoke(client_a, access.list_grants(client_a)[0].id, a)
    with pytest.raises(NotFoundError):
        access.client_context(ctx, coach, client_uid, "direction")
    with pytest.raises(NotFoundError):
        access.revoke(client_a, made.id, a)  # replaced earlier, so no longer live
    log = [(e.actor, e.action) for e in access.audit_log(client_a)]
    assert ("coach@example.org", "read") in log and ("coach@example.org", "comment") in log
    assert ("a@example.org", "grant") in log and log[0] == ("a@example.org", "revoke")
    assert access.audit_log(ctx.for_person(b.person_id)) == []
    with pytest.raises(CareerError, match="not an active coach"):
        access.grant(client_a, "b@example.org", "direction", "read", a)


def _uid(ctx: AppContext, person_id: int) -> str:
    from careerceo.store.repositories import PersonRepository

    with ctx.db.transaction() as s:
        return PersonRepository(s, person_id).get().uid


def test_accounts_mode_never_falls_back_to_the_first_person(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    monkeypatch.delenv("CAREER_PERSON", raising=False)
    practice = AppContext(dataclasses.replace(ctx.settings, auth="accounts"))
    practice.__dict__["db"] = ctx.db
    with pytest.raises(CareerError, match="CAREER_PERSON"):
        _ = practice.person_id
    make(practice, "a@example.org")
    monkeypatch.setenv("CAREER_PERSON", "a@example.org")
    named = AppContext(dataclasses.replace(ctx.settings, auth="accounts"))
    named.__dict__["db"] = ctx.db
    assert named.person_id != ctx.person_id
