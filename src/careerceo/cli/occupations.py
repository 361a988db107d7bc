"""``career occupations``: search O*NET occupations, show one, and normalise a job title."""

from __future__ import annotations

from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from careerceo.cli.common import console, preload, print_json, print_table, user_errors
from careerceo.cli.render import say
from careerceo.knowledge import load_knowledge
from careerceo.knowledge.matching import matcher_for
from careerceo.knowledge.profile import occupation_profile
from careerceo.knowledge.search import TitleMatcher
from careerceo.settings import load_settings

occupations_app = typer.Typer(
    help="Look up O*NET 29.0 occupations (with ESCO 1.1.1 links) and normalise job titles.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(occupations_app, name="occupations")


def _matcher() -> TitleMatcher:
    """The title matcher, cached on disk in the data directory (no database needed)."""
    preload("knowledge", "titles")
    return matcher_for(load_knowledge(), load_settings().data_dir / "cache")


@occupations_app.command("search")
@user_errors
def search(
    text: str = typer.Argument(..., help="Words or a code prefix, e.g. 'nurse' or '15-12'."),
    limit: int = typer.Option(15, "--limit", "-n", help="How many occupations (1-100)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Find occupations by title, alternate title, description or code."""
    hits = _matcher().search(text, limit)
    if as_json:
        print_json([h.as_dict() for h in hits])
        return
    print_table(
        f"Occupations for '{text}' (O*NET 29.0)",
        ["Code", "Occupation", "Score", "Matched on"],
        [(h.code, h.title, f"{h.score:.2f}", h.matched) for h in hits],
        empty=f"No occupation matches '{escape(text)}'. Try fewer or other words.",
    )


@occupations_app.command("title")
@user_errors
def title(
    text: str = typer.Argument(..., help="A job title as written, e.g. 'Sr. Software Eng II'."),
    limit: int = typer.Option(5, "--limit", "-n", help="How many candidates (1-100)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (a list of candidates)."),
) -> None:
    """Normalise a free-text job title to ranked O*NET occupations."""
    result = _matcher().normalize(text, limit)
    if as_json:
        parsed = result.parsed
        rows = []
        for c in result.candidates:
            row = c.as_dict()
            row.update(seniority=parsed.seniority, level=parsed.level, core_title=parsed.core_title)
            rows.append(row)
        print_json(rows)
        return
    parsed = result.parsed
    say(
        f"[bold]{escape(parsed.original)}[/] → core title [cyan]{escape(parsed.core_title)}[/]"
        + (f", seniority [magenta]{parsed.seniority}[/]" if parsed.seniority else "")
        + (f", level [magenta]{parsed.level}[/]" if parsed.level else "")
        + (f" (ignored: {escape(', '.join(parsed.noise))})" if parsed.noise else "")
    )
    if result.candidates and not result.confident:
        console.print(
            "[yellow]No close match:[/] these are only the nearest occupations. "
            "Check the spelling, or use the words of the role itself."
        )
    print_table(
        "Best matching occupations",
        ["#", "Code", "Occupation", "Score", "Matched label", "Source"],
        [
            (i, c.code, c.title, f"{c.score:.2f}", c.matched_label, _source(c.source, c.via))
            for i, c in enumerate(result.candidates, 1)
        ],
        empty="No occupation looks like this title. Check the spelling or use fewer words.",
    )


def _source(source: str, via: str) -> str:
    return f"{source} (via '{via}')" if via else source


def _section(name: str) -> None:
    console.rule(f"[bold]{name}", align="left")


def _bullets(items: list[str], limit: int, show_all: bool) -> None:
    shown = items if show_all else items[:limit]
    for item in shown:
        say(f"  • {escape(item)}")
    if len(items) > len(shown):
        console.print(f"  [dim]… {len(items) - len(shown)} more (use --all)[/]")
    if not items:
        console.print("  [dim]none listed[/]")


def _ratings(name: str, data: dict[str, Any], levels: bool = True) -> None:
    _section(name)
    if data["note"]:
        say(f"  [yellow]Estimated:[/] {escape(data['note'])}")
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("Element")
    table.add_column("Importance (1-5)", justify="right")
    if levels:
        table.add_column("Level (0-7)", justify="right")
    for item in data["items"]:
        cells = [item["name"], f"{item['importance']:.2f}"]
        if levels:
            cells.append("" if item["level"] is None else f"{item['level']:.2f}")
        table.add_row(*cells)
    console.print(table)


@occupations_app.command("show")
@user_errors
def show(
    code: str = typer.Argument(..., help="An O*NET-SOC code, e.g. 15-1252 or 15-1252.00."),
    as_json: bool = typer.Option(False, "--json", help="Print every section as JSON."),
    show_all: bool = typer.Option(False, "--all", help="List long sections in full."),
) -> None:
    """Everything O*NET 29.0 and ESCO 1.1.1 say about one occupation."""
    kb = load_knowledge()
    profile = occupation_profile(kb, code, top=None if show_all else 10)
    if as_json:
        print_json(profile)
        return
    _render(profile, show_all)


def _render(p: dict[str, Any], show_all: bool) -> None:
    _render_overview(p, show_all)
    _ratings("Top skills", p["skills"])
    _ratings("Top knowledge", p["knowledge"])

    tasks = p["tasks"]
    _section(f"Core tasks ({len(tasks['core'])})")
    _bullets(tasks["core"] + tasks["unrated"], 10, show_all)
    if tasks["supplemental"]:
        _section(f"Supplemental tasks ({len(tasks['supplemental'])})")
        _bullets(tasks["supplemental"], 5, show_all)

    _section(f"Detailed work activities ({len(p['dwas'])})")
    _bullets(p["dwas"], 10, show_all)

    _section(f"Technology skills ({len(p['technology'])}; 🔥 hot, ★ in demand)")
    tech = [
        f"{t['example']} [{t['category']}]"
        + (" 🔥 hot" if t["hot"] else "")
        + (" ★ in demand" if t["in_demand"] else "")
        for t in p["technology"]
    ]
    _bullets(tech, 15, show_all)

    _section(f"Tools ({len(p['tools'])})")
    _bullets(p["tools"], 10, show_all)

    interests = p["interests"]
    _section(f"Interests (RIASEC {interests['code'] or '-'})")
    for item in interests["items"]:
        bar = "█" * round(item["importance"] or 0)
        say(f"  {item['name']:<14} {item['importance']:4.2f} {bar}")

    _ratings("Work styles", p["work_styles"], levels=False)
    values = p["work_values"]
    _ratings("Work values (extent 1-7)", values, levels=False)
    if values["high_points"]:
        console.print(f"  High points: {', '.join(values['high_points'])}")

    _section(f"Alternate titles ({len(p['alternate_titles'])})")
    _bullets(p["alternate_titles"], 12, show_all)
    _section(f"Reported titles ({len(p['reported_titles'])})")
    _bullets(p["reported_titles"], 12, show_all)

    esco = p["esco"]
    _section(f"Linked ESCO 1.1.1 occupations ({len(esco['occupations'])})")
    _bullets(
        [f"{o['label']} (link {o['score']:.2f}, {o['method']})" for o in esco["occupations"]],
        8,
        show_all,
    )
    _section(f"ESCO essential skills ({len(esco['essential_skills'])})")
    _bullets([s["label"] for s in esco["essential_skills"]], 12, show_all)
    _section(f"ESCO optional skills ({len(esco['optional_skills'])})")
    _bullets([s["label"] for s in esco["optional_skills"]], 8, show_all)


def _render_overview(p: dict[str, Any], show_all: bool) -> None:
    """Title, description, SOC place, job zone and the education/training/experience survey."""
    say(f"[bold]{p['code']}  {escape(p['title'])}[/]")
    console.print(f"[dim]Source: {p['sources']['onet']}, {p['sources']['esco']}[/]")
    say(escape(p["description"]))

    soc = p["soc"]
    _section("SOC hierarchy")
    say(
        f"  {soc['major_group']} {escape(soc['major_group_title'])} > minor {soc['minor_group']} "
        f"> broad {soc['broad_group']} > detailed {soc['detailed']} > O*NET {soc['onet_code']}"
    )

    _section("Job zone")
    zone = p["job_zone"]
    if zone is None:
        console.print("  [dim]O*NET gives no job zone for this occupation[/]")
    else:
        say(f"  [bold]Zone {zone['zone']}[/]: {zone['meaning']}")
        say(f"  Education: {escape(zone['education'])}")
        say(f"  Experience: {escape(zone['experience'])}")
        say(f"  Training: {escape(zone['training'])}")

    _section("Education, training and experience (share of workers)")
    if not p["education_training_experience"]:
        console.print("  [dim]O*NET 29.0 has no survey data for this occupation[/]")
    for scale in p["education_training_experience"]:
        say(f"  [bold]{escape(scale['name'])}[/]")
        for cat in scale["categories"][: None if show_all else 4]:
            say(f"    {cat['percent']:5.1f}%  {escape(cat['category'])}")
