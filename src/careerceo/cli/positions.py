"""``career positions``: the positions you have held, the current one without an end date."""

from __future__ import annotations

from datetime import date
from typing import Any

import typer

from careerceo.cli.common import console, context, print_json, print_table, user_errors
from careerceo.errors import CareerError
from careerceo.model.position import PositionOut
from careerceo.services import positions as service

positions_app = typer.Typer(help="Your work history.")

DATE_HELP = "YYYY-MM or YYYY-MM-DD"


def register(app: typer.Typer) -> None:
    app.add_typer(positions_app, name="positions")


def _when(value: date | None) -> str:
    return value.isoformat() if value else ""


def _line(position: PositionOut, verb: str) -> None:
    end = _when(position.end_date) or "now"
    start = _when(position.start_date) or "?"
    console.print(
        f"{verb} [bold]{position.title}[/] at [bold]{position.employer}[/] "
        f"(#{position.id}), {start} to {end}.",
        highlight=False,
    )


@positions_app.command("add")
@user_errors
def add(
    employer: str = typer.Option(..., "--employer", help="Who you worked for."),
    title: str = typer.Option(..., "--title", help="Your job title."),
    start: str | None = typer.Option(None, "--start", help=f"Start date, {DATE_HELP}."),
    end: str | None = typer.Option(None, "--end", help=f"End date, {DATE_HELP}; omit if current."),
    location: str = typer.Option("", "--location", help="Where."),
    description: str = typer.Option("", "--description", help="What you did."),
    occupation: str | None = typer.Option(
        None, "--occupation", help="O*NET-SOC code, e.g. 15-1252.00."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the new position as JSON."),
) -> None:
    """Add a position."""
    position = service.add_position(
        context(),
        {
            "employer": employer,
            "title": title,
            "start_date": start,
            "end_date": end,
            "location": location,
            "description": description,
            "occupation_code": occupation,
        },
    )
    if as_json:
        print_json(position.model_dump(mode="json"))
    else:
        _line(position, "Added")


@positions_app.command("list")
@user_errors
def list_positions(
    current: bool = typer.Option(False, "--current", help="Only positions you still hold."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for scripts."),
) -> None:
    """List positions, current ones first, then the most recent."""
    positions = service.list_positions(context(), current_only=current)
    if as_json:
        print_json([p.model_dump(mode="json") for p in positions])
        return
    print_table(
        "Positions",
        ["#", "title", "employer", "from", "to", "location", "O*NET"],
        (
            [
                p.id,
                p.title,
                p.employer,
                _when(p.start_date),
                _when(p.end_date) or "now",
                p.location,
                p.occupation_code,
            ]
            for p in positions
        ),
        empty="No positions yet. Add one: career positions add --employer Acme --title Engineer",
    )


@positions_app.command("show")
@user_errors
def show(
    position_id: int = typer.Argument(..., help="The position's # from `career positions list`."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for scripts."),
) -> None:
    """Show one position."""
    position = service.get_position(context(), position_id)
    if as_json:
        print_json(position.model_dump(mode="json"))
        return
    _line(position, "")
    if position.description:
        console.print(position.description, highlight=False)


@positions_app.command("edit")
@user_errors
def edit(
    position_id: int = typer.Argument(..., help="The position's # from `career positions list`."),
    employer: str | None = typer.Option(None, "--employer"),
    title: str | None = typer.Option(None, "--title"),
    start: str | None = typer.Option(None, "--start", help=f"{DATE_HELP} ('' clears it)."),
    end: str | None = typer.Option(None, "--end", help=f"{DATE_HELP} ('' means current)."),
    current: bool = typer.Option(False, "--current", help="You still hold it: clear the end."),
    location: str | None = typer.Option(None, "--location"),
    description: str | None = typer.Option(None, "--description"),
    occupation: str | None = typer.Option(None, "--occupation", help="'' clears it."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Change the fields you give; the others stay as they are."""
    given: dict[str, Any] = {
        "employer": employer,
        "title": title,
        "start_date": start,
        "end_date": "" if current else end,
        "location": location,
        "description": description,
        "occupation_code": occupation,
    }
    changes = {key: value for key, value in given.items() if value is not None}
    if not changes:
        raise CareerError("give at least one field to change, e.g. --end 2024-06")
    position = service.update_position(context(), position_id, changes)
    if as_json:
        print_json(position.model_dump(mode="json"))
    else:
        _line(position, "Updated")


@positions_app.command("remove")
@user_errors
def remove(
    position_id: int = typer.Argument(..., help="The position's # from `career positions list`."),
) -> None:
    """Remove a position."""
    _line(service.remove_position(context(), position_id), "Removed")
