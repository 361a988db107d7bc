"""``career today``: what is due or overdue, each with the command that does it."""

from __future__ import annotations

import typer

from careerceo.cli.common import console, context, print_json, print_table, user_errors
from careerceo.services.today import TodayItem, today_items


def register(app: typer.Typer) -> None:
    app.command("today")(today)


def command_for(item: TodayItem) -> str:
    """The command that acts on the item (the shell's half of the item's target)."""
    if item.target == "contact":
        return f"career contacts log {item.target_id} --channel email --summary '...'"
    if item.target == "opportunity":
        return f"career opportunities show {item.target_id}"
    if item.target == "milestone":
        return f"career goals milestone done m{item.target_id}"
    return f"career review --month {item.month}"


def link_for(item: TodayItem) -> str:
    """The page that acts on the item."""
    if item.target == "contact":
        return f"/contacts/{item.target_id}"
    if item.target == "opportunity":
        return f"/opportunities/{item.target_id}"
    if item.target == "milestone":
        return "/goals"
    return f"/review?month={item.month}"


@user_errors
def today(as_json: bool = typer.Option(False, "--json", help="Print JSON for scripts.")) -> None:
    """Everything due or overdue: follow-ups, next steps, next actions, milestones, review."""
    items = today_items(context())
    if as_json:
        print_json(
            [
                {
                    **item.model_dump(mode="json"),
                    "command": command_for(item),
                    "link": link_for(item),
                }
                for item in items
            ]
        )
        return
    if not items:
        console.print("Nothing is due today.")
        return
    print_table(
        "Due today",
        ["due", "what", "", "do it with"],
        (
            [
                item.due if not item.overdue_days else f"{item.due} ({item.overdue_days}d late)",
                item.title,
                item.detail,
                command_for(item),
            ]
            for item in items
        ),
    )
