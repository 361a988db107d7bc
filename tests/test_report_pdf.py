"""The pivot PDF report, rendered from the web page's own template through WeasyPrint, checked
by its text layout: every row of every table is there, nothing runs off the page's right edge,
no page is blank."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from careerceo.documents.pivot_pdf import pivot_pdf
from careerceo.services import pivots
from careerceo.services.context import AppContext


def _flat(text: str) -> str:
    """Text as extracted, with the engine's hyphenation and line breaks undone."""
    text = re.sub(r"[\u2010\u00ad-]\s*\n\s*", "", text)
    text = text.replace("\ufffe", "").replace("\x02", "")
    return " ".join(text.split()).casefold()


def _pages(data: bytes) -> list[tuple[str, float, float]]:
    """(text, page width, the right-most x of any character of the body) per page; the page
    number sits in the bottom margin box, outside the body."""
    doc = pdfium.PdfDocument(data)
    out = []
    for page in doc:
        width = page.get_width()
        textpage = page.get_textpage()
        count = textpage.count_chars()
        boxes = [textpage.get_charbox(i) for i in range(count)]
        right = max((box[2] for box in boxes if box[1] > 40), default=0.0)
        out.append((textpage.get_text_range(), width, right))
    return out


def _detail(code: str = "15-2051.00", from_: str = "15-1252.00") -> Any:
    return pivots.pivot_detail(None, code, from_=from_)


def test_every_row_is_in_the_pdf_and_nothing_runs_off_the_page() -> None:
    d = _detail()
    assert len(d.transfers) > 5 and len(d.gaps) > 3 and len(d.plan) > 3
    pages = _pages(pivot_pdf(d, basis="occupation 15-1252.00"))
    text = _flat(" ".join(t for t, _, _ in pages))
    # the old report kept only the first row of each table: now each row's name is there
    for name in [t.name for t in d.transfers] + [g.name for g in d.gaps]:
        assert _flat(name) in text, name
    for step in d.plan:
        assert _flat(step.what) in text, step.what
    for signal in d.signals:
        assert _flat(signal.label) in text
    for page_text, width, right in pages:
        assert len(page_text.strip()) > 80, "a blank page"
        assert right <= width - 20, f"text runs to x={right:.0f} on a {width:.0f} pt page"
    assert 1 <= len(pages) <= 10
    assert "o*net 29.0" in text and "cc by 4.0" in text


def test_cli_and_web_write_the_same_report(
    cli: Any, tmp_path: Path, sqlite_ctx: AppContext
) -> None:
    out = tmp_path / "r.pdf"
    result = cli(
        "pivot", "show", "15-2051.00", "--from", "15-1252.00", "--format", "pdf", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    pages = _pages(out.read_bytes())
    text = _flat(" ".join(t for t, _, _ in pages))
    d = _detail()
    assert _flat(d.title) in text and all(_flat(g.name) in text for g in d.gaps)
