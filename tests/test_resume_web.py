"""The résumé pages in real Chromium and the JSON API over HTTP, against the real app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from _resume_files import FIXTURES, linkedin_zip, make_pdf, synthetic_text
from _web import live, live_get


def test_api_import_critique_export_and_wins(live_server: str) -> None:
    api = f"{live_server}/api/v1"
    pdf = make_pdf(synthetic_text())
    files = {"file": ("jordan.pdf", pdf, "application/pdf")}
    preview = live.post(f"{api}/resume/preview", files=files).json()
    assert preview["counts"]["create"] >= 10
    assert live_get(f"{api}/resume").json()["basics"] == {}  # preview wrote nothing
    done = live.post(f"{api}/resume/import", files=files)
    assert done.status_code == 201
    again = live.post(f"{api}/resume/import", files=files).json()
    assert again["counts"]["create"] == 0
    resume = live_get(f"{api}/resume").json()
    assert resume["work"][0]["name"] == "Northwind Logistics Inc"
    pdf_out = live_get(f"{api}/resume/export/pdf")
    assert pdf_out.headers["content-type"] == "application/pdf" and pdf_out.content.startswith(
        b"%PDF"
    )
    critique = live.post(f"{api}/resume/critique", files=files).json()
    assert critique["counts"]["duty-statement"] == 1
    pasted = live.post(
        f"{api}/resume/critique/text", json={"text": "EXPERIENCE\n• Helped with stuff"}
    )
    assert {f["rule"] for f in pasted.json()["findings"]} >= {"weak-opening"}
    win = live.post(
        f"{api}/accomplishments", json={"text": "Cut costs 10% by renegotiating contracts"}
    )
    assert win.status_code == 201 and win.json()["bullet"].startswith("Renegotiated contracts")
    win_id = win.json()["id"]
    patched = live.patch(f"{api}/accomplishments/{win_id}", json={"situation": "Budget overrun"})
    assert patched.json()["missing"] == []
    assert live.delete(f"{api}/accomplishments/{win_id}").status_code == 204
    assert live_get(f"{api}/accomplishments/{win_id}").status_code == 404


def test_api_refusals_are_clear(live_server: str) -> None:
    api = f"{live_server}/api/v1"
    bad = live.post(
        f"{api}/resume/import", files={"file": ("cv.pdf", b"not a pdf", "application/pdf")}
    )
    assert bad.status_code == 422
    assert "not a PDF" in bad.json()["detail"][0]["msg"]
    evil = linkedin_zip({"../../escape.csv": b"x"})
    bad = live.post(f"{api}/resume/import", files={"file": ("export.zip", evil, "application/zip")})
    assert bad.status_code == 422 and "unsafe path" in bad.json()["detail"][0]["msg"]
    assert live_get(f"{api}/resume/export/docx").status_code == 422
    assert live_get(f"{api}/resume").json()["basics"] == {}


@pytest.mark.browser
def test_upload_preview_confirm_in_browser(live_server: str, page: Any, tmp_path: Path) -> None:
    path = tmp_path / "jordan.pdf"
    path.write_bytes(make_pdf(synthetic_text()))
    page.goto(f"{live_server}/resume")
    page.set_input_files("#f-file", str(path))
    page.click("#import-form button[type=submit]")
    page.wait_for_selector("#plan")
    assert "Senior Data Analyst at Northwind Logistics Inc" in page.inner_text("#plan")
    assert "Nothing is saved until you confirm" in page.inner_text("#summary")
    page.click("#confirm-form button[type=submit]")
    page.wait_for_url(f"{live_server}/resume?done=imported")
    assert "Senior Data Analyst, Northwind Logistics Inc" in page.inner_text("#current-resume")
    assert "jordan.pdf" in page.inner_text("#documents")
    # the same file again: the preview says nothing is new, confirm adds nothing
    page.set_input_files("#f-file", str(path))
    page.click("#import-form button[type=submit]")
    page.wait_for_selector("#plan")
    assert page.locator("#plan tr.action-create").count() == 0
    page.click("#confirm-form button[type=submit]")
    page.wait_for_url(f"{live_server}/resume?done=nothing")
    # a refused file: the message sits next to the file field
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    page.set_input_files("#f-file", str(bad))
    page.click("#import-form button[type=submit]")
    assert "bad.pdf is damaged" in page.inner_text("[data-field=file]")
    # export links download real files
    with page.expect_download() as download:
        page.click("a[href='/resume/export.pdf']")
    saved = tmp_path / "out.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")


@pytest.mark.browser
def test_critique_page_shows_findings_next_to_lines(live_server: str, page: Any) -> None:
    page.goto(f"{live_server}/resume/critique")
    page.fill("#f-text", synthetic_text())
    page.click("#critique-form button[type=submit]")
    page.wait_for_selector("#critique")
    row = page.locator("#line-11")
    assert "Responsible for weekly KPI reporting" in row.inner_text()
    assert row.locator("[data-rule=duty-statement]").count() == 1
    assert "Led weekly KPI reporting" in row.inner_text()
    assert page.locator("#line-10 .finding").count() == 0
    page.goto(f"{live_server}/resume/critique")
    page.click("#critique-form button[type=submit]")
    assert "paste your résumé text" in page.inner_text("[data-field=text]")


@pytest.mark.browser
def test_wins_page(live_server: str, page: Any) -> None:
    page.goto(f"{live_server}/resume/wins")
    page.fill("#f-quick", "Grew signups 3x by automating onboarding emails")
    page.fill("#f-skills", "Email marketing, Automation")
    page.click("#win-form button[type=submit]")
    page.wait_for_url(f"{live_server}/resume/wins?done=win-added")
    assert "Automated onboarding emails, which grew signups 3x" in page.inner_text("#wins")
    page.click("#win-form button[type=submit]")  # empty form
    assert "say what you did" in page.inner_text("[data-field=quick]")
    page.click("#wins button.danger")
    page.wait_for_url(f"{live_server}/resume/wins?done=win-removed")
    assert page.locator("#wins").count() == 0


def test_json_resume_upload_round_trip_over_http(live_server: str) -> None:
    import json

    api = f"{live_server}/api/v1"
    source = (FIXTURES / "synthetic.resume.json").read_bytes()
    live.post(f"{api}/resume/import", files={"file": ("resume.json", source, "application/json")})
    assert live_get(f"{api}/resume").json() == json.loads(source)


def test_resume_page_summary_reads_cleanly_without_a_name(live_server: str) -> None:
    # an anonymised PDF: a label but no name, and one certificate
    text = (
        "ACCOUNTANT\nExperience\nStaff Accountant  July 2008 to April 2010\n"
        "Reconciled 40 ledgers a month.\nCertifications\nCertified Defense Financial Manager\n"
    )
    files = {"file": ("cv.txt", text.encode(), "text/plain")}
    assert live.post(f"{live_server}/api/v1/resume/import", files=files).status_code == 201
    page = live_get(f"{live_server}/resume").text
    card = page[page.index('id="current-resume"') : page.index("Imported documents")]
    assert "— ACCOUNTANT" not in card and "<p>ACCOUNTANT</p>" in card
    assert "1 certification ·" in card and "0 languages" in card


def test_export_button_on_an_empty_resume_explains_instead_of_a_blank_file(
    live_server: str,
) -> None:
    page = live_get(f"{live_server}/resume/export.pdf")
    assert page.status_code >= 400
    assert "your résumé is empty" in page.text
    assert not page.content.startswith(b"%PDF")
