"""``career backup`` and ``career restore``: the whole practice, for its admin on the server."""

from __future__ import annotations

import typer

from careerceo.cli.common import console, context, err_console, read_text_argument, user_errors
from careerceo.cli.render import BACKUP_TO, OVERWRITE, write_private
from careerceo.services import practice_backup as service


def register(app: typer.Typer) -> None:
    app.command("backup")(backup)
    app.command("restore")(restore)


@user_errors
def backup(
    file: str = BACKUP_TO,
    force: bool = OVERWRITE,
) -> None:
    """Back up the whole database (every account, client, grant, comment and audit event)."""
    path, size = write_private(file, force, lambda: service.backup_text(context().db))
    if path is not None:
        console.print(f"Practice backup written to [bold]{path}[/] ({size} bytes, mode 0600).")


@user_errors
def restore(
    file: str = typer.Argument(..., help="A file made by `career backup`; '-' reads stdin."),
    force: bool = typer.Option(
        False, "--force", help="Replace everything in a database that is not empty."
    ),
) -> None:
    """Restore a practice backup into an empty database (CAREER_DATABASE_URL or the data
    directory); nothing is written if anything is wrong."""
    text = read_text_argument(file, "a file made by `career backup`")
    ctx = context()
    restored = service.restore_text(ctx.db, text, ctx.settings.data_dir, force=force)
    counts = restored.counts
    made = restored.made_at.strftime("%Y-%m-%d %H:%M UTC")
    err_console.print(
        f"Restored {sum(counts.values())} row(s) in {len(counts)} table(s): "
        f"{counts.get('account', 0)} account(s), {counts.get('person', 0)} person(s), as they "
        f"were at {made}. Password resets, disabled accounts and revoked tokens after that "
        "time are not in the backup: repeat them.",
        highlight=False,
    )
