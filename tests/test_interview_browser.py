"""A practice session through the web pages in headless Chromium: start, rate each question
(a missing rating is refused beside the buttons, nothing saved), and see the progress table
count the attempts; the timer script runs under the page's own static file."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_a_practice_session_in_the_browser(live_server: str, page: Any) -> None:
    base = live_server
    page.goto(f"{base}/interview")
    assert page.inner_text('#progress tr[data-category="role_specific"] .attempts') == "0"
    page.fill("#f-count", "2")
    page.fill("#f-occupation", "15-1252.00")
    page.click('#practice-start button[type="submit"]')
    page.wait_for_url(f"{base}/interview/practice?**")
    assert page.inner_text("#position") == "1/2"
    assert "It tests:" in page.inner_text("#question")
    page.wait_for_function("document.getElementById('timer').textContent !== ''")
    first = page.get_attribute("#question", "data-id")
    page.click('#rate-form button[type="submit"]')  # no rating chosen
    assert "choose a rating" in page.inner_text('[data-field="rating"]')
    assert page.get_attribute("#question", "data-id") == first
    page.check('input[name="rating"][value="2"]')
    page.fill("#f-notes", "lost the thread")
    page.click('#rate-form button[type="submit"]')
    page.wait_for_url(f"{base}/interview/practice?**")
    assert page.inner_text("#position") == "2/2"
    assert page.get_attribute("#question", "data-id") != first
    page.check('input[name="rating"][value="5"]')
    page.click('#rate-form button[type="submit"]')
    page.wait_for_url(f"{base}/interview?done=practised")
    assert "weak answers come back first" in page.inner_text(".flash")
    role = '#progress tr[data-category="role_specific"]'
    assert page.inner_text(f"{role} .attempts") == "2"
    assert page.inner_text(f"{role} .weak") == "1"
    assert page.inner_text(f"{role} .mean") == "3.5"
