"""The rule-based critique, and the optional LLM provider against a real local HTTP server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from _resume_files import FIXTURES as FIXTURE_DIR
from _resume_files import make_pdf, synthetic_text
from careerceo.analysis.resume_critique import critique_text
from careerceo.errors import CareerError
from careerceo.services.llm import LLMConfig, complete, llm_config, rewrite_lines

SAMPLE = """Dana Example
SUMMARY
Analyst.
EXPERIENCE
Operations Coordinator, Example Freight Inc   2016 - 2019
• Responsible for the daily shipping schedule
• Helped with various vendor negotiations
• Manage a team of 6 dispatchers and the hiring of new staff
• Invoices were processed for 40 clients
• Reduced late deliveries by 22% by re-sequencing routes
• I built the carrier scorecard used by the whole team
"""


def _rules(text: str) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for f in critique_text(text).findings:
        found.setdefault(f.line, set()).add(f.rule)
    return found


def test_each_rule_points_at_its_line() -> None:
    rules = _rules(SAMPLE)
    assert "duty-statement" in rules[6]
    assert {"weak-opening", "vague-word"} <= rules[7]
    assert "tense" in rules[8]  # present tense in a past job
    assert "passive-voice" in rules[9]
    assert "no-metric" not in rules.get(10, set())  # has 22%
    assert "first-person" in rules[11] and "no-metric" in rules[11]
    assert "section-length" in rules[2]  # a one-word summary
    assert "title-undersells" in rules[5]  # coordinator who manages a team of 6


def test_rewrite_patterns_are_concrete() -> None:
    findings = {f.line: f for f in critique_text(SAMPLE).findings if f.rule == "duty-statement"}
    assert findings[6].suggestion.startswith(
        "Rewrite as verb + what + result: Led the daily shipping schedule"
    )
    assert findings[6].text == "• Responsible for the daily shipping schedule"


def test_a_strong_resume_has_few_findings() -> None:
    good = (
        "EXPERIENCE\nData Lead, Example Co  2019 - Present\n"
        "• Cut reporting time 60% by automating the pipeline in Python\n"
        "• Grew self-serve analytics to 300 users in 12 months\n"
    )
    assert critique_text(good).findings == []


def test_critique_of_a_pdf_via_cli(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cv.pdf"
    path.write_bytes(make_pdf(synthetic_text()))
    result = cli("resume", "critique", str(path), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    rules = {f["rule"] for f in data["findings"]}
    assert {"duty-statement", "weak-opening", "passive-voice"} <= rules
    assert data["bullets"] == 6 and data["bullets_with_metric"] == 3


@pytest.mark.shared
def test_critique_real_pdf(shared_data: Path) -> None:
    from careerceo.documents.pdf_reader import read_pdf_text

    pdf = shared_data / "resumes" / "pdf_livecareer" / "ACCOUNTANT" / "10554236.pdf"
    result = critique_text(read_pdf_text(pdf.read_bytes()))
    assert any(
        f.rule == "duty-statement" and "responsible for" in f.text.lower() for f in result.findings
    )
    assert all(1 <= f.line <= len(result.lines) for f in result.findings)


class _FakeOpenAI(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _FakeOpenAI.requests.append(
            {"path": self.path, "auth": self.headers.get("Authorization"), "body": body}
        )
        if body["model"] == "broken":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"boom")
            return
        lines = [x[2:] for x in body["messages"][1]["content"].splitlines()[1:]]
        answer = "\n".join(f"- Led {x.lower()}, <N%>" for x in lines)
        payload = {"choices": [{"message": {"role": "assistant", "content": answer}}]}
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def fake_llm() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _FakeOpenAI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()
    server.server_close()


def test_llm_provider_against_local_server(fake_llm: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREER_LLM_BASE_URL", fake_llm)
    monkeypatch.setenv("CAREER_LLM_MODEL", "tiny")
    monkeypatch.setenv("CAREER_LLM_API_KEY", "k-123")
    config = llm_config()
    assert config == LLMConfig(fake_llm, "tiny", "k-123")
    out = rewrite_lines(config, ["Responsible for payroll", "Helped with audits"])
    assert out == ["Led responsible for payroll, <N%>", "Led helped with audits, <N%>"]
    last = _FakeOpenAI.requests[-1]
    assert last["path"] == "/v1/chat/completions" and last["auth"] == "Bearer k-123"
    with pytest.raises(CareerError, match="HTTP 500"):
        complete(LLMConfig(fake_llm, "broken"), "s", "u")


def test_llm_is_optional_and_failures_are_clear(
    monkeypatch: pytest.MonkeyPatch, cli: Any, tmp_path: Path
) -> None:
    monkeypatch.delenv("CAREER_LLM_BASE_URL", raising=False)
    assert llm_config() is None
    path = tmp_path / "cv.txt"
    path.write_text(SAMPLE)
    assert cli("resume", "critique", str(path)).exit_code == 0
    result = cli("resume", "critique", str(path), "--llm")
    assert result.exit_code == 2 and "CAREER_LLM_BASE_URL" in result.output
    with pytest.raises(CareerError, match="unreachable"):
        complete(LLMConfig("http://127.0.0.1:9", "m"), "s", "u")
    monkeypatch.setenv("CAREER_LLM_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.delenv("CAREER_LLM_MODEL", raising=False)
    with pytest.raises(CareerError, match="CAREER_LLM_MODEL"):
        llm_config()


def test_linkedin_about_section() -> None:
    about = (
        "About\n"
        "Responsible for various analytics projects at a fast-growing startup and helped "
        "with many dashboards; a detail-oriented team player.\n"
    )
    rules = {f.rule for f in critique_text(about).findings}
    assert {"duty-statement", "vague-word"} <= rules


WRAPPED = """Dana Example
Experience
Northwind Traders  January 2019 to March 2023  Senior Accountant
City , State
Reviewed the general ledger every month with the controllers of all subsidiaries and supported the
$2M write-down of obsolete stock, which closed the year without a single audit adjustment.
Built a reconciliation workbook for the shared-services team that matched bank lines against the
ledger and flagged the exceptions to the payables team.
I was responsible for coordinating the annual budget between the four regional finance teams.
Prepared the quarterly VAT returns for every entity in the group without a penalty for late filing.
Trained two junior accountants on the close checklist and the new approval workflow in the ERP.
"""


def test_a_sentence_the_pdf_wrapped_is_one_bullet() -> None:
    result = critique_text(WRAPPED)
    by_line = {n: {f.rule for f in fs} for n, fs in result.by_line().items()}
    # the $2M on the wrapped second line counts for the bullet that starts on line 5
    assert "no-metric" not in by_line.get(5, set())
    # continuation lines get no findings of their own
    assert 6 not in by_line and 8 not in by_line
    first = next(f for f in result.findings if f.line == 7)
    assert first.text.endswith("ledger and flagged the exceptions to the payables team.")
    assert result.bullets == 5


def test_i_was_responsible_for_is_a_duty_statement_with_a_grammatical_rewrite() -> None:
    findings = [f for f in critique_text(WRAPPED).findings if f.line == 9]
    duty = next(f for f in findings if f.rule == "duty-statement")
    assert duty.suggestion.startswith(
        "Rewrite as verb + what + result: Coordinated the annual budget between the four"
    )
    assert "first-person" not in {f.rule for f in findings}  # one finding says it all


def test_a_rewrite_that_cannot_be_safe_is_a_pattern() -> None:
    text = "Experience\nAcme  2019 to 2021  Analyst\n• Helped the team migrate the ledger to SAP\n"
    finding = next(f for f in critique_text(text).findings if f.rule == "weak-opening")
    assert "Co-led the team migrate" not in finding.suggestion
    # no placeholder to fill in: the person's own words, and the verbs to open with
    assert '"the team migrate the ledger to SAP"' in finding.suggestion
    assert "<" not in finding.suggestion and "Co-led" in finding.suggestion


def test_title_line_above_its_dates_is_a_header_not_a_bullet() -> None:
    # the layout JSON Resume and LinkedIn imports are critiqued in: title, then dates
    text = (
        "Experience\n"
        "AI Red Team Pentester and Prompt Engineer, Joint Research Lab\n"
        "Nov 2025 \u2013 Jan 2026\n"
        "• Tasked with getting a blocked answer out of the model to prove the attack\n"
    )
    result = critique_text(text)
    assert {f.line for f in result.findings} == {4}
    assert result.bullets == 1
    duty = next(f for f in result.findings if f.rule == "duty-statement")
    assert "Got a blocked answer out of the model" in duty.suggestion  # not "Getted"


def test_a_small_count_is_a_number() -> None:
    text = (
        "Experience\nAcme  2019 to 2021  Charge Nurse\n"
        "• Supervised 8 nurses across the night shift on a busy surgical ward\n"
        "• Led a team of 6 through the move to electronic charting on the ward\n"
        "• Upgraded the ward workstations to Windows 7 for the charting rollout\n"
    )
    flagged = {f.line for f in critique_text(text).findings if f.rule == "no-metric"}
    assert flagged == {5}  # "Windows 7" is a version, not a result


def test_linkedin_bullets_flattened_into_one_line_are_bullets_again() -> None:
    from careerceo.documents.linkedin_export import resume_from_files
    from careerceo.documents.resume_layout import layout, plain_text

    positions = (
        "Company Name,Title,Description,Location,Started On,Finished On\n"
        'Example Bank,Lead Analytics Engineer,"Analytics team  \u2022 Migration: Moved the '
        "warehouse to managed services.  \u2022 Mentoring: Coached 3 junior developers on "
        'code review.",New York,Jan 2019,Mar 2021\n'
        "Example Bank,Analytics Engineer,Built the first dashboards for the claims team,"
        "New York,Dec 2014,Dec 2018\n"
    )
    resume = resume_from_files({"Positions.csv": positions.encode()})
    lead = resume.positions[0]
    assert lead.summary == "Analytics team"
    assert lead.highlights == [
        "Migration: Moved the warehouse to managed services.",
        "Mentoring: Coached 3 junior developers on code review.",
    ]
    result = critique_text(plain_text(layout(resume)))
    # the second job's title line is a header, not a present-tense bullet of the first job
    assert not [f for f in result.findings if f.rule == "tense"]
    assert result.bullets == 3


def test_a_label_before_a_colon_is_not_the_opening_word() -> None:
    text = (
        "Experience\nAcme  2019 to 2021  Payroll Lead\n"
        "• Payroll: Responsible for the monthly run for 300 staff in 4 countries\n"
    )
    duty = next(f for f in critique_text(text).findings if f.rule == "duty-statement")
    assert duty.suggestion.startswith("Rewrite as verb + what + result: Led the monthly run")


def test_a_jobs_description_is_not_judged_as_a_bullet() -> None:
    # the layout JSON Resume imports are critiqued in: title, dates, summary, bullets
    text = (
        "Experience\n"
        "Senior Software Engineer II, Lead Web Developer, Example Holdings, L.P.\n"
        "Apr 2009 \u2013 Present | Dallas\n"
        "Example Holdings provides credit monitoring services to consumers across the country.\n"
        "• Built the enrollment platform that 2 million customers signed up through\n"
        "Software Developer, Sample Publishing\n"
        "Sep 2007 \u2013 Apr 2009\n"
        "Supported and developed the alumni website product for the company's clients\n"
    )
    result = critique_text(text)
    flagged = {f.line for f in result.findings}
    assert 2 not in flagged  # a title line ending in "L.P." is still a header
    assert 4 not in flagged  # what the company does: no "no number", no "tense"
    assert 8 in flagged  # a job without marked bullets: its sentences are its bullets
    assert result.bullets == 2


def test_first_person_rewrite_uses_the_lines_own_words() -> None:
    text = (
        "Experience\nAcme  2019 to 2021  Resource Advisor\n"
        "• I consistently managed three separate budget timelines for the squadron\n"
    )
    finding = next(f for f in critique_text(text).findings if f.rule == "first-person")
    assert finding.suggestion == (
        'Start with the verb: "Consistently managed three separate budget timelines for the '
        'squadron"'
    )


@pytest.mark.shared
def test_real_pdf_findings_coach_and_come_costliest_first(shared_data: Path) -> None:
    from careerceo.analysis.resume_critique import IMPACT
    from careerceo.documents.pdf_reader import read_pdf_text

    pdf = shared_data / "resumes" / "pdf_livecareer" / "ACCOUNTANT" / "10554236.pdf"
    result = critique_text(read_pdf_text(pdf.read_bytes()))
    # no "<by X% | saving N hours | ...>" appended to the person's line: nothing to fill in
    assert not [f.suggestion for f in result.findings if "<" in f.suggestion]
    no_number = [f for f in result.findings if f.rule == "no-metric"]
    assert no_number and all(f.text[:20].lstrip("•- ") in f.suggestion for f in no_number[:5])
    # the LiveCareer export has no name, e-mail or phone at the top: noticed, and first
    contact = next(f for f in result.findings if f.rule == "contact")
    assert "e-mail" in contact.explanation and "phone" in contact.explanation
    ranks = [IMPACT[f.severity] for f in result.findings]
    assert ranks == sorted(ranks) and result.findings[0].severity == "high"


def test_a_noun_after_ing_is_not_turned_into_a_verb() -> None:
    text = (
        "Experience\nAcme  2019 to 2021  Clerk\n"
        "• Responsible for coding and entry of all Payables items\n"
    )
    finding = next(f for f in critique_text(text).findings if f.rule == "duty-statement")
    assert "Coded and entry" not in finding.suggestion
    assert '"coding and entry of all Payables items"' in finding.suggestion


def test_a_bullet_without_a_number_is_pointed_at_the_win_that_has_it() -> None:
    from careerceo.analysis.resume_critique import WinHint

    text = (
        "Experience\nAcme  2019 to 2021  Clerk\n"
        "• Automated the payables entry for the finance team\n"
    )
    wins = [
        WinHint("Won the spring chili cook-off", "1st of 12"),
        WinHint(
            "Automated payables entry, cutting invoice processing from 5 days to 2",
            "5 -> 2 days",
            "2021-03-01",
        ),
    ]
    finding = next(f for f in critique_text(text, wins=wins).findings if f.rule == "no-metric")
    assert "cutting invoice processing from 5 days to 2" in finding.suggestion
    assert "chili" not in finding.suggestion
    alone = next(f for f in critique_text(text).findings if f.rule == "no-metric")
    assert "Automated the payables entry for the finance team" in alone.suggestion


def test_whole_document_checks() -> None:
    text = (
        "Dana Example\ndana@example.org | 555 010 2020\n"
        "EDUCATION\nBSc Accounting, Example University  2008 - 2012\n"
        "EXPERIENCE\nAccountant, Example Co  03/2015 - Present\n"
        "• Closed the books 3 days faster by automating accruals\n"
        "Junior Accountant, Example Co  Jan 2012 - Feb 2015\n"
        "• Reconciled 40 bank accounts a month\n"
    )
    result = critique_text(text, target="Financial Analyst", target_keywords=["SQL", "accruals"])
    rules = {f.rule: f for f in result.findings}
    assert "contact" not in rules  # name, e-mail and phone are there
    assert rules["section-order"].line == 3
    assert "2 ways" in rules["dates"].explanation
    assert "1 of 2 keywords of Financial Analyst" in rules["keywords"].explanation
    assert "SQL" in rules["keywords"].explanation and "too-short" in rules
    bare = critique_text(text.replace("dana@example.org | 555 010 2020\n", ""))
    contact = next(f for f in bare.findings if f.rule == "contact")
    assert "e-mail" in contact.explanation and "name" not in contact.explanation


def test_cli_critiques_the_stored_resume_without_a_file(cli) -> None:  # type: ignore[no-untyped-def]
    empty = cli("resume", "critique")
    assert empty.exit_code == 2 and "stored résumé is empty" in empty.output
    source = FIXTURE_DIR / "synthetic_resume.txt"
    assert cli("resume", "import", str(source), "--yes").exit_code == 0
    result = cli("resume", "critique", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    rules = {f["rule"] for f in data["findings"]}
    assert {"duty-statement", "weak-opening"} <= rules
    assert "contact" not in rules  # the stored name, e-mail and phone are in the layout
