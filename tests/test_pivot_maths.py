"""The pivot maths on a small hand-built space, where every number can be checked by hand."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from careerceo.analysis.capability import (
    ConceptHit,
    EducationItem,
    InventoryItem,
    PositionItem,
    build_profile,
    inventory_level,
    occupation_profile,
    position_credit,
)
from careerceo.analysis.pivot import (
    PivotFilters,
    combine,
    rank,
    zone_penalty,
)
from careerceo.analysis.pivot_detail import detail, learning_plan
from careerceo.analysis.pivot_space import OccupationSpace
from careerceo.services.pivots import _row

NAN = np.nan


def small_space() -> OccupationSpace:
    """Five occupations over four elements (3 skills, 1 knowledge), 4 DWAs, 3 technologies.

    A and B are near twins (programming-heavy); C is a people job; D needs B's skills at a
    higher zone; E is unrated (no skills data) but has activities.
    """
    importance = np.array(
        [
            [4.5, 2.0, 1.5, 4.0],  # A programmer
            [4.2, 2.5, 1.5, 3.8],  # B developer
            [1.5, 4.5, 4.0, 1.5],  # C counsellor
            [4.8, 3.0, 2.0, 4.5],  # D architect
            [NAN, NAN, NAN, NAN],  # E unrated
        ],
        np.float32,
    )
    level = np.array(
        [
            [5.0, 3.0, 2.0, 5.0],
            [4.8, 3.2, 2.0, 4.6],
            [1.0, 5.5, 5.0, 1.0],
            [6.5, 4.0, 3.0, 6.0],
            [NAN, NAN, NAN, NAN],
        ],
        np.float32,
    )
    dwa = np.array(
        [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1], [1, 1, 0, 1], [0, 0, 1, 0]], np.float32
    )
    tech = np.array([[1, 0, 1], [1, 0, 1], [0, 1, 1], [1, 0, 1], [0, 1, 0]], np.float32)
    return OccupationSpace(
        codes=("15-0001.00", "15-0002.00", "21-0001.00", "15-0003.00", "43-0001.00"),
        titles=("Programmer", "Developer", "Counsellor", "Architect", "Clerk"),
        element_ids=("2.B.3.e", "2.B.1.a", "2.B.1.e", "2.C.3.a"),
        element_names=("Programming", "Social Perceptiveness", "Service Orientation", "Computers"),
        element_kinds=("skill", "skill", "skill", "knowledge"),
        importance=importance,
        level=level,
        dwa_ids=("d1", "d2", "d3", "d4"),
        dwa_titles=("Write code", "Test code", "Counsel clients", "Plan systems"),
        dwa=dwa,
        tech_names=("Python", "CRM", "Excel"),
        tech=tech,
        tech_hot=np.array([True, False, False]),
        job_zone=np.array([4, 4, 4, 5, 2], np.float32),
        interests=np.array(
            [
                [2, 6, 2, 1, 2, 5],
                [2, 6, 3, 1, 2, 5],
                [1, 2, 3, 7, 4, 2],
                [2, 6, 2, 1, 4, 4],
                [NAN] * 6,
            ],
            np.float32,
        ),
    )


def test_space_rejects_misaligned_arrays() -> None:
    space = small_space()
    with pytest.raises(ValueError, match="importance"):
        OccupationSpace(
            codes=space.codes,
            titles=space.titles,
            element_ids=space.element_ids,
            element_names=space.element_names,
            element_kinds=space.element_kinds,
            importance=space.importance[:, :3],
            level=space.level,
            dwa_ids=space.dwa_ids,
            dwa_titles=space.dwa_titles,
            dwa=space.dwa,
            tech_names=space.tech_names,
            tech=space.tech,
            tech_hot=space.tech_hot,
            job_zone=space.job_zone,
            interests=space.interests,
        )


def test_credit_and_level_scales() -> None:
    today = date(2024, 1, 1)
    current = PositionItem("Dev", "15-0001.00", start=date(2019, 1, 1))
    assert position_credit(current, today) == pytest.approx(1.0)
    old = PositionItem("Dev", "15-0001.00", start=date(2008, 1, 1), end=date(2016, 1, 1))
    # ended 8 years ago (half-life) after 8 years in role (full tenure)
    assert position_credit(old, today) == pytest.approx(0.5, abs=0.01)
    short = PositionItem("Dev", "15-0001.00", start=date(2023, 7, 1))
    assert position_credit(short, today) == pytest.approx(0.5 + 0.5 / 4, abs=0.01)
    assert inventory_level(1) == 1.5
    assert inventory_level(3) == 4.0
    assert inventory_level(5) == 6.5


def test_own_profile_ranks_itself_first_with_full_signals() -> None:
    space = small_space()
    for code in ("15-0001.00", "15-0002.00", "21-0001.00", "15-0003.00"):
        profile = occupation_profile(space, code)
        ranking = rank(space, profile)
        assert space.codes[ranking.order[0]] == code
        row = space.row_of[code]
        for name in ("skills", "knowledge", "readiness", "activities", "technology"):
            assert ranking.signals[name][row] == pytest.approx(1.0, abs=1e-5), name
        assert ranking.kind[row] == "same"


def test_twin_is_second_and_people_job_is_far() -> None:
    space = small_space()
    ranking = rank(space, occupation_profile(space, "15-0001.00"))
    codes = [space.codes[i] for i in ranking.order]
    assert codes[1] == "15-0002.00"
    assert codes.index("21-0001.00") > codes.index("15-0003.00")
    # The architect is one zone up: penalised, a partial fit (a step up), not adjacent.
    row = space.row_of["15-0003.00"]
    assert ranking.zone_penalty[row] == pytest.approx(0.05)
    assert ranking.kind[row] in ("partial", "long_shot")


def test_unrated_occupation_uses_only_its_signals() -> None:
    space = small_space()
    ranking = rank(space, occupation_profile(space, "21-0001.00"))
    row = space.row_of["43-0001.00"]
    assert np.isnan(ranking.signals["skills"][row])
    assert not np.isnan(ranking.signals["activities"][row])
    assert np.isfinite(ranking.score[row])


def test_combine_renormalises_over_available_signals() -> None:
    signals = {
        "skills": np.array([1.0, np.nan], np.float32),
        "knowledge": np.array([0.0, np.nan], np.float32),
        "readiness": np.array([np.nan, np.nan], np.float32),
        "activities": np.array([np.nan, 0.5], np.float32),
        "technology": np.array([np.nan, np.nan], np.float32),
        "esco": np.array([np.nan, np.nan], np.float32),
        "interests": np.array([np.nan, np.nan], np.float32),
    }
    weights = {"skills": 0.2, "knowledge": 0.2, "activities": 0.4}
    score, parts = combine(signals, weights)
    assert score[0] == pytest.approx(0.5)  # (0.2*1 + 0.2*0) / 0.4
    assert score[1] == pytest.approx(0.5)  # only activities: 0.4*0.5/0.4
    assert parts["skills"][0] == pytest.approx(0.5)
    assert parts["activities"][1] == pytest.approx(0.5)


def test_zone_penalty_is_asymmetric() -> None:
    space = small_space()
    pen = zone_penalty(space, 4.0)
    assert pen.tolist() == pytest.approx([0, 0, 0, 0.05, 0.03])


def test_inventory_of_top_elements_finds_the_occupation() -> None:
    space = small_space()
    inv = [
        InventoryItem("skill", "Social Perceptiveness", 5),
        InventoryItem("skill", "Service Orientation", 5),
    ]
    ranking = rank(space, build_profile(space, inventory=inv))
    assert space.codes[ranking.order[0]] == "21-0001.00"


def test_intent_moves_ranks_the_right_way() -> None:
    space = small_space()
    base = [
        InventoryItem("skill", "Programming", 4),
        InventoryItem("skill", "Social Perceptiveness", 4),
        InventoryItem("knowledge", "Computers", 4),
    ]
    neutral = rank(space, build_profile(space, inventory=base))
    dropped = [
        InventoryItem("skill", "Programming", 4, intent="drop"),
        *base[1:],
    ]
    after = rank(space, build_profile(space, inventory=dropped))
    prog = space.row_of["15-0001.00"]
    couns = space.row_of["21-0001.00"]
    assert after.score[prog] < neutral.score[prog]
    assert after.score[couns] - neutral.score[couns] > after.score[prog] - neutral.score[prog]
    added = [*base, InventoryItem("skill", "Service Orientation", 1, intent="add")]
    more = rank(space, build_profile(space, inventory=added))
    # Service Orientation: the counsellor's demand is the largest (lean 1.0, bonus 0.15); the
    # programmer's is 0.125 x 2.0 = 0.25 of 3.75 (lean 1/15, bonus 0.01).
    assert more.intent_adjustment[couns] == pytest.approx(0.15, abs=1e-4)
    assert more.intent_adjustment[prog] == pytest.approx(0.15 / 15, abs=1e-4)


def test_empty_profile_is_empty() -> None:
    space = small_space()
    profile = build_profile(space, inventory=[InventoryItem("skill", "Juggling", 3)])
    assert profile.is_empty
    assert profile.unmatched == ("Juggling",)


def test_filters() -> None:
    space = small_space()
    profile = occupation_profile(space, "15-0001.00")
    only_zone5 = rank(space, profile, filters=PivotFilters(zone_min=5))
    assert [space.codes[i] for i in only_zone5.order] == ["15-0003.00"]
    fam = rank(space, profile, filters=PivotFilters(families=("21",)))
    assert [space.codes[i] for i in fam.order] == ["21-0001.00"]
    hot = rank(space, profile, filters=PivotFilters(hot_tech=True))
    assert set(space.codes[i] for i in hot.order) == {"15-0001.00", "15-0002.00", "15-0003.00"}


def test_detail_gaps_and_plan_order() -> None:
    space = small_space()
    profile = occupation_profile(space, "15-0001.00")
    ranking = rank(space, profile)
    d = detail(space, profile, ranking, "21-0001.00")
    element_gaps = [g for g in d.gaps if g.kind in ("skill", "knowledge")]
    assert [g.name for g in element_gaps][:2] == ["Service Orientation", "Social Perceptiveness"]
    # importance (4.0-1)/4 x deficit (5.0-2.0) = 2.25 beats (4.5-1)/4 x (5.5-3.0) = 2.1875
    assert element_gaps[0].priority == pytest.approx(0.75 * 3.0, abs=1e-3)
    assert element_gaps[1].priority == pytest.approx(0.875 * 2.5, abs=1e-3)
    tech = [g for g in d.gaps if g.kind == "technology"]
    assert tech == []  # CRM is not hot
    assert d.transfers and d.transfers[0].source == "O*NET 29.0"
    assert all(step.hours >= 5 for step in d.plan)
    stages = [step.stage for step in d.plan]
    assert stages == sorted(stages, key=["Foundations", "Applied skills", "On the job"].index)
    up = detail(space, profile, ranking, "15-0003.00")
    plan_kinds = [s.kind for s in up.plan]
    # Knowledge (foundations) comes before the applied programming skill.
    assert plan_kinds.index("knowledge") < plan_kinds.index("skill")
    assert any(g.kind == "technology" for g in up.gaps) is False  # Python already held


def test_learning_plan_effort_from_deficit() -> None:
    space = small_space()
    profile = build_profile(space, inventory=[InventoryItem("skill", "Programming", 2)])
    ranking = rank(space, profile)
    d = detail(space, profile, ranking, "15-0003.00")
    prog = next(s for s in d.plan if s.what == "Programming")
    # deficit 6.5 - 2.75 = 3.75 points x 50 h = 187.5 → 190 (rounded to 5)
    assert prog.hours == 190
    assert prog.course == "hands-on course with a project"
    assert learning_plan([]) == []


def test_education_and_concepts_feed_the_profile() -> None:
    space = small_space()
    profile = build_profile(
        space,
        education=[EducationItem("BSc", "Computer Science", "Uni")],
        concepts=[ConceptHit("tech", "Python", "Python", detail="résumé line 3")],
    )
    col = space.element_row["2.C.3.a"]
    assert not profile.known[col]  # "Computers" is not the real O*NET name in this toy space
    assert profile.job_zone == 4.0
    assert profile.tech[0] == pytest.approx(0.8)
    assert not profile.is_empty


def test_the_persons_own_statement_is_the_first_evidence() -> None:
    """The level shown is the inventory's, so the evidence shown first must be the inventory
    entry, not a position that implies another level (shells print only the first)."""
    space = small_space()
    profile = build_profile(
        space,
        positions=[PositionItem("Dev", "15-0002.00", start=date(2015, 1, 1))],
        concepts=[ConceptHit("tech", "Python", "Python", detail="résumé line 3")],
        inventory=[
            InventoryItem("skill", "Programming", 5),
            InventoryItem("skill", "Python", 2, taxonomy="tech", concept_id="Python"),
        ],
        today=date(2024, 1, 1),
    )
    col = space.element_row["2.B.3.e"]
    assert profile.level[col] == pytest.approx(inventory_level(5))
    first = profile.evidence[("element", col)][0]
    assert first.source == "your inventory" and "Programming: level 5/5" in first.detail
    assert len(profile.evidence[("element", col)]) == 2  # the position is still there, after
    assert profile.evidence[("tech", 0)][0].source == "your inventory"


def test_an_element_short_of_the_target_is_a_gap_not_a_transfer() -> None:
    """The explorer listed "Medicine and Dentistry" under both Transfers and Top gaps of the
    same pivot; an element with a material gap is a gap only, in the list and in the detail."""
    space = small_space()
    profile = build_profile(
        space,
        inventory=[
            InventoryItem("skill", "Programming", 2),  # 2.75 vs the architect's 6.5
            InventoryItem("skill", "Social Perceptiveness", 3),  # 4.0 vs 4.0: transfers
        ],
    )
    ranking = rank(space, profile)
    row = space.row_of["15-0003.00"]
    prog = space.element_row["2.B.3.e"]
    assert ranking.met[row, prog] > 0 and ranking.gap_size[row, prog] >= 0.25
    listed = _row(space, ranking, row, 1)
    assert listed.transfers == ["Social Perceptiveness"]
    assert "Programming" in listed.gaps
    d = detail(space, profile, ranking, "15-0003.00")
    assert "Programming" not in [t.name for t in d.transfers]
    assert "Social Perceptiveness" in [t.name for t in d.transfers]
    assert "Programming" in [g.name for g in d.gaps]


def test_a_technology_listed_to_add_is_a_gap_not_a_transfer() -> None:
    """A nurse who listed "clinical informatics" to add saw it under "What transfers" (with
    "intent add" as the only evidence) and never in the gaps or the learning plan."""
    space = small_space()
    profile = build_profile(
        space,
        inventory=[
            InventoryItem("skill", "Python", 1, "add", "tech", "Python"),
            InventoryItem("skill", "Excel", 4, "keep", "tech", "Excel"),
        ],
    )
    ranking = rank(space, profile)
    d = detail(space, profile, ranking, "15-0003.00")  # uses Python (hot) and Excel
    transferred = {t.name for t in d.transfers if t.kind == "technology"}
    assert transferred == {"Excel"}
    assert "Python" in {g.name for g in d.gaps if g.kind == "technology"}
    assert "Python" in {step.what for step in d.plan}


def test_no_job_zone_penalty_is_not_shown_as_minus_zero() -> None:
    from careerceo.documents.pivot_report import markdown

    space = small_space()
    profile = occupation_profile(space, "15-0001.00")
    d = detail(space, profile, rank(space, profile), "15-0002.00")
    assert d.zone_penalty == 0
    text = markdown(d)
    assert "| Job-zone penalty | | | 0.000 |" in text and "-0.000" not in text
