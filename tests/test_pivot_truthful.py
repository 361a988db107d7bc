"""A pivot's detail, learning plan, labels and pitch say only what the evidence supports.

The first tests use the hand-built space of ``test_pivot_maths`` with ESCO skills added; the
last ones import real résumés from ``../shared/data`` (skipped locally when it is absent,
required in CI), one at a time, as a new user would."""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from careerceo.analysis.capability import PositionItem, build_profile, occupation_profile
from careerceo.analysis.pitch import PitchInput, build_pitch
from careerceo.analysis.pivot import KIND_LABELS, rank
from careerceo.analysis.pivot_detail import (
    ESCO_POSSIBLE_SHARE,
    ESCO_REQUIRED_SHARE,
    detail,
    hedge_esco,
)
from careerceo.analysis.pivot_kinds import kind_label, zone_direction
from careerceo.analysis.pivot_space import OccupationSpace
from careerceo.documents.pivot_report import markdown
from careerceo.model.resume import Resume, ResumePosition
from careerceo.services import pitch as pitch_service
from careerceo.services import pivots, resume_import
from careerceo.services.context import AppContext
from careerceo.services.pitch import latest_title
from careerceo.services.pivot_rows import check_filters
from careerceo.services.pivots import weak_esco_link
from test_pivot_maths import small_space

# ESCO skills of the architect (15-0003.00), as shares of its ESCO link weight: one held by
# the ESCO occupation that carries most of the links, two that a weak neighbour link brings,
# and ESCO's own name for an O*NET element the programmer already has.
ESCO = (
    ("esco:budget", "manage budgets", 0.8),
    ("esco:cadastre", "cadastral taxation", 0.22),
    ("esco:law", "public law", 0.3),
    ("esco:prog", "programming", 1.0),
)


def esco_space() -> OccupationSpace:
    space = small_space()
    matrix = np.zeros((space.n, len(ESCO)), np.float32)
    matrix[space.row_of["15-0003.00"]] = [share for _, _, share in ESCO]
    matrix[space.row_of["21-0001.00"], 1] = 1.0  # some other occupation lists it too
    # the programmer's own ESCO links: budgets by most of their weight, public law by a few
    matrix[space.row_of["15-0001.00"], 0] = 0.9
    matrix[space.row_of["15-0001.00"], 2] = 0.3
    return replace(
        space,
        esco_ids=tuple(i for i, _, _ in ESCO),
        esco_labels=tuple(label for _, label, _ in ESCO),
        esco=matrix,
    )


def test_a_minority_esco_skill_is_hedged_and_never_planned() -> None:
    space = esco_space()
    profile = occupation_profile(space, "15-0002.00")  # a developer: no ESCO skill yet
    d = detail(space, profile, rank(space, profile), "15-0003.00")
    esco_gaps = {g.name: g for g in d.gaps if g.kind == "esco"}
    planned = {s.what for s in d.plan}
    assert esco_gaps["manage budgets"].required and "manage budgets" in planned
    step = next(s for s in d.plan if s.what == "manage budgets")
    assert "80%" in step.why and step.source.startswith("ESCO 1.1.1")
    # 0.3 of the link weight: shown, marked as a possibility, not a step of the plan
    assert ESCO_POSSIBLE_SHARE <= 0.3 < ESCO_REQUIRED_SHARE
    assert not esco_gaps["public law"].required
    assert "may not apply" in esco_gaps["public law"].source
    assert "public law" not in planned
    # 0.22: not even shown
    assert "cadastral taxation" not in esco_gaps and "cadastral taxation" not in planned
    # ESCO's "programming" is the Programming the developer has shown
    assert "programming" not in esco_gaps


def test_a_hot_technology_few_of_the_group_use_is_hedged_and_never_planned() -> None:
    space = small_space()
    tech = space.tech.copy()
    tech[space.row_of["15-0003.00"], 1] = 1.0  # CRM: the architect alone in its group of 3
    space = replace(space, tech=tech, tech_hot=np.array([True, True, False]))
    profile = occupation_profile(space, "43-0001.00")  # the clerk: CRM, not Python
    d = detail(space, profile, rank(space, profile), "15-0003.00")
    techs = {g.name: g for g in d.gaps if g.kind == "technology"}
    assert techs["Python"].required and "Python" in {s.what for s in d.plan}
    # CRM is the clerk's already; give a person without it the same target
    bare = occupation_profile(space, "15-0002.00")
    d = detail(space, bare, rank(space, bare), "15-0003.00")
    techs = {g.name: g for g in d.gaps}
    assert not techs["CRM"].required and "may not apply" in techs["CRM"].source
    assert "CRM" not in {s.what for s in d.plan}


def test_only_what_a_held_occupation_implies_by_most_of_its_links_transfers() -> None:
    space = esco_space()
    profile = occupation_profile(space, "15-0001.00")
    d = detail(space, profile, rank(space, profile), "15-0003.00")
    esco = {t.name: t for t in d.transfers if t.kind == "esco"}
    assert esco["manage budgets"].basis == "implied"
    assert "public law" not in esco  # a minority link's essential is not implied


def test_the_own_occupation_asks_to_learn_nothing_it_implies() -> None:
    """An accountant was told to spend 130 h on English and 150 h on Mathematics to become
    an accountant. Held recently or long ago, one's own occupation needs no course."""
    space = esco_space()
    for start, end in ((date(2020, 1, 1), None), (date(2001, 1, 1), date(2004, 1, 1))):
        profile = build_profile(
            space,
            positions=[PositionItem("Architect", "15-0003.00", start=start, end=end)],
            today=date(2024, 1, 1),
        )
        d = detail(space, profile, rank(space, profile), "15-0003.00")
        assert d.kind_label == "Your own occupation (the reference point)"
        assert [s.what for s in d.plan if s.kind in ("skill", "knowledge")] == []
        assert all(t.basis in ("named", "implied", "named and implied") for t in d.transfers)
        # nothing named, so nothing is marked as named, on screen or in the report
        assert {t.basis for t in d.transfers} == {"implied"}
        report = markdown(d)
        assert f"({d.transfers[0].kind}, implied)" in report and ", named" not in report


def test_labels_say_fit_and_direction() -> None:
    assert zone_direction(2.0, 4.0) == "down"
    assert zone_direction(5.0, 4.0) == "up"
    assert zone_direction(4.0, 4.3) == "level"
    assert zone_direction(float("nan"), 4.0) is None
    assert kind_label("partial", "down") == "Partial fit, step down"
    assert kind_label("adjacent", "level") == "Close fit, same level"
    assert kind_label("same", "up") == "Same occupation, another industry"
    assert "Stretch" not in " ".join(KIND_LABELS.values())
    space = small_space()
    profile = occupation_profile(space, "15-0001.00")  # zone 4
    ranking = rank(space, profile)
    d_up = detail(space, profile, ranking, "15-0003.00")  # zone 5
    d_down = detail(space, profile, ranking, "43-0001.00")  # zone 2
    assert d_up.kind_label.endswith("step up")
    assert d_down.kind_label.endswith("step down") or d_down.kind_label == KIND_LABELS["same"]
    # the old word still filters
    assert check_filters(kinds=["stretch"]).kinds == ("partial",)


# -- real résumés -----------------------------------------------------------------------------

_LEVEL = re.compile(r"level (\d+(?:\.\d+)?)(?!\d|\.\d|/)")


def _import(ctx: AppContext, shared_data: Path, source: str) -> None:
    """``pdf:FOLDER`` (a LiveCareer PDF) or ``csv:Category:n`` (the n-th résumé of a category of
    UpdatedResumeDataSet.csv, as plain text)."""
    kind, _, rest = source.partition(":")
    if kind == "pdf":
        pdf = sorted((shared_data / "resumes" / "pdf_livecareer" / rest).glob("*.pdf"))[0]
        data, name = pdf.read_bytes(), pdf.name
    else:
        category, _, nth = rest.partition(":")
        path = shared_data / "resumes" / "UpdatedResumeDataSet.csv"
        with path.open(encoding="utf-8") as handle:
            rows = [r["Resume"] for r in csv.DictReader(handle) if r["Category"] == category]
        data, name = rows[int(nth) - 1].encode("utf-8"), "resume.txt"
    resume_import.confirm(ctx, resume_import.read_source(data, name))


@pytest.mark.parametrize(
    "source",
    [
        "pdf:ACCOUNTANT",
        "pdf:ADVOCATE",
        "pdf:HEALTHCARE",
        "pdf:AVIATION",
        "csv:Operations Manager:1",
        "csv:HR:2",
    ],
)
def test_a_real_resume_gets_a_profile_true_to_its_evidence(
    sqlite_ctx: AppContext, shared_data: Path, source: str
) -> None:
    _import(sqlite_ctx, shared_data, source)
    summary = pivots.capability_summary(sqlite_ctx)
    for element in summary["elements"]:
        quoted = [float(x) for x in _LEVEL.findall(element["evidence"][0])]
        if quoted:  # the level shown is the one its first piece of evidence states
            assert min(abs(element["level"] - q) for q in quoted) <= 0.15, element
    own = summary["occupations"][0]["code"] if summary["occupations"] else None
    rows = [r for r in pivots.rank_pivots(sqlite_ctx, limit=5).rows]
    for code in [c for c in (own, *(r.code for r in rows[:3])) if c]:
        d = pivots.pivot_detail(sqlite_ctx, code)
        assert "Stretch" not in d.kind_label
        shown = {t.name.casefold() for t in d.transfers}
        for step in d.plan:
            assert step.what.casefold() not in shown, (code, step)
            if step.kind in ("esco", "technology"):
                gap = next(g for g in d.gaps if g.name == step.what)
                assert gap.required and gap.priority >= ESCO_REQUIRED_SHARE, (code, step)
            if code == own:
                assert step.kind not in ("skill", "knowledge"), step
            for entry in summary["unmatched"]:  # "Access" listed: no Microsoft Access course
                if step.kind == "technology" and len(entry) >= 3:
                    assert not re.search(rf"\b{re.escape(entry)}\b", step.what, re.I), step
        named_tech = [t for t in d.transfers if t.kind == "technology"]
        assert all("named" in t.basis for t in named_tech), named_tech
        story = pitch_service.pitch(sqlite_ctx, occupation=code)
        if any(g.required for g in d.gaps):
            assert "needs already" not in story.story, (code, story.story)
        assert "(unknown)" not in story.story + story.headline + story.about
        by_name = {t.name.casefold().rstrip("."): t for t in d.transfers}
        for claim in story.keywords_used:
            t = by_name.get(claim.casefold())
            assert t is not None, (code, claim)
            assert t.kind in ("skill", "knowledge") or "named" in t.basis, (code, claim, t)


def test_the_pitch_claims_no_readiness_the_gaps_deny() -> None:
    """An accountant moving to logistics analysis, with Transportation and Geography still to
    show, read "I bring the skills it needs already"."""
    base = PitchInput(
        name="",
        current_title="Accountant",
        target_role="Logistics Analyst",
        carries_over=("Critical Thinking",),
    )
    short = build_pitch(replace(base, unconfirmed=("Transportation", "Geography")))
    assert "needs already" not in short.story and "needs already" not in short.about
    assert "What is new: the role itself." in short.story
    ready = build_pitch(base)
    assert "I bring the skills it needs already" in ready.story


def test_the_plan_does_not_ask_for_a_product_the_person_listed_in_short() -> None:
    """An aviation technician listed "Access" (unmatched: O*NET says "Microsoft Access") and
    was told to take Microsoft Access's vendor certification."""
    space = small_space()
    tech = space.tech.copy()
    names = ("Microsoft Access", "CRM", "Excel")
    space = replace(space, tech=tech, tech_names=names)
    clerk = occupation_profile(space, "43-0001.00")  # no Microsoft Access
    plain = detail(space, clerk, rank(space, clerk), "15-0003.00")
    assert "Microsoft Access" in {s.what for s in plain.plan}
    listed = replace(clerk, unmatched=("Access",))
    d = detail(space, listed, rank(space, listed), "15-0003.00")
    gap = next(g for g in d.gaps if g.name == "Microsoft Access")
    assert not gap.required and "you listed “Access”" in gap.source
    assert "Microsoft Access" not in {s.what for s in d.plan}
    # a listed word that is only part of a product's word is no match
    other = replace(clerk, unmatched=("Acc",))
    assert "Microsoft Access" in {
        s.what for s in detail(space, other, rank(space, other), "15-0003.00").plan
    }


def test_essentials_reached_through_a_weak_title_link_are_hedged() -> None:
    """Compensation and Benefits Managers reach ESCO only as "social security administrator"
    (title similarity 0.26): its essentials may not apply, so none is a plan step."""
    assert weak_esco_link("13-2011.00") is None  # accountants: Nesta crosswalk entries
    why = weak_esco_link("11-3111.00")
    assert why is not None and "title similarity" in why
    space = esco_space()
    profile = occupation_profile(space, "15-0002.00")
    d = hedge_esco(detail(space, profile, rank(space, profile), "15-0003.00"), why)
    assert all(not g.required and why in g.source for g in d.gaps if g.kind == "esco")
    assert [s for s in d.plan if s.kind == "esco"] == []
    assert [s.what for s in d.plan if s.kind != "esco"]  # the rest of the plan stays


def test_the_pitch_names_no_unknown_title() -> None:
    """An aviation technician's latest position had no title: the pitch read "most recently as
    a (unknown)"; it names the latest title the résumé states."""
    resume = Resume(
        positions=[
            ResumePosition("Acme", "(unknown)", "2019-01"),
            ResumePosition("Acme", "Avionics Technician", "2015-01", "2018-12"),
        ]
    )
    assert latest_title(resume) == "Avionics Technician"
    assert latest_title(Resume(positions=[ResumePosition("Acme", "(unknown)")])) == ""
