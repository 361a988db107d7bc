"""Complete the monthly review through the web form in headless Chromium, twice, and watch the
trend chart grow; a duplicate month is refused next to the month field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from careerceo.model.months import add_months, month_of

pytestmark = pytest.mark.browser

THIS = month_of(date.today())
FIRST, SECOND = add_months(THIS, -2), add_months(THIS, -1)
POINT = 'circle[fill="#1f5fbf"]'


def do_review(page: Any, base: str, month: str, activity: str, share: str, rating: str) -> None:
    page.goto(f"{base}/review?month={month}")
    page.fill('input[name="activity_name_0"]', activity)
    page.fill('input[name="activity_share_0"]', share)
    page.select_option('select[name="activity_goal_0"]', "1")
    page.fill('input[name="activity_name_1"]', "Meetings")
    page.fill('input[name="activity_share_1"]', "20")
    page.fill('input[name="new_skills"]', "dbt")
    page.fill('textarea[name="wins"]', "Shipped the pipeline")
    page.select_option('select[name="rate_1"]', rating)
    page.fill('textarea[name="notes"]', f"notes for {month}")
    page.click('#review-form button[type="submit"]')
    page.wait_for_url(f"{base}/review/{month}?saved=1")


def test_review_through_the_form_updates_the_trend(live_server: str, page: Any) -> None:
    base = live_server
    page.goto(f"{base}/goals")
    page.fill("#f-title", "Lead a data team")
    page.select_option("#f-horizon", "2y")
    page.click('#goal-form button[type="submit"]')
    page.wait_for_url(f"{base}/goals?**")
    assert "Lead a data team" in page.inner_text("#goals")

    do_review(page, base, FIRST, "Built ETL pipeline", "60", "4")
    # time 1.0*.4 + rating .8*.4, no milestone: .72/.8 = 90
    assert page.inner_text("#alignment") == "90"
    page.goto(f"{base}/review/history")
    assert page.locator(f"#trend svg {POINT}").count() == 1
    assert page.locator("#trend svg polyline").count() == 0

    do_review(page, base, SECOND, "Firefighting", "10", "1")
    # time 10/50=.2*.4 + rating .2*.4 = .16/.8 = 20
    assert page.inner_text("#alignment") == "20"
    page.goto(f"{base}/review/history")
    assert page.locator(f"#trend svg {POINT}").count() == 2
    assert page.locator("#trend svg polyline").count() == 1
    titles = page.locator(f"#trend svg {POINT} title").all_text_contents()
    assert titles == [f"{FIRST}: 90", f"{SECOND}: 20"]
    assert (
        page.locator(f'#history tr[data-month="{SECOND}"]').get_attribute("data-state")
        == "reviewed"
    )

    # the same month again through a fresh form: refused beside the month field, nothing stored
    page.goto(f"{base}/review?month={THIS}")
    page.fill("#f-month", SECOND)
    page.select_option('select[name="rate_1"]', "5")
    page.click('#review-form button[type="submit"]')
    error = page.locator('.field-error[data-field="month"]')
    assert f"career review edit {SECOND}" in error.inner_text()
    page.goto(f"{base}/review/history")
    assert page.locator(f"#trend svg {POINT} title").all_text_contents()[-1] == f"{SECOND}: 20"

    # editing a past month through the form keeps its earlier version
    page.goto(f"{base}/review?month={SECOND}")
    page.select_option('select[name="rate_1"]', "5")
    page.click('#review-form button[type="submit"]')
    page.wait_for_url(f"{base}/review/{SECOND}?saved=1")
    assert page.inner_text("#alignment") == "60"  # (.08 + .4) / .8
    assert "notes for" in page.inner_text("main")
    assert "Earlier versions" in page.inner_text("main")

    page.goto(f"{base}/direction")
    assert page.locator("[data-challenge]").count() == 3
    assert page.locator(f"svg {POINT}").count() == 2
