"""Résumé layouts beyond the plain one: glyph-by-glyph PDFs with fake bold, employer-first
headers with dates on the right, two-column DOCX tables, and the LiveCareer text shapes
(title above the date line, "Company Name City , State" placeholders, run-on headers).
All files are generated here; the real PDFs are only read when ../shared is present."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from _resume_files import make_glyph_pdf, synthetic_text
from careerceo.documents.docx_reader import read_docx_text
from careerceo.documents.pdf_reader import read_pdf_text
from careerceo.documents.resume_parser import parse_resume_text
from test_resume_documents import _check_synthetic

EMPLOYER_FIRST = """\
RILEY MORGAN
Operations Lead
riley.morgan@example.org | Denver, CO

WORK HISTORY
Northwind Logistics Inc    Jan 2020 - Present
Operations Lead
- Ran a 30-person night shift across two depots
Contoso Health Group    03/2016 - 12/2019
Scheduling Coordinator
- Cut overtime hours by 14% with a new rota

EDUCATION
Colorado State University
Bachelor of Arts : Economics , 2015

COMPUTER SKILLS
Excel, SQL, Power BI
"""


def _positions(text: str) -> list[tuple[str, str, str, str]]:
    return [(p.title, p.employer, p.start, p.end) for p in parse_resume_text(text).positions]


def _employer_first_pdf() -> bytes:
    """Employer on the left, dates right-aligned on the same line, title on the next line."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in EMPLOYER_FIRST.splitlines():
        if "    " in line:
            left, right = line.split("    ", 1)
            pdf.cell(110, 6, left.strip())
            pdf.cell(0, 6, right.strip(), align="R", new_x="LMARGIN", new_y="NEXT")
        elif line:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    return bytes(pdf.output())


EXPECTED_EMPLOYER_FIRST = [
    ("Operations Lead", "Northwind Logistics Inc", "2020-01", ""),
    ("Scheduling Coordinator", "Contoso Health Group", "2016-03", "2019-12"),
]


def test_glyph_by_glyph_pdf_with_fake_bold() -> None:
    text = read_pdf_text(make_glyph_pdf(synthetic_text()))
    assert "EXPERIENCE" in text.splitlines()  # the overprinted heading once, not doubled
    assert "Built a demand forecasting model in Python" in text  # spaces rebuilt from gaps
    _check_synthetic(text)


def test_employer_first_dates_right_pdf() -> None:
    text = read_pdf_text(_employer_first_pdf())
    assert re.search(r"Northwind Logistics Inc {2}Jan 2020", text)  # the wide gap is a field gap
    resume = parse_resume_text(text)
    assert [(p.title, p.employer, p.start, p.end) for p in resume.positions] == (
        EXPECTED_EMPLOYER_FIRST
    )
    assert resume.positions[1].highlights == ["Cut overtime hours by 14% with a new rota"]
    assert resume.education[0].institution == "Colorado State University"
    assert resume.education[0].degree.startswith("Bachelor of Arts")
    assert resume.education[0].end == "2015"
    assert {"Excel", "SQL", "Power BI"} <= set(resume.skill_names())  # "Computer Skills"


def test_two_column_table_docx() -> None:
    """Each job a one-row table: title and employer in the left cell, dates and place in the
    right one, as many Word templates lay it out."""
    from docx import Document

    document = Document()
    document.add_paragraph("Riley Morgan")
    document.add_heading("Experience", level=2)
    for title, employer, dates, place in [
        ("Operations Lead", "Northwind Logistics Inc", "Jan 2020 \u2013 Present", "Denver, CO"),
        ("Scheduling Coordinator", "Contoso Health Group", "03/2016 \u2013 12/2019", "Boulder, CO"),
    ]:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = f"{title}\n{employer}"
        table.cell(0, 1).text = f"{dates}\n{place}"
        document.add_paragraph("Kept the depots running.", style="List Bullet")
    document.add_heading("Education", level=2)
    document.add_paragraph("Colorado State University, Bachelor of Arts in Economics, 2015")
    out = io.BytesIO()
    document.save(out)
    resume = parse_resume_text(read_docx_text(out.getvalue(), name="cv.docx"))
    got = [(p.title, p.employer, p.start, p.end, p.location) for p in resume.positions]
    assert got == [
        ("Operations Lead", "Northwind Logistics Inc", "2020-01", "", "Denver, CO"),
        ("Scheduling Coordinator", "Contoso Health Group", "2016-03", "2019-12", "Boulder, CO"),
    ]
    assert resume.positions[0].highlights == ["Kept the depots running."]
    assert resume.education[0].field == "Economics"


LIVECAREER_SHAPES = """\
OFFICE MANAGER
Skill Highlights
Scheduling
Payroll
Professional Experience
Office Manager
August 2014 to Current Company Name  City , State
Ran the front office for a 12-doctor practice.
Company Name City , State Chief, Accounts Payable Branch 06/2009 to 07/2014
Cleared a backlog of 3,000 invoices.
01/2007 to 05/2009
Staffing Coordinator Company Name  City , State Built the weekly rota for three clinics
Handled agency bookings.
Engineering Lab Technician Oct 2005 to Dec 2006
Company Name  City , State
Tested seat structures for certification.
June 2003
to
September 2005
Company Name City , State Floral designer
Designed arrangements for weddings.
Education and Training
Associate : Accounting , 2004 Northern Plains Community College  City , State , USA
"""


def test_livecareer_text_shapes() -> None:
    """Synthetic text in the shapes the LiveCareer PDFs take once read: the title on the line
    above the dates, the employer placeholder before or after the title, a title holding a
    comma, a header run together with its first sentence, a title with an employer word, and
    a date range a narrow column wrapped onto three lines."""
    resume = parse_resume_text(LIVECAREER_SHAPES)
    got = [(p.title, p.employer, p.start, p.end) for p in resume.positions]
    assert got == [
        ("Office Manager", "Company Name", "2014-08", ""),
        ("Chief, Accounts Payable Branch", "Company Name", "2009-06", "2014-07"),
        ("Staffing Coordinator", "Company Name", "2007-01", "2009-05"),
        ("Engineering Lab Technician", "Company Name", "2005-10", "2006-12"),
        ("Floral designer", "Company Name", "2003-06", "2005-09"),  # a range wrapped on 3 lines
    ]
    assert all(p.location == "City , State" for p in resume.positions)
    # the title above the next date line is not left in the previous job's text
    assert "Office Manager" not in resume.positions[0].summary
    assert resume.positions[2].summary.startswith("Built the weekly rota")
    assert [s.name for s in resume.skills] == ["Scheduling", "Payroll"]
    education = resume.education[0]
    assert (education.institution, education.degree, education.field, education.end) == (
        "Northern Plains Community College",
        "Associate",
        "Accounting",
        "2004",
    )


@pytest.mark.shared
def test_real_pdfs_keep_their_words(shared_data: Path) -> None:
    """LiveCareer PDFs draw the space as a glyph with no character; if the reader lost it the
    words would run together. Real text has almost no 20+ letter tokens; run-together text has
    many."""
    files = sorted((shared_data / "resumes" / "pdf_livecareer").glob("*/*.pdf"))[:8]
    assert files
    for path in files:
        words = read_pdf_text(path.read_bytes(), name=path.name).split()
        long_words = [w for w in words if re.fullmatch(r"[A-Za-z]{20,}", w)]
        assert len(long_words) <= max(2, len(words) // 500), (path.name, long_words[:5])
        assert not any("\u00ef\u00bc" in w for w in words)


def test_sentences_wrapped_by_the_pdf_column_are_put_back_together() -> None:
    from test_resume_critique import WRAPPED

    resume = parse_resume_text(WRAPPED)
    (position,) = resume.positions
    paragraphs = position.summary.split("\n")
    assert paragraphs[0].endswith(
        "supported the $2M write-down of obsolete stock, which closed "
        "the year without a single audit adjustment."
    )
    assert paragraphs[1].endswith("flagged the exceptions to the payables team.")
    assert len(paragraphs) == 5


def test_common_heading_names_open_their_sections() -> None:
    # headings seen on real résumés; unknown ones glued the summary to the header (as the
    # headline) and the strengths to the last job's description
    text = (
        "Deputy Principal\nExecutive Profile\n"
        "Education leader with 15 years of experience running campuses of 400 students.\n"
        "Professional Experience\nDeputy Principal  June 2013 to Current\nCity , State\n"
        "Directed daily operations for 371 students and 35 staff members.\n"
        "Core Strengths\nConflict resolution\nStaff training\n"
        "License\nTeaching License 12345\n"
        "Volunteer Activities\nFood bank shift lead, 2015 to present\n"
    )
    resume = parse_resume_text(text)
    assert resume.summary.startswith("Education leader with 15 years")
    assert resume.label != "Executive Profile"
    (position,) = resume.positions
    assert "Conflict resolution" not in position.summary
    assert [s.name for s in resume.skills] == ["Conflict resolution", "Staff training"]
    assert [c.name for c in resume.certifications] == ["Teaching License 12345"]
    assert "Food bank" in resume.sections["volunteer"]


def test_a_job_title_on_top_of_an_anonymised_resume_is_the_headline_not_a_name() -> None:
    text = (
        "RN STAFF NURSE\nSummary\nNurse with 10 years on oncology wards.\n"
        "Experience\nRN Staff Nurse  June 2013 to Current\nCity , State\n"
        "Cared for 6 patients a shift.\n"
    )
    resume = parse_resume_text(text)
    assert resume.name == "" and resume.label == "RN Staff Nurse"
    named = parse_resume_text("Dana Cook\n" + text.split("\n", 1)[1])
    assert named.name == "Dana Cook"  # a real name stays a name
