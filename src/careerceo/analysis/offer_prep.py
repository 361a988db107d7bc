"""Offer preparation (pure): the sheet a person takes into a negotiation, and the figures in it
that come from nowhere they recorded.

Every line is the person's own: what they said before about pay, the terms offered, each ask
with its reason, the walk-away line. The app adds no figure; it flags any figure in an ask or the
walk-away line that is in neither what they stated, the offer's terms, nor their record, so a
number said to an employer is one they can stand behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careerceo.analysis.interview_practice import numbers_not_in_record

ORDER_ADVICE = (
    "Say you want the job before you negotiate; ask for everything in one conversation; "
    "let them name changes to the offer first, and get the final terms in writing."
)


@dataclass(frozen=True)
class Point:
    ask: str
    why: str = ""


@dataclass(frozen=True)
class Sheet:
    warnings: list[str]
    markdown: str


def unsupported_figures(
    points: Sequence[Point],
    walk_away: str,
    stated_before: str,
    terms: dict[str, str],
    record: Sequence[str],
) -> list[str]:
    """Warnings for figures in the asks and the walk-away line found in nothing recorded."""
    sources = [stated_before, *terms.keys(), *terms.values(), *record]
    warnings = []
    for index, point in enumerate(points, 1):
        for figure in numbers_not_in_record(f"{point.ask} {point.why}", sources):
            warnings.append(
                f"ask {index} uses {figure}, which is in neither what you stated before, the "
                "offer's terms nor your record: check where it comes from before you say it"
            )
    for figure in numbers_not_in_record(walk_away, sources):
        warnings.append(
            f"the walk-away line uses {figure}, which is in nothing you recorded: write down "
            "where it comes from (your budget, a market figure you checked)"
        )
    return warnings


def sheet(
    *,
    title: str,
    stated_before: str,
    terms: dict[str, str],
    points: Sequence[Point],
    walk_away: str,
    notes: str,
    warnings: Sequence[str],
) -> str:
    """The prep as Markdown, in the person's words; empty parts say what is missing."""
    lines = [f"# Offer preparation: {title}", ""]
    lines += ["## What you said before", stated_before or "_Nothing recorded yet._", ""]
    lines += ["## The offer"]
    lines += [f"- {k}: {v}" for k, v in terms.items()] or ["_No terms recorded yet._"]
    lines += ["", "## What you will ask for"]
    if points:
        for i, p in enumerate(points, 1):
            lines.append(f"{i}. {p.ask}" + (f" (because {p.why})" if p.why else ""))
    else:
        lines.append("_No points yet: what matters most to you besides the number?_")
    lines += ["", "## Your walk-away line", walk_away or "_Decide it before the call._", ""]
    if notes:
        lines += ["## Notes", notes, ""]
    lines += ["## How", ORDER_ADVICE]
    if warnings:
        lines += ["", "## Check before you say it"] + [f"- {w}" for w in warnings]
    return "\n".join(lines) + "\n"
