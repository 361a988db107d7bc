"""``career inventory``: the skills, knowledge and attributes you keep, drop or add."""

from __future__ import annotations

import typer

from careerceo.cli.common import context, user_errors
from careerceo.cli.render import JSON, changes, given, present, present_rows, row_id, say
from careerceo.model.inventory import LEVELS, InventoryOut
from careerceo.services import inventory as service

inventory_app = typer.Typer(help="Your inventory of skills, knowledge and attributes.")

KIND_HELP = "skill, knowledge or attribute"
LEVEL_HELP = "1 (aware) to 5 (expert)"
INTENT_HELP = "keep (use it), drop (stop being hired for it) or add (a gap to close)"


def register(app: typer.Typer) -> None:
    app.add_typer(inventory_app, name="inventory")


def _line(entry: InventoryOut, verb: str) -> None:
    say(
        f"{verb} {entry.kind} [bold]{entry.name}[/] (#{entry.id}): level {entry.level} "
        f"({LEVELS[entry.level]}), intent {entry.intent}."
    )


@inventory_app.command("add")
@user_errors
def add(
    name: str = typer.Argument(..., help="The skill, knowledge area or attribute."),
    kind: str = typer.Option("skill", "--kind", "-k", help=KIND_HELP),
    level: str = typer.Option("3", "--level", "-l", help=LEVEL_HELP),
    intent: str = typer.Option("keep", "--intent", "-i", help=INTENT_HELP),
    evidence: str = typer.Option("", "--evidence", "-e", help="Where you showed it."),
    taxonomy: str | None = typer.Option(None, help="onet, esco or tech (linked concept)."),
    concept_id: str | None = typer.Option(None, "--concept-id", help="The concept's id."),
    as_json: bool = typer.Option(False, "--json", help="Print the new entry as JSON."),
) -> None:
    """Add an entry."""
    entry = service.add_entry(context(), given(locals()))
    present(entry, as_json, lambda e: _line(e, "Added"))


@inventory_app.command("list")
@user_errors
def list_entries(
    kind: str | None = typer.Option(None, "--kind", "-k", help=f"Only this kind: {KIND_HELP}."),
    intent: str | None = typer.Option(None, "--intent", "-i", help="Only keep, drop or add."),
    as_json: bool = JSON,
) -> None:
    """List entries, optionally only one kind or intent."""
    entries = service.list_entries(
        context(),
        kind=kind.strip().lower() if kind else None,
        intent=intent.strip().lower() if intent else None,
    )
    present_rows(
        entries,
        as_json,
        "Inventory",
        ["#", "kind", "name", "level", "intent", "evidence"],
        lambda e: [e.id, e.kind, e.name, f"{e.level} {LEVELS[e.level]}", e.intent, e.evidence[:60]],
        empty="No entries yet. Add one: career inventory add 'Python' --level 4",
    )


@inventory_app.command("show")
@user_errors
def show(entry_id: int = row_id("entry", "inventory"), as_json: bool = JSON) -> None:
    """Show one entry."""
    present(service.get_entry(context(), entry_id), as_json, _print_entry)


def _print_entry(entry: InventoryOut) -> None:
    _line(entry, "The")
    if entry.evidence:
        say(f"Evidence: {entry.evidence}")


@inventory_app.command("edit")
@user_errors
def edit(
    entry_id: int = row_id("entry", "inventory"),
    name: str | None = typer.Option(None, "--name", help="New name."),
    kind: str | None = typer.Option(None, "--kind", "-k", help=KIND_HELP),
    level: str | None = typer.Option(None, "--level", "-l", help=LEVEL_HELP),
    intent: str | None = typer.Option(None, "--intent", "-i", help=INTENT_HELP),
    evidence: str | None = typer.Option(None, "--evidence", "-e", help="Where you showed it."),
    taxonomy: str | None = typer.Option(None, help="onet, esco or tech ('' clears it)."),
    concept_id: str | None = typer.Option(None, "--concept-id", help="'' clears it."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Change the fields you give; the others stay as they are."""
    fields = changes("--level 4", locals(), leave_out={"entry_id"})
    entry = service.update_entry(context(), entry_id, fields)
    present(entry, as_json, lambda e: _line(e, "Updated"))


@inventory_app.command("remove")
@user_errors
def remove(
    entry_id: int = row_id("entry", "inventory"),
) -> None:
    """Remove an entry."""
    entry = service.remove_entry(context(), entry_id)
    _line(entry, "Removed")
