"""Path mining: how the people in a collection reached a target role, and who did not.

Pure functions over a columnar frame of positions (no database, no files): the store hands the
columns over, DuckDB (in memory, in process) does the grouping with window functions, so a
million positions are one vectorised pass instead of a Python loop per person.

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
  role when there are only internships) to the start of the target role.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from careerceo.model.paths import (
    NextRow,
    OutcomeRow,
    SequenceRow,
    StepMove,
    StepRow,
)

MAX_STEPS = 3
TOP_ROWS = 12  # rows per step kept; the rest are summed into "people" of no row
IDS_PER_ROW = 50  # positions listed under a figure, for correcting their occupation


@dataclass
class PathFrame:
    """Positions as parallel columns; ``code`` "" and months -1 mean unknown."""

    profile: npt.NDArray[np.int64]
    seq: npt.NDArray[np.int64]
    key: npt.NDArray[Any]  # normalised title (str)
    title: npt.NDArray[Any]
    code: npt.NDArray[Any]
    start: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    current: npt.NDArray[np.bool_]
    internship: npt.NDArray[np.bool_]
    size: npt.NDArray[Any]
    industry: npt.NDArray[Any]
    id: npt.NDArray[np.int64]

    @classmethod
    def from_columns(cls, columns: Mapping[str, Sequence[Any]]) -> PathFrame:
        """From the store's column lists (None for unknown)."""

        def months(values: Sequence[Any]) -> npt.NDArray[np.int64]:
            return np.array([-1 if v is None else v for v in values], dtype=np.int64)

        def strings(values: Sequence[Any]) -> npt.NDArray[Any]:
            return np.array(["" if v is None else v for v in values], dtype=object)

        return cls(
            profile=np.asarray(columns["profile_id"], dtype=np.int64),
            seq=np.asarray(columns["seq"], dtype=np.int64),
            key=strings(columns["title_key"]),
            title=strings(columns["title"]),
            code=strings(columns["occupation_code"]),
            start=months(columns["start_month"]),
            end=months(columns["end_month"]),
            current=np.asarray(columns["current"], dtype=bool),
            internship=np.asarray(columns["internship"], dtype=bool),
            size=strings(columns["employer_size"]),
            industry=strings(columns["industry"]),
            id=np.asarray(columns["id"], dtype=np.int64),
        )

    def __len__(self) -> int:
        return int(self.profile.shape[0])


@dataclass(frozen=True)
class Target:
    """What counts as having arrived: an occupation code, or a normalised title."""

    code: str | None = None
    key: str | None = None

    def __post_init__(self) -> None:
        if (self.code is None) == (self.key is None):
            raise ValueError("a target is a code or a title key, exactly one")


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


# Roles: consecutive same-title positions merged. ``as_of`` ends current positions.
_ROLES = """
CREATE OR REPLACE TEMP TABLE roles AS
WITH marked AS (
    SELECT *,
        CASE WHEN key = LAG(key) OVER (PARTITION BY profile ORDER BY seq) THEN 0 ELSE 1 END
            AS fresh
    FROM frame
), numbered AS (
    SELECT *, SUM(fresh) OVER (PARTITION BY profile ORDER BY seq
                               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS role
    FROM marked
)
SELECT profile, role,
    any_value(key) AS key,
    mode(title) AS title,
    mode(NULLIF(code, '')) AS code,
    min(NULLIF(start, -1)) AS start_m,
    CASE WHEN bool_or(current) THEN $as_of ELSE max(NULLIF("end", -1)) END AS end_m,
    bool_and(internship) AS internship,
    mode(NULLIF(size, '')) AS size,
    mode(NULLIF(industry, '')) AS industry,
    min(id) AS first_id,
    bool_or(CASE WHEN $by_code THEN code = $target ELSE key = $target END) AS is_target
FROM numbered
GROUP BY profile, role
"""

_HITS = """
CREATE OR REPLACE TEMP TABLE hits AS
WITH flagged AS (
    SELECT profile, role, is_target,
        LAG(is_target) OVER (PARTITION BY profile ORDER BY role) AS prev_target
    FROM roles
)
SELECT profile, min(role) AS hit,
    count(*) FILTER (WHERE prev_target IS DISTINCT FROM TRUE) AS arrivals
FROM flagged WHERE is_target GROUP BY profile
"""

_BEFORE = """
CREATE OR REPLACE TEMP TABLE before AS
SELECT r.*, h.hit - r.role AS step,
    LEAD(r.code) OVER (PARTITION BY r.profile ORDER BY r.role) AS next_code,
    CASE WHEN r.start_m IS NOT NULL AND r.end_m IS NOT NULL
         THEN (r.end_m - r.start_m) / 12.0 END AS years
FROM roles r JOIN hits h USING (profile)
WHERE r.role <= h.hit
"""

_STEP_ROWS = """
SELECT step, {group} AS grp, count(DISTINCT profile) AS people,
    mode(title) AS title, mode(code) AS code,
    median(years) AS med, quantile_cont(years, 0.25) AS q1, quantile_cont(years, 0.75) AS q3,
    mode(next_code) AS next_code,
    list(first_id ORDER BY first_id)[1:{ids}] AS ids
FROM before WHERE step BETWEEN 1 AND {steps}
GROUP BY step, grp
ORDER BY step, people DESC, title
"""

_TO_TARGET = """
WITH firsts AS (
    SELECT profile,
        coalesce(min(start_m) FILTER (WHERE NOT internship), min(start_m)) AS first_m,
        min(start_m) FILTER (WHERE step = 0) AS target_m
    FROM before GROUP BY profile
)
SELECT median((target_m - first_m) / 12.0), quantile_cont((target_m - first_m) / 12.0, 0.25),
    quantile_cont((target_m - first_m) / 12.0, 0.75)
FROM firsts WHERE first_m IS NOT NULL AND target_m IS NOT NULL
"""

_SEQUENCES = """
WITH paths AS (
    SELECT profile, string_agg(title, ' → ' ORDER BY role) AS path
    FROM before WHERE step BETWEEN 0 AND {steps} GROUP BY profile
)
SELECT path, count(*) AS people FROM paths GROUP BY path ORDER BY people DESC, path LIMIT 10
"""

_OUTCOMES = """
WITH nexts AS (
    SELECT profile, role, key, title, code,
        LEAD(title) OVER (PARTITION BY profile ORDER BY role) AS next_title
    FROM roles
), held AS (
    SELECT n.profile, n.key, n.title, n.code, n.role, h.hit, n.next_title
    FROM nexts n LEFT JOIN hits h USING (profile)
    WHERE n.key IN (SELECT unnest($keys)) AND (h.hit IS NULL OR n.role < h.hit)
), per_person AS (
    SELECT key, profile, any_value(title) AS title, any_value(code) AS code,
        bool_or(hit IS NOT NULL) AS reached,
        arg_max(next_title, role) AS last_next
    FROM held GROUP BY key, profile
)
SELECT key, mode(title), mode(code), count(*) AS held,
    count(*) FILTER (WHERE reached) AS reached,
    count(*) FILTER (WHERE NOT reached AND last_next IS NOT NULL) AS elsewhere,
    count(*) FILTER (WHERE NOT reached AND last_next IS NULL) AS still_there,
    list(last_next) FILTER (WHERE NOT reached AND last_next IS NOT NULL) AS nexts
FROM per_person GROUP BY key ORDER BY held DESC, key
"""

_NEXT_FROM = """
WITH nexts AS (
    SELECT profile, key, code,
        LEAD(title) OVER (PARTITION BY profile ORDER BY role) AS next_title,
        LEAD(code) OVER (PARTITION BY profile ORDER BY role) AS next_code,
        LEAD(key) OVER (PARTITION BY profile ORDER BY role) AS next_key
    FROM roles
)
SELECT next_key, mode(next_title), mode(next_code), count(DISTINCT profile) AS people,
    mode(code) AS from_code
FROM nexts WHERE {match} AND next_key IS NOT NULL
GROUP BY next_key ORDER BY people DESC, next_key LIMIT {limit}
"""

_ON_THE_WAY = """
SELECT {column}, count(DISTINCT profile) FROM before
WHERE step BETWEEN 1 AND {steps} AND {column} IS NOT NULL
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10
"""


def _connect(frame: PathFrame) -> Any:
    import duckdb

    con = duckdb.connect(":memory:")
    # The frame is read in place by DuckDB's replacement scan of a dict of NumPy arrays.
    data = {
        "profile": frame.profile,
        "seq": frame.seq,
        "key": frame.key,
        "title": frame.title,
        "code": frame.code,
        "start": frame.start,
        "end": frame.end,
        "current": frame.current,
        "internship": frame.internship,
        "size": frame.size,
        "industry": frame.industry,
        "id": frame.id,
    }
    con.register("frame_view", data)
    con.execute("CREATE OR REPLACE TEMP VIEW frame AS SELECT * FROM frame_view")
    return con


def _years(value: Any) -> float | None:
    return None if value is None else round(float(value), 1)


def _spread(q1: Any, q3: Any) -> tuple[float, float] | None:
    if q1 is None or q3 is None:
        return None
    return (round(float(q1), 1), round(float(q3), 1))


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
) -> PathMining:
    """Every figure of a path analysis for one target; see the module docstring."""
    con = _connect(frame)
    try:
        return _mine(con, target, as_of, zones, current_key, current_code, target_zone, steps)
    finally:
        con.close()


def _mine(
    con: Any,
    target: Target,
    as_of: int,
    zones: Mapping[str, int],
    current_key: str | None,
    current_code: str | None,
    target_zone: int | None,
    steps: int,
) -> PathMining:
    by_code = target.code is not None
    params = {"as_of": as_of, "by_code": by_code, "target": target.code or target.key}
    con.execute(_ROLES, params)
    con.execute(_HITS)
    con.execute(_BEFORE)
    profiles = int(con.execute("SELECT count(DISTINCT profile) FROM roles").fetchone()[0])
    people, twice = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE arrivals > 1) FROM hits"
    ).fetchone()
    people = int(people or 0)
    if target_zone is None and by_code:
        target_zone = zones.get(target.code or "")

    def rows(group: str) -> list[StepRow]:
        out: list[StepRow] = []
        per_step: dict[int, int] = {}
        sql = _STEP_ROWS.format(group=group, steps=steps, ids=IDS_PER_ROW)
        for step, _grp, n, title, code, med, q1, q3, next_code, ids in con.execute(sql).fetchall():
            per_step[step] = per_step.get(step, 0) + 1
            if per_step[step] > TOP_ROWS:
                continue
            to_zone = zones.get(next_code or "") if next_code else None
            if step == 1 and to_zone is None:
                to_zone = target_zone
            out.append(
                StepRow(
                    step=int(step),
                    title=str(title),
                    code=code,
                    people=int(n),
                    share=round(int(n) / people, 3) if people else 0.0,
                    median_years=_years(med),
                    spread_years=_spread(q1, q3),
                    move=move_between(zones.get(code or ""), to_zone),
                    position_ids=[int(i) for i in ids or []],
                )
            )
        return out

    steps_before = rows("key")
    occupations = rows("coalesce(code, '')")
    med, q1, q3 = con.execute(_TO_TARGET).fetchone()
    sequences = [
        SequenceRow(roles=str(path).split(" → "), people=int(n))
        for path, n in con.execute(_SEQUENCES.format(steps=steps)).fetchall()
    ]
    keys = list(dict.fromkeys(row_key for row_key in _keys_of(con, steps)))
    outcomes: list[OutcomeRow] = []
    if keys:
        result = con.execute(_OUTCOMES, {"keys": keys}).fetchall()
        for _key, title, code, held, reached, elsewhere, still, nexts in result:
            counts: dict[str, int] = {}
            for name in nexts or []:
                counts[name] = counts.get(name, 0) + 1
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
            outcomes.append(
                OutcomeRow(
                    title=str(title),
                    code=code,
                    held=int(held),
                    reached=int(reached),
                    elsewhere=int(elsewhere),
                    still_there=int(still),
                    rate=round(int(reached) / int(held), 3) if held else 0.0,
                    next_roles=ranked,
                )
            )
    next_from = _next_from(con, current_key, current_code, zones)
    reachers = [int(p) for (p,) in con.execute("SELECT profile FROM hits").fetchall()]
    sizes = _on_the_way(con, "size", steps)
    industries = _on_the_way(con, "industry", steps)
    return PathMining(
        profiles=profiles,
        people=people,
        reached_twice=int(twice or 0),
        steps_before=steps_before,
        occupations_before=occupations,
        median_years_to_target=_years(med),
        spread_years_to_target=_spread(q1, q3),
        sequences=sequences,
        outcomes=outcomes,
        next_from=next_from,
        reachers=reachers,
        sizes=sizes,
        industries=industries,
    )


def _keys_of(con: Any, steps: int) -> list[str]:
    """The roles on the way worth following up: the most held ones, at most 15."""
    sql = (
        "SELECT key, count(DISTINCT profile) AS n FROM before "
        f"WHERE step BETWEEN 1 AND {steps} GROUP BY key ORDER BY n DESC, key LIMIT 15"
    )
    return [str(k) for k, _n in con.execute(sql).fetchall()]


def _on_the_way(con: Any, column: str, steps: int) -> list[tuple[str, int]]:
    sql = _ON_THE_WAY.format(column=column, steps=steps)
    return [(str(label), int(n)) for label, n in con.execute(sql).fetchall()]


def _next_from(
    con: Any, key: str | None, code: str | None, zones: Mapping[str, int]
) -> list[NextRow]:
    """Where the people who held the person's current role went next: by title first, by
    occupation when nobody in the collection had the same title."""
    for column, value in (("key", key), ("code", code)):
        if not value:
            continue
        sql = _NEXT_FROM.format(match=f"{column} = $value", limit=10)
        found = con.execute(sql, {"value": value}).fetchall()
        if not found:
            continue
        total = sum(int(row[3]) for row in found)
        return [
            NextRow(
                title=str(title),
                code=next_code,
                people=int(n),
                share=round(int(n) / total, 3) if total else 0.0,
                move=move_between(zones.get(from_code or ""), zones.get(next_code or "")),
            )
            for _k, title, next_code, n, from_code in found
        ]
    return []
