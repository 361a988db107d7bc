"""Lists that stay readable with a large network: today's items and the companies a page at a
time, the CLI's today table cut to a screenful; and the queries behind them on both databases
(the latest interaction, open next steps, the date a card entered its stage)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from _web import web_client
from careerceo.cli.actions import command
from careerceo.services import companies, contacts, opportunities
from careerceo.services.context import AppContext
from careerceo.services.network_import import import_connections
from careerceo.services.today import TodayItem, today_items
from careerceo.web.pages.today import link_for

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def _network(ctx: AppContext, people: int, company: str = "Acme") -> None:
    """``people`` connections at one company (a target, so each gets a cadence)."""
    companies.add_company(ctx, {"name": company, "is_target": True})
    rows = "".join(
        f"Per{i},Son,https://www.linkedin.com/in/p{i},,{company},Engineer,04 Jul 2023\n"
        for i in range(people)
    )
    import_connections(ctx, (HEADER + rows).encode())


@pytest.fixture
def client(sqlite_ctx: AppContext) -> Iterator[TestClient]:
    with web_client(sqlite_ctx, raise_server_exceptions=False) as test_client:
        yield test_client


def test_today_shows_a_hundred_at_a_time_and_filters_by_kind(
    client: TestClient, sqlite_ctx: AppContext
) -> None:
    _network(sqlite_ctx, 104)
    opportunities.add_opportunity(
        sqlite_ctx,
        {"title": "Lead", "next_action": "Send the deck", "next_action_due": date.today()},
    )
    first = client.get("/today").text  # and this month's review is due as well
    assert "106 due in all" in first and "104 follow-up" in first and "1 next action" in first
    assert first.count('<tr data-kind="') == 100 and "page 1 of 2" in first
    second = client.get("/today?page=2").text
    assert second.count('<tr data-kind="') == 6 and 'rel="prev"' in second
    only = client.get("/today?kind=next%20action").text
    assert only.count('<tr data-kind="') == 1 and "Send the deck: Lead" in only
    assert client.get("/today?page=99").text.count('<tr data-kind="') == 6  # the last page
    assert client.get("/today?kind=nonsense").text.count('<tr data-kind="') == 100


def test_companies_page_and_search(client: TestClient, sqlite_ctx: AppContext) -> None:
    _network(sqlite_ctx, 3, company="Zeta Works")
    for i in range(104):
        companies.add_company(sqlite_ctx, {"name": f"Firm {i:03d}"})
    page = client.get("/companies").text
    assert "105 companies" in page and "page 1 of 2" in page
    rows = page.split('id="companies-table"', 1)[1].split("</table>", 1)[0]
    assert rows.count("<tr data-id=") == 100
    assert rows.index("Zeta Works") < rows.index("Firm 000")  # targets first
    found = client.get("/companies?q=works").text
    assert "1 company" in found and "Zeta Works" in found and "Firm 001" not in found
    zeta = found.split("Zeta Works</a>", 1)[1].split("</tr>", 1)[0]
    assert "<td>3</td>" in zeta  # the people known there, counted for the page's rows
    assert "0/11 known" in zeta
    zeta_id = next(c.id for c in companies.list_companies(sqlite_ctx) if c.name == "Zeta Works")
    companies.update_company(sqlite_ctx, zeta_id, {"mission": "Tools", "industry": "Software"})
    assert "2/11 known" in client.get("/companies?q=zeta").text
    assert "No company matches" in client.get("/companies?q=nothing-like-it").text
    targets = client.get("/api/v1/companies?targets=true").json()
    assert [c["name"] for c in targets] == ["Zeta Works"] and targets[0]["contacts"] == 3
    paged = client.get("/api/v1/companies?limit=10&offset=100").json()
    assert len(paged) == 5
    assert client.get("/api/v1/companies?limit=0").status_code == 422


def test_every_today_target_links_to_its_page() -> None:
    def item(target: str, target_id: int | None) -> TodayItem:
        return TodayItem(
            due=date.today(),
            kind="x",
            title="t",
            detail="",
            target=target,
            target_id=target_id,
            month="2026-11",
            overdue_days=0,
        )

    assert link_for(item("round", 4)) == "/interview/rounds/4"
    assert link_for(item("exit", None)) == "/exit"
    assert link_for(item("review", None)) == "/review?month=2026-11"
    assert link_for(item("contact", 7)) == "/contacts/7#log"
    # the same action is the CLI's command: one rule per shell, none copied between them
    assert command(item("contact", 7).action) == (
        "career contacts log 7 --channel email --summary '...'"
    )
    assert command(item("opportunity", 3).action) == "career opportunities show 3"
    assert link_for(item("opportunity", 3)) == "/opportunities/3"
    assert command(item("milestone", 5).action) == "career goals milestone done m5"
    assert link_for(item("milestone", 5)) == "/goals"
    assert command(item("round", 4).action) == "career interview prep 4"
    assert command(item("exit", None).action) == "career exit show"
    assert command(item("review", None).action) == "career review --month 2026-11"


def test_cli_today_shows_a_screenful_and_counts_the_rest(cli: Any) -> None:
    from careerceo.cli.today import SHOWN

    assert cli("companies", "add", "Acme", "--target").exit_code == 0
    for i in range(SHOWN + 2):
        assert cli("contacts", "add", f"Person {i}", "--company", "Acme").exit_code == 0
    cut = cli("today")
    assert cut.exit_code == 0, cut.output
    every = json.loads(cli("today", "--json").output)  # with this month's review
    assert sum(item["kind"] == "follow-up" for item in every) == SHOWN + 2
    follow_up = next(item for item in every if item["kind"] == "follow-up")
    assert follow_up["action"] == {
        "kind": "contact-log",
        "month": None,
        "id": follow_up["target_id"],
    }
    assert follow_up["command"].startswith(f"career contacts log {follow_up['target_id']} ")
    assert f"{SHOWN} oldest of {len(every)}" in cut.output
    assert f"{len(every) - SHOWN} more not shown" in cut.output and "--all" in cut.output
    whole = cli("today", "--all")
    assert "more not shown" not in whole.output and f"Person {SHOWN + 1}" in whole.output


def test_latest_interaction_and_next_steps_on_both_databases(ctx: AppContext) -> None:
    """Follow-ups count from the latest interaction; a next step overtaken by a later
    conversation is no longer due; the board's "since" is the latest stage date."""
    companies.add_company(ctx, {"name": "Acme", "is_target": True})
    ada = contacts.add_contact(ctx, {"name": "Ada", "company": "Acme", "tags": "peer"})
    bob = contacts.add_contact(ctx, {"name": "Bob", "company": "Acme", "tags": "peer"})
    today = date.today()
    long_ago = today - timedelta(days=200)
    contacts.log_interaction(
        ctx,
        ada.id,
        {"channel": "call", "summary": "old", "next_step": "Send CV", "follow_up_on": long_ago},
        today=long_ago - timedelta(days=1),
    )
    contacts.log_interaction(
        ctx, ada.id, {"channel": "email", "summary": "newer"}, today=today - timedelta(days=10)
    )
    contacts.log_interaction(
        ctx,
        bob.id,
        {"channel": "call", "summary": "x", "next_step": "Intro to Cy", "follow_up_on": today},
        today=today - timedelta(days=100),
    )
    items = today_items(ctx)
    titles = [i.title for i in items]
    assert not any("Send CV" in t for t in titles)  # overtaken by the later e-mail
    assert "Intro to Cy (Bob)" in titles
    assert "Follow up with Bob (Acme)" in titles  # 100 days > the peer cadence of 90
    assert not any(t.startswith("Follow up with Ada") for t in titles)  # spoke 10 days ago
    opp = opportunities.add_opportunity(
        ctx, {"title": "PM", "company": "Acme"}, entered_on=today - timedelta(days=30)
    )
    opportunities.move(ctx, opp.id, {"stage": "applied", "on": today - timedelta(days=5)})
    card = next(c for c in opportunities.board_cards(ctx) if c.id == opp.id)
    assert (card.stage, card.company, card.entered_stage_on) == (
        "applied",
        "Acme",
        today - timedelta(days=5),
    )
    listed = opportunities.list_opportunities(ctx, company_id=card.company_id)
    assert [(o.id, o.entered_stage_on) for o in listed] == [(opp.id, today - timedelta(days=5))]


def test_bulk_imported_contacts_are_the_rows_the_app_writes(ctx: AppContext) -> None:
    """The import writes through COPY (PostgreSQL) or the driver's executemany (SQLite):
    every default filled, lists, dates and flags read back as the ORM would have stored them,
    and the rows edit and log like any other contact."""
    content = (
        HEADER + 'Zoë,Ångström,https://www.linkedin.com/in/zoe,zoe@example.org,"Acme, Inc.",'
        '"Head, Data","1/8/18, 6:14 PM"\n'
    ).encode()
    summary = import_connections(ctx, content)
    assert summary.added == 1 and summary.companies_added == 1
    [row] = contacts.list_contacts(ctx).contacts
    assert (row.name, row.title, row.email, row.company) == (
        "Zoë Ångström",
        "Head, Data",
        "zoe@example.org",
        "Acme, Inc.",
    )
    assert row.tags == [] and row.history == [] and row.connected_on == date(2018, 1, 8)
    assert row.in_search is False and row.cadence_days is None and row.uid
    assert abs((row.created_at.replace(tzinfo=None) - row.updated_at.replace(tzinfo=None))
               .total_seconds()) < 1  # fmt: skip
    changed = contacts.update_contact(ctx, row.id, {"title": "CTO", "tags": "decision maker"})
    assert changed.tags == ["decision maker"] and changed.history[0]["title"] == "Head, Data"
    contacts.log_interaction(ctx, row.id, {"channel": "call", "summary": "hello"})
    assert contacts.get_contact(ctx, row.id).contact.last_contact == date.today()
    again = import_connections(ctx, content)
    assert (again.added, again.updated, again.unchanged) == (0, 1, 0)  # title differs now


def test_a_file_with_nul_bytes_is_refused_by_line(ctx: AppContext) -> None:
    from careerceo.errors import CareerError

    content = (HEADER + "Ada,Lovelace,https://x/ada,,Acme,CTO,04 Jul 2023\n").encode()
    bad = content + b"Bo\x00b,Smith,https://x/bob,,Acme,CTO,04 Jul 2023\n"
    with pytest.raises(CareerError, match=r"line 3: the file holds NUL bytes"):
        import_connections(ctx, bad)
    assert contacts.list_contacts(ctx).total == 0


def test_import_reports_matching_then_saving(
    sqlite_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerceo.services import network_import

    monkeypatch.setattr(network_import, "PROGRESS_EVERY", 10)
    monkeypatch.setattr(network_import, "SAVE_CHUNK", 12)
    rows = "".join(f"P{i},Q,https://x/p{i},,Acme,Eng,04 Jul 2023\n" for i in range(30))
    seen: list[tuple[int, int, str]] = []
    import_connections(sqlite_ctx, (HEADER + rows).encode(), progress=lambda *a: seen.append(a))
    assert seen == [
        (10, 30, "Matching connections"),
        (20, 30, "Matching connections"),
        (30, 30, "Matching connections"),
        (0, 30, "Saving new contacts"),
        (12, 30, "Saving new contacts"),
        (24, 30, "Saving new contacts"),
        (30, 30, "Saving new contacts"),
    ]
    assert contacts.list_contacts(sqlite_ctx).total == 30


def test_calendar_feed_bundles_a_crowded_day(sqlite_ctx: AppContext) -> None:
    """A few follow-ups on a day stay single events; a crowd becomes one event listing them,
    the longest waiting first; other days and kinds are untouched."""
    from careerceo.services.direction import calendar_ics
    from careerceo.services.today import EVENTS_PER_DAY, calendar_events

    _network(sqlite_ctx, EVENTS_PER_DAY + 2)  # all due today: never contacted
    opp = opportunities.add_opportunity(
        sqlite_ctx,
        {"title": "PM", "next_action": "Call back", "next_action_due": date.today()},
    )
    events = calendar_events(sqlite_ctx, date.today())
    crowd = [e for e in events if e.prefix == "follow-up"]
    assert len(crowd) == 1 and crowd[0].title == f"Follow up with {EVENTS_PER_DAY + 2} people"
    assert crowd[0].description.splitlines()[0] == "- Per0 Son (Acme) (no conversation logged yet)"
    assert [e.title for e in events if e.prefix == "next-action"] == ["Call back: PM"]
    feed = calendar_ics(sqlite_ctx).decode()
    assert f"follow-up-day-{date.today().isoformat()}@" in feed
    assert f"next-action-opportunity-{opp.id}@" in feed
    few = [c.id for c in contacts.list_contacts(sqlite_ctx).contacts][:EVENTS_PER_DAY]
    for contact_id in few:  # talked today: their next follow-up is weeks away
        contacts.log_interaction(sqlite_ctx, contact_id, {"channel": "call", "summary": "hi"})
    singles = [e for e in calendar_events(sqlite_ctx, date.today()) if e.prefix == "follow-up"]
    assert len(singles) == EVENTS_PER_DAY + 2  # two today, the rest on one later day
    assert all(e.title.startswith("Follow up with Per") for e in singles)
    assert len({e.due for e in singles}) == 2


def test_merging_a_possible_duplicate_keeps_everything(ctx: AppContext) -> None:
    from careerceo.errors import CareerError

    kept = contacts.add_contact(
        ctx, {"name": "Ada Lovelace", "company": "Acme", "tags": "mentor", "notes": "met at PyCon"}
    )
    summary = import_connections(
        ctx,
        (
            HEADER + "Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Acme,CTO,"
            "04 Jul 2023\n"
        ).encode(),
    )
    [dup] = summary.possible_duplicates
    assert dup.existing_id == kept.id and dup.new_id is not None
    other = dup.new_id
    contacts.update_contact(ctx, other, {"tags": "decision maker"})
    contacts.log_interaction(ctx, kept.id, {"channel": "call", "summary": "first"})
    contacts.log_interaction(
        ctx, other, {"channel": "email", "summary": "second", "next_step": "Intro"}
    )
    lead = opportunities.add_opportunity(ctx, {"title": "PM", "company": "Acme"})
    other_lead = opportunities.add_opportunity(ctx, {"title": "VP", "company": "Acme"})
    for contact_id, opp_id, role in (
        (kept.id, lead.id, "referrer"),
        (other, lead.id, "referrer"),  # the same link twice after the merge: kept once
        (other, other_lead.id, "hiring manager"),
    ):
        opportunities.link_contact(ctx, opp_id, {"contact_id": contact_id, "role": role})

    merged = contacts.merge_contacts(ctx, kept.id, other)
    assert (merged.email, merged.linkedin_url, merged.title) == (
        "ada@example.org",
        "https://www.linkedin.com/in/ada",
        "CTO",
    )
    assert merged.tags == ["mentor", "decision maker"] and merged.notes == "met at PyCon"
    assert merged.connected_on == date(2023, 7, 4) and merged.company == "Acme"
    detail = contacts.get_contact(ctx, kept.id)
    assert sorted(i.summary for i in detail.interactions) == ["first", "second"]
    assert [
        (c.contact_id, c.role) for c in opportunities.get_opportunity(ctx, lead.id).contacts
    ] == [(kept.id, "referrer")]
    assert [c.contact_id for c in opportunities.get_opportunity(ctx, other_lead.id).contacts] == [
        kept.id
    ]
    assert contacts.list_contacts(ctx).total == 1
    with pytest.raises(CareerError, match=f"no contact #{other}") as gone:
        contacts.merge_contacts(ctx, kept.id, other)
    assert gone.value.field == "other_id"
    with pytest.raises(CareerError, match="two different contacts"):
        contacts.merge_contacts(ctx, kept.id, kept.id)
    again = import_connections(
        ctx,
        (
            HEADER + "Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Acme,CTO,"
            "04 Jul 2023\n"
        ).encode(),
    )
    assert (again.added, again.unchanged, again.possible_duplicates) == (0, 1, [])


def test_merge_through_cli_api_and_page(
    cli: Any, client: TestClient, sqlite_ctx: AppContext
) -> None:
    a = json.loads(cli("contacts", "add", "Bo Ek", "--json").output)["id"]
    b = json.loads(cli("contacts", "add", "Bo Ek", "--email", "bo@x.org", "--json").output)["id"]
    merged = cli("contacts", "merge", str(a), str(b), "--json")
    assert merged.exit_code == 0, merged.output
    assert json.loads(merged.output)["email"] == "bo@x.org"
    assert "no contact #99" in cli("contacts", "merge", str(a), "99").output

    one = contacts.add_contact(sqlite_ctx, {"name": "Cy"})
    two = contacts.add_contact(sqlite_ctx, {"name": "Cy", "phone": "+46 70 000"})
    three = contacts.add_contact(sqlite_ctx, {"name": "Cy", "title": "CFO"})
    api = client.post(f"/api/v1/contacts/{one.id}/merge", json={"other_id": two.id})
    assert api.status_code == 200 and api.json()["phone"] == "+46 70 000"
    refused = client.post(f"/api/v1/contacts/{one.id}/merge", json={"other_id": two.id})
    assert refused.status_code == 404
    page = client.post(f"/contacts/{one.id}/merge", data={"other_id": "abc"})
    assert page.status_code == 422 and "give the number (#)" in page.text
    done = client.post(
        f"/contacts/{one.id}/merge", data={"other_id": f"#{three.id}"}, follow_redirects=False
    )
    assert done.status_code == 303
    assert contacts.get_contact(sqlite_ctx, one.id).contact.title == "CFO"
    assert client.post("/contacts/999/merge", data={"other_id": str(one.id)}).status_code == 404


def test_import_summary_offers_the_merge(client: TestClient, sqlite_ctx: AppContext) -> None:
    old = contacts.add_contact(sqlite_ctx, {"name": "Dee Ray", "company": "Acme"})
    content = (HEADER + "Dee,Ray,https://x/dee,,Acme,CEO,04 Jul 2023\n").encode()
    page = client.post("/contacts/import", files={"file": ("Connections.csv", content)}).text
    summary = page.split('id="import-summary"', 1)[1].split("</div>", 1)[0]
    assert f'action="/contacts/{old.id}/merge"' in summary and "One person: merge" in summary
