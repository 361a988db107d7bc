"""The navigation is grouped by the method and never links to a page that is not there."""

from __future__ import annotations

import re

from _web import web_client
from careerceo.services.context import AppContext
from careerceo.web.nav import GROUPS, NavGroup, NavLink, served

METHOD = ["Direction", "Pivot", "Find", "Leave", "Perform / Résumé"]


def test_groups_follow_the_method_in_order() -> None:
    assert [g.label for g in GROUPS] == METHOD


def test_a_page_that_is_not_served_is_not_linked() -> None:
    groups = (NavGroup("Find", (NavLink("Today", "/today"), NavLink("Board", "/board"))),)
    assert served(groups, {"/board"}) == (NavGroup("Find", (NavLink("Board", "/board"),)),)
    assert served(groups, set()) == ()  # an empty group disappears


def test_every_link_in_the_menu_opens_a_page(sqlite_ctx: AppContext) -> None:
    client = web_client(sqlite_ctx)
    home = client.get("/")
    nav = home.text.split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'href="([^"]+)"', nav)
    groups = re.findall(r'class="nav-toggle"[^>]*>([^<]+)<', nav)
    assert len(groups) <= len(METHOD) and groups[:2] == ["Direction", "Pivot"]
    assert len(links) > 10
    for path in links:
        page = client.get(path)
        assert page.status_code == 200, (path, page.status_code)
        assert '<nav aria-label="Main">' in page.text


def test_the_group_of_the_current_page_is_marked(sqlite_ctx: AppContext) -> None:
    page = web_client(sqlite_ctx).get("/goals").text
    current = re.search(r'nav-group current">\s*<button[^>]*>([^<]+)<', page)
    assert current is not None and current.group(1) == "Direction"
    assert '<a href="/goals" aria-current="page">' in page
