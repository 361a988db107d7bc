"""The dashboard: a first page that says where things stand and what to do next."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerceo.documents.charts import line_chart
from careerceo.services import direction, inventory, positions, profile
from careerceo.services.context import AppContext
from careerceo.services.today import today_items
from careerceo.web.forms import month_text
from careerceo.web.pages.today import link_for
from careerceo.web.templating import app_context, templates

router = APIRouter()


def _next_steps(
    has_name: bool, entries: int, has_positions: bool, adds: int, has_goals: bool = False
) -> list[tuple[str, str]]:
    """The few links that move a new user forward, most basic first."""
    steps: list[tuple[str, str]] = []
    if not has_name:
        steps.append(("/profile", "Fill in your profile"))
    if not has_positions:
        steps.append(("/positions#add", "Add your current or last position"))
    if entries < 5:
        steps.append(("/inventory#add", "List your skills, knowledge and attributes"))
    if entries and not adds:
        steps.append(("/inventory?intent=keep", "Decide which skills to add (your gaps)"))
    if not has_goals:
        steps.append(("/goals", "Set your direction: a vision and 1-2 year goals"))
    steps += [
        ("/pivots", "See the pivots within reach"),
        ("/review", "Run this month's review"),
    ]
    return steps


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    me = profile.get_profile(ctx)
    stock = inventory.summary(ctx)
    current = positions.list_positions(ctx, current_only=True)
    history = positions.list_positions(ctx)
    goals = direction.list_goals(ctx, include_closed=False)
    reviews = direction.review_history(ctx)
    points = direction.trend(reviews)
    due = today_items(ctx)
    return templates.TemplateResponse(
        request,
        "dashboard.html",
        {
            "person_id": ctx.person_id,
            "profile": me,
            "stock": stock,
            "current": [(p, month_text(p.start_date)) for p in current],
            "position_count": len(history),
            "due": [(item, link_for(item)) for item in due[:5]],
            "due_total": len(due),
            "steps": _next_steps(
                bool(me.full_name),
                stock.total,
                bool(history),
                stock.by_intent.get("add", 0),
                has_goals=bool(goals),
            ),
            "goals": goals,
            "trend": line_chart(
                points, label="Alignment by month (0-100); hollow red = missed month"
            )
            if any(v is not None for _, v in points)
            else None,
            "warnings": direction.drift_findings(ctx),
        },
    )
