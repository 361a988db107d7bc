"""Re-importing a real résumé (read from ../shared at test time): the same file, the same
text in another format, and a newer version merge on content and never duplicate; every
imported record remembers its file and line; skills carry the level their evidence supports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from careerceo.services import resume_import
from careerceo.services.context import AppContext
from careerceo.services.resume import current_resume
from careerceo.store.tables import Education, InventoryEntry, Person, Position

pytestmark = pytest.mark.shared


def _count(ctx: AppContext, table: Any) -> int:
    with ctx.db.transaction() as s:
        return (
            s.scalar(
                select(func.count()).select_from(table).where(table.person_id == ctx.person_id)
            )
            or 0
        )


def _pdf(shared: Path, ref: str) -> Path:
    return shared / "resumes" / "pdf_livecareer" / f"{ref}.pdf"


def test_the_same_pdf_twice_adds_nothing(sqlite_ctx: AppContext, shared_data: Path) -> None:
    path = _pdf(shared_data, "DIGITAL-MEDIA/10005171")  # two jobs name no employer
    first = resume_import.confirm(sqlite_ctx, resume_import.read_path(path))
    assert first.count("create") > 20
    counts = (_count(sqlite_ctx, Position), _count(sqlite_ctx, Education))
    again = resume_import.preview(sqlite_ctx, resume_import.read_path(path))
    assert again.count("create") == 0 and again.count("update") == 0, [
        vars(i) for i in again.items if i.action != "skip"
    ]
    resume_import.confirm(sqlite_ctx, resume_import.read_path(path))
    assert (_count(sqlite_ctx, Position), _count(sqlite_ctx, Education)) == counts
    degrees = [e.degree for e in current_resume(sqlite_ctx).education]
    assert len(degrees) == len(set(degrees))  # each degree once


def test_a_newer_version_updates_in_place(
    sqlite_ctx: AppContext, shared_data: Path, tmp_path: Path
) -> None:
    """The same résumé as text, a year later: the current job ended, a job was retitled, a
    new one begun. One create, two updates with their differences shown, no duplicates."""
    path = _pdf(shared_data, "ADVOCATE/10186968")
    source = resume_import.read_path(path)
    resume_import.confirm(sqlite_ctx, source)
    before = _count(sqlite_ctx, Position)
    newer = (
        source.text.replace("August 2013 to Current", "August 2013 to June 2015")
        .replace("Customer Services Team Lead", "Customer Service Team Leader")
        .replace(
            "Experience\n",
            "Experience\nCase Manager\nJuly 2015 to Current Company Name  City , State\n"
            "Coordinated services for forty families.\n",
            1,
        )
    )
    (tmp_path / "resume-2015.txt").write_text(newer, encoding="utf-8")
    plan = resume_import.preview(sqlite_ctx, resume_import.read_path(tmp_path / "resume-2015.txt"))
    changed = {
        i.label.split(" at ")[0]: (i.action, i.reason) for i in plan.items if i.entity == "position"
    }
    assert changed["Case Manager"][0] == "create"
    assert changed["Child Family Advocate"] == ("update", "end now \u2192 2015-06")
    assert changed["Customer Service Team Leader"][0] == "update"
    assert (
        "title Customer Services Team Lead \u2192 Customer Service Team Leader"
        in (changed["Customer Service Team Leader"][1])
    )
    resume_import.confirm(sqlite_ctx, resume_import.read_path(tmp_path / "resume-2015.txt"))
    assert _count(sqlite_ctx, Position) == before + 1
    with sqlite_ctx.db.transaction() as s:
        advocate = s.scalars(
            select(Position).where(Position.title == "Child Family Advocate")
        ).one()
        assert advocate.end_date is not None and advocate.end_date.isoformat() == "2015-06-01"


def test_every_record_keeps_its_file_and_line(sqlite_ctx: AppContext, shared_data: Path) -> None:
    path = _pdf(shared_data, "ADVOCATE/10186968")
    resume_import.confirm(sqlite_ctx, resume_import.read_path(path))
    with sqlite_ctx.db.transaction() as s:
        person = s.get(Person, sqlite_ctx.person_id)
        assert person is not None
        entries = person.extra["resume_entries"]
        positions = s.scalars(select(Position)).all()
        skills = {i.name: i for i in s.scalars(select(InventoryEntry))}
        for row in positions:
            source = entries[row.uid]["source"]
            assert source["file"] == "10186968.pdf" and source["line"] > 0
        first = min(positions, key=lambda p: entries[p.uid]["source"]["line"])
        assert first.title == "Child Family Advocate"
        assert entries[first.uid]["source"]["line"] == 19  # the title's line in the text
        quick = skills["Quick Books"]  # named only in the summary
        assert entries[quick.uid]["source"] == {
            "file": "10186968.pdf",
            "sha256": entries[quick.uid]["source"]["sha256"],
            "line": 3,
        }
        assert quick.level == 2 and "summary section, line 3" in quick.evidence
        excel = skills["Excel"] if "Excel" in skills else skills["Microsoft Excel"]
        assert excel.evidence
        # "Customer service" is shown in jobs ("Customer Services Team Lead", banking)
        service = skills["Customer service"]
        assert service.level == 3 and "used as" in service.evidence


def test_jsonresume_group_names_are_not_skills(sqlite_ctx: AppContext, shared_data: Path) -> None:
    path = shared_data / "jsonresume" / "examples" / "0xadada__resume__resume.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    groups = {g["name"] for g in document["skills"]}
    assert {"Languages", "Tools"} <= groups
    resume_import.confirm(sqlite_ctx, resume_import.read_path(path))
    with sqlite_ctx.db.transaction() as s:
        names = {i.name for i in s.scalars(select(InventoryEntry))}
        evidence = [i.evidence for i in s.scalars(select(InventoryEntry))]
    assert not groups & names  # "Languages", "Frameworks / Libraries", "Tools", "Practices"
    first_keyword = document["skills"][0]["keywords"][0]
    assert first_keyword in names
    assert all("0xadada__resume__resume.json" in e for e in evidence)
