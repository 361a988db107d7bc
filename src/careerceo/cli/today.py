"""``career today``: what is due or overdue, each with the command that does it."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

import typer

from careerceo.cli.actions import command
from careerceo.cli.common import console, context, print_json, print_table, user_errors
from careerceo.services.today import today_items


def register(app: typer.Typer) -> None:
    app.command("today")(today)


SHOWN = 40


@user_errors
def today(
    as_json: bool = typer.Option(False, "--json", help="Print JSON for scripts (every item)."),
    show_all: bool = typer.Option(
        False, "--all", help=f"Show every item, not only the {SHOWN} oldest."
    ),
) -> None:
    """Everything due or overdue: follow-ups, next steps, next actions, milestones, review.

    The table shows the oldest items first and stops after a screenful; the counts per kind
    say how much is waiting in all (``--all`` or ``--json`` lists everything).
    """
    items = today_items(context())
    if as_json:
        print_json(
            [
                {
                    **item.model_dump(mode="json"),
                    "action": asdict(item.action),
                    "command": command(item.action),
                }
                for item in items
            ]
        )
        return
    if not items:
        console.print("Nothing is due today.")
        return
    shown = items if show_all else items[:SHOWN]
    print_table(
        f"Due today: {len(items)}"
        if len(items) == len(shown)
        else f"Due today: {len(shown)} oldest of {len(items)}",
        ["due", "what", "", "do it with"],
        (
            [
                item.due if not item.overdue_days else f"{item.due} ({item.overdue_days}d late)",
                item.title,
                item.detail,
                command(item.action),
            ]
            for item in shown
        ),
    )
    if len(shown) < len(items):
        counts = Counter(item.kind for item in items)
        console.print(
            f"{len(items) - len(shown)} more not shown ("
            + ", ".join(f"{n} {kind}" for kind, n in counts.most_common())
            + " in all); career today --all lists every one."
        )
