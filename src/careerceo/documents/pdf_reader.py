"""Text out of a PDF résumé, or a clear reason why there is none.

PDFium (pypdfium2, Apache-2.0/BSD, prebuilt wheels) reads the text layer: it is five to seven times
faster than pure-Python pypdf on the résumé-builder PDFs that draw every glyph on its own and
overprint bold text, and ``pdf_lines`` restores the word spaces those PDFs hide from it. The
checks before extraction turn the usual failures (encrypted, scanned, truncated, enormous) into
messages a person can act on.
"""

from __future__ import annotations

import re
import zlib

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from careerceo.documents.limits import (
    MAX_FILE_BYTES,
    MAX_PAGE_CHARS,
    MAX_PDF_INFLATED,
    MAX_PDF_PAGES,
    MAX_TEXT_CHARS,
)
from careerceo.documents.pdf_lines import page_lines
from careerceo.errors import CareerError

# Builders' junk: a full-width colon decoded as Latin-1 ("ï¼"), zero-width spaces, PDFium's
# marker for a hyphen that breaks a word at the end of a line.
JUNK = str.maketrans({"\u200b": None, "\ufeff": None, "\x02": "-", "\u00a0": " "})


def _clean(page: list[str]) -> str:
    text = "\n".join(page).replace("\u00ef\u00bc", " ").translate(JUNK)
    return re.sub(r"(?<=\S) {3,}(?=\S)", "  ", text).strip("\n")


_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 20


def inflated_size(data: bytes, cap: int = MAX_PDF_INFLATED) -> int:
    """How much the PDF's deflated streams inflate to, counted in 1 MB steps and stopping past
    ``cap``: a 1 MB file can hold gigabytes, and PDFium would inflate them all in memory."""
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        inflater = zlib.decompressobj()
        pending = data[start : end if end != -1 else len(data)]
        try:
            while pending and not inflater.eof:
                total += len(inflater.decompress(pending, _CHUNK))
                pending = inflater.unconsumed_tail
                if total > cap:
                    return total
        except zlib.error:
            continue  # not deflated (an image, a font in another filter) or damaged: PDFium's call
    return total


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise CareerError(
                f"{name} is encrypted (password-protected); save an unprotected copy and import "
                "that",
                field="file",
            ) from exc
        raise CareerError(
            f"{name} is damaged and cannot be read ({exc}); re-export it from the program that "
            "made it",
            field="file",
        ) from exc


def read_pdf_text(data: bytes, *, name: str = "the PDF") -> str:
    """The text layer of every page, pages separated by a blank line."""
    if len(data) > MAX_FILE_BYTES:
        raise CareerError(
            f"{name} is {len(data) / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB — "
            "export a smaller PDF (text only, no embedded images)",
            field="file",
        )
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise CareerError(f"{name} is not a PDF (it does not start with %PDF)", field="file")
    if inflated_size(data) > MAX_PDF_INFLATED:
        raise CareerError(
            f"{name} inflates to more than {MAX_PDF_INFLATED // 2**20} MB once unpacked (a "
            "compression bomb, or a scan far larger than a résumé); export the résumé again as "
            "a normal PDF",
            field="file",
        )
    document = _open(data, name)
    try:
        count = len(document)
        if count > MAX_PDF_PAGES:
            raise CareerError(
                f"{name} has {count} pages; a résumé import takes at most {MAX_PDF_PAGES}",
                field="file",
            )
        pages = []
        for number in range(count):
            page = document[number]
            textpage = page.get_textpage()
            try:
                # Counting is cheap; laying the characters out in lines is the expensive step.
                chars = textpage.count_chars()
                if chars > MAX_PAGE_CHARS:
                    raise CareerError(
                        f"{name}: page {number + 1} holds {chars:,} characters (a dense page "
                        f"holds about 6,000; the limit is {MAX_PAGE_CHARS:,}); this is not a "
                        "résumé page - export the résumé again as a normal PDF",
                        field="file",
                    )
                pages.append(_clean(page_lines(page, textpage)))
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError as exc:
        raise CareerError(
            f"{name} is damaged and cannot be read ({exc}); re-export it from the program that "
            "made it",
            field="file",
        ) from exc
    finally:
        document.close()
    if count == 0:
        raise CareerError(f"{name} has no pages", field="file")
    text = "\n\n".join(pages)
    if len(text.strip()) < 20:
        raise CareerError(
            f"{name} has no text layer (it looks scanned, image-only); run OCR on it or export "
            "the résumé again from a word processor",
            field="file",
        )
    return text[:MAX_TEXT_CHARS]
