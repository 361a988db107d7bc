"""Preview, confirm and idempotent re-import against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from _resume_files import FIXTURES, linkedin_zip, make_docx, make_pdf, synthetic_text
from careerceo.documents.jsonresume import to_jsonresume
from careerceo.errors import CareerError
from careerceo.services import resume_import
from careerceo.services.context import AppContext
from careerceo.services.resume import current_resume
from careerceo.store.tables import (
    Certification,
    Contact,
    Document,
    Education,
    InventoryEntry,
    Language,
    Person,
    Position,
)

TABLES = (Position, Education, Certification, Language, InventoryEntry, Contact, Document)


def counts(ctx: AppContext) -> dict[str, int]:
    with ctx.db.transaction() as s:
        return {
            t.__tablename__: s.scalar(
                select(func.count()).select_from(t).where(t.person_id == ctx.person_id)
            )
            or 0
            for t in TABLES
        }


def test_preview_writes_nothing_and_confirm_writes_all(ctx: AppContext) -> None:
    source = resume_import.read_source(make_pdf(synthetic_text()), "jordan.pdf")
    before = counts(ctx)
    plan = resume_import.preview(ctx, source)
    assert counts(ctx) == before
    assert plan.count("create") >= 10
    positions = [i.label for i in plan.items if i.entity == "position"]
    assert positions[0].startswith("Senior Data Analyst at Northwind Logistics Inc")
    done = resume_import.confirm(ctx, source)
    assert done.count("create") == plan.count("create")
    after = counts(ctx)
    assert after["position"] == 3 and after["education"] == 1 and after["document"] == 1
    with ctx.db.transaction() as s:
        person = s.get(Person, ctx.person_id)
        assert person is not None and person.full_name == "Jordan Avery Quinn"
        doc = s.scalars(select(Document).where(Document.person_id == ctx.person_id)).one()
        assert doc.kind == "resume" and doc.sha256 == source.sha256 and "Northwind" in doc.text


def test_reimport_is_idempotent(ctx: AppContext) -> None:
    pdf = make_pdf(synthetic_text())
    for name, data in (
        ("cv.pdf", pdf),
        ("cv.docx", make_docx(synthetic_text())),
    ):
        source = resume_import.read_source(data, name)
        resume_import.confirm(ctx, source)
    first = counts(ctx)
    assert first["position"] == 3  # the DOCX adds no duplicate positions
    assert first["document"] == 2  # but is a document of its own
    again = resume_import.confirm(ctx, resume_import.read_source(pdf, "cv.pdf"))
    assert again.count("create") == 0 and again.count("update") == 0
    assert counts(ctx) == first


def test_linkedin_zip_import(ctx: AppContext) -> None:
    source = resume_import.read_source(linkedin_zip(), "Basic_LinkedInDataExport.zip")
    assert source.kind == "linkedin"
    resume_import.confirm(ctx, source)
    got = counts(ctx)
    assert got["contact"] == 2 and got["position"] == 2 and got["language"] == 2
    assert resume_import.confirm(ctx, source).count("create") == 0
    with ctx.db.transaction() as s:
        current = s.scalars(
            select(Position).where(Position.person_id == ctx.person_id, Position.end_date.is_(None))
        ).one()
        assert current.employer == "Northwind Logistics Inc"


def test_json_resume_export_import_export_round_trip(ctx: AppContext) -> None:
    path = FIXTURES / "synthetic.resume.json"
    resume_import.confirm(ctx, resume_import.read_path(path))
    exported = to_jsonresume(current_resume(ctx))
    assert exported == json.loads(path.read_text())


@pytest.mark.shared
def test_schema_sample_round_trip(sqlite_ctx: AppContext, shared_data: Path) -> None:
    path = shared_data / "jsonresume" / "schema" / "sample.resume.json"
    resume_import.confirm(sqlite_ctx, resume_import.read_path(path))
    exported = to_jsonresume(current_resume(sqlite_ctx))
    original = json.loads(path.read_text())
    original["basics"] = {k: v for k, v in original["basics"].items() if v != ""}
    assert exported == original


@pytest.mark.shared
def test_real_linkedin_export_folder(sqlite_ctx: AppContext, shared_data: Path) -> None:
    folder = shared_data / "linkedin-export" / "mohamedeways_2023"
    plan = resume_import.confirm(sqlite_ctx, resume_import.read_path(folder))
    assert plan.count("create") > 30
    assert counts(sqlite_ctx)["contact"] == 12
    assert resume_import.confirm(sqlite_ctx, resume_import.read_path(folder)).count("create") == 0


def _zip(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_bad_files_import_nothing(ctx: AppContext) -> None:
    before = counts(ctx)
    for name, data, message in (
        ("cv.exe", b"MZ....", "unsupported file type"),
        ("cv.pdf", b"", "empty"),
        ("cv.pdf", b"%PDF-1.4 garbage", "damaged|no pages|no text"),
        ("export.zip", _zip({"Export/Positions.csv": b"Employer,Role\nA,B\n"}), "layout"),
        ("export.zip", _zip({"notes.txt": b"hello"}), "no LinkedIn export CSVs"),
        ("Positions.csv", b"Employer,Role\nA,B\n", "layout"),
    ):
        with pytest.raises(CareerError, match=message):
            resume_import.confirm(ctx, resume_import.read_source(data, name))
    assert counts(ctx) == before


def test_a_failure_mid_import_rolls_everything_back(
    sqlite_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = resume_import.read_source(linkedin_zip(), "export.zip")
    real = resume_import.Contact  # type: ignore[attr-defined]

    def exploding(**kwargs: object) -> object:
        raise RuntimeError("disk full")

    monkeypatch.setattr(resume_import, "Contact", exploding)
    before = counts(sqlite_ctx)
    with pytest.raises(RuntimeError):
        resume_import.confirm(sqlite_ctx, source)
    assert counts(sqlite_ctx) == before  # positions were added before contacts: rolled back
    monkeypatch.setattr(resume_import, "Contact", real)
    resume_import.confirm(sqlite_ctx, source)
    assert counts(sqlite_ctx)["position"] == 2


def test_cli_import_asks_before_writing(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "cv.pdf"
    path.write_bytes(make_pdf(synthetic_text()))
    declined = cli("resume", "import", str(path), input="n\n")
    assert declined.exit_code == 1
    assert "Import preview: cv.pdf" in declined.output and "Northwind" in declined.output
    assert "Nothing imported." in declined.output
    assert json.loads(cli("resume", "documents", "--json").output) == []
    accepted = cli("resume", "import", str(path), input="y\n")
    assert accepted.exit_code == 0 and "Imported" in accepted.output
    again = cli("resume", "import", str(path))
    assert "Nothing new to import." in again.output
    folder = cli("resume", "import", str(FIXTURES / "linkedin"), "--yes", "--json")
    assert json.loads(folder.output)["counts"]["create"] > 0
    docs = json.loads(cli("resume", "documents", "--json").output)
    assert [d["kind"] for d in docs] == ["linkedin", "resume"]
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 nope")
    refused = cli("resume", "import", str(broken), "--yes")
    assert refused.exit_code == 2 and "broken.docx is not a valid .docx" in refused.output


def test_cli_preview_never_cuts_an_entry_silently(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerceo.cli.resume import clip

    monkeypatch.setenv("COLUMNS", "250")
    path = tmp_path / "resume.json"
    path.write_text(
        json.dumps(
            {
                "basics": {
                    "name": "Sam Example",
                    "summary": "Experienced Salesforce administrator and developer with a "
                    "decade of CRM work",
                },
                "work": [
                    {
                        "name": "Example Regional Health Services Incorporated",
                        "position": "Engineering Manager of Data Warehouse and Analytics",
                        "startDate": "2021-04",
                        "endDate": "2022-10",
                    }
                ],
            }
        )
    )
    preview = cli("resume", "import", str(path), input="n\n")
    assert "(2021-04\u20132022-10)" in preview.output  # the dates, whole
    assert "summary: Experienced Salesforce administrator and developer with a…" in preview.output
    assert clip("Chief, Reports Branch. Accounts Maintenance and Control", 30) == (
        "Chief, Reports Branch…"
    )
    assert clip("short", 30) == "short"
