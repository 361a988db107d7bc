"""The parser against hand-written truth on real résumés (read from ../shared at test time).

``benchmarks/resume_parsing_labels.json`` holds what a careful reader writes down for the 24
LiveCareer PDFs and a sample of the dataset's texts; ``benchmarks/bench_resume_parsing.py``
prints the full figures. These tests hold the parser to the goals and to the specific mistakes
people saw: a sentence taken for a job, "Bachelor of Science : Accounting in Science :
Accounting", a school without a name, a split tool name.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from careerceo.documents.pdf_reader import read_pdf_text
from careerceo.documents.resume_layout import layout, plain_text
from careerceo.documents.resume_parser import parse_resume_text
from careerceo.model.resume import Resume

LABELS = Path(__file__).resolve().parents[1] / "benchmarks" / "resume_parsing_labels.json"

pytestmark = pytest.mark.shared


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _pdf(shared: Path, ref: str) -> Resume:
    path = shared / "resumes" / "pdf_livecareer" / f"{ref}.pdf"
    return parse_resume_text(read_pdf_text(path.read_bytes(), name=path.name))


@pytest.fixture
def parsed(shared_data: Path) -> dict[str, Resume]:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    with (shared_data / "resumes" / "UpdatedResumeDataSet.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    out: dict[str, Resume] = {}
    for key in labels:
        kind, _, ref = key.partition(":")
        if kind == "pdf":
            out[key] = _pdf(shared_data, ref)
        elif kind == "csv":
            out[key] = parse_resume_text(rows[int(ref)]["Resume"])
    return out


def test_positions_meet_the_goal_and_no_sentence_becomes_a_job(
    parsed: dict[str, Resume],
) -> None:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    right = total = 0
    invented: list[str] = []
    for key, resume in parsed.items():
        if not key.startswith("pdf:"):
            continue
        want = [(_norm(t), _norm(e), s, n) for t, e, s, n in labels[key]["positions"]]
        got = [(_norm(p.title), _norm(p.employer), p.start, p.end) for p in resume.positions]
        total += len(want)
        left = list(got)
        for item in want:
            if item in left:
                left.remove(item)
                right += 1
        titles = {w[0] for w in want}
        spans = {w[2:] for w in want}
        invented += [f"{key} {g}" for g in left if g[0] not in titles and g[2:] not in spans]
    assert right / total >= 0.95, (right, total)
    assert invented == []


def test_a_dated_sentence_is_not_a_position(shared_data: Path) -> None:
    resume = _pdf(shared_data, "AGRICULTURE/10953078")
    titles = [p.title for p in resume.positions]
    assert not any("certification" in t.lower() for t in titles), titles
    charge = next(p for p in resume.positions if p.title == "RN Charge Nurse")
    # the sentence stays with the job it describes
    assert "Geriatric Resource Nurse (GRN) certification" in charge.summary


def test_undated_and_one_date_jobs_are_kept(shared_data: Path) -> None:
    chef = _pdf(shared_data, "CHEF/10001727")
    got = [(p.title, p.start, p.end) for p in chef.positions[:2]]
    assert got == [("Sous Chef", "2010-07", "2010-07"), ("Front Desk Agent", "", "")]
    construction = _pdf(shared_data, "CONSTRUCTION/10041713")
    titles = [p.title for p in construction.positions]
    assert titles[:3] == [
        "Sr. Estimator-BAS Construction Sales",
        "Project Engineer",
        "Sales Engineer",
    ]
    assert construction.positions[1].summary.startswith("56&57, Hadapsar")  # text kept


def test_a_title_run_on_after_a_paragraph_is_found(shared_data: Path) -> None:
    fitness = _pdf(shared_data, "FITNESS/10235429")
    assert ("Western Regional Sales Manager", "2005", "2008") in [
        (p.title, p.start, p.end) for p in fitness.positions
    ]


def test_degree_field_and_school_are_separated(shared_data: Path) -> None:
    arts = _pdf(shared_data, "ARTS/10830646")
    got = [(e.degree, e.field, e.institution, e.end) for e in arts.education]
    assert got == [
        ("Master of Science", "School and District Administration", "Touro College", "2010"),
        ("Master of Science", "Literacy", "Touro College", "2005"),
        ("Bachelor of Arts", "Political Science", "St. Francis College", "2000"),
    ]
    rendered = plain_text(layout(arts))
    assert "Bachelor of Arts in Political Science, St. Francis College" in rendered
    assert " in Arts : " not in rendered and "Science : " not in rendered


def test_every_degree_keeps_its_school(shared_data: Path) -> None:
    aviation = _pdf(shared_data, "AVIATION/10176815")
    got = [(e.degree, e.field, e.institution, e.end) for e in aviation.education]
    assert got == [
        (
            "Bachelors of Science",
            "Aeronautical Science Applied Meteorology",
            "Embry-Riddle Aeronautical University",
            "2016-05",  # the date on the line above the entry
        ),
        (
            "Associate of Science",
            "Electronic Engineering Technology",
            "Tidewater Community College",
            "2008-05",
        ),
    ]
    healthcare = _pdf(shared_data, "HEALTHCARE/10062724")
    assert [(e.degree, e.institution) for e in healthcare.education] == [
        ("", "Glendale College of Law"),
        ("Master of Social Work", "University of Southern California"),
        ("Bachelor of Arts", "California State University, Northridge"),
    ]


def test_an_entry_written_twice_is_one_entry(shared_data: Path) -> None:
    construction = _pdf(shared_data, "CONSTRUCTION/10041713")
    assert len(construction.education) == 1
    hr = _pdf(shared_data, "HR/10399912")
    assert [e.institution for e in hr.education] == [
        "Montclair State University",
        "Our Lady of Good Counsel High School",
    ]


def test_education_meets_its_floor(parsed: dict[str, Resume]) -> None:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    right = total = 0
    for key, resume in parsed.items():
        if not key.startswith("pdf:"):
            continue
        want = [tuple(_norm(x) for x in e) for e in labels[key]["education"]]
        got = [(_norm(e.degree), _norm(e.field), _norm(e.institution)) for e in resume.education]
        total += len(want)
        right += sum(1 for w in want if w in got)
    assert right / total >= 0.85, (right, total)


def test_tools_named_in_the_summary_are_skills_with_their_line(shared_data: Path) -> None:
    advocate = _pdf(shared_data, "ADVOCATE/10186968")
    by_name = {s.name: s for s in advocate.skills}
    assert "Quick" not in by_name and "Books" not in by_name
    quick = by_name["Quick Books"]  # "Microsoft Excel and Quick / Books-software skills"
    assert (quick.section, quick.line) == ("summary", 3)
    assert by_name["Microsoft Excel"].section == "summary"
    assert by_name["Labor Relations"].section == "skills"


def test_a_wrapped_skill_list_keeps_multi_word_names(shared_data: Path) -> None:
    names = set(_pdf(shared_data, "AVIATION/10176815").skill_names())
    assert {"test equipment", "Prezi", "Microsoft Office Programs"} <= names
    assert not {"test", "equipment", "Programs"} & names
    names = set(_pdf(shared_data, "HR/10399912").skill_names())
    assert "Office Supplies" in names and "Supplies" not in names


def test_a_tool_with_its_description_and_prose_highlights(shared_data: Path) -> None:
    pr = _pdf(shared_data, "PUBLIC-RELATIONS/10070224")
    names = set(pr.skill_names())
    assert {"Constant Contact", "Meltwater News", "TVEyes"} <= names
    assert "Email marketing tool" not in names
    media = _pdf(shared_data, "DIGITAL-MEDIA/10005171")
    assert not any("(1995)" in n or "(2004)" in n for n in media.skill_names())
    assert "Greatly improved media coverage" in media.sections["highlights"]  # kept, not a skill


def test_the_dataset_layout_gives_its_jobs_and_skill_table(shared_data: Path) -> None:
    with (shared_data / "resumes" / "UpdatedResumeDataSet.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    resume = parse_resume_text(rows[415]["Resume"])
    assert [(p.title, p.employer) for p in resume.positions] == [
        ("Business Analyst", "Mass Group of Companies"),
        ("", "Commversion Pvt.LTD"),
    ]
    assert {"EXCEL", "PHP", "POWERPOINT"} <= set(resume.skill_names())
    assert "Skill Details" not in resume.skill_names()
    assert not any("Business Analyst" in e.degree for e in resume.education)


def test_the_dataset_layout_keeps_its_headline_under_a_long_first_line() -> None:
    """The dataset's headline ("Data Scientist" above "Title - Employer") is the role the
    person gives; a long first line with no name must not blank it (it named no occupation for
    the pivots before)."""
    text = (
        "Took part in the inter-college quiz and various other sports events, and led the "
        "college's data club for two years of study\n"
        "Education Details \n"
        "January 2016 B.Sc. Statistics Pune, Maharashtra Pune University\n"
        "Data Scientist \n\n"
        "Data Scientist - Example Analytics\n"
        "Skill Details \n"
        "Python- Experience - 24 months\n"
        "Company Details \n"
        "company - Example Analytics\n"
        "description - Built churn models and dashboards for the sales team.\n"
    )
    resume = parse_resume_text(text)
    assert resume.label == "Data Scientist"
    assert [(p.title, p.employer) for p in resume.positions] == [
        ("Data Scientist", "Example Analytics")
    ]


def test_the_dataset_layout_reads_a_role_line_alone_as_the_headline() -> None:
    """With no "Title - Employer" line above "Skill Details", a short line of words there is
    the role the person gives; a dated degree closing the education table is not."""
    body = (
        "Took part in the inter-college quiz and various other sports events, and led the "
        "college's drama club for two years of study\n"
        "Education Details \n"
        "January 2015 BSc Computer Science Pune, Maharashtra Pune University\n"
        "{above}\n\n"
        "Skill Details \n"
        "C#- Experience - 6 months\n"
        "Company Details \n"
        "company - \n"
        "description - \n"
    )
    role = parse_resume_text(body.format(above="DOT NET Developer"))
    assert role.label == "DOT NET Developer"
    assert all("Developer" not in e.degree + e.institution for e in role.education)
    degree = parse_resume_text(body.format(above="January 2013 HSC Maharashtra State Board"))
    assert degree.label == ""
