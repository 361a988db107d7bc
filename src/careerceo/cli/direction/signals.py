"""``career signals``: the warning-signs check (guided, or every answer as a flag), its
questions and its history."""

from __future__ import annotations

import typer
from rich.table import Table

from careerceo.actions import Action, ActionKind
from careerceo.analysis.signals import DIMENSIONS, LIKERT, QUESTIONS
from careerceo.cli.actions import command
from careerceo.cli.common import console, context, fail, print_json, print_table, user_errors
from careerceo.cli.direction.prompts import ask_int
from careerceo.cli.render import JSON, say
from careerceo.model.direction import SignalsIn
from careerceo.services import direction as service
from careerceo.services.direction import SignalView

signals_app = typer.Typer(
    help="Warning-signs check: upward mobility, culture clash, autonomy and more.",
    invoke_without_command=True,
)

SIGN_TITLES = {d.id: d.title for d in DIMENSIONS}
SIGNALS_HISTORY_COLUMNS = 6


def interactive_signals() -> dict[str, int]:
    console.print(
        "[bold]Warning-signs check[/]: rate each statement "
        + ", ".join(f"{k} = {v}" for k, v in LIKERT.items())
    )
    answers: dict[str, int] = {}
    for dim in DIMENSIONS:
        console.print(f"[bold]{dim.title}[/]")
        for q in QUESTIONS:
            if q.dimension == dim.id:
                value = None
                while value is None:
                    value = ask_int(
                        f"  {q.text} (1 = strongly disagree .. 5 = strongly agree)", 1, 5, None
                    )
                answers[q.id] = value
    return answers


def _print_signals(view: SignalView) -> None:
    scores = view.scores
    print_table(
        f"Warning signs, {view.taken_on}",
        ["Sign", "Score", "Level", "Change", "Why"],
        [
            (
                d.title + (" *" if d.core else ""),
                f"{d.score:.0f}",
                d.level,
                f"{view.changes[d.dimension]:+.0f}" if d.dimension in view.changes else "",
                d.explanation,
            )
            for d in scores.dimensions
        ],
    )
    style = "bold red" if scores.recommend_pivot else "green"
    step = f" ({command(Action(ActionKind.PIVOTS))})" if scores.recommend_pivot else ""
    say(f"[{style}]{scores.recommendation}{step}[/]")
    console.print("* one of the three signs executives should watch", style="dim")


@signals_app.callback()
@user_errors
def signals(
    typer_ctx: typer.Context,
    answer: list[str] = typer.Option(
        [],
        "--answer",
        help="QUESTION=1..5, e.g. um1=4. Repeat for every question (see career signals questions).",
    ),
    as_json: bool = JSON,
) -> None:
    """Take the warning-signs check (guided, or all answers as flags)."""
    if typer_ctx.invoked_subcommand is not None:
        return
    if answer:
        answers: dict[str, int] = {}
        for item in answer:
            key, sep, value = item.partition("=")
            if not key.strip() or not sep:
                fail(f"answer {item!r} must be QUESTION=1..5, e.g. um1=4")
            if not value.strip().isdigit():
                fail(
                    f"answer for {key.strip()} must be a whole number from 1 to 5, "
                    f"got {value.strip()!r}"
                )
            answers[key.strip().lower()] = int(value)
    else:
        answers = interactive_signals()
    view = service.take_signals(context(), SignalsIn(answers=answers))
    if as_json:
        print_json(view.model_dump(mode="json"))
    else:
        _print_signals(view)


@signals_app.command("questions")
def signals_questions(as_json: bool = JSON) -> None:
    """The questionnaire, with the id to use in --answer."""
    if as_json:
        print_json(
            [
                {"id": q.id, "dimension": q.dimension, "text": q.text, "reverse": q.reverse}
                for q in QUESTIONS
            ]
        )
        return
    print_table(
        "Warning-signs questions",
        ["Id", "Sign", "Statement"],
        [(q.id, SIGN_TITLES.get(q.dimension, q.dimension), q.text) for q in QUESTIONS],
    )


@signals_app.command("history")
@user_errors
def signals_history(as_json: bool = JSON) -> None:
    """Every check, oldest first, with the scores per sign."""
    views = service.signals_history(context())
    if as_json:
        print_json([v.model_dump(mode="json") for v in views])
        return
    if not views:
        console.print("No check yet. Take one: career signals")
        return
    # one column per check and one row per sign, so the dates stay readable and each sign's
    # trend reads left to right; the newest checks are kept when there are many
    shown = views[-SIGNALS_HISTORY_COLUMNS:]
    rows: list[tuple[str, ...]] = []
    for dim in DIMENSIONS:
        scores = [v.scores.by_dimension().get(dim.id) for v in shown]
        rows.append((dim.title, *("" if x is None else f"{x:.0f}" for x in scores)))
    rows.append(("Overall", *(f"{v.overall or 0:.0f}" for v in shown)))
    rows.append(("Pivot recommended", *("yes" if v.scores.recommend_pivot else "" for v in shown)))
    table = Table(title="Warning-signs history (0 = no warning, 100 = all warning)")
    table.add_column("Sign", header_style="bold")
    for v in shown:
        table.add_column(str(v.taken_on), header_style="bold", justify="right", no_wrap=True)
    for row in rows:
        table.add_row(*row)
    console.print(table)
    if len(views) > len(shown):
        console.print(
            f"Showing the last {len(shown)} of {len(views)} checks; "
            "career signals history --json lists them all.",
            style="dim",
        )
