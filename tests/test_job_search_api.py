"""The job search through the JSON API, the backup round trip, today and the calendar feed,
on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from _web import web_client
from careerceo.services import backup, contacts, opportunities
from careerceo.services.context import AppContext
from careerceo.services.today import today_items
from conftest import make_context

FIXED = datetime(2026, 1, 2, 3, 4, 5)
FIXTURES = Path(__file__).parent / "fixtures" / "linkedin_connections"


@pytest.fixture
def client(ctx: AppContext) -> Iterator[TestClient]:
    with web_client(ctx, raise_server_exceptions=False) as test_client:
        yield test_client


def test_api_companies_contacts_opportunities(client: TestClient) -> None:
    company = client.post(
        "/api/v1/companies",
        json={
            "name": "Acme Corp",
            "is_target": True,
            "priority": 1,
            "competitors": "Globex",
            "leaders": [{"name": "Wile E.", "role": "CEO", "background": "ex-Roadrunner Inc"}],
            "sources": [{"url": "https://acme.example/about", "read_on": "2026-01-05"}],
        },
    )
    assert company.status_code == 201, company.text
    cid = company.json()["id"]
    dossier = client.get(f"/api/v1/companies/{cid}").json()
    assert "no competitors noted yet" not in dossier["missing"]
    assert "no mission noted yet" in dossier["missing"]

    person = client.post(
        "/api/v1/contacts",
        json={"name": "Ada", "company": "ACME", "tags": ["decision maker"], "in_search": True},
    )
    assert person.status_code == 201 and person.json()["company"] == "Acme Corp"
    pid = person.json()["id"]
    logged = client.post(
        f"/api/v1/contacts/{pid}/interactions",
        json={
            "channel": "call",
            "summary": "intro",
            "next_step": "send deck",
            "follow_up_on": date.today().isoformat(),
        },
    )
    assert logged.status_code == 201, logged.text
    due = client.get("/api/v1/today").json()
    assert any(item["kind"] == "next step" and "send deck" in item["title"] for item in due)

    opp = client.post("/api/v1/opportunities", json={"title": "PM", "company": "Acme"})
    oid = opp.json()["id"]
    moved = client.post(f"/api/v1/opportunities/{oid}/move", json={"stage": "applied"})
    assert moved.status_code == 200 and moved.json()["stage"] == "applied"
    bad = client.post(f"/api/v1/opportunities/{oid}/move", json={"stage": "hired"})
    assert bad.status_code == 422 and "stage must be one of" in bad.json()["detail"][0]["msg"]
    stats = client.get("/api/v1/opportunities/stats").json()
    assert stats["stages"]["applied"]["count"] == 1

    refused = client.delete(f"/api/v1/companies/{cid}")
    assert refused.status_code == 409
    assert client.delete(f"/api/v1/companies/{cid}?force=true").status_code == 204
    assert client.get(f"/api/v1/contacts/{pid}").json()["contact"]["company"] is None


def test_another_persons_contact_is_not_found(ctx: AppContext, tmp_path: Path) -> None:
    mine = contacts.add_contact(ctx, {"name": "Mine"})
    with ctx.db.transaction() as session:
        from careerceo.store.tables import Account, Person

        account = Account(name="coach client", role="person")
        session.add(account)
        session.flush()
        other = Person(account_id=account.id, email="other@example.org")
        session.add(other)
        session.flush()
        other_id = other.id
    other_ctx = AppContext(settings=ctx.settings)
    other_ctx.__dict__["db"] = ctx.db
    other_ctx.__dict__["person_id"] = other_id
    with web_client(other_ctx, raise_server_exceptions=False) as client:
        response = client.get(f"/api/v1/contacts/{mine.id}")
        assert response.status_code == 404
        logged = client.post(f"/api/v1/contacts/{mine.id}/interactions", json={"summary": "x"})
        assert logged.status_code == 404


def test_backup_round_trip_is_exact(ctx: AppContext, tmp_path: Path) -> None:
    from careerceo.services.network_import import import_connections

    import_connections(ctx, (FIXTURES / "connections_2018.csv").read_bytes())
    import_connections(ctx, (FIXTURES / "connections_2023.csv").read_bytes())
    people = contacts.list_contacts(ctx).contacts
    contacts.log_interaction(
        ctx, people[0].id, {"summary": "coffee", "next_step": "intro", "follow_up_on": "2026-02-01"}
    )
    opp = opportunities.add_opportunity(
        ctx,
        {
            "title": "PM",
            "company": "Google",
            "stage": "applied",
            "offer": {"base": "120k", "currency": "EUR"},
        },
    )
    opportunities.move(ctx, opp.id, {"stage": "interviewing"})
    opportunities.link_contact(ctx, opp.id, {"contact_id": people[1].id, "role": "referrer"})
    first = backup.export_backup(ctx, now=FIXED)
    document = json.loads(first)
    for table in (
        "company",
        "contact",
        "interaction",
        "opportunity",
        "stage_change",
        "opportunity_contact",
    ):
        assert document["tables"][table], table
    target = make_context(f"sqlite:///{tmp_path / 'restored.db'}", tmp_path / "restored")
    _ = target.person_id
    backup.import_backup(target, first)
    assert backup.export_backup(target, now=FIXED) == first
    restored = opportunities.get_opportunity(target, opportunities.list_opportunities(target)[0].id)
    assert [h.stage for h in restored.history] == ["applied", "interviewing"]
    assert restored.offer.base == 120000.0
    target.db.dispose()


def test_today_merges_follow_ups_actions_and_the_calendar_has_them(ctx: AppContext) -> None:
    today = date.today()
    person = contacts.add_contact(ctx, {"name": "Bo", "in_search": True, "tags": "recruiter"})
    contacts.log_interaction(
        ctx, person.id, {"happened_on": (today - timedelta(days=60)).isoformat(), "summary": "x"}
    )
    quiet = contacts.add_contact(ctx, {"name": "Not in the search"})
    opp = opportunities.add_opportunity(
        ctx,
        {
            "title": "PM",
            "next_action": "Send thank-you note",
            "next_action_due": (today - timedelta(days=1)).isoformat(),
        },
    )
    items = today_items(ctx)
    kinds = [(i.kind, i.target_id) for i in items]
    assert ("follow-up", person.id) in kinds  # recruiter: every 45 days, 60 days ago
    assert ("next action", opp.id) in kinds
    assert all(i.target_id != quiet.id for i in items if i.target == "contact")
    assert [i.due for i in items] == sorted(i.due for i in items)

    from careerceo.services.direction import calendar_ics

    feed = calendar_ics(ctx).decode()
    assert "Send thank-you note" in feed and "Follow up with Bo" in feed
    assert f"next-action-opportunity-{opp.id}@" in feed
