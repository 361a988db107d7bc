"""The direction JSON API and the server-rendered forms' refusals (in-process ASGI client)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from _web import web_client
from careerceo.analysis.signals import QUESTIONS
from careerceo.model.months import add_months, month_of
from careerceo.services.context import AppContext

THIS = month_of(date.today())
LAST = add_months(THIS, -1)


@pytest.fixture
def client(sqlite_ctx: AppContext) -> Iterator[TestClient]:
    with web_client(sqlite_ctx) as c:
        yield c


def test_goals_milestones_reviews_over_the_api(client: TestClient) -> None:
    assert client.put("/api/v1/vision", json={"text": "Lead a platform org"}).status_code == 200
    goal = client.post("/api/v1/goals", json={"title": "Lead", "horizon": "2y"}).json()
    past = client.post(
        f"/api/v1/goals/{goal['id']}/milestones", json={"title": "x", "due_date": "2020-01-01"}
    )
    assert past.status_code == 422 and "in the past" in past.json()["detail"][0]["msg"]
    soon = (date.today() + timedelta(days=30)).isoformat()
    ms = client.post(
        f"/api/v1/goals/{goal['id']}/milestones", json={"title": "Cert", "due_date": soon}
    )
    assert ms.status_code == 201
    body = {
        "month": LAST,
        "activities": [{"name": "ETL", "share": 50, "goal_id": goal["id"]}],
        "ratings": {str(goal["id"]): 5},
        "milestones": {str(ms.json()["id"]): 25},
    }
    created = client.post("/api/v1/reviews", json=body)
    assert created.status_code == 201, created.text
    assert created.json()["review"]["alignment"] == 100.0
    dup = client.post("/api/v1/reviews", json=body)
    assert dup.status_code == 422 and f"career review edit {LAST}" in dup.json()["detail"][0]["msg"]
    bad = client.post("/api/v1/reviews", json={**body, "month": THIS, "ratings": {"1": 8}})
    assert bad.status_code == 422
    edited = client.put(f"/api/v1/reviews/{LAST}", json={**body, "notes": "second thoughts"})
    assert edited.status_code == 200 and edited.json()["review"]["revisions"] == 1
    assert len(client.get(f"/api/v1/reviews/{LAST}/revisions").json()) == 1
    history = client.get("/api/v1/reviews").json()
    assert [(h["month"], h["state"]) for h in history] == [(LAST, "reviewed"), (THIS, "current")]
    assert client.get("/api/v1/reviews/due").json()["next_month"] == THIS
    assert client.get("/api/v1/reviews/2001-01").status_code == 404
    patched = client.patch(f"/api/v1/goals/{goal['id']}", json={"status": "done"})
    assert patched.json()["status"] == "done"
    assert (
        client.get(f"/api/v1/goals/{goal['id']}/history").json()[0]["snapshot"]["status"]
        == "active"
    )


def test_milestone_form_on_the_goal_page_adds_a_milestone(client: TestClient) -> None:
    client.post("/goals", data={"title": "Lead", "horizon": "1y"})
    page = client.get("/goals/1").text
    assert 'name="m_title"' in page and 'name="m_due_date"' in page  # what the form sends
    due = (date.today() + timedelta(days=30)).isoformat()
    form = {"m_title": "Cert passed", "m_measure": "score 80%", "m_due_date": due}
    r = client.post("/goals/1/milestones", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text
    (milestone,) = client.get("/api/v1/goals/1").json()["milestones"]
    assert (milestone["title"], milestone["measure"], milestone["due_date"]) == (
        "Cert passed",
        "score 80%",
        due,
    )


def test_goal_history_shows_horizons_in_words(client: TestClient) -> None:
    client.post("/goals", data={"title": "Lead", "horizon": "1y"})
    form = {"title": "Lead", "horizon": "2y", "status": "active"}
    assert client.post("/goals/1/edit", data=form, follow_redirects=False).status_code == 303
    page = client.get("/goals/1").text
    history = page[page.index("Edit history") :]
    assert "<td>1 year</td>" in history and "<td>1y</td>" not in history


def test_review_form_shows_where_each_milestone_was_last_reported(client: TestClient) -> None:
    goal = client.post("/api/v1/goals", json={"title": "Lead", "horizon": "2y"}).json()
    due = (date.today() + timedelta(days=40)).isoformat()
    client.post(f"/api/v1/goals/{goal['id']}/milestones", json={"title": "Cert", "due_date": due})
    body = {"month": add_months(THIS, -2), "milestones": {"1": 40}}
    assert client.post("/api/v1/reviews", json=body).status_code == 201
    page = client.get(f"/review?month={LAST}").text
    assert "last reported 40%; leave empty if unchanged" in page


def test_empty_review_form_is_refused(client: TestClient) -> None:
    r = client.post("/review", data={"mode": "create", "month": LAST})
    assert r.status_code == 422 and f"the review of {LAST} is empty" in r.text
    assert client.get("/api/v1/reviews").json() == []


def test_dashboard_explains_an_empty_trend(client: TestClient) -> None:
    page = client.get("/direction").text
    assert 'id="no-trend"' in page and "<svg" not in page.split("Alignment trend")[1]
    client.post("/api/v1/goals", json={"title": "Lead", "horizon": "2y"})
    client.post("/api/v1/reviews", json={"month": LAST, "ratings": {"1": 3}})
    page = client.get("/direction").text
    assert 'id="no-trend"' not in page


def test_calendar_feed_answers_head_as_well_as_get(client: TestClient) -> None:
    head = client.head("/calendar.ics")
    assert head.status_code == 200
    assert head.headers["content-type"].startswith("text/calendar")


def test_review_form_for_a_month_not_started_says_so_before_it_is_filled(
    client: TestClient,
) -> None:
    future = add_months(THIS, 3)
    page = client.get(f"/review?month={future}").text
    assert f"{future} has not started yet" in page
    assert f'value="{future}"' not in page  # the form offers a month it can save


def test_refusals_carry_the_message_alone(client: TestClient) -> None:
    client.post("/api/v1/goals", json={"title": "Lead", "horizon": "2y"})
    bad = client.post("/api/v1/reviews", json={"month": LAST, "ratings": {"1": 9}})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["msg"].startswith("rating for goal 1 is 9")
    shares = [{"name": "a", "share": 70}, {"name": "b", "share": 70}]
    bad = client.post("/api/v1/reviews", json={"month": LAST, "activities": shares})
    (problem,) = bad.json()["detail"]
    assert problem["loc"][-1] == "activities"
    assert problem["msg"].startswith("activity shares add up to 140%")


def test_drift_findings_on_the_page_are_titled_in_words(client: TestClient) -> None:
    client.post("/api/v1/goals", json={"title": "Lead", "horizon": "2y"})
    client.post("/api/v1/reviews", json={"month": add_months(THIS, -4), "ratings": {"1": 3}})
    page = client.get("/review/history").text
    assert "<strong>Missed review</strong>: 2 months without a review" in page
    assert "<strong>missed-month</strong>" not in page
    # the chart's hollow marker for a missed month is explained, on both pages
    for url in ("/review/history", "/direction"):
        assert "is a month without a review" in client.get(url).text, url


def test_signals_over_the_api(client: TestClient) -> None:
    questions = client.get("/api/v1/signals/questions").json()
    assert len(questions["questions"]) == len(QUESTIONS)
    answers = {q.id: 3 for q in QUESTIONS}
    assert client.post("/api/v1/signals", json={"answers": answers}).status_code == 201
    bad = client.post("/api/v1/signals", json={"answers": {**answers, "um1": 9}})
    assert bad.status_code == 422 and "1 to 5" in bad.json()["detail"][0]["msg"]
    assert len(client.get("/api/v1/signals").json()) == 1
    ids = [c["id"] for c in client.get("/api/v1/direction").json()]
    assert ids == ["finding", "leaving", "performing"]
    warning = {q.id: 1 if q.reverse else 5 for q in QUESTIONS}
    assert client.post("/api/v1/signals", json={"answers": warning}).status_code == 201
    page = client.get("/signals").text
    assert "Lack of autonomy, Toxic workplace" in page  # the history names the high signs
    assert "upward_mobility, culture_clash" not in page  # not the ids (data-* attrs keep them)


def test_forms_refuse_with_the_message_beside_the_field(client: TestClient) -> None:
    r = client.post("/goals", data={"title": "", "horizon": "1y"})
    assert r.status_code == 422 and 'data-field="title"' in r.text
    r = client.post("/goals", data={"title": "Lead", "horizon": "1y", "occupation_code": "99-9999"})
    assert r.status_code == 422 and 'data-field="occupation_code"' in r.text
    assert (
        client.post(
            "/goals", data={"title": "Lead", "horizon": "1y"}, follow_redirects=False
        ).status_code
        == 303
    )
    r = client.post("/goals/1/milestones", data={"m_title": "x", "m_due_date": "2020-01-01"})
    assert r.status_code == 422 and 'data-field="m_due_date"' in r.text
    assert "is in the past" in r.text
    assert 'value="Lead"' in r.text  # the goal's edit form is not blanked by the refusal
    r = client.post(
        "/review",
        data={"mode": "create", "month": LAST, "activity_name_0": "a", "activity_share_0": "140"},
    )
    assert r.status_code == 422 and "activity 1, share" in r.text
    r = client.post(
        "/review", data={"mode": "create", "month": THIS, "rate_1": "3"}, follow_redirects=False
    )
    assert r.status_code == 303
    r = client.post("/signals", data={"um1": "3"})
    assert r.status_code == 422 and "missing" in r.text
    for url in (
        "/goals",
        "/goals/1",
        "/review",
        f"/review/{THIS}",
        "/review/history",
        "/signals",
        "/direction",
    ):
        assert client.get(url).status_code == 200, url
