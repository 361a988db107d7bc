"""The pivot report as a printable HTML document and its PDF (see ``documents.html_pdf``).

The report's body (``templates/pivots/_report_body.html``) is the same one the web detail page
includes, so the page and the PDF never disagree; both shells call this module for the file.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from careerceo import __version__
from careerceo.analysis.pivot_detail import PivotDetail
from careerceo.documents.charts import paired_bars
from careerceo.documents.html_pdf import html_to_pdf

TEMPLATES = Path(__file__).with_name("templates")
_ENV = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape())
_ENV.globals["version"] = __version__


def pivot_chart(d: PivotDetail) -> str:
    return str(
        paired_bars(
            [(name, mine, theirs) for name, mine, theirs in d.chart],
            max_value=7.0,
            names=("You", d.title),
        )
    )


def pivot_html(d: PivotDetail, *, basis: str) -> str:
    """The pivot report as one HTML document: the detail page's body with a print layout."""
    return _ENV.get_template("pivots/report.html").render(
        d=d, chart=Markup(pivot_chart(d)), basis=basis, from_=""
    )


def pivot_pdf(d: PivotDetail, *, basis: str) -> bytes:
    return html_to_pdf(pivot_html(d, basis=basis))
