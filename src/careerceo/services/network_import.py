"""Importing LinkedIn connections into the network, idempotently.

Identity: the LinkedIn URL, then the e-mail. The 2018 layout has neither for most people, so a
row matches a contact imported earlier with the same name and the same connection date (the
date LinkedIn records never changes between exports). A name and company match alone is only
a *possible duplicate*: both are kept and the pair is listed, never merged silently.

A changed title or employer is applied and the old one appended to the contact's history.
Everything happens in one transaction, after the whole file has been read, so a bad file
imports nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel

from careerceo.analysis.names import company_key, person_key
from careerceo.documents.connections_csv import ConnectionRow, Connections, read_connections
from careerceo.documents.safe_zip import read_zip_members
from careerceo.errors import CareerError
from careerceo.services.contacts import moved_history
from careerceo.services.context import AppContext
from careerceo.store.job_search import CompanyRepository, ContactRepository
from careerceo.store.tables import Contact, new_uid, utcnow

Progress = Callable[[int, int, str], None]  # (done, total, what is being done)
PROGRESS_EVERY = 1000
SAVE_CHUNK = 5000  # new contacts written between two progress reports


class PossibleDuplicate(BaseModel):
    line: int
    name: str
    company: str
    new_id: int | None
    existing_id: int


class ImportSummary(BaseModel):
    layout: str
    rows: int
    added: int
    updated: int
    unchanged: int
    companies_added: int
    skipped_lines: list[int]
    possible_duplicates: list[PossibleDuplicate]
    changes: list[str]  # "Ada Lovelace: CTO at Acme -> CEO at Beta"


@dataclass
class _Index:
    by_url: dict[str, Contact] = field(default_factory=dict)
    by_email: dict[str, Contact] = field(default_factory=dict)
    by_name_date: dict[tuple[str, date | None], Contact] = field(default_factory=dict)
    by_name_company: dict[tuple[str, int | None], Contact] = field(default_factory=dict)

    def add(self, row: Contact) -> None:
        if row.linkedin_url:
            self.by_url[row.linkedin_url.lower()] = row
        if row.email:
            self.by_email[row.email.lower()] = row
        if row.source == "linkedin":
            self.by_name_date[(row.name_key, row.connected_on)] = row
        self.by_name_company.setdefault((row.name_key, row.company_id), row)


def connections_from_upload(content: bytes, filename: str) -> Connections:
    """A Connections.csv, or the one inside a full LinkedIn export ZIP."""
    if filename.lower().endswith(".zip") or content[:4] == b"PK\x03\x04":
        members = read_zip_members(content, suffix=".csv", name=filename)
        found = [n for n in members if PurePosixPath(n).name.lower() == "connections.csv"]
        if not found:
            raise CareerError(
                f"{filename} has no Connections.csv; LinkedIn includes it when you ask for "
                "your connections in 'Download your data'",
                field="file",
            )
        return read_connections(members[found[0]], found[0])
    return read_connections(content, PurePosixPath(filename).name or "the file")


def import_connections(
    ctx: AppContext,
    content: bytes,
    filename: str = "Connections.csv",
    progress: Progress | None = None,
) -> ImportSummary:
    parsed = connections_from_upload(content, filename)
    total = len(parsed.rows)
    # A few thousand employers among tens of thousands of rows: each name is normalised once.
    keys = {name: company_key(name) for name in {row.company for row in parsed.rows if row.company}}
    with ctx.db.transaction() as session:
        contacts = ContactRepository(session, ctx.person_id)
        company_repo = CompanyRepository(session, ctx.person_id)
        company_ids = company_repo.ids_by_key()
        companies_added = _add_companies(company_repo, parsed.rows, keys, company_ids)
        company_names = company_repo.names()
        index = _Index()
        for existing in contacts.all_for_matching():
            index.add(existing)
        added: list[dict[str, Any]] = []
        pending_dups: list[tuple[ConnectionRow, Contact, str]] = []
        seen_new: dict[tuple[str, str, str], int] = {}
        updated = unchanged = 0
        changes: list[str] = []
        today = date.today()
        now = utcnow()  # one import, one moment
        for number, row in enumerate(parsed.rows, start=1):
            if progress is not None and number % PROGRESS_EVERY == 0:
                progress(number, total, "Matching connections")
            key = keys.get(row.company) if row.company else None
            company_id = company_ids.get(key) if key else None
            name_key = person_key(row.name)
            match = (
                (index.by_url.get(row.url.lower()) if row.url else None)
                or (index.by_email.get(row.email) if row.email else None)
                or index.by_name_date.get((name_key, row.connected_on))
            )
            if match is not None:
                change = _apply(match, row, company_id, company_names, today)
                if change:
                    updated += 1
                    changes.append(change)
                else:
                    unchanged += 1
                continue
            identity = (row.url.lower(), row.email, f"{name_key}|{row.connected_on}")
            if identity in seen_new:  # the same person twice in one file
                unchanged += 1
                continue
            seen_new[identity] = len(added)
            similar = index.by_name_company.get((name_key, company_id)) if company_id else None
            uid = new_uid()
            if similar is not None:
                pending_dups.append((row, similar, uid))
            added.append(_new_contact(ctx.person_id, row, name_key, company_id, uid, now))
        _save(contacts, added, progress)
        new_ids = contacts.ids_of(uid for _, _, uid in pending_dups)
    duplicates = [
        PossibleDuplicate(
            line=row.line,
            name=row.name,
            company=row.company,
            new_id=new_ids.get(uid),
            existing_id=similar.id,
        )
        for row, similar, uid in pending_dups
    ]
    return ImportSummary(
        layout=parsed.layout,
        rows=total,
        added=len(added),
        updated=updated,
        unchanged=unchanged,
        companies_added=companies_added,
        skipped_lines=parsed.skipped,
        possible_duplicates=duplicates,
        changes=changes[:200],
    )


def _new_contact(
    person_id: int,
    row: ConnectionRow,
    name_key: str,
    company_id: int | None,
    uid: str,
    now: datetime,
) -> dict[str, Any]:
    """The contact row a new connection becomes, cut to the columns' lengths."""
    return {
        "uid": uid,
        "person_id": person_id,
        "name": row.name[:200],
        "name_key": name_key[:200],
        "title": row.position[:200],
        "email": row.email[:320],
        "linkedin_url": row.url[:500],
        "company_id": company_id,
        "connected_on": row.connected_on,
        "source": "linkedin",
        "tags": [],
        "history": [],
        "created_at": now,
        "updated_at": now,
    }


def _save(
    contacts: ContactRepository, added: list[dict[str, Any]], progress: Progress | None
) -> None:
    """Insert the new contacts a chunk at a time, saying how far it got."""
    for start in range(0, len(added), SAVE_CHUNK):
        if progress is not None:
            progress(start, len(added), "Saving new contacts")
        contacts.insert_many(added[start : start + SAVE_CHUNK])
    if progress is not None:
        progress(len(added), len(added), "Saving new contacts")


def _add_companies(
    repo: CompanyRepository,
    rows: list[ConnectionRow],
    keys: dict[str, str | None],
    known: dict[str, int],
) -> int:
    """Create the companies the file names that are new (placeholders name none)."""
    new: dict[str, str] = {}
    for row in rows:
        if not row.company:
            continue
        key = keys[row.company]
        if key and key not in known and key not in new:
            new[key] = row.company[:200]
    if new:
        known.update(repo.insert_many(new))
    return len(new)


def _apply(
    contact: Contact,
    row: ConnectionRow,
    company_id: int | None,
    company_names: dict[int, str],
    today: date,
) -> str:
    """Bring a matched contact up to date; returns what changed ('' when nothing did)."""
    notes = []
    moved = (company_id != contact.company_id and (company_id or row.company == "")) or (
        row.position and row.position != contact.title
    )
    if moved:
        before = company_names.get(contact.company_id) if contact.company_id else None
        contact.history = moved_history(contact.history, before, contact.title, today)
        after = company_names.get(company_id) if company_id else row.company
        notes.append(
            f"{contact.title or '?'} at {before or '?'} -> {row.position or '?'} at {after or '?'}"
        )
        contact.company_id = company_id
        contact.title = row.position[:200]
    if row.url and not contact.linkedin_url:
        contact.linkedin_url = row.url[:500]
        notes.append("LinkedIn URL added")
    if row.email and not contact.email:
        contact.email = row.email[:320]
        notes.append("e-mail added")
    if contact.connected_on is None and row.connected_on is not None:
        contact.connected_on = row.connected_on
    return f"{contact.name}: {'; '.join(notes)}" if notes else ""
