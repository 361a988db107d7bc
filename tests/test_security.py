"""Attacks on the real server on loopback: forged requests, rebinding, missing headers.

Each test states the attack it replays (issue 16) and checks both the refusal and that stored
data did not change (an export before and after).
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from _web import live_get, live_post, web_client
from careerceo.services import backup as backup_service
from careerceo.services.context import AppContext
from careerceo.web.app import create_app

EVIL = "http://evil.example"


def _token(live_server: str) -> str:
    token: str = live_get(f"{live_server}/api/v1/csrf-token").json()["csrf_token"]
    return token


def _snapshot(ctx: AppContext) -> str:
    text = backup_service.export_backup(ctx)
    return re.sub(r'"exported_at": "[^"]*"', "", text)


def test_cross_origin_form_posts_are_refused_and_change_nothing(
    live_server: str, sqlite_ctx: AppContext
) -> None:
    before = _snapshot(sqlite_ctx)
    form = {"kind": "skill", "name": "Planted", "level": "3", "intent": "keep"}
    # the reproduced attack: another site's page posting the form
    answer = live_post(f"{live_server}/inventory", data=form, headers={"Origin": EVIL})
    assert answer.status_code == 403
    assert "did not come from a Career CEO page" in answer.text
    assert "text/html" in answer.headers["content-type"]
    # another port of localhost is another origin, even with a stolen-looking token field
    other_port = live_server.rsplit(":", 1)[0] + ":9"
    answer = live_post(
        f"{live_server}/inventory",
        data={**form, "csrf_token": "guess"},
        headers={"Origin": other_port, "Sec-Fetch-Site": "same-site"},
    )
    assert answer.status_code == 403
    # a Referer from elsewhere, or a browser saying cross-site
    answer = live_post(f"{live_server}/inventory", data=form, headers={"Referer": f"{EVIL}/page"})
    assert answer.status_code == 403
    answer = live_post(
        f"{live_server}/inventory", data=form, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert answer.status_code == 403
    # no origin information at all (curl) but no token: still refused
    assert live_post(f"{live_server}/inventory", data=form).status_code == 403
    for n in range(1, 21):
        assert live_post(f"{live_server}/inventory/{n}/delete").status_code == 403
    assert _snapshot(sqlite_ctx) == before


def test_missing_or_wrong_token_is_a_clear_403_in_json_on_the_api(
    live_server: str, sqlite_ctx: AppContext
) -> None:
    before = _snapshot(sqlite_ctx)
    api = f"{live_server}/api/v1"
    body = {"kind": "skill", "name": "Planted", "level": 3, "intent": "keep"}
    for headers in ({}, {"X-CSRF-Token": "wrong"}, {"X-CSRF-Token": ""}):
        answer = live_post(f"{api}/inventory", json=body, headers=headers)
        assert answer.status_code == 403, headers
        detail = answer.json()["detail"][0]
        assert detail["type"] == "csrf"
        assert "X-CSRF-Token" in detail["msg"] and "/api/v1/csrf-token" in detail["msg"]
    answer = live_post(
        f"{api}/inventory", json=body, headers={"X-CSRF-Token": _token(live_server), "Origin": EVIL}
    )
    assert answer.status_code == 403
    assert answer.json()["detail"][0]["type"] == "csrf"
    assert _snapshot(sqlite_ctx) == before
    # the same request from this origin with the token goes through
    answer = live_post(
        f"{api}/inventory",
        json=body,
        headers={"X-CSRF-Token": _token(live_server), "Origin": live_server},
    )
    assert answer.status_code == 201, answer.text


def test_a_form_carrying_its_token_field_is_accepted(live_server: str) -> None:
    page = live_get(f"{live_server}/inventory").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    assert f'<meta name="csrf-token" content="{token.group(1)}">' in page
    answer = live_post(
        f"{live_server}/inventory",
        data={
            "kind": "skill",
            "name": "Welding",
            "level": "3",
            "intent": "keep",
            "csrf_token": token.group(1),
        },
        headers={"Origin": live_server, "Sec-Fetch-Site": "same-origin"},
    )
    assert answer.status_code == 303
    assert "Welding" in live_get(f"{live_server}/inventory").text


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:8000",
        "127.0.0.1.evil.example",
        "localhost.evil",
        "",
        "192.168.1.10",
        "[::2]",
    ],
)
def test_hosts_other_than_this_machine_get_421(live_server: str, host: str) -> None:
    for path in ("/", "/api/v1/profile", "/api/v1/backup"):
        answer = live_get(f"{live_server}{path}", headers={"Host": host})
        assert answer.status_code == 421, (host, path)
        assert "CAREER_ALLOWED_HOSTS" in answer.text
        assert "career-backup" not in answer.headers.get("content-disposition", "")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])
def test_loopback_names_are_served(live_server: str, host: str) -> None:
    port = live_server.rsplit(":", 1)[1]
    answer = live_get(f"{live_server}/", headers={"Host": f"{host}:{port}"})
    assert answer.status_code == 200


def test_configured_host_names_are_served(sqlite_ctx: AppContext) -> None:
    from dataclasses import replace

    settings = replace(sqlite_ctx.settings, allowed_hosts=("career.lan",))
    app = create_app(AppContext(settings=settings))
    with web_client(app, base_url="http://career.lan") as client:
        assert client.get("/").status_code == 200
    with web_client(app, base_url="http://other.lan") as client:
        assert client.get("/").status_code == 421


def route_table(routes: list[Any], prefix: str = "") -> list[tuple[str, set[str]]]:
    """(path, methods) of every route, looking inside included routers."""
    table: list[tuple[str, set[str]]] = []
    for route in routes:
        if isinstance(route, APIRoute):
            table.append((prefix + route.path, set(route.methods)))
        elif hasattr(route, "original_router"):  # FastAPI's included-router wrapper
            inner = route.include_context.prefix or ""
            table += route_table(route.original_router.routes, prefix + inner)
    return table


def _sample_path(path: str) -> str:
    values = {"code": "15-1252.00", "month": "2026-01", "fmt": "json", "kind": "skill"}
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: values.get(m.group(1), "1"), path)


def test_every_route_answers_with_the_security_headers(
    live_server: str, sqlite_ctx: AppContext
) -> None:
    app = create_app(sqlite_ctx)
    routes = route_table(list(app.routes))
    assert len(routes) > 60
    token = _token(live_server)
    seen = 0
    for raw_path, methods in routes:
        path = _sample_path(raw_path)
        for method in sorted(methods):
            if method == "HEAD":
                continue
            headers = {} if method == "GET" else {"Origin": EVIL, "X-CSRF-Token": token}
            answer = httpx.request(method, f"{live_server}{path}", headers=headers, timeout=60)
            where = f"{method} {path} -> {answer.status_code}"
            assert answer.status_code < 500, where
            if method != "GET":
                assert answer.status_code == 403, where
            csp = answer.headers.get("content-security-policy", "")
            assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp, where
            assert answer.headers.get("x-frame-options") == "DENY", where
            assert answer.headers.get("x-content-type-options") == "nosniff", where
            assert answer.headers.get("referrer-policy") == "same-origin", where
            assert answer.headers.get("cache-control") == "no-store", where
            seen += 1
    assert seen > 60
    static = live_get(f"{live_server}/static/style.css")
    assert static.headers.get("x-content-type-options") == "nosniff"
    assert "no-store" not in static.headers.get("cache-control", "")


def _pages(client: Any) -> dict[str, str]:
    """Every page with a form, after adding what makes the per-item forms appear."""
    client.post("/inventory", data={"kind": "skill", "name": "SQL", "level": "3", "intent": "keep"})
    client.post(
        "/positions", data={"employer": "Acme", "title": "Analyst", "start_date": "2020-01"}
    )
    client.post("/goals", data={"title": "Lead a team", "horizon": "1y"})
    client.post("/resume/wins", data={"text": "Cut report time 40% by automating SQL"})
    paths = [
        "/inventory",
        "/inventory/1",
        "/positions",
        "/positions/1",
        "/goals",
        "/goals/1",
        "/review",
        "/signals",
        "/gap",
        "/skills",
        "/resume",
        "/resume/critique",
        "/resume/wins",
        "/resume/tailor",
        "/profile",
        "/pivots",
        "/",
    ]
    return {path: client.get(path).text for path in paths}


def test_every_form_carries_the_token_and_no_page_has_inline_script(
    sqlite_ctx: AppContext,
) -> None:
    with web_client(sqlite_ctx) as client:
        pages = _pages(client)
    forms = 0
    for path, html in pages.items():
        for form in re.findall(r"<form\b[^>]*>.*?</form>", html, flags=re.S | re.I):
            if re.search(r'method="post"', form, flags=re.I):
                forms += 1
                assert 'name="csrf_token"' in form, (path, form[:200])
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html, flags=re.I), path
        assert not re.search(r"\son[a-z]+\s*=", html, flags=re.I), path
        assert "javascript:" not in html, path
    assert forms >= 15


def test_api_docs_are_local_and_script_free(live_server: str) -> None:
    answer = live_get(f"{live_server}/api/v1/docs")
    assert answer.status_code == 200
    assert "/api/v1/inventory" in answer.text and "X-CSRF-Token" in answer.text
    assert "<script" not in answer.text
    assert not re.search(r"(src|href)=\"https?://", answer.text)
    assert live_get(f"{live_server}/api/v1/redoc").status_code == 404


def test_serve_refuses_a_network_address_without_the_flag(cli: Any) -> None:
    result = cli("serve", "--host", "0.0.0.0", "--port", "1")
    assert result.exit_code == 2
    assert "no login" in result.output and "--i-understand-no-login" in result.output
    assert "Traceback" not in result.output
