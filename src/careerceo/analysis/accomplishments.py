"""Accomplishments into résumé bullets and STAR stories (pure).

A bullet is "verb + what + result with its metric": the action opens (weak openings like
"responsible for" are replaced by a strong verb), the result follows, and the metric is added
if the result does not already carry a number. A STAR story keeps all four parts for interviews.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from careerceo.analysis.resume_language import (
    METRIC,
    first_word,
    gerund_to_past,
    strengthen_opening,
    verb_tense,
    weak_opening,
)
from careerceo.analysis.wording import lower_first


@dataclass
class Win:
    title: str = ""
    situation: str = ""
    action: str = ""
    result: str = ""
    metrics: str = ""
    skills: list[str] = field(default_factory=list)
    happened_on: str = ""
    employer: str = ""


RESULT_LINKS = re.compile(
    r"(?:,|(?<!\s))\s+(?:resulting in|which|leading to|so that|that|and thereby|thereby|to)\s+",
    re.IGNORECASE,
)
# "failed loads fell 70%": the result has its own subject and verb, so it cannot follow
# "which" ("..., which failed loads fell 70%")
OWN_SUBJECT = re.compile(
    r"\b(?:fell|rose|went|dropped|grew|increased|decreased|improved|doubled|halved|tripled|"
    r"declined|jumped|climbed|shrank|shrunk|was|were|is|are|reached|hit)\b",
    re.IGNORECASE,
)
# (?<!\s) lets a match start only where a run of spaces starts: linear on long blank runs.
BY_CLAUSE = re.compile(r"^(?P<result>.+?)(?<!\s)\s+by\s+(?P<action>[a-z]+ing\b.+)$", re.IGNORECASE)


def _sentence(text: str) -> str:
    text = " ".join(text.split()).strip().rstrip(".,;: ")  # "X, which Y": no "X,, which Y"
    return text[:1].upper() + text[1:] if text else ""


def parse_quick(text: str) -> Win:
    """One line typed at the command line into the parts of a win.

    "Cut build time 40% by caching dependencies" -> result "Cut build time 40%", action
    "caching dependencies"; "Automated billing, saving 10 hours a week" -> action and result.
    """
    line = " ".join(text.split()).strip()
    metrics = ", ".join(dict.fromkeys(m.group(0).strip() for m in METRIC.finditer(line)))
    win = Win(title=line[:300], metrics=metrics)
    by = BY_CLAUSE.match(line)
    if by:
        win.result = _sentence(by.group("result"))
        win.action = _sentence(by.group("action"))
        return win
    parts = re.split(
        r",\s+(?=(?:saving|cutting|reducing|increasing|growing|improving|raising)\b)|"
        r"\s+(?:resulting in|leading to|which)\s+",
        line,
        maxsplit=1,
    )
    win.action = _sentence(parts[0])
    if len(parts) > 1:
        win.result = _sentence(parts[1])
    return win


def _strong_action(action: str) -> str:
    text = _sentence(action)
    strong = strengthen_opening(text) if weak_opening(text) else None
    # kept in the person's words when the opening cannot be replaced safely
    return _sentence(strong or re.sub(r"^I\s+", "", text))


def _past_tense(action_gerund: str) -> str:
    """ "caching dependencies" -> "Cached dependencies", so a bullet opens with its verb."""
    word, _, rest = action_gerund.partition(" ")
    return _sentence(f"{gerund_to_past(word)} {rest}".strip())


def to_bullet(win: Win) -> str:
    """ "Verb + what + result with metric", one line, no trailing period."""
    action = win.action.strip()
    result = _sentence(win.result)
    if action and re.match(r"^[a-z]+ing\b", action, re.IGNORECASE):
        action = _past_tense(action)
    action = _strong_action(action) if action else ""
    if action and result:
        first = first_word(result)
        if first.endswith("ing"):
            bullet = f"{action}, {lower_first(result)}"
        elif verb_tense(first) == "past" and not OWN_SUBJECT.search(result.split(" ", 1)[-1]):
            bullet = f"{action}, which {lower_first(result)}"
        else:
            bullet = f"{action}: {lower_first(result)}"
    else:
        bullet = action or result or _sentence(win.title)
    if win.metrics and not METRIC.search(bullet):
        bullet = f"{bullet} ({win.metrics})"
    return bullet


def to_star(win: Win) -> str:
    """A STAR story; a missing part is named so the person knows what to add."""
    situation = _sentence(win.situation) or "(add the situation: where, when, what was at stake)"
    title = win.title.lower()
    repeated = bool(win.action) and win.action.lower().rstrip(".") in title
    task = "" if repeated or not win.title else _sentence(win.title)
    # "Automating billing" told as what happened: "Automated billing"
    action = _past_tense(win.action) or "(add what you did, in the first person)"
    result = _past_tense(win.result) or "(add the result)"
    if win.result and win.metrics and not METRIC.search(result):
        result = f"{result} ({win.metrics})"
    lines = [f"Situation: {situation}."]
    if task:
        lines.append(f"Task: {task}.")
    lines += [f"Action: {action}.", f"Result: {result}."]
    if win.skills:
        lines.append("Skills shown: " + ", ".join(win.skills) + ".")
    return "\n".join(line.replace(")..", ").").replace("..", ".") for line in lines)


def missing_parts(win: Win) -> list[str]:
    """What a win still needs to make a strong bullet and story."""
    missing = []
    if not win.situation:
        missing.append("situation")
    if not win.action:
        missing.append("action")
    if not win.result:
        missing.append("result")
    if not (win.metrics or METRIC.search(win.result)):
        missing.append("metric")
    return missing
