"""The accomplishment log: storage scoped to the person, plus the bullet and story views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from careerceo.analysis.accomplishments import Win, missing_parts, parse_quick, to_bullet, to_star
from careerceo.errors import CareerError, NotFoundError
from careerceo.services.context import AppContext
from careerceo.store.accomplishments import AccomplishmentRepository
from careerceo.store.repositories import PositionRepository
from careerceo.store.tables import Accomplishment, Position

MAX_TEXT = 5_000
EARLIEST_YEAR = 1900
FIELDS = ("title", "situation", "action", "result", "metrics")


@dataclass
class WinView:
    id: int
    title: str
    situation: str
    action: str
    result: str
    metrics: str
    skills: list[str]
    happened_on: date | None
    position_id: int | None
    position: str
    bullet: str
    star: str
    missing: list[str]

    def as_dict(self) -> dict[str, Any]:
        data = dict(vars(self))
        data["happened_on"] = self.happened_on.isoformat() if self.happened_on else None
        return data


def win_of(row: Accomplishment, position: Position | None = None) -> Win:
    """A stored win as the analysis sees it (bullets, stories, what is missing)."""
    return Win(
        title=row.title,
        situation=row.situation,
        action=row.action,
        result=row.result,
        metrics=row.metrics,
        skills=list(row.skills or []),
        employer=position.employer if position else "",
    )


def _view(row: Accomplishment, position: Position | None) -> WinView:
    win = win_of(row, position)
    return WinView(
        id=row.id,
        title=row.title,
        situation=row.situation,
        action=row.action,
        result=row.result,
        metrics=row.metrics,
        skills=list(row.skills or []),
        happened_on=row.happened_on,
        position_id=row.position_id,
        position=f"{position.title} at {position.employer}" if position else "",
        bullet=to_bullet(win),
        star=to_star(win),
        missing=missing_parts(win),
    )


def _position(session: Session, person_id: int, position_id: int | None) -> Position | None:
    if position_id is None:
        return None
    position = PositionRepository(session, person_id).get(position_id)
    if position is None:
        raise NotFoundError(
            f"no position with id {position_id}; see `career positions list`", field="position_id"
        )
    return position


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for key in FIELDS:
        if key in values and values[key] is not None:
            text = str(values[key]).strip()
            if "\x00" in text:
                raise CareerError("contains a NUL byte; type or paste plain text", field=key)
            if len(text) > (300 if key == "title" else MAX_TEXT):
                raise CareerError(
                    f"too long (at most {300 if key == 'title' else MAX_TEXT} characters)",
                    field=key,
                )
            cleaned[key] = text
    if "skills" in values and values["skills"] is not None:
        skills = values["skills"]
        if isinstance(skills, str):
            skills = [s for s in (x.strip() for x in skills.split(",")) if s]
        if any("\x00" in str(skill) for skill in skills):
            raise CareerError("contains a NUL byte; type or paste plain text", field="skills")
        if len(skills) > 50:
            raise CareerError("at most 50 skills per accomplishment", field="skills")
        cleaned["skills"] = [str(s).strip()[:100] for s in skills if str(s).strip()]
    if "happened_on" in values:
        value = values["happened_on"]
        if isinstance(value, str) and value.strip():
            try:
                value = date.fromisoformat(value.strip())
            except ValueError as exc:
                raise CareerError("use a date like 2024-03-15", field="happened_on") from exc
        if isinstance(value, date):
            _check_when(value)
        cleaned["happened_on"] = value or None
    return cleaned


def _check_when(day: date) -> None:
    """A win is something already done, within a working life."""
    today = date.today()
    if day > today:
        raise CareerError(
            f"{day.isoformat()} is in the future; a win is something you have done - "
            f"use {today.isoformat()} or earlier",
            field="happened_on",
        )
    if day.year < EARLIEST_YEAR:
        raise CareerError(
            f"{day.isoformat()} is too far back; use a date from {EARLIEST_YEAR} on",
            field="happened_on",
        )


def add_win(ctx: AppContext, values: dict[str, Any]) -> WinView:
    cleaned = _clean(values)
    if not any(cleaned.get(k) for k in ("title", "action", "result")):
        raise CareerError("say what you did: give a title, an action or a result", field="title")
    with ctx.db.transaction() as session:
        position = _position(session, ctx.person_id, values.get("position_id"))
        row = Accomplishment(person_id=ctx.person_id, position_id=position.id if position else None)
        for key, value in cleaned.items():
            setattr(row, key, value)
        session.add(row)
        session.flush()
        return _view(row, position)


def quick_win(ctx: AppContext, text: str, **values: Any) -> WinView:
    """``career win "..."``: one line split into action, result and metrics."""
    if not text.strip():
        raise CareerError(
            'describe the win, e.g. career win "Cut build time 40% by caching"', field="text"
        )
    win = parse_quick(text)
    merged = {
        "title": win.title,
        "action": win.action,
        "result": win.result,
        "metrics": win.metrics,
        "happened_on": date.today(),
    }
    merged.update({k: v for k, v in values.items() if v not in (None, "", [])})
    return add_win(ctx, merged)


def _row(session: Session, person_id: int, win_id: int) -> Accomplishment:
    row = AccomplishmentRepository(session, person_id).get(win_id)
    if row is None:
        raise NotFoundError(
            f"no accomplishment with id {win_id}; see `career wins list`", field="id"
        )
    return row


def list_wins(ctx: AppContext) -> list[WinView]:
    with ctx.db.transaction() as session:
        rows = AccomplishmentRepository(session, ctx.person_id).list()
        positions = {p.id: p for p in PositionRepository(session, ctx.person_id).list()}
        return [_view(r, positions.get(r.position_id or -1)) for r in rows]


def get_win(ctx: AppContext, win_id: int) -> WinView:
    with ctx.db.transaction() as session:
        row = _row(session, ctx.person_id, win_id)
        return _view(row, _position(session, ctx.person_id, row.position_id))


def update_win(ctx: AppContext, win_id: int, values: dict[str, Any]) -> WinView:
    cleaned = _clean(values)
    with ctx.db.transaction() as session:
        row = _row(session, ctx.person_id, win_id)
        if "position_id" in values:
            # Checked before assignment: an unknown id must be refused, not hit the foreign key.
            _position(session, ctx.person_id, values["position_id"])
            row.position_id = values["position_id"]
        for key, value in cleaned.items():
            setattr(row, key, value)
        if not any((getattr(row, k) or "").strip() for k in ("title", "action", "result")):
            raise CareerError(
                "a win needs a title, an action or a result; leave at least one", field="title"
            )
        session.flush()
        return _view(row, _position(session, ctx.person_id, row.position_id))


def remove_win(ctx: AppContext, win_id: int) -> None:
    with ctx.db.transaction() as session:
        session.delete(_row(session, ctx.person_id, win_id))
