"""Offers side by side, scored with weights the person sets.

Pay is compared only between offers in one currency (the app converts nothing: a rate the
person did not choose would decide the ranking). Every other criterion is the person's own
rating from 1 to 5. A criterion an offer was not rated on is shown as missing and left out of
that offer's score, and the score says over how much of the total weight it was computed, so
an offer never wins because it was rated on less.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

PAY = "pay"


@dataclass(frozen=True)
class OfferFacts:
    opportunity_id: int
    label: str
    base: float | None
    bonus: float | None
    currency: str
    ratings: Mapping[str, int] = field(default_factory=dict)
    deadline: date | None = None


@dataclass(frozen=True)
class Part:
    criterion: str
    weight: float
    value: float | None  # 0..1, None when missing
    shown: str  # what the person sees: "118,000 USD", "4/5", "not rated"


@dataclass(frozen=True)
class OfferScore:
    opportunity_id: int
    label: str
    score: float | None  # 0..100 over the criteria it has
    weight_covered: float  # share of the total weight behind the score, 0..1
    parts: list[Part]
    deadline: date | None


@dataclass(frozen=True)
class Comparison:
    criteria: list[str]
    weights: dict[str, float]
    offers: list[OfferScore]
    notes: list[str]


def pay_of(offer: OfferFacts) -> float | None:
    if offer.base is None and offer.bonus is None:
        return None
    return (offer.base or 0.0) + (offer.bonus or 0.0)


def default_weights(offers: Sequence[OfferFacts]) -> dict[str, float]:
    """Pay and every criterion rated on any offer, equally weighted."""
    criteria = [PAY, *sorted({c for o in offers for c in o.ratings})]
    return {c: 1.0 for c in criteria}


def compare_offers(
    offers: Sequence[OfferFacts], weights: Mapping[str, float] | None = None
) -> Comparison:
    chosen = dict(weights) if weights else default_weights(offers)
    criteria = [c for c, w in chosen.items() if w > 0]
    total_weight = sum(chosen[c] for c in criteria)
    notes: list[str] = []
    currencies = sorted({o.currency or "?" for o in offers if pay_of(o) is not None})
    pay_comparable = len(currencies) <= 1
    if PAY in criteria and not pay_comparable:
        notes.append(
            f"the offers are in different currencies ({', '.join(currencies)}); pay is left "
            "out of the scores - enter every offer in one currency to compare pay"
        )
    best_pay = max((p for o in offers if (p := pay_of(o)) is not None), default=None)
    scored: list[OfferScore] = []
    for offer in offers:
        parts: list[Part] = []
        for criterion in criteria:
            weight = chosen[criterion]
            if criterion == PAY:
                pay = pay_of(offer)
                if pay is None:
                    parts.append(Part(criterion, weight, None, "no base or bonus entered"))
                    continue
                shown = f"{pay:,.0f} {offer.currency}".strip()
                value = pay / best_pay if pay_comparable and best_pay else None
                parts.append(Part(criterion, weight, value, shown))
                continue
            rating = offer.ratings.get(criterion)
            if rating is None:
                parts.append(Part(criterion, weight, None, "not rated"))
            else:
                parts.append(Part(criterion, weight, (rating - 1) / 4, f"{rating}/5"))
        counted = [p for p in parts if p.value is not None]
        covered = sum(p.weight for p in counted)
        score = (
            100 * sum(p.weight * (p.value or 0.0) for p in counted) / covered if covered else None
        )
        scored.append(
            OfferScore(
                offer.opportunity_id,
                offer.label,
                score,
                covered / total_weight if total_weight else 0.0,
                parts,
                offer.deadline,
            )
        )
    scored.sort(key=lambda s: (s.score is None, -(s.score or 0.0), s.label))
    if any(s.weight_covered < 1 for s in scored if s.score is not None):
        notes.append(
            "some offers miss a figure or a rating; their score covers only the criteria "
            "they have (the share of the weight it covers is shown) - fill them in for a "
            "fair comparison"
        )
    return Comparison(criteria, {c: chosen[c] for c in criteria}, scored, notes)
