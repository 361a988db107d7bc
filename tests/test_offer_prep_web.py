"""``/offer-prep`` pages: start an offer prep from the form, refused input shown beside its
field with nothing stored, edit it, see the figures the app cannot trace, and another person's
prep stays out of reach."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from _web import web_client
from careerceo.services import offer_prep as service
from careerceo.services import opportunities
from careerceo.services.context import AppContext


@pytest.fixture
def client(sqlite_ctx: AppContext) -> Iterator[TestClient]:
    with web_client(sqlite_ctx) as c:
        yield c


def _form(**given: str) -> dict[str, str]:
    form = {
        "opportunity_id": "",
        "company": "",
        "stated_before": "",
        "terms": "",
        "points": "",
        "walk_away": "",
        "notes": "",
    }
    form.update(given)
    return form


def _error(page: str, field: str) -> str:
    """The message shown beside ``field`` (the span the form macro renders)."""
    marker = f'data-field="{field}">'
    assert marker in page, f"no message beside {field}"
    return html.unescape(page.split(marker, 1)[1].split("</span>", 1)[0])


def test_start_an_offer_prep_from_the_form_and_edit_it(
    client: TestClient, sqlite_ctx: AppContext
) -> None:
    empty = client.get("/offer-prep")
    assert empty.status_code == 200 and "No offer prep yet" in empty.text
    made = client.post(
        "/offer-prep",
        data=_form(
            company="Acme",
            stated_before="I said 95,000 to the recruiter",
            terms="base: 90,000 EUR\nremote days: 2\n",
            points="Base 95,000 — I said 95,000 in the screen\n\nThree remote days",
            walk_away="Below 90,000 with no remote days",
        ),
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    location = made.headers["location"]
    assert location.startswith("/offer-prep/") and location.endswith("?done=added")
    [prep] = service.list_preps(sqlite_ctx)
    assert prep.company == "Acme"
    assert prep.terms == {"base": "90,000 EUR", "remote days": "2"}
    assert [(p.ask, p.why) for p in prep.points] == [
        ("Base 95,000", "I said 95,000 in the screen"),
        ("Three remote days", ""),
    ]
    assert prep.warnings == []
    page = client.get(location)
    assert page.status_code == 200
    assert "Base 95,000" in page.text and "Figures to check" not in page.text
    # the edit form holds the prep as the person typed it, one line per term and point
    assert "base: 90,000 EUR\nremote days: 2</textarea>" in page.text
    listed = client.get("/offer-prep")
    assert f'href="/offer-prep/{prep.id}"' in listed.text and "Acme" in listed.text
    for text in (listed.text, page.text):
        forms = re.findall(r"<form\b[^>]*>.*?</form>", text, flags=re.S)
        assert forms and all('name="csrf_token"' in form for form in forms)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text)
        assert not re.search(r"\son[a-z]+\s*=", text)

    saved = client.post(
        f"/offer-prep/{prep.id}",
        data=_form(
            company="Acme",
            stated_before="I said 95,000 to the recruiter",
            terms="base: 92,000 EUR",
            points="Base 96,000 -- the team grew",
            walk_away="Below 92,000",
        ),
        follow_redirects=False,
    )
    assert saved.status_code == 303 and saved.headers["location"].endswith("?done=saved")
    edited = service.get_prep(sqlite_ctx, prep.id)
    assert edited.terms == {"base": "92,000 EUR"}
    assert [(p.ask, p.why) for p in edited.points] == [("Base 96,000", "the team grew")]
    assert edited.walk_away == "Below 92,000"
    # 96,000 is in nothing recorded: the page says so
    shown = client.get(f"/offer-prep/{prep.id}").text
    assert "Figures to check" in shown and "not in your record" in shown
    assert "ask 1 uses 96000" in html.unescape(shown)


def test_refused_input_is_shown_beside_the_field_and_nothing_is_stored(
    client: TestClient, sqlite_ctx: AppContext
) -> None:
    empty_ask = client.post(
        "/offer-prep",
        data=_form(company="Acme", points="Base 95,000 — market\n— because I said so"),
    )
    assert empty_ask.status_code == 422
    assert "Traceback" not in empty_ask.text
    message = _error(empty_ask.text, "points")
    assert message.startswith("line 2:") and "ask is required" in message
    # what was typed is kept, so the person fixes one line instead of retyping
    assert "Base 95,000 — market" in empty_ask.text

    unknown = client.post("/offer-prep", data=_form(opportunity_id="999", stated_before="x"))
    assert unknown.status_code == 422
    assert "no opportunity with id 999" in _error(unknown.text, "opportunity_id")

    bad_term = client.post("/offer-prep", data=_form(company="Acme", terms="base 90,000"))
    assert bad_term.status_code == 422
    assert "needs name: value" in _error(bad_term.text, "terms")
    too_many = client.post(
        "/offer-prep", data=_form(company="Acme", points="\n".join(f"ask {i}" for i in range(13)))
    )
    assert too_many.status_code == 422
    assert "at most 12 points" in _error(too_many.text, "points")
    assert service.list_preps(sqlite_ctx) == []

    prep = service.new_prep(sqlite_ctx, {"company": "Acme", "walk_away": "Below 90,000"})
    refused = client.post(
        f"/offer-prep/{prep.id}", data=_form(company="Acme", points="— no ask", walk_away="")
    )
    assert refused.status_code == 422 and "ask is required" in _error(refused.text, "points")
    assert service.get_prep(sqlite_ctx, prep.id).walk_away == "Below 90,000"


def test_an_opportunitys_pay_record_fills_the_blanks(
    client: TestClient, sqlite_ctx: AppContext
) -> None:
    opp = opportunities.add_opportunity(
        sqlite_ctx,
        {
            "title": "Data Lead",
            "company": "Acme",
            "stage": "offer",
            "stated_pay": "105,000",
            "stated_to": "the recruiter",
            "offer": {"base": 98000},
        },
    )
    listed = client.get("/offer-prep")
    assert f'<option value="{opp.id}"' in listed.text and "Data Lead at Acme" in listed.text
    made = client.post(
        "/offer-prep",
        data=_form(opportunity_id=str(opp.id), points="Base 130,000 — market"),
        follow_redirects=False,
    )
    assert made.status_code == 303
    page = client.get(made.headers["location"]).text
    assert "105,000 (said to the recruiter)" in page and "Data Lead at Acme" in page
    assert "ask 1 uses 130000" in html.unescape(page)


def test_another_persons_prep_is_not_found(sqlite_ctx: AppContext) -> None:
    mine = service.new_prep(sqlite_ctx, {"company": "Acme", "walk_away": "Below 90,000"})
    with sqlite_ctx.db.transaction() as session:
        from careerceo.store.tables import Account, Person

        account = Account(name="coach client", role="person")
        session.add(account)
        session.flush()
        other = Person(account_id=account.id, email="other@example.org")
        session.add(other)
        session.flush()
        other_id = other.id
    other_ctx = AppContext(settings=sqlite_ctx.settings)
    other_ctx.__dict__["db"] = sqlite_ctx.db
    other_ctx.__dict__["person_id"] = other_id
    with web_client(other_ctx, raise_server_exceptions=False) as client:
        page = client.get(f"/offer-prep/{mine.id}")
        assert page.status_code == 404 and "no offer prep with id" in page.text
        posted = client.post(f"/offer-prep/{mine.id}", data=_form(walk_away="Below 1"))
        assert posted.status_code == 404
        assert f"/offer-prep/{mine.id}" not in client.get("/offer-prep").text
    assert service.get_prep(sqlite_ctx, mine.id).walk_away == "Below 90,000"
