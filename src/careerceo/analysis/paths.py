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
    FlowRow,
    NextRow,
    OutcomeRow,
    SequenceRow,
    StepMove,
    StepRow,
)

MAX_STEPS = 3
TOP_ROWS = 12  # rows per step kept; the rest are summed into "people" of no row
IDS_PER_ROW = 50  # positions listed under a figure, for correcting their occupation


ARRAY_COLUMNS = (
    "profile",
    "seq",
    "key",
    "title",
    "code",
    "start",
    "end",
    "current",
    "internship",
    "size",
    "industry",
    "id",
)


@dataclass
class PathFrame:
    """Positions as parallel NumPy columns. Text columns hold indexes into ``words`` (one sorted
    vocabulary, so index order is alphabetical order) and -1 for unknown; months -1 mean
    unknown. Integers, not Python strings, are what DuckDB can scan without converting each
    value: that is what keeps a million positions under a second."""

    profile: npt.NDArray[np.int64]
    seq: npt.NDArray[np.int64]
    key: npt.NDArray[np.int32]  # normalised title
    title: npt.NDArray[np.int32]
    code: npt.NDArray[np.int32]
    start: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    current: npt.NDArray[np.bool_]
    internship: npt.NDArray[np.bool_]
    size: npt.NDArray[np.int32]
    industry: npt.NDArray[np.int32]
    id: npt.NDArray[np.int64]
    words: list[str] = field(default_factory=list)

    @classmethod
    def from_columns(cls, columns: Mapping[str, Sequence[Any]]) -> PathFrame:
        """From the store's column lists (None for unknown)."""
        sources = {
            "key": columns["title_key"],
            "title": columns["title"],
            "code": columns["occupation_code"],
            "size": columns["employer_size"],
            "industry": columns["industry"],
        }
        vocabulary: set[str] = set()
        for values in sources.values():
            vocabulary.update(values)
        vocabulary.discard(None)
        vocabulary.discard("")
        words = sorted(vocabulary)
        index: dict[Any, int] = {w: i for i, w in enumerate(words)}
        count = len(columns["id"])

        def coded(values: Sequence[Any]) -> npt.NDArray[np.int32]:
            return np.fromiter((index.get(v, -1) for v in values), dtype=np.int32, count=count)

        def months(values: Sequence[Any]) -> npt.NDArray[np.int64]:
            return np.fromiter((-1 if v is None else v for v in values), np.int64, count=count)

        return cls(
            profile=np.asarray(columns["profile_id"], dtype=np.int64),
            seq=np.asarray(columns["seq"], dtype=np.int64),
            key=coded(sources["key"]),
            title=coded(sources["title"]),
            code=coded(sources["code"]),
            start=months(columns["start_month"]),
            end=months(columns["end_month"]),
            current=np.asarray(columns["current"], dtype=bool),
            internship=np.asarray(columns["internship"], dtype=bool),
            size=coded(sources["size"]),
            industry=coded(sources["industry"]),
            id=np.asarray(columns["id"], dtype=np.int64),
            words=words,
        )

    def arrays(self) -> dict[str, npt.NDArray[Any]]:
        """Plain arrays (the vocabulary as a string array), for a snapshot file."""
        out: dict[str, npt.NDArray[Any]] = {name: getattr(self, name) for name in ARRAY_COLUMNS}
        out["words"] = np.array(self.words, dtype=str)
        return out

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, npt.NDArray[Any]]) -> PathFrame:
        return cls(
            **{name: arrays[name] for name in ARRAY_COLUMNS},
            words=[str(w) for w in arrays["words"]],
        )

    def __len__(self) -> int:
        return int(self.profile.shape[0])

    def word_id(self, text: str | None) -> int:
        """The index of a text in the vocabulary; -2 (matches nothing) when absent."""
        import bisect

        if not text:
            return -2
        at = bisect.bisect_left(self.words, text)
        return at if at < len(self.words) and self.words[at] == text else -2

    def has_key(self, key: str) -> bool:
        wanted = self.word_id(key)
        return wanted >= 0 and bool((self.key == wanted).any())

    def unmapped(self) -> int:
        """Positions with no occupation code."""
        return int((self.code < 0).sum())

    def word(self, value: Any) -> str | None:
        return None if value is None or int(value) < 0 else self.words[int(value)]


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


_HITS = """
CREATE OR REPLACE TEMP TABLE hits AS
SELECT profile, min(role) AS hit,
    count(*) FILTER (WHERE NOT prev_target) AS arrivals
FROM roles WHERE is_target GROUP BY profile
"""

_BEFORE = """
CREATE OR REPLACE TEMP TABLE before AS
SELECT r.*, h.hit - r.role AS step,
    CASE WHEN r.start_m IS NOT NULL AND r.end_m IS NOT NULL
         THEN (r.end_m - r.start_m) / 12.0 END AS years
FROM roles r JOIN hits h USING (profile)
WHERE r.role <= h.hit
"""

_STEP_ROWS = """
SELECT step, {group} AS grp, count(DISTINCT profile) AS people,
    mode(title ORDER BY title) AS title, mode(code ORDER BY code) AS code,
    median(years) AS med, quantile_cont(years, 0.25) AS q1, quantile_cont(years, 0.75) AS q3,
    mode(next_code ORDER BY next_code) AS next_code,
    list(first_id ORDER BY first_id)[1:{ids}] AS ids
FROM before WHERE step BETWEEN 1 AND {steps}
GROUP BY step, grp
ORDER BY step, people DESC, title, grp
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
    SELECT profile, string_agg(w.text, ' → ' ORDER BY role) AS path
    FROM before JOIN words w ON w.id = before.title
    WHERE step BETWEEN 0 AND {steps} GROUP BY profile
)
SELECT path, count(*) AS people FROM paths GROUP BY path ORDER BY people DESC, path LIMIT 10
"""

_OUTCOMES = """
WITH held AS (
    SELECT n.profile, n.key, n.title, n.code, n.role, h.hit, n.next_title, n.first_id
    FROM roles n LEFT JOIN hits h USING (profile)
    WHERE n.key IN (SELECT unnest($keys)) AND (h.hit IS NULL OR n.role < h.hit)
), per_person AS (
    SELECT key, profile, any_value(title) AS title, any_value(code) AS code,
        bool_or(hit IS NOT NULL) AS reached,
        arg_max(next_title, role) AS last_next, min(first_id) AS first_id
    FROM held GROUP BY key, profile
), went AS (
    SELECT key, last_next, count(*) AS n FROM per_person
    WHERE NOT reached AND last_next IS NOT NULL GROUP BY key, last_next
), ranked AS (
    SELECT key, list(last_next ORDER BY n DESC, last_next)[1:5] AS names,
        list(n ORDER BY n DESC, last_next)[1:5] AS counts
    FROM went GROUP BY key
), totals AS (
    SELECT key, mode(title ORDER BY title) AS title, mode(code ORDER BY code) AS code,
        count(*) AS held,
        count(*) FILTER (WHERE reached) AS reached,
        count(*) FILTER (WHERE NOT reached AND last_next IS NOT NULL) AS elsewhere,
        count(*) FILTER (WHERE NOT reached AND last_next IS NULL) AS still_there,
        list(first_id ORDER BY first_id)[1:{ids}] AS ids
    FROM per_person GROUP BY key
)
SELECT t.key, t.title, t.code, t.held, t.reached, t.elsewhere, t.still_there, r.names, r.counts,
    t.ids
FROM totals t LEFT JOIN ranked r USING (key) ORDER BY t.held DESC, t.key
"""

_NEXT_FROM = """
SELECT next_key, mode(next_title ORDER BY next_title), mode(next_code ORDER BY next_code),
    count(DISTINCT profile) AS people,
    mode(code ORDER BY code) AS from_code,
    list(next_first_id ORDER BY next_first_id)[1:{ids}] AS ids
FROM roles WHERE {match} AND next_key IS NOT NULL
GROUP BY next_key ORDER BY people DESC, next_key LIMIT {limit}
"""

_FLOWS = """
SELECT a.step, mode(a.title ORDER BY a.title) AS from_title, b.step = 0 AS to_target,
    mode(b.title ORDER BY b.title) AS to_title, count(DISTINCT a.profile) AS people
FROM before a JOIN before b ON a.profile = b.profile AND b.role = a.role + 1
WHERE a.step BETWEEN 1 AND {steps}
GROUP BY a.step, a.key, b.key, b.step = 0
ORDER BY a.step DESC, people DESC, from_title, to_title
"""

_ON_THE_WAY = """
SELECT {column}, count(DISTINCT profile) FROM before
WHERE step BETWEEN 1 AND {steps} AND {column} IS NOT NULL
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10
"""


def _connect(frame: PathFrame) -> Any:
    import duckdb

    con = duckdb.connect(":memory:")
    words = {
        "id": np.arange(len(frame.words), dtype=np.int32),
        "text": np.array(frame.words, dtype=object),
    }
    con.register("words_view", words)
    con.execute("CREATE OR REPLACE TEMP TABLE words AS SELECT * FROM words_view")
    return con


def roles_of(frame: PathFrame, as_of: int, by_code: bool, target: int) -> dict[str, Any]:
    """Consecutive same-title positions merged into roles, as columns (-1 for unknown).

    Vectorised over the frame sorted by (profile, seq): a role is a contiguous run, so its
    figures are ``reduceat`` over run starts, and the role after it is the next run of the
    same profile. A role is named and coded by its first position (the one a correction is
    made on, ``first_id``; its first known code when it has none), sized by its latest known
    one; ``as_of`` ends current positions.
    """
    n = len(frame)
    order = np.lexsort((frame.seq, frame.profile))
    profile, key = frame.profile[order], frame.key[order]
    new_profile = np.ones(n, dtype=bool)
    new_profile[1:] = profile[1:] != profile[:-1]
    fresh = new_profile.copy()
    fresh[1:] |= key[1:] != key[:-1]
    starts = np.flatnonzero(fresh)
    ends = np.append(starts[1:], n)
    at = np.arange(n)
    number = np.cumsum(fresh) - 1  # global role number of each position
    first_of_profile = np.maximum.accumulate(np.where(new_profile, number, 0))
    role = (number - first_of_profile + 1)[starts]

    def first_known(values: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
        where = np.minimum.reduceat(np.where(values >= 0, at, n), starts)
        ok = where < ends
        return np.where(ok, values[np.minimum(where, n - 1)], -1)

    def last_known(values: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
        where = np.maximum.reduceat(np.where(values >= 0, at, -1), starts)
        return np.where(where >= starts, values[np.maximum(where, 0)], -1)

    code = frame.code[order]
    start = frame.start[order]
    end = frame.end[order]
    big = np.iinfo(np.int64).max
    start_m = np.minimum.reduceat(np.where(start >= 0, start, big), starts)
    end_m = np.maximum.reduceat(end, starts)
    current = np.maximum.reduceat(frame.current[order].astype(np.int8), starts) > 0
    hit = (code if by_code else key) == target
    is_target = np.maximum.reduceat(hit.astype(np.int8), starts) > 0
    role_code = first_known(code)
    role_key = key[starts]
    role_title = frame.title[order][starts]
    first_id = np.minimum.reduceat(frame.id[order], starts)
    same_next = np.zeros(len(starts), dtype=bool)
    same_next[:-1] = ~new_profile[starts[1:]]
    same_prev = np.zeros(len(starts), dtype=bool)
    same_prev[1:] = same_next[:-1]

    def following(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
        out = np.full(len(values), -1, dtype=values.dtype)
        out[:-1] = values[1:]
        return np.where(same_next, out, -1)

    prev_target = np.zeros(len(starts), dtype=bool)
    prev_target[1:] = is_target[:-1]
    return {
        "profile": profile[starts],
        "role": role,
        "key": role_key,
        "title": role_title,
        "code": role_code,
        "start_m": np.where(start_m == big, -1, start_m),
        "end_m": np.where(current, as_of, end_m),
        "internship": np.minimum.reduceat(frame.internship[order].astype(np.int8), starts) > 0,
        "size": last_known(frame.size[order]),
        "industry": last_known(frame.industry[order]),
        "first_id": first_id,
        "is_target": is_target,
        "prev_target": prev_target & same_prev,
        "next_key": following(role_key),
        "next_title": following(role_title),
        "next_code": following(role_code),
        "next_first_id": following(first_id),
    }


_NULLABLE = ("code", "start_m", "end_m", "size", "industry")
_NULLABLE_NEXT = ("next_key", "next_title", "next_code", "next_first_id")


def _load_roles(con: Any, roles: dict[str, Any]) -> None:
    con.register("roles_view", roles)
    columns = ", ".join(
        f"NULLIF({name}, -1) AS {name}" if name in _NULLABLE + _NULLABLE_NEXT else name
        for name in roles
    )
    # a view: DuckDB scans the NumPy columns in place each time (cheaper than copying them)
    con.execute(f"CREATE OR REPLACE TEMP VIEW roles AS SELECT {columns} FROM roles_view")


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
    follow: Sequence[int] = (),
) -> PathMining:
    """Every figure of a path analysis for one target; see the module docstring. ``follow``
    names profiles (the person's contacts) whose whole way to the target is wanted."""
    con = _connect(frame)
    try:
        mining = _mine(
            con, frame, target, as_of, zones, current_key, current_code, target_zone, steps
        )
        if follow:
            found = con.execute(
                "SELECT profile, list(title ORDER BY role) FROM before "
                "WHERE profile IN (SELECT unnest($ids)) GROUP BY profile",
                {"ids": list(follow)},
            ).fetchall()
            mining.paths_of = {int(p): [str(frame.word(t)) for t in titles] for p, titles in found}
        return mining
    finally:
        con.close()


def _mine(
    con: Any,
    frame: PathFrame,
    target: Target,
    as_of: int,
    zones: Mapping[str, int],
    current_key: str | None,
    current_code: str | None,
    target_zone: int | None,
    steps: int,
) -> PathMining:
    by_code = target.code is not None
    word = frame.word
    wanted = frame.word_id(target.code or target.key)
    if len(frame):
        _load_roles(con, roles_of(frame, as_of, by_code, wanted))
    else:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE roles (profile BIGINT, role BIGINT, key INT, title INT,"
            " code INT, start_m BIGINT, end_m BIGINT, internship BOOL, size INT, industry INT,"
            " first_id BIGINT, is_target BOOL, prev_target BOOL, next_key INT, next_title INT,"
            " next_code INT, next_first_id BIGINT)"
        )
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
            code, next_code = word(code), word(next_code)
            to_zone = zones.get(next_code or "") if next_code else None
            if step == 1 and to_zone is None:
                to_zone = target_zone
            out.append(
                StepRow(
                    step=int(step),
                    title=str(word(title)),
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
    occupations = rows("coalesce(code, -1)")
    med, q1, q3 = con.execute(_TO_TARGET).fetchone()
    sequences = [
        SequenceRow(roles=str(path).split(" → "), people=int(n))
        for path, n in con.execute(_SEQUENCES.format(steps=steps)).fetchall()
    ]
    keys = _keys_of(con, steps)
    outcomes: list[OutcomeRow] = []
    if keys:
        sql = _OUTCOMES.format(ids=IDS_PER_ROW)
        result = con.execute(sql, {"keys": keys}).fetchall()
        for _key, title, code, held, reached, elsewhere, still, names, counts, ids in result:
            ranked = [
                (str(word(t)), int(n)) for t, n in zip(names or [], counts or [], strict=True)
            ]
            outcomes.append(
                OutcomeRow(
                    title=str(word(title)),
                    code=word(code),
                    held=int(held),
                    reached=int(reached),
                    elsewhere=int(elsewhere),
                    still_there=int(still),
                    rate=round(int(reached) / int(held), 3) if held else 0.0,
                    next_roles=ranked,
                    position_ids=[int(i) for i in ids or []],
                )
            )
    next_from = _next_from(
        con, frame, frame.word_id(current_key), frame.word_id(current_code), zones
    )
    flows = [
        FlowRow(
            from_step=int(step),
            from_title=str(word(a)),
            to_title=str(word(b)),
            to_target=bool(to_target),
            people=int(n),
        )
        for step, a, to_target, b, n in con.execute(_FLOWS.format(steps=steps)).fetchall()
    ]
    target_ids = con.execute(
        f"SELECT list(first_id ORDER BY first_id)[1:{IDS_PER_ROW}] FROM before WHERE step = 0"
    ).fetchone()[0]
    reachers = [int(p) for p in con.execute("SELECT profile FROM hits").fetchnumpy()["profile"]]
    sizes = _on_the_way(con, frame, "size", steps)
    industries = _on_the_way(con, frame, "industry", steps)
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
        flows=flows,
        target_ids=[int(i) for i in target_ids or []],
        sizes=sizes,
        industries=industries,
    )


def _keys_of(con: Any, steps: int) -> list[int]:
    """The roles on the way worth following up: the most held ones, at most 15."""
    sql = (
        "SELECT key, count(DISTINCT profile) AS n FROM before "
        f"WHERE step BETWEEN 1 AND {steps} GROUP BY key ORDER BY n DESC, key LIMIT 15"
    )
    return [int(k) for k, _n in con.execute(sql).fetchall()]


def _on_the_way(con: Any, frame: PathFrame, column: str, steps: int) -> list[tuple[str, int]]:
    sql = _ON_THE_WAY.format(column=column, steps=steps)
    return [(str(frame.word(label)), int(n)) for label, n in con.execute(sql).fetchall()]


def _next_from(
    con: Any, frame: PathFrame, key: int, code: int, zones: Mapping[str, int]
) -> list[NextRow]:
    """Where the people who held the person's current role went next: by title first, by
    occupation when nobody in the collection had the same title."""
    word = frame.word
    for column, value in (("key", key), ("code", code)):
        if value < 0:
            continue
        sql = _NEXT_FROM.format(match=f"{column} = $value", limit=10, ids=IDS_PER_ROW)
        found = con.execute(sql, {"value": value}).fetchall()
        if not found:
            continue
        total = sum(int(row[3]) for row in found)
        return [
            NextRow(
                title=str(word(title)),
                code=word(next_code),
                people=int(n),
                share=round(int(n) / total, 3) if total else 0.0,
                position_ids=[int(i) for i in ids or []],
                move=move_between(
                    zones.get(word(from_code) or ""), zones.get(word(next_code) or "")
                ),
            )
            for _k, title, next_code, n, from_code, ids in found
        ]
    return []
