"""The extractor on synthetic texts: matching, context (sections, negation, strength), spans."""

from __future__ import annotations

import pytest

from careerceo.skills import ExtractionResult, extract, load_extractor

POSTING = """Senior Data Analyst

Responsibilities:
- Build dashboards in Tableau and write SQL queries for the sales team.
- Report KPIs to the P&L owner every month.

Minimum qualifications:
- 3+ years of experience with Python and project management.
- Must have strong communication skills.

Preferred qualifications:
- Experience with Salesforce is a plus.
- PMP certification.

Benefits: gym membership, health insurance and free Ruby courses.
"""

RESUME = """Jane Example
Email: jane@example.org | Phone: 555-0100

Work Experience
Data Analyst, Example Corp (2019-2024)
- Managed projects for the finance team and built Tableau dashboards.
- Automated reports in Python and Microsoft Excel.

Education
B.Sc. Statistics, Example University

Skills
SQL, R, C++, C#, .NET, Node.js
"""


def labels(result: ExtractionResult) -> set[str]:
    return {h.label for h in result.hits}


def texts(result: ExtractionResult) -> set[str]:
    return {h.text for h in result.hits}


def status_of(result: ExtractionResult, surface: str) -> set[str]:
    return {h.status for h in result.hits if h.text == surface}


def test_posting_sections_and_strength() -> None:
    result = extract(POSTING)
    assert result.kind == "posting"
    found = texts(result)
    assert {"Tableau", "SQL", "Python", "project management", "Salesforce"} <= found
    assert status_of(result, "Python") == {"required"}
    assert status_of(result, "Salesforce") == {"preferred"}
    assert {h.section for h in result.hits if h.text == "Python"} == {"requirements"}
    assert any(h.concept_id == "cert:pmp" for h in result.hits)


def test_benefits_are_not_skills() -> None:
    result = extract(POSTING)
    assert "Ruby" not in texts(result)
    reasons = {e.text: e.reason for e in result.excluded}
    assert reasons.get("Ruby") == "in the benefits section"


def test_spans_point_at_the_text() -> None:
    for text in (POSTING, RESUME):
        result = extract(text)
        assert result.hits
        for hit in result.hits:
            assert text[hit.start : hit.end] == hit.text
            assert hit.text in hit.sentence
            assert 0 < hit.confidence < 1


def test_resume_skills_are_held_and_special_tokens_survive() -> None:
    result = extract(RESUME)
    assert result.kind == "resume"
    found = texts(result)
    assert {"C++", "C#", ".NET", "Node.js", "SQL", "Python", "Microsoft Excel"} <= found
    assert {h.status for h in result.hits} == {"held"}
    assert any(h.text == "Managed projects" for h in result.hits)


def test_negation_drops_the_mention() -> None:
    result = extract("We use Python daily. No experience with Java is needed.", kind="posting")
    assert "Python" in texts(result)
    assert "Java" not in texts(result)
    assert any(e.text == "Java" and "negated" in e.reason for e in result.excluded)
    # A negation in an earlier clause does not reach past "but".
    result = extract("No degree needed, but you must know Java.", kind="posting")
    assert "Java" in texts(result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Project Management experience", "project management"),
        ("managing projects end to end", "project management"),
        ("management of projects", "project management"),
        ("Analysed data with statistics", "statistics"),
        ("machine-learning models", "machine learning"),
    ],
)
def test_forms_case_and_word_order(text: str, expected: str) -> None:
    result = extract(text, kind="profile")
    found = {h.label.lower() for h in result.hits} | {h.matched_label.lower() for h in result.hits}
    assert any(expected in f for f in found), (text, found)


def test_acronyms_need_upper_case_and_context() -> None:
    assert any(h.text == "CRM" for h in extract("Daily work in our CRM and Excel.").hits)
    assert not any(h.text.lower() == "crm" for h in extract("the crm was down").hits)
    # "PM" after a number is a time, and alone it is too ambiguous to count.
    assert not extract("Meetings start at 2 PM.", kind="posting").hits
    alone = extract("Looking for a PM.", kind="posting")
    assert not alone.hits
    assert any("acronym" in e.reason for e in alone.excluded)
    with_context = extract("PM for agile project management and SQL reporting.", kind="posting")
    assert "PM" in texts(with_context)


def test_plain_text_without_skills_says_so() -> None:
    result = extract("The weather was lovely and we went for a walk.")
    assert result.hits == ()
    assert "no known skills were found in the text" in result.warnings


def test_concepts_are_in_order_and_distinct() -> None:
    result = extract("Python, SQL and Python again.", kind="resume")
    ids = result.concepts()
    assert len(ids) == len(set(ids))
    assert ids[0] in {h.concept_id for h in result.hits if h.text == "Python"}


def test_taxonomies_and_ids() -> None:
    result = extract(POSTING)
    by_tax = {h.taxonomy for h in result.hits}
    assert {"esco", "onet-tech", "cert"} <= by_tax
    for hit in result.hits:
        if hit.taxonomy == "esco":
            assert hit.concept_id.startswith("http://data.europa.eu/esco/skill/")
        elif hit.taxonomy in {"onet-tech", "onet-tool"}:
            assert hit.concept_id.startswith("onet-tech:") and hit.category
        elif hit.taxonomy == "onet-element":
            assert hit.concept_id.startswith("2.")
    assert "ESCO 1.1.1" in result.sources


def test_onet_elements_are_found() -> None:
    result = extract("Strong critical thinking and active listening.", kind="posting")
    ids = {h.concept_id for h in result.hits if h.taxonomy == "onet-element"}
    assert {"2.A.2.a", "2.A.1.b"} <= ids


def test_extractor_is_cached() -> None:
    assert load_extractor() is load_extractor()


def test_every_negation_cue_passes_the_quick_test() -> None:
    """``negated`` skips windows with none of ``NEGATION_STARTS``; a cue that started with
    anything else would never be seen."""
    from careerceo.skills.context import NEGATION_CUES, NEGATION_STARTS, negated

    assert all(cue.startswith(NEGATION_STARTS) for cue in NEGATION_CUES)
    assert negated("We need someone without") and negated("Candidates who lack")
    assert not negated("Strong experience with")
