"""``/account`` and the second step of signing in, on SQLite and PostgreSQL: a second factor
set up on the web (QR code shown once, a first code, recovery codes once), signing in with it,
your own export, and deleting your account (wrong password: 403 and nothing deleted)."""

from __future__ import annotations

import json
import re
import time

from fastapi.testclient import TestClient

from _accounts import BASE, PASSWORD, SECRET_GOAL, World, anonymous, signed_in, world
from _web import web_client
from careerceo.analysis import otp
from careerceo.model.direction import GoalIn
from careerceo.services import access, direction, second_factor
from careerceo.services.context import AppContext
from careerceo.web.auth import COOKIE, PENDING_COOKIE

__all__ = ["world"]


def _csrf(client: TestClient, page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, page[:300]
    return found.group(1)


def test_second_factor_set_up_on_the_web_then_required_at_sign_in(world: World) -> None:
    a = signed_in(world, "a@example.org")
    page = a.get("/account")
    assert page.status_code == 200 and "Off: a password alone signs you in." in page.text
    enrol = a.post("/account/2fa", data={})
    assert enrol.status_code == 200 and "<svg" in enrol.text and "otpauth://totp/" in enrol.text
    secret = re.search(r'id="secret">([A-Z2-7]+)<', enrol.text)
    assert secret
    assert secret.group(1) not in a.get("/account").text  # shown once
    wrong = a.post("/account/2fa/confirm", data={"code": "abc"})
    assert wrong.status_code == 422 and "not the code" in wrong.text
    done = a.post("/account/2fa/confirm", data={"code": otp.code_at(secret.group(1), time.time())})
    codes = re.findall(r"<code>([a-z2-7-]{19})</code>", done.text)
    assert done.status_code == 200 and len(codes) == 10
    assert "10 recovery codes left" in a.get("/account").text

    browser = TestClient(world.app, base_url=BASE, follow_redirects=False)
    login = browser.get("/login")
    step = browser.post(
        "/login",
        data={
            "email": "a@example.org",
            "password": PASSWORD,
            "csrf_token": _csrf(browser, login.text),
        },
    )
    assert step.status_code == 303 and step.headers["location"].startswith("/login/code")
    assert browser.cookies.get(COOKIE) is None and browser.cookies.get(PENDING_COOKIE)
    assert browser.get("/goals").status_code == 303  # the pending sign-in opens no page
    form = browser.get("/login/code")
    token = _csrf(browser, form.text)
    bad = browser.post("/login/code", data={"code": "000000x", "csrf_token": token})
    assert bad.status_code == 401 and "not right" in bad.text
    good = browser.post("/login/code", data={"code": codes[0], "csrf_token": token})
    assert good.status_code == 303 and browser.cookies.get(COOKIE)
    assert SECRET_GOAL in browser.get("/goals").text
    # the recovery code is spent
    other = TestClient(world.app, base_url=BASE, follow_redirects=False)
    other.cookies.set(PENDING_COOKIE, second_factor.begin(world.ctx, world.a), domain="127.0.0.1")
    again = other.post("/login/code", data={"code": codes[0], "csrf_token": token})
    assert again.status_code == 401
    # without a pending sign-in the code page sends the visitor back to the password
    stale = anonymous(world).post("/login/code", data={"code": "123456"})
    assert stale.status_code == 401 and 'id="sign-in-again"' in stale.text


def test_my_export_is_mine_alone(world: World) -> None:
    a = signed_in(world, "a@example.org")
    got = a.get("/account/export")
    assert got.status_code == 200 and "attachment" in got.headers["content-disposition"]
    doc = json.loads(got.text)
    assert doc["account"]["email"] == "a@example.org"
    assert SECRET_GOAL in got.text and "B's" not in got.text and "b@example.org" not in got.text
    b = signed_in(world, "b@example.org")
    theirs = b.get("/account/export")
    assert (
        SECRET_GOAL not in theirs.text
        and json.loads(theirs.text)["account"]["email"] == "b@example.org"
    )
    assert any(
        e.action == "export" for e in access.audit_log(world.ctx.for_person(world.a.person_id))
    )


def test_deleting_my_account_on_the_web(world: World) -> None:
    a = signed_in(world, "a@example.org")
    wrong = a.post(
        "/account/delete", data={"confirm": "a@example.org", "password": "not it at all"}
    )
    assert wrong.status_code == 403 and "not your password" in wrong.text
    typo = a.post("/account/delete", data={"confirm": "a@example.com", "password": PASSWORD})
    assert typo.status_code == 422 and "nothing was deleted" in typo.text
    assert SECRET_GOAL in a.get("/goals").text
    done = a.post("/account/delete", data={"confirm": "a@example.org", "password": PASSWORD})
    assert done.status_code == 200 and 'id="deleted"' in done.text
    assert a.get("/goals").status_code == 303  # signed out: the account is gone
    b = signed_in(world, "b@example.org")
    assert "B&#39;s" in b.get("/goals").text or "B's" in b.get("/goals").text
    coach = signed_in(world, "coach@example.org")
    assert world.a_uid not in coach.get("/coach").text
    assert coach.get(f"/coach/{world.a_uid}/direction").status_code == 404


def test_local_mode_exports_and_deletes_the_one_person(sqlite_ctx: AppContext) -> None:
    direction.add_goal(sqlite_ctx, GoalIn(title="Local goal"))
    client = web_client(sqlite_ctx)
    page = client.get("/account")
    assert (
        page.status_code == 200
        and "Second factor" not in page.text
        and "<strong>delete</strong>" in page.text
    )
    assert "Local goal" in client.get("/account/export").text
    assert client.post("/account/2fa", data={}).status_code == 404
    done = client.post("/account/delete", data={"confirm": "delete"})
    assert done.status_code == 200
    assert "Local goal" not in client.get("/goals").text
    assert client.post("/goals", data={"title": "A new start", "horizon": "1y"}).status_code in (
        200,
        303,
    )


def test_refusals_are_clear_and_tell_nothing(world: World) -> None:
    from datetime import timedelta

    from sqlalchemy import select

    from careerceo.services import accounts as service
    from careerceo.store.access_tables import AuthSession

    value, _ = service.open_session(world.ctx, world.a, service.now())
    with world.ctx.db.transaction() as s:
        row = s.scalars(
            select(AuthSession).where(AuthSession.token_hash == service.digest(value))
        ).one()
        row.expires_at = service.now() - timedelta(minutes=1)
    expired, forged = anonymous(world), anonymous(world)
    expired.cookies.set(COOKIE, value, domain="127.0.0.1")
    forged.cookies.set(COOKIE, "never-a-session", domain="127.0.0.1")
    pages = [c.get("/goals") for c in (expired, forged)]
    assert [p.status_code for p in pages] == [303, 303]
    assert pages[0].headers["location"] == pages[1].headers["location"] == "/login?next=/goals"
    login = [c.get("/login?next=/goals") for c in (expired, forged)]
    assert 'id="sign-in-first"' in login[0].text
    strip = re.compile(r'name="csrf_token" value="[^"]+"')
    assert strip.sub("", login[0].text) == strip.sub("", login[1].text)  # no hint which it was
    api = [c.get("/api/v1/goals") for c in (expired, forged)]
    assert [r.status_code for r in api] == [401, 401] and api[0].json() == api[1].json()
    # a missing grant reads like a missing client; a client on a coach's page gets a clear 403
    stranger = signed_in(world, "stranger@example.org")
    denied = stranger.get(f"/coach/{world.a_uid}/direction")
    missing = stranger.get("/coach/not-a-client/direction")
    assert denied.status_code == missing.status_code == 404
    assert denied.text.replace(world.a_uid, "X") == missing.text.replace("not-a-client", "X")
    assert "there is no client" in denied.text and SECRET_GOAL not in denied.text
    b = signed_in(world, "b@example.org")
    refused = b.get("/coach")
    assert refused.status_code == 403 and "this page is for coaches" in refused.text
