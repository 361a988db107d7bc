"""``career exit new|edit|show|add-item|update-item|remove-item|due|letter``: leaving well."""

from __future__ import annotations

from typing import Any

import typer

from careerceo.cli.common import console, context, fail, print_json, print_table, user_errors
from careerceo.cli.render import JSON, flagged, given, present, say, write_file
from careerceo.services import exit_plan as service

exit_app = typer.Typer(
    help="Leave well: relationships to keep, disputes to settle, handover, references, dates, "
    "a checklist, and the covenants you recorded from your contract (noted, not interpreted)."
)

# the options' names that are not the fields' names
RENAMED = {
    "notice_given": "notice_given_on",
    "position": "position_id",
    "due": "due_on",
    "cadence": "cadence_days",
}
KINDS = "relationship, dispute, handover, reference, checklist or covenant"


@exit_app.command("new")
@user_errors
def new(
    last_day: str = typer.Option(..., "--last-day", help="Your last day (YYYY-MM-DD)"),
    notice_given: str | None = typer.Option(None, "--notice-given", help="YYYY-MM-DD"),
    employer: str = typer.Option("", "--employer", help="Defaults to your current position's"),
    position: int | None = typer.Option(None, "--position", help="The position you are leaving"),
    notes: str = typer.Option("", "--notes"),
    as_json: bool = JSON,
) -> None:
    """Start the exit plan; a dated checklist comes with it."""
    present(service.new_plan(context(), given(locals(), rename=RENAMED)), as_json, _print_started)


def _print_started(view: service.ExitPlanView) -> None:
    where = f" at {view.employer}" if view.employer else ""
    say(
        f"Exit plan #{view.id}: last day{where} {view.last_day} ({view.days_left} days), "
        f"{len(view.items)} checklist steps added. See: career exit show"
    )


@exit_app.command("edit")
@user_errors
def edit(
    last_day: str | None = typer.Option(None, "--last-day"),
    notice_given: str | None = typer.Option(None, "--notice-given"),
    employer: str | None = typer.Option(None, "--employer"),
    notes: str | None = typer.Option(None, "--notes"),
) -> None:
    """Change the plan's dates or notes."""
    view = service.edit_plan(context(), given(locals(), rename=RENAMED))
    say(f"Updated: last day {view.last_day}.")


@exit_app.command("show")
@user_errors
def show(as_json: bool = JSON) -> None:
    """The plan: dates, every item with its status, flags and what is due."""
    present(service.show(context()), as_json, _print_plan)


def _print_plan(view: service.ExitPlanView) -> None:
    notice = f", notice given {view.notice_given_on}" if view.notice_given_on else ""
    say(
        f"[bold]Leaving {view.employer or 'your role'}[/]: last day {view.last_day} "
        f"({view.days_left} days){notice}"
    )
    print_table(
        "Exit plan",
        ["id", "kind", "item", "status", "due", "with"],
        [
            (
                i.id,
                i.kind + (f" ({i.covenant_type})" if i.covenant_type else ""),
                i.title + (" [overdue]" if i.overdue else ""),
                i.status,
                i.due_on or i.next_follow_up or "",
                i.contact or i.counterpart,
            )
            for i in view.items
        ],
    )
    for item in view.items:
        for flag in item.flags:
            say(f"[yellow]#{item.id} {item.title}[/]: {flag}")


def _pick(argument: str | None, option: str | None, name: str) -> str | None:
    if argument and option and argument != option:
        fail(f"{name} given twice ({argument!r} and {option!r}); give it once")
    return argument or option


@exit_app.command("add-item")
@user_errors
def add_item(
    kind_arg: str | None = typer.Argument(None, metavar="[KIND]", help=KINDS),
    title_arg: str | None = typer.Argument(None, metavar="[TITLE]"),
    kind: str | None = typer.Option(None, "--kind", help=KINDS),
    title: str | None = typer.Option(None, "--title"),
    detail: str = typer.Option("", "--detail"),
    due: str | None = typer.Option(None, "--due", help="YYYY-MM-DD"),
    contact: int | None = typer.Option(None, "--contact", help="Contact id in your network"),
    counterpart: str = typer.Option("", "--with", help="To whom / with whom (a name)"),
    cadence: int | None = typer.Option(
        None, "--cadence-days", help="Relationships: keep in touch every N days (default 90)"
    ),
    covenant_type: str | None = typer.Option(
        None, "--covenant-type", help="non_solicit, non_compete, confidentiality or other"
    ),
    touches: list[int] = typer.Option([], "--touches", help="Covenants: an item id it touches"),
    status: str = typer.Option("open", "--status", help="open, in_progress, done or dropped"),
    as_json: bool = JSON,
) -> None:
    """Add an item: career exit add-item handover "Payroll runbook" --with Sam --due 2027-01-10."""
    chosen_kind = _pick(kind_arg, kind, "kind")
    chosen_title = _pick(title_arg, title, "title")
    if not chosen_kind:
        fail(f"say what kind of item: {KINDS} (e.g. career exit add-item reference 'Ana Ruiz')")
    values: dict[str, Any] = {
        "kind": chosen_kind,
        "title": chosen_title or "",
        "detail": detail,
        "due_on": due,
        "contact_id": contact,
        "counterpart": counterpart,
        "cadence_days": cadence,
        "covenant_type": covenant_type,
        "touches": touches,
        "status": status,
    }
    present(service.add_item(context(), values), as_json, _print_added)


def _print_added(view: service.ExitItemView) -> None:
    say(f"Added {view.kind} #{view.id}: {view.title}")
    flagged("Note", view.flags)


@exit_app.command("update-item")
@user_errors
def update_item(
    item_id: int,
    status: str | None = typer.Option(None, "--status"),
    title: str | None = typer.Option(None, "--title"),
    detail: str | None = typer.Option(None, "--detail"),
    due: str | None = typer.Option(None, "--due"),
    counterpart: str | None = typer.Option(None, "--with"),
    cadence: int | None = typer.Option(None, "--cadence-days"),
) -> None:
    """Change an item (e.g. --status done)."""
    view = service.update_item(
        context(), item_id, given(locals(), rename=RENAMED, leave_out={"item_id"})
    )
    say(f"Updated #{view.id}: {view.title} ({view.status}).")


@exit_app.command("remove-item")
@user_errors
def remove_item(item_id: int) -> None:
    """Delete an item."""
    service.remove_item(context(), item_id)
    console.print(f"Deleted item #{item_id}.")


@exit_app.command("due")
@user_errors
def due(as_json: bool = JSON) -> None:
    """What is dated and still open, soonest first (also in the calendar export)."""
    items = service.due_items(context())
    if as_json:
        print_json([{"on": d.on, "title": d.title, "kind": d.kind} for d in items])
        return
    print_table(
        "Exit: what is due",
        ["date", "what", "kind"],
        [(d.on, d.title, d.kind) for d in items],
        empty="Nothing dated is open.",
    )


@exit_app.command("letter")
@user_errors
def letter(
    out: str | None = typer.Option(None, "--out", help="Write the draft to this file"),
) -> None:
    """A resignation letter drafted from your exit plan, position and name only; fill the
    bracketed blanks and make it yours."""
    text = service.resignation_letter(context())
    if out:
        write_file(out, text)
        say(f"Draft written to {out}.")
        return
    console.print(text, highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(exit_app, name="exit")
