"""``career offer new|set|show|list``: prepare a negotiation in your own words."""

from __future__ import annotations

from typing import Any

import typer

from careerceo.cli.common import console, context, fail, user_errors
from careerceo.cli.render import JSON, present, present_rows
from careerceo.services import offer_prep as service

offer_app = typer.Typer(
    help="Offer preparation: what you said before, the offer's terms, what you will ask for "
    "and why, your walk-away line. The app adds no figure; it flags any it cannot trace."
)


def _terms(items: list[str]) -> dict[str, str] | None:
    if not items:
        return None
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            fail(f"--term takes NAME=VALUE (e.g. --term 'base=95,000 EUR'), got {item!r}")
        out[name.strip()] = value.strip()
    return out


def _points(items: list[str]) -> list[dict[str, str]] | None:
    if not items:
        return None
    return [
        {"ask": ask.strip(), "why": why.strip()}
        for ask, _, why in (item.partition(" because ") for item in items)
    ]


def _show(view: service.OfferView, as_json: bool) -> None:
    present(view, as_json, lambda v: console.print(v.markdown, highlight=False, markup=False))


@offer_app.command("new")
@user_errors
def new(
    opportunity: int | None = typer.Option(None, "--opportunity", help="Opportunity id"),
    company: str = typer.Option("", "--company"),
    stated: str = typer.Option("", "--stated", help="What you said before about pay"),
    term: list[str] = typer.Option([], "--term", help="An offer term NAME=VALUE (repeat)"),
    ask: list[str] = typer.Option(
        [], "--ask", help="A point to negotiate, optionally '... because REASON' (repeat)"
    ),
    walk_away: str = typer.Option("", "--walk-away", help="The line below which you decline"),
    notes: str = typer.Option("", "--notes"),
    as_json: bool = JSON,
) -> None:
    """Start an offer prep."""
    values: dict[str, Any] = {
        "opportunity_id": opportunity,
        "company": company,
        "stated_before": stated,
        "terms": _terms(term) or {},
        "points": _points(ask) or [],
        "walk_away": walk_away,
        "notes": notes,
    }
    _show(service.new_prep(context(), values), as_json)


@offer_app.command("set")
@user_errors
def set_cmd(
    prep_id: int,
    stated: str | None = typer.Option(None, "--stated"),
    term: list[str] = typer.Option([], "--term", help="Replaces all terms"),
    ask: list[str] = typer.Option([], "--ask", help="Replaces all points"),
    walk_away: str | None = typer.Option(None, "--walk-away"),
    notes: str | None = typer.Option(None, "--notes"),
    as_json: bool = JSON,
) -> None:
    """Change parts of an offer prep."""
    values: dict[str, Any] = {
        "stated_before": stated,
        "terms": _terms(term),
        "points": _points(ask),
        "walk_away": walk_away,
        "notes": notes,
    }
    _show(service.update_prep(context(), prep_id, values), as_json)


@offer_app.command("show")
@user_errors
def show(prep_id: int, as_json: bool = JSON) -> None:
    """The prep sheet (Markdown), with figures to check."""
    _show(service.get_prep(context(), prep_id), as_json)


@offer_app.command("list")
@user_errors
def list_cmd(as_json: bool = JSON) -> None:
    present_rows(
        service.list_preps(context()),
        as_json,
        "Offer preps",
        ["id", "for", "asks", "to check"],
        lambda v: (v.id, v.title, len(v.points), len(v.warnings)),
        empty="None yet: career offer new --company NAME --stated '...'",
    )


def register(app: typer.Typer) -> None:
    app.add_typer(offer_app, name="offer")
