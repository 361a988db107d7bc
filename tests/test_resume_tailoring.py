"""Tailoring to a posting, ranking many postings, and the pitch: pure parts, service, CLI, web."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from _resume_files import synthetic_text
from _web import live, live_get
from careerceo.analysis.job_gap import analyse, concept_key
from careerceo.analysis.pitch import PitchInput, build_pitch, distinct
from careerceo.analysis.posting_rank import PostingIndex
from careerceo.analysis.tailoring import (
    education_level,
    highlight,
    level_of,
    match,
    posting_spans,
    tailor,
    years_in,
)
from careerceo.documents.resume_parser import parse_resume_text
from careerceo.services import resume_import
from careerceo.services.context import AppContext
from careerceo.services.tailoring import (
    match_posting,
    rank_postings,
    save_posting,
    save_tailored,
    versions,
)
from careerceo.skills import extract

POSTING = """Senior Data Analyst
Requirements:
- 5+ years of experience in analytics
- Bachelor's degree in Statistics or related field
- Strong SQL and Python required
- Experience with Looker or Tableau
- Experience with Airflow is a plus
"""
OTHER = """Registered Nurse
Requirements:
- Current RN license
- Patient care and medication administration
- Experience with Epic electronic health records
"""


def _match(posting: str = POSTING, title: str = "Senior Data Analyst") -> Any:
    resume = parse_resume_text(synthetic_text())
    text = synthetic_text()
    found = extract(posting, "posting")
    have: dict[str, list[str]] = {}
    for h in extract(text, "resume").hits:
        have.setdefault(concept_key(h.taxonomy, h.concept_id, h.label), []).append(h.sentence)
    years = years_in(resume, date(2024, 1, 1))
    gap = analyse(
        found.hits,
        have,
        text=found.text,
        education_category=education_level(resume),
        years_experience=years,
    )
    return resume, match(resume, gap, title, years=years)


def test_match_breakdown_and_missing() -> None:
    _, result = _match()
    parts = {p.name: p for p in result.parts}
    assert set(parts) == {"skills", "technologies", "title", "experience", "education"}
    assert parts["title"].score == 1.0
    assert parts["experience"].score == 1.0 and "10.8 years" in parts["experience"].detail
    assert parts["education"].score == 1.0 and "Bachelor" in parts["education"].detail
    matched = {r.label for r in result.matched}
    assert {"Python", "Tableau", "SQL"} <= matched
    missing = [m.label for m in result.missing]
    assert missing[:2] == ["Google Looker Analytics", "Apache Airflow"]  # required before plus
    assert result.missing[0].strength == "required" and result.missing[1].strength == "preferred"
    assert "Skills section" in result.missing[0].where
    assert 70 < result.score < 100


def test_unrelated_posting_scores_low() -> None:
    _, nurse = _match(OTHER, "Registered Nurse")
    _, analyst = _match()
    assert nurse.score < analyst.score - 30
    assert next(p for p in nurse.parts if p.name == "title").score < 0.5


def test_tailored_version_reorders_without_inventing() -> None:
    resume, result = _match()
    version = tailor(resume, [r.label for r in result.matched])
    original_bullets = sorted(h for p in resume.positions for h in p.highlights)
    assert sorted(h for p in version.positions for h in p.highlights) == original_bullets
    assert "Python" in version.positions[0].highlights[0]
    assert version.skills[0].name == "Languages"  # Python, SQL, R: the most matched group
    assert resume.positions[0].highlights[0].startswith("Built")  # the original is untouched


def test_highlight_segments_cover_the_text() -> None:
    _, result = _match()
    pieces = highlight(result.gap.text, posting_spans(result))
    assert "".join(text for text, _ in pieces) == result.gap.text
    kinds = {text: kind for text, kind in pieces if kind}
    assert kinds.get("Python") == "matched" and kinds.get("Airflow") == "missing"


def test_levels_and_years() -> None:
    assert level_of("Junior Developer") < level_of("Developer") < level_of("Senior Developer")
    assert level_of("Engineering Manager") == 4 and level_of("VP Engineering") == 6
    resume = parse_resume_text(synthetic_text())
    assert years_in(resume, date(2024, 1, 1)) == 10.8


def test_posting_index_ranks_by_weighted_coverage() -> None:
    index = PostingIndex.build(
        [(1, {"a": 2.0, "b": 1.0}), (2, {"a": 1.0, "c": 3.0}), (3, {}), (4, {"d": 1.0})]
    )
    scores = index.scores({"a", "b"})
    assert np.allclose(scores, [1.0, 0.25, 0.0, 0.0])
    assert index.rank({"a", "b"}, top=2) == [(1, 1.0), (2, 0.25)]
    assert index.rank({"zzz"}, top=10)[0][1] == 0.0


def test_pitch_beats_and_limits() -> None:
    pitch = build_pitch(
        PitchInput(
            name="Jordan Quinn",
            current_title="Data Analyst",
            target_role="Data Engineer",
            why="I enjoy building the pipelines more than the reports",
            carries_over=("SQL", "Structured query language SQL", "Python"),
            new_skills=("Apache Airflow",),
            proof=("Cut report time 50% by automating SQL",),
            keywords=("Apache Airflow", "SQL", "Python", "Spark", "dbt", "Kafka"),
            years=8,
        )
    )
    lines = pitch.story.splitlines()
    assert lines[0].startswith(
        "Why: after 8 years of work, most recently as a Data Analyst, I am moving into a Data "
        "Engineer role. "
        "I enjoy building the pipelines more than the reports."
    )
    assert lines[1] == "What carries over: SQL and Python."
    assert "Apache Airflow" in lines[-1]
    assert pitch.headline.startswith("Data Analyst → Data Engineer | Apache Airflow")
    assert len(pitch.headline) <= 220 and len(pitch.about) <= 2600
    assert "• Cut report time 50% by automating SQL." in pitch.about
    assert pitch.missing_inputs == ()
    assert distinct(["SQL", "Structured query language SQL", "sql"]) == ["SQL"]
    empty = build_pitch(PitchInput(name="", current_title="", target_role="Nurse"))
    assert len(empty.missing_inputs) == 3
    assert empty.story.splitlines()[0] == "Why: I am moving into a Nurse role."
    assert empty.headline == "Aspiring Nurse"


def test_pitch_for_the_same_role_is_a_next_job_not_a_move() -> None:
    pitch = build_pitch(
        PitchInput(
            name="",
            current_title="Accountant",
            target_role="Senior Accountant",
            carries_over=("accounting",),
            new_skills=("statistics",),
            keywords=("accounting", "statistics"),
            years=19.3,
        )
    )
    why = pitch.story.splitlines()[0]
    assert (
        why
        == "Why: after 19 years of work, most recently as an Accountant, I am looking for my next "
        "Senior Accountant role."
    )
    assert "I want to move into" not in pitch.story + pitch.about  # no why invented, no echo
    assert pitch.headline.startswith("Senior Accountant | accounting")
    assert "→" not in pitch.headline
    assert pitch.about.startswith(
        "An Accountant, after 19 years of work, looking for the next"
    )
    assert "What is new: I am learning statistics" in pitch.story


def test_service_versions_rank_and_pitch(sqlite_ctx: AppContext) -> None:
    resume_import.confirm(
        sqlite_ctx, resume_import.read_source(synthetic_text().encode(), "cv.txt")
    )
    analyst = save_posting(sqlite_ctx, "Senior Data Analyst", POSTING, company="Northwind")
    nurse = save_posting(sqlite_ctx, "Registered Nurse", OTHER)
    posting, result = match_posting(sqlite_ctx, analyst)
    assert posting.title == "Senior Data Analyst" and result.score > 70
    first = save_tailored(sqlite_ctx, analyst)
    second = save_tailored(sqlite_ctx, analyst)
    assert first.parent_id is not None and first.target_posting_id == analyst
    assert second.title.endswith("(v2)")
    assert [d.id for d in versions(sqlite_ctx, analyst)] == [second.id, first.id]
    assert "Python" in first.data["jsonresume"]["work"][0]["highlights"][0]
    ranked = rank_postings(sqlite_ctx)
    assert [r["posting_id"] for r in ranked] == [analyst, nurse]
    from careerceo.services.pitch import pitch

    made = pitch(sqlite_ctx, posting_id=analyst)
    assert "Senior Data Analyst" in made.headline


def test_cli_match_tailor_pitch(cli: Any, tmp_path: Path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text(synthetic_text())
    post = tmp_path / "post.txt"
    post.write_text(POSTING)
    assert cli("resume", "import", str(cv), "--yes").exit_code == 0
    result = cli(
        "resume", "match", "--posting-file", str(post), "--title", "Senior Data Analyst", "--json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["missing"][0]["label"] == "Google Looker Analytics"
    out = tmp_path / "tailored.md"
    tailored = cli("resume", "tailor", "--posting", str(data["posting_id"]), "--out", str(out))
    assert tailored.exit_code == 0 and "Python" in out.read_text()
    pitch = json.loads(
        cli("resume", "pitch", "--posting", str(data["posting_id"]), "--json").output
    )
    # a Senior Data Analyst applying to a Senior Data Analyst posting: no "X → X" headline
    assert pitch["headline"].startswith("Senior Data Analyst | ")
    assert "→" not in pitch["headline"]
    assert "my next Senior Data Analyst role" in pitch["story"]
    bad = cli("resume", "match", "--posting", "999")
    assert bad.exit_code == 2 and "no saved job posting with id 999" in bad.output
    assert cli("resume", "pitch").exit_code == 2  # no goal, no target: a clear message


@pytest.mark.browser
def test_tailor_page_highlights_keywords(live_server: str, page: Any) -> None:
    api = f"{live_server}/api/v1"
    files = {"file": ("cv.txt", synthetic_text().encode(), "text/plain")}
    assert live.post(f"{api}/resume/import", files=files).status_code == 201
    page.goto(f"{live_server}/resume/tailor")
    page.fill("#f-title", "Senior Data Analyst")
    page.fill("#f-text", POSTING)
    page.click("#posting-form button[type=submit]")
    page.wait_for_selector("#breakdown")
    assert page.locator("#posting-text mark[data-kind=matched]", has_text="Python").count() >= 1
    assert page.locator("#posting-text mark[data-kind=missing]", has_text="Airflow").count() == 1
    assert "Google Looker Analytics" in page.inner_text("#missing")
    page.click("#save-version button")
    page.wait_for_selector("#saved")
    assert "Tailored for Senior Data Analyst (v1)" in page.inner_text("#versions")
    with page.expect_download() as download:
        page.locator("#versions a", has_text="pdf").first.click()
    assert download.value.suggested_filename.endswith(".pdf")
    page.goto(f"{live_server}/resume/pitch")
    assert "no target" in page.inner_text("[data-field=target]")


def test_api_match_and_pitch(live_server: str) -> None:
    api = f"{live_server}/api/v1"
    files = {"file": ("cv.txt", synthetic_text().encode(), "text/plain")}
    live.post(f"{api}/resume/import", files=files)
    posting = live.post(
        f"{api}/postings/for-resume", json={"title": "Senior Data Analyst", "text": POSTING}
    )
    pid = posting.json()["id"]
    matched = live_get(f"{api}/resume/match/{pid}").json()
    assert matched["score"] > 70 and matched["parts"][0]["name"] == "skills"
    assert live.post(f"{api}/resume/tailor/{pid}").status_code == 201
    assert live_get(f"{api}/resume/rank").json()[0]["posting_id"] == pid
    assert "headline" in live_get(f"{api}/resume/pitch", params={"posting": pid}).json()
    assert live_get(f"{api}/resume/match/999").status_code == 404


def test_occupation_target_match_version_and_pitch(sqlite_ctx: AppContext) -> None:
    from careerceo.errors import CareerError
    from careerceo.services.pitch import pitch
    from careerceo.services.tailoring import match_occupation, save_tailored_occupation

    resume_import.confirm(
        sqlite_ctx, resume_import.read_source(synthetic_text().encode(), "cv.txt")
    )
    data = match_occupation(sqlite_ctx, "15-2051.00")
    assert data["title"] == "Data Scientists" and 0 < data["score"] <= 100
    assert {p["name"] for p in data["parts"]} >= {"skills", "technology", "esco"}
    assert "O*NET 29.0" in data["source"]
    # Basic skills (reading, writing, listening...) stay gaps on the pivot page but are not
    # résumé keywords to add: a data analyst aiming at law falls short on reading and writing.
    from careerceo.services.pivots import pivot_detail

    gaps = pivot_detail(sqlite_ctx, "23-1011.00").gaps
    basic = {g.name for g in gaps if g.id.startswith("2.A.")}
    assert basic, "the case must have basic-skill gaps for the check below to mean anything"
    missing = {m["label"] for m in match_occupation(sqlite_ctx, "23-1011.00")["missing"]}
    assert missing and not basic & missing
    doc = save_tailored_occupation(sqlite_ctx, "15-2051.00")
    assert doc.target_occupation_code == "15-2051.00" and doc.target_posting_id is None
    assert doc.title.startswith("Tailored for Data Scientists (15-2051.00)")
    made = pitch(sqlite_ctx, occupation="15-2051.00")
    assert made.headline.startswith("Senior Data Analyst → Data Scientist")
    assert "pivot engine: Data Scientists (15-2051.00)" in "; ".join(made.sources)
    with pytest.raises(CareerError, match=r"99-9999\.99"):
        match_occupation(sqlite_ctx, "99-9999.99")


def test_education_evidence_names_the_degree_not_a_code() -> None:
    from careerceo.analysis.job_gap import qualifications

    (degree,) = qualifications(
        "BA/BS degree in Finance or equivalent practical experience.", 6, None
    )
    assert degree.evidence == "your highest education: a bachelor's degree"
    (degree,) = qualifications("Master's degree in Statistics.", 5, None)
    assert degree.evidence == "your highest education: an associate's degree" and not degree.have


def test_an_all_caps_heading_word_is_not_an_acronym_keyword() -> None:
    from careerceo.skills import extract

    posting = "HOW DOES AMAZON FIT IN?\nWe run DOE studies, write SQL and build REST APIs."
    hits = {(h.label, h.text) for h in extract(posting, kind="posting").hits}
    assert ("Design of experiments DOE software", "DOES") not in hits
    assert ("Design of experiments DOE software", "DOE") in hits
    assert ("RESTful API", "REST APIs") in hits  # a plural acronym still counts
    assert not any(text == "PMs" for _, text in hits)
    plural = {h.label for h in extract("Mentored 4 PMs on SQL", kind="resume").hits}
    assert "Practice management software PMS" not in plural


def test_the_postings_own_company_is_not_a_missing_keyword(sqlite_ctx: AppContext) -> None:
    from careerceo.services.requirements import names_company

    resume_import.confirm(
        sqlite_ctx, resume_import.read_source(synthetic_text().encode(), "cv.txt")
    )
    text = (
        "Minimum qualifications\nLead cross-functional teams within Google and with partners.\n"
        "Experience with SQL and Python.\n"
    )
    anonymous = save_posting(sqlite_ctx, "Program Manager", text + "Travel up to 10%.\n")
    known = save_posting(sqlite_ctx, "Program Manager", text, company="Google")
    _, before = match_posting(sqlite_ctx, anonymous)
    assert "Google" in {m.label for m in before.missing}  # the lexicon knows Google
    _, after = match_posting(sqlite_ctx, known)
    assert not {"Google", "search engines"} & {m.label for m in after.missing}
    assert names_company("Northwind", "Northwind Traders Inc.")
    assert not names_company("SQL", "Northwind Traders Inc.")
    ranked = {r["posting_id"]: r for r in rank_postings(sqlite_ctx)}
    assert ranked[known]["coverage"] >= ranked[anonymous]["coverage"]


@pytest.mark.parametrize(
    ("onet_title", "role"),
    [
        ("Data Scientists", "Data Scientist"),
        ("Accountants and Auditors", "Accountant"),
        (
            "First-Line Supervisors of Retail Sales Workers",
            "First-Line Supervisor of Retail Sales Workers",
        ),
        ("Cooks, Fast Food", "Cook"),
        ("Paramedics", "Paramedic"),
        ("Secretaries and Administrative Assistants, Except Legal", "Secretary"),
        (
            "Bookkeeping, Accounting, and Auditing Clerks",
            "Bookkeeping, Accounting, and Auditing Clerk",
        ),
        ("Forest and Conservation Technicians", "Forest and Conservation Technician"),
        ("Managers, All Other", "Manager"),
    ],
)
def test_a_pitch_names_one_role_from_an_onet_title(onet_title: str, role: str) -> None:
    from careerceo.services.pitch import singular

    assert singular(onet_title) == role


def test_pitch_on_an_empty_resume_says_what_to_do(cli: Any) -> None:
    result = cli("resume", "pitch", "--occupation", "15-2051.00")
    assert result.exit_code == 2
    assert "your résumé is empty" in result.output and "--from" not in result.output


def test_an_activity_is_not_asked_for_as_software(sqlite_ctx: AppContext) -> None:
    resume_import.confirm(
        sqlite_ctx, resume_import.read_source(synthetic_text().encode(), "cv.txt")
    )
    text = (
        "Minimum qualifications\nManage compliance requirements and monthly reporting.\n"
        "Strong analytical skills. Experience with Tableau and spreadsheet software.\n"
    )
    _, result = match_posting(sqlite_ctx, save_posting(sqlite_ctx, "Analyst", text))
    asked = {r.label for r in result.gap.requirements}
    assert not {"Compliance software", "Analytical software", "Reporting software"} & asked
    assert {"Tableau", "Spreadsheet software"} <= asked  # software named as software still counts


def test_the_pitch_says_a_or_an_by_sound() -> None:
    """'a HR Personnel Assistant' was printed for a real HR résumé."""
    from careerceo.analysis.pitch import _article

    assert _article("HR Personnel Assistant") == "an"
    assert _article("MBA Intern") == "an"
    assert _article("CFO") == "a"
    assert _article("University Lecturer") == "a"
    assert _article("Hourly Supervisor") == "an"
    assert _article("Accountant") == "an"
    assert _article("Budget Analyst") == "a"


def test_cli_match_occupation_does_not_load_the_skill_extractor(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An occupation target reads no posting: the seconds-long skill-extractor load (and its
    ~200 MB) must not be paid by ``resume match --occupation``."""
    import careerceo.skills as skills

    def refuse() -> None:
        raise AssertionError("the skill extractor was loaded for an occupation match")

    cv = tmp_path / "cv.txt"
    cv.write_text(synthetic_text())
    assert cli("resume", "import", str(cv), "--yes").exit_code == 0
    monkeypatch.setattr(skills, "load_extractor", refuse)
    result = cli("resume", "match", "--occupation", "15-2051.00", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["code"] == "15-2051.00" and data["parts"]
