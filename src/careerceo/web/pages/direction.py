"""Direction pages: goals and vision, the monthly review form, its history and trend, the
warning-signs check, the three macro-challenges, and the calendar feed."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from careerceo.analysis.signals import DIMENSIONS, LIKERT, QUESTIONS
from careerceo.documents.charts import line_chart
from careerceo.errors import CareerError
from careerceo.model.direction import (
    HORIZONS,
    RATING_MAX,
    RATING_MIN,
    GoalIn,
    GoalPatch,
    MilestoneIn,
    ReviewIn,
    SignalsIn,
    VisionIn,
    parse_goal_status,
    read_progress,
)
from careerceo.model.months import is_month
from careerceo.services import direction as service
from careerceo.services.context import AppContext
from careerceo.web.actions import href
from careerceo.web.templating import app_context, templates

router = APIRouter()
ACTIVITY_ROWS = 6
SECTIONS = ("month", "activities", "new_skills", "wins", "ratings", "milestones", "notes")


def _errors(exc: CareerError | ValidationError) -> dict[str, str]:
    """Field -> message, for showing next to the form field."""
    if isinstance(exc, CareerError):
        shown = {exc.field or "form": exc.message}
        if exc.action:
            shown["next"] = href(exc.action)  # the page that does what the message asks
        return shown
    out: dict[str, str] = {}
    for e in exc.errors():
        loc = [str(part) for part in e["loc"]]
        key = loc[0] if loc else "form"
        msg = str(e["msg"]).removeprefix("Value error, ")
        if key == "activities" and len(loc) > 2 and loc[1].isdigit():
            msg = f"activity {int(loc[1]) + 1}, {loc[2]}: {msg}"
        elif key in {"answers", "ratings", "milestones"} and len(loc) > 1:
            # name the question, goal or milestone whose value is wrong
            what = {"answers": "question", "ratings": "goal", "milestones": "milestone"}[key]
            msg = f"{what} {loc[1]}: {msg}"
        out.setdefault(key, msg)
    return out


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _chart(rows: list[service.HistoryRow]) -> Any:
    points = service.trend(rows)
    return line_chart(points, label="Alignment by month (0-100); hollow red = missed month")


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
async def save_vision(
    request: Request, ctx: AppContext = Depends(app_context)
) -> HTMLResponse | RedirectResponse:
    form = await request.form()
    text = str(form.get("vision", ""))
    try:
        service.set_vision(ctx, VisionIn(text=text))
    except (CareerError, ValidationError) as exc:
        errs = {"vision": next(iter(_errors(exc).values()))}
        return _goals_page(request, ctx, errors=errs, values={"vision": text}, status=422)
    return _redirect("/goals?saved=vision")


@router.post("/goals", response_class=HTMLResponse, response_model=None)
async def add_goal(
    request: Request, ctx: AppContext = Depends(app_context)
) -> HTMLResponse | RedirectResponse:
    form = {k: str(v) for k, v in (await request.form()).items()}
    try:
        goal = service.add_goal(
            ctx,
            GoalIn.model_validate(
                {
                    "title": form.get("title", ""),
                    "horizon": form.get("horizon", "1y"),
                    "target_role": form.get("target_role", ""),
                    "occupation_code": form.get("occupation_code") or None,
                    "why": form.get("why", ""),
                }
            ),
        )
    except (CareerError, ValidationError) as exc:
        return _goals_page(request, ctx, errors=_errors(exc), values=form, status=422)
    return _redirect(f"/goals?saved=goal-added&goal={goal.id}")


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
) -> HTMLResponse | RedirectResponse:
    form = {k: str(v) for k, v in (await request.form()).items()}
    try:
        service.edit_goal(
            ctx,
            goal_id,
            GoalPatch.model_validate(
                {
                    # a blanked title is refused, not read as "unchanged"
                    "title": form.get("title"),
                    "horizon": form.get("horizon") or None,
                    "target_role": form.get("target_role", ""),
                    "occupation_code": form.get("occupation_code") or None,
                    "why": form.get("why", ""),
                    "status": form.get("status") or None,
                }
            ),
        )
    except (CareerError, ValidationError) as exc:
        return _goal_detail(request, ctx, goal_id, errors=_errors(exc), values=form, status=422)
    return _redirect(f"/goals/{goal_id}?saved=goal-updated")


@router.post("/goals/{goal_id}/milestones", response_class=HTMLResponse, response_model=None)
async def add_milestone(
    request: Request, goal_id: int, ctx: AppContext = Depends(app_context)
) -> HTMLResponse | RedirectResponse:
    form = {k: str(v) for k, v in (await request.form()).items()}
    # the goal page names these fields m_title, m_measure and m_due_date (its edit form, on the
    # same page, has a "title" of its own)
    try:
        service.add_milestone(
            ctx,
            goal_id,
            MilestoneIn.model_validate(
                {
                    "title": form.get("m_title", ""),
                    "measure": form.get("m_measure", ""),
                    "due_date": form.get("m_due_date") or None,
                }
            ),
        )
    except (CareerError, ValidationError) as exc:
        errs = {f"m_{k}": v for k, v in _errors(exc).items()}
        # the edit form below keeps showing the goal; only the milestone form shows what was typed
        values = {**service.get_goal(ctx, goal_id).model_dump(), **form}
        return _goal_detail(request, ctx, goal_id, errors=errs, values=values, status=422)
    return _redirect(f"/goals/{goal_id}?saved=milestone-added")


@router.post("/milestones/{milestone_id}/done", response_model=None)
def milestone_done(milestone_id: int, ctx: AppContext = Depends(app_context)) -> RedirectResponse:
    m = service.complete_milestone(ctx, milestone_id)
    return _redirect(f"/goals/{m.goal_id}?saved=milestone-done")


@router.post("/goals/{goal_id}/status", response_model=None)
async def goal_status(
    request: Request, goal_id: int, ctx: AppContext = Depends(app_context)
) -> RedirectResponse:
    status = parse_goal_status(str((await request.form()).get("status", "")))
    service.set_goal_status(ctx, goal_id, status)
    return _redirect(f"/goals?saved=goal-{status}&goal={goal_id}")


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
                errors=_errors(exc),
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
async def save_review(
    request: Request, ctx: AppContext = Depends(app_context)
) -> HTMLResponse | RedirectResponse:
    form = {k: str(v) for k, v in (await request.form()).items()}
    mode = form.get("mode", "create")
    data, values = _parse_review_form(form)
    month = str(data["month"])
    try:
        review = ReviewIn.model_validate(data)
        if mode == "edit":
            service.edit_review(ctx, month, review)
        else:
            service.create_review(ctx, review)
    except (CareerError, ValidationError) as exc:
        return _review_form(
            request, ctx, month=month, mode=mode, values=values, errors=_errors(exc), status=422
        )
    return _redirect(f"/review/{month}?saved=1")


@router.get("/review/history", response_class=HTMLResponse)
def history_page(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    rows = service.review_history(ctx)
    return templates.TemplateResponse(
        request,
        "direction/history.html",
        {
            "rows": rows,
            "chart": _chart(rows),
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


# ----------------------------------------------------------------------------------- signals
def _signals_page(
    request: Request,
    ctx: AppContext,
    *,
    answers: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    history = service.signals_history(ctx)
    return templates.TemplateResponse(
        request,
        "direction/signals.html",
        {
            "dimensions": DIMENSIONS,
            "questions": QUESTIONS,
            "likert": LIKERT,
            "answers": answers or {},
            "errors": errors or {},
            "latest": history[-1] if history else None,
            "history": list(reversed(history)),
            "chart": line_chart(
                [(str(h.taken_on), h.overall) for h in history],
                label="Warning signs overall (0-100)",
            )
            if history
            else None,
        },
        status_code=status,
    )


@router.get("/signals", response_class=HTMLResponse)
def signals_page(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    return _signals_page(request, ctx)


@router.post("/signals", response_class=HTMLResponse, response_model=None)
async def take_signals(
    request: Request, ctx: AppContext = Depends(app_context)
) -> HTMLResponse | RedirectResponse:
    form = {k: str(v) for k, v in (await request.form()).items()}
    answers = {q.id: form[q.id] for q in QUESTIONS if form.get(q.id)}
    try:
        service.take_signals(ctx, SignalsIn.model_validate({"answers": answers}))
    except (CareerError, ValidationError) as exc:
        return _signals_page(request, ctx, answers=answers, errors=_errors(exc), status=422)
    return _redirect("/signals")


# ----------------------------------------------------------------------------------- dashboard
@router.get("/direction", response_class=HTMLResponse)
def direction_page(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    rows = service.review_history(ctx)
    return templates.TemplateResponse(
        request,
        "direction/dashboard.html",
        {
            "challenges": service.challenges(ctx),
            "chart": _chart(rows),
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
