"""Occupation search, title normalisation and occupation pages over HTTP and in a browser."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from _web import web_client
from careerceo.services.context import AppContext


@pytest.fixture
def client(sqlite_ctx: AppContext) -> Iterator[TestClient]:
    with web_client(sqlite_ctx) as test_client:
        yield test_client


def test_api_search(client: TestClient) -> None:
    response = client.get("/api/v1/occupations", params={"q": "nurse", "limit": 5})
    assert response.status_code == 200
    body = response.json()
    assert len(body["results"]) == 5
    assert body["results"][0]["code"].startswith("29-1141")
    assert {"code", "title", "score", "matched", "source"} <= set(body["results"][0])


def test_api_search_refuses_empty_query(client: TestClient) -> None:
    response = client.get("/api/v1/occupations", params={"q": "  "})
    assert response.status_code == 422
    assert "search is empty" in response.json()["detail"][0]["msg"]
    assert client.get("/api/v1/occupations").status_code == 422


def test_api_normalize(client: TestClient) -> None:
    response = client.get("/api/v1/occupations/normalize", params={"title": "HR generalist"})
    assert response.status_code == 200
    body = response.json()
    assert body["core_title"] == "human resources generalist"
    assert "13-1071.00" in [c["code"] for c in body["candidates"][:3]]
    assert body["candidates"][0]["matched_label"]


@pytest.mark.parametrize("title", ["", "z" * 501])
def test_api_normalize_bad_input(client: TestClient, title: str) -> None:
    response = client.get("/api/v1/occupations/normalize", params={"title": title})
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["title"] and detail["msg"]


def test_api_occupation(client: TestClient) -> None:
    response = client.get("/api/v1/occupations/15-1252")
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == "15-1252.00"
    assert body["tasks"]["core"] or body["tasks"]["unrated"]
    assert body["sources"] == {"onet": "O*NET 29.0", "esco": "ESCO 1.1.1"}


def test_api_unknown_occupation_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/occupations/99-9999.00")
    assert response.status_code == 404
    assert response.json()["detail"][0]["msg"] == "no O*NET 29.0 occupation has the code 99-9999.00"


def test_search_page_renders_both_forms(client: TestClient) -> None:
    page = client.get("/occupations", params={"q": "actuary", "title": "Sr. Software Eng II"})
    assert page.status_code == 200
    html = page.text
    assert 'href="/occupations/15-2011.00"' in html  # Actuaries, from the search
    assert 'data-code="15-1252.00"' in html  # Software Developers, from the title
    assert "senior" in html and ">II<" in html


def test_search_page_shows_the_error_next_to_the_field(client: TestClient) -> None:
    page = client.get("/occupations", params={"title": "x" * 700})
    assert page.status_code == 422
    assert 'data-field="title"' in page.text and "characters long" in page.text


def test_occupation_page_and_404(client: TestClient) -> None:
    page = client.get("/occupations/29-1141.00")
    assert page.status_code == 200
    for section in (
        "soc",
        "job-zone",
        "education",
        "skills",
        "knowledge",
        "tasks",
        "dwas",
        "technology",
        "tools",
        "interests",
        "work-styles",
        "work-values",
        "alternate-titles",
        "reported-titles",
        "esco",
    ):
        assert f'id="{section}"' in page.text, section
    missing = client.get("/occupations/99-9999")
    assert missing.status_code == 404
    assert "no O*NET 29.0 occupation has the code 99-9999.00" in missing.text


def test_browser_title_box_to_occupation_page(live_server: str, page: Any) -> None:
    page.goto(f"{live_server}/occupations")
    page.fill("#f-title", "Sr. Software Eng II")
    page.click("#title-form button")
    page.wait_for_selector("#title-result")
    assert page.inner_text("[data-seniority]") == "senior"
    page.click('#title-result tr[data-code="15-1252.00"] a')
    page.wait_for_selector("#skills")
    assert "Software Developers" in page.inner_text("h1")
    assert page.is_visible("[data-estimated]")
