"""The typed views interview practice returns; the CLI, the web pages and the API render
these."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

OWN_PREFIX = "own-"
MAX_SESSION = 50


class QuestionView(BaseModel):
    id: str
    category: str
    text: str
    tests: str
    strong: str = ""
    story: bool = False
    major_group: str | None = None
    family: str | None = None  # the SOC major group's title
    source: str = "bank"  # bank | own | debrief
    answered: bool = False
    win_id: int | None = None


class AnswerView(BaseModel):
    question_id: str
    question: str
    text: str
    win_id: int | None
    reflection: str
    warnings: list[str]


class SuggestionView(BaseModel):
    question_id: str
    text: str
    win_id: int | None
    why: str


class CardView(BaseModel):
    attempts: int
    last_rating: int | None
    easiness: float
    interval_days: int
    due_on: date | None


class PracticeItem(BaseModel):
    question: QuestionView
    reason: str
    card: CardView | None


class Target(BaseModel):
    occupation_code: str | None = None
    major_group: str | None = None
    label: str = ""


class RatedView(BaseModel):
    question_id: str
    rating: int
    next_due: date
    interval_days: int


class SessionView(BaseModel):
    session: str
    algorithm: str
    rated: list[RatedView]


class CategoryStats(BaseModel):
    category: str
    questions_in_bank: int
    answered: int
    with_story: int
    missing_story: bool
    practised: int
    attempts: int
    mean_rating: float | None
    weak: int
    due: int
    by_month: dict[str, float]


class StoryUseView(BaseModel):
    win_id: int
    question_ids: list[str]
    warning: str


class StatsView(BaseModel):
    algorithm: str
    rating_scale: dict[int, int]
    categories: list[CategoryStats]
    stories: list[StoryUseView]
    no_story_yet: list[str]


# -- the bank ----------------------------------------------------------------------------------
