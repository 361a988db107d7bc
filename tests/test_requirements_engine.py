"""One requirements engine: gap, résumé match, ranking and the pitch present the same reading
of a real posting (../shared/data/postings, read at test time) against the same evidence of a
real résumé (a LiveCareer PDF), a posting is saved once, and company text is no requirement."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest

from careerceo.services import resume_import
from careerceo.services.context import AppContext
from careerceo.services.pitch import pitch
from careerceo.services.pivots import job_gap
from careerceo.services.requirements import read_posting
from careerceo.services.tailoring import (
    match_posting,
    rank_postings,
    save_posting,
    save_tailored,
    versions,
)

pytestmark = pytest.mark.shared


def _glassdoor(shared: Path, *needles: str) -> dict[str, str]:
    csv.field_size_limit(10**8)
    path = shared / "postings" / "glassdoor_ds_jobs_2020" / "glassdoor_jobs.csv"
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if all(n in row["Job Description"] for n in needles):
                return row
    raise AssertionError(f"no posting with {needles}")


def _accountant(ctx: AppContext, shared: Path) -> None:
    pdf = shared / "resumes" / "pdf_livecareer" / "ACCOUNTANT" / "10554236.pdf"
    resume_import.confirm(ctx, resume_import.read_path(pdf))


@pytest.fixture
def pnnl(shared_data: Path) -> dict[str, str]:
    """PNNL's data scientist posting: markdown-bold headings, an equal-opportunity section."""
    return _glassdoor(shared_data, "Pacific Northwest National Laboratory", "NMDA receptor")


def test_gap_match_rank_and_pitch_agree(
    sqlite_ctx: AppContext, shared_data: Path, pnnl: dict[str, str]
) -> None:
    _accountant(sqlite_ctx, shared_data)
    text, company = pnnl["Job Description"], "PNNL"
    gap = job_gap(sqlite_ctx, text, company=company)
    posting_id = save_posting(sqlite_ctx, pnnl["Job Title"], text, company=company)
    _, matched = match_posting(sqlite_ctx, posting_id)
    assert gap.requirements, "the posting asks for something"
    assert {r.label for r in gap.have} == {r.label for r in matched.matched}
    assert {r.label for r in gap.missing} == {m.label for m in matched.missing}
    # one count of years: the same figure in both (overlapping jobs count once)
    years = {q.evidence for q in gap.qualifications if "years" in q.what}
    assert years and years == {q.evidence for q in matched.gap.qualifications if "years" in q.what}
    ranked = rank_postings(sqlite_ctx)
    assert [r["posting_id"] for r in ranked] == [posting_id]
    assert ranked[0]["coverage"] == pytest.approx(gap.coverage, abs=0.002)
    # the pitch writes in only what is covered, and names the rest as not shown
    drafted = pitch(sqlite_ctx, posting_id=posting_id)
    missing = [m.label for m in matched.missing if m.strength == "required"]
    for label in [m.label for m in matched.missing]:
        assert label not in drafted.keywords_used
        assert not re.search(rf"(?<!\w){re.escape(label)}(?!\w)", drafted.headline)
    assert "I am learning" not in drafted.story or not any(m in drafted.story for m in missing)


def test_covered_needs_evidence_of_working_level(
    sqlite_ctx: AppContext, shared_data: Path, pnnl: dict[str, str]
) -> None:
    """An occupation's low level x a small credit ("level 0.5 x credit 0.25") or ESCO's list
    for the person's occupation is not evidence that meets a posting's requirement."""
    _accountant(sqlite_ctx, shared_data)
    gap = job_gap(sqlite_ctx, pnnl["Job Description"], company="PNNL")
    for r in gap.have:
        for piece in r.evidence:
            weak = re.search(r"level (\d+(?:\.\d+)?) x credit (\d+(?:\.\d+)?)", piece)
            assert not weak or float(weak[1]) * float(weak[2]) >= 3.0, (r.label, piece)
            assert "your résumé" in piece or "your positions" in piece or "inventory" in piece
        # an occupation name alone ("Staff Accountant → Accountants and Auditors") is not it
        assert any("“" in p or "level" in p or "inventory" in p for p in r.evidence), r


def test_company_text_and_equal_opportunity_are_not_requirements(
    shared_data: Path, pnnl: dict[str, str]
) -> None:
    asked = {h.label for h in read_posting(pnnl["Job Description"], "PNNL").hits}
    # "E-Verify", "energy", "genetics" come only from the equal-opportunity section
    assert not {"E-Verify", "energy", "genetics"} & asked
    assert {"deep learning", "machine learning", "Python"} <= asked
    rubius = _glassdoor(shared_data, "follow us on Twitter and LinkedIn", "Autoimmune group")
    read = read_posting(rubius["Job Description"], "Rubius Therapeutics")
    asked = {h.label for h in read.hits}
    # the about-us paragraph: social networks, the ticker "RUBY", the IPO
    assert not {"LinkedIn", "Twitter", "Ruby", "Ruby (computer programming)"} & asked
    assert not {"public offering"} & asked
    assert {"immunology", "biotechnology"} <= asked  # the qualifications still count
    assert read.outside > 0 and any("requirement sections" in w for w in read.warnings)


def test_a_posting_used_for_match_and_tailor_is_saved_once(
    sqlite_ctx: AppContext, shared_data: Path, pnnl: dict[str, str]
) -> None:
    _accountant(sqlite_ctx, shared_data)
    text = pnnl["Job Description"]
    first = save_posting(sqlite_ctx, "Data Scientist", text)
    match_posting(sqlite_ctx, first)
    # pasted again for tailoring, with different spacing and the employer this time
    again = save_posting(
        sqlite_ctx, "Data Scientist", "  " + text.replace("\n", "\r\n"), company="PNNL"
    )
    assert again == first
    save_tailored(sqlite_ctx, again)
    assert [r["posting_id"] for r in rank_postings(sqlite_ctx)] == [first]
    assert rank_postings(sqlite_ctx)[0]["company"] == "PNNL"
    assert len(versions(sqlite_ctx, first)) == 1


def test_cli_gap_and_match_print_the_same_missing(
    cli: Any, shared_data: Path, pnnl: dict[str, str], tmp_path: Path
) -> None:
    import json

    pdf = shared_data / "resumes" / "pdf_livecareer" / "ACCOUNTANT" / "10554236.pdf"
    assert cli("resume", "import", str(pdf), "--yes").exit_code == 0
    posting = tmp_path / "pnnl.txt"
    posting.write_text(pnnl["Job Description"], encoding="utf-8")
    gap = cli("gap", "--job", str(posting), "--json")
    assert gap.exit_code == 0, gap.output
    match = cli("resume", "match", "--posting-file", str(posting), "--json")
    assert match.exit_code == 0, match.output
    gap_data, match_data = json.loads(gap.output), json.loads(match.output)
    assert set(gap_data["missing"]) == {m["label"] for m in match_data["missing"]}
    assert set(gap_data["have"]) == {m["label"] for m in match_data["matched"]}
    saved = cli("gap", "--posting", str(match_data["posting_id"]), "--json")
    assert saved.exit_code == 0, saved.output
    assert json.loads(saved.output)["missing"] == gap_data["missing"]
    tailor = cli("resume", "tailor", "--posting-file", str(posting))
    assert tailor.exit_code == 0, tailor.output
    ranked = json.loads(cli("resume", "rank", "--json").output)
    assert len(ranked) == 1


def test_a_posting_read_again_comes_from_the_data_directory(
    tmp_path: Path, pnnl: dict[str, str]
) -> None:
    """`career gap --job` asked twice about one posting loads the skill lexicon once: the
    reading is kept in the data directory's extraction cache, and what comes back from disk
    (as a new process would read it) is the extractor's reading exactly."""
    from careerceo.skills.cache import ExtractionCache
    from careerceo.skills.extractor import extract

    text = pnnl["Job Description"]
    fresh = read_posting(text, "PNNL")
    assert read_posting(text, "PNNL", tmp_path) == fresh
    stored = ExtractionCache(tmp_path / "cache" / "skills").get(text, "posting")
    assert stored is not None, "the posting's reading was not kept"
    assert stored == extract(text, "posting")
    assert read_posting(text, "PNNL", tmp_path) == fresh
