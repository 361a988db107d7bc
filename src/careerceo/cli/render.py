"""How a command answers and what it asks: the shapes every command shares, written once.

A command that shows something has a value and two readers: a script (``--json``: the value
itself, every field) and a person (a table or a few lines). ``present`` and ``present_rows``
make that choice in one place, so a command says only what its value is and how a person reads
it. The options every command takes (``--json``, ``--yes``, a row's #), the fields a user gave,
the question before a deletion, and the files a user names to read or write are here too, so
that each behaves and fails the same way in every command.

``given(locals())`` is deliberate: a command's parameters are the list of fields it passes on,
written once as its options; ``rename`` maps the few whose option name differs from the field's.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import typer

from careerceo.cli.common import console, print_json, print_table
from careerceo.errors import CareerError
from careerceo.files import replace_private

T = TypeVar("T")

JSON = typer.Option(False, "--json", help="Print JSON for scripts.")
YES = typer.Option(False, "--yes", help="Do not ask")
# the two options of every command that writes a backup with ``write_private``
BACKUP_TO = typer.Argument(..., help="Where to write the backup; '-' writes to stdout.")
OVERWRITE = typer.Option(False, "--force", "-f", help="Overwrite an existing file.")


def say(text: str) -> None:
    """One line for a person, as written: numbers and paths are not coloured by guesswork."""
    console.print(text, highlight=False)


def present(value: T, as_json: bool, as_text: Callable[[T], object]) -> None:
    """``value`` as JSON for a script, or as ``as_text`` prints it for a person."""
    if as_json:
        print_json(value)
    else:
        as_text(value)


def present_rows(
    rows: Sequence[T],
    as_json: bool,
    title: str,
    columns: Sequence[str],
    row: Callable[[T], Sequence[Any]],
    *,
    empty: str = "",
) -> None:
    """A list as JSON for a script (every field of every row), or as a table for a person:
    one ``row`` of cells per item, and ``empty`` said instead of an empty table."""
    if as_json:
        print_json(list(rows))
    else:
        print_table(title, columns, (row(item) for item in rows), empty=empty)


def labelled(pairs: Iterable[tuple[str, Any]]) -> None:
    """``Label: value`` lines, leaving out what is not known (``None`` or empty)."""
    for label, value in pairs:
        if value not in (None, ""):
            say(f"[bold]{label}:[/] {value}")


def flagged(label: str, lines: Iterable[str]) -> None:
    """Warnings and notes, each on its own line behind a yellow ``label``."""
    for line in lines:
        say(f"[yellow]{label}:[/] {line}")


def given(
    values: Mapping[str, Any],
    *,
    rename: Mapping[str, str] | None = None,
    leave_out: Iterable[str] = (),
) -> dict[str, Any]:
    """The options a user gave (those left at ``None`` were not), named as the service names
    its fields. A command passes its ``locals()``: the parameters are the field list, once."""
    names = rename or {}
    skip = {"as_json", *leave_out}
    return {
        names.get(key, key): value
        for key, value in values.items()
        if value is not None and key not in skip
    }


def changes(example: str, values: Mapping[str, Any], **options: Any) -> dict[str, Any]:
    """``given`` for an edit, which must change something: with nothing given, the error says
    so and shows an ``example`` option."""
    found = given(values, **options)
    if not found:
        raise CareerError(f"give at least one field to change, e.g. {example}")
    return found


def row_id(what: str, listed_by: str) -> Any:
    """The argument that names one row by the # its list (``career LISTED_BY list``) shows."""
    return typer.Argument(..., help=f"The {what}'s # from `career {listed_by} list`.")


def delete(what: str, row: int, label: str, yes: bool, remove: Callable[[], object]) -> None:
    """Ask, delete, then say so: every ``remove`` that cannot be undone, in one shape and
    the same words ("Delete plan #3 (its title)?", "Deleted plan #3.")."""
    confirm(f"Delete {what} #{row} ({label})?", yes)
    remove()
    console.print(f"Deleted {what} #{row}.")


def confirm(question: str, yes: bool) -> None:
    """Ask before something that cannot be undone, unless ``--yes`` said so already; a "no"
    ends the command with exit code 1 and nothing changed."""
    if not yes and not typer.confirm(question):
        raise typer.Exit(code=1)


def write_file(path: Path | str, data: str | bytes, field: str | None = None) -> None:
    """Write what a command made to the file the user named; when it cannot be written, say
    why and what to do, in one line."""
    target = Path(path)
    try:
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8", newline="")
    except OSError as exc:
        raise CareerError(
            f"cannot write {path}: {exc.strerror}; choose another path", field=field
        ) from None


def write_private(file: str, force: bool, make: Callable[[], str]) -> tuple[Path | None, int]:
    """Write what ``make`` returns (a backup) to FILE, readable by its owner only, or to stdout
    for '-'. An existing file is refused before anything is made, unless ``force``. Returns the
    path written (None for stdout) and its size in bytes."""
    path = None if file == "-" else Path(file).expanduser()
    if path is not None and path.exists() and not force:
        raise CareerError(
            f"{path} already exists; choose another name or add --force to overwrite it",
            field="FILE",
        )
    text = make()
    if path is None:
        sys.stdout.write(text)
    else:
        try:
            replace_private(path, text)
        except OSError as exc:
            raise CareerError(
                f"cannot write {path} ({exc.strerror}); choose another place"
            ) from None
    return path, len(text.encode("utf-8"))


def read_file(path: Path | str, field: str | None = None) -> bytes:
    """The bytes of a file the user named; when it cannot be read, say why in one line."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CareerError(f"cannot read {path}: {exc.strerror}", field=field) from None
