"""``career about``: attributions, data versions and the knowledge base manifest."""

from __future__ import annotations

import dataclasses

import typer

from careerceo.cli.common import console, print_json, print_table, user_errors
from careerceo.knowledge import load_knowledge
from careerceo.knowledge.attribution import about as about_info


def register(app: typer.Typer) -> None:
    app.command("about")(about)


@user_errors
def about(as_json: bool = typer.Option(False, "--json", help="Print plain JSON.")) -> None:
    """Show where the occupational data comes from, its versions and checksums."""
    info = about_info(load_knowledge())
    if as_json:
        print_json(dataclasses.asdict(info))
        return
    console.print("[bold]Career CEO[/] - data sources and attributions\n")
    for name, text, url in info.attributions:
        console.print(f"[bold]{name}[/]: {text}\n  {url}", highlight=False, soft_wrap=True)
    console.print(f"\n{info.note}\n", highlight=False, soft_wrap=True)
    print_table(
        "Sources",
        ["Source", "Version", "Release", "Licence", "Files"],
        [
            (s["name"], s["version"], s["release"], s["license"], len(s["files"]))
            for s in info.sources
        ],
    )
    print_table(
        f"Knowledge base artifact (built {info.build_date})",
        ["File", "Bytes", "SHA-256"],
        [(name, f"{size:,}", digest[:16]) for name, size, digest in info.files],
    )
    print_table("Contents", ["Item", "Count"], [(k, f"{v:,}") for k, v in info.counts.items()])
