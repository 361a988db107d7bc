"""The pivot explorer and the gap page in real headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest

from careerceo.services.context import AppContext
from careerceo.store.tables import InventoryEntry

pytestmark = pytest.mark.browser

POSTING = (
    "Minimum qualifications: 3+ years of experience with Python and SQL. "
    "Preferred: experience with Kubernetes."
)


def test_explorer_sorts_and_links(live_server: str, page: Any) -> None:
    page.goto(f"{live_server}/pivots?from=15-1252.00&limit=30")
    rows = page.locator("#pivots-table tbody tr")
    assert rows.count() == 30
    codes = [rows.nth(i).get_attribute("data-code") for i in range(30)]
    assert "15-1252.00" not in codes  # the source is the reference point, not a pivot
    page.click("#pivots-table th:has-text('Score')")  # ascending
    scores = [
        float(v) for v in page.locator("#pivots-table tbody tr td:nth-child(3)").all_inner_texts()
    ]
    assert scores == sorted(scores)
    page.click("#pivots-table th:has-text('Occupation')")
    names = page.locator("#pivots-table tbody tr td:nth-child(2) a").all_inner_texts()
    assert names == sorted(names, key=str.lower)
    page.click("#pivots-table tbody tr >> nth=0 >> a")
    page.wait_for_selector("svg.chart")
    assert "Learning plan" in page.content()


def test_gap_page_marks_have_and_missing(
    live_server: str, page: Any, sqlite_ctx: AppContext
) -> None:
    with sqlite_ctx.db.transaction() as s:
        s.add(InventoryEntry(person_id=sqlite_ctx.person_id, kind="skill", name="Python", level=4))
    page.goto(f"{live_server}/gap")
    page.fill("#f-text", POSTING)
    page.click("button:has-text('Analyse')")
    page.wait_for_selector("#gap-summary")
    assert page.locator("#gap-text mark.skill.missing").count() >= 1
    assert page.locator("#gap-text mark.skill.have").count() >= 1
    assert "Kubernetes" in page.locator("#gap-missing").inner_text()
    page.fill("#f-text", "   ")
    page.click("button:has-text('Analyse')")
    assert "empty" in page.locator(".field-error").inner_text()
