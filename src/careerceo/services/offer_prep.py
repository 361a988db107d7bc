"""Offer preparation per opportunity: the person's own figures and words, checked, as a sheet."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from careerceo.actions import Action, ActionKind
from careerceo.analysis import offer_prep as analysis
from careerceo.errors import NotFoundError
from careerceo.model.common import validate
from careerceo.model.offer_prep import OfferPrepIn
from careerceo.services.context import AppContext
from careerceo.services.interview import record_texts
from careerceo.services.records import merged, require
from careerceo.store.interview_repositories import (
    CompanyLinks,
    OfferPrepRepository,
    OpportunityLinks,
)
from careerceo.store.tables import OfferPrep


class PointView(BaseModel):
    ask: str
    why: str


class OfferView(BaseModel):
    id: int
    opportunity_id: int | None
    title: str
    company: str
    stated_before: str
    terms: dict[str, str]
    points: list[PointView]
    walk_away: str
    notes: str
    warnings: list[str]
    markdown: str


def _view(session: Session, person_id: int, row: OfferPrep) -> OfferView:
    title = row.company
    record = record_texts(session, person_id)
    if row.opportunity_id is not None:
        opp = OpportunityLinks(session, person_id).get(row.opportunity_id)
        if opp is not None:
            title = f"{opp.title}" + (f" at {row.company}" if row.company else "")
            # the posting's pay and the person's own negotiation notes are figures they hold
            record += [opp.posted_pay, opp.stated_pay, opp.negotiation_notes]
    title = title or f"offer #{row.id}"
    points = [analysis.Point(str(p.get("ask", "")), str(p.get("why", ""))) for p in row.points]
    terms = {str(k): str(v) for k, v in (row.terms or {}).items()}
    warnings = analysis.unsupported_figures(points, row.walk_away, row.stated_before, terms, record)
    return OfferView(
        id=row.id,
        opportunity_id=row.opportunity_id,
        title=title,
        company=row.company,
        stated_before=row.stated_before,
        terms=terms,
        points=[PointView(ask=p.ask, why=p.why) for p in points],
        walk_away=row.walk_away,
        notes=row.notes,
        warnings=warnings,
        markdown=analysis.sheet(
            title=title,
            stated_before=row.stated_before,
            terms=terms,
            points=points,
            walk_away=row.walk_away,
            notes=row.notes,
            warnings=warnings,
        ),
    )


def _values(data: OfferPrepIn) -> dict[str, Any]:
    values = data.model_dump()
    values["points"] = [p.model_dump() for p in data.points]
    return values


def _check_opportunity(session: Session, person_id: int, opportunity_id: int | None) -> None:
    if (
        opportunity_id is not None
        and OpportunityLinks(session, person_id).get(opportunity_id) is None
    ):
        raise NotFoundError(f"no opportunity with id {opportunity_id}", field="opportunity_id")


def _term(value: object) -> str:
    """An offer amount as written on an offer (95,000), other terms as recorded."""
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    return str(value)


def _from_pipeline(session: Session, person_id: int, data: OfferPrepIn) -> None:
    """What the opportunity's pay record already holds: what was stated before, and to whom;
    the offer's terms as recorded. Only what the person left blank is filled."""
    if data.opportunity_id is None:
        return
    opp = OpportunityLinks(session, person_id).get(data.opportunity_id)
    if opp is None:
        raise NotFoundError(f"no opportunity with id {data.opportunity_id}", field="opportunity_id")
    if not data.stated_before and opp.stated_pay:
        data.stated_before = opp.stated_pay + (
            f" (said to {opp.stated_to})" if opp.stated_to else ""
        )
    if not data.terms and opp.offer:
        data.terms = {
            str(k).replace("_", " "): _term(v)
            for k, v in opp.offer.items()
            if v not in (None, "", [], {})
        }
    if not data.company and opp.company_id is not None:
        firm = CompanyLinks(session, person_id).get(opp.company_id)
        data.company = firm.name if firm else ""


def new_prep(ctx: AppContext, values: dict[str, Any]) -> OfferView:
    data = validate(OfferPrepIn, values)
    with ctx.db.transaction() as session:
        _from_pipeline(session, ctx.person_id, data)
        row = OfferPrepRepository(session, ctx.person_id).add(OfferPrep(**_values(data)))
        return _view(session, ctx.person_id, row)


def _row(session: Session, person_id: int, prep_id: int) -> OfferPrep:
    return require(OfferPrepRepository(session, person_id), prep_id, _missing)


def _missing(prep_id: int) -> NotFoundError:
    return NotFoundError(
        f"no offer prep with id {prep_id}; the list shows the ids",
        field="id",
        action=Action(ActionKind.OFFER_PREP),
    )


def update_prep(ctx: AppContext, prep_id: int, values: dict[str, Any]) -> OfferView:
    """Change some parts; ``points`` and ``terms`` given replace the old ones whole."""
    with ctx.db.transaction() as session:
        row = _row(session, ctx.person_id, prep_id)
        data = merged(OfferPrepIn, row, values, none_keeps=True)
        _check_opportunity(session, ctx.person_id, data.opportunity_id)
        OfferPrepRepository(session, ctx.person_id).update(row, _values(data))
        return _view(session, ctx.person_id, row)


def get_prep(ctx: AppContext, prep_id: int) -> OfferView:
    with ctx.db.transaction() as session:
        return _view(session, ctx.person_id, _row(session, ctx.person_id, prep_id))


def list_preps(ctx: AppContext) -> list[OfferView]:
    with ctx.db.transaction() as session:
        return [
            _view(session, ctx.person_id, r)
            for r in OfferPrepRepository(session, ctx.person_id).list()
        ]
