"""The JSON API under /api/v1 and the server-rendered forms, through the real ASGI app."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from _web import web_client
from careerceo.services import inventory
from careerceo.services.context import AppContext


@pytest.fixture
def client(sqlite_ctx: AppContext) -> Iterator[TestClient]:
    with web_client(sqlite_ctx) as test_client:
        yield test_client


def test_inventory_crud(client: TestClient) -> None:
    created = client.post("/api/v1/inventory", json={"kind": "skill", "name": "SQL", "level": 4})
    assert created.status_code == 201
    entry = created.json()
    assert (entry["name"], entry["level"], entry["intent"]) == ("SQL", 4, "keep")
    client.post("/api/v1/inventory", json={"kind": "knowledge", "name": "Finance", "intent": "add"})

    assert [e["name"] for e in client.get("/api/v1/inventory").json()] == ["Finance", "SQL"]
    assert [e["name"] for e in client.get("/api/v1/inventory?intent=add").json()] == ["Finance"]
    assert client.get(f"/api/v1/inventory/{entry['id']}").json()["uid"] == entry["uid"]

    patched = client.patch(f"/api/v1/inventory/{entry['id']}", json={"level": 5})
    assert patched.status_code == 200 and patched.json()["level"] == 5
    replaced = client.put(
        f"/api/v1/inventory/{entry['id']}",
        json={"kind": "skill", "name": "PostgreSQL", "level": 3, "intent": "drop"},
    )
    assert replaced.json()["name"] == "PostgreSQL" and replaced.json()["intent"] == "drop"

    assert client.delete(f"/api/v1/inventory/{entry['id']}").status_code == 204
    assert client.get(f"/api/v1/inventory/{entry['id']}").status_code == 404
    assert len(client.get("/api/v1/inventory").json()) == 1


@pytest.mark.parametrize(
    ("body", "field", "fragment"),
    [
        ({"kind": "skill", "name": "X", "level": 0}, "level", "1 (aware) to 5 (expert)"),
        ({"kind": "tool", "name": "X"}, "kind", "skill, knowledge or attribute"),
        ({"kind": "skill", "name": ""}, "name", "name is required"),
    ],
)
def test_inventory_bad_values_are_422_with_detail(
    client: TestClient, body: dict[str, object], field: str, fragment: str
) -> None:
    response = client.post("/api/v1/inventory", json=body)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"][-1] == field
    assert fragment in detail[0]["msg"]
    assert client.get("/api/v1/inventory").json() == []


def test_inventory_conflicts_and_unknown_ids(client: TestClient) -> None:
    entry = client.post("/api/v1/inventory", json={"kind": "skill", "name": "Go"}).json()
    duplicate = client.post("/api/v1/inventory", json={"kind": "skill", "name": "GO"})
    assert duplicate.status_code == 422
    assert duplicate.json()["detail"] == [
        {
            "loc": ["name"],
            "msg": f"you already have the skill 'Go' (#{entry['id']}); "
            "edit that entry instead of adding it again",
            "type": "invalid",
        }
    ]
    typo = client.patch(f"/api/v1/inventory/{entry['id']}", json={"levl": 2})
    assert typo.status_code == 422 and typo.json()["detail"][0]["loc"] == ["levl"]
    for method in ("get", "delete"):
        assert client.request(method, "/api/v1/inventory/999").status_code == 404
    missing = client.patch("/api/v1/inventory/999", json={"level": 2})
    assert (
        missing.status_code == 404
        and "no inventory entry #999" in missing.json()["detail"][0]["msg"]
    )


def test_positions_crud_and_validation(client: TestClient) -> None:
    created = client.post(
        "/api/v1/positions",
        json={
            "employer": "Acme",
            "title": "Dev",
            "start_date": "2019-04",
            "end_date": "2021-08-15",
        },
    )
    assert created.status_code == 201
    position = created.json()
    assert (position["start_date"], position["end_date"]) == ("2019-04-01", "2021-08-15")
    current = client.post("/api/v1/positions", json={"employer": "Initech", "title": "Lead"}).json()
    assert [p["id"] for p in client.get("/api/v1/positions?current=true").json()] == [current["id"]]

    wrong = client.patch(f"/api/v1/positions/{position['id']}", json={"end_date": "2018-01"})
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["end_date"]
    assert "before start_date" in wrong.json()["detail"][0]["msg"]
    bad_code = client.post(
        "/api/v1/positions", json={"employer": "A", "title": "B", "occupation_code": "x"}
    )
    assert bad_code.status_code == 422

    assert client.delete(f"/api/v1/positions/{position['id']}").status_code == 204
    assert client.get(f"/api/v1/positions/{position['id']}").status_code == 404
    assert len(client.get("/api/v1/positions").json()) == 1


def test_profile_api(client: TestClient) -> None:
    assert client.get("/api/v1/profile").json()["full_name"] == ""
    patched = client.patch("/api/v1/profile", json={"full_name": "Grace Hopper"})
    assert patched.json()["full_name"] == "Grace Hopper"
    put = client.put("/api/v1/profile", json={"full_name": "Grace", "email": "g@navy.mil"})
    assert put.json()["email"] == "g@navy.mil" and put.json()["headline"] == ""
    bad = client.patch("/api/v1/profile", json={"email": "nope"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["email"]


def test_backup_download_and_openapi(client: TestClient, sqlite_ctx: AppContext) -> None:
    inventory.add_entry(sqlite_ctx, {"kind": "skill", "name": "Rust"})
    download = client.get("/api/v1/backup")
    assert download.status_code == 200
    assert "attachment" in download.headers["content-disposition"]
    document = json.loads(download.text)
    assert document["tables"]["inventory_entry"][0]["name"] == "Rust"
    again = client.post("/api/v1/backup", content=download.text)
    assert again.status_code == 409 and "already has data" in again.json()["detail"][0]["msg"]

    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/inventory", "/api/v1/positions/{position_id}", "/api/v1/profile"):
        assert path in schema["paths"]
    assert "InventoryOut" in schema["components"]["schemas"]


def test_pages_render_and_forms_post_redirect_get(client: TestClient) -> None:
    for path in ("/", "/profile", "/inventory", "/positions"):
        page = client.get(path)
        assert page.status_code == 200 and "<h1>" in page.text

    added = client.post(
        "/inventory",
        data={"kind": "skill", "name": "Negotiation", "level": "3", "intent": "add"},
        follow_redirects=False,
    )
    assert added.status_code == 303 and added.headers["location"] == "/inventory?done=added"
    listing = client.get("/inventory?done=added").text
    assert "Negotiation" in listing and "Added." in listing

    bad = client.post("/inventory", data={"kind": "skill", "name": "Chess", "level": "8"})
    assert bad.status_code == 422
    assert 'data-field="level"' in bad.text and "1 (aware) to 5 (expert)" in bad.text
    assert 'value="Chess"' in bad.text  # what was typed is kept

    entry_id = client.get("/api/v1/inventory").json()[0]["id"]
    assert client.get(f"/inventory/{entry_id}/edit").status_code == 200
    edit_bad = client.post(
        f"/inventory/{entry_id}", data={"kind": "skill", "name": "", "level": "3", "intent": "add"}
    )
    assert edit_bad.status_code == 422 and 'data-field="name"' in edit_bad.text
    saved = client.post(
        f"/inventory/{entry_id}",
        data={"kind": "skill", "name": "Negotiating", "level": "4", "intent": "keep"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert client.get(f"/api/v1/inventory/{entry_id}").json()["name"] == "Negotiating"

    position = client.post(
        "/positions",
        data={"employer": "Acme", "title": "Dev", "start_date": "2020-02", "end_date": "2019-01"},
    )
    assert position.status_code == 422 and 'data-field="end_date"' in position.text
    client.post("/positions", data={"employer": "Acme", "title": "Dev", "start_date": "2020-02"})
    dashboard = client.get("/").text
    assert "Dev</strong> at Acme" in dashboard and "since 2020-02" in dashboard
    assert 'data-intent="keep">1<' in dashboard

    profile = client.post("/profile", data={"full_name": "Ada", "email": "ada"})
    assert profile.status_code == 422 and 'data-field="email"' in profile.text
    assert (
        client.post("/profile", data={"full_name": "Ada"}, follow_redirects=False).status_code
        == 303
    )

    removed = client.post(f"/inventory/{entry_id}/delete", follow_redirects=False)
    assert removed.status_code == 303
    assert client.get("/api/v1/inventory").json() == []
    assert client.get("/inventory/12345/edit").status_code == 404
