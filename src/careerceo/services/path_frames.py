"""The columns the path engine reads, from the collection's columnar copy kept current.

An import appends its rows to the copy and a correction notes itself there
(``store.path_snapshot``), so an analysis after a change reads files, not the database. Only a
copy that is missing or not at the database's revision (first use after an upgrade, a restore,
a crash between commit and file write) is rebuilt from the database, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from careerceo.analysis.path_frame import (
    ARRAY_COLUMNS,
    STORE_NAMES,
    PathFrame,
    encode,
    unknown_index,
)
from careerceo.services.context import AppContext
from careerceo.services.path_collections import collection_row
from careerceo.store import path_snapshot as snapshots
from careerceo.store.path_repositories import (
    PathCollectionRepository,
    PathPositionRepository,
    PathProfileRepository,
)
from careerceo.store.tables import PathCollection


def _frame(copy: snapshots.Copy) -> PathFrame:
    """The copy as a frame: corrections applied, vocabulary sorted."""
    columns: dict[str, Any] = dict(copy.columns)
    words = list(copy.words)
    if copy.corrections:
        index = {w: i for i, w in enumerate(words)}
        for value in set(copy.corrections.values()):
            if value not in index:
                index[value] = len(words)
                words.append(value)
        ids = np.fromiter(copy.corrections, dtype=np.int64, count=len(copy.corrections))
        codes = np.fromiter((index[c] for c in copy.corrections.values()), np.int32, count=len(ids))
        order = np.argsort(ids)
        ids, codes = ids[order], codes[order]
        rows = np.flatnonzero(np.isin(columns["id"], ids))
        code = columns["code"].copy()
        code[rows] = codes[np.searchsorted(ids, columns["id"][rows])]
        columns["code"] = code
    return PathFrame.from_coded(columns, words, copy.educated)


def _rebuild(
    data_dir: Path,
    uid: str,
    revision: int | None,
    rows: dict[str, list[Any]],
    educated: list[int],
) -> PathFrame:
    """Columns read from the database, coded, sorted by (profile, seq) and, when they are
    known to be exactly ``revision``, written as the collection's new copy."""
    words: list[str] = []
    arrays = encode(rows, words, unknown_index())
    if len(arrays["id"]):
        order = np.lexsort((arrays["seq"], arrays["profile"]))
        arrays = {name: values[order] for name, values in arrays.items()}
    copy = snapshots.Copy(revision or 0, arrays, words, {}, np.asarray(educated, np.int64))
    if revision is not None:
        snapshots.write(data_dir, uid, copy)
    return _frame(copy)


def load_frame(ctx: AppContext, name: str) -> tuple[PathCollection, PathFrame]:
    """The collection's positions as columns, from its copy when that is current."""
    data_dir = ctx.settings.data_dir
    with ctx.db.transaction() as session:
        repo = PathCollectionRepository(session, ctx.person_id)
        collection = collection_row(repo, name)
        revision = collection.data_revision
        copy = snapshots.read(data_dir, collection.uid, revision)
        if copy is not None:
            return collection, _frame(copy)
        rows = PathPositionRepository(session, ctx.person_id).columns(collection.id)
        educated = PathProfileRepository(session, ctx.person_id).educated(collection.id)
        # Read again after the rows: unchanged means no write committed before the rows were
        # read (PostgreSQL's read-committed statements may each see a newer state), so the
        # rows are exactly that revision and may be kept as the copy.
        session.expire(collection)
        still = collection_row(repo, name).data_revision
    known = revision if still == revision else None
    return collection, _rebuild(data_dir, collection.uid, known, rows, educated)


def appended(
    ctx: AppContext,
    uid: str,
    revision: int,
    rows: Sequence[dict[str, Any]],
    educated: Sequence[int],
    *,
    first: bool = False,
) -> None:
    """After an import committed ``rows`` (with their ids) at ``revision``: add them to the
    copy, or start the copy when the collection had no positions before (``first``: checked in
    the writing transaction, as a revision says nothing of rows restored from a backup or
    written before revisions were counted). ``educated``: the new profiles with a degree or
    certification."""
    data_dir = ctx.settings.data_dir
    words = [] if first else snapshots.vocabulary(data_dir, uid, revision - 1)
    if words is None:
        snapshots.drop(data_dir, uid)  # no current copy: the next analysis rebuilds it
        return
    known = len(words)
    index = unknown_index()
    index.update((w, i) for i, w in enumerate(words))
    columns = {
        STORE_NAMES[name]: [row[STORE_NAMES[name]] for row in rows] for name in ARRAY_COLUMNS
    }
    arrays = encode(columns, words, index)
    with_degrees = np.asarray(sorted(educated), dtype=np.int64)
    if first:
        snapshots.write(data_dir, uid, snapshots.Copy(revision, arrays, words, {}, with_degrees))
        return
    if snapshots.append(
        data_dir, uid, revision, arrays, words[known:], with_degrees
    ) and snapshots.needs_merge(data_dir, uid):
        merged = snapshots.read(data_dir, uid, revision)
        if merged is not None:
            columns_now = _merged_columns(merged)
            snapshots.write(
                data_dir,
                uid,
                snapshots.Copy(revision, columns_now, merged.words, {}, merged.educated),
            )


def _merged_columns(copy: snapshots.Copy) -> dict[str, Any]:
    """The copy's columns with its corrections folded in (same vocabulary, appended to)."""
    if not copy.corrections:
        return copy.columns
    index = {w: i for i, w in enumerate(copy.words)}
    code = copy.columns["code"].copy()
    position = {int(p): at for at, p in enumerate(copy.columns["id"])}
    for pid, value in copy.corrections.items():
        if value not in index:
            index[value] = len(copy.words)
            copy.words.append(value)
        if pid in position:
            code[position[pid]] = index[value]
    copy.corrections = {}
    return {**copy.columns, "code": code}


def corrected(ctx: AppContext, uid: str, revision: int, position_id: int, code: str) -> None:
    """After a correction committed at ``revision``."""
    snapshots.correct(ctx.settings.data_dir, uid, revision, position_id, code)


def changed(ctx: AppContext, collection_uid: str) -> None:
    """After a write the copy cannot follow (a removal): forget it."""
    snapshots.drop(ctx.settings.data_dir, collection_uid)
