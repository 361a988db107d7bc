"""Use-cases for the opportunities pipeline: stages with their history, links, statistics.

Every stage change is a ``stage_change`` row with its date (backdating allowed, never before
the previous entry), so time-in-stage figures come from what happened, not from when it was
typed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from careerceo.analysis.pipeline import History, stage_statistics
from careerceo.errors import CareerError, NotFoundError
from careerceo.model.common import validate
from careerceo.model.job_search_enums import ENDED, Stage
from careerceo.model.pipeline import (
    ConversionOut,
    LinkedContact,
    LinkInput,
    MoveInput,
    OfferTerms,
    OpportunityInput,
    OpportunityOut,
    SourceOut,
    StageChangeOut,
    StageStat,
    StatsOut,
)
from careerceo.services import companies
from careerceo.services.context import AppContext
from careerceo.store.job_search import (
    CompanyRepository,
    ContactRepository,
    OpportunityContactRepository,
    OpportunityRepository,
    StageChangeRepository,
)
from careerceo.store.tables import Opportunity, OpportunityContact, StageChange

INPUT_FIELDS = tuple(f for f in OpportunityInput.model_fields if f not in {"company", "stage"})
ROW_FIELDS = tuple(
    f
    for f in OpportunityOut.model_fields
    if f not in {"company", "entered_stage_on", "history", "contacts", "offer"}
)


def not_found(opportunity_id: int) -> NotFoundError:
    return NotFoundError(
        f"there is no opportunity #{opportunity_id}; run `career opportunities list` to see "
        "the ids",
        field="opportunity",
    )


def get_row(repo: OpportunityRepository, opportunity_id: int) -> Opportunity:
    row = repo.get(opportunity_id)
    if row is None:
        raise not_found(opportunity_id)
    return row


def _out(
    row: Opportunity,
    company: str | None,
    history: list[StageChangeOut] | None = None,
    contacts: list[LinkedContact] | None = None,
    entered: date | None = None,
) -> OpportunityOut:
    return OpportunityOut(
        **{name: getattr(row, name) for name in ROW_FIELDS},
        offer=OfferTerms.model_validate(row.offer or {}),
        company=company,
        history=history or [],
        contacts=contacts or [],
        entered_stage_on=entered,
    )


def _detail(session: Session, person_id: int, row: Opportunity) -> OpportunityOut:
    names = CompanyRepository(session, person_id).names()
    history = [
        StageChangeOut.model_validate(h)
        for h in StageChangeRepository(session, person_id).for_opportunity(row.id)
    ]
    links = [
        LinkedContact(contact_id=link.contact_id, name=name, role=link.role)
        for link, name in OpportunityContactRepository(session, person_id).for_opportunity(row.id)
    ]
    return _out(
        row,
        names.get(row.company_id) if row.company_id else None,
        history,
        links,
        history[-1].entered_on if history else None,
    )


def list_opportunities(
    ctx: AppContext, *, stage: str | None = None, company_id: int | None = None
) -> list[OpportunityOut]:
    if stage is not None:
        stage = validate(MoveInput, {"stage": stage}).stage
    with ctx.db.transaction() as session:
        names = CompanyRepository(session, ctx.person_id).names()
        entered = {
            oid: entries[-1][1]
            for oid, entries in StageChangeRepository(session, ctx.person_id).histories().items()
        }
        rows = OpportunityRepository(session, ctx.person_id).filtered(
            stage=stage, company_id=company_id
        )
        return [
            _out(
                r,
                names.get(r.company_id) if r.company_id else None,
                entered=entered.get(r.id),
            )
            for r in rows
        ]


def get_opportunity(ctx: AppContext, opportunity_id: int) -> OpportunityOut:
    with ctx.db.transaction() as session:
        row = get_row(OpportunityRepository(session, ctx.person_id), opportunity_id)
        return _detail(session, ctx.person_id, row)


def _check_posting(repo: OpportunityRepository, posting_id: int | None) -> None:
    if posting_id is not None and not repo.posting_exists(posting_id):
        raise NotFoundError(
            f"there is no saved posting #{posting_id}; save it first (career resume tailor)",
            field="posting_id",
        )


def _values(data: OpportunityInput) -> dict[str, Any]:
    values = data.model_dump(include=set(INPUT_FIELDS))
    values["offer"] = {} if data.offer.is_empty() else data.offer.model_dump(mode="json")
    return values


def _check_reason(stage: str, reason: str) -> None:
    if stage == Stage.CLOSED and not reason:
        raise CareerError(
            "closing needs a reason: rejected, withdrawn, position filled or no response "
            "(e.g. --reason rejected)",
            field="reason",
        )
    if stage != Stage.CLOSED and reason:
        raise CareerError("a reason is given only when the stage is closed", field="reason")


def add_opportunity(
    ctx: AppContext,
    data: OpportunityInput | Mapping[str, Any],
    *,
    entered_on: date | None = None,
    history: list[tuple[str, date]] | None = None,
) -> OpportunityOut:
    """Add an opportunity; ``history`` (oldest first) backdates how it got to its stage."""
    entry = data if isinstance(data, OpportunityInput) else validate(OpportunityInput, data)
    _check_reason(entry.stage, entry.closed_reason)
    with ctx.db.transaction() as session:
        return _insert(session, ctx.person_id, entry, entered_on, history)


def _insert(
    session: Session,
    person_id: int,
    entry: OpportunityInput,
    entered_on: date | None,
    history: list[tuple[str, date]] | None,
) -> OpportunityOut:
    repo = OpportunityRepository(session, person_id)
    _check_posting(repo, entry.posting_id)
    company = companies.resolve(CompanyRepository(session, person_id), entry.company)
    row = repo.add(
        Opportunity(
            **_values(entry),
            stage=entry.stage,
            company_id=company.id if company else None,
        )
    )
    stages = StageChangeRepository(session, person_id)
    entries = history or [(entry.stage, entered_on or date.today())]
    for seq, (stage, on) in enumerate(entries):
        stages.add(
            StageChange(
                opportunity_id=row.id,
                stage=stage,
                entered_on=on,
                seq=seq,
                reason=entry.closed_reason if stage == Stage.CLOSED else "",
            )
        )
    return _detail(session, person_id, row)


def move(
    ctx: AppContext,
    opportunity_id: int,
    data: MoveInput | Mapping[str, Any],
    today: date | None = None,
) -> OpportunityOut:
    change = data if isinstance(data, MoveInput) else validate(MoveInput, data)
    _check_reason(change.stage, change.reason)
    on = change.on or today or date.today()
    with ctx.db.transaction() as session:
        repo = OpportunityRepository(session, ctx.person_id)
        row = get_row(repo, opportunity_id)
        if row.stage == change.stage:
            raise CareerError(
                f"#{row.id} {row.title} is already at {row.stage}; choose another stage",
                field="stage",
            )
        stages = StageChangeRepository(session, ctx.person_id)
        past = stages.for_opportunity(row.id)
        if past and on < past[-1].entered_on:
            raise CareerError(
                f"#{row.id} entered {past[-1].stage} on {past[-1].entered_on}; a later stage "
                "cannot begin before that",
                field="date",
            )
        stages.add(
            StageChange(
                opportunity_id=row.id,
                stage=change.stage,
                entered_on=on,
                seq=len(past),
                reason=change.reason,
                note=change.note,
            )
        )
        values: dict[str, Any] = {"stage": change.stage, "closed_reason": change.reason}
        if change.stage == Stage.APPLIED and row.applied_on is None:
            values["applied_on"] = on
        if Stage(change.stage) in ENDED:
            values["next_action_due"] = None
        repo.update(row, values)
        return _detail(session, ctx.person_id, row)


def update_opportunity(
    ctx: AppContext, opportunity_id: int, changes: Mapping[str, Any]
) -> OpportunityOut:
    """Edit fields; a different stage is recorded as a move (with today's date)."""
    changes = dict(changes)
    new_stage = changes.pop("stage", None)
    reason = changes.pop("closed_reason", None)
    wanted: MoveInput | None = None
    if new_stage is not None or reason is not None:
        current_stage = get_opportunity(ctx, opportunity_id).stage
        wanted = validate(
            MoveInput,
            {"stage": current_stage if new_stage is None else new_stage, "reason": reason or ""},
        )
        if wanted.stage == current_stage:
            wanted = None
        else:
            _check_reason(wanted.stage, wanted.reason)
    with ctx.db.transaction() as session:
        repo = OpportunityRepository(session, ctx.person_id)
        row = get_row(repo, opportunity_id)
        names = CompanyRepository(session, ctx.person_id).names()
        current = _out(row, names.get(row.company_id) if row.company_id else None).model_dump(
            mode="json", include=set(OpportunityInput.model_fields)
        )
        merged = validate(OpportunityInput, {**current, **changes})
        _check_posting(repo, merged.posting_id)
        company = companies.resolve(CompanyRepository(session, ctx.person_id), merged.company)
        values = _values(merged)
        values["company_id"] = company.id if company else None
        values.pop("closed_reason", None)
        repo.update(row, values)
    if wanted is not None:
        return move(ctx, opportunity_id, wanted)
    return get_opportunity(ctx, opportunity_id)


def remove_opportunity(ctx: AppContext, opportunity_id: int) -> OpportunityOut:
    with ctx.db.transaction() as session:
        repo = OpportunityRepository(session, ctx.person_id)
        row = get_row(repo, opportunity_id)
        removed = _detail(session, ctx.person_id, row)
        repo.delete(row)
        return removed


def link_contact(
    ctx: AppContext, opportunity_id: int, data: LinkInput | Mapping[str, Any]
) -> OpportunityOut:
    link = data if isinstance(data, LinkInput) else validate(LinkInput, data)
    with ctx.db.transaction() as session:
        row = get_row(OpportunityRepository(session, ctx.person_id), opportunity_id)
        contact = ContactRepository(session, ctx.person_id).get(link.contact_id)
        if contact is None:
            raise NotFoundError(
                f"there is no contact #{link.contact_id}; run `career contacts list`",
                field="contact_id",
            )
        links = OpportunityContactRepository(session, ctx.person_id)
        if links.find(row.id, contact.id, link.role) is None:
            links.add(
                OpportunityContact(opportunity_id=row.id, contact_id=contact.id, role=link.role)
            )
        return _detail(session, ctx.person_id, row)


def statistics(ctx: AppContext) -> StatsOut:
    with ctx.db.transaction() as session:
        rows = OpportunityRepository(session, ctx.person_id).list()
        histories = StageChangeRepository(session, ctx.person_id).histories()
        referred = OpportunityContactRepository(session, ctx.person_id).referred_opportunities()
        items = [
            History(
                r.stage,
                histories.get(r.id, [(r.stage, r.created_at.date())]),
                r.source or ("referral" if r.id in referred else ""),
            )
            for r in rows
        ]
    stats = stage_statistics(items)
    return StatsOut(
        total=stats.total,
        stages={
            f.stage: StageStat(
                count=f.count, reached=f.reached, median_days=f.median_days, stays=f.stays
            )
            for f in stats.stages
        },
        conversions=[ConversionOut(**vars(c)) for c in stats.conversions],
        sources=[SourceOut(**vars(s)) for s in stats.sources],
    )
