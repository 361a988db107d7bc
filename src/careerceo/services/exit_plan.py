"""The exit plan for the current role: dates, relationships, disputes, handover, references,
a dated checklist and the restrictive covenants the person recorded (noted, not interpreted)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from careerceo.actions import Action, ActionKind
from careerceo.analysis import exit_plan as leaving
from careerceo.errors import CareerError, NotFoundError
from careerceo.model.common import validate
from careerceo.model.exit_plan import ExitItemIn, ExitItemKind, ExitPlanIn
from careerceo.services.context import AppContext
from careerceo.services.records import merged, require
from careerceo.store.interview_repositories import (
    ContactLinks,
    ExitItemRepository,
    ExitPlanRepository,
)
from careerceo.store.repositories import PersonRepository, PositionRepository
from careerceo.store.tables import ExitItem, ExitPlan


def _no_position(position_id: int) -> NotFoundError:
    return NotFoundError(
        f"no position with id {position_id}; the list of positions shows the ids",
        field="position_id",
        action=Action(ActionKind.POSITIONS),
    )


class ExitItemView(BaseModel):
    id: int
    kind: str
    title: str
    detail: str
    status: str
    due_on: date | None
    overdue: bool
    contact_id: int | None
    contact: str
    counterpart: str
    cadence_days: int | None
    next_follow_up: date | None
    covenant_type: str | None
    touches: list[int]
    flags: list[str]


class DueView(BaseModel):
    on: date
    title: str
    kind: str
    uid: str


class ExitPlanView(BaseModel):
    id: int
    employer: str
    position_id: int | None
    notice_given_on: date | None
    last_day: date
    days_left: int
    notes: str
    items: list[ExitItemView]
    counts: dict[str, dict[str, int]]  # kind -> status -> n
    due: list[DueView]
    overdue: int
    note: str


def _today(today: date | None) -> date:
    return today or date.today()


def _plan(session: Session, person_id: int) -> ExitPlan:
    plan = ExitPlanRepository(session, person_id).current()
    if plan is None:
        raise NotFoundError(
            "no exit plan yet; start one with your last day",
            field="exit_plan",
            action=Action(ActionKind.EXIT_START),
        )
    return plan


def _check_future(last_day: date, today: date) -> None:
    if last_day < today:
        raise CareerError(
            f"last_day {last_day.isoformat()} is in the past; give your coming last day "
            f"({today.isoformat()} or later)",
            field="last_day",
        )


def new_plan(ctx: AppContext, values: dict[str, Any], *, today: date | None = None) -> ExitPlanView:
    """Start the exit plan, with the default dated checklist."""
    now = _today(today)
    data = validate(ExitPlanIn, values)
    _check_future(data.last_day, now)
    with ctx.db.transaction() as session:
        plans = ExitPlanRepository(session, ctx.person_id)
        current = plans.current()
        if current is not None and current.last_day >= now:
            raise CareerError(
                f"you already have an exit plan (last day {current.last_day.isoformat()}); "
                "change its dates in the exit plan",
                field="last_day",
                action=Action(ActionKind.EXIT),
            )
        employer = data.employer
        if data.position_id is not None:
            pos = require(
                PositionRepository(session, ctx.person_id), data.position_id, _no_position
            )
            employer = employer or pos.employer
        else:
            current_jobs = [
                p for p in PositionRepository(session, ctx.person_id).list() if p.end_date is None
            ]
            if len(current_jobs) == 1 and not employer:
                employer = current_jobs[0].employer
        plan = plans.add(
            ExitPlan(
                employer=employer,
                position_id=data.position_id,
                notice_given_on=data.notice_given_on,
                last_day=data.last_day,
                notes=data.notes,
            )
        )
        items = ExitItemRepository(session, ctx.person_id)
        for title, due in leaving.default_checklist(data.last_day, data.notice_given_on, now):
            items.add(ExitItem(exit_plan_id=plan.id, kind="checklist", title=title, due_on=due))
        return _view(session, ctx.person_id, plan, now)


def edit_plan(
    ctx: AppContext, values: dict[str, Any], *, today: date | None = None
) -> ExitPlanView:
    now = _today(today)
    with ctx.db.transaction() as session:
        plan = _plan(session, ctx.person_id)
        data = merged(ExitPlanIn, plan, values, none_keeps=True)
        if data.last_day != plan.last_day:
            _check_future(data.last_day, now)
        ExitPlanRepository(session, ctx.person_id).update(plan, data.model_dump())
        return _view(session, ctx.person_id, plan, now)


def _uid_of(session: Session, person_id: int, plan_id: int, item_ids: list[int]) -> list[str]:
    repo = ExitItemRepository(session, person_id)
    uids = []
    for item_id in item_ids:
        row = repo.get(item_id)
        if row is None or row.exit_plan_id != plan_id:
            raise NotFoundError(
                f"no exit item with id {item_id} in your exit plan; the plan lists the ids",
                field="touches",
                action=Action(ActionKind.EXIT),
            )
        if row.kind not in {"relationship", "handover", "reference"}:
            raise CareerError(
                f"item {item_id} is a {row.kind}; a covenant touches relationships, handover "
                "items or references",
                field="touches",
            )
        uids.append(row.uid)
    return uids


def _checked(session: Session, person_id: int, plan: ExitPlan, data: ExitItemIn) -> dict[str, Any]:
    if (
        data.contact_id is not None
        and ContactLinks(session, person_id).get(data.contact_id) is None
    ):
        raise NotFoundError(
            f"no contact with id {data.contact_id} in your network", field="contact_id"
        )
    values = data.model_dump(exclude={"touches"})
    values["kind"] = data.kind.value
    values["status"] = data.status.value
    values["covenant_type"] = data.covenant_type.value if data.covenant_type else None
    if data.kind is ExitItemKind.RELATIONSHIP and data.cadence_days is None:
        values["cadence_days"] = leaving.DEFAULT_CADENCE
    values["touches"] = _uid_of(session, person_id, plan.id, data.touches)
    return values


def _keep_in_network(session: Session, person_id: int, values: dict[str, Any]) -> None:
    """A relationship to keep, linked to a contact, continues in the network's follow-ups:
    the contact takes the item's cadence unless the person already set one for them."""
    if values.get("kind") != "relationship" or values.get("contact_id") is None:
        return
    links = ContactLinks(session, person_id)
    contact = links.get(values["contact_id"])
    if contact is not None and contact.cadence_days is None:
        links.update(contact, {"cadence_days": values["cadence_days"]})


def add_item(ctx: AppContext, values: dict[str, Any], *, today: date | None = None) -> ExitItemView:
    now = _today(today)
    data = validate(ExitItemIn, values)
    with ctx.db.transaction() as session:
        plan = _plan(session, ctx.person_id)
        checked = _checked(session, ctx.person_id, plan, data)
        row = ExitItemRepository(session, ctx.person_id).add(
            ExitItem(exit_plan_id=plan.id, **checked)
        )
        _keep_in_network(session, ctx.person_id, checked)
        view = _view(session, ctx.person_id, plan, now)
        return next(i for i in view.items if i.id == row.id)


def _item(session: Session, person_id: int, plan: ExitPlan, item_id: int) -> ExitItem:
    row = ExitItemRepository(session, person_id).get(item_id)
    if row is None or row.exit_plan_id != plan.id:
        raise NotFoundError(
            f"no exit item with id {item_id}; the plan lists the ids",
            field="item_id",
            action=Action(ActionKind.EXIT),
        )
    return row


def update_item(
    ctx: AppContext, item_id: int, values: dict[str, Any], *, today: date | None = None
) -> ExitItemView:
    now = _today(today)
    with ctx.db.transaction() as session:
        plan = _plan(session, ctx.person_id)
        row = _item(session, ctx.person_id, plan, item_id)
        ids = {r.uid: r.id for r in ExitItemRepository(session, ctx.person_id).for_plan(plan.id)}
        touches = [ids[u] for u in row.touches or [] if u in ids]  # stored as uids
        given = {k: v for k, v in values.items() if v is not None}
        data = merged(ExitItemIn, row, {"touches": touches, **given})
        checked = _checked(session, ctx.person_id, plan, data)
        ExitItemRepository(session, ctx.person_id).update(row, checked)
        _keep_in_network(session, ctx.person_id, checked)
        view = _view(session, ctx.person_id, plan, now)
        return next(i for i in view.items if i.id == row.id)


def remove_item(ctx: AppContext, item_id: int) -> None:
    with ctx.db.transaction() as session:
        plan = _plan(session, ctx.person_id)
        ExitItemRepository(session, ctx.person_id).delete(
            _item(session, ctx.person_id, plan, item_id)
        )


def _as_item(row: ExitItem) -> leaving.Item:
    return leaving.Item(
        uid=row.uid,
        kind=row.kind,
        title=row.title,
        status=row.status,
        due_on=row.due_on,
        cadence_days=row.cadence_days,
        covenant_type=row.covenant_type,
        touches=tuple(row.touches or ()),
        in_network=row.kind == "relationship" and row.contact_id is not None,
    )


def _view(session: Session, person_id: int, plan: ExitPlan, today: date) -> ExitPlanView:
    rows = list(ExitItemRepository(session, person_id).for_plan(plan.id))
    contacts = {c.id: c.name for c in ContactLinks(session, person_id).list()}
    items = [_as_item(r) for r in rows]
    flags: dict[str, list[str]] = {}
    titles = {i.uid: i.title for i in items}
    for flag in leaving.covenant_flags(items):
        flags.setdefault(flag.item_uid, []).append(flag.message)
        flags.setdefault(flag.covenant_uid, []).append(
            f"may touch '{titles.get(flag.item_uid, '')}'. {leaving.NOT_LEGAL_ADVICE}"
        )
    ids = {r.uid: r.id for r in rows}
    counts: dict[str, dict[str, int]] = {}
    for r in rows:
        by_status = counts.setdefault(r.kind, {})
        by_status[r.status] = by_status.get(r.status, 0) + 1
    views = [
        ExitItemView(
            id=r.id,
            kind=r.kind,
            title=r.title,
            detail=r.detail,
            status=r.status,
            due_on=r.due_on,
            overdue=bool(r.due_on and r.due_on < today and r.status not in leaving.CLOSED),
            contact_id=r.contact_id,
            contact=contacts.get(r.contact_id or 0, ""),
            counterpart=r.counterpart,
            cadence_days=r.cadence_days,
            next_follow_up=(
                leaving.next_follow_up(plan.last_day, r.cadence_days, today)
                if r.kind == "relationship" and r.cadence_days and r.status not in leaving.CLOSED
                else None
            ),
            covenant_type=r.covenant_type,
            touches=[ids[u] for u in r.touches or [] if u in ids],
            flags=flags.get(r.uid, []),
        )
        for r in rows
    ]
    due = leaving.due_items(
        plan_uid=plan.uid,
        last_day=plan.last_day,
        notice_given_on=plan.notice_given_on,
        items=items,
        today=today,
    )
    summary = leaving.summary(plan.last_day, items, today)
    return ExitPlanView(
        id=plan.id,
        employer=plan.employer,
        position_id=plan.position_id,
        notice_given_on=plan.notice_given_on,
        last_day=plan.last_day,
        days_left=summary.days_left,
        notes=plan.notes,
        items=views,
        counts=counts,
        due=[DueView(on=d.on, title=d.title, kind=d.kind, uid=d.uid) for d in due],
        overdue=summary.overdue,
        note=leaving.NOT_LEGAL_ADVICE,
    )


def show(ctx: AppContext, *, today: date | None = None) -> ExitPlanView:
    with ctx.db.transaction() as session:
        return _view(session, ctx.person_id, _plan(session, ctx.person_id), _today(today))


def current_summary(ctx: AppContext, *, today: date | None = None) -> leaving.ExitSummary | None:
    """For the direction dashboard's "Leaving the old job": None without an exit plan."""
    now = _today(today)
    with ctx.db.transaction() as session:
        plan = ExitPlanRepository(session, ctx.person_id).current()
        if plan is None:
            return None
        rows = ExitItemRepository(session, ctx.person_id).for_plan(plan.id)
        return leaving.summary(plan.last_day, [_as_item(r) for r in rows], now)


def due_items(ctx: AppContext, *, today: date | None = None) -> list[leaving.Due]:
    """Open dated exit items and keep-in-touch dates as plain values, for `career today` and
    the calendar (empty without an exit plan)."""
    now = _today(today)
    with ctx.db.transaction() as session:
        plan = ExitPlanRepository(session, ctx.person_id).current()
        if plan is None:
            return []
        rows = ExitItemRepository(session, ctx.person_id).for_plan(plan.id)
        return leaving.due_items(
            plan_uid=plan.uid,
            last_day=plan.last_day,
            notice_given_on=plan.notice_given_on,
            items=[_as_item(r) for r in rows],
            today=now,
        )


def resignation_letter(ctx: AppContext, *, today: date | None = None) -> str:
    """A draft from the exit plan, the position left and the profile name; blanks for the rest."""
    now = _today(today)
    with ctx.db.transaction() as session:
        plan = _plan(session, ctx.person_id)
        title = ""
        positions = PositionRepository(session, ctx.person_id)
        if plan.position_id is not None:
            pos = positions.get(plan.position_id)
            title = pos.title if pos else ""
        else:
            current = [p for p in positions.list() if p.end_date is None]
            if len(current) == 1 and current[0].employer == plan.employer:
                title = current[0].title
        handover = [
            r.title
            for r in ExitItemRepository(session, ctx.person_id).for_plan(plan.id)
            if r.kind == "handover" and r.status != "dropped"
        ]
        name = PersonRepository(session, ctx.person_id).get().full_name
        return leaving.resignation_letter(
            name=name,
            title=title,
            employer=plan.employer,
            last_day=plan.last_day,
            written_on=plan.notice_given_on or now,
            handover=handover,
        )
