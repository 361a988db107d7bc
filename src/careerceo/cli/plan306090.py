"""``career plan306090 new|list|show|set|title|export|remove``: the 30-60-90-day plan."""

from __future__ import annotations

from pathlib import Path

import typer

from careerceo.cli.common import console, context, print_json, print_table, user_errors
from careerceo.cli.render import JSON, YES, delete, say
from careerceo.model.plan306090 import SECTIONS
from careerceo.services import plan306090 as service

plan_app = typer.Typer(
    help="30-60-90-day plans to bring to an interview: prefilled from O*NET tasks and a saved "
    "posting, edited by you, exported to Markdown or a one-or-two-page PDF."
)


@plan_app.command("new")
@user_errors
def new(
    occupation: str | None = typer.Option(None, "--occupation", help="Target O*NET-SOC code"),
    opportunity: int | None = typer.Option(None, "--opportunity", help="Opportunity id"),
    posting: int | None = typer.Option(None, "--posting", help="Saved job posting id"),
    title: str = typer.Option("", "--role", help="The role's name, if not the occupation's"),
    employer: str = typer.Option("", "--employer", help="The employer's name"),
    as_json: bool = typer.Option(False, "--json", help='Print {"id": ...}'),
) -> None:
    """Start a plan with a skeleton built from the role's real tasks."""
    view = service.new_plan(
        context(),
        {
            "occupation_code": occupation,
            "opportunity_id": opportunity,
            "posting_id": posting,
            "title": title,
            "employer": employer,
        },
    )
    if as_json:
        print_json({"id": view.id, "title": view.title})
        return
    say(f"Created plan #{view.id}: {view.title}")
    say(
        f"Edit it in your words: career plan306090 set {view.id} 30.goals --line '...'; "
        f"export: career plan306090 export {view.id} plan.pdf"
    )


@plan_app.command("list")
@user_errors
def list_cmd(as_json: bool = JSON) -> None:
    """Every plan."""
    views = service.list_plans(context())
    if as_json:
        print_json([{"id": v.id, "title": v.title} for v in views])
    else:
        print_table(
            "30-60-90-day plans",
            ["id", "title", "occupation", "updated"],
            [(v.id, v.title, v.occupation_code or "", v.updated_at.date()) for v in views],
            empty="No plan yet: career plan306090 new --occupation 15-1252.00",
        )


@plan_app.command("show")
@user_errors
def show(plan_id: int, as_json: bool = JSON) -> None:
    """The plan, phase by phase."""
    if as_json:
        print_json(service.get_plan(context(), plan_id))
        return
    console.print(service.export_markdown(context(), plan_id), highlight=False, markup=False)


@plan_app.command("set")
@user_errors
def set_cmd(
    plan_id: int,
    section: str = typer.Argument(..., help=", ".join(SECTIONS)),
    line: list[str] = typer.Option([], "--line", help="A line (repeatable); replaces the section"),
) -> None:
    """Replace one section with your own lines."""
    view = service.set_section(context(), plan_id, section, line)
    say(f"Updated {section} of plan #{view.id}.")


@plan_app.command("title")
@user_errors
def title_cmd(plan_id: int, title: str) -> None:
    """Rename the plan."""
    view = service.set_title(context(), plan_id, title)
    say(f"Plan #{view.id} is now: {view.title}")


@plan_app.command("export")
@user_errors
def export(plan_id: int, file: Path = typer.Argument(..., help="FILE.md or FILE.pdf")) -> None:
    """Write the plan as Markdown or as a one-or-two-page PDF."""
    kind = service.export_file(context(), plan_id, file)
    say(f"Wrote {file} ({kind}).")


@plan_app.command("remove")
@user_errors
def remove(plan_id: int, yes: bool = YES) -> None:
    """Delete a plan."""
    view = service.get_plan(context(), plan_id)
    delete("plan", view.id, view.title, yes, lambda: service.remove_plan(context(), plan_id))


def register(app: typer.Typer) -> None:
    app.add_typer(plan_app, name="plan306090")
