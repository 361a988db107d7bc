"""Accounts-mode test helpers: a practice with two clients, a coach holding a grant from
client A and a coach without one, and browsers signed in as each (through the real login)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from careerceo.model.direction import GoalIn
from careerceo.services import access, direction
from careerceo.services import accounts as service
from careerceo.services.context import AppContext
from careerceo.web.app import create_app

PASSWORD = "correct horse battery staple"
BASE = "http://127.0.0.1"
SECRET_GOAL = "Leave Initech for a product role"  # client A's; must never reach anyone else


@dataclasses.dataclass
class World:
    ctx: AppContext
    app: Any
    a: service.Identity
    b: service.Identity
    coach: service.Identity
    stranger: service.Identity  # a coach without any grant
    goal_id: int
    a_uid: str


@pytest.fixture
def world(ctx: AppContext) -> Iterator[World]:
    accounts_ctx = AppContext(dataclasses.replace(ctx.settings, auth="accounts"))
    accounts_ctx.__dict__["db"] = ctx.db
    who = {}
    for email, role in (
        ("a@example.org", "client"),
        ("b@example.org", "client"),
        ("coach@example.org", "coach"),
        ("stranger@example.org", "coach"),
    ):
        service.create_account(accounts_ctx, email, role, PASSWORD)
        who[email] = service.login(accounts_ctx, email, PASSWORD, "10.9.9.9")[1]
    a = who["a@example.org"]
    goal = direction.add_goal(accounts_ctx.for_person(a.person_id), GoalIn(title=SECRET_GOAL))
    direction.add_goal(accounts_ctx.for_person(who["b@example.org"].person_id), GoalIn(title="B's"))
    access.grant(accounts_ctx.for_person(a.person_id), "coach@example.org", "direction", "read", a)
    from careerceo.store.repositories import PersonRepository

    with ctx.db.transaction() as s:
        a_uid = PersonRepository(s, a.person_id).get().uid
    yield World(
        accounts_ctx,
        create_app(accounts_ctx),
        a,
        who["b@example.org"],
        who["coach@example.org"],
        who["stranger@example.org"],
        goal.id,
        a_uid,
    )


def signed_in(w: World, email: str) -> TestClient:
    client = TestClient(w.app, base_url=BASE, follow_redirects=False)
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, page.text[:300]
    done = client.post(
        "/login", data={"email": email, "password": PASSWORD, "csrf_token": token.group(1)}
    )
    assert done.status_code == 303, done.text[:300]
    session_token = client.get("/api/v1/csrf-token").json()["csrf_token"]
    client.headers["X-CSRF-Token"] = session_token
    return client


def anonymous(w: World) -> TestClient:
    client = TestClient(w.app, base_url=BASE, follow_redirects=False)
    client.headers["X-CSRF-Token"] = w.app.state.csrf_token
    return client
