"""Positions merged into roles, and each role placed relative to its profile's first arrival.

Vectorised NumPy over a frame sorted by (profile, seq): a role is a contiguous run of one
profile's positions with the same normalised title, so its figures are ``reduceat`` over run
starts, and a profile's first arrival at the target is a ``reduceat`` over profile starts.
Only the small tables the figures need (the roles up to each arrival, the roles held by people
who may or may not have arrived) go on to DuckDB: at a million positions the engine's SQL then
reads tens of thousands of rows, not a million.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from careerceo.analysis.path_frame import PathFrame

Columns = dict[str, npt.NDArray[Any]]
BIG = np.iinfo(np.int64).max


def _sorted_order(frame: PathFrame) -> npt.NDArray[np.int64] | None:
    """The (profile, seq) order, or None when the frame is in that order already (a
    collection's columnar copy is written that way, which saves a sort of a million rows)."""
    profile, seq = frame.profile, frame.seq
    if len(frame) < 2:
        return None
    step = np.diff(profile)
    if bool(((step > 0) | ((step == 0) & (np.diff(seq) > 0))).all()):
        return None
    return np.lexsort((seq, profile)).astype(np.int64)


def _take(values: npt.NDArray[Any], order: npt.NDArray[np.int64] | None) -> npt.NDArray[Any]:
    return values if order is None else values[order]


@dataclass
class Roles:
    """Role columns (see ``roles_of``) and, per profile that has roles, where it arrived."""

    columns: Columns
    profiles: int  # profiles with at least one role
    hit: npt.NDArray[np.int64]  # per role: its profile's first target role number, or BIG
    arrivals: npt.NDArray[np.int64]  # per profile: separate arrivals at the target
    reached_profiles: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return int(self.columns["profile"].shape[0])

    def select(
        self, mask: npt.NDArray[np.bool_], names: tuple[str, ...], **extra: npt.NDArray[Any]
    ) -> Columns:
        """Some columns of the roles in ``mask``, plus ``extra`` columns (already selected)."""
        rows = np.flatnonzero(mask)
        out = {name: self.columns[name].take(rows) for name in names}
        out.update(extra)
        return out


def _runs(
    frame: PathFrame, order: npt.NDArray[np.int64] | None
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(first position of each profile, role starts, role number of each role)."""
    n = len(frame)
    profile, key = _take(frame.profile, order), _take(frame.key, order)
    new_profile = np.ones(n, dtype=bool)
    new_profile[1:] = profile[1:] != profile[:-1]
    fresh = new_profile.copy()
    fresh[1:] |= key[1:] != key[:-1]
    starts = np.flatnonzero(fresh)
    number = np.cumsum(fresh) - 1  # global role number of each position
    first_of_profile = np.maximum.accumulate(np.where(new_profile, number, 0))
    role = (number - first_of_profile + 1)[starts]
    return new_profile, starts, role


def roles_of(frame: PathFrame, as_of: int, by_code: bool, target: int) -> Columns:
    """Consecutive same-title positions merged into roles, as columns (-1 for unknown).

    A role is named and coded by its first position (the one a correction is made on,
    ``first_id``; its first known code when it has none), sized by its latest known one;
    ``as_of`` ends current positions.
    """
    n = len(frame)
    order = _sorted_order(frame)
    new_profile, starts, role = _runs(frame, order)
    ends = np.append(starts[1:], n)
    at = np.arange(n)

    def first_known(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
        where = np.minimum.reduceat(np.where(values >= 0, at, n), starts)
        return np.where(where < ends, values[np.minimum(where, n - 1)], -1)

    def last_known(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
        where = np.maximum.reduceat(np.where(values >= 0, at, -1), starts)
        return np.where(where >= starts, values[np.maximum(where, 0)], -1)

    key, code = _take(frame.key, order), _take(frame.code, order)
    start = _take(frame.start, order)
    start_m = np.minimum.reduceat(np.where(start >= 0, start, BIG), starts)
    end_m = np.maximum.reduceat(_take(frame.end, order), starts)
    current = np.maximum.reduceat(_take(frame.current, order).astype(np.int8), starts) > 0
    hit = (code if by_code else key) == target
    is_target = np.maximum.reduceat(hit.astype(np.int8), starts) > 0
    role_code = first_known(code)
    role_key = key[starts]
    role_title = _take(frame.title, order)[starts]
    first_id = np.minimum.reduceat(_take(frame.id, order), starts)
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
    internship = _take(frame.internship, order).astype(np.int8)
    return {
        "profile": _take(frame.profile, order)[starts],
        "role": role,
        "key": role_key,
        "title": role_title,
        "code": role_code,
        "start_m": np.where(start_m == BIG, -1, start_m),
        "end_m": np.where(current, as_of, end_m),
        "internship": np.minimum.reduceat(internship, starts) > 0,
        "size": last_known(_take(frame.size, order)),
        "industry": last_known(_take(frame.industry, order)),
        "first_id": first_id,
        "is_target": is_target,
        "prev_target": prev_target & same_prev,
        "next_key": following(role_key),
        "next_title": following(role_title),
        "next_code": following(role_code),
        "next_first_id": following(first_id),
    }


def reach(frame: PathFrame, as_of: int, by_code: bool, target: int) -> Roles:
    """The roles, and each profile's first arrival at the target (see ``analysis.paths``)."""
    if not len(frame):
        one = roles_of(_one_row(frame), as_of, by_code, target)
        none = np.zeros(0, dtype=np.int64)
        return Roles({name: values[:0] for name, values in one.items()}, 0, none, none, none)
    columns = roles_of(frame, as_of, by_code, target)
    profile = columns["profile"]
    first = np.ones(len(profile), dtype=bool)
    first[1:] = profile[1:] != profile[:-1]
    pstarts = np.flatnonzero(first)
    counts = np.diff(np.append(pstarts, len(profile)))
    is_target = columns["is_target"]
    hit_p = np.minimum.reduceat(np.where(is_target, columns["role"], BIG), pstarts)
    arrivals = np.add.reduceat((is_target & ~columns["prev_target"]).astype(np.int64), pstarts)
    reached = hit_p < BIG
    return Roles(
        columns=columns,
        profiles=len(pstarts),
        hit=np.repeat(hit_p, counts),
        arrivals=arrivals[reached],
        reached_profiles=profile[pstarts][reached],
    )


def _one_row(frame: PathFrame) -> PathFrame:
    """A one-position frame of the right types, to derive an empty role table's columns."""
    arrays = {name: np.zeros(1, dtype=values.dtype) for name, values in frame.arrays().items()}
    return PathFrame(**arrays, words=[])
