"""``career interview questions|show|answer|suggest|add-question|practice|stats``."""

from __future__ import annotations

import sys
import time

import typer

from careerceo.analysis.interview_practice import ALGORITHM, RATING_TO_QUALITY
from careerceo.cli.common import console, context, fail, print_json, print_table, user_errors
from careerceo.cli.render import JSON, flagged, given, present, say
from careerceo.model.common import InputError, validate
from careerceo.model.interview import RatingIn
from careerceo.services import interview as service

interview_app = typer.Typer(
    help="Interview practice: a question bank, your answers and STAR stories, and "
    "spaced-repetition practice sessions."
)

RATING_HELP = "1 could not answer, 2 weak, 3 got through it, 4 good, 5 natural and complete"


@interview_app.command("questions")
@user_errors
def questions(
    category: str | None = typer.Option(
        None,
        "--category",
        help="general, behavioural, leadership, career_change, role_specific, to_ask, closing, own",
    ),
    occupation: str | None = typer.Option(
        None, "--occupation", help="O*NET-SOC code: keep only that family's role-specific set"
    ),
    opportunity: int | None = typer.Option(None, "--opportunity", help="Opportunity id"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for scripts"),
) -> None:
    """The question bank: what each question really tests and what a strong answer contains."""
    views = service.list_questions(
        context(), category=category, occupation=occupation, opportunity=opportunity
    )
    if as_json:
        print_json([v.model_dump(mode="json") for v in views])
        return
    print_table(
        f"Interview questions ({len(views)})",
        ["id", "category", "question", "tests", "answered"],
        [(v.id, v.category, v.text, v.tests, "yes" if v.answered else "") for v in views],
        empty="No question matches.",
    )


@interview_app.command("show")
@user_errors
def show(question_id: str, as_json: bool = JSON) -> None:
    """One question, what a strong answer contains, and your answer if you wrote one."""
    q = service.get_question(context(), question_id)
    answer = service.get_answer(context(), question_id)
    if as_json:
        print_json({"question": q, "answer": answer})
        return
    say(f"[bold]{q.id}[/] ({q.category}) {q.text}")
    say(f"What it tests: {q.tests}")
    if q.strong:
        say(f"A strong answer: {q.strong}")
    if answer:
        story = f" (story: win #{answer.win_id})" if answer.win_id else ""
        say(f"\nYour answer{story}:\n{answer.text}")
        if answer.reflection:
            say(f"Reflection: {answer.reflection}")
    else:
        say(f"\nNo answer yet: career interview suggest {q.id}")


@interview_app.command("answer")
@user_errors
def answer(
    question_id: str = typer.Argument(..., help="A question id from `career interview questions`"),
    text: str = typer.Option(..., "--text", help="Your answer, in your words"),
    win: int | None = typer.Option(None, "--win", help="The win (story) it is built on"),
    reflection: str = typer.Option(
        "", "--reflection", help="What you learned or would do differently"
    ),
    as_json: bool = JSON,
) -> None:
    """Save your answer to a question (replaces an earlier one)."""
    saved = service.save_answer(context(), given(locals(), rename={"win": "win_id"}))
    present(saved, as_json, _print_saved)


def _print_saved(saved: service.AnswerView) -> None:
    say(f"Saved your answer to {saved.question_id}.")
    flagged("Check", saved.warnings)


@interview_app.command("suggest")
@user_errors
def suggest_cmd(
    question_id: str,
    win: int | None = typer.Option(None, "--win", help="Build it on this win"),
    occupation: str | None = typer.Option(
        None, "--occupation", help="Target occupation (career-change questions)"
    ),
    as_json: bool = JSON,
) -> None:
    """A first draft built only from your wins and résumé, for you to edit and save."""
    draft = service.suggest_answer(context(), question_id, win_id=win, occupation=occupation)
    if as_json:
        print_json(draft)
        return
    say(draft.text)
    say(f"\n[dim]Why: {draft.why}[/]")
    win_part = f" --win {draft.win_id}" if draft.win_id else ""
    say(f'Save your version: career interview answer {draft.question_id} --text "..."{win_part}')


@interview_app.command("add-question")
@user_errors
def add_question(
    text: str = typer.Argument(..., help="The question"),
    category: str = typer.Option("own", "--category"),
    tests: str = typer.Option("", "--tests", help="What you think it tests"),
    occupation: str | None = typer.Option(None, "--occupation"),
    as_json: bool = JSON,
) -> None:
    """Add a question of your own to the bank (it joins the practice queue)."""
    view = service.add_question(
        context(), given(locals(), rename={"occupation": "occupation_code"})
    )
    present(view, as_json, lambda v: say(f"Added question {v.id}."))


def _stdin_ratings(count: int) -> list[tuple[str, str]]:
    """One line per question from stdin: ``RATING [notes]``."""
    lines = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
    if len(lines) < count:
        fail(
            f"stdin gave {len(lines)} rating lines for {count} questions; nothing was saved - "
            "give one line per question ('4 notes...') or use --rate-all N"
        )
    pairs = []
    for line in lines[:count]:
        rating, _, notes = line.partition(" ")
        pairs.append((rating, notes.strip()))
    return pairs


def _ask_rating() -> int:
    while True:
        raw = typer.prompt(f"Rate your answer ({RATING_HELP})")
        try:
            return validate(RatingIn, {"question_id": "x", "rating": raw}).rating
        except InputError as exc:
            say(f"[red]{exc.message}[/]")


@interview_app.command("practice")
@user_errors
def practice_cmd(
    count: int = typer.Option(5, "--count", help="How many questions"),
    occupation: str | None = typer.Option(None, "--occupation", help="Target O*NET-SOC code"),
    opportunity: int | None = typer.Option(None, "--opportunity", help="Target opportunity id"),
    rate_all: str | None = typer.Option(
        None, "--rate-all", help="Non-interactive: give every question this rating (1-5)"
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Non-interactive JSON; ratings from --rate-all or stdin lines"
    ),
) -> None:
    """A practice session: one question at a time with a timer, then your 1-5 rating.

    Weak answers come back sooner (SM-2 spaced repetition). With --json the session runs
    without prompts: --rate-all N, or one line per question on stdin ('4 optional notes')."""
    if rate_all is not None:
        rate = validate(RatingIn, {"question_id": "x", "rating": rate_all}).rating
    items = service.practice_queue(
        context(), count=count, occupation=occupation, opportunity=opportunity
    )
    if not items:
        if as_json:
            print_json({"session": None, "algorithm": ALGORITHM, "rated": [], "questions": []})
            return
        console.print("Nothing is due: every question you practised is scheduled for later.")
        return
    ratings: list[dict[str, object]] = []
    if rate_all is not None or as_json:
        given = (
            [(str(rate), "")] * len(items) if rate_all is not None else _stdin_ratings(len(items))
        )
        for item, (raw, notes) in zip(items, given, strict=True):
            ratings.append({"question_id": item.question.id, "rating": raw, "notes": notes})
    else:
        say(
            f"Practice: {len(items)} questions. Answer each aloud (or to a friend reading "
            f"them), then rate yourself. Scheduling: {ALGORITHM}."
        )
        for n, item in enumerate(items, 1):
            q = item.question
            console.print(f"\n[bold][{n}/{len(items)}] {q.text}[/]  ({q.category}, {item.reason})")
            started = time.monotonic()
            typer.prompt(
                "Press Enter when you have answered (the clock is running)",
                default="",
                show_default=False,
            )
            seconds = round(time.monotonic() - started)
            say(f"Time: {seconds // 60}:{seconds % 60:02d}")
            say(f"It tests: {q.tests}")
            if q.strong:
                say(f"A strong answer: {q.strong}")
            rating = _ask_rating()
            notes = typer.prompt("Notes (optional)", default="", show_default=False)
            ratings.append(
                {"question_id": q.id, "rating": rating, "notes": notes, "seconds": seconds}
            )
    result = service.record_session(context(), ratings)
    if as_json:
        data = result.model_dump(mode="json")
        data["questions"] = [i.question.model_dump(mode="json") for i in items]
        print_json(data)
        return
    print_table(
        f"Session saved ({ALGORITHM})",
        ["question", "rating", "comes back"],
        [(r.question_id, r.rating, r.next_due.isoformat()) for r in result.rated],
    )


@interview_app.command("stats")
@user_errors
def stats_cmd(as_json: bool = JSON) -> None:
    """Progress per category, stories per category and over-used stories."""
    view = service.stats(context())
    if as_json:
        print_json(view)
        return
    print_table(
        "Interview practice by category",
        ["category", "answered", "with story", "practised", "mean rating", "weak", "due"],
        [
            (
                c.category,
                f"{c.answered}/{c.questions_in_bank}",
                c.with_story,
                c.practised,
                "" if c.mean_rating is None else f"{c.mean_rating:.1f}",
                c.weak,
                c.due,
            )
            for c in view.categories
        ],
    )
    if view.no_story_yet:
        say(
            "No story yet for: " + ", ".join(view.no_story_yet) + " (career interview answer "
            "ID --text ... --win WIN_ID)"
        )
    for use in view.stories:
        if use.warning:
            say(f"[yellow]Check:[/] {use.warning}")
    mapping = ", ".join(f"{r}->q{q}" for r, q in RATING_TO_QUALITY.items())
    say(f"[dim]{ALGORITHM}; your rating to its quality: {mapping}[/]")


def register(app: typer.Typer) -> None:
    import careerceo.cli.interview_rounds  # noqa: F401  (adds round, rounds, prep, debrief)

    app.add_typer(interview_app, name="interview")
