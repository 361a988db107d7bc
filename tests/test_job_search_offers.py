"""Offers side by side: the weighted comparison on hand-built offers, and through the CLI
(ratings kept with the offer, weights the person chooses, refusals in words)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from careerceo.analysis.offers import OfferFacts, compare_offers


def offer(i: int, base: float | None, currency: str = "USD", **ratings: int) -> OfferFacts:
    return OfferFacts(i, f"offer {i}", base, None, currency, ratings)


def test_weights_decide_and_pay_is_relative_to_the_best_offer() -> None:
    a = offer(1, 130_000, growth=3)
    b = offer(2, 100_000, growth=5)
    by_pay = compare_offers([a, b], {"pay": 3, "growth": 1})
    assert [o.opportunity_id for o in by_pay.offers] == [1, 2]
    # a: (3*1 + 1*0.5)/4 = 87.5; b: (3*100/130 + 1*1)/4 = 82.7
    assert by_pay.offers[0].score == pytest.approx(87.5)
    assert by_pay.offers[1].score == pytest.approx(100 * (3 * 100 / 130 + 1) / 4)
    by_growth = compare_offers([a, b], {"pay": 1, "growth": 3})
    assert [o.opportunity_id for o in by_growth.offers] == [2, 1]


def test_an_unrated_criterion_is_shown_missing_and_the_share_of_weight_is_reported() -> None:
    rated = offer(1, 100_000, growth=2)
    unrated = offer(2, 100_000)
    result = compare_offers([rated, unrated], {"pay": 1, "growth": 1})
    second = next(o for o in result.offers if o.opportunity_id == 2)
    assert second.weight_covered == pytest.approx(0.5)
    assert [p.shown for p in second.parts] == ["100,000 USD", "not rated"]
    assert any("covers only" in note for note in result.notes)


def test_pay_in_two_currencies_is_not_compared() -> None:
    result = compare_offers([offer(1, 100_000, "EUR", team=4), offer(2, 90_000, "USD", team=4)])
    assert all(p.value is None for o in result.offers for p in o.parts if p.criterion == "pay")
    assert "different currencies (EUR, USD)" in result.notes[0]
    assert [o.score for o in result.offers] == [pytest.approx(75.0)] * 2


def test_default_weights_are_pay_and_every_rated_criterion() -> None:
    result = compare_offers([offer(1, 1, team=1), offer(2, 1, growth=5)])
    assert result.weights == {"pay": 1.0, "growth": 1.0, "team": 1.0}


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_compare_through_the_cli(cli: Any) -> None:
    assert "no offers yet" in cli("opportunities", "compare").output
    first = _json(cli("opportunities", "add", "--title", "Lead", "--company", "Acme",
                      "--stage", "offer", "--json"))["id"]  # fmt: skip
    second = _json(cli("opportunities", "add", "--title", "Manager", "--company", "Beta",
                       "--stage", "offer", "--json"))["id"]  # fmt: skip
    cli("opportunities", "add", "--title", "Not an offer", "--stage", "applied")
    ok = cli("opportunities", "edit", str(first), "--offer-base", "120k", "--offer-currency",
             "usd", "--rate", "growth=2", "--rate", "team=4")  # fmt: skip
    assert ok.exit_code == 0, ok.output
    ok = cli("opportunities", "edit", str(second), "--offer-base", "100000", "--offer-currency",
             "USD", "--rate", "growth=5")  # fmt: skip
    assert ok.exit_code == 0, ok.output
    # A later rating adds to the ones kept, it does not replace them.
    assert cli("opportunities", "edit", str(second), "--rate", "team=4").exit_code == 0
    shown = _json(cli("opportunities", "show", str(second), "--json"))
    assert shown["offer"]["ratings"] == {"growth": 5, "team": 4}

    result = _json(cli("opportunities", "compare", "-w", "pay=1", "-w", "growth=2", "--json"))
    assert [o["id"] for o in result["offers"]] == [second, first]
    assert result["weights"] == {"pay": 1.0, "growth": 2.0}
    result = _json(cli("opportunities", "compare", "-w", "pay=5", "-w", "growth=1", "--json"))
    assert [o["id"] for o in result["offers"]] == [first, second]

    bad = cli("opportunities", "edit", str(first), "--rate", "growth=9")
    assert bad.exit_code != 0 and "growth must be rated 1 to 5" in bad.output
    bad = cli("opportunities", "compare", "-w", "pay=lots")
    assert bad.exit_code != 0 and "weight of pay must be a number" in bad.output
    bad = cli("opportunities", "compare", "-w", "pay")
    assert bad.exit_code != 0 and "criterion=number" in bad.output
    assert "Traceback" not in bad.output
    kept = _json(cli("opportunities", "show", str(first), "--json"))
    assert kept["offer"]["ratings"] == {"growth": 2, "team": 4}
