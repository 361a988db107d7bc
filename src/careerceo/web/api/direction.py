"""JSON API for direction: vision, goals, milestones, reviews, signals, the calendar feed."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from careerceo.analysis.signals import DIMENSIONS, LIKERT, QUESTIONS
from careerceo.model.direction import GoalIn, GoalPatch, MilestoneIn, ReviewIn, SignalsIn, VisionIn
from careerceo.services import direction as service
from careerceo.services.context import AppContext
from careerceo.web.api_records import RecordApi, path_id, query, reads
from careerceo.web.templating import app_context

router = APIRouter(tags=["direction"])


reads(router, "/vision", service.current_vision, service.VisionView | None, name="get_vision")


@router.put("/vision")
def put_vision(data: VisionIn, ctx: AppContext = Depends(app_context)) -> service.VisionView:
    return service.set_vision(ctx, data)


reads(router, "/vision/history", service.vision_history, list[service.VisionView])


@router.get("/goals")
def list_goals(
    include_closed: bool = True, ctx: AppContext = Depends(app_context)
) -> list[service.GoalView]:
    return service.list_goals(ctx, include_closed=include_closed)


RecordApi(
    path="/goals",
    id_name="goal_id",
    out=service.GoalView,
    body=GoalIn,
    add=service.add_goal,
    get=service.get_goal,
    patch=service.edit_goal,
    patch_body=GoalPatch,
    patch_name="patch",
    names={"add": "add_goal", "get": "get_goal", "patch": "edit_goal"},
).register(router)


reads(
    router,
    "/goals/{goal_id}/history",
    service.goal_history,
    list[service.RevisionView],
    path_id("goal_id"),
)


@router.post("/goals/{goal_id}/milestones", status_code=201)
def add_milestone(
    goal_id: int, data: MilestoneIn, ctx: AppContext = Depends(app_context)
) -> service.MilestoneView:
    return service.add_milestone(ctx, goal_id, data)


reads(
    router,
    "/milestones",
    service.list_milestones,
    list[service.MilestoneView],
    query("goal_id", int | None, None),
)


@router.post("/milestones/{milestone_id}/done")
def complete_milestone(
    milestone_id: int, ctx: AppContext = Depends(app_context)
) -> service.MilestoneView:
    return service.complete_milestone(ctx, milestone_id)


reads(router, "/reviews", service.review_history, list[service.HistoryRow])


@router.post("/reviews", status_code=201)
def create_review(data: ReviewIn, ctx: AppContext = Depends(app_context)) -> service.ReviewResult:
    return service.create_review(ctx, data)


reads(router, "/reviews/due", service.review_due, service.DueView)


reads(
    router, "/reviews/findings", service.drift_findings, list[service.FindingView], name="findings"
)


reads(router, "/reviews/{month}", service.get_review, service.ReviewResult, path_id("month", str))


@router.put("/reviews/{month}")
def edit_review(
    month: str, data: ReviewIn, ctx: AppContext = Depends(app_context)
) -> service.ReviewResult:
    return service.edit_review(ctx, month, data)


reads(
    router,
    "/reviews/{month}/revisions",
    service.review_revisions,
    list[service.RevisionView],
    path_id("month", str),
)


@router.get("/signals/questions")
def signal_questions() -> dict[str, Any]:
    return {
        "scale": LIKERT,
        "dimensions": [asdict(d) for d in DIMENSIONS],
        "questions": [asdict(q) for q in QUESTIONS],
    }


reads(router, "/signals", service.signals_history, list[service.SignalView])


@router.post("/signals", status_code=201)
def take_signals(data: SignalsIn, ctx: AppContext = Depends(app_context)) -> service.SignalView:
    return service.take_signals(ctx, data)


reads(router, "/direction", service.challenges, list[service.ChallengeView])


@router.get(
    "/calendar.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "An iCalendar feed"}},
)
def calendar(
    weekday: str | None = Query("MO", pattern="^(MO|TU|WE|TH|FR|SA|SU)$"),
    day: int | None = Query(None, ge=1, le=28),
    ctx: AppContext = Depends(app_context),
) -> Response:
    data = service.calendar_ics(ctx, weekday=None if day is not None else weekday, day=day)
    return Response(data, media_type="text/calendar; charset=utf-8")
