"""``career direction``: the three macro-challenges, each with its next step as a command."""

from __future__ import annotations

from careerceo.cli.actions import command
from careerceo.cli.common import context, fail, print_json
from careerceo.cli.render import JSON, say
from careerceo.errors import CareerError
from careerceo.services import direction as service


def direction(as_json: bool = JSON) -> None:
    """The three macro-challenges: finding a new job, leaving the old one, performing now."""
    try:
        items = service.challenges(context())
    except CareerError as exc:
        fail(str(exc))
    if as_json:
        print_json([c.model_dump(mode="json") for c in items])
        return
    for c in items:
        say(f"[bold]{c.title}[/]: {c.status} - {c.headline}")
        for e in c.evidence:
            say(f"   - {e}")
        say(f"   next: {c.next_step} ({command(c.action)})")
