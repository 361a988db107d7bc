"""Real résumés of several fields, each imported alone as a new user would: the top pivots are
in the person's field, and a clerk's held titles read as clerical work.

The résumés are read from ``../shared/data`` at test time (nothing of them is copied into the
project). The occupational groups that fit a field are the benchmark's
(``benchmarks/bench_pivot_resumes.py``), written from the SOC structure."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from careerceo.services import pivots, resume_import
from careerceo.services.context import AppContext


def _import(ctx: AppContext, data: bytes, name: str) -> None:
    resume_import.confirm(ctx, resume_import.read_source(data, name))


def _pdf(ctx: AppContext, shared_data: Path, folder: str) -> None:
    pdf = sorted((shared_data / "resumes" / "pdf_livecareer" / folder).glob("*.pdf"))[0]
    _import(ctx, pdf.read_bytes(), pdf.name)


def _csv_text(shared_data: Path, category: str, nth: int) -> bytes:
    """The ``nth`` (1-based, file order) résumé of a category of UpdatedResumeDataSet.csv."""
    seen = 0
    path = shared_data / "resumes" / "UpdatedResumeDataSet.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Category"] == category:
                seen += 1
                if seen == nth:
                    return row["Resume"].encode("utf-8")
    raise AssertionError(f"no résumé #{nth} of {category}")


def _share(codes: list[str], prefixes: tuple[str, ...]) -> float:
    return sum(c.startswith(prefixes) for c in codes) / len(codes)


@pytest.mark.parametrize(
    ("folder", "prefixes"),
    [
        ("TEACHER", ("25-",)),
        ("INFORMATION-TECHNOLOGY", ("15-", "11-3021")),
        ("ENGINEERING", ("17-", "19-", "11-9041")),
        ("BANKING", ("13-2", "43-3", "43-4", "41-3", "11-3031")),
    ],
)
def test_a_resume_of_a_field_ranks_pivots_in_that_field(
    sqlite_ctx: AppContext, shared_data: Path, folder: str, prefixes: tuple[str, ...]
) -> None:
    _pdf(sqlite_ctx, shared_data, folder)
    result = pivots.rank_pivots(sqlite_ctx, limit=10)
    codes = [r.code for r in result.rows]
    assert _share(codes, prefixes) >= 0.8, codes
    # Every row says why it is related or how close the person's words are.
    assert all(r.because or r.words_match is not None for r in result.rows)


def test_an_hr_resume_sees_pivots_close_to_the_hr_specialists(
    sqlite_ctx: AppContext, shared_data: Path
) -> None:
    _import(sqlite_ctx, _csv_text(shared_data, "HR", 2), "resume.txt")
    result = pivots.rank_pivots(sqlite_ctx, limit=10)
    mine = [r.code for r in result.rows]
    specialist = [r.code for r in pivots.rank_pivots(None, from_="13-1071.00", limit=10).rows]
    # The résumé's role line ("HR") names a human resources occupation: the reference point,
    # outside the list (which then takes a payroll clerk where that occupation stood).
    hr = ("13-1", "11-3121", "11-3111", "43-4161")
    own = [code for code, _ in result.reference]
    assert own and own[0].startswith(hr) and own[0] not in mine, own
    assert _share(mine, hr) >= 0.7, mine
    assert len(set(mine) & set(specialist)) >= 5, (mine, specialist)


def test_a_clerks_held_titles_read_as_clerical_work(
    sqlite_ctx: AppContext, shared_data: Path
) -> None:
    # A real HR assistant's résumé: "HR Personnel Assistant", "Office Clerk/ Federal
    # Contractor" (twice), "Assistant Store Clerk".
    _pdf(sqlite_ctx, shared_data, "HR")
    result = pivots.rank_pivots(sqlite_ctx, limit=10)
    reference = {code for code, _ in result.reference}
    assert {"43-9061.00", "43-4161.00"} <= reference  # office clerk, HR assistant
    assert "23-1012.00" not in reference  # not a judicial law clerk
    assert not any(r.code.startswith("23-") for r in result.rows)


def test_a_pivots_detail_has_its_place_in_the_list() -> None:
    # HR specialist -> training and development specialist: third in the list, and the detail
    # says so (it used to give the engine's own order, 24th).
    listed = [r.code for r in pivots.rank_pivots(None, from_="13-1071.00", limit=10).rows]
    d = pivots.pivot_detail(None, "13-1151.00", from_="13-1071.00")
    assert d.rank == listed.index("13-1151.00") + 1
