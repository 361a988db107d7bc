"""Direction: how long alignment scoring and drift detection take on long histories.

Prints figures (not a timed test): ten years of monthly reviews with ten goals and thirty
milestones, scored and checked end to end, as the review page does on every save.
"""

from __future__ import annotations

import random
import time
from datetime import date

from careerceo.analysis.alignment import Activity, GoalInfo, MilestoneInfo, ReviewData, score_review
from careerceo.analysis.drift import ReviewRecord, detect_drift
from careerceo.analysis.schedule import review_schedule
from careerceo.model.months import add_months


def build(
    months: int, n_goals: int, seed: int = 7
) -> tuple[list[ReviewData], list[GoalInfo], list[MilestoneInfo]]:
    rng = random.Random(seed)
    goals = [GoalInfo(f"g{i}", f"Goal {i}", date(2016, 1, 1)) for i in range(n_goals)]
    milestones = [
        MilestoneInfo(f"m{i}", f"g{i % n_goals}", f"Milestone {i}", date(2027, 1, 1))
        for i in range(3 * n_goals)
    ]
    reviews = []
    for k in range(months):
        month = add_months("2016-01", k)
        acts = tuple(
            Activity(f"a{j}", 10, f"g{rng.randrange(n_goals)}" if rng.random() < 0.7 else None)
            for j in range(8)
        )
        reviews.append(
            ReviewData(
                month,
                acts,
                ("skill",) if rng.random() < 0.3 else (),
                ("win",),
                {g.key: rng.randint(0, 5) for g in goals},
                {m.key: min(100, 5 * k) for m in milestones if rng.random() < 0.5},
            )
        )
    return reviews, goals, milestones


def main() -> None:
    for months, n_goals in ((12, 3), (120, 10), (600, 20)):
        reviews, goals, milestones = build(months, n_goals)
        start = time.perf_counter()
        records: list[ReviewRecord] = []
        prev = None
        for r in reviews:
            records.append(ReviewRecord(r, score_review(r, goals, milestones, prev)))
            prev = r
        scored = time.perf_counter()
        schedule = review_schedule({r.month for r in reviews}, date(2066, 1, 1))
        findings = detect_drift(records, goals, milestones, date(2066, 1, 1), schedule.missed)
        done = time.perf_counter()
        print(
            f"{months:4d} reviews x {n_goals:2d} goals: score {1000 * (scored - start):7.2f} ms, "
            f"schedule+drift {1000 * (done - scored):7.2f} ms, {len(findings)} findings"
        )


if __name__ == "__main__":
    main()
