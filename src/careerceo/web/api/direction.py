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
from careerceo.web.api_records import RecordApi
from careerceo.web.templating import app_context

router = APIRouter(tags=["direction"])


@router.get("/vision")
def get_vision(ctx: AppContext = Depends(app_context)) -> service.VisionView | None:
    return service.current_vision(ctx)


@router.put("/vision")
def put_vision(data: VisionIn, ctx: AppContext = Depends(app_context)) -> service.VisionView:
    return service.set_vision(ctx, data)


@router.get("/vision/history")
def vision_history(ctx: AppContext = Depends(app_context)) -> list[service.VisionView]:
    return service.vision_history(ctx)


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


@router.get("/goals/{goal_id}/history")
def goal_history(
    goal_id: int, ctx: AppContext = Depends(app_context)
) -> list[service.RevisionView]:
    return service.goal_history(ctx, goal_id)


@router.post("/goals/{goal_id}/milestones", status_code=201)
def add_milestone(
    goal_id: int, data: MilestoneIn, ctx: AppContext = Depends(app_context)
) -> service.MilestoneView:
    return service.add_milestone(ctx, goal_id, data)


@router.get("/milestones")
def list_milestones(
    goal_id: int | None = None, ctx: AppContext = Depends(app_context)
) -> list[service.MilestoneView]:
    return service.list_milestones(ctx, goal_id)


@router.post("/milestones/{milestone_id}/done")
def complete_milestone(
    milestone_id: int, ctx: AppContext = Depends(app_context)
) -> service.MilestoneView:
    return service.complete_milestone(ctx, milestone_id)


@router.get("/reviews")
def review_history(ctx: AppContext = Depends(app_context)) -> list[service.HistoryRow]:
    return service.review_history(ctx)


@router.post("/reviews", status_code=201)
def create_review(data: ReviewIn, ctx: AppContext = Depends(app_context)) -> service.ReviewResult:
    return service.create_review(ctx, data)


@router.get("/reviews/due")
def review_due(ctx: AppContext = Depends(app_context)) -> service.DueView:
    return service.review_due(ctx)


@router.get("/reviews/findings")
def findings(ctx: AppContext = Depends(app_context)) -> list[service.FindingView]:
    return service.drift_findings(ctx)


@router.get("/reviews/{month}")
def get_review(month: str, ctx: AppContext = Depends(app_context)) -> service.ReviewResult:
    return service.get_review(ctx, month)


@router.put("/reviews/{month}")
def edit_review(
    month: str, data: ReviewIn, ctx: AppContext = Depends(app_context)
) -> service.ReviewResult:
    return service.edit_review(ctx, month, data)


@router.get("/reviews/{month}/revisions")
def review_revisions(
    month: str, ctx: AppContext = Depends(app_context)
) -> list[service.RevisionView]:
    return service.review_revisions(ctx, month)


@router.get("/signals/questions")
def signal_questions() -> dict[str, Any]:
    return {
        "scale": LIKERT,
        "dimensions": [asdict(d) for d in DIMENSIONS],
        "questions": [asdict(q) for q in QUESTIONS],
    }


@router.get("/signals")
def signals_history(ctx: AppContext = Depends(app_context)) -> list[service.SignalView]:
    return service.signals_history(ctx)


@router.post("/signals", status_code=201)
def take_signals(data: SignalsIn, ctx: AppContext = Depends(app_context)) -> service.SignalView:
    return service.take_signals(ctx, data)


@router.get("/direction")
def challenges(ctx: AppContext = Depends(app_context)) -> list[service.ChallengeView]:
    return service.challenges(ctx)


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
