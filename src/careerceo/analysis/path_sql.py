"""The path engine's SQL (DuckDB), over the small tables ``analysis.path_roles`` selects.

``before``: the roles of the people who reached the target, up to their first arrival, with
``step`` (0 = the target role) and ``years``. ``held``: the roles on the way held by anyone
(arrived or not), before any arrival. ``nexts``: the roles like the person's current one that
were followed by another. Text columns are vocabulary codes, NULL for unknown; the vocabulary
is sorted, so ordering by a code is ordering by its text.
"""

from __future__ import annotations

BEFORE = """
CREATE OR REPLACE TEMP TABLE before AS
SELECT profile, role, key, title, NULLIF(code, -1) AS code,
    NULLIF(start_m, -1) AS start_m, NULLIF(end_m, -1) AS end_m, internship,
    NULLIF(size, -1) AS size, NULLIF(industry, -1) AS industry, first_id,
    NULLIF(next_code, -1) AS next_code, step,
    CASE WHEN start_m >= 0 AND end_m >= 0 THEN (end_m - start_m) / 12.0 END AS years
FROM before_view
"""

STEP_ROWS = """
SELECT step, {group} AS grp, count(DISTINCT profile) AS people,
    mode(title ORDER BY title) AS title, mode(code ORDER BY code) AS code,
    median(years) AS med, quantile_cont(years, 0.25) AS q1, quantile_cont(years, 0.75) AS q3,
    mode(next_code ORDER BY next_code) AS next_code,
    min(first_id, {ids}) AS ids
FROM before WHERE step BETWEEN 1 AND {steps}
GROUP BY step, grp
ORDER BY step, people DESC, title, grp
"""

TO_TARGET = """
WITH firsts AS (
    SELECT profile,
        coalesce(min(start_m) FILTER (WHERE NOT internship), min(start_m)) AS first_m,
        min(start_m) FILTER (WHERE step = 0) AS target_m
    FROM before GROUP BY profile HAVING max(step) > 0
)
SELECT median((target_m - first_m) / 12.0), quantile_cont((target_m - first_m) / 12.0, 0.25),
    quantile_cont((target_m - first_m) / 12.0, 0.75)
FROM firsts WHERE first_m IS NOT NULL AND target_m IS NOT NULL
"""

SEQUENCES = """
WITH paths AS (
    SELECT profile, list(title ORDER BY role) AS path
    FROM before WHERE step BETWEEN 0 AND {steps} GROUP BY profile
)
SELECT path, count(*) AS people FROM paths GROUP BY path ORDER BY people DESC, path LIMIT 10
"""

KEYS_ON_THE_WAY = """
SELECT key, count(DISTINCT profile) AS n FROM before
WHERE step BETWEEN 1 AND {steps} GROUP BY key ORDER BY n DESC, key LIMIT {limit}
"""

# The most common title (code) of a role, ties to the first in the vocabulary: one hash
# aggregate and an arg_max, where an ordered mode() would sort every row of the group.
OUTCOMES = """
WITH held AS (
    SELECT profile, key, title, NULLIF(code, -1) AS code, role, reached,
        NULLIF(next_title, -1) AS next_title, first_id
    FROM held_view
), titles AS (
    SELECT key, arg_max(title, n * 4294967296 - title) AS title FROM (
        SELECT key, title, count(*) AS n FROM held GROUP BY key, title
    ) GROUP BY key
), codes AS (
    SELECT key, arg_max(code, n * 4294967296 - code) AS code FROM (
        SELECT key, code, count(*) AS n FROM held WHERE code IS NOT NULL GROUP BY key, code
    ) GROUP BY key
), per_person AS MATERIALIZED (
    SELECT key, profile, bool_or(reached) AS reached,
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
    SELECT key, count(*) AS held,
        count(*) FILTER (WHERE reached) AS reached,
        count(*) FILTER (WHERE NOT reached AND last_next IS NOT NULL) AS elsewhere,
        count(*) FILTER (WHERE NOT reached AND last_next IS NULL) AS still_there,
        min(first_id, {ids}) AS ids
    FROM per_person GROUP BY key
)
SELECT t.key, n.title, c.code, t.held, t.reached, t.elsewhere, t.still_there, r.names,
    r.counts, t.ids
FROM totals t JOIN titles n USING (key) LEFT JOIN codes c USING (key)
LEFT JOIN ranked r USING (key) ORDER BY t.held DESC, t.key
"""

NEXT_FROM = """
SELECT next_key, mode(next_title ORDER BY next_title), mode(NULLIF(next_code, -1)
        ORDER BY NULLIF(next_code, -1)),
    count(DISTINCT profile) AS people,
    mode(NULLIF(code, -1) ORDER BY NULLIF(code, -1)) AS from_code,
    min(next_first_id, {ids}) AS ids
FROM nexts_view
GROUP BY next_key ORDER BY people DESC, next_key LIMIT {limit}
"""

FLOWS = """
SELECT a.step, mode(a.title ORDER BY a.title) AS from_title, b.step = 0 AS to_target,
    mode(b.title ORDER BY b.title) AS to_title, count(DISTINCT a.profile) AS people
FROM before a JOIN before b ON a.profile = b.profile AND b.role = a.role + 1
WHERE a.step BETWEEN 1 AND {steps}
GROUP BY a.step, a.key, b.key, b.step = 0
ORDER BY a.step DESC, people DESC, from_title, to_title
"""

ON_THE_WAY = """
SELECT {column}, count(DISTINCT profile) FROM before
WHERE step BETWEEN 1 AND {steps} AND {column} IS NOT NULL
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10
"""

TARGET_IDS = "SELECT min(first_id, {ids}) FROM before WHERE step = 0"

FOLLOWED = (
    "SELECT profile, list(title ORDER BY role) FROM before "
    "WHERE profile IN (SELECT unnest($ids)) GROUP BY profile"
)
