"""A person's reference occupations: positions weighted by recency, tenure and how far the
person's own words support the occupation their title normalised to; the headline counts;
recency is counted to the latest date the résumé vouches for, not to today.

The real-résumé tests read LiveCareer PDFs from ``../shared/data`` at test time (nothing of
them is copied into the project) and import each alone, as a new user would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from careerceo.analysis.capability import PositionItem, latest_vouched, position_credit
from careerceo.analysis.pivot_reference import (
    MIN_SUPPORT_Z,
    reference_weights,
    support,
    supported,
)
from careerceo.services import pivots, resume_import
from careerceo.services.context import AppContext
from careerceo.services.pivot_data import own_words

ROWS = {"13-2011.00": 0, "41-2011.00": 1, "29-1229.03": 2, "27-1023.00": 3}


def test_the_same_occupation_held_twice_adds_up() -> None:
    # Two floral-designer jobs outweigh a cashier's job credited the same.
    z = np.array([0.0, 3.0, 0.0, 3.0])
    weights = dict(
        reference_weights([("27-1023.00", 0.6), ("27-1023.00", 0.6), ("41-2011.00", 1.0)], ROWS, z)
    )
    assert weights[3] > weights[1]
    assert weights[3] == pytest.approx(2 * 0.6 * support(3.0))


def test_a_title_the_words_do_not_support_weighs_little_and_a_chosen_one_fully() -> None:
    z = np.array([4.0, 1.0, -0.7, 0.0])
    weights = dict(reference_weights([("13-2011.00", 1.0), ("41-2011.00", 1.0)], ROWS, z))
    assert weights[0] > 0.95 and weights[1] < 0.3
    assert not supported(-0.7) and supported(MIN_SUPPORT_Z)
    chosen = dict(reference_weights([("41-2011.00", 1.0)], ROWS, z, chosen=frozenset(ROWS)))
    assert chosen[1] == 1.0
    # Without any words there is nothing to weigh against.
    assert dict(reference_weights([("41-2011.00", 0.5)], ROWS, None)) == {1: 0.5}


def test_the_headline_counts_like_the_best_position_and_comes_first() -> None:
    z = np.array([3.0, 3.0, 0.0, 0.0])
    ranked = reference_weights(
        [("41-2011.00", 1.0), ("13-2011.00", 0.8)], ROWS, z, headline="13-2011.00"
    )
    assert ranked[0][0] == 0  # heaviest first
    assert ranked[0][1] == pytest.approx(1.8 * support(3.0))


def test_recency_is_counted_to_the_latest_date_the_positions_vouch_for() -> None:
    today = date(2026, 12, 1)
    current = PositionItem("Specialist", "27-3031.00", start=date(2013, 9, 1))
    past = PositionItem("Coordinator", "11-2011.00", start=date(1996, 3, 1), end=date(2013, 8, 1))
    anchor = latest_vouched([current, past], today)
    assert anchor == date(2013, 9, 1)
    # The job that ended when the current one began is as recent as it (a résumé says "to
    # present" as of the day it was written), not thirteen years old.
    assert position_credit(past, today, anchor) == pytest.approx(1.0, abs=0.02)
    assert position_credit(past, today) < 0.4
    assert latest_vouched([], today) == today


def test_the_builders_placeholders_are_nobodys_words() -> None:
    text = "Accountant Company Name  City , State Reconciled accounts (unknown) City, State"
    cleaned = own_words(text)
    assert "Company" not in cleaned and "City" not in cleaned and "unknown" not in cleaned
    assert "Reconciled accounts" in cleaned


def _import_pdf(ctx: AppContext, shared_data: Path, category: str) -> None:
    folder = shared_data / "resumes" / "pdf_livecareer" / category
    pdf = sorted(folder.glob("*.pdf"))[0]
    resume_import.confirm(ctx, resume_import.read_source(pdf.read_bytes(), pdf.name))


def test_an_owner_is_not_a_urologist(sqlite_ctx: AppContext, shared_data: Path) -> None:
    # A real fitness instructor and former sales manager whose résumé lists "Owner", word for
    # word an O*NET alternate title of Urologists: nothing else in it is about medicine.
    _import_pdf(sqlite_ctx, shared_data, "FITNESS")
    summary = pivots.capability_summary(sqlite_ctx)
    held = {o["code"] for o in summary["occupations"]}
    assert "29-1229.03" not in held
    assert {"39-9031.00", "11-2022.00"} <= held  # fitness instructor, sales manager
    names = {(e["kind"], e["name"]) for e in summary["elements"] if e["level"] >= 5.0}
    assert ("knowledge", "Medicine and Dentistry") not in names
    result = pivots.rank_pivots(sqlite_ctx, limit=10)
    assert "29-1229.03" not in dict(result.reference)


def test_the_main_occupation_is_the_first_reference(
    sqlite_ctx: AppContext, shared_data: Path
) -> None:
    # A real floral designer (three floral-design jobs, one as a cashier).
    _import_pdf(sqlite_ctx, shared_data, "DESIGNER")
    result = pivots.rank_pivots(sqlite_ctx, limit=10)
    assert result.reference[0][0] == "27-1023.00"


def test_no_placeholder_is_quoted_as_the_persons_words(
    sqlite_ctx: AppContext, shared_data: Path
) -> None:
    # A real staff accountant's LiveCareer PDF: every job reads "Company Name City , State".
    _import_pdf(sqlite_ctx, shared_data, "ACCOUNTANT")
    result = pivots.rank_pivots(sqlite_ctx, limit=25)
    quoted = [
        b.split(": ", 1)[1]
        for row in result.rows
        for b in row.because
        if b.startswith("your own words match")
    ]
    assert quoted
    words = {w.strip() for q in quoted for w in q.split(",")}
    assert not words & {"city", "state", "company", "name", "City", "State", "Company"}, words


def test_a_long_past_position_counts_beside_the_current_one(
    sqlite_ctx: AppContext, shared_data: Path
) -> None:
    # A real résumé: media activities specialist "to present" since 2013 after seventeen years
    # as a marketing coordinator that ended the month before. Imported years later, the
    # marketing years still count nearly as much as the current job, and the specialist title
    # reads as public relations (the résumé's words), not as recreation work.
    _import_pdf(sqlite_ctx, shared_data, "DIGITAL-MEDIA")
    held = {o["code"]: o["credit"] for o in pivots.capability_summary(sqlite_ctx)["occupations"]}
    assert "39-9032.00" not in held  # Recreation Workers
    assert held.get("27-3031.00") == 1.0  # Public Relations Specialists
    assert held["11-2011.00"] >= 0.9


def test_an_accountant_is_not_sent_to_learn_what_grows_on_the_job(
    sqlite_ctx: AppContext, shared_data: Path
) -> None:
    # The real staff accountant: the controller's English Language (4.9 against the
    # accountant's 4.2) or Administration and Management is the same capability rated a little
    # higher, not a course to take; the pivot's row and its page agree.
    _import_pdf(sqlite_ctx, shared_data, "ACCOUNTANT")
    rows = pivots.rank_pivots(sqlite_ctx, limit=5).rows
    for row in rows:
        d = pivots.pivot_detail(sqlite_ctx, row.code)
        elements = [g for g in d.gaps if g.kind in ("skill", "knowledge")]
        for gap in elements:
            if not gap.assumed:
                assert (gap.deficit or 0) >= 1.0, (row.code, gap)
        planned = {s.what for s in d.plan if s.kind in ("skill", "knowledge")}
        assert planned <= {g.name for g in elements}
        # The row's gaps are the page's: none the page calls growing on the job.
        assert {g.split(" (")[0] for g in row.gaps} <= {g.name for g in elements}, row.code
