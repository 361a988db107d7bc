"""``career export`` and ``career import``: a full JSON backup of everything you own."""

from __future__ import annotations

import typer

from careerceo.cli.common import console, context, err_console, read_text_argument, user_errors
from careerceo.cli.render import BACKUP_TO, OVERWRITE, write_private
from careerceo.services import backup as service


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_)


@user_errors
def export(
    file: str = BACKUP_TO,
    force: bool = OVERWRITE,
    for_sharing: bool = typer.Option(
        False,
        "--for-sharing",
        help="Leave out reference collections (other people's profiles) not marked for sharing.",
    ),
) -> None:
    """Write a complete, versioned JSON backup of everything you own."""
    path, size = write_private(
        file, force, lambda: service.export_backup(context(), for_sharing=for_sharing)
    )
    if path is not None:
        console.print(f"Backup written to [bold]{path}[/] ({size} bytes).")


@user_errors
def import_(
    file: str = typer.Argument(..., help="A file made by `career export`; '-' reads stdin."),
) -> None:
    """Restore a backup into an empty database; nothing is written if anything is wrong."""
    text = read_text_argument(file, "a JSON file made by `career export`")
    counts = service.import_backup(context(), text)
    total = sum(counts.values())
    detail = ", ".join(f"{n} {name}" for name, n in sorted(counts.items())) or "profile only"
    err_console.print(f"Imported {total} row(s): {detail}.", highlight=False)
