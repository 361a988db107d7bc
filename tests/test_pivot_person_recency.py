"""A person's pivots start from who they are now: recent titles lead the reference point and
recent words the words signal, the list follows the titles held rather than a summary, and a
list that rests on little says so.

The real-résumé tests read LiveCareer PDFs from ``../shared/data`` at test time (nothing of them
is copied into the project) and import each alone, as a new user would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from careerceo.analysis.capability import InventoryItem, PositionItem
from careerceo.analysis.pivot_blend import BLEND, BLEND_HELD, person_blend
from careerceo.analysis.pivot_reference import reference_credits, reference_weights
from careerceo.analysis.text_match import standardised
from careerceo.knowledge.words import tokens
from careerceo.services import inventory, pivots, resume_import
from careerceo.services.context import AppContext
from careerceo.services.pivot_data import PersonData
from careerceo.services.pivot_person import thin_evidence
from careerceo.services.pivot_space import occupation_space, occupation_words

FITNESS = "39-9031.00"
SALES_MANAGERS = "11-2022.00"

# A synthetic career: three sales-manager jobs over nine years, then fitness instruction "to
# present" since two years after.
CAREER = [
    PositionItem("Fitness Instructor", FITNESS, "Gym", date(2013, 2, 1), None),
    PositionItem("Regional Manager", SALES_MANAGERS, "A", date(2008, 10, 1), date(2011, 3, 1)),
    PositionItem("Area Sales Manager", SALES_MANAGERS, "B", date(2005, 1, 1), date(2008, 1, 1)),
    PositionItem("Sales Manager", SALES_MANAGERS, "C", date(2002, 1, 1), date(2004, 1, 1)),
]


def test_the_current_position_leads_a_long_past_career() -> None:
    rows = {FITNESS: 0, SALES_MANAGERS: 1}
    credits = reference_credits(CAREER, date(2016, 1, 1))
    assert dict(credits)[FITNESS] == 1.0
    weights = reference_weights(credits, rows, None)
    assert weights[0][0] == rows[FITNESS]
    # The past career still counts, less.
    assert 0 < dict(weights)[rows[SALES_MANAGERS]] < dict(weights)[rows[FITNESS]]


def test_recency_counts_to_the_latest_date_the_positions_vouch_for() -> None:
    # An old résumé read years later: its "to present" is as recent as ever.
    early = dict(reference_credits(CAREER, date(2016, 1, 1)))
    late = dict(reference_credits(CAREER, date(2030, 1, 1)))
    assert early == late


def test_recent_words_outweigh_old_ones() -> None:
    space = occupation_space()
    words = occupation_words()
    accountant = tokens("Prepared journal entries, reconciled the general ledger, audited.")
    cashier = tokens("Operated the cash register, counted cash drawers, bagged purchases.")
    a, c = space.row_of["13-2011.00"], space.row_of["41-2011.00"]
    recent_accounting = standardised(words.weighted_similarity([(accountant, 1.0), (cashier, 0.2)]))
    recent_cashier = standardised(words.weighted_similarity([(accountant, 0.2), (cashier, 1.0)]))
    assert recent_accounting[a] > recent_accounting[c]
    assert recent_cashier[c] > recent_cashier[a]
    assert not words.weighted_similarity([]).any()


def test_titles_lead_the_blend_when_they_name_occupations() -> None:
    assert person_blend(True) == BLEND_HELD
    assert person_blend(False) == BLEND
    assert BLEND_HELD.related > BLEND_HELD.text
    # A headline alone (no held position read as an occupation) is a reference point, but
    # the person's words keep leading: it is what they call themselves, not a record of work.
    assert person_blend(True, held=False) == BLEND
    assert BLEND.text > BLEND.related


def test_a_list_on_little_evidence_says_so() -> None:
    few = PersonData(inventory=[InventoryItem("skill", "Python", 3)])
    note = thin_evidence(few, has_reference=False)
    assert note is not None and "rough guess" in note and "1 word" in note
    # A held title that names an occupation, or enough words of the person's own: no note.
    assert thin_evidence(few, has_reference=True) is None
    many = PersonData(resume_text=" ".join(f"word{i} planned budgets" for i in range(60)))
    assert thin_evidence(many, has_reference=False) is None


def test_a_person_with_one_skill_is_told_the_list_is_rough(sqlite_ctx: AppContext) -> None:
    inventory.add_entry(sqlite_ctx, {"kind": "skill", "name": "Python"})
    result = pivots.rank_pivots(sqlite_ctx, limit=10)
    assert result.rows
    assert any("rough guess" in n for n in result.notes), result.notes


# -- real résumés, imported alone ---------------------------------------------------------------


def _import_pdf(ctx: AppContext, shared_data: Path, category: str) -> None:
    folder = shared_data / "resumes" / "pdf_livecareer" / category
    pdf = sorted(folder.glob("*.pdf"))[0]
    resume_import.confirm(ctx, resume_import.read_source(pdf.read_bytes(), pdf.name))


def _share(codes: list[str], prefixes: tuple[str, ...]) -> float:
    return sum(c.startswith(prefixes) for c in codes) / len(codes)


def test_a_fitness_instructor_after_a_sales_career_pivots_from_fitness(
    sqlite_ctx: AppContext, shared_data: Path
) -> None:
    # A real résumé: "Fitness Instructor" to present, before it twenty years of wine and
    # sales management. The list used to be all sales and marketing managers.
    _import_pdf(sqlite_ctx, shared_data, "FITNESS")
    result = pivots.rank_pivots(sqlite_ctx, limit=10)
    assert result.reference[0][0] == FITNESS
    codes = [r.code for r in result.rows]
    assert _share(codes, ("39-9031", "27-2022", "29-", "31-", "21-1091", "25-")) >= 0.5, codes
    assert not {c for c, _ in result.reference} & set(codes)
    assert not any("rough guess" in n for n in result.notes)


def test_a_floral_designer_is_offered_design_not_gambling_cages(
    sqlite_ctx: AppContext, shared_data: Path
) -> None:
    # A real floral designer whose summary calls her a "Customer Service Associate" and whose
    # bullets count cash drawers: the list used to be counter clerks, tellers and gambling
    # cashiers, with one design occupation.
    _import_pdf(sqlite_ctx, shared_data, "DESIGNER")
    result = pivots.rank_pivots(sqlite_ctx, limit=10)
    codes = [r.code for r in result.rows]
    assert _share(codes, ("27-1",)) >= 0.5, codes
    assert not any(c.startswith(("41-2012", "43-3041", "39-3012", "43-3071")) for c in codes)
    assert "27-1023.00" not in codes  # her own occupation is the reference point


def test_a_title_that_only_resembles_an_occupations_needs_clear_support() -> None:
    import numpy as np

    from careerceo.services.pivot_titles import choose_candidate

    space = occupation_space()
    code = "11-9161.00"  # Emergency Management Directors
    z = np.zeros(len(space.codes))
    z[space.row_of[code]] = 1.5  # the words match it somewhat, not clearly
    # "Emergency Road Service Technician" resembles the title; the words do not carry it.
    assert choose_candidate(space, [(code, 0.8)], z) is None
    # Word for word one of its titles: the same words leave it standing.
    assert choose_candidate(space, [(code, 1.0)], z) == code
    z[space.row_of[code]] = 2.5
    assert choose_candidate(space, [(code, 0.8)], z) == code
