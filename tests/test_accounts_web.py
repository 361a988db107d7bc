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
from careerceo.services import access
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

# Who asks. Locked out: must get a sign-in answer on every route but the public ones. Coaches
# hold grants from A on every area, one read-only and one with comments; the stranger is a
# coach A granted nothing; B is another client.
LOCKED_OUT = (
    "anonymous",
    "revoked_token",  # A's own token, revoked
    "disabled",  # a disabled client's session cookie and token, both
    "expired_session",  # A's own session, past its end
    "pending_second_factor",  # A's password was right, the code never came
)
ACTORS = (*LOCKED_OUT, "b", "stranger", "coach", "commenter")
PUBLIC = {"/login", "/login/code", "/healthz", "/readyz", "/api/v1/csrf-token"}
# A's rows, one per area, each with a phrase only A's data contains
SECRETS = {
    "direction": SECRET_GOAL,
    "pivots": "Secret negotiation skill",
    "job-search": "Secret analyst role at Initrode",
    "documents": "Secret claims handler",
}
AREAS = ("direction", "pivots", "job-search", "documents", "paths")
LAST = {"/account/delete", "/logout", "/logout-everywhere"}


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


def _fill(path: str, w: World, missing: bool = False, area: str = "direction") -> str:
    """Every id in the path is client A's (A's rows are the first of each table), or, with
    ``missing``, an id nobody has; other parameters get an A-shaped value."""
    values = {
        "goal_id": str(w.goal_id),
        "client_uid": w.a_uid,
        "area": area,
        "month": "2026-01",
        "fmt": "json",
    }
    if missing:
        values = {"client_uid": "no-such-client", "area": area, "month": "2026-01", "fmt": "json"}
    default = "999999" if missing else "1"
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: values.get(m.group(1), default), path)


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


def _changed_for(before: Any, after: Any, person_id: int) -> list[str]:
    return [t for t in before if any(o == person_id for o, _ in before[t] ^ after[t])]


def _bearer(w: World, token: str) -> TestClient:
    client = TestClient(w.app, base_url=BASE, follow_redirects=False)
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def _client_for(actor: str, w: World) -> TestClient:
    from datetime import timedelta

    from careerceo.services import second_factor
    from careerceo.store.access_tables import AuthSession

    if actor == "anonymous":
        return anonymous(w)
    if actor == "revoked_token":
        token, made = service.create_token(w.ctx, "a@example.org", actor)
        service.revoke_token(w.ctx, "a@example.org", made.id)
        return _bearer(w, token)
    if actor == "disabled":
        service.create_account(w.ctx, "gone@example.org", "client", PASSWORD)
        client = signed_in(w, "gone@example.org")
        token, _ = service.create_token(w.ctx, "gone@example.org", actor)
        client.headers["Authorization"] = f"Bearer {token}"
        return client
    if actor in ("expired_session", "pending_second_factor"):
        client = anonymous(w)
        if actor == "expired_session":
            value, _ = service.open_session(w.ctx, w.a, service.now())
            with w.ctx.db.transaction() as s:
                row = s.scalars(
                    select(AuthSession).where(AuthSession.token_hash == service.digest(value))
                ).one()
                row.expires_at = service.now() - timedelta(seconds=1)
        else:
            value = second_factor.begin(w.ctx, w.a)
        client.cookies.set(COOKIE, value, domain="127.0.0.1")
        return client
    email = {"b": "b@example.org", "stranger": "stranger@example.org"}.get(actor)
    return signed_in(w, email or f"{actor}@example.org")


def _a_in_every_area(w: World) -> None:
    """A's rows in each area (the first row of each table, so id 1 is A's), and both coaches'
    grants on every area."""
    from careerceo.services import inventory, opportunities, paths, positions

    a = w.ctx.for_person(w.a.person_id)
    inventory.add_entry(a, {"kind": "skill", "name": SECRETS["pivots"], "level": 3})
    opportunities.add_opportunity(a, {"title": SECRETS["job-search"], "stage": "applied"})
    positions.add_position(a, {"title": SECRETS["documents"], "employer": "Initech"})
    paths.new_collection(a, {"name": "Private paths"})
    service.create_account(w.ctx, "commenter@example.org", "coach", PASSWORD)
    for area in AREAS:
        access.grant(a, "coach@example.org", area, "read", w.a)
        access.grant(a, "commenter@example.org", area, "comment", w.a)


def test_authorization_matrix_from_the_route_table(world: World) -> None:
    routes = _routes(world.app)
    assert len(routes) > 200  # the whole app, not a hand-picked few
    assert {
        ("GET", "/account"),
        ("POST", "/account/delete"),
        ("GET", "/coach/{client_uid}/{area}"),
    } <= set(routes)
    _a_in_every_area(world)
    clients = {actor: _client_for(actor, world) for actor in ACTORS}
    service.set_disabled(world.ctx, "gone@example.org")
    leaks, writes, told_apart = [], [], []
    # Before anyone else writes, every id 1 is A's row or nobody's: another client's or a
    # stranger's request for it must answer exactly like one for an id nobody has.
    for method, path in routes:
        if method == "GET" and re.search(r"\{\w*(id|uid)\}", path):
            for actor in ("b", "stranger"):
                theirs = clients[actor].get(_fill(path, world))
                nobody = clients[actor].get(_fill(path, world, missing=True))
                if theirs.status_code != nobody.status_code:
                    told_apart.append(
                        f"{actor} {path}: {theirs.status_code} vs {nobody.status_code}"
                    )
    before = _snapshot(world.ctx)
    comments_written = 0
    for method, path in routes:
        if path in LAST:
            continue  # run last, below: they end the actor's session or account
        areas = AREAS if "{area}" in path else ("direction",)
        for area in areas:
            url = _fill(path, world, area=area)
            for actor, client in clients.items():
                body: dict[str, Any] = (
                    {"json": {}} if path.startswith("/api/") else {"data": {"text": "a note"}}
                )
                if actor == "commenter":
                    before = _snapshot(world.ctx)  # the one actor who may write A's rows
                answer = client.request(method, url, **body)
                coach = actor in ("coach", "commenter")
                for secret_area, secret in SECRETS.items():
                    allowed = coach and method == "GET" and path.startswith("/coach/{client_uid}/")
                    allowed = allowed and url.endswith(f"/{secret_area}")
                    if secret in answer.text and not allowed:
                        leaks.append(f"{actor} {method} {url} -> {answer.status_code}: {secret}")
                if actor in LOCKED_OUT and path not in PUBLIC:
                    want = (401,) if path.startswith("/api/") else (303,)
                    if answer.status_code not in want:
                        leaks.append(f"{actor} {method} {url} answered {answer.status_code}")
                if actor == "commenter":
                    after = _snapshot(world.ctx)
                    changed = _changed_for(before, after, world.a.person_id)
                    if method == "POST" and path == "/coach/{client_uid}/{area}/comments":
                        comments_written += changed == ["coach_comment"]
                    elif changed:
                        writes.append(f"commenter {method} {url} changed {changed}")
                    before = after
            after = _snapshot(world.ctx)
            if changed := _changed_for(before, after, world.a.person_id):
                writes.append(f"{method} {path} ({area}) changed {changed}")
            before = after
    # every signed-in actor stayed signed in through the walk (so it tested what it meant to)
    assert clients["commenter"].get("/coach").status_code == 200
    assert clients["b"].get("/goals").status_code == 200
    # deleting an account or signing out: nobody but A can delete A, whatever they send
    for client in clients.values():
        for path in sorted(LAST):
            client.post(path, data={"confirm": "a@example.org", "password": PASSWORD})
    assert not _changed_for(before, _snapshot(world.ctx), world.a.person_id)
    # the probe sees what it looks for: A's own session gets A's data back and can write
    own = signed_in(world, "a@example.org")
    assert SECRET_GOAL in own.get(_fill("/api/v1/goals/{goal_id}", world)).text
    assert SECRET_GOAL in own.get("/goals").text
    mark = _snapshot(world.ctx)
    assert own.post("/api/v1/goals", json={"title": "A's own write"}).status_code == 201
    later = _snapshot(world.ctx)
    assert any(o == world.a.person_id for o, _ in mark["goal"] ^ later["goal"])  # A's write shows
    assert comments_written == len(AREAS)  # a comment grant does let the coach comment
    assert not leaks, "\n".join(leaks[:40])
    assert not writes, "\n".join(writes[:40])
    assert not told_apart, "\n".join(told_apart[:40])


def _error(html: str) -> str:
    found = re.search(r'id="login-error">([^<]*)<', html)
    return found.group(1) if found else ""
