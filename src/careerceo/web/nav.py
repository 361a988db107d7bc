"""The top navigation, grouped by the method (Direction · Pivot · Find · Leave · Perform/Résumé).

One link per page would not fit once the job search, interviewing, leaving and paths have their
pages, and would hide the method the app teaches. Features add their page to a group here; a link
is shown only when the app really serves that path, so a page that is not built yet never
appears as a dead link.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class NavLink:
    label: str
    path: str


@dataclass(frozen=True)
class NavGroup:
    label: str
    links: tuple[NavLink, ...]

    def holds(self, path: str) -> bool:
        """Whether the page at ``path`` belongs to this group (to mark the group as current)."""
        return any(path == link.path or path.startswith(link.path + "/") for link in self.links)


def _group(label: str, *links: tuple[str, str]) -> NavGroup:
    return NavGroup(label, tuple(NavLink(text, path) for text, path in links))


GROUPS: tuple[NavGroup, ...] = (
    _group(
        "Direction",
        ("Vision and dashboard", "/direction"),
        ("Goals", "/goals"),
        ("Monthly review", "/review"),
        ("Review history", "/review/history"),
        ("Warning signs", "/signals"),
    ),
    _group(
        "Pivot",
        ("Doable pivots", "/pivots"),
        ("Gap to a posting", "/gap"),
        ("Inventory", "/inventory"),
        ("Skills", "/skills"),
        ("Occupations", "/occupations"),
        ("Paths of others", "/paths"),
    ),
    _group(
        "Find",
        ("Today", "/today"),
        ("Pipeline board", "/opportunities"),
        ("Companies", "/companies"),
        ("Contacts", "/contacts"),
        ("Interview practice", "/interview"),
        ("Interview rounds", "/interview/rounds"),
        ("30-60-90-day plans", "/plans"),
        ("Offers side by side", "/offers"),
        ("Offer preparation", "/offer-prep"),
    ),
    _group(
        "Leave",
        ("Leaving well", "/exit"),
    ),
    _group(
        "Perform / Résumé",
        ("Résumé", "/resume"),
        ("Wins", "/resume/wins"),
        ("Positions", "/positions"),
        ("Profile", "/profile"),
        ("Your data and account", "/account"),
    ),
)


def served(groups: Iterable[NavGroup], paths: set[str]) -> tuple[NavGroup, ...]:
    """The groups with only the links whose page exists; a group left empty is dropped."""
    out = []
    for group in groups:
        links = tuple(link for link in group.links if link.path in paths)
        if links:
            out.append(NavGroup(group.label, links))
    return tuple(out)
