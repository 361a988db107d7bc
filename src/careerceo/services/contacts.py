"""Use-cases for the network: contacts, the interaction log, cadences and follow-ups.

Logging an interaction resets the contact's cadence (the due date counts from the last
interaction); a changed employer or title is kept in the contact's history, because "used to
work at X" is what makes a warm introduction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from careerceo.actions import Action, ActionKind
from careerceo.analysis.cadence import (
    ContactState,
    Quiet,
    effective_cadence,
    follow_up_due,
    quiet_contacts,
    quiet_since,
)
from careerceo.analysis.drafts import Draft, DraftFacts, follow_up_draft
from careerceo.analysis.names import person_key
from careerceo.errors import CareerError, NotFoundError, unknown_id
from careerceo.model.common import validate
from careerceo.model.job_search_enums import Channel
from careerceo.model.job_search_fields import word_of
from careerceo.model.network import ContactInput, ContactOut, InteractionInput, InteractionOut
from careerceo.services import companies
from careerceo.services.context import AppContext
from careerceo.services.records import require
from careerceo.store.job_search import (
    CompanyRepository,
    ContactRepository,
    FollowedContact,
    InteractionRepository,
    OpportunityRepository,
)
from careerceo.store.repositories import PersonRepository
from careerceo.store.tables import Contact, Interaction

INPUT_FIELDS = tuple(f for f in ContactInput.model_fields if f != "company")
PAGE = 100
ROW_FIELDS = tuple(
    f for f in ContactOut.model_fields if f not in {"company", "last_contact", "next_follow_up"}
)


class ContactDetail(BaseModel):
    contact: ContactOut
    interactions: list[InteractionOut]
    cadence: int | None  # the cadence in force (own or default)


class ContactPage(BaseModel):
    contacts: list[ContactOut]
    total: int
    offset: int
    limit: int | None


def not_found(contact_id: int) -> NotFoundError:
    return unknown_id("contact", contact_id, field="contact", listed_by=Action(ActionKind.CONTACTS))


def get_row(repo: ContactRepository, contact_id: int) -> Contact:
    return require(repo, contact_id, not_found)


def contact_state(
    row: Contact | FollowedContact, last: date | None, targets: set[int]
) -> tuple[ContactState, int | None]:
    cadence = effective_cadence(
        row.cadence_days,
        row.tags,
        in_search=row.in_search,
        at_target=row.company_id in targets,
    )
    state = ContactState(
        row.id,
        row.name,
        cadence,
        last,
        row.created_at.date(),
        row.snoozed_until,
        row.retired,
        row.unreachable,
    )
    return state, cadence


def build_outs(session: Session, person_id: int, rows: Sequence[Contact]) -> list[ContactOut]:
    """ContactOut for ``rows`` with their company name, last contact and next follow-up."""
    company_repo = CompanyRepository(session, person_id)
    names = company_repo.names()
    targets = company_repo.target_ids()
    last = InteractionRepository(session, person_id).last_contact(row.id for row in rows)
    result = []
    for row in rows:
        state, _ = contact_state(row, last.get(row.id), targets)
        result.append(
            ContactOut(
                **{name: getattr(row, name) for name in ROW_FIELDS},
                company=names.get(row.company_id) if row.company_id else None,
                last_contact=last.get(row.id),
                next_follow_up=follow_up_due(state),
            )
        )
    return result


def list_contacts(
    ctx: AppContext,
    *,
    query: str = "",
    company_id: int | None = None,
    in_search: bool | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> ContactPage:
    with ctx.db.transaction() as session:
        repo = ContactRepository(session, ctx.person_id)
        rows, total = repo.page(
            query=query.strip(),
            company_id=company_id,
            in_search=in_search,
            limit=limit,
            offset=max(offset, 0),
        )
        return ContactPage(
            contacts=build_outs(session, ctx.person_id, rows),
            total=total,
            offset=offset,
            limit=limit,
        )


def get_contact(ctx: AppContext, contact_id: int) -> ContactDetail:
    with ctx.db.transaction() as session:
        repo = ContactRepository(session, ctx.person_id)
        row = get_row(repo, contact_id)
        out = build_outs(session, ctx.person_id, [row])[0]
        targets = CompanyRepository(session, ctx.person_id).target_ids()
        _, cadence = contact_state(row, out.last_contact, targets)
        log = InteractionRepository(session, ctx.person_id).for_contact(row.id)
        return ContactDetail(
            contact=out,
            interactions=[InteractionOut.model_validate(i) for i in log],
            cadence=cadence,
        )


def _check_identity(repo: ContactRepository, data: ContactInput, own_id: int | None) -> None:
    """URL or e-mail identify a person: a second contact with either is refused."""
    for row in repo.with_identity(data.linkedin_url, data.email, own_id):
        if data.linkedin_url and row.linkedin_url.lower() == data.linkedin_url.lower():
            raise CareerError(
                f"{row.name} (#{row.id}) already has this LinkedIn URL; edit that contact",
                field="linkedin_url",
            )
        if data.email and row.email.lower() == data.email.lower():
            raise CareerError(
                f"{row.name} (#{row.id}) already has this e-mail; edit that contact",
                field="email",
            )


def _row_values(data: ContactInput) -> dict[str, Any]:
    values = data.model_dump(include=set(INPUT_FIELDS))
    values["name_key"] = person_key(data.name)
    return values


def add_contact(ctx: AppContext, data: ContactInput | Mapping[str, Any]) -> ContactOut:
    contact = data if isinstance(data, ContactInput) else validate(ContactInput, data)
    with ctx.db.transaction() as session:
        repo = ContactRepository(session, ctx.person_id)
        _check_identity(repo, contact, None)
        company = companies.resolve(CompanyRepository(session, ctx.person_id), contact.company)
        row = repo.add(
            Contact(
                **_row_values(contact),
                company_id=company.id if company else None,
                source="manual",
                history=[],
            )
        )
        return build_outs(session, ctx.person_id, [row])[0]


def moved_history(
    history: Sequence[dict[str, Any]], company: str | None, title: str, until: date
) -> list[dict[str, Any]]:
    """The history with the contact's previous employer and title appended (when known)."""
    entry = {"company": company or "", "title": title, "until": until.isoformat()}
    if not (company or title) or (history and history[-1] == entry):
        return list(history)
    return [*history, entry]


def update_contact(
    ctx: AppContext, contact_id: int, changes: Mapping[str, Any], today: date | None = None
) -> ContactOut:
    now = today or date.today()
    with ctx.db.transaction() as session:
        repo = ContactRepository(session, ctx.person_id)
        row = get_row(repo, contact_id)
        company_repo = CompanyRepository(session, ctx.person_id)
        names = company_repo.names()
        old_company = names.get(row.company_id) if row.company_id else None
        current = {name: getattr(row, name) for name in INPUT_FIELDS}
        current["company"] = old_company or ""
        merged = validate(ContactInput, {**current, **changes})
        _check_identity(repo, merged, row.id)
        company = companies.resolve(company_repo, merged.company)
        values = _row_values(merged)
        values["company_id"] = company.id if company else None
        if values["company_id"] != row.company_id or merged.title != row.title:
            values["history"] = moved_history(row.history, old_company, row.title, now)
        repo.update(row, values)
        return build_outs(session, ctx.person_id, [row])[0]


def remove_contact(ctx: AppContext, contact_id: int) -> ContactOut:
    with ctx.db.transaction() as session:
        repo = ContactRepository(session, ctx.person_id)
        row = get_row(repo, contact_id)
        removed = build_outs(session, ctx.person_id, [row])[0]
        repo.delete(row)
        return removed


FILLED_FROM_OTHER = ("title", "email", "phone", "linkedin_url", "relationship")


def merge_contacts(ctx: AppContext, keep_id: int, other_id: int) -> ContactOut:
    """Fold contact ``other_id`` into ``keep_id`` (the possible duplicate an import listed):
    the kept contact gains the other's conversations, opportunity links and every other
    reference, its tags, employer history and notes, and any detail it lacked (e-mail,
    LinkedIn URL, phone, title, company); then the other is removed. One transaction."""
    if keep_id == other_id:
        raise CareerError("choose two different contacts to merge", field="other_id")
    with ctx.db.transaction() as session:
        repo = ContactRepository(session, ctx.person_id)
        keep = get_row(repo, keep_id)
        other = repo.get(other_id)
        if other is None:
            raise unknown_id(
                "contact", other_id, field="other_id", listed_by=Action(ActionKind.CONTACTS)
            )
        names = CompanyRepository(session, ctx.person_id).names()
        values: dict[str, Any] = {
            name: getattr(other, name)
            for name in FILLED_FROM_OTHER
            if not getattr(keep, name) and getattr(other, name)
        }
        if keep.company_id is None and other.company_id is not None:
            values["company_id"] = other.company_id
        values["tags"] = list(dict.fromkeys([*keep.tags, *other.tags]))
        history = list(other.history)
        other_company = names.get(other.company_id) if other.company_id else None
        if other.company_id != (values.get("company_id") or keep.company_id) and (
            other_company or other.title
        ):
            history = moved_history(history, other_company, other.title, date.today())
        values["history"] = [*keep.history, *(h for h in history if h not in keep.history)]
        if other.notes and other.notes not in keep.notes:
            values["notes"] = f"{keep.notes}\n{other.notes}".strip()
        dates = [d for d in (keep.connected_on, other.connected_on) if d is not None]
        values["connected_on"] = min(dates) if dates else None
        values["in_search"] = keep.in_search or other.in_search
        if keep.cadence_days is None and other.cadence_days is not None:
            values["cadence_days"] = other.cadence_days
        repo.update(keep, values)
        repo.repoint(other.id, keep.id)
        repo.delete(get_row(repo, other_id))
        return build_outs(session, ctx.person_id, [get_row(repo, keep_id)])[0]


def log_interaction(
    ctx: AppContext,
    contact_id: int,
    data: InteractionInput | Mapping[str, Any],
    today: date | None = None,
) -> InteractionOut:
    """Record a conversation; it resets the contact's cadence and may set a next step."""
    entry = data if isinstance(data, InteractionInput) else validate(InteractionInput, data)
    if entry.follow_up_on is not None and not entry.next_step:
        raise CareerError(
            "a due date needs the next step it is for; add --next 'what to do'", field="next_step"
        )
    with ctx.db.transaction() as session:
        row = get_row(ContactRepository(session, ctx.person_id), contact_id)
        if entry.opportunity_id is not None and (
            OpportunityRepository(session, ctx.person_id).get(entry.opportunity_id) is None
        ):
            raise NotFoundError(
                f"there is no opportunity #{entry.opportunity_id}", field="opportunity_id"
            )
        values = entry.model_dump()
        values["happened_on"] = entry.happened_on or today or date.today()
        logged = InteractionRepository(session, ctx.person_id).add(
            Interaction(**values, contact_id=row.id)
        )
        if row.snoozed_until is not None:
            row.snoozed_until = None  # talking to them ends the snooze
        return InteractionOut.model_validate(logged)


def complete_step(ctx: AppContext, interaction_id: int) -> InteractionOut:
    with ctx.db.transaction() as session:
        repo = InteractionRepository(session, ctx.person_id)
        row = repo.get(interaction_id)
        if row is None:
            raise NotFoundError(f"there is no interaction #{interaction_id}", field="interaction")
        repo.update(row, {"done": True})
        return InteractionOut.model_validate(row)


def snooze(ctx: AppContext, contact_id: int, until: date | None) -> ContactOut:
    return update_contact(ctx, contact_id, {"snoozed_until": until})


@dataclass(frozen=True)
class QuietView:
    quiet: Quiet
    company: str | None


def quiet(ctx: AppContext, months: int, today: date | None = None) -> list[QuietView]:
    """Who you have not talked to in ``months`` months, the people who matter first."""
    if not 1 <= months <= 240:
        raise CareerError("months must be from 1 to 240", field="months")
    now = today or date.today()
    with ctx.db.transaction() as session:
        targets = CompanyRepository(session, ctx.person_id).target_ids()
        live = ContactRepository(session, ctx.person_id).reachable(quiet_since(now, months))
    company_of = {r.id: r.company for r in live}
    found = quiet_contacts(
        [
            (r.id, r.name, r.last_contact, r.tags, r.company_id in targets, r.in_search)
            for r in live
        ],
        now,
        months,
    )
    return [QuietView(q, company_of.get(q.contact_id)) for q in found]


def draft(ctx: AppContext, contact_id: int, channel: str) -> Draft:
    chosen = Channel(word_of(channel, Channel, field="channel"))
    if chosen not in (Channel.EMAIL, Channel.LINKEDIN):
        raise CareerError("drafts are written for email or linkedin", field="channel")
    with ctx.db.transaction() as session:
        row = get_row(ContactRepository(session, ctx.person_id), contact_id)
        log = InteractionRepository(session, ctx.person_id).for_contact(row.id)
        names = CompanyRepository(session, ctx.person_id).names()
        sender = PersonRepository(session, ctx.person_id).get().full_name
        facts = DraftFacts(
            first_name=row.name,
            company=names.get(row.company_id, "") if row.company_id else "",
            last_summary=log[0].summary if log else "",
            last_next_step=log[0].next_step if log and not log[0].done else "",
            sender=sender,
        )
    return follow_up_draft(facts, chosen)


def vcard_text(ctx: AppContext, contact_ids: Sequence[int] | None = None) -> str:
    """vCards for the given contacts (all of them when none are named)."""
    from careerceo.documents.vcard import Card, vcard

    with ctx.db.transaction() as session:
        repo = ContactRepository(session, ctx.person_id)
        if contact_ids:
            rows = [get_row(repo, contact_id) for contact_id in contact_ids]
        else:
            rows = list(repo.list())
        names = CompanyRepository(session, ctx.person_id).names()
        cards = [
            Card(
                uid=row.uid,
                name=row.name,
                title=row.title,
                company=names.get(row.company_id, "") if row.company_id else "",
                email=row.email,
                phone=row.phone,
                url=row.linkedin_url,
                note=row.notes,
            )
            for row in rows
        ]
    return vcard(cards)
