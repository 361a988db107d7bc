"""``career profile``: show the profile, or change some of its fields with ``set``."""

from __future__ import annotations

from typing import Any

import typer

from careerceo.cli.common import console, context, print_json, user_errors
from careerceo.cli.render import JSON
from careerceo.errors import CareerError
from careerceo.model.profile import ProfileOut
from careerceo.services import profile as service

profile_app = typer.Typer(help="Your profile: name, headline, contact details.")

_LABELS = {
    "full_name": "Name",
    "headline": "Headline",
    "email": "E-mail",
    "phone": "Phone",
    "location": "Location",
    "website": "Website",
    "linkedin_url": "LinkedIn",
    "occupation_code": "Occupation (O*NET)",
    "summary": "Summary",
}


def register(app: typer.Typer) -> None:
    app.add_typer(profile_app, name="profile")


def _show(profile: ProfileOut, as_json: bool) -> None:
    if as_json:
        print_json(profile.model_dump(mode="json"))
        return
    from rich.table import Table

    table = Table(title="Profile", show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value")
    for name, label in _LABELS.items():
        value = getattr(profile, name)
        table.add_row(label, value if value else "[dim]-[/]")
    console.print(table)
    if not profile.full_name:
        console.print("Set your name with [bold]career profile set --name 'Your Name'[/].")


@profile_app.callback(invoke_without_command=True)
@user_errors
def profile_main(
    typer_ctx: typer.Context,
    as_json: bool = JSON,
) -> None:
    """Show your profile (or use a subcommand to change it)."""
    if typer_ctx.invoked_subcommand is None:
        _show(service.get_profile(context()), as_json)


@profile_app.command("show")
@user_errors
def show(as_json: bool = JSON) -> None:
    """Show your profile."""
    _show(service.get_profile(context()), as_json)


@profile_app.command("set")
@user_errors
def set_profile(
    name: str | None = typer.Option(None, "--name", help="Your full name."),
    headline: str | None = typer.Option(None, help="One line: what you do."),
    summary: str | None = typer.Option(None, help="A short professional summary."),
    email: str | None = typer.Option(None, help="Contact e-mail."),
    phone: str | None = typer.Option(None, help="Contact phone."),
    location: str | None = typer.Option(None, help="City, region or 'Remote'."),
    website: str | None = typer.Option(None, help="Personal site."),
    linkedin: str | None = typer.Option(None, "--linkedin", help="LinkedIn profile URL."),
    occupation: str | None = typer.Option(
        None, "--occupation", help="Your O*NET-SOC code, e.g. 15-1252.00 ('' clears it)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Change the fields you give; the others stay as they are."""
    given: dict[str, Any] = {
        "full_name": name,
        "headline": headline,
        "summary": summary,
        "email": email,
        "phone": phone,
        "location": location,
        "website": website,
        "linkedin_url": linkedin,
        "occupation_code": occupation,
    }
    changes = {key: value for key, value in given.items() if value is not None}
    if not changes:
        raise CareerError("give at least one field to change, e.g. --name 'Ada Lovelace'")
    _show(service.update_profile(context(), changes), as_json)
