"""Report PDFs rendered from the web pages' own templates (see ``documents.html_pdf``)."""

from __future__ import annotations

from careerceo.analysis.pivot_detail import PivotDetail
from careerceo.documents.html_pdf import html_to_pdf
from careerceo.web.charts import paired_bars
from careerceo.web.templating import templates


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
    from markupsafe import Markup

    return templates.env.get_template("pivots/report.html").render(
        d=d, chart=Markup(pivot_chart(d)), basis=basis, from_=""
    )


def pivot_pdf(d: PivotDetail, *, basis: str) -> bytes:
    return html_to_pdf(pivot_html(d, basis=basis))
