"""``career companies``: target companies and their research dossiers."""

from __future__ import annotations

import json
from typing import Any

import typer

from careerceo.cli.common import context, user_errors
from careerceo.cli.render import JSON, changes, given, labelled, present, present_rows, row_id, say
from careerceo.errors import CareerError
from careerceo.model.network import CompanyOut
from careerceo.services import companies as service
from careerceo.services.companies import DossierView

companies_app = typer.Typer(help="Target companies and what you know about them.")


def register(app: typer.Typer) -> None:
    app.add_typer(companies_app, name="companies")


def _json_list(raw: str | None, what: str) -> list[Any] | None:
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CareerError(
            f"--{what} must be a JSON list, e.g. "
            + (
                '\'[{"name": "Ada", "role": "CTO", "background": "ex-Google"}]\''
                if what == "leaders"
                else '\'[{"url": "https://example.org/about", "read_on": "2026-01-05"}]\''
            )
            + f" ({exc.msg})",
            field=what,
        ) from None
    if not isinstance(value, list):
        raise CareerError(f"--{what} must be a JSON list", field=what)
    return value


def _read_lists(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields given, with the leaders and sources read from their JSON."""
    for what in ("leaders", "sources"):
        if what in fields:
            fields[what] = _json_list(fields[what], what)
    return fields


RENAMED = {"target": "is_target"}


def _line(company: CompanyOut, verb: str) -> None:
    target = " (target" + (f", priority {company.priority}" if company.priority else "") + ")"
    say(f"{verb} [bold]{company.name}[/] (#{company.id}){target if company.is_target else ''}.")


TargetOpt = typer.Option(None, "--target/--not-target", help="A company you aim to work for.")


@companies_app.command("add")
@user_errors
def add(
    name: str = typer.Argument(..., help="The company's name."),
    website: str | None = typer.Option(None),
    industry: str | None = typer.Option(None),
    size: str | None = typer.Option(None, help="Size band, e.g. 51-200."),
    headcount: str | None = typer.Option(None),
    revenue: str | None = typer.Option(None),
    location: str | None = typer.Option(None, help="Locations, comma-separated."),
    products: str | None = typer.Option(None, help="Products and services."),
    mission: str | None = typer.Option(None),
    problems: str | None = typer.Option(None, help="Problems and priorities it faces."),
    competitors: str | None = typer.Option(None),
    leaders: str | None = typer.Option(None, help="JSON list of {name, role, background}."),
    sources: str | None = typer.Option(None, help="JSON list of {url, read_on}."),
    notes: str | None = typer.Option(None),
    target: bool | None = TargetOpt,
    priority: str | None = typer.Option(None, help="1 (highest) to 5."),
    as_json: bool = typer.Option(False, "--json", help="Print the new company as JSON."),
) -> None:
    """Add a company (target it with --target)."""
    company = service.add_company(context(), _read_lists(given(locals(), rename=RENAMED)))
    present(company, as_json, lambda c: _line(c, "Added"))


@companies_app.command("list")
@user_errors
def list_companies(
    targets: bool = typer.Option(False, "--targets", help="Only target companies."),
    as_json: bool = JSON,
) -> None:
    """List companies with how many contacts you know there."""
    present_rows(
        service.list_companies(context(), targets_only=targets),
        as_json,
        "Companies",
        ["#", "name", "target", "priority", "contacts", "opportunities", "industry"],
        lambda c: [
            c.id,
            c.name,
            "yes" if c.is_target else "",
            c.priority or "",
            c.contacts,
            c.opportunities,
            c.industry,
        ],
        empty="No companies yet. Add one: career companies add 'Acme' --target",
    )


@companies_app.command("show")
@user_errors
def show(company_id: int = row_id("company", "companies"), as_json: bool = JSON) -> None:
    """The dossier: everything known, and what is still unknown."""
    present(service.dossier(context(), company_id), as_json, _print_dossier)


def _print_dossier(view: DossierView) -> None:
    c = view.company
    _line(c, "Company")
    say(
        f"{c.contacts} contact(s), {c.opportunities} opportunity(ies); dossier "
        f"{view.known}/{view.parts} parts known."
    )
    labelled(
        (
            ("Website", c.website),
            ("Industry", c.industry),
            ("Size", c.size),
            ("Headcount", c.headcount),
            ("Revenue", c.revenue),
            ("Locations", c.location),
            ("Products and services", c.products),
            ("Mission", c.mission),
            ("Problems and priorities", c.problems),
            ("Competitors", c.competitors),
            ("Notes", c.notes),
        )
    )
    for leader in c.leaders:
        say(
            f"[bold]Leader:[/] {leader.name}"
            + (f", {leader.role}" if leader.role else "")
            + (f" - {leader.background}" if leader.background else "")
        )
    for source in c.sources:
        say(
            f"[bold]Source:[/] {source.url}"
            + (f" (read {source.read_on})" if source.read_on else "")
        )
    if view.missing:
        say("Still to research: " + "; ".join(view.missing))


@companies_app.command("edit")
@user_errors
def edit(
    company_id: int = row_id("company", "companies"),
    name: str | None = typer.Option(None),
    website: str | None = typer.Option(None),
    industry: str | None = typer.Option(None),
    size: str | None = typer.Option(None),
    headcount: str | None = typer.Option(None),
    revenue: str | None = typer.Option(None),
    location: str | None = typer.Option(None),
    products: str | None = typer.Option(None),
    mission: str | None = typer.Option(None),
    problems: str | None = typer.Option(None),
    competitors: str | None = typer.Option(None),
    leaders: str | None = typer.Option(None, help="JSON list of {name, role, background}."),
    sources: str | None = typer.Option(None, help="JSON list of {url, read_on}."),
    notes: str | None = typer.Option(None),
    target: bool | None = TargetOpt,
    priority: str | None = typer.Option(None),
    as_json: bool = JSON,
) -> None:
    """Change the fields you give; the others stay as they are."""
    fields = changes("--mission '...'", locals(), rename=RENAMED, leave_out={"company_id"})
    company = service.update_company(context(), company_id, _read_lists(fields))
    present(company, as_json, lambda c: _line(c, "Updated"))


@companies_app.command("remove")
@user_errors
def remove(
    company_id: int = row_id("company", "companies"),
    force: bool = typer.Option(
        False, "--force", help="Remove it even with contacts or opportunities (they are kept)."
    ),
) -> None:
    """Remove a company; refused while people or opportunities link to it, unless --force."""
    company = service.remove_company(context(), company_id, force=force)
    _line(company, "Removed")
    if company.contacts or company.opportunities:
        say(
            f"{company.contacts} contact(s) and {company.opportunities} opportunity(ies) "
            "are kept, without a company."
        )
