"""Offer preparation: the sheet is the person's own words, and a figure in an ask or the
walk-away line that is in nothing they recorded is flagged, never invented or silently kept."""

from __future__ import annotations

import json

import pytest

from careerceo.analysis.offer_prep import Point, unsupported_figures
from careerceo.errors import CareerError
from careerceo.services import accomplishments
from careerceo.services import offer_prep as service
from careerceo.services.context import AppContext


def test_figures_are_traced_to_what_was_recorded() -> None:
    terms = {"base": "90,000 EUR", "bonus": "10%"}
    points = [
        Point("Base 98,000", "I said 95,000-100,000 in the screen"),
        Point("Base 120,000"),
        Point("Four weeks more notice", "my record shows 40% faster builds"),
    ]
    warnings = unsupported_figures(
        points, "Below 92,000 I decline", "I said 95,000-100,000", terms, ["Cut build time 40%"]
    )
    assert len(warnings) == 3, warnings
    assert "ask 1 uses 98000" in warnings[0]
    assert "ask 2 uses 120000" in warnings[1]
    assert "walk-away line uses 92000" in warnings[2]
    assert not any("ask 3" in w for w in warnings)


def test_offer_prep_service_and_commands(sqlite_ctx: AppContext, cli) -> None:  # type: ignore[no-untyped-def]
    accomplishments.quick_win(sqlite_ctx, "Grew renewals to 2.4M")
    view = service.new_prep(
        sqlite_ctx,
        {
            "company": "Acme",
            "stated_before": "I said 95,000 to the recruiter",
            "terms": {"base": "90,000"},
            "points": [{"ask": "Base 95,000", "why": "renewals grew to 2.4M"}],
            "walk_away": "Below 90,000 with no remote days",
        },
    )
    assert view.warnings == [] and "## Your walk-away line" in view.markdown
    assert "1. Base 95,000 (because renewals grew to 2.4M)" in view.markdown
    changed = service.update_prep(sqlite_ctx, view.id, {"walk_away": "Below 93,500"})
    assert changed.warnings and "93500" in changed.warnings[0]
    for bad in ({"terms": ["base"]}, {"points": [{"ask": " "}]}, {"opportunity_id": 99}):
        with pytest.raises(CareerError):
            service.update_prep(sqlite_ctx, view.id, bad)
    assert service.get_prep(sqlite_ctx, view.id).walk_away == "Below 93,500"
    made = cli(
        "offer",
        "new",
        "--company",
        "Beta",
        "--stated",
        "I said 80k",
        "--term",
        "base=78k",
        "--ask",
        "Base 80k because I said 80k",
        "--json",
    )
    assert made.exit_code == 0, made.output
    assert json.loads(made.output)["points"] == [{"ask": "Base 80k", "why": "I said 80k"}]
    bad = cli("offer", "new", "--term", "base")
    assert bad.exit_code == 2 and "NAME=VALUE" in bad.output
    missing = cli("offer", "show", "42")
    assert missing.exit_code != 0 and "no offer prep with id 42" in missing.output


def test_an_offer_prep_starts_from_the_opportunitys_pay_record(sqlite_ctx: AppContext) -> None:
    from careerceo.services import opportunities

    opp = opportunities.add_opportunity(
        sqlite_ctx,
        {
            "title": "Data Lead",
            "company": "Acme",
            "stage": "offer",
            "posted_pay": "90,000-110,000",
            "stated_pay": "105,000",
            "stated_to": "the recruiter",
            "offer": {"base": 98000, "currency": "EUR", "equity": "0.1%"},
        },
    )
    view = service.new_prep(
        sqlite_ctx,
        {
            "opportunity_id": opp.id,
            "points": [{"ask": "Base 105,000", "why": "the top is 110,000"}],
        },
    )
    assert view.stated_before == "105,000 (said to the recruiter)"
    assert view.terms == {"base": "98,000", "currency": "EUR", "equity": "0.1%"}
    assert view.company == "Acme" and view.title == "Data Lead at Acme"
    assert view.warnings == []  # every figure is in the pay record
    with pytest.raises(CareerError, match="no opportunity"):
        service.new_prep(sqlite_ctx, {"opportunity_id": 999})
