"""The job-search pages through the web app: forms, refusals beside fields, import upload,
deletion that asks first, the board's button fallback, vCard and the e-mail suggestion."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from _web import web_client
from careerceo.model.pipeline import OpportunityInput
from careerceo.services import companies, contacts, opportunities
from careerceo.services.context import AppContext

FIXTURES = Path(__file__).parent / "fixtures" / "linkedin_connections"


@pytest.fixture
def client(sqlite_ctx: AppContext) -> Iterator[TestClient]:
    with web_client(sqlite_ctx, raise_server_exceptions=False) as test_client:
        yield test_client


def test_every_page_renders_and_the_nav_groups_find(
    client: TestClient, sqlite_ctx: AppContext
) -> None:
    company = companies.add_company(sqlite_ctx, {"name": "Acme", "is_target": True})
    person = contacts.add_contact(sqlite_ctx, {"name": "Ada", "company": "Acme"})
    opp = opportunities.add_opportunity(sqlite_ctx, {"title": "PM", "company": "Acme"})
    for path in (
        "/today",
        "/companies",
        f"/companies/{company.id}",
        "/contacts",
        f"/contacts/{person.id}",
        "/opportunities",
        f"/opportunities/{opp.id}",
        "/",
    ):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        assert "<script>" not in response.text and "onclick=" not in response.text
    nav = client.get("/").text.split("<nav", 1)[1].split("</nav>", 1)[0]
    find = nav.split(">Find<", 1)[1].split("</ul>", 1)[0]
    for link in ("/today", "/opportunities", "/offers", "/companies", "/contacts"):
        assert f'href="{link}"' in find, link


def test_dossier_shows_what_is_unknown_and_saves_leaders(
    client: TestClient, sqlite_ctx: AppContext
) -> None:
    company = companies.add_company(sqlite_ctx, {"name": "Acme"})
    page = client.get(f"/companies/{company.id}").text
    assert "no competitors noted yet" in page
    saved = client.post(
        f"/companies/{company.id}",
        data={
            "name": "Acme",
            "competitors": "Globex",
            "leaders": "Wile E. | CEO | ex-Initech",
            "sources": "https://acme.example/about | 2026-01-05",
        },
    )
    assert saved.status_code == 200 and "no competitors noted yet" not in saved.text
    assert "Wile E." in saved.text and "ex-Initech" in saved.text
    bad = client.post(
        f"/companies/{company.id}", data={"name": "Acme", "sources": "acme.example | yesterday"}
    )
    assert bad.status_code == 422 and "https://" in bad.text


def test_deleting_a_company_with_people_asks_first(
    client: TestClient, sqlite_ctx: AppContext
) -> None:
    company = companies.add_company(sqlite_ctx, {"name": "Acme"})
    contacts.add_contact(sqlite_ctx, {"name": "Ada", "company": "Acme"})
    asked = client.post(f"/companies/{company.id}/delete", data={})
    assert asked.status_code == 200 and 'id="confirm-delete"' in asked.text
    assert len(companies.list_companies(sqlite_ctx)) == 1
    done = client.post(f"/companies/{company.id}/delete", data={"force": "1"})
    assert done.status_code == 200 and companies.list_companies(sqlite_ctx) == []
    assert contacts.list_contacts(sqlite_ctx).contacts[0].company is None


def test_import_upload_and_a_bad_file(client: TestClient, sqlite_ctx: AppContext) -> None:
    data = (FIXTURES / "connections_2023.csv").read_bytes()
    response = client.post(
        "/contacts/import", files={"file": ("Connections.csv", data, "text/csv")}
    )
    assert response.status_code == 200 and "7 added" in response.text
    bad = client.post("/contacts/import", files={"file": ("x.csv", b"a,b\n1,2\n", "text/csv")})
    assert bad.status_code == 422 and "line 1" in bad.text


def test_log_form_refuses_a_due_date_that_is_not_a_date(
    client: TestClient, sqlite_ctx: AppContext
) -> None:
    person = contacts.add_contact(sqlite_ctx, {"name": "Ada"})
    bad = client.post(
        f"/contacts/{person.id}/log",
        data={"channel": "email", "next_step": "call", "follow_up_on": "soon"},
    )
    assert bad.status_code == 422 and "YYYY-MM-DD" in bad.text
    good = client.post(
        f"/contacts/{person.id}/log",
        data={
            "channel": "call",
            "summary": "chat",
            "next_step": "send CV",
            "follow_up_on": "2026-01-05",
        },
    )
    assert good.status_code == 200 and "send CV" in good.text


def test_board_buttons_move_and_the_email_suggestion_changes_nothing(
    client: TestClient, sqlite_ctx: AppContext
) -> None:
    opp = opportunities.add_opportunity(sqlite_ctx, {"title": "PM", "stage": "applied"})
    moved = client.post(f"/opportunities/{opp.id}/move", data={"stage": "interviewing"})
    assert moved.status_code == 200
    assert opportunities.get_opportunity(sqlite_ctx, opp.id).stage == "interviewing"
    closing = client.post(f"/opportunities/{opp.id}/move", data={"stage": "closed"})
    assert closing.status_code == 422 and "needs a reason" in closing.text
    email = "Unfortunately, we have decided to move forward with other candidates."
    shown = client.post(f"/opportunities/{opp.id}/email", data={"text": email})
    assert shown.status_code == 200 and "a rejection" in shown.text
    assert opportunities.get_opportunity(sqlite_ctx, opp.id).stage == "interviewing"
    eml = (
        b"From: hr@acme.example\r\nSubject: Next steps\r\nContent-Type: text/plain\r\n\r\n"
        b"We would like to invite you to an interview with the team.\r\n"
    )
    opp2 = opportunities.add_opportunity(sqlite_ctx, {"title": "Analyst", "stage": "applied"})
    shown = client.post(
        f"/opportunities/{opp2.id}/email",
        files={"file": ("m.eml", eml, "message/rfc822")},
        data={"text": ""},
    )
    assert "an interview invitation" in shown.text


def test_vcard_export(client: TestClient, sqlite_ctx: AppContext) -> None:
    person = contacts.add_contact(
        sqlite_ctx, {"name": "Zoë Ñandú", "company": "Acme, Inc.", "email": "z@example.org"}
    )
    response = client.get(f"/contacts/{person.id}.vcf")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/vcard")
    text = response.text
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert (
        "FN:Zoë Ñandú" in text
        and "ORG:Acme\\, Inc." in text
        and "EMAIL;TYPE=work:z@example.org" in text
    )
    assert client.get("/contacts.vcf").text.count("BEGIN:VCARD") == 1


def test_offers_page_weighs_the_ratings_saved_on_each_opportunity(
    client: TestClient, sqlite_ctx: AppContext
) -> None:
    assert "No offers yet" in client.get("/offers").text
    lead = opportunities.add_opportunity(
        sqlite_ctx, {"title": "Lead", "company": "Acme", "stage": "offer"}
    )
    other = opportunities.add_opportunity(
        sqlite_ctx, {"title": "Manager", "company": "Beta", "stage": "offer"}
    )
    form = {"title": "Lead", "company": "Acme", "offer_base": "150k", "offer_currency": "usd",
            "offer_ratings": "growth=1"}  # fmt: skip
    assert (
        client.post(f"/opportunities/{lead.id}", data=form, follow_redirects=False).status_code
        == 303
    )
    form = {"title": "Manager", "company": "Beta", "offer_base": "100000",
            "offer_currency": "USD", "offer_ratings": "growth=5"}  # fmt: skip
    assert (
        client.post(f"/opportunities/{other.id}", data=form, follow_redirects=False).status_code
        == 303
    )
    assert opportunities.get_opportunity(sqlite_ctx, lead.id).offer.ratings == {"growth": 1}
    page = client.get(f"/opportunities/{lead.id}").text
    assert 'value="growth=1"' in page

    def order(query: str) -> list[str]:
        text = client.get("/offers" + query).text
        rows = text.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
        return [part.split('"', 1)[0] for part in rows.split('data-id="')[1:]]

    assert order("?w_pay=5&w_growth=1") == [str(lead.id), str(other.id)]
    assert order("?w_pay=1&w_growth=5") == [str(other.id), str(lead.id)]
    bad = client.get("/offers?w_pay=lots")
    assert bad.status_code == 422 and "weight of pay must be a number" in bad.text

    refused = client.post(f"/opportunities/{lead.id}", data={**form, "offer_ratings": "growth=7"})
    assert refused.status_code == 422 and "growth must be rated 1 to 5" in refused.text
    assert opportunities.get_opportunity(sqlite_ctx, lead.id).offer.ratings == {"growth": 1}


def test_tracker_upload_and_csv_export(client: TestClient, sqlite_ctx: AppContext) -> None:
    content = b"Company,Title,Status,Date Applied\r\nAcme,Lead,Applied,2025-01-05\r\n"
    shown = client.post("/opportunities/import", files={"file": ("apps.csv", content, "text/csv")})
    assert shown.status_code == 200 and "1 added" in shown.text
    assert [o.title for o in opportunities.list_opportunities(sqlite_ctx)] == ["Lead"]
    bad = client.post(
        "/opportunities/import",
        files={"file": ("apps.csv", b"Title,Status\r\nLead,Dreaming\r\n", "text/csv")},
    )
    assert bad.status_code == 422 and "line 2: status" in bad.text
    exported = client.get("/opportunities.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    assert "Acme,Lead,,applied,,,,2025-01-05" in exported.text


def test_finished_columns_show_the_latest_and_count_the_rest(
    client: TestClient, sqlite_ctx: AppContext
) -> None:
    for i in range(33):
        opportunities.add_opportunity(
            sqlite_ctx, {"title": f"Old {i}", "stage": "closed", "closed_reason": "rejected"}
        )
    page = client.get("/opportunities").text
    closed = page.split('data-stage="closed"', 1)[1].split("</section>", 1)[0]
    assert "(33)" in closed and closed.count("<article") == 30 and "and 3 more" in closed
    assert 'href="/opportunities?stage=closed"' in closed
    whole = client.get("/opportunities?stage=closed").text
    assert whole.count("<article") == 33
    assert 'section class="column" data-stage="target"' not in whole
    assert "every card at <strong>closed</strong> (33)" in whole


def test_a_long_active_column_is_cut_and_paged_on_its_own(
    client: TestClient, sqlite_ctx: AppContext
) -> None:
    from careerceo.web.pages.opportunities import COLUMN_SHOWN, STAGE_PAGE

    many = STAGE_PAGE + 5
    opportunities.add_many(
        sqlite_ctx,
        [
            (OpportunityInput(title=f"Lead {i}", stage="applied"), [("applied", date(2025, 1, 2))])
            for i in range(many)
        ],
    )
    board = client.get("/opportunities").text
    applied = board.split('data-stage="applied"', 1)[1].split("</section>", 1)[0]
    assert applied.count("<article") == COLUMN_SHOWN and f"({many})" in applied
    assert f"and {many - COLUMN_SHOWN} more" in applied
    first = client.get("/opportunities?stage=applied").text
    second = client.get("/opportunities?stage=applied&page=2").text
    assert first.count("<article") == STAGE_PAGE and second.count("<article") == 5
    assert 'href="/opportunities?stage=applied&amp;page=2"' in first
    titles = {t.split("</strong>")[0] for t in (first + second).split("<strong>")[1:]}
    assert {f"Lead {i}" for i in range(many)} <= titles
    assert client.get("/opportunities?stage=nonsense").status_code == 200  # the whole board


def test_who_have_i_not_talked_to(client: TestClient, sqlite_ctx: AppContext) -> None:
    companies.add_company(sqlite_ctx, {"name": "Acme", "is_target": True})
    boss = contacts.add_contact(
        sqlite_ctx, {"name": "Dana Boss", "company": "Acme", "tags": "decision maker"}
    )
    recent = contacts.add_contact(sqlite_ctx, {"name": "Rae Recent", "company": "Acme"})
    contacts.log_interaction(sqlite_ctx, recent.id, {"channel": "email", "summary": "caught up"})
    page = client.get("/contacts?quiet=6")
    assert page.status_code == 200
    section = page.text.split('id="quiet"', 1)[1].split("</section>", 1)[0]
    assert f'data-id="{boss.id}"' in section and "Rae Recent" not in section
    bad = client.get("/contacts?quiet=0")
    assert bad.status_code == 422 and "months must be from 1 to 240" in bad.text


def test_the_dashboard_lists_what_is_due(client: TestClient, sqlite_ctx: AppContext) -> None:
    person = contacts.add_contact(sqlite_ctx, {"name": "Ada"})
    contacts.log_interaction(
        sqlite_ctx,
        person.id,
        {
            "channel": "call",
            "summary": "intro",
            "next_step": "Send the deck",
            "follow_up_on": "2020-01-02",
        },
    )
    card = client.get("/").text.split('id="due-today"', 1)[1].split("</section>", 1)[0]
    assert "Send the deck (Ada)" in card and f"/contacts/{person.id}#log" in card
