"""JSON API for interview practice, rounds (prep and debrief), offer preparation and
30-60-90-day plans: the same services as the CLI."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends
from fastapi.responses import Response

from careerceo.services import interview as service
from careerceo.services import interview_rounds as rounds
from careerceo.services import offer_prep as offers
from careerceo.services import plan306090 as plans
from careerceo.services.context import AppContext
from careerceo.web.api_records import RecordApi, path_id, reads
from careerceo.web.templating import app_context

router = APIRouter(tags=["interview"])


@router.get("/interview/questions")
def list_questions(
    category: str | None = None,
    occupation: str | None = None,
    opportunity: int | None = None,
    ctx: AppContext = Depends(app_context),
) -> list[service.QuestionView]:
    return service.list_questions(
        ctx, category=category, occupation=occupation, opportunity=opportunity
    )


reads(
    router,
    "/interview/questions/{question_id}",
    service.get_question,
    service.QuestionView,
    path_id("question_id", str),
)


@router.put("/interview/answers/{question_id}")
def save_answer(
    question_id: str,
    data: dict[str, Any] = Body(..., examples=[{"text": "…", "win_id": 1}]),
    ctx: AppContext = Depends(app_context),
) -> service.AnswerView:
    return service.save_answer(ctx, {**data, "question_id": question_id})


reads(
    router,
    "/interview/answers/{question_id}",
    service.get_answer,
    service.AnswerView | None,
    path_id("question_id", str),
)


@router.get("/interview/practice")
def practice_queue(
    count: int = 5,
    occupation: str | None = None,
    opportunity: int | None = None,
    ctx: AppContext = Depends(app_context),
) -> list[service.PracticeItem]:
    return service.practice_queue(ctx, count=count, occupation=occupation, opportunity=opportunity)


@router.post("/interview/practice", status_code=201)
def record_session(
    ratings: list[dict[str, Any]] = Body(
        ..., embed=True, examples=[[{"question_id": "beh-01", "rating": 3, "notes": ""}]]
    ),
    ctx: AppContext = Depends(app_context),
) -> service.SessionView:
    return service.record_session(ctx, ratings)


reads(router, "/interview/stats", service.stats, service.StatsView)


reads(router, "/plan306090", plans.list_plans, list[plans.PlanView])


@router.post("/plan306090", status_code=201)
def new_plan(
    data: dict[str, Any] = Body(..., examples=[{"occupation_code": "15-1252.00"}]),
    ctx: AppContext = Depends(app_context),
) -> plans.PlanView:
    return plans.new_plan(ctx, data)


RecordApi(
    path="/plan306090",
    id_name="plan_id",
    out=plans.PlanView,
    get=plans.get_plan,
    names={"get": "get_plan"},
).register(router)


@router.put("/plan306090/{plan_id}/sections/{section}")
def set_section(
    plan_id: int,
    section: str,
    lines: list[str] = Body(..., embed=True),
    ctx: AppContext = Depends(app_context),
) -> plans.PlanView:
    return plans.set_section(ctx, plan_id, section, lines)


@router.get("/plan306090/{plan_id}/export.md")
def export_markdown(plan_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    return Response(plans.export_markdown(ctx, plan_id), media_type="text/markdown")


@router.get("/plan306090/{plan_id}/export.pdf")
def export_pdf(plan_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    return Response(plans.export_pdf(ctx, plan_id), media_type="application/pdf")


RecordApi(
    path="/plan306090",
    id_name="plan_id",
    out=plans.PlanView,
    remove=plans.remove_plan,
    names={"remove": "remove_plan"},
).register(router)


@router.post("/interview/rounds", status_code=201)
def add_round(
    data: dict[str, Any] = Body(
        ..., examples=[{"round_type": "hiring_manager", "scheduled_on": "2027-01-15"}]
    ),
    ctx: AppContext = Depends(app_context),
) -> rounds.RoundView:
    return rounds.add_round(ctx, data)


@router.get("/interview/rounds")
def list_rounds(
    opportunity: int | None = None, ctx: AppContext = Depends(app_context)
) -> list[rounds.RoundView]:
    return rounds.list_rounds(ctx, opportunity=opportunity)


reads(
    router,
    "/interview/rounds/{round_id}/prep",
    rounds.prep,
    rounds.PrepView,
    path_id("round_id"),
    name="round_prep",
)


@router.post("/interview/rounds/{round_id}/debrief")
def debrief(
    round_id: int,
    data: dict[str, Any] = Body(
        ..., examples=[{"asked": [{"text": "Why us?", "rating": 3}], "went": 4}]
    ),
    ctx: AppContext = Depends(app_context),
) -> rounds.RoundView:
    return rounds.debrief(ctx, round_id, data)


reads(router, "/offers", offers.list_preps, list[offers.OfferView], name="list_offers")


RecordApi(
    path="/offers",
    id_name="prep_id",
    out=offers.OfferView,
    add=offers.new_prep,
    get=offers.get_prep,
    patch=offers.update_prep,
    add_example={"company": "Acme", "stated_before": "…", "terms": {"base": "…"}},
    patch_example={"walk_away": "…"},
    patch_name="data",
    names={"add": "new_offer", "get": "get_offer", "patch": "update_offer"},
).register(router)
