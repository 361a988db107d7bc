"""HTML to PDF through WeasyPrint, offline.

Reports are the same Jinja templates the web pages render, laid out by a real HTML engine, so
tables wrap their cells and break across pages with their header repeated, and the PDF and the
page cannot drift apart. Nothing is fetched: a report that refers to any URL (a font, an image,
a stylesheet) is refused rather than silently waiting on the network.
"""

from __future__ import annotations

from typing import Any

from careerceo.errors import CareerError


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> Any:
    raise ValueError(f"reports are rendered offline and load nothing ({url})")


def html_to_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML
    except OSError as exc:  # pango/cairo libraries missing on this system
        raise CareerError(
            f"PDF reports need the Pango library ({exc}); install it (Debian: apt-get install "
            "libpango-1.0-0 libpangoft2-1.0-0) or use the Markdown report",
            field="format",
        ) from exc
    data: bytes = HTML(string=html, url_fetcher=_no_fetch).write_pdf()
    return data
