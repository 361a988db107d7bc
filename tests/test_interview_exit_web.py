"""Interview practice, 30-60-90 plans and the exit plan over the JSON API and the exit page's
forms (in-process ASGI client): bad input is a 422 naming the field, nothing half-saved."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from _web import web_client
from careerceo.services.context import AppContext

API = "/api/v1"


@pytest.fixture
def client(sqlite_ctx: AppContext) -> Iterator[TestClient]:
    with web_client(sqlite_ctx) as c:
        yield c


def _messages(response: object) -> str:
    return " ".join(d["msg"] for d in response.json()["detail"])  # type: ignore[attr-defined]


def test_interview_and_plans_over_the_api(client: TestClient) -> None:
    closing = client.get(f"{API}/interview/questions", params={"category": "closing"}).json()
    assert closing and all({"id", "category", "text", "tests"} <= set(q) for q in closing)
    queue = client.get(f"{API}/interview/practice", params={"count": 2}).json()
    ratings = [{"question_id": item["question"]["id"], "rating": 2} for item in queue]
    saved = client.post(f"{API}/interview/practice", json={"ratings": ratings})
    assert saved.status_code == 201 and saved.json()["algorithm"] == "SM-2"
    bad = client.post(
        f"{API}/interview/practice",
        json={
            "ratings": [
                {"question_id": "beh-01", "rating": 3},
                {"question_id": "beh-02", "rating": 9},
            ]
        },
    )
    assert bad.status_code == 422 and "rating" in _messages(bad)
    stats = client.get(f"{API}/interview/stats").json()
    assert sum(c["attempts"] for c in stats["categories"]) == 2
    empty = client.put(f"{API}/interview/answers/beh-01", json={"text": "  "})
    assert empty.status_code == 422 and "text is required" in _messages(empty)
    unknown = client.put(f"{API}/interview/answers/zzz-9", json={"text": "x"})
    assert unknown.status_code == 404
    plan = client.post(f"{API}/plan306090", json={"occupation_code": "15-1252"})
    assert plan.status_code == 201, plan.text
    pid = plan.json()["id"]
    edited = client.put(
        f"{API}/plan306090/{pid}/sections/quick_wins", json={"lines": ["Fix the flaky build"]}
    ).json()
    assert edited["quick_wins"] == ["Fix the flaky build"]
    pdf = client.get(f"{API}/plan306090/{pid}/export.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "Fix the flaky build" in client.get(f"{API}/plan306090/{pid}/export.md").text


def test_exit_plan_over_the_api(client: TestClient) -> None:
    assert client.get(f"{API}/exit").status_code == 404
    past = client.post(f"{API}/exit", json={"last_day": "2001-01-01"})
    assert past.status_code == 422 and "in the past" in _messages(past)
    last = (date.today() + timedelta(days=60)).isoformat()
    made = client.post(f"{API}/exit", json={"last_day": last})
    assert made.status_code == 201 and made.json()["last_day"] == last
    item = client.post(f"{API}/exit/items", json={"kind": "dispute", "title": "Expense claim"})
    assert item.status_code == 201
    bad = client.post(f"{API}/exit/items", json={"kind": "dispute", "title": ""})
    assert bad.status_code == 422 and "title" in _messages(bad)
    done = client.patch(f"{API}/exit/items/{item.json()['id']}", json={"status": "done"})
    assert done.json()["status"] == "done"
    wrong = client.patch(f"{API}/exit/items/{item.json()['id']}", json={"status": "maybe"})
    assert wrong.status_code == 422 and "status must be one of" in _messages(wrong)
    due = client.get(f"{API}/exit/due").json()
    assert due[-1]["kind"] == "last_day" or any(d["kind"] == "last_day" for d in due)


def test_the_exit_page_starts_a_plan_and_refuses_bad_items(client: TestClient) -> None:
    page = client.get("/exit")
    assert page.status_code == 200 and 'id="exit-start"' in page.text
    refused = client.post("/exit", data={"last_day": "2001-01-01"})
    assert refused.status_code == 422 and "in the past" in refused.text
    last = (date.today() + timedelta(days=30)).isoformat()
    started = client.post("/exit", data={"last_day": last}, follow_redirects=False)
    assert started.status_code == 303
    shown = client.get("/exit")
    assert "Ask for references" in shown.text and 'id="exit-add"' in shown.text
    covenant = client.post("/exit/items", data={"kind": "covenant", "title": "No poaching"})
    assert covenant.status_code == 422 and "covenant_type" in covenant.text
    added = client.post(
        "/exit/items",
        data={"kind": "relationship", "title": "Ana", "cadence_days": "30"},
        follow_redirects=False,
    )
    assert added.status_code == 303
    shown = client.get("/exit")
    assert 'data-kind="relationship"' in shown.text and "every 30 days" in shown.text
    assert "No poaching" not in shown.text


def test_rounds_offers_and_the_letter_over_the_api(client: TestClient) -> None:
    made = client.post(f"{API}/interview/rounds", json={"round_type": "executive"})
    assert made.status_code == 201
    rid = made.json()["id"]
    prep = client.get(f"{API}/interview/rounds/{rid}/prep").json()
    assert prep["tests"] and prep["to_ask"] and len(prep["close"]) == 3
    bad = client.post(f"{API}/interview/rounds/{rid}/debrief", json={"asked": [{"text": ""}]})
    assert bad.status_code == 422
    ok = client.post(
        f"{API}/interview/rounds/{rid}/debrief", json={"asked": [{"text": "Why now?", "rating": 2}]}
    )
    assert ok.status_code == 200 and ok.json()["thank_you_due"]
    own = client.get(f"{API}/interview/questions", params={"category": "own"}).json()
    assert [q["text"] for q in own] == ["Why now?"]
    offer = client.post(
        f"{API}/offers", json={"company": "Acme", "points": [{"ask": "Base 99,000"}]}
    ).json()
    assert offer["warnings"] and "99000" in offer["warnings"][0]
    assert client.patch(f"{API}/offers/{offer['id']}", json={"terms": "x"}).status_code == 422
    assert client.get(f"{API}/exit/letter").status_code == 404
    last = (date.today() + timedelta(days=30)).isoformat()
    client.post(f"{API}/exit", json={"last_day": last})
    letter = client.get(f"{API}/exit/letter")
    assert letter.status_code == 200 and "formal notice of my resignation" in letter.text


def test_the_plans_pages_start_edit_and_refuse_without_half_saving(client: TestClient) -> None:
    assert 'id="plan-new"' in client.get("/plans").text
    refused = client.post("/plans", data={"occupation_code": "99-9999.99"})
    assert refused.status_code in (404, 422)
    made = client.post("/plans", data={"occupation_code": "15-1252"}, follow_redirects=False)
    assert made.status_code == 303
    url = made.headers["location"].split("?")[0]
    page = client.get(url).text
    assert 'name="s_30_goals"' in page and "/export.pdf" in page
    saved = client.post(
        url,
        data={"s_quick_wins": "Fix the flaky build\n- Map the on-call runbook", "s_learn": "x"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    page = client.get(url).text
    assert "Fix the flaky build\nMap the on-call runbook" in page
    too_many = "\n".join(f"item {i}" for i in range(25))
    bad = client.post(url, data={"s_learn": "Pricing", "s_stakeholders": too_many})
    assert bad.status_code == 422 and "at most 20 lines" in bad.text
    assert "Pricing" not in client.get(url).text.split('name="s_learn"')[1][:200]  # not saved
    listed = client.get("/plans").text
    assert "/export.md" in listed


def test_a_round_page_shows_the_prep_and_takes_the_debrief(client: TestClient) -> None:
    refused = client.post("/interview/rounds", data={"round_type": "brunch"})
    assert refused.status_code == 422 and "round_type must be one of" in refused.text
    held = (date.today() - timedelta(days=1)).isoformat()
    made = client.post(
        "/interview/rounds",
        data={"round_type": "executive", "scheduled_on": held, "company": "Acme"},
        follow_redirects=False,
    )
    assert made.status_code == 303
    url = made.headers["location"]
    page = client.get(url).text
    assert "What they test" in page and 'id="close"' in page and 'id="days"' in page
    bad = client.post(f"{url}/debrief", data={"asked": "9: Why us?"})
    assert bad.status_code == 422 and "rating must be" in bad.text
    ok = client.post(
        f"{url}/debrief",
        data={"asked": "2: Why us?\nWhat would you cut?", "went": "3"},
        follow_redirects=False,
    )
    assert ok.status_code == 303
    page = client.get(url).text
    assert "2 question(s) added" in page and "Send the thank-you by" in page
    assert "Acme" in client.get("/interview/rounds").text
