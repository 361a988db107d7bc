"""Clear cases on the real bundled knowledge base (O*NET 29.0 + ESCO 1.1.1)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from careerceo.analysis.capability import (
    InventoryItem,
    PositionItem,
    build_profile,
    implied_elements,
    occupation_profile,
)
from careerceo.analysis.pivot import PivotFilters, rank
from careerceo.analysis.pivot_detail import chart_rows, detail
from careerceo.analysis.pivot_space import OccupationSpace
from careerceo.services.pivot_space import occupation_space


@pytest.fixture(scope="module")
def space() -> OccupationSpace:
    return occupation_space()


def _sample(space: OccupationSpace, n: int) -> list[str]:
    rng = np.random.default_rng(7)
    rated = np.flatnonzero(space.index.rated & space.index.has_dwa)
    return [space.codes[i] for i in rng.choice(rated, size=n, replace=False)]


def test_own_profile_ranks_itself_first(space: OccupationSpace) -> None:
    codes = _sample(space, 60)
    firsts = 0
    for code in codes:
        ranking = rank(space, occupation_profile(space, code))
        firsts += space.codes[ranking.order[0]] == code
    share = firsts / len(codes)
    print(f"self-rank@1 on {len(codes)} sampled occupations: {share:.1%}")
    assert share >= 0.98


def _top_elements_inventory(space: OccupationSpace, code: str, k: int = 10) -> list[InventoryItem]:
    row = space.row_of[code]
    demand = space.index.demand[row]
    cols = np.argsort(-demand)[:k]
    # Level on the inventory's 1..5 scale that maps closest to the occupation's 0..7 level.
    return [
        InventoryItem(
            space.element_kinds[c],
            space.element_names[c],
            int(np.clip(round((float(space.level[row, c]) - 1.5) / 1.25 + 1), 1, 5)),
        )
        for c in cols
    ]


def test_everyday_skills_imply_the_skill_areas_of_the_occupations_using_them(
    space: OccupationSpace,
) -> None:
    """A teacher who lists "classroom management" and "Google Classroom" has Education and
    Training; someone listing SQL has Computers and Electronics. Rare or ubiquitous concepts
    imply nothing, and a skill the person means to add gives them nothing."""
    names = dict(zip(space.element_ids, space.element_names, strict=True))

    def implied(taxonomy: str, concept: str) -> set[str]:
        return {space.element_names[e.col] for e in implied_elements(space, taxonomy, concept)}

    classroom = next(
        sid
        for sid, label in zip(space.esco_ids, space.esco_labels, strict=True)
        if label == "perform classroom management"
    )
    assert "Education and Training" in implied("esco", classroom)
    assert "Education and Training" in implied("tech", "Google Classroom")
    assert "Computers and Electronics" in implied("tech", "Structured query language SQL")
    assert implied("tech", "Microsoft PowerPoint") == set()  # used nearly everywhere
    assert implied("tech", "no such product") == set()

    items = [InventoryItem("skill", "classroom management", 4, "keep", "esco", classroom)]
    profile = build_profile(space, inventory=items)
    col = space.element_ids.index(
        next(eid for eid, name in names.items() if name == "Education and Training")
    )
    assert profile.known[col] and profile.level[col] > 3.5
    evidence = str(profile.evidence[("element", col)][0])
    assert "classroom management" in evidence and "occupations that use it" in evidence
    wanted = [InventoryItem("skill", "classroom management", 4, "add", "esco", classroom)]
    assert not build_profile(space, inventory=wanted).known[col]


def test_each_contribution_is_its_value_times_the_weight_shown(space: OccupationSpace) -> None:
    """A sparse inventory scales readiness down; the table showed the nominal 0.1 next to a
    contribution ten times smaller, which no reader could reconcile."""
    items = [InventoryItem("skill", "Speaking", 4, "keep", "onet", "2.A.1.d")]
    profile = build_profile(space, inventory=items)
    r = rank(space, profile)
    d = detail(space, profile, r, space.codes[int(r.order[0])])
    shown = [s for s in d.signals if s.value is not None]
    assert any(s.name == "readiness" and s.weight < 0.1 for s in shown)
    for s in shown:
        assert abs(s.value * s.weight - s.contribution) < 1e-3, s  # type: ignore[operator]
    assert abs(sum(s.weight for s in d.signals) - 1.0) < 1e-3
    assert all(s.weight == 0 for s in d.signals if s.value is None)  # no activities, interests


def test_inventory_of_top_elements_finds_the_occupation(space: OccupationSpace) -> None:
    codes = _sample(space, 40)
    top3 = 0
    for code in codes:
        profile = build_profile(space, inventory=_top_elements_inventory(space, code))
        order = rank(space, profile).order
        top3 += code in {space.codes[i] for i in order[:3]}
    share = top3 / len(codes)
    print(f"top-elements inventory puts the occupation in the top 3: {share:.1%}")
    assert share >= 0.6


@pytest.mark.parametrize(
    ("code", "neighbours"),
    [
        ("29-1141.00", {"29-1141.01", "29-1141.03", "29-1171.00", "29-2061.00"}),
        ("15-1252.00", {"15-1251.00", "15-1254.00", "15-1253.00", "15-1211.00"}),
        ("25-2021.00", {"25-2022.00", "25-2031.00", "25-2012.00"}),
    ],
)
def test_neighbours_are_the_obvious_ones(
    space: OccupationSpace, code: str, neighbours: set[str]
) -> None:
    order = rank(space, occupation_profile(space, code)).order
    top = {space.codes[i] for i in order[1:8]}
    assert len(top & neighbours) >= 2, top


def test_intent_penalty_moves_ranks_the_right_way(space: OccupationSpace) -> None:
    base = [
        InventoryItem("skill", "Programming", 4),
        InventoryItem("knowledge", "Computers and Electronics", 4),
        InventoryItem("skill", "Instructing", 4),
        InventoryItem("knowledge", "Education and Training", 4),
    ]
    neutral = rank(space, build_profile(space, inventory=base))
    drop = [
        InventoryItem("skill", "Programming", 4, intent="drop"),
        InventoryItem("knowledge", "Computers and Electronics", 4, intent="drop"),
        *base[2:],
    ]
    dropped = rank(space, build_profile(space, inventory=drop))
    dev = space.row_of["15-1252.00"]
    teacher = space.row_of["25-2031.00"]
    pos = {int(r): i for i, r in enumerate(neutral.order)}
    pos2 = {int(r): i for i, r in enumerate(dropped.order)}
    assert pos2[dev] > pos[dev]  # the developer job moves down
    assert pos2[teacher] < pos[teacher] or pos2[teacher] == 0
    add = [*base, InventoryItem("knowledge", "Medicine and Dentistry", 1, intent="add")]
    added = rank(space, build_profile(space, inventory=add))
    nurse = space.row_of["29-1141.00"]
    assert added.score[nurse] > neutral.score[nurse]


def test_filters_and_kinds_on_real_data(space: OccupationSpace) -> None:
    profile = occupation_profile(space, "13-2011.00")
    r = rank(space, profile, filters=PivotFilters(zone_min=5, families=("11", "13")))
    assert r.order.size > 0
    for i in r.order:
        assert space.job_zone[i] >= 5
        assert space.codes[i][:2] in ("11", "13")
    kinds = set(rank(space, profile).kind.tolist())
    assert {"same", "adjacent", "partial", "long_shot"} <= kinds


def test_detail_has_sources_gaps_and_plan(space: OccupationSpace) -> None:
    profile = occupation_profile(space, "25-2031.00")
    r = rank(space, profile)
    d = detail(space, profile, r, "13-1151.00")  # teacher -> training & development specialist
    assert d.transfers and all(t.source for t in d.transfers)
    assert any(g.kind == "esco" and g.source.startswith("ESCO 1.1.1") for g in d.gaps)
    assert any(g.kind == "knowledge" for g in d.gaps)
    assert d.plan and d.plan[0].stage == "Foundations"
    assert [s.order for s in d.plan] == list(range(1, len(d.plan) + 1))
    assert d.ete.education, "typical education comes from O*NET"
    assert d.rank is not None and d.rank < 60


def test_chart_bars_have_unambiguous_names(space: OccupationSpace) -> None:
    """Statisticians rate both the Mathematics skill and the Mathematics knowledge area."""
    profile = occupation_profile(space, "15-2051.00")
    rows = chart_rows(space, profile, space.row_of["15-2041.00"], 12)
    names = [name for name, _, _ in rows]
    assert len(set(names)) == len(names)
    assert {"Mathematics (skill)", "Mathematics (knowledge)"} <= set(names)


@pytest.mark.parametrize(
    ("source", "target", "kinds"),
    [
        ("29-1141.00", "29-1141.01", {"same"}),  # RN -> acute care nurse: same SOC occupation
        ("29-1141.00", "29-1171.00", {"partial"}),  # RN -> nurse practitioner: zone 4 -> 5
        ("29-1141.00", "35-9021.00", {"long_shot"}),  # RN -> dishwasher: does not use the core
        ("41-2031.00", "43-4051.00", {"adjacent"}),  # retail -> customer service
        ("23-2011.00", "23-1011.00", {"long_shot"}),  # paralegal -> lawyer: two zones up
    ],
)
def test_kinds_follow_the_rules(
    space: OccupationSpace, source: str, target: str, kinds: set[str]
) -> None:
    r = rank(space, occupation_profile(space, source))
    assert str(r.kind[space.row_of[target]]) in kinds


def test_pivot_list_names_skill_and_knowledge_apart(space: OccupationSpace) -> None:
    """A data analyst's Statisticians row listed its top gaps as "Mathematics, Science,
    Mathematics": the skill and the knowledge area, indistinguishable."""
    from careerceo.services.pivots import _row

    profile = build_profile(
        space,
        positions=[PositionItem("Data Analyst", "15-2051.00", start=date(2019, 1, 1))],
        today=date(2024, 1, 1),
    )
    ranking = rank(space, profile)
    row = _row(space, ranking, space.row_of["15-2041.00"], 1)
    shown = row.gaps + row.transfers
    assert "Mathematics" not in shown
    assert "Mathematics (skill)" in shown or "Mathematics (knowledge)" in shown
