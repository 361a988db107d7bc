"""``career positions``: the positions you have held, the current one without an end date."""

from __future__ import annotations

from datetime import date

import typer

from careerceo.cli.common import context, user_errors
from careerceo.cli.render import JSON, changes, present, present_rows, row_id, say
from careerceo.model.position import PositionOut
from careerceo.services import positions as service

positions_app = typer.Typer(help="Your work history.")

DATE_HELP = "YYYY-MM or YYYY-MM-DD"
RENAMED = {"start": "start_date", "end": "end_date", "occupation": "occupation_code"}


def register(app: typer.Typer) -> None:
    app.add_typer(positions_app, name="positions")


def _when(value: date | None) -> str:
    return value.isoformat() if value else ""


def _line(position: PositionOut, verb: str) -> None:
    end = _when(position.end_date) or "now"
    start = _when(position.start_date) or "?"
    say(
        f"{verb} [bold]{position.title}[/] at [bold]{position.employer}[/] "
        f"(#{position.id}), {start} to {end}."
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
    present(position, as_json, lambda p: _line(p, "Added"))


@positions_app.command("list")
@user_errors
def list_positions(
    current: bool = typer.Option(False, "--current", help="Only positions you still hold."),
    as_json: bool = JSON,
) -> None:
    """List positions, current ones first, then the most recent."""
    present_rows(
        service.list_positions(context(), current_only=current),
        as_json,
        "Positions",
        ["#", "title", "employer", "from", "to", "location", "O*NET"],
        lambda p: [
            p.id,
            p.title,
            p.employer,
            _when(p.start_date),
            _when(p.end_date) or "now",
            p.location,
            p.occupation_code,
        ],
        empty="No positions yet. Add one: career positions add --employer Acme --title Engineer",
    )


@positions_app.command("show")
@user_errors
def show(position_id: int = row_id("position", "positions"), as_json: bool = JSON) -> None:
    """Show one position."""
    present(service.get_position(context(), position_id), as_json, _print_position)


def _print_position(position: PositionOut) -> None:
    _line(position, "")
    if position.description:
        say(position.description)


@positions_app.command("edit")
@user_errors
def edit(
    position_id: int = row_id("position", "positions"),
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
    end = "" if current else end
    fields = changes(
        "--end 2024-06", locals(), rename=RENAMED, leave_out={"position_id", "current"}
    )
    position = service.update_position(context(), position_id, fields)
    present(position, as_json, lambda p: _line(p, "Updated"))


@positions_app.command("remove")
@user_errors
def remove(
    position_id: int = row_id("position", "positions"),
) -> None:
    """Remove a position."""
    _line(service.remove_position(context(), position_id), "Removed")
