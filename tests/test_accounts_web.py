"""Accounts mode on the web: sign-in, sessions, tokens and an authorization matrix generated
from the app's route table, on SQLite and PostgreSQL.

The matrix sends every route (every method, with the ids of client A's rows filled in) as each
actor and checks that nobody but A reads or changes A's rows: a reply may only ever contain
A's data for A, and the database after B's, the coach's or an anonymous visitor's requests
holds exactly what it held before.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import select

from _accounts import BASE, PASSWORD, SECRET_GOAL, World, anonymous, signed_in, world
from careerceo.services import accounts as service
from careerceo.services.context import AppContext
from careerceo.store.tables import Base
from careerceo.web.auth import COOKIE

__all__ = ["world"]  # the fixture, used by name


def test_pages_redirect_to_login_and_the_api_answers_401(world: World) -> None:
    client = anonymous(world)
    page = client.get("/goals")
    assert page.status_code == 303 and page.headers["location"] == "/login?next=/goals"
    api = client.get("/api/v1/goals")
    assert api.status_code == 401 and api.headers["www-authenticate"] == "Bearer"
    assert api.json()["detail"][0]["type"] == "unauthorized"
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200
    assert SECRET_GOAL not in page.text + api.text


def test_a_token_serves_only_its_owners_goals(world: World) -> None:
    token, made = service.create_token(world.ctx, "b@example.org", "script")
    client = TestClient(world.app, base_url=BASE)
    client.headers["Authorization"] = f"Bearer {token}"
    mine = client.get("/api/v1/goals")
    assert mine.status_code == 200 and [g["title"] for g in mine.json()] == ["B's"]
    other = client.get(f"/api/v1/goals/{world.goal_id}")
    missing = client.get("/api/v1/goals/999999")
    assert other.status_code == missing.status_code == 404
    assert other.json()["detail"][0]["msg"].replace(str(world.goal_id), "N") == missing.json()[
        "detail"
    ][0]["msg"].replace("999999", "N")  # indistinguishable from an id nobody has
    # a script's write needs no CSRF token: there is no cookie a forged page could ride on
    wrote = client.post("/api/v1/goals", json={"title": "Written by a script"})
    assert wrote.status_code == 201, wrote.text
    service.revoke_token(world.ctx, "b@example.org", made.id)
    assert client.get("/api/v1/goals").status_code == 401
    bogus = TestClient(world.app, base_url=BASE)
    bogus.headers["Authorization"] = "Bearer ccpat_forged"
    assert bogus.get("/api/v1/goals").status_code == 401


def test_session_fixation_logout_and_logout_everywhere(world: World) -> None:
    client = TestClient(world.app, base_url=BASE, follow_redirects=False)
    client.cookies.set(COOKIE, "planted-by-an-attacker", domain="127.0.0.1")
    page = client.get("/login")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert csrf
    done = client.post(
        "/login",
        data={"email": "a@example.org", "password": PASSWORD, "csrf_token": csrf.group(1)},
    )
    cookie = done.headers["set-cookie"]
    assert "planted-by-an-attacker" not in cookie
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    session = client.cookies.get(COOKIE)
    assert session and session != "planted-by-an-attacker"
    assert client.get("/goals").status_code == 200
    other = signed_in(world, "a@example.org")
    token = client.get("/api/v1/csrf-token").json()["csrf_token"]
    assert client.post("/logout-everywhere", data={"csrf_token": token}).status_code == 303
    assert client.get("/goals").status_code == 303
    assert other.get("/goals").status_code == 303  # the other browser is signed out too


def test_csrf_with_a_signed_in_session(world: World) -> None:
    client = signed_in(world, "a@example.org")
    token = client.headers.pop("X-CSRF-Token")
    forged = client.post("/goals", data={"title": "Forged", "horizon": "1y"})
    assert forged.status_code == 403
    server_wide = client.post(
        "/goals",
        data={"title": "Forged", "horizon": "1y", "csrf_token": world.app.state.csrf_token},
    )
    assert server_wide.status_code == 403  # only this session's token counts
    real = client.post("/goals", data={"title": "Mine", "horizon": "1y", "csrf_token": token})
    assert real.status_code in (200, 303)


def test_wrong_password_and_brute_force_on_the_login_page(world: World) -> None:
    client = anonymous(world)
    token = world.app.state.csrf_token
    answers = [
        client.post("/login", data={"email": e, "password": "wrong", "csrf_token": token})
        for e in ("a@example.org", "nobody@example.org")
    ]
    assert [r.status_code for r in answers] == [401, 401]
    assert _error(answers[0].text) == _error(answers[1].text)  # no hint whether it exists
    for _ in range(service.ACCOUNT_LIMIT):
        client.post("/login", data={"email": "b@example.org", "password": "x", "csrf_token": token})
    limited = client.post(
        "/login", data={"email": "b@example.org", "password": PASSWORD, "csrf_token": token}
    )
    assert limited.status_code == 429 and COOKIE not in limited.headers.get("set-cookie", "")


def test_disabled_account_is_signed_out(world: World) -> None:
    client = signed_in(world, "b@example.org")
    assert client.get("/goals").status_code == 200
    service.set_disabled(world.ctx, "b@example.org")
    assert client.get("/goals").status_code == 303


def test_coach_reads_granted_area_only_and_the_client_sees_it(world: World) -> None:
    coach = signed_in(world, "coach@example.org")
    listed = coach.get("/coach")
    assert listed.status_code == 200 and world.a_uid in listed.text
    seen = coach.get(f"/coach/{world.a_uid}/direction")
    assert seen.status_code == 200 and SECRET_GOAL in seen.text
    assert coach.get("/goals").status_code == 200 and SECRET_GOAL not in coach.get("/goals").text
    stranger = signed_in(world, "stranger@example.org")
    denied = stranger.get(f"/coach/{world.a_uid}/direction")
    nobody = stranger.get("/coach/no-such-client/direction")
    assert denied.status_code == nobody.status_code == 404 and SECRET_GOAL not in denied.text
    client_b = signed_in(world, "b@example.org")
    assert client_b.get("/coach").status_code == 403
    a = signed_in(world, "a@example.org")
    page = a.get("/access")
    assert page.status_code == 200 and "coach@example.org" in page.text and ">read<" in page.text


# -- the matrix --------------------------------------------------------------------------------

ACTORS = ("anonymous", "b", "coach", "stranger", "revoked_token", "disabled")


def _routes(app: Any) -> list[tuple[str, str]]:
    """(method, path) of every route the app serves, included routers flattened."""
    out = []

    def walk(routes: Any, prefix: str) -> None:
        for route in routes:
            inner = getattr(route, "original_router", None)
            if inner is not None:  # FastAPI keeps an included router whole, with its prefix
                walk(inner.routes, prefix + route.include_context.prefix)
            elif isinstance(route, APIRoute):
                for method in sorted(route.methods - {"HEAD", "OPTIONS"}):
                    out.append((method, prefix + route.path))

    walk(app.routes, "")
    return out


def _fill(path: str, w: World) -> str:
    """Every id in the path is client A's (or an A-shaped value for other parameters)."""
    values = {
        "goal_id": str(w.goal_id),
        "client_uid": w.a_uid,
        "area": "direction",
        "month": "2026-01",
        "fmt": "json",
    }
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: values.get(m.group(1), "1"), path)


def _snapshot(ctx: AppContext) -> dict[str, set[tuple[int | None, str]]]:
    """Every row as (its owner, its values): the owner is ``person_id`` or ``client_id`` (the
    person row's own id for ``person``), so a change can be told apart by whose row it is."""
    skip = {"auth_session", "access_token", "login_attempt", "audit_event"}
    out = {}
    with ctx.db.transaction() as session:
        for t in Base.metadata.sorted_tables:
            if t.name in skip:
                continue
            owner = t.c.get("person_id", t.c.get("client_id"))
            if t.name == "person":
                owner = t.c.id
            rows = session.execute(select(t)).mappings().all()
            out[t.name] = {
                (row[owner.name] if owner is not None else None, repr(sorted(row.items())))
                for row in rows
            }
    return out


def _client_for(actor: str, w: World) -> TestClient:
    if actor == "anonymous":
        return anonymous(w)
    if actor in ("revoked_token", "disabled"):
        email = "b@example.org" if actor == "revoked_token" else "stranger@example.org"
        token, made = service.create_token(w.ctx, email, actor)
        if actor == "revoked_token":
            service.revoke_token(w.ctx, email, made.id)
        client = TestClient(w.app, base_url=BASE, follow_redirects=False)
        client.headers["Authorization"] = f"Bearer {token}"
        return client
    return signed_in(w, f"{actor}@example.org")


def test_authorization_matrix_from_the_route_table(world: World) -> None:
    routes = _routes(world.app)
    assert len(routes) > 40  # the whole app, not a hand-picked few
    public = {"/login", "/healthz", "/readyz", "/api/v1/csrf-token"}
    clients = {actor: _client_for(actor, world) for actor in ACTORS}
    service.set_disabled(world.ctx, "stranger@example.org")
    # the coach's grant covers direction, read-only: the one place A's goal may appear to them
    coach_may_read = {"/coach/{client_uid}/direction"}
    before = _snapshot(world.ctx)
    leaks, writes = [], []
    for method, path in routes:
        url = _fill(path, world)
        for actor, client in clients.items():
            body: dict[str, Any] = {"data": {}} if not path.startswith("/api/") else {"json": {}}
            answer = client.request(method, url, **body)
            if actor == "coach" and path in coach_may_read and method == "GET":
                continue
            if SECRET_GOAL in answer.text:
                leaks.append(f"{actor} {method} {url} -> {answer.status_code}")
            locked_out = actor in ("anonymous", "revoked_token", "disabled")
            if locked_out and path not in public and answer.status_code not in (401, 303, 403, 405):
                leaks.append(f"{actor} {method} {url} answered {answer.status_code}")
        after = _snapshot(world.ctx)
        owned_by_a = [
            t for t in before if any(o == world.a.person_id for o, _ in before[t] ^ after[t])
        ]
        if owned_by_a:
            writes.append(f"{method} {path} changed {owned_by_a}")
        before = after
    # the probe sees a leak when there is one: A's own session does get the goal back
    own = signed_in(world, "a@example.org")
    assert SECRET_GOAL in own.get(_fill("/api/v1/goals/{goal_id}", world)).text
    assert SECRET_GOAL in own.get("/goals").text
    mark = _snapshot(world.ctx)
    assert own.post("/api/v1/goals", json={"title": "A's own write"}).status_code == 201
    later = _snapshot(world.ctx)
    assert any(o == world.a.person_id for o, _ in mark["goal"] ^ later["goal"])  # A's write shows
    assert not leaks, "\n".join(leaks[:40])
    assert not writes, "\n".join(writes[:40])


def _error(html: str) -> str:
    found = re.search(r'id="login-error">([^<]*)<', html)
    return found.group(1) if found else ""
