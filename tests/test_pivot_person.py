"""A person's pivots from their own data: their words against what occupations do and are
called, held titles read with their descriptions, and a profile true to its evidence.

The real-résumé tests read a LiveCareer PDF from ``../shared/data`` at test time (nothing of it
is copied into the project) and import it alone, as a new user would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careerceo.analysis.capability import inventory_level
from careerceo.analysis.text_match import standardised
from careerceo.knowledge.words import surface_forms, tokens
from careerceo.services import pivots, resume_import
from careerceo.services.context import AppContext
from careerceo.services.pitch import pitch
from careerceo.services.pivot_space import occupation_space, occupation_words


def test_an_occupations_own_words_find_it() -> None:
    space = occupation_space()
    words = occupation_words()
    text = (
        "Accountant. Prepared journal entries and reconciled general ledger accounts; "
        "prepared financial statements and tax returns; audited accounts payable."
    )
    sim = words.similarity(tokens(text))
    assert sim.shape == (len(space.codes),)
    top = [space.codes[int(i)] for i in sim.argsort()[::-1][:5]]
    assert "13-2011.00" in top
    z = standardised(sim)
    assert z[space.row_of["13-2011.00"]] > 3 > z[space.row_of["41-2011.00"]]
    shared = words.shared(tokens(text), space.row_of["13-2011.00"])
    assert shared and all(w in set(tokens(text)) for w in shared)
    assert words.similarity([]).max() == 0.0


def test_evidence_quotes_the_persons_words_not_stems() -> None:
    forms = surface_forms("Reconciliations of accounts; reconciling the ledger")
    assert forms[tokens("reconciliations")[0]] == "reconciliations"


def test_a_held_title_is_read_with_its_description() -> None:
    space = occupation_space()
    # "Office Clerk/ Federal Contractor" names two things; "Office Clerk" is an O*NET title
    # word for word, so it wins over Judicial Law Clerks ("Federal Law Clerk"), which the words
    # of the whole title match best, with or without the description.
    alone = pivots.title_to_code("Office Clerk/ Federal Contractor")
    described = pivots.title_to_code(
        "Office Clerk/ Federal Contractor",
        "Office Clerk/ Federal Contractor\nAnswered phones, filed records, sorted and "
        "distributed mail, typed correspondence and kept the office supplies stocked.",
        space,
    )
    assert alone == described == "43-9061.00"


def test_an_exact_title_is_not_overruled_by_the_description() -> None:
    space = occupation_space()
    # The words choose only among exact matches: a customer service representative who sells
    # add-ons is still one.
    code = pivots.title_to_code(
        "Customer Service Rep",
        "Customer Service Rep\nSold service plans and upgrades to callers, met sales targets.",
        space,
    )
    assert code == "43-4051.00"


# -- a real résumé, imported alone ------------------------------------------------------------


def _import_pdf(ctx: AppContext, shared_data: Path, category: str) -> None:
    folder = shared_data / "resumes" / "pdf_livecareer" / category
    pdf = sorted(folder.glob("*.pdf"))[0]
    resume_import.confirm(ctx, resume_import.read_source(pdf.read_bytes(), pdf.name))


@pytest.fixture
def accountant(sqlite_ctx: AppContext, shared_data: Path) -> AppContext:
    _import_pdf(sqlite_ctx, shared_data, "ACCOUNTANT")
    return sqlite_ctx


NOT_FOR_AN_ACCOUNTANT = ("41-2011", "33-9091", "39-3011", "37-2011", "35-")


def test_an_accountants_pivots_are_an_accountants(accountant: AppContext) -> None:
    result = pivots.rank_pivots(accountant, limit=10)
    codes = [r.code for r in result.rows]
    assert not [c for c in codes if c.startswith(NOT_FOR_AN_ACCOUNTANT)]
    # Their own occupation is the reference point, not a pivot.
    assert "13-2011.00" in dict(result.reference)
    assert "13-2011.00" not in codes
    # Business and financial or management occupations make most of the list.
    assert sum(c.startswith(("13-", "11-", "43-3")) for c in codes) >= 7
    # Each row says why, in the person's words or the related occupations' evidence.
    assert all(r.because for r in result.rows)


def test_each_level_is_the_level_its_first_evidence_shows(accountant: AppContext) -> None:
    summary = pivots.capability_summary(accountant)
    checked = 0
    for element in summary["elements"]:
        first = element["evidence"][0]
        shown = re.search(r"level (\d+\.\d)\b", first)
        stated = re.search(r"level ([1-5])/5", first)
        if shown:
            assert element["level"] == pytest.approx(float(shown.group(1)), abs=0.06), element
            checked += 1
        elif stated and "implies" not in first:
            assert element["level"] == pytest.approx(inventory_level(int(stated.group(1))))
            checked += 1
    assert checked >= 30
    levels = {(e["kind"], e["name"]): e["level"] for e in summary["elements"]}
    assert levels[("knowledge", "Mathematics")] >= 4.5  # what an accountant's occupation says


def test_an_accountant_is_not_told_to_learn_accounting(accountant: AppContext) -> None:
    own = pivots.pivot_detail(accountant, "13-2011.00")
    assert not [s for s in own.plan if s.kind in ("skill", "knowledge")]
    budget = pivots.pivot_detail(accountant, "13-2031.00")
    learn = {s.what for s in budget.plan}
    assert not learn & {"Mathematics", "English Language", "Economics and Accounting"}
    for t in budget.transfers:
        assert t.basis in ("named", "implied", "named and implied")
        # A product is only listed when the person named it (an occupation's technology list
        # is what its respondents use, not what this person does).
        if t.kind == "technology":
            assert t.basis != "implied", t
            assert "(your positions)" not in t.evidence[0], t
    said = pitch(accountant, occupation="13-2031.00").story
    adding = said.split("adding", 1)[1] if "adding" in said else ""
    for name in ("Mathematics", "English Language", "Economics and Accounting"):
        assert name not in adding
