"""Moving in from another tracker: past applications from its CSV, with their dated history.

The whole file is read and every row validated before anything is written, then all rows go
in one transaction. A row already in the pipeline (same posting URL, or same company and
title) is counted as already there, so importing the file twice adds nothing the second time.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from careerceo.analysis.names import company_key
from careerceo.documents.tracker_csv import ExportRow, read_tracker, write_tracker
from careerceo.errors import CareerError
from careerceo.model.common import validate
from careerceo.model.job_search_enums import Source
from careerceo.model.pipeline import OpportunityInput
from careerceo.services import opportunities
from careerceo.services.context import AppContext
from careerceo.store.job_search import (
    CompanyRepository,
    OpportunityRepository,
    StageChangeRepository,
)

SOURCES = {s.value for s in Source} | {"cold"}


class TrackerSummary(BaseModel):
    rows: int
    added: int
    already_there: int
    dated_from_earlier_step: int  # rows whose current stage had no date of its own
    ids: list[int]


def import_tracker(
    ctx: AppContext, content: bytes, filename: str = "applications.csv"
) -> TrackerSummary:
    rows = read_tracker(content, filename)
    urls, pairs = opportunities.known_keys(ctx)
    entries: list[tuple[OpportunityInput, list[tuple[str, date]]]] = []
    already = borrowed = 0
    for row in rows:
        url_key = row.url.lower()
        pair = (company_key(row.company) or "", " ".join(row.title.lower().split()))
        if (url_key and url_key in urls) or pair in pairs:
            already += 1
            continue
        urls.add(url_key)
        pairs.add(pair)
        source = row.source.lower() if row.source.lower() in SOURCES else ""
        notes = row.notes
        if row.source and not source:
            notes = f"{notes}\nSource in the tracker: {row.source}".strip()
        data = {
            "title": row.title,
            "company": row.company,
            "url": row.url,
            "stage": row.stage,
            "closed_reason": row.reason,
            "source": source,
            "notes": notes,
            "applied_on": next((d for s, d in row.history if s == "applied"), None),
        }
        try:
            entry = validate(OpportunityInput, data)
        except CareerError as exc:
            raise CareerError(
                f"{filename}, line {row.line}: {exc.message}; nothing was imported", field="file"
            ) from None
        if not row.stage_dated:
            borrowed += 1
        entries.append((entry, row.history))
    ids = opportunities.add_many(ctx, entries)
    return TrackerSummary(
        rows=len(rows),
        added=len(ids),
        already_there=already,
        dated_from_earlier_step=borrowed,
        ids=ids,
    )


def export_tracker(ctx: AppContext) -> str:
    """Every opportunity as a tracker CSV (the columns the import reads), oldest first."""
    with ctx.db.transaction() as session:
        names = CompanyRepository(session, ctx.person_id).names()
        histories = StageChangeRepository(session, ctx.person_id).histories()
        rows = sorted(OpportunityRepository(session, ctx.person_id).list(), key=lambda r: r.id)
        out = [
            ExportRow(
                company=names.get(r.company_id, "") if r.company_id else "",
                title=r.title,
                url=r.url,
                stage=r.stage,
                reason=r.closed_reason,
                source=r.source,
                history=histories.get(r.id, []),
                next_action=r.next_action,
                next_action_due=r.next_action_due,
                notes=r.notes,
            )
            for r in rows
        ]
    return write_tracker(out)
