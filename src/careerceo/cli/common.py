"""Shared plumbing for CLI commands: the context, tables, JSON output, and errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from careerceo.cli.actions import command
from careerceo.errors import CareerError

if TYPE_CHECKING:  # the database layer loads when a command first needs the context
    from careerceo.services.context import AppContext

console = Console()
err_console = Console(stderr=True)

_context: AppContext | None = None

P = ParamSpec("P")
R = TypeVar("R")


def context() -> AppContext:
    """The process-wide context, opened (and the database migrated) on first use."""
    global _context
    if _context is None:
        from careerceo.services.context import AppContext

        _context = AppContext()
    return _context


def reset_context() -> None:
    """Forget the context so the next command re-reads the environment (used by tests)."""
    global _context
    if _context is not None and "db" in _context.__dict__:
        _context.db.dispose()
    _context = None


def fail(message: str) -> NoReturn:
    # soft_wrap: the message stays one line however narrow the terminal is.
    # A file name from the shell can hold bytes that are not UTF-8 (Python keeps them as lone
    # surrogates); they are shown as U+FFFD rather than crashing the terminal write.
    printable = message.encode("utf-8", "replace").decode("utf-8")
    err_console.print(f"[bold red]Error:[/] {printable}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=2)


def validation_message(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "value"
    return f"{where}: {first['msg']}"


def error_line(exc: CareerError) -> str:
    """``field: message``, unless the message already starts by naming its field; the next
    step, when the error names one, as the command that does it."""
    line = exc.message if exc.field and exc.message.startswith(exc.field) else str(exc)
    return f"{line} ({command(exc.action)})" if exc.action else line


def user_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn the errors a user can cause into one red line and exit code 2."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except CareerError as exc:
            fail(escape(error_line(exc)))
        except ValidationError as exc:
            fail(validation_message(exc))
        except OverflowError:
            # SQLite cannot hold or compare an integer past 2**63 (a mistyped id).
            fail("a number you gave is out of range (ids have at most 18 digits); check it")

    return wrapper


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot serialise {type(value).__name__}")


def print_json(data: Any) -> None:
    """Plain JSON on stdout, for scripts: no colour, no wrapping."""
    typer.echo(json.dumps(data, default=_default, ensure_ascii=False, indent=2))


def print_table(
    title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], *, empty: str = ""
) -> None:
    rows = list(rows)
    if not rows and empty:
        console.print(empty)
        return
    table = Table(title=title, header_style="bold")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    console.print(table)


def preload(*names: str) -> None:
    """Load what a command needs before it starts, with a spinner on an interactive terminal.

    The loads are cached per process, so the command's own calls then return at once; a first
    run that takes seconds shows what it is waiting for instead of looking hung.
    """
    from careerceo.services.warmup import LOADERS

    for name in names:
        label, loader = LOADERS[name]
        if err_console.is_terminal:
            with err_console.status(f"Loading {label}..."):
                loader()
        else:
            loader()


def read_text_argument(file: str, made_by: str) -> str:
    """The text of a FILE argument ('-' reads stdin), with the problem named when it cannot
    be read; ``made_by`` says what kind of file was expected."""
    if file == "-":
        return sys.stdin.read()
    path = Path(file).expanduser()
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CareerError(
            f"{path} does not exist; give the path of a backup", field="FILE"
        ) from None
    except UnicodeDecodeError:
        raise CareerError(f"{path} is not UTF-8 text; give {made_by}", field="FILE") from None
    except OSError as exc:
        raise CareerError(f"cannot read {path} ({exc.strerror})", field="FILE") from None
