"""Text out of a PDF résumé, or a clear reason why there is none.

pypdf is used because it is pure Python and handles the overprinted "fake bold" that résumé
builders produce; the checks before extraction turn the usual failures (encrypted, scanned,
truncated, enormous) into messages a person can act on.
"""

from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PdfStreamError

from careerceo.documents.limits import MAX_FILE_BYTES, MAX_PDF_PAGES, MAX_TEXT_CHARS
from careerceo.errors import CareerError

logging.getLogger("pypdf").setLevel(logging.ERROR)


def _join_fragments(page: str) -> str:
    """pypdf writes the pieces of one visual line separated by a whitespace-only line;
    putting them back on one line (two spaces apart) keeps "Title  Jan 2019  to  Present"
    together, which is what the parser anchors positions on."""
    page = page.replace("\u00ef\u00bc\u200b", "").replace("\u200b", "")
    page = re.sub(r"[ \t]*\n[ \t]+\n[ \t]*", "  ", page)
    # A fragment that ends in a space continues on the same visual line ("July 2011  to ").
    return re.sub(r"(?<=\S)[ \t]+\n(?=\S)", "  ", page)


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
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise CareerError(
                f"{name} is encrypted (password-protected); save an unprotected copy and import "
                "that",
                field="file",
            )
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise CareerError(
                f"{name} has {count} pages; a résumé import takes at most {MAX_PDF_PAGES}",
                field="file",
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except CareerError:
        raise
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CareerError(
            f"{name} is damaged and cannot be read ({type(exc).__name__}); re-export it from "
            "the program that made it",
            field="file",
        ) from exc
    if count == 0:
        raise CareerError(f"{name} has no pages", field="file")
    text = "\n\n".join(_join_fragments(page).strip("\n") for page in pages)
    if len(text.strip()) < 20:
        raise CareerError(
            f"{name} has no text layer (it looks scanned, image-only); run OCR on it or export "
            "the résumé again from a word processor",
            field="file",
        )
    return text[:MAX_TEXT_CHARS]
