"""Interview practice: how long picking the next session takes on long practice histories.

Prints figures (not a timed test). Every practice page and ``career interview practice`` replays
the SM-2 history, scores the whole bank and computes progress per category; this measures that
on one, five and twenty years of daily practice (ten questions a day), then end to end through
the service on a real SQLite database with a year of history.
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from careerceo.analysis.interview_practice import (
    Candidate,
    cards_from,
    pick_questions,
    progress,
)
from careerceo.knowledge.question_bank import load_question_bank
from careerceo.services import interview
from careerceo.services.context import AppContext
from careerceo.settings import Settings

START = date(2020, 1, 1)


def history(days: int, ids: list[str], seed: int = 3) -> list[tuple[str, date, int]]:
    rng = random.Random(seed)
    return [
        (rng.choice(ids), START + timedelta(days=d), rng.randint(1, 5))
        for d in range(days)
        for _ in range(10)
    ]


def analysis_figures() -> None:
    bank = load_question_bank().questions
    ids = [q.id for q in bank]
    candidates = [Candidate(q.id, q.category.value, q.major_group, True) for q in bank]
    category = {q.id: q.category.value for q in bank}
    for years in (1, 5, 20):
        attempts = history(365 * years, ids)
        today = START + timedelta(days=365 * years)
        t0 = time.perf_counter()
        cards = cards_from(attempts)
        t1 = time.perf_counter()
        picks = pick_questions(candidates, cards, today=today, count=10, target_group="15-0000")
        t2 = time.perf_counter()
        progress(attempts, category, today=today)
        t3 = time.perf_counter()
        print(
            f"{years:>2} years, {len(attempts):>6} attempts: replay {1000 * (t1 - t0):6.1f} ms, "
            f"pick {len(picks)} of {len(candidates)} {1000 * (t2 - t1):5.1f} ms, "
            f"progress {1000 * (t3 - t2):6.1f} ms"
        )


def service_figures() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = AppContext(
            settings=Settings(
                data_dir=Path(tmp), database_url=f"sqlite:///{tmp}/b.db", host="127.0.0.1", port=0
            )
        )
        ids = [q.id for q in load_question_bank().questions if q.category.value == "behavioural"]
        t0 = time.perf_counter()
        for day in range(365):
            on = START + timedelta(days=day)
            ratings = [
                {"question_id": ids[(day + i) % len(ids)], "rating": 1 + (day + i) % 5}
                for i in range(10)
            ]
            interview.record_session(ctx, ratings, today=on)
        t1 = time.perf_counter()
        runs = 20
        for _ in range(runs):
            interview.practice_queue(
                ctx, count=10, occupation="15-1252.00", today=START + timedelta(366)
            )
        t2 = time.perf_counter()
        interview.stats(ctx, today=START + timedelta(366))
        t3 = time.perf_counter()
        ctx.db.dispose()
    print(
        f"service, SQLite, 3650 attempts: a saved session {1000 * (t1 - t0) / 365:5.1f} ms, "
        f"next session {1000 * (t2 - t1) / runs:5.1f} ms, stats {1000 * (t3 - t2):5.1f} ms"
    )


if __name__ == "__main__":
    analysis_figures()
    service_figures()
