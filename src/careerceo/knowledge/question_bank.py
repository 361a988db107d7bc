"""The bundled interview question bank (``data/question_bank.json``), loaded once.

Written by the project's contributors, not copied from any site. Every question says what the
interviewer is really testing and what a strong answer contains; role-specific sets are keyed by
SOC major group. A test validates the file (count, categories, families, unique ids).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from careerceo.model.interview import BankQuestion

PATH = Path(__file__).with_name("data") / "question_bank.json"


class QuestionBank(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str
    source: str
    questions: tuple[BankQuestion, ...]

    def get(self, question_id: str) -> BankQuestion | None:
        return _index(self).get(question_id)

    def major_groups(self) -> list[str]:
        return sorted({q.major_group for q in self.questions if q.major_group})


def _index(bank: QuestionBank) -> dict[str, BankQuestion]:
    return {q.id: q for q in bank.questions}


@lru_cache(maxsize=1)
def load_question_bank() -> QuestionBank:
    return QuestionBank.model_validate(json.loads(PATH.read_text(encoding="utf-8")))
