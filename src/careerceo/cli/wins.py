"""``career win "..."`` quick capture and ``career wins list|show|edit|remove``."""

from __future__ import annotations

from datetime import date

import typer

from careerceo.cli.common import console, context, print_json, print_table, user_errors
from careerceo.cli.render import JSON, say
from careerceo.services import accomplishments as service

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
    if as_json:
        print_json(saved)
        return
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
    wins = service.list_wins(context())
    if as_json:
        print_json(wins)
        return
    print_table(
        "Accomplishments",
        ["id", "date", "bullet", "position", "missing"],
        [(w.id, w.happened_on, w.bullet, w.position, ", ".join(w.missing)) for w in wins],
        empty='No wins yet. Add one: career win "Cut build time 40% by caching dependencies"',
    )


@wins_app.command("show")
@user_errors
def show(win_id: int, as_json: bool = JSON) -> None:
    """One win with its bullet and STAR story."""
    w = service.get_win(context(), win_id)
    if as_json:
        print_json(w)
        return
    say(f"[bold]#{w.id}[/] {w.title}")
    say(f"Bullet: {w.bullet}")
    say(w.star)


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
    # an option left out is None, which the service reads as "leave as is"
    values: dict[str, object] = dict(
        title=title,
        situation=situation,
        action=action,
        result=result,
        metrics=metrics,
        skills=skills,
    )
    if position is not None:
        values["position_id"] = position
    if on is not None:
        values["happened_on"] = on
    w = service.update_win(context(), win_id, values)
    say(f"Updated win #{w.id}. Bullet: {w.bullet}")


@wins_app.command("remove")
@user_errors
def remove(win_id: int, yes: bool = typer.Option(False, "--yes", help="Do not ask")) -> None:
    """Delete a win."""
    w = service.get_win(context(), win_id)
    if not yes and not typer.confirm(f"Delete win #{w.id} ({w.title[:60]})?"):
        raise typer.Exit(code=1)
    service.remove_win(context(), win_id)
    console.print(f"Deleted win #{win_id}.")


def register(app: typer.Typer) -> None:
    app.command("win")(win)
    app.add_typer(wins_app, name="wins")
