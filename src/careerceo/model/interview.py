"""What the person may write about interviews: answers, practice ratings, and the question bank.

One rule, one place: the CLI, the web form and the API refuse the same input with the same
words because they all validate through these models. Checks that need the database (does the
question or the win exist?) are made by the service.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, field_validator

from careerceo.model.common import InputModel, bounded_text, invalid, number_in, row_id, rule

MAX_ANSWER = 5_000
MAX_NOTES = 2_000
RATING_MIN, RATING_MAX = 1, 5
RATING_MESSAGE = (
    "rating must be a whole number from 1 (could not answer) to 5 (natural and complete)"
)
RATING = number_in(RATING_MIN, RATING_MAX, RATING_MESSAGE)
OPTIONAL_RATING = number_in(RATING_MIN, RATING_MAX, RATING_MESSAGE, optional=True)


class QuestionCategory(StrEnum):
    """The bank's categories; ``to_ask`` and ``closing`` are asked by the person, not of them."""

    GENERAL = "general"
    BEHAVIOURAL = "behavioural"
    LEADERSHIP = "leadership"
    CAREER_CHANGE = "career_change"
    ROLE_SPECIFIC = "role_specific"
    TO_ASK = "to_ask"
    CLOSING = "closing"
    OWN = "own"  # questions the person added, or met in an interview (debrief)


# What the person answers (the interviewer asks these); a story can back each of them.
ANSWERED = (
    QuestionCategory.GENERAL,
    QuestionCategory.BEHAVIOURAL,
    QuestionCategory.LEADERSHIP,
    QuestionCategory.CAREER_CHANGE,
    QuestionCategory.ROLE_SPECIFIC,
    QuestionCategory.OWN,
)


def category_of(value: Any) -> QuestionCategory:
    """A category from what a person typed ("Behavioral" and "career-change" included)."""
    word = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    word = {"behavioral": "behavioural", "ask": "to_ask", "close": "closing"}.get(word, word)
    try:
        return QuestionCategory(word)
    except ValueError:
        names = ", ".join(c.value for c in QuestionCategory)
        raise invalid("category", f"category must be one of {names} (got {value!r})") from None


class BankQuestion(BaseModel):
    """One question of the bundled bank (``knowledge/data/question_bank.json``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    category: QuestionCategory
    text: str
    tests: str  # what the interviewer is really testing
    strong: str  # what a strong answer contains
    story: bool = False  # a STAR story answers it best
    major_group: str | None = None  # role-specific: the SOC major group, e.g. "15-0000"

    @field_validator("text", "tests", "strong")
    @classmethod
    def _written(cls, value: str) -> str:
        if len(value.strip()) < 15:
            raise ValueError("must be written out")
        return value


class AnswerIn(InputModel):
    """The person's answer to one question, optionally built on one win (the story)."""

    question_id: Annotated[str, bounded_text(40, required=True)]
    text: Annotated[str, bounded_text(MAX_ANSWER, required=True)]
    win_id: Annotated[
        int | None, rule(row_id, message="win_id must be a win's id (career wins list)")
    ] = None
    reflection: Annotated[str, bounded_text(MAX_NOTES)] = ""


class RatingIn(InputModel):
    """One practised question: the self-rating, notes and how long the answer took."""

    question_id: Annotated[str, bounded_text(40, required=True)]
    rating: Annotated[int, RATING]
    notes: Annotated[str, bounded_text(MAX_NOTES)] = ""
    seconds: Annotated[
        int | None,
        number_in(0, 24 * 3600, "seconds must be 0 to 86400 (one day)", optional=True),
    ] = None


class OwnQuestionIn(InputModel):
    """A question the person adds to their bank (or met in an interview)."""

    text: Annotated[str, bounded_text(1_000, required=True)]
    category: QuestionCategory = QuestionCategory.OWN
    tests: Annotated[str, bounded_text(1_000)] = ""
    occupation_code: str | None = None

    @field_validator("category", mode="before")
    @classmethod
    def _category(cls, value: Any) -> QuestionCategory:
        return category_of(value)
