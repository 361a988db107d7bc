"""Readers and parsers on real and synthetic files, and the refusals for bad input."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from _resume_files import (
    FIXTURES,
    linkedin_zip,
    make_docm,
    make_docx,
    make_encrypted_pdf,
    make_image_pdf,
    make_pdf,
    synthetic_text,
)
from careerceo.documents.docx_reader import read_docx_text
from careerceo.documents.jsonresume import from_jsonresume, parse_jsonresume_bytes, to_jsonresume
from careerceo.documents.linkedin_export import (
    read_linkedin_folder,
    read_linkedin_zip,
    resume_from_files,
)
from careerceo.documents.pdf_reader import read_pdf_text
from careerceo.documents.resume_parser import parse_resume_text
from careerceo.errors import CareerError
from careerceo.text.dates import find_range, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 2019", "2019-01"),
        ("January 2019", "2019-01"),
        ("Sept. 2020", "2020-09"),
        ("03/2017", "2017-03"),
        ("2015", "2015"),
        ("2019-03", "2019-03"),
        ("2013-12-01", "2013-12-01"),
        ("04 Jul 2023", "2023-07-04"),
        ("1/8/18", "2018-01-08"),
        ("Mar-2022", "2022-03"),
        ("Present", ""),
        ("banana", ""),
    ],
)
def test_date_phrases(text: str, expected: str) -> None:
    assert parse_date(text) == expected


def test_date_ranges() -> None:
    assert find_range("Jan 2019 \u2013 Present")[:2] == ("2019-01", "")  # type: ignore[index]
    assert find_range("2015-2018")[:2] == ("2015", "2018")  # type: ignore[index]
    assert find_range("July 2011 to November 2012")[:2] == ("2011-07", "2012-11")  # type: ignore[index]
    assert find_range("no dates here") is None


def _check_synthetic(text: str) -> None:
    resume = parse_resume_text(text)
    assert resume.name == "Jordan Avery Quinn"
    assert resume.email == "jordan.quinn@example.org"
    assert resume.location == "Portland, OR"
    got = [(p.title, p.employer, p.start, p.end) for p in resume.positions]
    assert got == [
        ("Senior Data Analyst", "Northwind Logistics Inc", "2019-01", ""),
        ("Data Analyst", "Contoso Health Group", "2015-03", "2018-12"),
        ("Junior Analyst", "Fabrikam Retail Ltd", "2013", "2015"),
    ]
    assert resume.positions[2].location == "Seattle, WA"
    assert len(resume.positions[0].highlights) == 3
    assert resume.education[0].institution == "University of Washington"
    assert resume.education[0].field == "Statistics"
    assert resume.education[0].end == "2013"
    names = {n.lower() for n in resume.skill_names()}
    assert {"python", "sql", "r", "tableau", "forecasting"} <= names
    assert "languages" not in names and "tools" not in names  # group headings, not skills
    assert resume.certifications[0].name == "Tableau Desktop Specialist"
    assert [lang.name for lang in resume.languages] == ["English", "Spanish"]


def test_parse_plain_text() -> None:
    _check_synthetic(synthetic_text())


@pytest.mark.parametrize("layout", ["plain", "columns"])
def test_parse_generated_pdf(layout: str) -> None:
    text = read_pdf_text(make_pdf(synthetic_text(), layout=layout))
    _check_synthetic(text)


@pytest.mark.parametrize("tables", [False, True])
def test_parse_generated_docx(tables: bool) -> None:
    text = read_docx_text(make_docx(synthetic_text(), tables=tables), name="cv.docx")
    _check_synthetic(text)


@pytest.mark.shared
def test_real_livecareer_pdfs(shared_data: Path) -> None:
    files = sorted((shared_data / "resumes" / "pdf_livecareer").glob("*/*.pdf"))[:12]
    assert len(files) >= 10
    with_positions = 0
    for path in files:
        resume = parse_resume_text(read_pdf_text(path.read_bytes(), name=path.name))
        if resume.positions:
            with_positions += 1
            for position in resume.positions:
                # dated, or an undated job the layout still marks (title above "Company Name")
                assert position.start[:2] in {"19", "20"} or not (position.start or position.end)
                assert position.title or position.employer
    assert with_positions >= 8
    accountant = next(p for p in files if "ACCOUNTANT" in str(p))
    resume = parse_resume_text(read_pdf_text(accountant.read_bytes()))
    first = resume.positions[0]
    assert (first.title, first.start, first.end) == ("Accountant", "2011-07", "2012-11")


@pytest.mark.shared
def test_real_text_resumes_from_dataset(shared_data: Path) -> None:
    import csv

    with (shared_data / "resumes" / "UpdatedResumeDataSet.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:60]
    parsed = [parse_resume_text(row["Resume"]) for row in rows]
    assert sum(1 for r in parsed if r.skills) >= 15
    assert sum(1 for r in parsed if r.education) >= 15


def test_pdf_refusals() -> None:
    with pytest.raises(CareerError, match="encrypted"):
        read_pdf_text(make_encrypted_pdf())
    with pytest.raises(CareerError, match="no text layer"):
        read_pdf_text(make_image_pdf())
    good = make_pdf(synthetic_text())
    with pytest.raises(CareerError, match=r"damaged|no text|no pages"):
        read_pdf_text(good[: len(good) // 3])
    with pytest.raises(CareerError, match="not a PDF"):
        read_pdf_text(b"hello world, not a pdf at all")
    with pytest.raises(CareerError, match="pages"):
        read_pdf_text(make_pdf(synthetic_text(), repeat=40))
    with pytest.raises(CareerError, match="MB"):
        read_pdf_text(b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024))


def test_docx_refusals() -> None:
    with pytest.raises(CareerError, match="macro"):
        read_docx_text(make_docm(synthetic_text()), name="cv.docx")
    with pytest.raises(CareerError, match="macro"):
        read_docx_text(make_docx(synthetic_text()), name="cv.docm")
    with pytest.raises(CareerError, match=r"not a valid \.docx"):
        read_docx_text(b"PK\x03\x04garbage", name="cv.docx")


def test_jsonresume_synthetic_round_trip() -> None:
    source = json.loads((FIXTURES / "synthetic.resume.json").read_text())
    resume = from_jsonresume(source)
    assert resume.positions[0].highlights == ["Cut stock-outs by 18%", "Built the KPI pipeline"]
    assert to_jsonresume(resume) == source


@pytest.mark.shared
def test_jsonresume_real_examples(shared_data: Path) -> None:
    examples = sorted((shared_data / "jsonresume" / "examples").glob("*.json"))
    assert len(examples) == 8
    readable = 0
    for path in examples:
        try:
            resume = parse_jsonresume_bytes(path.read_bytes(), name=path.name)
        except CareerError as exc:  # the resumake.io layout is not JSON Resume
            assert "not a JSON Resume" in str(exc)
            continue
        readable += 1
        again = to_jsonresume(from_jsonresume(to_jsonresume(resume)))
        assert again == to_jsonresume(resume)
    assert readable >= 7
    sample = json.loads((shared_data / "jsonresume" / "schema" / "sample.resume.json").read_text())
    exported = to_jsonresume(from_jsonresume(sample))
    assert exported == {k: v for k, v in sample.items()} | {
        "basics": {k: v for k, v in sample["basics"].items() if v != ""}
    }


def test_jsonresume_refusals() -> None:
    with pytest.raises(CareerError, match="not valid JSON"):
        parse_jsonresume_bytes(b"{nope")
    with pytest.raises(CareerError, match="not a JSON Resume"):
        parse_jsonresume_bytes(b'{"hello": 1}')
    resume = from_jsonresume(
        {"basics": {"name": "A"}, "work": [{"position": "X", "startDate": "soon"}]}
    )
    assert any("startDate" in w for w in resume.warnings)


def test_linkedin_synthetic_folder_and_zip() -> None:
    for resume in (read_linkedin_folder(FIXTURES / "linkedin"), read_linkedin_zip(linkedin_zip())):
        assert resume.name == "Jordan Quinn"
        assert resume.url == "https://jaquinn.example.org"
        assert [(p.employer, p.start, p.end) for p in resume.positions] == [
            ("Northwind Logistics Inc", "2019-01", ""),
            ("Contoso Health Group", "2015-03", "2018-12"),
        ]
        assert resume.contacts[0].connected_on == "2023-07-04"  # after the Notes preamble
        assert resume.certifications[0].credential_id == "TDS-0000"
        assert len(resume.skills) == 4


@pytest.mark.shared
def test_linkedin_real_exports(shared_data: Path) -> None:
    root = shared_data / "linkedin-export"
    old = read_linkedin_folder(root / "abhishekwebcode_2018")
    assert len(old.positions) == 2 and old.positions[0].start == "2018-06"
    assert old.contacts and all(c.connected_on.startswith("20") for c in old.contacts)
    new = read_linkedin_folder(root / "mohamedeways_2023")
    assert new.positions[0].end == ""  # current job
    assert len(new.contacts) == 12 and new.contacts[0].url.startswith("https://www.linkedin.com/")
    assert len(new.certifications) == 3
    latest = read_linkedin_folder(root / "robertdavidwest_2024")
    assert len(latest.positions) == 9 and len(latest.education) == 2


def test_linkedin_refusals() -> None:
    with pytest.raises(CareerError, match="unsafe path"):
        read_linkedin_zip(linkedin_zip({"../../etc/evil.csv": b"x"}))
    with pytest.raises(CareerError, match="unsafe path"):
        read_linkedin_zip(linkedin_zip({"/abs/Positions.csv": b"x"}))
    with pytest.raises(CareerError, match="bomb"):
        read_linkedin_zip(linkedin_zip({"Basic/Huge.csv": b"0" * 5_000_000}))
    with pytest.raises(CareerError, match="not a valid ZIP"):
        read_linkedin_zip(b"PK\x03\x04 broken")
    with pytest.raises(CareerError, match=r"Positions.csv does not have LinkedIn's layout"):
        resume_from_files({"Positions.csv": b"Employer,Role,From,To\nA,B,2019,2020\n"})
    with pytest.raises(CareerError, match="no LinkedIn export CSVs"):
        resume_from_files({"random.csv": b"a,b\n1,2\n"})


def test_parse_speed_three_page_pdf() -> None:
    data = make_pdf(synthetic_text(), repeat=4)
    start = time.perf_counter()
    parse_resume_text(read_pdf_text(data))
    assert time.perf_counter() - start < 2.0  # the benchmark prints the real figure


def test_entry_and_row_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    from careerceo.documents import linkedin_export

    many = {
        "basics": {"name": "A"},
        "work": [{"name": f"C{i}", "position": "X"} for i in range(2001)],
    }
    with pytest.raises(CareerError, match="limit is 2000"):
        from_jsonresume(many)
    monkeypatch.setattr(linkedin_export, "MAX_CSV_ROWS", 5)
    rows = "".join(f"Skill {i}\n" for i in range(10))
    with pytest.raises(CareerError, match="more than 5 rows"):
        resume_from_files({"Skills.csv": ("Name\n" + rows).encode()})
    with pytest.raises(CareerError, match="MB"):
        read_docx_text(b"PK" + b"0" * (11 * 1024 * 1024), name="big.docx")


@pytest.mark.shared
def test_docx_and_pdf_made_from_real_texts_parse_like_the_text(shared_data: Path) -> None:
    """Real résumé texts (UpdatedResumeDataSet) written to DOCX and PDF at test time."""
    import csv

    from careerceo.documents.pdf_text import latin1

    with (shared_data / "resumes" / "UpdatedResumeDataSet.csv").open(encoding="utf-8") as handle:
        rows = [r["Resume"] for r in csv.DictReader(handle)]
    samples = [t for t in rows[::97] if "Education" in t][:5]
    assert len(samples) >= 4
    for text in samples:
        plain = parse_resume_text(text)
        from_docx = parse_resume_text(read_docx_text(make_docx(text), name="real.docx"))
        assert [e.institution for e in from_docx.education] == [
            e.institution for e in plain.education
        ]
        assert {s.lower() for s in from_docx.skill_names()} == {
            s.lower() for s in plain.skill_names()
        }
        latin = latin1(text)
        from_pdf = parse_resume_text(read_pdf_text(make_pdf(latin)))
        assert len(from_pdf.education) == len(parse_resume_text(latin).education)
