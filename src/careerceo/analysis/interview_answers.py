"""Suggested interview answers built only from the person's own record (pure).

The suggestion reuses the words of the person's wins (STAR: situation, task, action, result)
and of their résumé; template words around them carry no figures, so a number that is not in
their record can never appear (``numbers_not_in_record`` is the check, and a test holds it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from careerceo.analysis.accomplishments import Win, missing_parts, to_bullet, to_star

WORD = re.compile(r"[a-z][a-z'-]{3,}")
STOP = frozenset(
    [
        "about",
        "after",
        "again",
        "also",
        "answer",
        "because",
        "being",
        "before",
        "between",
        "could",
        "describe",
        "does",
        "doing",
        "during",
        "each",
        "example",
        "explain",
        "from",
        "give",
        "have",
        "having",
        "into",
        "just",
        "like",
        "make",
        "more",
        "most",
        "other",
        "over",
        "some",
        "such",
        "tell",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "time",
        "under",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "would",
        "your",
        "you",
    ]
)
REFLECTION_PROMPT = "Reflection: (add what you learned, or what you would do differently)"


@dataclass(frozen=True)
class StoryWin:
    """A win as the suggester sees it: its id and its parts."""

    id: int
    win: Win


@dataclass(frozen=True)
class PersonFacts:
    headline: str = ""
    current_role: str = ""  # "Data Analyst at Acme"
    transfers: tuple[str, ...] = ()  # skills that carry to the target, from the pivot engine


@dataclass(frozen=True)
class Suggestion:
    text: str
    win_id: int | None
    why: str
    record: tuple[str, ...] = field(default_factory=tuple)  # the facts it was built from


def _words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in STOP}


def _win_words(win: Win) -> set[str]:
    parts = [win.title, win.situation, win.action, win.result, " ".join(win.skills)]
    return _words(" ".join(parts))


def best_story(question_text: str, wins: Sequence[StoryWin]) -> tuple[StoryWin | None, int]:
    """The win sharing most words with the question, and how many; complete wins win ties."""
    wanted = _words(question_text)
    best: tuple[int, int, int] | None = None
    chosen: StoryWin | None = None
    for order, item in enumerate(wins):
        key = (len(wanted & _win_words(item.win)), -len(missing_parts(item.win)), -order)
        if best is None or key > best:
            best, chosen = key, item
    return chosen, (best[0] if best else 0)


def win_record(win: Win) -> tuple[str, ...]:
    return tuple(t for t in (win.title, win.situation, win.action, win.result, win.metrics) if t)


def suggest(
    *,
    category: str,
    question_text: str,
    needs_story: bool,
    hints: str = "",
    wins: Sequence[StoryWin],
    person: PersonFacts,
    chosen_win: int | None = None,
) -> Suggestion:
    """A first draft in the person's own words for them to edit; never a finished claim."""
    if category in {"to_ask", "closing"}:
        return Suggestion(
            question_text,
            None,
            "you ask this one: say it in your own words near the end of the interview",
        )
    story: StoryWin | None = None
    overlap = 0
    if chosen_win is not None:
        story = next((w for w in wins if w.id == chosen_win), None)
    elif wins:
        story, overlap = best_story(f"{question_text} {hints}", wins)
    if category in {"general", "career_change"} and not needs_story:
        return _pitch(category, person, wins)
    if story is None:
        return Suggestion(
            "(No win in your log yet to build this story from: add one with career win "
            '"..." and ask again.)',
            None,
            "a story question needs a win from your log",
        )
    why = (
        f"win #{story.id} shares {overlap} words with the question"
        if overlap
        else f"no win shares words with the question; win #{story.id} is your most complete "
        "story - choose another with --win"
    )
    if chosen_win is not None:
        why = f"built on win #{story.id}, as you chose"
    text = to_star(story.win) + "\n" + REFLECTION_PROMPT
    return Suggestion(text, story.id, why, win_record(story.win))


def _pitch(category: str, person: PersonFacts, wins: Sequence[StoryWin]) -> Suggestion:
    lines: list[str] = []
    record: list[str] = []
    if person.current_role:
        lines.append(f"I am currently {person.current_role}.")
        record.append(person.current_role)
    elif person.headline:
        lines.append(f"{person.headline}.")
        record.append(person.headline)
    bullets = [to_bullet(w.win) for w in wins[:2]]
    if bullets:
        lines.append("Two results I am proud of: " + "; ".join(bullets) + ".")
        for w in wins[:2]:
            record.extend(win_record(w.win))
    if category == "career_change" and person.transfers:
        lines.append("What carries over to this role: " + ", ".join(person.transfers[:4]) + ".")
    lines.append(
        "(Finish with why this role, and this company, is your next step - in your words.)"
    )
    why = "from your current position and your log of wins"
    if category == "career_change":
        why += "; what carries over comes from the pivot engine's transfers to the target"
    return Suggestion("\n".join(lines), None, why, tuple(record))
