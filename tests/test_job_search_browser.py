"""The opportunities board in real headless Chromium: a card dragged to another column moves
(through the API, recorded with its date) and the pipeline figures change; the keyboard/button
fallback does the same without a mouse."""

from __future__ import annotations

from typing import Any

import pytest

from careerceo.services import opportunities
from careerceo.services.context import AppContext

pytestmark = pytest.mark.browser


def _count(page: Any, stage: str) -> str:
    text: str = page.locator(f'#stage-figures tr[data-stage="{stage}"] td.count').inner_text()
    return text


def test_drag_a_card_across_the_board_and_the_statistics_follow(
    live_server: str, page: Any, sqlite_ctx: AppContext
) -> None:
    opp = opportunities.add_opportunity(
        sqlite_ctx, {"title": "Data lead", "company": "Acme", "stage": "target"}
    )
    page.goto(live_server + "/opportunities")
    card = f"#opp-{opp.id}"
    assert page.locator(f'.column[data-stage="target"] {card}').count() == 1
    assert _count(page, "target") == "1"
    assert _count(page, "networking") == "0"

    page.drag_and_drop(card, '.column[data-stage="networking"]')
    page.wait_for_selector(f'.column[data-stage="networking"] {card}')
    assert page.locator(f'.column[data-stage="target"] {card}').count() == 0
    assert _count(page, "target") == "0"
    assert _count(page, "networking") == "1"
    target_to_networking = page.locator('#conversions li[data-from="target"]').inner_text()
    assert "100%" in target_to_networking and "(1/1)" in target_to_networking

    # The button fallback: one more step forward, by keyboard.
    page.focus(f"{card} button.move-forward")
    page.keyboard.press("Enter")
    page.wait_for_url("**/opportunities?done=saved")
    assert page.locator(f'.column[data-stage="applied"] {card}').count() == 1
    assert _count(page, "applied") == "1"
    assert _count(page, "networking") == "0"

    history = [change.stage for change in opportunities.get_opportunity(sqlite_ctx, opp.id).history]
    assert history == ["target", "networking", "applied"]


def test_dropping_on_closed_without_a_reason_is_refused_in_words(
    live_server: str, page: Any, sqlite_ctx: AppContext
) -> None:
    opp = opportunities.add_opportunity(sqlite_ctx, {"title": "Analyst", "stage": "applied"})
    page.goto(live_server + "/opportunities")
    page.drag_and_drop(f"#opp-{opp.id}", '.column[data-stage="closed"]')
    alert = page.wait_for_selector("#board-error")
    assert alert is not None
    assert "reason" in alert.inner_text()
    assert opportunities.get_opportunity(sqlite_ctx, opp.id).stage == "applied"
