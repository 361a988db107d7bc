"""30-60-90-day plans: prefilled from O*NET tasks and a saved posting, edited, exported."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel

from careerceo.analysis import plan306090 as plans
from careerceo.documents import plan306090 as render
from careerceo.errors import CareerError, NotFoundError
from careerceo.knowledge import load_knowledge
from careerceo.model.common import validate
from careerceo.model.plan306090 import PlanNewIn, PlanSectionIn
from careerceo.services.context import AppContext
from careerceo.services.pitch import singular
from careerceo.store.interview_repositories import (
    OpportunityLinks,
    Plan306090Repository,
    PostingLinks,
)
from careerceo.store.tables import Plan306090

HOT_TOOLS = 3


class PhaseView(BaseModel):
    key: str
    name: str
    goals: list[str]
    actions: list[str]
    measures: list[str]


class PlanView(BaseModel):
    id: int
    title: str
    occupation_code: str | None
    opportunity_id: int | None
    posting_id: int | None
    phases: list[PhaseView]
    stakeholders: list[str]
    quick_wins: list[str]
    learn: list[str]
    sources: list[str]
    updated_at: datetime


def _view(row: Plan306090) -> PlanView:
    content = plans.content_from(dict(row.content or {}))
    return PlanView(
        id=row.id,
        title=row.title,
        occupation_code=row.occupation_code,
        opportunity_id=row.opportunity_id,
        posting_id=row.posting_id,
        phases=[PhaseView(**vars(p)) for p in content.phases],
        stakeholders=content.stakeholders,
        quick_wins=content.quick_wins,
        learn=content.learn,
        sources=content.sources,
        updated_at=row.updated_at,
    )


def new_plan(ctx: AppContext, values: dict[str, object]) -> PlanView:
    """A plan prefilled from the target occupation's tasks and the posting's requirements."""
    data = validate(PlanNewIn, values)
    if not (data.occupation_code or data.opportunity_id or data.posting_id):
        raise CareerError(
            "say what the plan is for: --occupation CODE (an O*NET-SOC code), --opportunity ID "
            "or --posting ID",
            field="occupation_code",
        )
    kb = load_knowledge()
    code = data.occupation_code
    role, employer, requirements, sources = data.title, data.employer, [], []
    with ctx.db.transaction() as session:
        posting_id = data.posting_id
        if data.opportunity_id is not None:
            opp = OpportunityLinks(session, ctx.person_id).get(data.opportunity_id)
            if opp is None:
                raise NotFoundError(
                    f"no opportunity with id {data.opportunity_id} in your pipeline",
                    field="opportunity_id",
                )
            role = role or opp.title
            posting_id = posting_id or opp.posting_id
        if posting_id is not None:
            posting = PostingLinks(session, ctx.person_id).get(posting_id)
            if posting is None:
                raise NotFoundError(
                    f"no saved job posting with id {posting_id}", field="posting_id"
                )
            role = role or posting.title
            employer = employer or posting.company_name
            code = code or posting.occupation_code
            requirements = plans.requirement_lines(posting.text)
            sources.append(f"saved posting #{posting.id} ({posting.title})")
    tasks: list[str] = []
    tools: list[str] = []
    if code:
        occ = kb.occupation(code)
        code = occ.code
        role = role or singular(occ.title)
        tasks = [t.text for t in kb.tasks_for(code)]
        # the kinds of software the occupation lists most examples of (not one product, which
        # would be the alphabetically first of dozens)
        kinds = Counter(t.commodity.title for t in kb.tech_skills_for(code))
        tools = [name for name, _ in kinds.most_common(HOT_TOOLS)]
        sources.insert(0, f"{kb.source.onet} tasks and technology of {occ.title} ({occ.code})")
    content = plans.skeleton(
        role=role or "new",
        employer=employer,
        tasks=tasks,
        requirements=requirements,
        tools=tools,
        sources=sources,
    )
    title = f"30-60-90-day plan: {role}" + (f", {employer}" if employer else "")
    with ctx.db.transaction() as session:
        row = Plan306090Repository(session, ctx.person_id).add(
            Plan306090(
                title=title[:300],
                occupation_code=code,
                opportunity_id=data.opportunity_id,
                posting_id=posting_id,
                content=content.as_dict(),
            )
        )
        return _view(row)


def _row(repo: Plan306090Repository, plan_id: int) -> Plan306090:
    row = repo.get(plan_id)
    if row is None:
        raise NotFoundError(
            f"no 30-60-90 plan with id {plan_id}; see `career plan306090 list`", field="id"
        )
    return row


def get_plan(ctx: AppContext, plan_id: int) -> PlanView:
    with ctx.db.transaction() as session:
        repo = Plan306090Repository(session, ctx.person_id)
        return _view(_row(repo, plan_id))


def list_plans(ctx: AppContext) -> list[PlanView]:
    with ctx.db.transaction() as session:
        return [_view(r) for r in Plan306090Repository(session, ctx.person_id).list()]


def set_section(ctx: AppContext, plan_id: int, section: str, lines: list[str] | str) -> PlanView:
    """Replace one section's lines (``30.goals``, ``stakeholders`` ...) with the person's own."""
    data = validate(PlanSectionIn, {"section": section, "lines": lines})
    with ctx.db.transaction() as session:
        repo = Plan306090Repository(session, ctx.person_id)
        row = _row(repo, plan_id)
        content = plans.content_from(dict(row.content or {}))
        if "." in data.section:
            key, part = data.section.split(".")
            phase = next(p for p in content.phases if p.key == key)
            setattr(phase, part, data.lines)
        else:
            setattr(content, data.section, data.lines)
        repo.update(row, {"content": content.as_dict()})
        return _view(row)


def set_title(ctx: AppContext, plan_id: int, title: str) -> PlanView:
    clean = " ".join(title.split())
    if not clean or len(clean) > 300:
        raise CareerError("the title must be 1 to 300 characters", field="title")
    with ctx.db.transaction() as session:
        repo = Plan306090Repository(session, ctx.person_id)
        row = _row(repo, plan_id)
        repo.update(row, {"title": clean})
        return _view(row)


def remove_plan(ctx: AppContext, plan_id: int) -> None:
    with ctx.db.transaction() as session:
        repo = Plan306090Repository(session, ctx.person_id)
        repo.delete(_row(repo, plan_id))


def _content(view: PlanView) -> plans.PlanContent:
    return plans.PlanContent(
        [plans.Phase(**p.model_dump()) for p in view.phases],
        stakeholders=view.stakeholders,
        quick_wins=view.quick_wins,
        learn=view.learn,
        sources=view.sources,
    )


def _subtitle(ctx: AppContext) -> str:
    from careerceo.store.repositories import PersonRepository

    with ctx.db.transaction() as session:
        name = PersonRepository(session, ctx.person_id).get().full_name
    return f"Prepared by {name}" if name else ""


def export_markdown(ctx: AppContext, plan_id: int) -> str:
    view = get_plan(ctx, plan_id)
    return render.to_markdown(view.title, _subtitle(ctx), _content(view))


def export_pdf(ctx: AppContext, plan_id: int) -> bytes:
    view = get_plan(ctx, plan_id)
    return render.to_pdf(view.title, _subtitle(ctx), _content(view))


def export_file(ctx: AppContext, plan_id: int, path: Path) -> str:
    """Write ``path`` as Markdown (.md) or PDF (.pdf); the suffix picks the format."""
    suffix = path.suffix.lower()
    if suffix not in {".md", ".pdf"}:
        raise CareerError(
            f"cannot tell the format from {path.name!r}; name the file .md or .pdf", field="file"
        )
    data: bytes = (
        export_pdf(ctx, plan_id)
        if suffix == ".pdf"
        else export_markdown(ctx, plan_id).encode("utf-8")
    )
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CareerError(f"cannot write {path}: {exc.strerror}", field="file") from exc
    return suffix[1:]
