"""``career win "..."`` quick capture and ``career wins list|show|edit|remove``."""

from __future__ import annotations

from datetime import date

import typer

from careerceo.cli.common import context, user_errors
from careerceo.cli.render import JSON, YES, delete, given, present, present_rows, say
from careerceo.services import accomplishments as service
from careerceo.services.accomplishments import WinView

RENAMED = {"position": "position_id", "on": "happened_on"}  # options not named as the fields
wins_app = typer.Typer(help="Your accomplishment log: bullets and STAR stories from your wins.")


@user_errors
def win(
    text: str = typer.Argument(..., help='What you did, e.g. "Cut build time 40% by caching"'),
    position: int | None = typer.Option(None, "--position", help="Position id it belongs to"),
    skill: list[str] = typer.Option([], "--skill", help="A skill it shows (repeatable)"),
    situation: str = typer.Option("", "--situation", help="The context, for the STAR story"),
    on: str = typer.Option("", "--date", help="When (YYYY-MM-DD); today by default"),
    as_json: bool = typer.Option(False, "--json", help="Print the saved win as JSON"),
) -> None:
    """Capture a win in one line; it becomes a résumé bullet and a STAR story."""
    saved = service.quick_win(
        context(),
        text,
        position_id=position,
        skills=skill,
        situation=situation,
        happened_on=on or date.today(),
    )
    present(saved, as_json, _print_saved)


def _print_saved(saved: WinView) -> None:
    say(f"Saved win #{saved.id}. Bullet: [bold]{saved.bullet}[/]")
    if saved.missing:
        say(
            f"To make it stronger, add: {', '.join(saved.missing)} "
            f"(career wins edit {saved.id} --help)"
        )


@wins_app.command("list")
@user_errors
def list_cmd(as_json: bool = JSON) -> None:
    """Every win, newest first, with its résumé bullet."""
    present_rows(
        service.list_wins(context()),
        as_json,
        "Accomplishments",
        ["id", "date", "bullet", "position", "missing"],
        lambda w: (w.id, w.happened_on, w.bullet, w.position, ", ".join(w.missing)),
        empty='No wins yet. Add one: career win "Cut build time 40% by caching dependencies"',
    )


@wins_app.command("show")
@user_errors
def show(win_id: int, as_json: bool = JSON) -> None:
    """One win with its bullet and STAR story."""
    present(service.get_win(context(), win_id), as_json, _print_win)


def _print_win(w: WinView) -> None:
    say(f"[bold]#{w.id}[/] {w.title}\nBullet: {w.bullet}\n{w.star}")


@wins_app.command("edit")
@user_errors
def edit(
    win_id: int,
    title: str | None = typer.Option(None),
    situation: str | None = typer.Option(None),
    action: str | None = typer.Option(None),
    result: str | None = typer.Option(None),
    metrics: str | None = typer.Option(None),
    skills: str | None = typer.Option(None, help="Comma-separated"),
    position: int | None = typer.Option(None, "--position"),
    on: str | None = typer.Option(None, "--date"),
) -> None:
    """Change the parts of a win."""
    values = given(
        locals(), rename={"position": "position_id", "on": "happened_on"}, leave_out={"win_id"}
    )
    w = service.update_win(context(), win_id, values)
    say(f"Updated win #{w.id}. Bullet: {w.bullet}")


@wins_app.command("remove")
@user_errors
def remove(win_id: int, yes: bool = YES) -> None:
    """Delete a win."""
    w = service.get_win(context(), win_id)
    delete("win", w.id, w.title[:60], yes, lambda: service.remove_win(context(), win_id))


def register(app: typer.Typer) -> None:
    app.command("win")(win)
    app.add_typer(wins_app, name="wins")
