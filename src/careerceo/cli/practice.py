"""``career backup`` and ``career restore``: the whole practice, for its admin on the server."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import typer

from careerceo.cli.common import console, context, err_console, user_errors
from careerceo.errors import CareerError
from careerceo.services import practice_backup as service


def register(app: typer.Typer) -> None:
    app.command("backup")(backup)
    app.command("restore")(restore)


def _write_private(path: Path, text: str) -> None:
    """Write 0600 beside the target and rename over it: the file holds every client's data and
    password hash, and a half-written backup is worse than none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@user_errors
def backup(
    file: str = typer.Argument(..., help="Where to write the backup; '-' writes to stdout."),
    force: bool = typer.Option(False, "--force", "-f", help="Overwrite an existing file."),
) -> None:
    """Back up the whole database (every account, client, grant, comment and audit event)."""
    path = None if file == "-" else Path(file).expanduser()
    if path is not None and path.exists() and not force:
        raise CareerError(
            f"{path} already exists; choose another name or add --force to overwrite it",
            field="FILE",
        )
    text = service.backup_text(context().db)
    if path is None:
        sys.stdout.write(text)
        return
    try:
        _write_private(path, text)
    except OSError as exc:
        raise CareerError(f"cannot write {path} ({exc.strerror}); choose another place") from None
    size = len(text.encode("utf-8"))
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
    if file == "-":
        text = sys.stdin.read()
    else:
        path = Path(file).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CareerError(
                f"{path} does not exist; give the path of a backup", field="FILE"
            ) from None
        except UnicodeDecodeError:
            raise CareerError(
                f"{path} is not UTF-8 text; give a file made by `career backup`", field="FILE"
            ) from None
        except OSError as exc:
            raise CareerError(f"cannot read {path} ({exc.strerror})", field="FILE") from None
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
