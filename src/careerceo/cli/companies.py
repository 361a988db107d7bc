"""``career companies``: target companies and their research dossiers."""

from __future__ import annotations

import json
from typing import Any

import typer

from careerceo.cli.common import console, context, print_json, print_table, user_errors
from careerceo.errors import CareerError
from careerceo.model.network import CompanyOut
from careerceo.services import companies as service

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


def _fields(
    name: str | None,
    texts: dict[str, str | None],
    headcount: str | None,
    priority: str | None,
    target: bool | None,
    leaders: str | None,
    sources: str | None,
) -> dict[str, Any]:
    given: dict[str, Any] = {"name": name, **texts, "headcount": headcount, "priority": priority}
    if target is not None:
        given["is_target"] = target
    given["leaders"] = _json_list(leaders, "leaders")
    given["sources"] = _json_list(sources, "sources")
    return {k: v for k, v in given.items() if v is not None}


def _line(company: CompanyOut, verb: str) -> None:
    target = " (target" + (f", priority {company.priority}" if company.priority else "") + ")"
    console.print(
        f"{verb} [bold]{company.name}[/] (#{company.id}){target if company.is_target else ''}.",
        highlight=False,
    )


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
    texts = {
        "website": website,
        "industry": industry,
        "size": size,
        "revenue": revenue,
        "location": location,
        "products": products,
        "mission": mission,
        "problems": problems,
        "competitors": competitors,
        "notes": notes,
    }
    company = service.add_company(
        context(), _fields(name, texts, headcount, priority, target, leaders, sources)
    )
    if as_json:
        print_json(company.model_dump(mode="json"))
    else:
        _line(company, "Added")


@companies_app.command("list")
@user_errors
def list_companies(
    targets: bool = typer.Option(False, "--targets", help="Only target companies."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for scripts."),
) -> None:
    """List companies with how many contacts you know there."""
    rows = service.list_companies(context(), targets_only=targets)
    if as_json:
        print_json([row.model_dump(mode="json") for row in rows])
        return
    print_table(
        "Companies",
        ["#", "name", "target", "priority", "contacts", "opportunities", "industry"],
        (
            [
                c.id,
                c.name,
                "yes" if c.is_target else "",
                c.priority or "",
                c.contacts,
                c.opportunities,
                c.industry,
            ]
            for c in rows
        ),
        empty="No companies yet. Add one: career companies add 'Acme' --target",
    )


@companies_app.command("show")
@user_errors
def show(
    company_id: int = typer.Argument(..., help="The company's # from `career companies list`."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for scripts."),
) -> None:
    """The dossier: everything known, and what is still unknown."""
    view = service.dossier(context(), company_id)
    if as_json:
        print_json(view.model_dump(mode="json"))
        return
    c = view.company
    _line(c, "Company")
    console.print(
        f"{c.contacts} contact(s), {c.opportunities} opportunity(ies); dossier "
        f"{view.known}/{view.parts} parts known.",
        highlight=False,
    )
    for label, value in (
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
    ):
        if value not in (None, ""):
            console.print(f"[bold]{label}:[/] {value}", highlight=False)
    for leader in c.leaders:
        console.print(
            f"[bold]Leader:[/] {leader.name}"
            + (f", {leader.role}" if leader.role else "")
            + (f" - {leader.background}" if leader.background else ""),
            highlight=False,
        )
    for source in c.sources:
        console.print(
            f"[bold]Source:[/] {source.url}"
            + (f" (read {source.read_on})" if source.read_on else ""),
            highlight=False,
        )
    if view.missing:
        console.print("Still to research: " + "; ".join(view.missing), highlight=False)


@companies_app.command("edit")
@user_errors
def edit(
    company_id: int = typer.Argument(..., help="The company's #."),
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
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Change the fields you give; the others stay as they are."""
    texts = {
        "website": website,
        "industry": industry,
        "size": size,
        "revenue": revenue,
        "location": location,
        "products": products,
        "mission": mission,
        "problems": problems,
        "competitors": competitors,
        "notes": notes,
    }
    changes = _fields(name, texts, headcount, priority, target, leaders, sources)
    if not changes:
        raise CareerError("give at least one field to change, e.g. --mission '...'")
    company = service.update_company(context(), company_id, changes)
    if as_json:
        print_json(company.model_dump(mode="json"))
    else:
        _line(company, "Updated")


@companies_app.command("remove")
@user_errors
def remove(
    company_id: int = typer.Argument(..., help="The company's #."),
    force: bool = typer.Option(
        False, "--force", help="Remove it even with contacts or opportunities (they are kept)."
    ),
) -> None:
    """Remove a company; refused while people or opportunities link to it, unless --force."""
    company = service.remove_company(context(), company_id, force=force)
    _line(company, "Removed")
    if company.contacts or company.opportunities:
        console.print(
            f"{company.contacts} contact(s) and {company.opportunities} opportunity(ies) "
            "are kept, without a company.",
            highlight=False,
        )
