"""Interview practice scheduling, question picking, story coverage and progress (pure).

Spaced repetition is SuperMemo SM-2 (Wozniak, 1987). The person rates each practised answer 1-5
and the rating is used as SM-2's response quality q directly:

=======  ==============================  ====  =================================
rating   meaning to the person            q     SM-2 effect
=======  ==============================  ====  =================================
1        could not answer                 1     failed: repetitions restart, 1 day
2        weak, lost the thread            2     failed: repetitions restart, 1 day
3        got through it, with effort      3     passed; easiness falls by 0.14
4        good, a little hesitation        4     passed; easiness unchanged
5        natural and complete             5     passed; easiness rises by 0.10
=======  ==============================  ====  =================================

(SM-2's q = 0, "complete blackout", is not used: a rating of 1 already restarts the card.)
After each attempt the easiness factor EF becomes EF + 0.1 - (5-q)(0.08 + (5-q)0.02), never
below 1.3; a pass moves the interval 1 day, then 6 days, then the previous interval x EF
(rounded); a fail sets repetitions to 0 and brings the question back the next day. The state is
replayed from the stored attempts, so it is never out of step with the history.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

ALGORITHM = "SM-2"
START_EASINESS = 2.5
MIN_EASINESS = 1.3
WEAK_RATING = 3  # a last rating at or below this is "weak" and comes first
MAX_STORY_USES = 3  # one story may back this many answers before the app warns

RATING_TO_QUALITY: dict[int, int] = {1: 1, 2: 2, 3: 3, 4: 4, 5: 5}


@dataclass(frozen=True)
class Card:
    """The spaced-repetition state of one question."""

    easiness: float = START_EASINESS
    interval: int = 0  # days
    repetitions: int = 0  # passes in a row
    due_on: date | None = None  # None: never practised
    last_rating: int | None = None
    last_practised: date | None = None
    attempts: int = 0


def sm2_quality(rating: int) -> int:
    """The SM-2 response quality (0-5) for a self-rating (1-5)."""
    if rating not in RATING_TO_QUALITY:
        raise ValueError(f"rating must be 1 to 5, got {rating}")
    return RATING_TO_QUALITY[rating]


def review(card: Card, rating: int, on: date) -> Card:
    """The card after one attempt rated ``rating`` on day ``on`` (one SM-2 step)."""
    q = sm2_quality(rating)
    easiness = max(MIN_EASINESS, card.easiness + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02))
    if q < 3:
        repetitions, interval = 0, 1
    else:
        repetitions = card.repetitions + 1
        if repetitions == 1:
            interval = 1
        elif repetitions == 2:
            interval = 6
        else:
            interval = max(1, round(card.interval * easiness))
    return Card(
        easiness=round(easiness, 4),
        interval=interval,
        repetitions=repetitions,
        due_on=on + timedelta(days=interval),
        last_rating=rating,
        last_practised=on,
        attempts=card.attempts + 1,
    )


def replay(history: Iterable[tuple[date, int]]) -> Card:
    """The card after every (day, rating) attempt, in date order (stable for one day)."""
    card = Card()
    for on, rating in sorted(history, key=lambda item: item[0]):
        card = review(card, rating, on)
    return card


def cards_from(attempts: Iterable[tuple[str, date, int]]) -> dict[str, Card]:
    """Question id -> card, from (question id, day, rating) rows in the order they were saved."""
    by_question: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for question_id, on, rating in attempts:
        by_question[question_id].append((on, rating))
    return {key: replay(rows) for key, rows in by_question.items()}


# -- picking what to practise ------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A question as the picker sees it."""

    id: str
    category: str
    major_group: str | None = None
    answered: bool = False


@dataclass(frozen=True)
class Pick:
    id: str
    reason: str
    score: float


def _score(
    c: Candidate, card: Card | None, target_group: str | None, today: date
) -> tuple[float, str] | None:
    role = target_group is not None and c.major_group == target_group
    if card is None or card.due_on is None:
        score = 50.0 + (10.0 if not c.answered else 0.0) + (15.0 if role else 0.0)
        reason = "new" + (", for the target role" if role else "")
        reason += ", no answer written yet" if not c.answered else ""
        return score, reason
    if card.due_on > today:
        return None  # scheduled for later; SM-2 says not yet
    weak = card.last_rating is not None and card.last_rating <= WEAK_RATING
    overdue = (today - card.due_on).days
    score = 60.0 + (30.0 if weak else 0.0) + min(overdue, 30) * 0.5 + (10.0 if role else 0.0)
    score += (5 - (card.last_rating or 3)) * 2.0
    reason = f"due (last rated {card.last_rating}"
    reason += ", weak)" if weak else ")"
    return score, reason


def pick_questions(
    candidates: Sequence[Candidate],
    cards: Mapping[str, Card],
    *,
    today: date,
    count: int,
    target_group: str | None = None,
) -> list[Pick]:
    """Questions for one session: due weak ones first, then new ones weighted to the target role
    and to questions without a written answer, then due strong ones; questions scheduled for a
    later day are left out. Ties keep the bank's order, so a session is reproducible."""
    scored: list[tuple[float, int, Pick]] = []
    for order, c in enumerate(candidates):
        got = _score(c, cards.get(c.id), target_group, today)
        if got is not None:
            scored.append((-got[0], order, Pick(c.id, got[1], got[0])))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [pick for _, _, pick in scored[: max(0, count)]]


# -- stories and coverage ----------------------------------------------------------------------


@dataclass(frozen=True)
class StoryUse:
    win_id: int
    question_ids: tuple[str, ...]
    warning: str = ""


def story_uses(answers: Mapping[str, int | None], limit: int = MAX_STORY_USES) -> list[StoryUse]:
    """Win id -> the questions it answers; a warning when one story carries too many answers
    (interviewers in later rounds hear the same example again)."""
    by_win: dict[int, list[str]] = defaultdict(list)
    for question_id, win_id in answers.items():
        if win_id is not None:
            by_win[win_id].append(question_id)
    uses = []
    for win_id, questions in sorted(by_win.items()):
        warning = ""
        if len(questions) > limit:
            warning = (
                f"win #{win_id} backs {len(questions)} answers (more than {limit}); a panel or "
                "a later round may hear it twice - give some of them another story"
            )
        uses.append(StoryUse(win_id, tuple(sorted(questions)), warning))
    return uses


@dataclass(frozen=True)
class CategoryCoverage:
    category: str
    questions: int
    answered: int
    with_story: int
    missing_story: bool


def coverage(
    questions: Sequence[Candidate],
    answers: Mapping[str, int | None],
    categories: Sequence[str],
) -> list[CategoryCoverage]:
    """Per category: how many questions have an answer and how many rest on a story (a win)."""
    rows = []
    for category in categories:
        ids = [q.id for q in questions if q.category == category]
        answered = [i for i in ids if i in answers]
        storied = [i for i in answered if answers[i] is not None]
        rows.append(CategoryCoverage(category, len(ids), len(answered), len(storied), not storied))
    return rows


# -- progress ----------------------------------------------------------------------------------


@dataclass
class CategoryProgress:
    category: str
    attempts: int = 0
    questions: int = 0
    mean_rating: float | None = None  # over the latest rating of each practised question
    weak: int = 0  # practised questions whose latest rating is weak
    due: int = 0
    by_month: dict[str, float] = field(default_factory=dict)  # YYYY-MM -> mean rating


def progress(
    attempts: Sequence[tuple[str, date, int]],
    category_of: Mapping[str, str],
    *,
    today: date,
) -> list[CategoryProgress]:
    """Progress over time per category, from (question id, day, rating) attempts."""
    cards = cards_from(attempts)
    result: dict[str, CategoryProgress] = {}
    months: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for question_id, on, rating in attempts:
        category = category_of.get(question_id, "own")
        row = result.setdefault(category, CategoryProgress(category))
        row.attempts += 1
        months[category][on.strftime("%Y-%m")].append(rating)
    latest: dict[str, list[int]] = defaultdict(list)
    for question_id, card in cards.items():
        category = category_of.get(question_id, "own")
        row = result[category]
        row.questions += 1
        if card.last_rating is not None:
            latest[category].append(card.last_rating)
            if card.last_rating <= WEAK_RATING:
                row.weak += 1
        if card.due_on is not None and card.due_on <= today:
            row.due += 1
    for category, row in result.items():
        ratings = latest[category]
        row.mean_rating = round(sum(ratings) / len(ratings), 2) if ratings else None
        row.by_month = {
            month: round(sum(v) / len(v), 2) for month, v in sorted(months[category].items())
        }
    return sorted(result.values(), key=lambda r: r.category)


# -- facts in an answer ------------------------------------------------------------------------

NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")


def _numbers(text: str) -> set[str]:
    return {m.group(0).replace(",", "") for m in NUMBER.finditer(text)}


def numbers_not_in_record(answer: str, record: Iterable[str]) -> list[str]:
    """Numbers in ``answer`` that appear nowhere in the person's record (wins, résumé).

    A suggested answer must never contain one; a typed answer that does is flagged so the
    person checks it before saying it to an employer."""
    known: set[str] = set()
    for text in record:
        known |= _numbers(text)
    return sorted(_numbers(answer) - known, key=lambda n: (len(n), n))
