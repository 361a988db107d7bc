"""The warning-signs check: is it time to explore a pivot while still employed?

The three signs executives should watch (no history of upward mobility, culture clash with key
players, lack of autonomy) and their everyday variants (toxic workplace, managing up,
boundaries, layoff risk) are asked as statements rated 1 (strongly disagree) to 5 (strongly
agree). Some statements are written as the healthy case and scored reversed, so agreeing with
everything does not read as alarm. A dimension scores 0-100: 0 = no warning, 100 = every
answer at the warning end. The questionnaire is data so that shells render it, not rewrite it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from careerceo.model.direction_records import DimensionRecord as DimensionScore

LIKERT = {
    1: "strongly disagree",
    2: "disagree",
    3: "neither",
    4: "agree",
    5: "strongly agree",
}
HIGH = 65.0
MODERATE = 40.0


@dataclass(frozen=True)
class Question:
    id: str
    dimension: str
    text: str
    reverse: bool = False  # agreeing is the healthy answer


@dataclass(frozen=True)
class Dimension:
    id: str
    title: str
    core: bool  # one of the three signs executives watch
    meaning: str


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "upward_mobility",
        "No history of upward mobility",
        True,
        "people here do not move up, so you are unlikely to either",
    ),
    Dimension(
        "culture_clash",
        "Culture clash with key players",
        True,
        "the people who decide see work differently from you",
    ),
    Dimension(
        "autonomy",
        "Lack of autonomy",
        True,
        "you cannot decide how to do the work you are accountable for",
    ),
    Dimension("toxic_workplace", "Toxic workplace", False, "the environment harms people"),
    Dimension(
        "managing_up",
        "Managing up is failing",
        False,
        "your manager and you are not working as a team",
    ),
    Dimension(
        "boundaries", "Boundaries", False, "work takes time and energy that is not its to take"
    ),
    Dimension("layoff_risk", "Layoff risk", False, "signs the company may cut your role"),
)

QUESTIONS: tuple[Question, ...] = (
    Question(
        "um1",
        "upward_mobility",
        "In the last two years, people at my level here were promoted.",
        True,
    ),
    Question(
        "um2",
        "upward_mobility",
        "Senior roles here are filled from outside rather than from within.",
    ),
    Question(
        "um3", "upward_mobility", "I can name the next role I could realistically get here.", True
    ),
    Question(
        "cc1",
        "culture_clash",
        "The key decision makers share my values about how work is done.",
        True,
    ),
    Question("cc2", "culture_clash", "I often disagree with key players on what matters most."),
    Question("cc3", "culture_clash", "I hold back my views in meetings with leadership."),
    Question("au1", "autonomy", "I decide how to do my work.", True),
    Question("au2", "autonomy", "My decisions are routinely overruled or need several approvals."),
    Question("au3", "autonomy", "I am accountable for results I cannot influence."),
    Question("tw1", "toxic_workplace", "Blame, gossip or fear are common on my team."),
    Question("tw2", "toxic_workplace", "I feel safe raising a problem.", True),
    Question("mu1", "managing_up", "My manager knows my goals and supports them.", True),
    Question("mu2", "managing_up", "I learn about decisions affecting me after they are made."),
    Question("bd1", "boundaries", "Work regularly spills into evenings, weekends or holidays."),
    Question("bd2", "boundaries", "I can say no to extra work without consequences.", True),
    Question(
        "lr1", "layoff_risk", "There have been layoffs, hiring freezes or budget cuts recently."
    ),
    Question("lr2", "layoff_risk", "My role is central to how the company earns money.", True),
)


@dataclass(frozen=True)
class SignalResult:
    scores: tuple[DimensionScore, ...]
    overall: float
    high: tuple[str, ...]
    recommend_pivot: bool
    recommendation: str


def level_of(score: float) -> str:
    return "high" if score >= HIGH else "moderate" if score >= MODERATE else "low"


def validate_answers(answers: Mapping[str, int]) -> dict[str, int]:
    """Every question answered once with 1..5; raises ValueError naming the problem."""
    known = {q.id for q in QUESTIONS}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ValueError(
            f"unknown question id(s) {', '.join(unknown)}; ids are {', '.join(sorted(known))}"
        )
    missing = [q.id for q in QUESTIONS if q.id not in answers]
    if missing:
        raise ValueError(f"answer every question; missing {', '.join(missing)}")
    for qid, value in answers.items():
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
            raise ValueError(f"answer for {qid} must be a whole number from 1 to 5, got {value!r}")
    return dict(answers)


def score_signals(answers: Mapping[str, int]) -> SignalResult:
    answers = validate_answers(answers)
    scores: list[DimensionScore] = []
    for dim in DIMENSIONS:
        qs = [q for q in QUESTIONS if q.dimension == dim.id]
        warnings = []
        drivers = []
        for q in qs:
            raw = answers[q.id]
            warn = (5 - raw) / 4 if q.reverse else (raw - 1) / 4
            warnings.append(warn)
            if warn >= 0.75:
                drivers.append(f'you {LIKERT[raw]} that "{q.text}"')
        score = round(100 * sum(warnings) / len(warnings), 1)
        level = level_of(score)
        if drivers:
            why = f"{dim.meaning}: " + "; ".join(drivers)
        else:
            why = "no statement at the warning end" if level == "low" else "mixed answers"
        scores.append(
            DimensionScore(
                dimension=dim.id,
                title=dim.title,
                core=dim.core,
                score=score,
                level=level,
                explanation=why,
            )
        )
    overall = round(sum(s.score for s in scores) / len(scores), 1)
    high = tuple(s.dimension for s in scores if s.level == "high")
    core_high = [s for s in scores if s.core and s.level == "high"]
    recommend = bool(core_high) or overall >= HIGH
    if recommend:
        names = ", ".join(s.title.lower() for s in core_high) or "several warning signs"
        text = (
            f"High signals ({names}): explore a pivot while still employed; it's easier to get "
            f"a job when you have a job. Look at the ranked pivot options."
        )
    elif high:
        text = (
            "Some everyday signals are high; address them with your manager first, and keep "
            "watching them month by month."
        )
    else:
        text = "No high warning signs: keep doing the monthly review."
    return SignalResult(tuple(scores), overall, high, recommend, text)


def compare(previous: Mapping[str, float], current: Mapping[str, float]) -> dict[str, float]:
    """Change per dimension since the previous check (positive = more warning)."""
    return {k: round(v - previous[k], 1) for k, v in current.items() if k in previous}
