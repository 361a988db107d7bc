"""``career direction``: the three macro-challenges, each with its next step as a command."""

from __future__ import annotations

import typer

from careerceo.cli.actions import command
from careerceo.cli.common import console, context, fail, print_json
from careerceo.errors import CareerError
from careerceo.services import direction as service


def direction(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """The three macro-challenges: finding a new job, leaving the old one, performing now."""
    try:
        items = service.challenges(context())
    except CareerError as exc:
        fail(str(exc))
    if as_json:
        print_json([c.model_dump(mode="json") for c in items])
        return
    for c in items:
        console.print(f"[bold]{c.title}[/]: {c.status} - {c.headline}", highlight=False)
        for e in c.evidence:
            console.print(f"   - {e}", highlight=False)
        console.print(f"   next: {c.next_step} ({command(c.action)})", highlight=False)
