"""LinkedIn's "Save to PDF" profile layout (synthetic fixture written in that layout)."""

from __future__ import annotations

from pathlib import Path

from _resume_files import make_pdf
from careerceo.documents.pdf_reader import read_pdf_text
from careerceo.documents.resume_parser import parse_resume_text

FIXTURE = Path(__file__).with_name("fixtures") / "paths" / "linkedin_save_to_pdf.txt"


def _check(text: str) -> None:
    resume = parse_resume_text(text)
    assert (resume.name, resume.label) == ("Marta Quill", "Senior Producer at Northwind News")
    assert [(p.title, p.employer, p.start, p.end) for p in resume.positions] == [
        ("Senior Producer", "Northwind News", "2021-03", ""),
        ("Producer", "Northwind News", "2018-01", "2021-03"),
        ("Associate Producer", "Contoso Media Group", "2015-06", "2017-12"),
        ("Reporter", "Contoso Media Group", "2012-09", "2015-06"),
        ("News Intern", "Fabrikam Daily", "2011-06", "2011-08"),
    ]
    assert [(e.institution, e.degree, e.field) for e in resume.education] == [
        ("Emerson College", "Bachelor of Arts", "Journalism")
    ]
    assert [c.name for c in resume.certifications] == ["Google News Initiative Fundamentals"]
    assert [s.name for s in resume.skills][:2] == ["Broadcast Journalism", "Video Editing"]


def test_linkedin_save_to_pdf_text_is_read_job_by_job() -> None:
    _check(FIXTURE.read_text(encoding="utf-8"))


def test_linkedin_save_to_pdf_as_a_real_pdf() -> None:
    text = read_pdf_text(make_pdf(FIXTURE.read_text(encoding="utf-8")), name="profile.pdf")
    _check(text)


def test_other_resumes_do_not_take_the_linkedin_path() -> None:
    from careerceo.documents.linkedin_pdf import looks_like_linkedin_pdf

    plain = (Path(__file__).with_name("fixtures") / "resume" / "synthetic_resume.txt").read_text(
        encoding="utf-8"
    )
    assert not looks_like_linkedin_pdf(plain)
