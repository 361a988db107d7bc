"""``career calendar export``: the monthly review (recurring) and milestone due dates as .ics."""

from __future__ import annotations

from pathlib import Path

import typer

from careerceo.analysis.wording import plural
from careerceo.cli.common import console, context, fail, user_errors
from careerceo.services import direction as service

calendar_app = typer.Typer(help="Calendar export: the monthly review and milestone due dates.")


@calendar_app.command("export")
@user_errors
def calendar_export(
    file: Path = typer.Argument(..., help="Where to write the .ics file."),
    weekday: str = typer.Option(
        "MO", "--weekday", help="Review on the first MO..SU of each month."
    ),
    day: int | None = typer.Option(None, "--day", help="Or on this day of the month (1-28)."),
) -> None:
    """Write the monthly review (recurring) and milestone due dates as an .ics file."""
    data = service.calendar_ics(context(), weekday=weekday, day=day)
    try:
        file.write_bytes(data)
    except OSError as exc:
        fail(f"cannot write {file}: {exc.strerror}")
    console.print(
        f"Wrote {file} ({plural(data.count(b'BEGIN:VEVENT'), 'event')}). "
        "Import it into your calendar.",
        soft_wrap=True,  # a path cut across lines cannot be copied
        highlight=False,
    )
