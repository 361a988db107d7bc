"""The bad-input standard for the server-rendered forms.

A refused post answers 422 with the form re-rendered: the message sits next to its field
(``data-field``), what the person typed is still in the form, and the database is unchanged.
Nothing a form can send gives a 500 or a raw JSON error page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from _web import web_client
from careerceo.model.direction import GoalIn
from careerceo.model.position import PositionInput
from careerceo.services import direction, positions
from careerceo.services.context import AppContext
from careerceo.store import tables

WATCHED = (
    tables.InventoryEntry,
    tables.Position,
    tables.Vision,
    tables.Goal,
    tables.GoalRevision,
    tables.Milestone,
    tables.Review,
    tables.Accomplishment,
    tables.JobPosting,
    tables.Document,
)
PERSON_FIELDS = ("full_name", "phone", "website", "linkedin_url", "summary", "occupation_code")


def snapshot(ctx: AppContext) -> dict[str, Any]:
    """Row counts of everything a form can write, and the profile's fields."""
    with ctx.db.transaction() as s:
        counts: dict[str, Any] = {
            t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in WATCHED
        }
        person = s.get(tables.Person, ctx.person_id)
        assert person is not None
        counts["person"] = {f: getattr(person, f) for f in PERSON_FIELDS}
        goal = s.scalars(select(tables.Goal)).first()
        counts["goal"] = (goal.title, goal.horizon) if goal else None
        return counts


def seed(ctx: AppContext) -> int:
    positions.add_position(ctx, PositionInput(employer="Acme", title="Engineer"))
    return direction.add_goal(ctx, GoalIn(title="Become lead")).id


def field_error(body: str, field: str) -> str:
    match = re.search(rf'data-field="{re.escape(field)}"[^>]*>(.*?)</span>', body, re.S)
    assert match, f"no message next to {field!r}"
    return html.unescape(match.group(1)).strip()


@pytest.fixture
def client(sqlite_ctx: AppContext) -> Iterator[TestClient]:
    with web_client(sqlite_ctx, follow_redirects=False) as c:
        yield c


FORM_CASES: list[tuple[str, dict[str, str], str, str, str]] = [
    # path, form, field with the message, words in the message, typed value kept in the form
    (
        "/profile",
        {"full_name": "Ann Lee", "website": "not a url"},
        "website",
        "https://",
        "Ann Lee",
    ),
    (
        "/profile",
        {"full_name": "Ann Lee", "linkedin_url": "javascript:alert(1)"},
        "linkedin_url",
        "web address",
        "Ann Lee",
    ),
    ("/profile", {"full_name": "Ann Lee", "phone": "call me"}, "phone", "phone number", "Ann Lee"),
    (
        "/profile",
        {"full_name": "Ann Lee", "occupation_code": "99-9999.99"},
        "occupation_code",
        "no O*NET",
        "Ann Lee",
    ),
    ("/profile", {"full_name": "Ann\x00Lee"}, "full_name", "NUL", ""),
    (
        "/inventory",
        {"kind": "skill", "name": "Kotlin", "level": "99", "intent": "keep"},
        "level",
        "1 (aware) to 5",
        "Kotlin",
    ),
    (
        "/positions",
        {"title": "Analyst", "employer": "Initech", "start_date": "0001-01"},
        "start_date",
        "1900",
        "Initech",
    ),
    (
        "/positions",
        {"title": "Analyst", "employer": "Initech", "start_date": "2026-13"},
        "start_date",
        "YYYY-MM",
        "Initech",
    ),
    (
        "/positions",
        {"title": "Analyst", "employer": "Initech", "occupation_code": "99-9999.99"},
        "occupation_code",
        "no O*NET",
        "Initech",
    ),
    (
        "/positions",
        {"title": "Analyst", "employer": "Initech", "description": "a\x00b"},
        "description",
        "NUL",
        "Initech",
    ),
    (
        "/goals",
        {"title": "Lead a team", "horizon": "1y", "occupation_code": "garbage"},
        "occupation_code",
        "O*NET-SOC",
        "Lead a team",
    ),
    (
        "/goals",
        {"title": "Lead a team", "horizon": "1y", "why": "a\x00b"},
        "why",
        "NUL",
        "Lead a team",
    ),
    ("/goals/vision", {"vision": "x" * 10_001}, "vision", "10000", ""),
    (
        "/review",
        {"mode": "create", "month": "2026-13", "notes": "Typed notes"},
        "month",
        "YYYY-MM",
        "Typed notes",
    ),
    (
        "/review",
        {"mode": "create", "month": "1900-01", "notes": "Typed notes"},
        "month",
        "years ago",
        "Typed notes",
    ),
    (
        "/review",
        {"mode": "create", "month": "3000-01", "notes": "Typed notes"},
        "month",
        "not started",
        "Typed notes",
    ),
    (
        "/review",
        {"mode": "create", "month": "2026-01", "notes": "n" * 10_001},
        "notes",
        "10000",
        "",
    ),
    (
        "/resume/wins",
        {"title": "Shipped v2", "happened_on": "9999-12-31"},
        "happened_on",
        "future",
        "Shipped v2",
    ),
    ("/resume/wins", {"title": "Shipped v2", "skills": "a\x00b"}, "skills", "NUL", "Shipped v2"),
    (
        "/resume/tailor",
        {"title": "Data engineer", "text": "\x00binary"},
        "text",
        "NUL",
        "Data engineer",
    ),
    ("/skills", {"text": "", "kind": "auto"}, "text", "paste", ""),
    ("/skills", {"text": "Python\x00", "kind": "auto"}, "text", "NUL", ""),
]


@pytest.mark.parametrize(
    ("path", "form", "field", "words", "kept"),
    FORM_CASES,
    ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(FORM_CASES)],
)
def test_refused_form_is_rerendered_with_the_message_by_the_field(
    client: TestClient,
    sqlite_ctx: AppContext,
    path: str,
    form: dict[str, str],
    field: str,
    words: str,
    kept: str,
) -> None:
    seed(sqlite_ctx)
    before = snapshot(sqlite_ctx)
    response = client.post(path, data=form)
    assert response.status_code == 422, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert words in field_error(response.text, field)
    if kept:
        assert html.escape(kept) in response.text or kept in response.text
    assert snapshot(sqlite_ctx) == before


@pytest.mark.parametrize(
    ("suffix", "form", "field", "words"),
    [
        ("edit", {"title": "", "horizon": "1y"}, "title", "at least 1"),
        ("edit", {"title": "Become lead", "horizon": "someday"}, "horizon", "1y"),
        ("milestones", {"m_title": "Ship", "m_due_date": "2026-13"}, "m_due_date", "YYYY-MM-DD"),
        ("milestones", {"m_title": "Ship", "m_due_date": "9999-12-31"}, "m_due_date", "too far"),
        ("milestones", {"m_title": "Ship", "m_due_date": "2001-01-01"}, "m_due_date", "past"),
    ],
)
def test_goal_page_forms_refuse_and_keep_the_goal(
    client: TestClient,
    sqlite_ctx: AppContext,
    suffix: str,
    form: dict[str, str],
    field: str,
    words: str,
) -> None:
    goal_id = seed(sqlite_ctx)
    before = snapshot(sqlite_ctx)
    response = client.post(f"/goals/{goal_id}/{suffix}", data=form)
    assert response.status_code == 422, response.text[:500]
    assert words in field_error(response.text, field)
    assert snapshot(sqlite_ctx) == before


def test_pivot_filters_name_the_wrong_kind(client: TestClient) -> None:
    response = client.get("/pivots", params={"kind": "bogus"})
    assert response.status_code == 422
    assert "same, adjacent" in field_error(response.text, "kind")


def test_oversized_form_field_gets_a_page_not_json(client: TestClient) -> None:
    response = client.post("/skills", data={"text": "word " * 300_000, "kind": "auto"})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
    assert "1 MB" in response.text


def test_unknown_page_is_a_page_and_unknown_api_path_stays_json(client: TestClient) -> None:
    page = client.get("/no-such-page")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "/no-such-page" in page.text
    api = client.get("/api/v1/no-such-thing")
    assert api.status_code == 404
    assert "json" in api.headers["content-type"]


def test_nul_bytes_are_refused_before_the_database(ctx: AppContext) -> None:
    """PostgreSQL cannot store NUL; the refusal must come first, on either database."""
    with web_client(ctx, follow_redirects=False) as c:
        before = snapshot(ctx)
        for path, form, field in (
            ("/positions", {"title": "T\x00", "employer": "E"}, "title"),
            ("/goals", {"title": "G\x00", "horizon": "1y"}, "title"),
            ("/resume/wins", {"title": "W\x00"}, "title"),
        ):
            response = c.post(path, data=form)
            assert response.status_code == 422, (path, response.text[:300])
            assert "NUL" in field_error(response.text, field)
        assert snapshot(ctx) == before
