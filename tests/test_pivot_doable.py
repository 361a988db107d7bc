""" "Doable" is its own dimension: job-zone step, readiness and a licence the O*NET description
says is required, quoted, never invented."""

from __future__ import annotations

from careerceo.analysis.pivot_doable import doable, licence_sentence, licence_table
from careerceo.knowledge import load_knowledge
from careerceo.services import pivots


def test_a_licence_is_read_from_the_description_sentence_that_requires_it() -> None:
    assert licence_sentence(
        "Pilot ships. Required to hold license issued by U.S. Coast Guard."
    ) == ("Required to hold license issued by U.S. Coast Guard.")
    assert licence_sentence("Drive trucks. Requires commercial drivers' license.") == (
        "Requires commercial drivers' license."
    )
    # Where other workers are classified is not a requirement of this occupation.
    assert (
        licence_sentence(
            "Coach athletes. Those required to hold teaching certifications should be "
            "reported in the appropriate teaching category."
        )
        is None
    )
    assert licence_sentence("Install and upgrade software and maintain software licenses.") is None


def test_the_bundled_descriptions_name_few_licences_and_only_where_they_say_so() -> None:
    kb = load_knowledge()
    table = licence_table({o.code: o.description for o in kb.occupations})
    assert table["29-1141.00"] == "Licensing or registration required."  # Registered Nurses
    assert "53-3032.00" in table  # heavy truck drivers: a commercial driver's licence
    assert "13-2011.00" not in table  # accountants: the description says nothing of a licence
    assert 3 <= len(table) <= 30


def test_doable_states_the_zone_step_readiness_and_licence() -> None:
    licences = {"29-1141.00": "Licensing or registration required."}
    d = doable("29-1141.00", 4.0, 3.0, 0.9, licences, held=["31-1131.00"], source="O*NET 29.0")
    assert d.zone_step == 1 and d.licence and not d.licence_held
    assert "one job zone up" in d.summary and "90%" in d.summary and "O*NET 29.0" in d.summary
    same = doable("29-1141.00", 4.0, 4.2, None, licences, held=["29-1141.00"])
    assert same.zone_step == 0 and same.licence_held
    unknown = doable("13-2011.00", 4.0, None, None, licences)
    assert unknown.zone_step is None and unknown.licence is None and unknown.summary == ""


def test_pivot_rows_carry_the_doable_dimension() -> None:
    result = pivots.rank_pivots(None, from_="29-2061.00", limit=10)
    by_code = {r.code: r for r in result.rows}
    rn = by_code["29-1141.00"]  # LPN -> RN: one zone up, a (different) licence required
    assert rn.doable is not None
    assert rn.doable["licence"] == "Licensing or registration required."
    assert rn.doable["zone_step"] == 1 and not rn.doable["licence_held"]
    assert all(r.doable is not None for r in result.rows)
    assert all(
        r.doable is not None and r.doable["licence"] is None
        for r in result.rows
        if r.code not in pivots.licences()
    )


def test_a_pivots_detail_says_how_doable_it_is() -> None:
    d = pivots.pivot_detail(None, "29-1141.00", from_="29-2061.00")
    note = d.notes[0]
    assert note.startswith("How doable: one job zone up")
    assert "“Licensing or registration required.” (O*NET 29.0 description)" in note
