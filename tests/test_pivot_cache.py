"""The caches that let `career pivot` start fast change nothing a person sees: the space read
back (memory-mapped) from the data directory holds the same arrays and ranks a real résumé
exactly as the space built in memory does, and a warm extraction cache gives the same pivots
without loading the skill lexicon or normalising the held titles again."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from careerceo.knowledge import load_knowledge
from careerceo.services import pivot_titles, pivots, resume_import
from careerceo.services.context import AppContext
from careerceo.services.pivot_space import NpyRows, build_space, load_space, save_space
from careerceo.skills import extractor


@pytest.fixture(scope="module")
def spaces(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, object]:
    kb = load_knowledge()
    built = build_space(kb)
    path = tmp_path_factory.mktemp("cache") / "pivot-space-test"
    assert save_space(built, path)
    loaded = load_space(path, kb)
    assert loaded is not None
    return built, loaded


def test_the_saved_space_holds_the_same_arrays(spaces: tuple[object, object]) -> None:
    built, loaded = spaces
    for a, b in ((built, loaded), (built.index, loaded.index)):  # type: ignore[attr-defined]
        for f in dataclasses.fields(a):
            x, y = getattr(a, f.name), getattr(b, f.name)
            if isinstance(y, NpyRows):  # read by rows from the file: every row read back
                y = y[np.arange(y.shape[0])]
            if isinstance(x, np.ndarray):
                assert x.dtype == y.dtype and x.shape == y.shape, f.name
                assert np.array_equal(x, y, equal_nan=x.dtype.kind == "f"), f.name
            elif f.name != "ete":
                assert x == y, f.name
    assert isinstance(loaded.esco, np.memmap)  # type: ignore[attr-defined]
    rows = loaded.index.esco_unit_t  # type: ignore[attr-defined]
    assert isinstance(rows, NpyRows)
    picked = np.array([5, 0, 5, rows.shape[0] - 1])
    assert np.array_equal(rows[picked], built.index.esco_unit_t[picked])  # type: ignore[attr-defined]
    with pytest.raises(IndexError):
        rows[np.array([rows.shape[0]])]


def test_a_damaged_cache_is_not_used(tmp_path: Path) -> None:
    assert load_space(tmp_path / "missing", load_knowledge()) is None
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "meta.json").write_text("{", "utf-8")
    assert load_space(tmp_path / "broken", load_knowledge()) is None


def test_a_resume_ranks_the_same_from_the_saved_space_and_a_warm_cache(
    spaces: tuple[object, object],
    sqlite_ctx: AppContext,
    shared_data: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built, loaded = spaces
    pdf = sorted((shared_data / "resumes" / "pdf_livecareer" / "ACCOUNTANT").glob("*.pdf"))[0]
    resume_import.confirm(sqlite_ctx, resume_import.read_source(pdf.read_bytes(), pdf.name))
    first = pivots.rank_pivots(sqlite_ctx, limit=30, space=built)  # type: ignore[arg-type]
    assert any((sqlite_ctx.settings.data_dir / "cache" / "skills").rglob("*.json"))

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the skill extractor ran although every text was cached")

    monkeypatch.setattr(extractor, "extract", refuse)
    monkeypatch.setattr(extractor, "load_extractor", refuse)
    # held titles: answered from the cache
    monkeypatch.setattr(pivot_titles, "title_candidates", refuse)
    again = pivots.rank_pivots(sqlite_ctx, limit=30, space=loaded)  # type: ignore[arg-type]
    assert [r.as_dict() for r in again.rows] == [r.as_dict() for r in first.rows]
    assert again.reference == first.reference and again.chart == first.chart


def test_a_running_process_keeps_reading_a_deleted_cache(
    spaces: tuple[object, object], tmp_path: Path
) -> None:
    import shutil

    built, _ = spaces
    path = tmp_path / "pivot-space-gone"
    assert save_space(built, path)  # type: ignore[arg-type]
    loaded = load_space(path, load_knowledge())
    assert loaded is not None
    shutil.rmtree(path)  # the person cleans the cache, or a newer version replaces it
    picked = np.array([3, 1])
    got = loaded.index.tech_unit_t[picked]
    assert np.array_equal(got, built.index.tech_unit_t[picked])  # type: ignore[attr-defined]
