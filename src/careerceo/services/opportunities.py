"""Use-cases for the opportunities pipeline: stages with their history, links, statistics.

Every stage change is a ``stage_change`` row with its date (backdating allowed, never before
the previous entry), so time-in-stage figures come from what happened, not from when it was
typed in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pydantic_core import PydanticCustomError
from sqlalchemy.orm import Session

from careerceo.actions import Action, ActionKind
from careerceo.analysis.email_stage import StageSuggestion, suggest_stage
from careerceo.analysis.names import company_key
from careerceo.analysis.offers import Comparison, OfferFacts
from careerceo.analysis.offers import compare_offers as compare
from careerceo.analysis.pipeline import History, stage_statistics
from careerceo.documents.eml import eml_text
from careerceo.errors import CareerError, NotFoundError, unknown_id
from careerceo.model.common import validate
from careerceo.model.job_search_enums import ENDED, Stage
from careerceo.model.job_search_fields import criterion_name
from careerceo.model.pipeline import (
    BoardCard,
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
from careerceo.services.records import require
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
    return unknown_id(
        "opportunity",
        opportunity_id,
        field="opportunity",
        listed_by=Action(ActionKind.PIPELINE),
    )


def get_row(repo: OpportunityRepository, opportunity_id: int) -> Opportunity:
    return require(repo, opportunity_id, not_found)


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
        rows = OpportunityRepository(session, ctx.person_id).filtered_with_names(
            stage=stage, company_id=company_id
        )
        return [_out(row, company, entered=entered) for row, company, entered in rows]


def board_cards(ctx: AppContext) -> list[BoardCard]:
    """Every opportunity as a card (most recently changed first), in one query."""
    with ctx.db.transaction() as session:
        return OpportunityRepository(session, ctx.person_id).cards()


def get_opportunity(ctx: AppContext, opportunity_id: int) -> OpportunityOut:
    with ctx.db.transaction() as session:
        row = get_row(OpportunityRepository(session, ctx.person_id), opportunity_id)
        return _detail(session, ctx.person_id, row)


def _check_posting(repo: OpportunityRepository, posting_id: int | None) -> None:
    if posting_id is not None and not repo.posting_exists(posting_id):
        raise NotFoundError(
            f"there is no saved posting #{posting_id}; save it first",
            field="posting_id",
            action=Action(ActionKind.TAILOR),
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


def add_many(
    ctx: AppContext, entries: Sequence[tuple[OpportunityInput, list[tuple[str, date]]]]
) -> list[int]:
    """Add several opportunities with their backdated histories in one transaction (an
    import): all of them or, on the first refusal, none."""
    for entry, _ in entries:
        _check_reason(entry.stage, entry.closed_reason)
    with ctx.db.transaction() as session:
        return [_insert(session, ctx.person_id, e, None, h).id for e, h in entries]


def known_keys(ctx: AppContext) -> tuple[set[str], set[tuple[str, str]]]:
    """URLs and (company, title) pairs already in the pipeline, to keep a re-import from
    adding the same application twice."""
    with ctx.db.transaction() as session:
        names = CompanyRepository(session, ctx.person_id).names()
        urls: set[str] = set()
        pairs: set[tuple[str, str]] = set()
        for row in OpportunityRepository(session, ctx.person_id).list():
            if row.url:
                urls.add(row.url.strip().lower())
            company = names.get(row.company_id, "") if row.company_id else ""
            pairs.add((company_key(company) or "", " ".join(row.title.lower().split())))
    return urls, pairs


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
            raise unknown_id(
                "contact",
                link.contact_id,
                field="contact_id",
                listed_by=Action(ActionKind.CONTACTS),
            )
        links = OpportunityContactRepository(session, ctx.person_id)
        if links.find(row.id, contact.id, link.role) is None:
            links.add(
                OpportunityContact(opportunity_id=row.id, contact_id=contact.id, role=link.role)
            )
        return _detail(session, ctx.person_id, row)


def statistics(ctx: AppContext) -> StatsOut:
    with ctx.db.transaction() as session:
        rows = OpportunityRepository(session, ctx.person_id).stage_rows()
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


def suggest_from_email(ctx: AppContext, opportunity_id: int, text: str) -> StageSuggestion | None:
    """The stage an employer's message implies, for the person to confirm; changes nothing."""
    if not text.strip():
        raise CareerError("paste the e-mail's text or choose an .eml file", field="text")
    current = get_opportunity(ctx, opportunity_id).stage
    return suggest_stage(text, current)


def suggest_from_eml(
    ctx: AppContext, opportunity_id: int, content: bytes
) -> StageSuggestion | None:
    """The same suggestion from a saved ``.eml`` file (subject and readable body)."""
    subject, body = eml_text(content)
    return suggest_from_email(ctx, opportunity_id, f"{subject}\n{body}")


OFFER_STAGES = (Stage.OFFER.value, Stage.ACCEPTED.value, Stage.DECLINED.value)


def parse_weights(pairs: Sequence[str] | Mapping[str, Any]) -> dict[str, float]:
    """``["pay=3", "growth=2"]`` (or a mapping) -> weights; 0 leaves a criterion out."""
    items = list(pairs.items()) if isinstance(pairs, Mapping) else []
    if not isinstance(pairs, Mapping):
        for pair in pairs:
            name, sep, number = str(pair).partition("=")
            if not sep:
                raise CareerError(
                    f"weight {pair!r} needs the form criterion=number, e.g. pay=3", field="weight"
                )
            items.append((name, number))
    weights: dict[str, float] = {}
    for name, number in items:
        try:
            key = criterion_name(str(name), field="weight")
        except PydanticCustomError as exc:
            raise CareerError(exc.message(), field="weight") from None
        try:
            weight = float(str(number).strip())
        except ValueError:
            weight = -1.0
        if not 0 <= weight <= 100:
            raise CareerError(
                f"the weight of {key} must be a number from 0 to 100 (got {number!r})",
                field="weight",
            )
        weights[key] = weight
    if weights and not any(weights.values()):
        raise CareerError("at least one weight must be above 0", field="weight")
    return weights


def compare_offers(ctx: AppContext, weights: Mapping[str, float] | None = None) -> Comparison:
    """Every opportunity at the offer stage (or accepted/declined) side by side."""
    with ctx.db.transaction() as session:
        names = CompanyRepository(session, ctx.person_id).names()
        rows = OpportunityRepository(session, ctx.person_id).in_stages(OFFER_STAGES)
        facts = []
        for row in rows:
            terms = OfferTerms.model_validate(row.offer or {})
            company = names.get(row.company_id) if row.company_id else None
            facts.append(
                OfferFacts(
                    opportunity_id=row.id,
                    label=f"{row.title}, {company}" if company else row.title,
                    base=terms.base,
                    bonus=terms.bonus,
                    currency=terms.currency,
                    ratings=terms.ratings,
                    deadline=terms.deadline,
                )
            )
    if not facts:
        raise CareerError(
            "no offers yet: move an opportunity to the offer stage and enter its terms",
            status=404,
            action=Action(ActionKind.PIPELINE),
        )
    return compare(facts, weights or None)
