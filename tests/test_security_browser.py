"""Cross-site request forgery replayed in real Chromium (issue 16).

A page served from another localhost port (another origin, as any web page the person opens
while the app runs) posts the goal form and sends a ``no-cors`` multipart fetch to the
positions form and the API. Before the fix both planted data; now the browser's requests
are refused with 403 and an export before and after is identical.
"""

from __future__ import annotations

import http.server
import re
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from careerceo.services import backup as backup_service
from careerceo.services.context import AppContext

pytestmark = pytest.mark.browser

EVIL_PAGE = """<!doctype html><html><body>
<form id="plant" method="post" action="{app}/goals">
  <input name="title" value="Planted by another site"><input name="horizon" value="1y">
</form>
<p id="state">sending</p>
<script>
const body = new FormData();
body.append("employer", "Evil Corp"); body.append("title", "Mole");
body.append("start_date", "2020-01");
Promise.all([
  fetch("{app}/positions", {{method: "POST", mode: "no-cors", body: body}}),
  fetch("{app}/api/v1/positions", {{method: "POST", mode: "no-cors", body: body}}),
  fetch("{app}/api/v1/inventory", {{method: "POST", mode: "no-cors",
        headers: {{"Content-Type": "text/plain"}},
        body: JSON.stringify({{kind: "skill", name: "Planted", level: 3, intent: "keep"}})}}),
]).finally(() => {{
  document.getElementById("state").textContent = "sent";
  document.getElementById("plant").submit();
}});
</script></body></html>"""


@pytest.fixture
def evil_site(live_server: str) -> Iterator[str]:
    page = EVIL_PAGE.format(app=live_server).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *_: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_another_origin_cannot_plant_a_goal_or_a_position(
    live_server: str, evil_site: str, sqlite_ctx: AppContext, page: Any
) -> None:
    def snapshot() -> str:
        return re.sub(r'"exported_at": "[^"]*"', "", backup_service.export_backup(sqlite_ctx))

    before = snapshot()
    statuses: list[int] = []
    page.on(
        "response",
        lambda r: statuses.append(r.status) if r.url.startswith(live_server) else None,
    )
    page.goto(evil_site + "/")
    page.wait_for_url(f"{live_server}/goals", timeout=15_000)  # the form post landed
    page.wait_for_load_state()
    assert "did not come from a Career CEO page" in page.content()
    assert 403 in statuses
    assert snapshot() == before
    # The app's own page, in the same browser, still works: the refusal is about origin.
    page.goto(f"{live_server}/goals")
    page.fill('input[name="title"]', "My own goal")
    page.locator('form[action="/goals"] button[type="submit"]').first.click()
    page.wait_for_load_state()
    assert "My own goal" in snapshot()
