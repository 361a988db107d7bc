"""30-60-90-day plans: the skeleton from O*NET tasks and a posting's requirements, edits, and
the exports (the PDF parsed back: the plan's text is there, on one or two pages)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from careerceo.analysis.plan306090 import requirement_lines, skeleton, stakeholders_in
from careerceo.errors import CareerError
from careerceo.knowledge import load_knowledge
from careerceo.services import plan306090 as service
from careerceo.services.context import AppContext
from careerceo.services.tailoring import save_posting
from careerceo.store.tables import Opportunity

POSTING = """Senior Data Analyst - Northwind Foods

About us
Northwind Foods sells groceries online.

Requirements
- Build weekly demand forecasts for the buying team
- Own the reporting pipeline in SQL and dbt
- Present results to category managers
* Improve data quality checks

Nice to have
1. Experience with Looker
"""


def _pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    return text, len(reader.pages)


def test_requirement_lines_prefer_the_requirements_section() -> None:
    lines = requirement_lines(POSTING)
    assert lines[:4] == [
        "Build weekly demand forecasts for the buying team",
        "Own the reporting pipeline in SQL and dbt",
        "Present results to category managers",
        "Improve data quality checks",
    ]
    assert "Experience with Looker" in lines
    assert requirement_lines("A paragraph with no bullets at all.") == []


def test_the_skeleton_uses_tasks_and_requirements_in_order() -> None:
    tasks = [f"Task number {i} with project managers." for i in range(1, 9)]
    plan = skeleton(
        role="Data Analyst",
        employer="Northwind",
        tasks=tasks,
        requirements=["Req A", "Req B", "Req C"],
        tools=["Spreadsheet software"],
        sources=["src"],
    )
    first, second, third = plan.phases
    assert "Learn how it is done here: Task number 1 with project managers" in first.actions
    assert "Take on: Task number 4 with project managers" in second.actions
    assert "Show early progress on: Req A" in second.actions
    assert "Deliver results on: Req C" in third.actions
    assert all(p.goals and p.measures for p in plan.phases)
    assert "Project managers" in plan.stakeholders
    assert any("Spreadsheet software" in line for line in plan.learn)
    assert stakeholders_in(["Confer with clients and suppliers"]) == ["clients"]


def test_plan_from_an_occupation_exports_markdown_and_a_short_pdf(
    sqlite_ctx: AppContext, tmp_path: Path
) -> None:
    view = service.new_plan(sqlite_ctx, {"occupation_code": "29-1141"})
    kb = load_knowledge()
    first_task = kb.tasks_for("29-1141.00")[0].text.rstrip(".")
    assert view.title == "30-60-90-day plan: Registered Nurse"
    assert any(first_task in a for a in view.phases[0].actions)
    assert view.sources[0].startswith(kb.source.onet)
    service.set_section(
        sqlite_ctx, view.id, "30.goals", ["Learn the ward's routines", "", "- Meet the team"]
    )
    edited = service.get_plan(sqlite_ctx, view.id)
    assert edited.phases[0].goals == ["Learn the ward's routines", "Meet the team"]
    md = tmp_path / "plan.md"
    service.export_file(sqlite_ctx, view.id, md)
    text = md.read_text(encoding="utf-8")
    assert "## Days 1-30: learn" in text and "- Learn the ward's routines" in text
    pdf = tmp_path / "plan.pdf"
    service.export_file(sqlite_ctx, view.id, pdf)
    parsed, pages = _pdf_text(pdf.read_bytes())
    assert 1 <= pages <= 2
    for expected in ("Registered Nurse", "Days 31-60: contribute", "Learn the ward's routines"):
        assert expected in parsed
    assert " ".join(first_task.split()[:6]) in parsed


def test_a_long_plan_still_fits_two_pages_or_is_refused(sqlite_ctx: AppContext) -> None:
    view = service.new_plan(sqlite_ctx, {"occupation_code": "15-1252.00"})
    lines = [f"Action line {i} with a realistic amount of words in it to fill" for i in range(20)]
    service.set_section(sqlite_ctx, view.id, "60.actions", lines)
    _, pages = _pdf_text(service.export_pdf(sqlite_ctx, view.id))
    assert pages <= 2
    for part in ("30.actions", "90.actions", "learn", "quick_wins", "stakeholders"):
        service.set_section(sqlite_ctx, view.id, part, lines)
    with pytest.raises(CareerError, match="shorten"):
        service.export_pdf(sqlite_ctx, view.id)


def test_plan_on_a_posting_and_an_opportunity(ctx: AppContext) -> None:
    posting_id = save_posting(ctx, "Senior Data Analyst", POSTING, company="Northwind Foods")
    with ctx.db.transaction() as session:
        opp = Opportunity(person_id=ctx.person_id, title="Data Analyst", posting_id=posting_id)
        session.add(opp)
        session.flush()
        opp_id = opp.id
    view = service.new_plan(ctx, {"opportunity_id": opp_id, "occupation_code": "15-2051.00"})
    assert view.opportunity_id == opp_id and view.posting_id == posting_id
    assert view.title == "30-60-90-day plan: Data Analyst, Northwind Foods"
    actions = [a for p in view.phases for a in p.actions]
    assert "Show early progress on: Build weekly demand forecasts for the buying team" in actions
    assert any("saved posting" in s for s in view.sources)
    for bad, field in (
        ({"opportunity_id": 9999}, "opportunity_id"),
        ({"posting_id": 9999}, "posting_id"),
        ({}, "occupation_code"),
        ({"occupation_code": "not-a-code"}, "occupation_code"),
    ):
        with pytest.raises(CareerError) as caught:
            service.new_plan(ctx, bad)
        assert caught.value.field == field
    with pytest.raises(CareerError, match="section must be one of"):
        service.set_section(ctx, view.id, "45.goals", ["x"])
    assert len(service.list_plans(ctx)) == 1


def test_plan_cli_interface(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = cli("plan306090", "new", "--occupation", "15-1252.00", "--json")
    assert out.exit_code == 0, out.output
    plan_id = json.loads(out.output)["id"]
    pdf = tmp_path / "p.pdf"
    assert cli("plan306090", "export", str(plan_id), str(pdf)).exit_code == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    md = tmp_path / "p.md"
    assert cli("plan306090", "export", str(plan_id), str(md)).exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("# 30-60-90-day plan: Software Developer")
    bad = cli("plan306090", "export", str(plan_id), str(tmp_path / "p.docx"))
    assert bad.exit_code == 2 and ".md or .pdf" in bad.output
    missing = cli("plan306090", "export", "77", str(md))
    assert missing.exit_code == 2 and "no 30-60-90 plan with id 77" in missing.output
    opp = cli("plan306090", "new", "--occupation", "15-1252.00", "--opportunity", "5")
    assert opp.exit_code == 2 and "no opportunity with id 5" in opp.output
