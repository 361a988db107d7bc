"""The monthly review: its form, its history and trend, and one month's result."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.errors import CareerError
from careerceo.model.direction import (
    RATING_MAX,
    RATING_MIN,
    ReviewIn,
    read_progress,
)
from careerceo.model.months import is_month
from careerceo.services import direction as service
from careerceo.services.context import AppContext
from careerceo.web.direction_forms import alignment_chart, field_errors, submit_form
from careerceo.web.forms import posted_text
from careerceo.web.templating import app_context, templates

router = APIRouter()

ACTIVITY_ROWS = 6


# ----------------------------------------------------------------------------------- review
def _review_form(
    request: Request,
    ctx: AppContext,
    *,
    month: str,
    mode: str,
    values: dict[str, Any],
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    named = {str(k) for k in values.get("ratings", {})}
    named |= {str(a.get("goal_id")) for a in values.get("activities", []) if a.get("goal_id")}
    # closed goals stay on the form when the month being edited rated them
    goals = [g for g in service.list_goals(ctx) if g.status == "active" or str(g.id) in named]
    activities = list(values.get("activities", []))
    activities += [{"name": "", "share": "", "goal_id": ""}] * (ACTIVITY_ROWS - len(activities))
    return templates.TemplateResponse(
        request,
        "direction/review_form.html",
        {
            "month": month,
            "mode": mode,
            "goals": goals,
            "values": values,
            "activities": activities[: max(ACTIVITY_ROWS, len(activities))],
            "errors": errors or {},
            "ratings": list(range(RATING_MIN, RATING_MAX + 1)),
            "due": service.review_due(ctx),
            "known": service.progress_before(ctx, month) if is_month(month) else {},
        },
        status_code=status,
    )


def _values_from(data: ReviewIn) -> dict[str, Any]:
    return {
        "activities": [
            {"name": a.name, "share": a.share, "goal_id": a.goal_id or ""} for a in data.activities
        ],
        "new_skills": ", ".join(data.new_skills),
        "wins": "\n".join(data.wins),
        "ratings": {str(k): v for k, v in data.ratings.items()},
        "milestones": {str(k): v for k, v in data.milestones.items()},
        "notes": data.notes,
    }


@router.get("/review", response_class=HTMLResponse)
def review_page(
    request: Request, month: str | None = None, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    target = month if month and is_month(month) else service.default_review_month(ctx)
    try:
        existing = service.review_input(ctx, target)
    except CareerError:
        try:
            # like the guided CLI review: refuse a month it cannot save before the form is filled
            service.check_review_month(target)
        except CareerError as exc:
            fallback = service.default_review_month(ctx)
            return _review_form(
                request,
                ctx,
                month=fallback,
                mode="create",
                values={},
                errors=field_errors(exc),
            )
        return _review_form(request, ctx, month=target, mode="create", values={})
    return _review_form(request, ctx, month=target, mode="edit", values=_values_from(existing))


def _parse_review_form(form: dict[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The raw form as ReviewIn input, plus the values to re-show if it is refused."""
    activities: list[dict[str, Any]] = []
    shown: list[dict[str, Any]] = []
    for i in range(ACTIVITY_ROWS * 3):
        name = form.get(f"activity_name_{i}", "").strip()
        share = form.get(f"activity_share_{i}", "").strip()
        goal = form.get(f"activity_goal_{i}", "").strip()
        if not name and not share:
            continue
        shown.append({"name": name, "share": share, "goal_id": goal})
        activities.append({"name": name, "share": share or "0", "goal_id": goal or None})
    ratings = {k[5:]: v for k, v in form.items() if k.startswith("rate_") and v != ""}
    progress: dict[str, Any] = {}
    for k, v in form.items():
        if k.startswith("ms_") and v.strip():
            # "done" reads as 100, as in the CLI; anything unreadable goes to ReviewIn to refuse
            progress[k[3:]] = read_progress(v) if read_progress(v) is not None else v.strip()
    data = {
        "month": form.get("month", "").strip(),
        "activities": activities,
        "new_skills": [s.strip() for s in form.get("new_skills", "").split(",") if s.strip()],
        "wins": [w.strip() for w in form.get("wins", "").splitlines() if w.strip()],
        "ratings": ratings,
        "milestones": progress,
        "notes": form.get("notes", ""),
    }
    values = {
        "activities": shown,
        "new_skills": form.get("new_skills", ""),
        "wins": form.get("wins", ""),
        "ratings": ratings,
        "milestones": {k: str(v) for k, v in progress.items()},
        "notes": form.get("notes", ""),
    }
    return data, values


@router.post("/review", response_class=HTMLResponse, response_model=None)
async def save_review(request: Request, ctx: AppContext = Depends(app_context)) -> Response:
    form = await posted_text(request)
    mode = form.get("mode", "create")
    data, values = _parse_review_form(form)
    month = str(data["month"])

    def save() -> object:
        review = ReviewIn.model_validate(data)
        if mode == "edit":
            return service.edit_review(ctx, month, review)
        return service.create_review(ctx, review)

    return submit_form(
        save,
        f"/review/{month}?saved=1",
        lambda errors: _review_form(
            request, ctx, month=month, mode=mode, values=values, errors=errors, status=422
        ),
    )


@router.get("/review/history", response_class=HTMLResponse)
def history_page(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    rows = service.review_history(ctx)
    return templates.TemplateResponse(
        request,
        "direction/history.html",
        {
            "rows": rows,
            "chart": alignment_chart(rows),
            "findings": service.drift_findings(ctx),
            "due": service.review_due(ctx),
        },
    )


@router.get("/review/{month}", response_class=HTMLResponse)
def review_result(
    request: Request, month: str, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    result = service.get_review(ctx, month)
    titles = {g.uid: g.title for g in service.list_goals(ctx)}
    return templates.TemplateResponse(
        request,
        "direction/review_result.html",
        {
            "result": result,
            "revisions": list(reversed(service.review_revisions(ctx, month))),
            "titles": titles,
            "flash": "Review saved." if request.query_params.get("saved") else "",
        },
    )
