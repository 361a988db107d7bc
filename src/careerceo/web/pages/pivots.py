"""Pivot explorer (``/pivots``), one pivot in detail (``/pivots/{code}``) and the posting gap
page (``/gap``). Thin: every figure comes from ``services.pivots``."""

from __future__ import annotations

from html import escape
from typing import Protocol

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from careerceo.analysis.job_gap import JobGap
from careerceo.analysis.pivot import KIND_LABELS, SIGNAL_LABELS
from careerceo.analysis.pivot_detail import PivotDetail
from careerceo.documents.charts import paired_bars
from careerceo.errors import CareerError
from careerceo.services import pivots as service
from careerceo.services.context import AppContext
from careerceo.web.templating import app_context, form_page, templates

router = APIRouter()


def _int(value: str | None, name: str) -> int | None:
    if value is None or not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise CareerError("a job zone is a whole number from 1 to 5", field=name) from None


@router.get("/pivots", response_class=HTMLResponse)
def explorer(
    request: Request,
    ctx: AppContext = Depends(app_context),
    from_: str | None = Query(None, alias="from"),
    zone_min: str | None = None,
    zone_max: str | None = None,
    family: str | None = None,
    hot_tech: str | None = None,
    kind: str | None = None,
    limit: int = Query(50, ge=1, le=1100),
    compare: str | None = None,
) -> Response:
    form = {
        "from": from_ or "",
        "zone_min": zone_min or "",
        "zone_max": zone_max or "",
        "family": family or "",
        "hot_tech": bool(hot_tech),
        "kind": kind or "",
        "limit": limit,
    }
    errors: dict[str, str] = {}
    result = None
    message = ""
    try:
        filters = service.check_filters(
            _int(zone_min, "zone_min"),
            _int(zone_max, "zone_max"),
            [f for f in (family or "").replace(",", " ").split() if f],
            bool(hot_tech),
            [kind] if kind else [],
        )
        result = service.rank_pivots(
            None if from_ else ctx,
            from_=from_ or None,
            filters=filters,
            limit=limit,
            compare=compare or None,
        )
    except CareerError as exc:
        if exc.field == "profile":
            message = exc.message
        else:
            errors[exc.field or "from"] = exc.message
    chart = None
    compare_title = ""
    if result is not None and result.chart:
        row = next((r for r in result.rows if r.code == result.compare_code), None)
        compare_title = row.title if row else (result.compare_code or "")
        chart = paired_bars(list(result.chart), max_value=7.0, names=("You", compare_title))
    query = {k: v for k, v in request.query_params.items() if k != "compare"}
    return form_page(
        request,
        "pivots/explorer.html",
        {
            "chart": chart,
            "compare_title": compare_title,
            "query": query,
            "result": result,
            "form": form,
            "errors": errors,
            "message": message,
            "kinds": KIND_LABELS,
            "signal_labels": SIGNAL_LABELS,
        },
    )


@router.get("/pivots/{code}", response_class=HTMLResponse)
def pivot_page(
    code: str,
    request: Request,
    ctx: AppContext = Depends(app_context),
    from_: str | None = Query(None, alias="from"),
) -> Response:
    d = service.pivot_detail(None if from_ else ctx, code, from_=from_ or None)
    chart = paired_bars(
        [(name, mine, theirs) for name, mine, theirs in d.chart],
        max_value=7.0,
        names=("You", d.title),
    )
    return templates.TemplateResponse(
        request,
        "pivots/detail.html",
        {"d": d, "chart": chart, "from_": from_ or ""},
    )


def _report_basis(from_: str | None) -> str:
    """What the report's profile was built from, worded as the CLI words it."""
    return f"occupation {from_}" if from_ else "your entries"


class _Report(Protocol):
    """A pivot report's renderer (Markdown or PDF)."""

    def __call__(self, d: PivotDetail, *, basis: str) -> str | bytes: ...


def _report(
    ctx: AppContext,
    code: str,
    from_: str | None,
    render: _Report,
    suffix: str,
    media_type: str,
) -> Response:
    """The pivot report as a download: from your entries, or from occupation ``from_``."""
    d = service.pivot_detail(None if from_ else ctx, code, from_=from_ or None)
    return Response(
        render(d, basis=_report_basis(from_)),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="pivot-{d.code}.{suffix}"'},
    )


@router.get("/pivots/{code}/report.md")
def pivot_report_md(
    code: str, ctx: AppContext = Depends(app_context), from_: str | None = Query(None, alias="from")
) -> Response:
    from careerceo.documents.pivot_report import markdown

    return _report(ctx, code, from_, markdown, "md", "text/markdown; charset=utf-8")


@router.get("/pivots/{code}/report.pdf")
def pivot_report_pdf(
    code: str, ctx: AppContext = Depends(app_context), from_: str | None = Query(None, alias="from")
) -> Response:
    from careerceo.documents.pivot_pdf import pivot_pdf

    return _report(ctx, code, from_, pivot_pdf, "pdf", "application/pdf")


def highlight(text: str, gap: JobGap) -> Markup:
    """The posting with each requirement marked: found in your profile, or missing."""
    # One span can carry several concepts (ESCO "Python (computer programming)" and the O*NET
    # product "Python"): the span counts as had when any of them is.
    spans: dict[tuple[int, int], tuple[bool, list[str]]] = {}
    for req in gap.requirements:
        for span in req.spans:
            have, labels = spans.get(span, (False, []))
            spans[span] = (have or req.have, [*labels, req.label])
    marks = sorted((s, e, have, " / ".join(labels)) for (s, e), (have, labels) in spans.items())
    out: list[str] = []
    pos = 0
    for start, end, have, label in marks:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        css = "skill have" if have else "skill missing"
        status = "you have it" if have else "missing"
        title = f"{escape(label)}: {status}"
        out.append(f'<mark class="{css}" title="{title}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return Markup("".join(out))


@router.get("/gap", response_class=HTMLResponse)
def gap_form(request: Request) -> Response:
    return templates.TemplateResponse(
        request, "pivots/gap.html", {"text": "", "errors": {}, "gap": None, "marked": None}
    )


@router.post("/gap", response_class=HTMLResponse)
def gap_post(
    request: Request,
    ctx: AppContext = Depends(app_context),
    text: str = Form(""),
) -> Response:
    errors: dict[str, str] = {}
    gap = None
    marked = None
    try:
        gap = service.job_gap(ctx, text)
        marked = highlight(gap.text, gap)
    except CareerError as exc:
        field = "text" if exc.field in (None, "job", "text") else exc.field
        errors[field] = exc.message
    return form_page(
        request,
        "pivots/gap.html",
        {"text": text, "errors": errors, "gap": gap, "marked": marked},
    )
