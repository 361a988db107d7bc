"""``/offer-prep``: prepare a negotiation in the person's own words: what they stated before,
the offer's terms, the points to ask for and why, the walk-away line. (``/offers`` is the
side-by-side comparison of offers; this is the sheet for one of them.)

The form takes terms and points as plain lines so the page needs no script; the lines are
parsed here and the service's refusals are shown beside the textarea they came from, with the
line number, so the person can find the line to fix.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.errors import CareerError
from careerceo.model.common import InputError
from careerceo.services import offer_prep as service
from careerceo.services import opportunities
from careerceo.services.context import AppContext
from careerceo.web.forms import form_errors, form_fields, form_view, see_other
from careerceo.web.records import FormPage, page_route
from careerceo.web.templating import app_context

router = APIRouter()

FIELDS = ("opportunity_id", "company", "stated_before", "terms", "points", "walk_away", "notes")
# An ask and its reason are split at the first of these; a plain hyphen is not one, because
# asks are full of ranges ("95,000-100,000").
POINT_SEPARATORS = ("\u2014", " \u2013 ", " -- ")  # em dash, spaced en dash, double hyphen


def parse_terms(text: str) -> dict[str, str]:
    """``name: value`` per line → the terms; a line without both halves is refused by number."""
    terms: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        name, sep, value = line.partition(":")
        if not sep or not name.strip() or not value.strip():
            raise InputError(
                {
                    "terms": f"line {number} ({line.strip()!r}) needs name: value, "
                    "e.g. base: 95,000 EUR"
                }
            )
        if name.strip() in terms:
            raise InputError(
                {"terms": f"line {number}: the term {name.strip()!r} is given twice; keep one"}
            )
        terms[name.strip()] = value.strip()
    return terms


def parse_points(text: str) -> tuple[list[dict[str, str]], list[int]]:
    """``ask — why`` per line → the points, and the line each came from (for messages)."""
    points: list[dict[str, str]] = []
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        ask, why = line, ""
        for separator in POINT_SEPARATORS:
            if separator in line:
                ask, _, why = line.partition(separator)
                break
        points.append({"ask": ask.strip(), "why": why.strip()})
        lines.append(number)
    return points, lines


def terms_text(terms: dict[str, str]) -> str:
    return "\n".join(f"{name}: {value}" for name, value in terms.items())


def points_text(points: list[service.PointView]) -> str:
    return "\n".join(f"{p.ask} — {p.why}" if p.why else p.ask for p in points)


def _errors(exc: CareerError, lines: list[int]) -> dict[str, str]:
    """The service names ``points.2.ask``; the form has one textarea, so say which line."""
    out: dict[str, str] = {}
    for key, message in form_errors(exc).items():
        head, _, rest = key.partition(".")
        if head == "points" and rest.split(".")[0].isdigit():
            index = int(rest.split(".")[0])
            line = lines[index] if index < len(lines) else index + 1
            out.setdefault("points", f"line {line}: {message}")
        elif head in FIELDS:
            out.setdefault(head, message)
        else:
            out.setdefault("_form", message)
    return out


def _values(form: dict[str, str]) -> tuple[dict[str, Any], list[int]]:
    """What the service takes, from the form's text (parse errors raise ``InputError``)."""
    points, lines = parse_points(form["points"])
    values: dict[str, Any] = {
        "opportunity_id": form["opportunity_id"],  # "" unlinks (the model reads it as none)
        "company": form["company"],
        "stated_before": form["stated_before"],
        "terms": parse_terms(form["terms"]),
        "points": points,
        "walk_away": form["walk_away"],
        "notes": form["notes"],
    }
    return values, lines


class FormRefused(Exception):
    """The form's input was refused; ``errors`` go beside the fields."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(next(iter(errors.values()), "refused"))
        self.errors = errors


def _save(ctx: AppContext, form: dict[str, str], prep_id: int | None) -> service.OfferView:
    lines: list[int] = []
    try:
        values, lines = _values(form)
        if prep_id is None:
            return service.new_prep(ctx, values)
        return service.update_prep(ctx, prep_id, values)
    except CareerError as exc:
        raise FormRefused(_errors(exc, lines)) from None


def _opportunity_options(ctx: AppContext) -> list[tuple[str, str]]:
    options = [("", "none: name the company instead")]
    for opp in opportunities.list_opportunities(ctx):
        at = f" at {opp.company}" if opp.company else ""
        options.append((str(opp.id), f"#{opp.id} {opp.title}{at} ({opp.stage})"))
    return options


_list_page = FormPage(
    "offer_prep/index.html",
    lambda ctx: {"preps": service.list_preps(ctx), "options": _opportunity_options(ctx)},
)


async def _form(request: Request) -> dict[str, str]:
    """The posted sheet's fields ("" when left out), the opportunity id trimmed."""
    form = await form_fields(*FIELDS)(request)
    form["opportunity_id"] = form["opportunity_id"].strip()
    return form


page_route(router, "/offer-prep", _list_page)


@router.post("/offer-prep", response_class=HTMLResponse)
def new_prep(
    request: Request,
    form: dict[str, str] = Depends(_form),
    ctx: AppContext = Depends(app_context),
) -> Response:
    try:
        prep = _save(ctx, form, None)
    except FormRefused as exc:
        return _list_page(request, ctx, form, exc.errors)
    return see_other(f"/offer-prep/{prep.id}?done=added")


def _prep_page(
    request: Request,
    ctx: AppContext,
    prep: service.OfferView,
    values: dict[str, str],
    errors: dict[str, str],
    done: str | None = None,
) -> HTMLResponse:
    context = {"prep": prep, "options": _opportunity_options(ctx)}
    return form_view(request, "offer_prep/show.html", context, values, errors, done)


def _current(prep: service.OfferView) -> dict[str, str]:
    return {
        "opportunity_id": str(prep.opportunity_id or ""),
        "company": prep.company,
        "stated_before": prep.stated_before,
        "terms": terms_text(prep.terms),
        "points": points_text(prep.points),
        "walk_away": prep.walk_away,
        "notes": prep.notes,
    }


@router.get("/offer-prep/{prep_id}", response_class=HTMLResponse)
def prep_page(
    request: Request, prep_id: int, done: str | None = None, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    prep = service.get_prep(ctx, prep_id)
    return _prep_page(request, ctx, prep, _current(prep), {}, done)


@router.post("/offer-prep/{prep_id}", response_class=HTMLResponse)
def save_prep(
    request: Request,
    prep_id: int,
    form: dict[str, str] = Depends(_form),
    ctx: AppContext = Depends(app_context),
) -> Response:
    prep = service.get_prep(ctx, prep_id)  # someone else's id or a deleted one: 404 page
    try:
        _save(ctx, form, prep_id)
    except FormRefused as exc:
        return _prep_page(request, ctx, prep, form, exc.errors)
    return see_other(f"/offer-prep/{prep_id}?done=saved")
