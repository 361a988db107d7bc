"""Exports: the PDF's text layer reads back as rendered, the formats agree, the plan PDF."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader

from _resume_files import FIXTURES
from careerceo.documents.jsonresume import from_jsonresume
from careerceo.documents.pdf_text import latin1
from careerceo.documents.resume_html import to_html
from careerceo.documents.resume_markdown import to_markdown
from careerceo.documents.resume_pdf import expected_text, to_pdf
from careerceo.model.resume import Resume, ResumePosition
from careerceo.services import accomplishments
from careerceo.services.career_plan import plan_pdf
from careerceo.services.context import AppContext


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def _synthetic() -> Resume:
    return from_jsonresume(json.loads((FIXTURES / "synthetic.resume.json").read_text()))


def test_pdf_text_layer_equals_rendered_text() -> None:
    resume = _synthetic()
    data = to_pdf(resume)
    assert data.startswith(b"%PDF")
    assert _pdf_text(data) == " ".join(expected_text(resume).split())


def test_pdf_with_unicode_and_many_pages() -> None:
    resume = Resume(name="Zoë Łukasiewicz-Ñúñez", label="Ingénieure “données” — Kraków")
    resume.positions = [
        ResumePosition(
            employer=f"Firma {i} Sp. z o.o.",
            title="Analityk",
            start="2015-01",
            end="2016-01",
            highlights=[f"Zwiększyła sprzedaż o {i}% \u2013 raport № {i}" for _ in range(6)],
        )
        for i in range(30)
    ]
    data = to_pdf(resume)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 3
    assert _pdf_text(data) == " ".join(expected_text(resume).split())
    assert latin1("Łódź \u2013 “x”") == 'Lódz - "x"'


def test_markdown_and_html_say_the_same_things() -> None:
    resume = _synthetic()
    md = to_markdown(resume)
    html = to_html(resume)
    assert md.startswith("# Jordan Quinn\n")
    assert "## Experience" in md and "- Cut stock-outs by 18%" in md
    assert "*Jan 2019 \u2013 Present | Portland, OR*" in md
    assert "<h2>Experience</h2>" in html and "<li>Cut stock-outs by 18%</li>" in html
    assert "<script" not in html and "http" not in html.split("<body>")[0].replace("charset", "")
    evil = Resume(name="<script>alert(1)</script>")
    assert "<script>alert" not in to_html(evil)


def test_cli_export_round_trip_every_format(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = FIXTURES / "synthetic.resume.json"
    assert cli("resume", "import", str(source), "--yes").exit_code == 0
    for fmt in ("json", "md", "html", "pdf"):
        out = tmp_path / f"cv.{fmt}"
        result = cli("resume", "export", str(out))
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 200
    assert json.loads((tmp_path / "cv.json").read_text()) == json.loads(source.read_text())
    # the exported JSON imports into a fresh profile and exports to the same document
    again = tmp_path / "again"
    again.mkdir()
    other = tmp_path / "other.json"
    import os

    os.environ["CAREER_DATA_DIR"] = str(again)
    assert cli("resume", "import", str(tmp_path / "cv.json"), "--yes").exit_code == 0
    assert cli("resume", "export", str(other)).exit_code == 0
    assert json.loads(other.read_text()) == json.loads(source.read_text())
    bad = cli("resume", "export", str(tmp_path / "cv.docx"))
    assert bad.exit_code == 2 and "--format" in bad.output


def test_career_plan_pdf(sqlite_ctx: AppContext) -> None:
    from careerceo.services import resume_import

    resume_import.confirm(sqlite_ctx, resume_import.read_path(FIXTURES / "synthetic.resume.json"))
    accomplishments.quick_win(sqlite_ctx, "Cut report time 50% by automating SQL")
    text = _pdf_text(plan_pdf(sqlite_ctx))
    assert "Career plan: Jordan Quinn" in text
    assert "Senior Data Analyst, Northwind Logistics" in text
    assert "Automated SQL, which cut report time 50%" in text
    # the résumé rates its "Analytics" group (Python, SQL) "Expert": the import keeps that
    assert "INVENTORY" in text and "Python (5/5)" in text


def test_cli_plan_export(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "plan.pdf"
    assert cli("plan", "export", str(out)).exit_code == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert cli("plan", "export", str(tmp_path / "plan.txt")).exit_code == 2


def test_career_plan_without_a_name_has_a_plain_title(sqlite_ctx: AppContext) -> None:
    from careerceo.services.career_plan import plan_blocks

    title = plan_blocks(sqlite_ctx)[0].text
    assert title == "Career plan"  # not "Career plan: me"


def test_exporting_an_empty_resume_says_what_to_do(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("cv.md", "cv.pdf"):
        result = cli("resume", "export", str(tmp_path / name))
        assert result.exit_code == 2 and "your résumé is empty" in result.output
        assert not (tmp_path / name).exists()  # no 1-byte file, no blank PDF


def test_an_employer_repeated_in_the_title_is_named_once() -> None:
    from careerceo.documents.resume_layout import layout, plain_text

    resume = Resume(
        name="Sam Example",
        positions=[
            ResumePosition(employer="SlashDB", title="Full Stack Developer - SlashDB"),
            ResumePosition(employer="Agiliza", title="Technical Consultant - Agiliza SA"),
            ResumePosition(employer="Acme", title="Engineer - Platform"),
        ],
    )
    text = plain_text(layout(resume))
    assert "Full Stack Developer, SlashDB" in text and "SlashDB, SlashDB" not in text
    assert "Technical Consultant, Agiliza" in text
    assert "Engineer - Platform, Acme" in text  # not the employer: kept


def test_jobs_from_two_imports_are_newest_first(sqlite_ctx: AppContext) -> None:
    from careerceo.services import resume_import
    from careerceo.services.resume import current_resume

    def imported(name: str, work: list[dict[str, str]]) -> None:
        data = json.dumps({"basics": {"name": "Sam Example"}, "work": work}).encode()
        resume_import.confirm(sqlite_ctx, resume_import.read_source(data, name))

    # an old CV first, then a newer export with the current job
    imported("old.json", [
        {"name": "Beta", "position": "Analyst", "startDate": "2016-01", "endDate": "2019-12"},
        {"name": "Alpha", "position": "Intern", "startDate": "2015-06", "endDate": "2015-09"},
    ])  # fmt: skip
    imported("new.json", [{"name": "Gamma", "position": "Lead", "startDate": "2020-01"}])
    order = [p.employer for p in current_resume(sqlite_ctx).positions]
    assert order == ["Gamma", "Beta", "Alpha"]
