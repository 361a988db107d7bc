"""``career vision|goals|review|signals|calendar|direction``: where you are going, and whether
this month's work took you there.

One module per command group (``vision``, ``goals``, ``review``, ``signals``, ``calendar``,
``dashboard``); the guided review's prompts live on their own (``review_guided``), the
parsing of what is typed in ``parsing`` and the shared printing in ``output``. Goals and
milestones are named by their number as ``career goals list`` shows it (``1``, ``g1`` or
``goal-1``; milestones ``3`` or ``m3``).
"""

from __future__ import annotations

import typer

from careerceo.cli.direction import calendar, dashboard, goals, review, signals, vision


def register(app: typer.Typer) -> None:
    app.add_typer(vision.vision_app, name="vision")
    app.add_typer(goals.goals_app, name="goals")
    app.add_typer(review.review_app, name="review")
    app.add_typer(signals.signals_app, name="signals")
    app.add_typer(calendar.calendar_app, name="calendar")
    app.command("direction")(dashboard.direction)
