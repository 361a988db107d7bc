"""``career vision``: the written vision and its history."""

from __future__ import annotations

import typer

from careerceo.cli.common import console, context, print_json, user_errors
from careerceo.cli.render import JSON, present_rows, say
from careerceo.model.direction import VisionIn
from careerceo.services import direction as service

vision_app = typer.Typer(help="Your written vision: where you want to be in 1-2 years and beyond.")


@vision_app.command("set")
@user_errors
def vision_set(
    text: str = typer.Argument(..., help="Where you want to be in 1-2 years and beyond."),
) -> None:
    """Write (or rewrite) your vision; earlier versions stay in the history."""
    view = service.set_vision(context(), VisionIn(text=text))
    console.print(f"Vision saved ({view.saved_at:%Y-%m-%d %H:%M}).")


@vision_app.command("show")
@user_errors
def vision_show(as_json: bool = JSON) -> None:
    """Show the current vision."""
    view = service.current_vision(context())
    if as_json:
        print_json(view.model_dump(mode="json") if view else None)
    elif view is None:
        console.print('No vision yet. Write one: career vision set "..."')
    else:
        say(view.text)


@vision_app.command("history")
@user_errors
def vision_history(as_json: bool = JSON) -> None:
    """Every version of the vision, newest first."""
    present_rows(
        service.vision_history(context()),
        as_json,
        "Vision history",
        ["Saved", "Vision"],
        lambda v: (f"{v.saved_at:%Y-%m-%d %H:%M}", v.text),
        empty="No vision yet.",
    )
