"""The foundation in real headless Chromium: dashboard → inventory form → listed entry, and a
refused value shown next to its field."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_add_inventory_entry_through_the_form(live_server: str, page: Any) -> None:
    page.goto(live_server + "/")
    assert page.locator("h1").inner_text() == "Dashboard"
    assert page.locator('#inventory-summary [data-intent="add"]').inner_text() == "0"

    page.click("header nav >> text=Pivot")  # the group opens; its links show
    page.click("header nav >> text=Inventory")
    page.wait_for_url(live_server + "/inventory")
    assert "No entries yet" in page.locator("#inventory-empty").inner_text()

    form = page.locator("#add-entry")
    form.locator('select[name="kind"]').select_option("skill")
    form.locator('input[name="name"]').fill("Kubernetes")
    form.locator('input[name="level"]').fill("4")
    form.locator('select[name="intent"]').select_option("add")
    form.locator('button[type="submit"]').click()
    page.wait_for_url("**/inventory?done=added")

    row = page.locator("#inventory-table tbody tr")
    assert row.count() == 1
    assert row.locator("td.name").inner_text() == "Kubernetes"
    assert "4" in row.locator("td").nth(2).inner_text()
    assert page.locator(".flash").inner_text() == "Added."

    # A bad value: refused by the server, the message beside the field, the input kept.
    form = page.locator("#add-entry")
    form.locator('input[name="name"]').fill("Juggling")
    form.locator('input[name="level"]').fill("9")
    form.locator('button[type="submit"]').click()
    message = page.locator('#add-entry .field-error[data-field="level"]')
    message.wait_for()
    assert message.inner_text() == "level must be a whole number from 1 (aware) to 5 (expert)"
    assert page.locator('#add-entry input[name="name"]').input_value() == "Juggling"
    assert page.locator("#inventory-table tbody tr").count() == 1
    assert page.locator("#add-entry .field.invalid #f-level").count() == 1

    page.goto(live_server + "/")
    assert page.locator('#inventory-summary [data-intent="add"]').inner_text() == "1"
    assert "Kubernetes" in page.locator("#recent-entries").inner_text()
