"""The pages a person looks at on a phone, in real headless Chromium at desktop (1280 px) and
phone (390 px) widths: the dashboard (wins from reviews, direction, alignment trend, warning
signs), the pivot explorer and a pivot's detail page. Nothing may be wider than the screen."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from careerceo.model.direction import GoalIn, ReviewIn
from careerceo.services import direction
from careerceo.services.context import AppContext
from careerceo.store.tables import InventoryEntry

pytestmark = pytest.mark.browser

WIDTHS = [(1280, 900), (390, 844)]


def _overflow(page: Any) -> int:
    """How many CSS pixels the page is wider than the screen (0 = fits)."""
    return int(
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


def _person(ctx: AppContext) -> None:
    with ctx.db.transaction() as s:
        for name, level in (("Python", 4), ("SQL", 4), ("Statistics", 3), ("Data analysis", 4)):
            s.add(InventoryEntry(person_id=ctx.person_id, kind="skill", name=name, level=level))
    goal = direction.add_goal(
        ctx, GoalIn(title="Lead a data team", occupation_code="15-2051.00"), date(2026, 1, 5)
    )
    today = date(2026, 12, 2)
    for month, rating, wins in (
        ("2026-08", 5, ["Shipped the churn model to 3 markets"]),
        ("2026-09", 1, []),
        ("2026-10", 1, ["Cut the weekly report from 4 hours to 20 minutes"]),
        ("2026-11", 2, []),
    ):
        direction.create_review(
            ctx,
            ReviewIn(month=month, ratings={goal.id: rating}, wins=wins, notes="busy month"),
            today,
        )


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_dashboard_shows_direction_and_fits(
    live_server: str, browser: Any, sqlite_ctx: AppContext, width: int, height: int
) -> None:
    _person(sqlite_ctx)
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/")
        steps = page.locator("#next-steps").inner_text()
        assert "Set your direction" not in steps  # a goal exists
        trend = page.locator("#alignment-trend svg.chart")
        assert trend.count() == 1
        assert page.locator("#alignment-trend polyline").count() >= 1  # a line, not dots
        warnings = page.locator("#warning-signs").inner_text()
        assert "Low alignment" in warnings and "3 reviews in a row" in warnings
        assert all(m in warnings for m in ("2026-09", "2026-10", "2026-11"))
        box = trend.bounding_box()
        card = page.locator("#alignment-trend").bounding_box()
        assert box["width"] >= 0.85 * (card["width"] - 40)  # the chart uses the card's width
        assert _overflow(page) == 0
        page.goto(f"{live_server}/direction")
        performing = page.locator("[data-challenge=performing]").inner_text()
        # wins written in two monthly reviews are accomplishments
        assert "2 accomplishments recorded" in performing
        assert _overflow(page) == 0
    finally:
        context.close()


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_pivot_pages_fit_the_screen(
    live_server: str, browser: Any, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/pivots?from=15-1252.00&limit=20")
        assert page.locator("#pivots-table tbody tr").count() == 20
        assert _overflow(page) == 0, "the /pivots table is wider than the screen"
        if width < 500:  # each row reads as a card with its column names
            score = page.locator("#pivots-table tbody tr").first.locator("td").nth(2)
            assert score.evaluate("e => getComputedStyle(e).display") != "table-cell"
            assert "Score" in score.evaluate("e => getComputedStyle(e, '::before').content")
        page.goto(f"{live_server}/pivots/15-2051.00?from=15-1252.00")
        page.wait_for_selector("svg.chart")
        assert _overflow(page) == 0, "the pivot page is wider than the screen"
        # the chart has a numeric scale 0..7
        ticks = [t.text_content() for t in page.locator("svg.chart text.tick").all()]
        assert ticks[0] == "0" and ticks[-1] == "7"
        # no evidence sentence is repeated within a row
        for row in page.locator("#transfers tbody tr").all()[:15]:
            cells = row.locator("td").all_inner_texts()
            if len(cells) > 4:
                pieces = [p.strip() for p in cells[4].split(";") if p.strip()]
                assert len(pieces) == len(set(pieces)), pieces
        height_px = page.evaluate("document.documentElement.scrollHeight")
        assert height_px < 6800, height_px  # was 6,800 px on a desktop, taller on a phone
        if width < 500:  # long tables open their first ten rows; "Show all" opens the rest
            long = [t for t in ("transfers", "gaps", "plan")
                    if page.locator(f"#{t} tbody tr").count() > 10]
            assert long, "no table on the pivot page is long enough to fold"
            visible = f"#{long[0]} tbody tr:visible"
            assert page.locator(visible).count() == 10
            page.click(f"a[href='#{long[0]}-all']")
            assert page.locator(visible).count() > 10
    finally:
        context.close()
