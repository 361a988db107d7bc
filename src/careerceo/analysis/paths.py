"""Path mining: how the people in a collection reached a target role, and who did not.

Pure functions over a columnar frame of positions (no database, no files): NumPy merges
positions into roles and finds each profile's first arrival (``analysis.path_roles``), then
DuckDB (in memory, in process) groups the few tables that selects (``analysis.path_sql``), so a
million positions are a handful of vectorised passes instead of a Python loop per person.

Definitions, so every figure can be checked by hand:
- A profile's positions are in chronological order (``seq``). Consecutive positions with the
  same title (normalised) are one *role*: "Producer" at two employers in a row is one step.
- A profile *reaches* the target at its first role whose occupation code is the target code
  (target given as a code) or whose normalised title is the target title (given as a title).
  A second arrival after doing something else is counted in ``reached_twice`` and otherwise
  ignored: the path that matters is the first one.
- Step 1 is the role just before that first arrival, step 2 the one before it, and so on.
  ``share`` is people in the row / people who reached the target.
- Years in a role are (end - start) / 12 in months; "Present" ends at ``as_of``; a role with
  an unknown start or end has no duration and is left out of the medians (never guessed).
- Years to target run from the start of the first role that is not an internship (the first
  role when there are only internships) to the start of the target role. A profile whose first
  recorded role is the target is left out of them: its history says nothing of the time it
  takes (it would count as 0 years).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from careerceo.analysis import path_sql as sql
from careerceo.analysis.path_frame import ARRAY_COLUMNS, PathFrame, Target
from careerceo.analysis.path_roles import Roles, reach, roles_of
from careerceo.model.paths import (
    FlowRow,
    NextRow,
    OutcomeRow,
    SequenceRow,
    StepMove,
    StepRow,
)

__all__ = ["ARRAY_COLUMNS", "PathFrame", "PathMining", "Target", "mine", "roles_of"]

MAX_STEPS = 3
TOP_ROWS = 12  # rows per step kept; the rest are summed into "people" of no row
IDS_PER_ROW = 50  # positions listed under a figure, for correcting their occupation
KEYS_FOLLOWED = 15  # roles on the way whose outcomes (reached or went elsewhere) are counted
# the role columns each table handed to DuckDB needs (``analysis.path_sql``)
BEFORE_COLUMNS = (
    "profile", "role", "key", "title", "code", "start_m", "end_m", "internship", "size",
    "industry", "first_id", "next_code",
)  # fmt: skip
HELD_COLUMNS = ("profile", "key", "title", "code", "role", "next_title", "first_id")
NEXT_COLUMNS = ("profile", "code", "next_key", "next_title", "next_code", "next_first_id")


@dataclass
class PathMining:
    profiles: int
    people: int
    reached_twice: int
    steps_before: list[StepRow]
    occupations_before: list[StepRow]
    median_years_to_target: float | None
    spread_years_to_target: tuple[float, float] | None
    sequences: list[SequenceRow]
    outcomes: list[OutcomeRow]
    next_from: list[NextRow]
    reachers: list[int] = field(default_factory=list)  # profile ids, for education figures
    flows: list[FlowRow] = field(default_factory=list)
    target_ids: list[int] = field(default_factory=list)
    paths_of: dict[int, list[str]] = field(default_factory=dict)  # followed reachers' roles
    sizes: list[tuple[str, int]] = field(default_factory=list)
    industries: list[tuple[str, int]] = field(default_factory=list)


def move_between(zone_from: int | None, zone_to: int | None) -> StepMove:
    """Up, lateral or down by O*NET job zone; unknown without both zones."""
    if not zone_from or not zone_to:
        return StepMove.UNKNOWN
    if zone_to > zone_from:
        return StepMove.UP
    if zone_to < zone_from:
        return StepMove.DOWN
    return StepMove.LATERAL


def _years(value: Any) -> float | None:
    return None if value is None else round(float(value), 1)


def _spread(q1: Any, q3: Any) -> tuple[float, float] | None:
    if q1 is None or q3 is None:
        return None
    return (round(float(q1), 1), round(float(q3), 1))


@dataclass
class _Run:
    """One analysis in progress: the DuckDB connection and what the figures are read with."""

    con: Any
    frame: PathFrame
    zones: Mapping[str, int]
    people: int
    steps: int
    target_zone: int | None

    def word(self, value: Any) -> str | None:
        return self.frame.word(value)

    def all(self, query: str, params: dict[str, Any] | None = None) -> list[Any]:
        return list(self.con.execute(query, params or {}).fetchall())


def mine(
    frame: PathFrame,
    target: Target,
    *,
    as_of: int,
    zones: Mapping[str, int],
    current_key: str | None = None,
    current_code: str | None = None,
    target_zone: int | None = None,
    steps: int = MAX_STEPS,
    follow: Sequence[int] = (),
) -> PathMining:
    """Every figure of a path analysis for one target; see the module docstring. ``follow``
    names profiles (the person's contacts) whose whole way to the target is wanted."""
    import duckdb

    by_code = target.code is not None
    roles = reach(frame, as_of, by_code, frame.word_id(target.code or target.key))
    if target_zone is None and by_code:
        target_zone = zones.get(target.code or "")
    # One thread: the tables handed over are at most the collection's roles, where DuckDB's
    # parallel aggregation spent more CPU than it saved (measured on two cores), and the
    # process shares them with the web server's other requests.
    con = duckdb.connect(":memory:", config={"threads": 1})
    try:
        run = _Run(con, frame, zones, len(roles.reached_profiles), steps, target_zone)
        mining = _figures(run, roles, current_key, current_code)
        if follow:
            found = run.all(sql.FOLLOWED, {"ids": list(follow)})
            mining.paths_of = {int(p): [str(frame.word(t)) for t in titles] for p, titles in found}
        return mining
    finally:
        con.close()


def _register(con: Any, name: str, columns: Mapping[str, Any]) -> None:
    """Hand NumPy columns to DuckDB without copying (it scans them in place)."""
    con.register(name, dict(columns))


def _figures(
    run: _Run, roles: Roles, current_key: str | None, current_code: str | None
) -> PathMining:
    cols = roles.columns
    before = roles.hit < np.iinfo(np.int64).max
    before &= cols["role"] <= roles.hit
    step = (roles.hit - cols["role"])[before]
    _register(run.con, "before_view", roles.select(before, BEFORE_COLUMNS, step=step))
    run.con.execute(sql.BEFORE)
    med, q1, q3 = run.con.execute(sql.TO_TARGET).fetchone()
    target_ids = run.con.execute(sql.TARGET_IDS.format(ids=IDS_PER_ROW)).fetchone()[0]
    return PathMining(
        profiles=roles.profiles,
        people=run.people,
        reached_twice=int((roles.arrivals > 1).sum()),
        steps_before=_step_rows(run, "key"),
        occupations_before=_step_rows(run, "coalesce(code, -1)"),
        median_years_to_target=_years(med),
        spread_years_to_target=_spread(q1, q3),
        sequences=_sequences(run),
        outcomes=_outcomes(run, roles),
        next_from=_next_from(run, roles, current_key, current_code),
        reachers=[int(p) for p in roles.reached_profiles],
        flows=_flows(run),
        target_ids=[int(i) for i in target_ids or []],
        sizes=_on_the_way(run, "size"),
        industries=_on_the_way(run, "industry"),
    )


def _step_rows(run: _Run, group: str) -> list[StepRow]:
    """The roles (or occupations) one, two and three steps before the target."""
    out: list[StepRow] = []
    per_step: dict[int, int] = {}
    query = sql.STEP_ROWS.format(group=group, steps=run.steps, ids=IDS_PER_ROW)
    for step, _grp, n, title, code, med, q1, q3, next_code, ids in run.all(query):
        per_step[step] = per_step.get(step, 0) + 1
        if per_step[step] > TOP_ROWS:
            continue
        code, next_code = run.word(code), run.word(next_code)
        to_zone = run.zones.get(next_code or "") if next_code else None
        if step == 1 and to_zone is None:
            to_zone = run.target_zone
        out.append(
            StepRow(
                step=int(step),
                title=str(run.word(title)),
                code=code,
                people=int(n),
                share=round(int(n) / run.people, 3) if run.people else 0.0,
                median_years=_years(med),
                spread_years=_spread(q1, q3),
                move=move_between(run.zones.get(code or ""), to_zone),
                position_ids=[int(i) for i in ids or []],
            )
        )
    return out


def _sequences(run: _Run) -> list[SequenceRow]:
    return [
        SequenceRow(roles=[str(run.word(t)) for t in path], people=int(n))
        for path, n in run.all(sql.SEQUENCES.format(steps=run.steps))
    ]


def _outcomes(run: _Run, roles: Roles) -> list[OutcomeRow]:
    """For the most held roles on the way: how many who held them arrived, went elsewhere or
    are still there (everyone who held them, not only those who arrived)."""
    keys = [
        int(k)
        for k, _n in run.all(sql.KEYS_ON_THE_WAY.format(steps=run.steps, limit=KEYS_FOLLOWED))
    ]
    if not keys:
        return []
    cols = roles.columns
    reached = roles.hit < np.iinfo(np.int64).max
    held = np.isin(cols["key"], np.asarray(keys, dtype=cols["key"].dtype))
    held &= ~reached | (cols["role"] < roles.hit)
    _register(run.con, "held_view", roles.select(held, HELD_COLUMNS, reached=reached[held]))
    out: list[OutcomeRow] = []
    for _key, title, code, n, arrived, elsewhere, still, names, counts, ids in run.all(
        sql.OUTCOMES.format(ids=IDS_PER_ROW)
    ):
        ranked = [
            (str(run.word(t)), int(c)) for t, c in zip(names or [], counts or [], strict=True)
        ]
        out.append(
            OutcomeRow(
                title=str(run.word(title)),
                code=run.word(code),
                held=int(n),
                reached=int(arrived),
                elsewhere=int(elsewhere),
                still_there=int(still),
                rate=round(int(arrived) / int(n), 3) if n else 0.0,
                next_roles=ranked,
                position_ids=[int(i) for i in ids or []],
            )
        )
    return out


def _next_from(
    run: _Run, roles: Roles, current_key: str | None, current_code: str | None
) -> list[NextRow]:
    """Where the people who held the person's current role went next: by title first, by
    occupation when nobody in the collection had the same title."""
    cols = roles.columns
    for column, value in (
        ("key", run.frame.word_id(current_key)),
        ("code", run.frame.word_id(current_code)),
    ):
        if value < 0:
            continue
        matching = (cols[column] == value) & (cols["next_key"] >= 0)
        if not matching.any():
            continue
        _register(run.con, "nexts_view", roles.select(matching, NEXT_COLUMNS))
        found = run.all(sql.NEXT_FROM.format(limit=10, ids=IDS_PER_ROW))
        total = sum(int(row[3]) for row in found)
        return [
            NextRow(
                title=str(run.word(title)),
                code=run.word(next_code),
                people=int(n),
                share=round(int(n) / total, 3) if total else 0.0,
                position_ids=[int(i) for i in ids or []],
                move=move_between(
                    run.zones.get(run.word(from_code) or ""),
                    run.zones.get(run.word(next_code) or ""),
                ),
            )
            for _k, title, next_code, n, from_code, ids in found
        ]
    return []


def _flows(run: _Run) -> list[FlowRow]:
    return [
        FlowRow(
            from_step=int(step),
            from_title=str(run.word(a)),
            to_title=str(run.word(b)),
            to_target=bool(to_target),
            people=int(n),
        )
        for step, a, to_target, b, n in run.all(sql.FLOWS.format(steps=run.steps))
    ]


def _on_the_way(run: _Run, column: str) -> list[tuple[str, int]]:
    query = sql.ON_THE_WAY.format(column=column, steps=run.steps)
    return [(str(run.word(label)), int(n)) for label, n in run.all(query)]
