"""``career contacts``: the network, the interaction log, follow-ups and imports."""

from __future__ import annotations

from pathlib import Path

import typer

from careerceo.cli.common import (
    context,
    err_console,
    print_json,
    print_table,
    user_errors,
)
from careerceo.cli.render import (
    JSON,
    changes,
    given,
    labelled,
    present,
    present_rows,
    row_id,
    say,
    write_file,
)
from careerceo.errors import CareerError
from careerceo.model.network import ContactOut, InteractionOut
from careerceo.services import contacts as service
from careerceo.services.contacts import ContactDetail

contacts_app = typer.Typer(help="Your network: people, conversations and follow-ups.")

TAGS_HELP = (
    "Comma-separated: decision maker, recruiter, hiring manager, peer, former manager, "
    "former report, mentor, referrer."
)
HOW_HELP = "worked above you, worked beside you, worked below you, school or other."
CADENCE_HELP = "Days between follow-ups; 'none' for no cadence, 'default' for the tag default."


def register(app: typer.Typer) -> None:
    app.add_typer(contacts_app, name="contacts")


def _line(contact: ContactOut, verb: str) -> None:
    where = f", {contact.title}" if contact.title else ""
    where += f" at {contact.company}" if contact.company else ""
    say(f"{verb} [bold]{contact.name}[/] (#{contact.id}){where}.")


# the options add and edit share, declared once
InSearchOpt = typer.Option(
    None, "--in-search/--not-in-search", help="Part of your search (gets a cadence)."
)
TitleOpt = typer.Option(None, "--title", "-t")
EmailOpt = typer.Option(None, "--email")
PhoneOpt = typer.Option(None, "--phone")
LinkedInOpt = typer.Option(None, "--linkedin")
HowOpt = typer.Option(None, "--how", help=HOW_HELP)
TagsOpt = typer.Option(None, "--tags", help=TAGS_HELP)
CadenceOpt = typer.Option(None, "--cadence", help=CADENCE_HELP)
# the options' names that are not the fields' names
RENAMED = {
    "cadence": "cadence_days",
    "snooze": "snoozed_until",
    "due": "follow_up_on",
    "on": "happened_on",
}


@contacts_app.command("add")
@user_errors
def add(
    name: str = typer.Argument(..., help="Their full name."),
    company: str | None = typer.Option(None, "--company", "-c"),
    title: str | None = TitleOpt,
    email: str | None = EmailOpt,
    phone: str | None = PhoneOpt,
    linkedin_url: str | None = LinkedInOpt,
    relationship: str | None = HowOpt,
    tags: str | None = TagsOpt,
    in_search: bool | None = InSearchOpt,
    cadence: str | None = CadenceOpt,
    notes: str | None = typer.Option(None, "--notes"),
    as_json: bool = typer.Option(False, "--json", help="Print the new contact as JSON."),
) -> None:
    """Add a contact."""
    contact = service.add_contact(context(), given(locals(), rename=RENAMED))
    present(contact, as_json, lambda c: _line(c, "Added"))


@contacts_app.command("list")
@user_errors
def list_contacts(
    search: str = typer.Option("", "--search", "-s", help="Name, title or e-mail contains."),
    company_id: int | None = typer.Option(None, "--company-id", help="Only this company."),
    in_search: bool | None = typer.Option(None, "--in-search/--not-in-search"),
    quiet_months: int | None = typer.Option(
        None, "--not-since", help="Only people not talked to in this many months."
    ),
    as_json: bool = JSON,
) -> None:
    """List contacts (or, with --not-since N, who has gone quiet, most important first)."""
    ctx = context()
    if quiet_months is not None:
        _list_quiet(quiet_months, as_json)
        return
    page = service.list_contacts(ctx, query=search, company_id=company_id, in_search=in_search)
    present_rows(
        page.contacts,
        as_json,
        f"Contacts ({page.total})",
        ["#", "name", "title", "company", "tags", "last contact", "follow up"],
        lambda c: [
            c.id,
            c.name,
            c.title,
            c.company,
            ", ".join(c.tags),
            c.last_contact or "",
            c.next_follow_up or "",
        ],
        empty="No contacts yet. Import your LinkedIn connections: career contacts import "
        "Connections.csv",
    )


def _list_quiet(quiet_months: int, as_json: bool) -> None:
    """Who has gone quiet for ``quiet_months``, most important first, and why."""
    quiet = service.quiet(context(), quiet_months)
    if as_json:
        print_json(
            [
                {
                    "id": q.quiet.contact_id,
                    "name": q.quiet.name,
                    "company": q.company,
                    "last_contact": q.quiet.last_contact,
                    "why": q.quiet.reason,
                }
                for q in quiet
            ]
        )
        return
    print_table(
        f"Not talked to in {quiet_months} months",
        ["#", "name", "company", "last contact", "why first"],
        (
            [
                q.quiet.contact_id,
                q.quiet.name,
                q.company,
                q.quiet.last_contact or "never",
                q.quiet.reason,
            ]
            for q in quiet
        ),
        empty="Everyone who matters has heard from you recently.",
    )


@contacts_app.command("show")
@user_errors
def show(contact_id: int = row_id("contact", "contacts"), as_json: bool = JSON) -> None:
    """A contact with their interaction log and when to follow up."""
    present(service.get_contact(context(), contact_id), as_json, _print_contact)


def _print_contact(detail: ContactDetail) -> None:
    c = detail.contact
    _line(c, "Contact")
    labelled(
        (
            ("E-mail", c.email),
            ("Phone", c.phone),
            ("LinkedIn", c.linkedin_url),
            ("How you know them", c.relationship),
            ("Tags", ", ".join(c.tags)),
            ("Notes", c.notes),
        )
    )
    for past in c.history:
        say(
            f"[bold]Earlier:[/] {past.get('title') or ''} at {past.get('company') or '?'} "
            f"(until {past.get('until')})"
        )
    if detail.cadence:
        say(f"Cadence: every {detail.cadence} days; next follow-up {c.next_follow_up}.")
    else:
        say("No cadence: not part of the search.")
    print_table(
        "Interactions",
        ["#", "date", "channel", "summary", "next step", "due"],
        (
            [i.id, i.happened_on, i.channel, i.summary, i.next_step, i.follow_up_on or ""]
            for i in detail.interactions
        ),
        empty=f"No interactions logged. Log one: career contacts log {c.id} --channel email "
        "--summary '...'",
    )


@contacts_app.command("edit")
@user_errors
def edit(
    contact_id: int = row_id("contact", "contacts"),
    name: str | None = typer.Option(None, "--name"),
    company: str | None = typer.Option(None, "--company", "-c", help="'' clears it."),
    title: str | None = TitleOpt,
    email: str | None = EmailOpt,
    phone: str | None = PhoneOpt,
    linkedin_url: str | None = LinkedInOpt,
    relationship: str | None = HowOpt,
    tags: str | None = TagsOpt,
    in_search: bool | None = InSearchOpt,
    cadence: str | None = CadenceOpt,
    snooze: str | None = typer.Option(None, "--snooze", help="No follow-up until YYYY-MM-DD."),
    retired: bool | None = typer.Option(None, "--retire/--unretire", help="Stop following up."),
    unreachable: bool | None = typer.Option(
        None, "--unreachable/--reachable", help="No way to reach them (off the due list)."
    ),
    notes: str | None = typer.Option(None, "--notes"),
    as_json: bool = JSON,
) -> None:
    """Change the fields you give; a new employer or title keeps the old one in the history."""
    fields = changes("--tags 'decision maker'", locals(), rename=RENAMED, leave_out={"contact_id"})
    contact = service.update_contact(context(), contact_id, fields)
    present(contact, as_json, lambda c: _line(c, "Updated"))


@contacts_app.command("remove")
@user_errors
def remove(contact_id: int = row_id("contact", "contacts")) -> None:
    """Remove a contact and their interaction log."""
    _line(service.remove_contact(context(), contact_id), "Removed")


@contacts_app.command("merge")
@user_errors
def merge(
    keep_id: int = typer.Argument(..., help="The contact # to keep."),
    other_id: int = typer.Argument(..., help="The duplicate # folded into it, then removed."),
    as_json: bool = JSON,
) -> None:
    """Merge a possible duplicate (an import lists them) into the contact you keep: its
    conversations, opportunity links, tags, employer history and missing details move over."""
    kept = service.merge_contacts(context(), keep_id, other_id)
    present(kept, as_json, lambda c: _line(c, f"Merged #{other_id} into"))


@contacts_app.command("log")
@user_errors
def log(
    contact_id: int = row_id("contact", "contacts"),
    channel: str = typer.Option("email", "--channel", help="email, call, meeting, linkedin, event"),
    summary: str = typer.Option("", "--summary", "-s", help="What was said."),
    next_step: str = typer.Option("", "--next", help="The next step you agreed."),
    due: str | None = typer.Option(None, "--due", help="When the next step is due (YYYY-MM-DD)."),
    on: str | None = typer.Option(None, "--date", help="When it happened (default today)."),
    opportunity_id: str | None = typer.Option(None, "--opportunity", help="An opportunity #."),
    as_json: bool = JSON,
) -> None:
    """Log a conversation; it resets the contact's follow-up cadence."""
    fields = given(locals(), rename=RENAMED, leave_out={"contact_id"})
    present(service.log_interaction(context(), contact_id, fields), as_json, _print_logged)


def _print_logged(entry: InteractionOut) -> None:
    due_text = f"; next step due {entry.follow_up_on}" if entry.follow_up_on else ""
    say(f"Logged {entry.channel} on {entry.happened_on} (#{entry.id}){due_text}.")


@contacts_app.command("done")
@user_errors
def done(interaction_id: int = typer.Argument(..., help="The interaction's #.")) -> None:
    """Mark an interaction's next step as done."""
    entry = service.complete_step(context(), interaction_id)
    say(f"Done: {entry.next_step or 'next step'} (#{entry.id}).")


@contacts_app.command("draft")
@user_errors
def draft(
    contact_id: int = row_id("contact", "contacts"),
    channel: str = typer.Option("email", "--channel", help="email or linkedin"),
) -> None:
    """A short follow-up draft from what you logged (edit it before sending)."""
    result = service.draft(context(), contact_id, channel)
    if result.subject:
        typer.echo(f"Subject: {result.subject}\n")
    typer.echo(result.body)


@contacts_app.command("vcard")
@user_errors
def vcard(
    contact_ids: list[int] | None = typer.Argument(None, help="Contacts' # (all when none)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to FILE.vcf."),
) -> None:
    """Contacts as vCards (4.0) for a phone's address book."""
    text = service.vcard_text(context(), contact_ids or None)
    if output is None:
        typer.echo(text, nl=False)
        return
    write_file(output, text)
    say(f"Wrote {text.count('BEGIN:VCARD')} vCards to {output}.")


@contacts_app.command("import")
@user_errors
def import_file(
    file: Path = typer.Argument(..., help="LinkedIn Connections.csv, or the export ZIP."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Import LinkedIn connections; re-importing the same or a newer export is safe."""
    from rich.progress import Progress

    from careerceo.services.network_import import import_connections

    if not file.is_file():
        raise CareerError(f"there is no file at {file}; check the path", field="file")
    content = file.read_bytes()
    with Progress(console=err_console, transient=True, disable=as_json) as bar:
        task = bar.add_task("Reading the file", total=None)

        def progress(done: int, total: int, what: str) -> None:
            bar.update(task, completed=done, total=total, description=what)

        summary = import_connections(context(), content, file.name, progress)
    if as_json:
        print_json(summary.model_dump(mode="json"))
        return
    say(
        f"Imported {summary.rows} connections ({summary.layout} layout): "
        f"{summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged, "
        f"{len(summary.possible_duplicates)} possible duplicates; "
        f"{summary.companies_added} new companies."
    )
    for change in summary.changes[:20]:
        say(f"  updated {change}")
    for dup in summary.possible_duplicates[:20]:
        say(
            f"  possible duplicate: {dup.name} ({dup.company}), line {dup.line}: new "
            f"#{dup.new_id} and existing #{dup.existing_id} - if they are one person: "
            f"career contacts merge {dup.existing_id} {dup.new_id}"
        )
    if summary.skipped_lines:
        say(
            f"  skipped {len(summary.skipped_lines)} line(s) without a name "
            f"(first: line {summary.skipped_lines[0]})"
        )
