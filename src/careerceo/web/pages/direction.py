"""Direction pages: goals and vision, milestones, the direction dashboard and the calendar
feed (the monthly review and the warning-signs check have pages of their own)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerceo.model.direction import (
    HORIZONS,
    GoalIn,
    GoalPatch,
    MilestoneIn,
    VisionIn,
    parse_goal_status,
)
from careerceo.services import direction as service
from careerceo.services.context import AppContext
from careerceo.web.direction_forms import alignment_chart, submit_form
from careerceo.web.forms import posted_text, see_other
from careerceo.web.templating import app_context, templates

router = APIRouter()

SECTIONS = ("month", "activities", "new_skills", "wins", "ratings", "milestones", "notes")


# ----------------------------------------------------------------------------------- goals
def _goals_page(
    request: Request,
    ctx: AppContext,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
    flash: str = "",
) -> HTMLResponse:
    history = service.vision_history(ctx)
    return templates.TemplateResponse(
        request,
        "direction/goals.html",
        {
            "vision": history[0] if history else None,
            "vision_history": history[1:],
            "goals": service.list_goals(ctx),
            "horizons": list(HORIZONS.items()),
            "errors": errors or {},
            "values": values or {},
            "today": date.today().isoformat(),
            "flash": flash or _saved_message(request),
        },
        status_code=status,
    )


# What a redirect after a save may say. The query names a key, never the text: a link that
# carried its own words (/goals?saved=Your+plan+was+sent+to+HR) would be content spoofing.
SAVED_MESSAGES = {
    "vision": "Vision saved",
    "goal-added": "Goal #{goal} added",
    "goal-updated": "Goal updated",
    "milestone-added": "Milestone added",
    "milestone-done": "Milestone done",
    "goal-active": "Goal #{goal} is active",
    "goal-done": "Goal #{goal} is done",
    "goal-dropped": "Goal #{goal} is dropped",
}


def _saved_message(request: Request) -> str:
    template = SAVED_MESSAGES.get(request.query_params.get("saved", ""), "")
    goal = request.query_params.get("goal", "")
    if "{goal}" in template:
        if not (goal.isascii() and goal.isdigit() and len(goal) < 19):
            return template.replace(" #{goal}", "")
        return template.replace("{goal}", goal)
    return template


@router.get("/goals", response_class=HTMLResponse)
def goals_page(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    return _goals_page(request, ctx)


@router.post("/goals/vision", response_class=HTMLResponse, response_model=None)
async def save_vision(request: Request, ctx: AppContext = Depends(app_context)) -> Response:
    text = str((await request.form()).get("vision", ""))
    return submit_form(
        lambda: service.set_vision(ctx, VisionIn(text=text)),
        "/goals?saved=vision",
        lambda errs: _goals_page(
            request,
            ctx,
            errors={"vision": next(iter(errs.values()))},
            values={"vision": text},
            status=422,
        ),
    )


@router.post("/goals", response_class=HTMLResponse, response_model=None)
async def add_goal(request: Request, ctx: AppContext = Depends(app_context)) -> Response:
    form = await posted_text(request)
    goal = {
        "title": form.get("title", ""),
        "horizon": form.get("horizon", "1y"),
        "target_role": form.get("target_role", ""),
        "occupation_code": form.get("occupation_code") or None,
        "why": form.get("why", ""),
    }
    return submit_form(
        lambda: service.add_goal(ctx, GoalIn.model_validate(goal)),
        lambda made: f"/goals?saved=goal-added&goal={made.id}",
        lambda errors: _goals_page(request, ctx, errors=errors, values=form, status=422),
    )


@router.get("/goals/{goal_id}", response_class=HTMLResponse)
def goal_page(
    request: Request, goal_id: int, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    return _goal_detail(request, ctx, goal_id)


def _goal_detail(
    request: Request,
    ctx: AppContext,
    goal_id: int,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    goal = service.get_goal(ctx, goal_id)
    return templates.TemplateResponse(
        request,
        "direction/goal.html",
        {
            "goal": goal,
            "history": list(reversed(service.goal_history(ctx, goal_id))),
            "horizons": list(HORIZONS.items()),
            "horizon_labels": HORIZONS,
            "errors": errors or {},
            "values": values or goal.model_dump(),
            "today": date.today().isoformat(),
            "flash": _saved_message(request),
        },
        status_code=status,
    )


@router.post("/goals/{goal_id}/edit", response_class=HTMLResponse, response_model=None)
async def edit_goal(
    request: Request, goal_id: int, ctx: AppContext = Depends(app_context)
) -> Response:
    form = await posted_text(request)
    changes = {
        "title": form.get("title"),  # a blanked title is refused, not read as "unchanged"
        "horizon": form.get("horizon") or None,
        "target_role": form.get("target_role", ""),
        "occupation_code": form.get("occupation_code") or None,
        "why": form.get("why", ""),
        "status": form.get("status") or None,
    }
    return submit_form(
        lambda: service.edit_goal(ctx, goal_id, GoalPatch.model_validate(changes)),
        f"/goals/{goal_id}?saved=goal-updated",
        lambda errors: _goal_detail(request, ctx, goal_id, errors=errors, values=form, status=422),
    )


@router.post("/goals/{goal_id}/milestones", response_class=HTMLResponse, response_model=None)
async def add_milestone(
    request: Request, goal_id: int, ctx: AppContext = Depends(app_context)
) -> Response:
    form = await posted_text(request)
    # the goal page names these fields m_title, m_measure and m_due_date (its edit form, on the
    # same page, has a "title" of its own)
    milestone = {
        "title": form.get("m_title", ""),
        "measure": form.get("m_measure", ""),
        "due_date": form.get("m_due_date") or None,
    }

    def refused(errors: dict[str, str]) -> HTMLResponse:
        errs = {f"m_{k}": v for k, v in errors.items()}
        # the edit form below keeps showing the goal; only the milestone form shows what was typed
        values = {**service.get_goal(ctx, goal_id).model_dump(), **form}
        return _goal_detail(request, ctx, goal_id, errors=errs, values=values, status=422)

    return submit_form(
        lambda: service.add_milestone(ctx, goal_id, MilestoneIn.model_validate(milestone)),
        f"/goals/{goal_id}?saved=milestone-added",
        refused,
    )


@router.post("/milestones/{milestone_id}/done", response_model=None)
def milestone_done(milestone_id: int, ctx: AppContext = Depends(app_context)) -> RedirectResponse:
    m = service.complete_milestone(ctx, milestone_id)
    return see_other(f"/goals/{m.goal_id}?saved=milestone-done")


@router.post("/goals/{goal_id}/status", response_model=None)
async def goal_status(
    request: Request, goal_id: int, ctx: AppContext = Depends(app_context)
) -> RedirectResponse:
    status = parse_goal_status(str((await request.form()).get("status", "")))
    service.set_goal_status(ctx, goal_id, status)
    return see_other(f"/goals?saved=goal-{status}&goal={goal_id}")


# ----------------------------------------------------------------------------------- dashboard
@router.get("/direction", response_class=HTMLResponse)
def direction_page(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    rows = service.review_history(ctx)
    return templates.TemplateResponse(
        request,
        "direction/dashboard.html",
        {
            "challenges": service.challenges(ctx),
            "chart": alignment_chart(rows),
            "has_trend": any(r.state == "reviewed" for r in rows),
            "vision": service.current_vision(ctx),
            "due": service.review_due(ctx),
        },
    )


@router.api_route("/calendar.ics", methods=["GET", "HEAD"])  # feed readers may probe with HEAD
def calendar_feed(
    weekday: str = "MO", day: int | None = None, ctx: AppContext = Depends(app_context)
) -> Response:
    data = service.calendar_ics(ctx, weekday=weekday, day=day)
    return Response(
        data,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'inline; filename="career-ceo.ics"'},
    )


__all__ = ["SECTIONS", "router"]
