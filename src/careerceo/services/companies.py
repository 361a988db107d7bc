"""Use-cases for target companies and their research dossiers.

A company is found by its normalised name (``analysis.names.company_key``), so "Google LLC"
typed on the command line, "Google" from a LinkedIn export and "google" in a tracker CSV all
land on one row; placeholders such as "N/A" never become a company.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from careerceo.actions import Action, ActionKind
from careerceo.analysis.names import company_key
from careerceo.errors import CareerError, NotFoundError, unknown_id
from careerceo.model.common import validate
from careerceo.model.network import DOSSIER_PARTS, CompanyInput, CompanyOut
from careerceo.services.context import AppContext
from careerceo.services.records import require
from careerceo.store.job_search import (
    CompanyRepository,
    ContactRepository,
    OpportunityRepository,
)
from careerceo.store.tables import Company

INPUT_FIELDS = tuple(CompanyInput.model_fields)


class DossierView(BaseModel):
    """A company with what is still unknown about it: the research checklist."""

    company: CompanyOut
    missing: list[str]
    known: int
    parts: int


def _not_found(company_id: int) -> NotFoundError:
    return unknown_id(
        "company", company_id, field="company", listed_by=Action(ActionKind.COMPANIES)
    )


def key_or_refuse(name: str) -> str:
    key = company_key(name)
    if key is None:
        raise CareerError(
            f"{name!r} is a placeholder, not a company name; give the employer's real name",
            field="name",
        )
    return key


def resolve(repo: CompanyRepository, name: str) -> Company | None:
    """The company called ``name`` (created when new); None for a blank or placeholder."""
    if not name.strip():
        return None
    key = company_key(name)
    if key is None:
        return None
    found = repo.find_key(key)
    if found is not None:
        return found
    return repo.add(Company(name=name.strip(), name_key=key))


def _out(row: Company, contacts: int = 0, opportunities: int = 0) -> CompanyOut:
    out = CompanyOut.model_validate(row)
    return out.model_copy(update={"contacts": contacts, "opportunities": opportunities})


def _get(repo: CompanyRepository, company_id: int) -> Company:
    return require(repo, company_id, _not_found)


class CompanyPage(BaseModel):
    companies: list[CompanyOut]
    total: int
    offset: int
    limit: int | None


def company_page(
    ctx: AppContext,
    *,
    query: str = "",
    targets_only: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> CompanyPage:
    """Companies matching ``query`` (part of the name), targets first, one page at a time: a
    LinkedIn import brings thousands of employers, and a page of them is what a person reads."""
    with ctx.db.transaction() as session:
        repo = CompanyRepository(session, ctx.person_id)
        rows, total = repo.page(
            query=query.strip(), targets_only=targets_only, limit=limit, offset=max(offset, 0)
        )
        ids = [r.id for r in rows]
        contacts = repo.contact_counts(ids)
        opportunities = repo.opportunity_counts(ids)
        return CompanyPage(
            companies=[_out(r, contacts.get(r.id, 0), opportunities.get(r.id, 0)) for r in rows],
            total=total,
            offset=offset,
            limit=limit,
        )


def list_companies(ctx: AppContext, *, targets_only: bool = False) -> list[CompanyOut]:
    return company_page(ctx, targets_only=targets_only).companies


def get_company(ctx: AppContext, company_id: int) -> CompanyOut:
    with ctx.db.transaction() as session:
        repo = CompanyRepository(session, ctx.person_id)
        row = _get(repo, company_id)
        return _out(
            row,
            ContactRepository(session, ctx.person_id).count_by_company(row.id),
            OpportunityRepository(session, ctx.person_id).count_by_company(row.id),
        )


def missing_parts(company: CompanyOut) -> list[str]:
    data = company.model_dump()
    return [message for part, message in DOSSIER_PARTS if data.get(part) in (None, "", [])]


def dossier(ctx: AppContext, company_id: int) -> DossierView:
    company = get_company(ctx, company_id)
    missing = missing_parts(company)
    return DossierView(
        company=company,
        missing=missing,
        known=len(DOSSIER_PARTS) - len(missing),
        parts=len(DOSSIER_PARTS),
    )


def _check_unique(repo: CompanyRepository, key: str, own_id: int | None) -> None:
    existing = repo.find_key(key)
    if existing is not None and existing.id != own_id:
        raise CareerError(
            f"you already have the company {existing.name!r} (#{existing.id}), which is the "
            "same name once case and legal suffixes are set aside; edit that one instead",
            field="name",
        )


def _values(data: CompanyInput) -> dict[str, Any]:
    values = data.model_dump(mode="json")
    values["leaders"] = [leader.model_dump() for leader in data.leaders]
    values["sources"] = [source.model_dump(mode="json") for source in data.sources]
    return values


def add_company(ctx: AppContext, data: CompanyInput | Mapping[str, Any]) -> CompanyOut:
    company = data if isinstance(data, CompanyInput) else validate(CompanyInput, data)
    key = key_or_refuse(company.name)
    with ctx.db.transaction() as session:
        repo = CompanyRepository(session, ctx.person_id)
        _check_unique(repo, key, None)
        row = repo.add(Company(**_values(company), name_key=key))
        return _out(row)


def update_company(ctx: AppContext, company_id: int, changes: Mapping[str, Any]) -> CompanyOut:
    with ctx.db.transaction() as session:
        repo = CompanyRepository(session, ctx.person_id)
        row = _get(repo, company_id)
        current = CompanyOut.model_validate(row).model_dump(mode="json", include=set(INPUT_FIELDS))
        merged = validate(CompanyInput, {**current, **changes})
        key = key_or_refuse(merged.name)
        _check_unique(repo, key, row.id)
        repo.update(row, {**_values(merged), "name_key": key})
        return _out(
            row,
            ContactRepository(session, ctx.person_id).count_by_company(row.id),
            OpportunityRepository(session, ctx.person_id).count_by_company(row.id),
        )


def remove_company(ctx: AppContext, company_id: int, *, force: bool = False) -> CompanyOut:
    """Remove a company; with people or opportunities linked, only when ``force`` (they are
    kept and unlinked, never deleted with it)."""
    with ctx.db.transaction() as session:
        repo = CompanyRepository(session, ctx.person_id)
        contacts = ContactRepository(session, ctx.person_id)
        opportunities = OpportunityRepository(session, ctx.person_id)
        row = _get(repo, company_id)
        n_contacts = contacts.count_by_company(row.id)
        n_opps = opportunities.count_by_company(row.id)
        if (n_contacts or n_opps) and not force:
            raise CareerError(
                f"{row.name} has {n_contacts} contact(s) and {n_opps} opportunity(ies); "
                "removing it keeps them but clears their company - confirm with --force",
                field="force",
                status=409,
            )
        removed = _out(row, n_contacts, n_opps)
        contacts.unlink_company(row.id)
        opportunities.unlink_company(row.id)
        repo.delete(row)
        return removed
