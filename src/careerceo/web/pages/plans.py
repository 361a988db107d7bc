"""``/plans``: 30-60-90-day plans: start one from a target occupation or an opportunity, edit
every section in one form, export to Markdown or a one-or-two-page PDF."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.model.plan306090 import SECTIONS
from careerceo.services import plan306090 as service
from careerceo.services.context import AppContext
from careerceo.web.forms import form_errors, form_fields, form_view, see_other
from careerceo.web.records import FormPage, never, page_route, submit
from careerceo.web.templating import app_context

router = APIRouter()

LABELS = {
    "goals": "Goals",
    "actions": "Actions",
    "measures": "How success is measured",
    "stakeholders": "First stakeholders to meet",
    "quick_wins": "Quick wins",
    "learn": "What to learn about the business",
}


def field_name(section: str) -> str:
    """A form field name for a section (``30.goals`` → ``s_30_goals``)."""
    return "s_" + section.replace(".", "_")


_list_page = FormPage("plans/index.html", lambda ctx: {"plans": service.list_plans(ctx)})


page_route(router, "/plans", _list_page)


@router.post("/plans", response_class=HTMLResponse)
def new_plan(
    request: Request,
    values: dict[str, str] = Depends(form_fields("occupation_code", "opportunity_id", "title")),
    ctx: AppContext = Depends(app_context),
) -> Response:
    return submit(
        lambda: service.new_plan(ctx, {k: v or None for k, v in values.items()}),
        lambda plan: f"/plans/{plan.id}?done=added",
        lambda errors: _list_page(request, ctx, values, errors),
        raises=never,
    )


def _plan_page(
    request: Request,
    plan: service.PlanView,
    values: dict[str, str],
    errors: dict[str, str],
    done: str | None = None,
) -> HTMLResponse:
    context = {"plan": plan, "labels": LABELS}
    return form_view(request, "plans/edit.html", context, values, errors, done)


def _values(plan: service.PlanView) -> dict[str, str]:
    out: dict[str, str] = {}
    for phase in plan.phases:
        for part in ("goals", "actions", "measures"):
            out[field_name(f"{phase.key}.{part}")] = "\n".join(getattr(phase, part))
    for name in ("stakeholders", "quick_wins", "learn"):
        out[field_name(name)] = "\n".join(getattr(plan, name))
    return out


@router.get("/plans/{plan_id}", response_class=HTMLResponse)
def plan_page(
    request: Request,
    plan_id: int,
    done: str | None = None,
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    plan = service.get_plan(ctx, plan_id)
    return _plan_page(request, plan, _values(plan), {}, done)


@router.post("/plans/{plan_id}", response_class=HTMLResponse)
async def save_plan(
    request: Request, plan_id: int, ctx: AppContext = Depends(app_context)
) -> Response:
    form = await request.form()
    sections: dict[str, Any] = {
        s: str(form.get(field_name(s), "")) for s in SECTIONS if field_name(s) in form
    }
    values = {field_name(k): str(v) for k, v in sections.items()}
    return submit(
        lambda: service.set_sections(ctx, plan_id, sections),
        f"/plans/{plan_id}?done=saved",
        lambda errors: _plan_page(request, service.get_plan(ctx, plan_id), values, errors),
        errors=lambda exc: {field_name(k): v for k, v in form_errors(exc).items()},
    )


@router.post("/plans/{plan_id}/delete")
def delete_plan(plan_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    service.remove_plan(ctx, plan_id)
    return see_other("/plans?done=removed")
