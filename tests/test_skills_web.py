"""POST /api/v1/skills/extract and the /skills page, on the real app (uvicorn, Chromium)."""

from __future__ import annotations

from typing import Any

import pytest

from _web import live

POSTING = (
    "Requirements:\n- Python and SQL\n- Must have strong communication skills\n"
    "Nice to have: Salesforce experience.\n"
    "Benefits: gym membership and free Ruby lessons.\n"
)


def test_api_extracts(live_server: str) -> None:
    response = live.post(
        f"{live_server}/api/v1/skills/extract", json={"text": POSTING, "kind": "posting"}
    )
    assert response.status_code == 200
    data = response.json()
    hits = {h["text"]: h for h in data["hits"]}
    assert hits["Python"]["status"] == "required"
    assert hits["Salesforce"]["status"] == "preferred"
    assert "Ruby" not in hits
    assert any(e["text"] == "Ruby" for e in data["excluded"])
    assert "ESCO 1.1.1" in data["sources"]


def test_api_min_confidence_filters(live_server: str) -> None:
    url = f"{live_server}/api/v1/skills/extract"
    everything = live.post(url, json={"text": POSTING}).json()["hits"]
    strict = live.post(url, json={"text": POSTING, "min_confidence": 0.86}).json()["hits"]
    assert 0 < len(strict) < len(everything)
    assert all(h["confidence"] >= 0.86 for h in strict)


def test_api_bad_input(live_server: str) -> None:
    url = f"{live_server}/api/v1/skills/extract"
    big = live.post(url, json={"text": "x" * 1_000_001})
    assert big.status_code == 413
    assert big.json()["detail"][0]["loc"] == ["text"]
    assert live.post(url, json={"text": "Python", "kind": "poem"}).status_code == 422
    assert live.post(url, json={}).status_code == 422
    empty = live.post(url, json={"text": ""})
    assert empty.status_code == 200 and empty.json()["warnings"] == ["the text is empty"]


def test_form_error_is_shown_next_to_the_field(live_server: str) -> None:
    response = live.post(f"{live_server}/skills", data={"text": "\x01\x02\x03" * 50})
    assert response.status_code == 422
    assert 'data-field="text"' in response.text and "binary" in response.text


@pytest.mark.browser
def test_page_highlights_skills(live_server: str, page: Any) -> None:
    page.goto(f"{live_server}/skills")
    page.fill("#f-text", POSTING)
    page.select_option("#f-kind", "posting")
    page.click("#skills-form button[type=submit]")
    page.wait_for_selector("#highlighted mark.hit")
    python = page.locator("#highlighted mark", has_text="Python").first
    assert "skill-" in (python.get_attribute("class") or "")
    assert "required" in (python.get_attribute("title") or "")
    ruby = page.locator("#highlighted mark.skill-excluded", has_text="Ruby")
    assert ruby.count() == 1
    assert "benefits" in (ruby.get_attribute("title") or "")
    assert page.locator("#by-status h3", has_text="preferred").count() == 1
    assert "Salesforce" in page.inner_text("#by-status")
    assert "ESCO 1.1.1" in page.inner_text("#by-taxonomy")


UNLINKED = (
    "Requirements:\n- Python and SQL\n"
    "- communicate complex findings to stakeholders\n"
    "Benefits: gym membership.\n"
)


def test_page_shows_unlinked_skill_phrases(live_server: str) -> None:
    """A phrase the tagger marks but no concept fits is shown, marked as unlinked, in the
    text and in its own list; concept hits keep their taxonomy colours."""
    response = live.post(f"{live_server}/skills", data={"text": UNLINKED, "kind": "posting"})
    assert response.status_code == 200
    page = response.text
    phrase = "communicate complex findings to stakeholders"
    text = page.split('id="highlighted"', 1)[1].split("</div>", 1)[0]
    assert text.count('<mark class="hit skill-unlinked"') == 1
    marked = text.split('class="hit skill-unlinked"', 1)[1].split("</mark>", 1)[0]
    assert marked.endswith(phrase) and "unlinked: no ESCO/O*NET concept fits" in marked
    unlinked_card = page.split('id="unlinked"', 1)[1].split("</div>", 1)[0]
    assert f"“{phrase}”" in unlinked_card and "required" in unlinked_card
    assert "Python" not in unlinked_card  # a linked hit is not listed as unlinked
    assert "1 skill\n    phrase(s) that no concept fits" in page
    python = text.split(">Python</mark>", 1)[0].rsplit("<mark", 1)[1]
    assert "skill-unlinked" not in python and "skill-" in python


def test_page_without_unlinked_phrases_has_no_unlinked_list(live_server: str) -> None:
    response = live.post(f"{live_server}/skills", data={"text": "Python", "kind": "profile"})
    assert response.status_code == 200
    assert 'id="unlinked"' not in response.text
    assert "skill-unlinked" in response.text  # the legend still explains the marking


@pytest.mark.browser
def test_page_marks_unlinked_phrases_in_the_browser(live_server: str, page: Any) -> None:
    page.goto(f"{live_server}/skills")
    page.fill("#f-text", UNLINKED)
    page.select_option("#f-kind", "posting")
    page.click("#skills-form button[type=submit]")
    page.wait_for_selector("#highlighted mark.hit")
    phrase = page.locator("#highlighted mark.skill-unlinked")
    assert phrase.count() == 1
    assert phrase.inner_text() == "communicate complex findings to stakeholders"
    assert "unlinked" in (phrase.get_attribute("title") or "")
    assert page.locator("#unlinked").is_visible()
    assert "communicate complex findings" in page.inner_text("#unlinked")
    python = page.locator("#highlighted mark", has_text="Python").first
    assert "skill-unlinked" not in (python.get_attribute("class") or "")
