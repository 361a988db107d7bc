"""Adding reference profiles to a collection: files read with the résumé readers (PDF, DOCX,
JSON Resume, LinkedIn export, plain text) or the one-row-per-position CSV, checked and
normalised, then written one file per transaction (a bad file leaves nothing behind).

Privacy: a profile is stored under a pseudonym ("Person 12") unless the person keeps names on
purpose; institutions are not kept, only degrees and fields."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from careerceo.documents.path_csv import (
    CsvLayoutError,
    is_path_csv,
    read_path_csv,
    read_text_csv,
    text_column,
)
from careerceo.errors import CareerError
from careerceo.model.paths import (
    DatePrecision,
    FileSummary,
    ProfileSource,
    month_label,
    month_of,
)
from careerceo.model.resume import Resume
from careerceo.services.context import AppContext
from careerceo.services.path_collections import collection_row
from careerceo.services.path_frames import appended
from careerceo.services.path_titles import (
    is_internship,
    match_titles,
    title_key,
)
from careerceo.store.path_repositories import (
    PathCollectionRepository,
    PathPositionRepository,
    PathProfileRepository,
)
from careerceo.store.tables import PathProfile
from careerceo.text.fold import fold

Progress = Callable[[int, int], None]


@dataclass
class DraftPosition:
    title: str
    employer: str
    start: str  # partial ISO
    end: str
    current: bool
    employer_size: str = ""
    industry: str = ""
    location: str = ""
    where: str = ""  # "line 12" or "position 3", for messages


@dataclass
class Draft:
    """One reference profile read from a file, before it is checked and written."""

    identity: str  # the name or CSV key; used for the fingerprint, stored only if kept
    source: ProfileSource
    positions: list[DraftPosition]
    education: list[dict[str, str]] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    newest_first: bool = True  # résumés list the latest job first; CSV rows run forward
    label: str = ""  # where it came from in the file ("line 12"), for messages


def _draft_of(resume: Resume, fmt: str, fallback_identity: str) -> Draft:
    positions = [
        DraftPosition(
            title=p.title.strip()[:200],
            employer=p.employer.strip()[:200],
            start=p.start,
            end=p.end,
            current=False,
            location=p.location[:200],
            where=f"position {i}",
        )
        for i, p in enumerate(resume.positions, start=1)
    ]
    education = [
        {"degree": e.degree.strip()[:200], "field": e.field.strip()[:200]}
        for e in resume.education
        if e.degree.strip() or e.field.strip()
    ]
    certifications = [c.name.strip()[:300] for c in resume.certifications if c.name.strip()]
    identity = resume.name or resume.email or fallback_identity
    return Draft(identity, ProfileSource(fmt), positions, education, certifications)


def _drafts_from_resume(data: bytes, filename: str) -> tuple[list[Draft], list[str]]:
    from careerceo.services.resume_import import read_source

    source = read_source(data, filename)
    fmt = {"pdf": "pdf", "docx": "docx", "json": "json", "linkedin": "linkedin"}.get(
        source.fmt, "text"
    )
    draft = _draft_of(source.resume, fmt, hashlib.sha256(data).hexdigest())
    return [draft], list(source.resume.warnings)


def _drafts_from_texts(data: bytes, filename: str) -> tuple[list[Draft], list[str]]:
    """A CSV of résumé texts (one per row): each row read by the résumé text parser.

    Parsed here rather than in the isolated reader process each file gets: the texts are
    already decoded and bounded in size (``documents.path_csv``), the parser is the same, and
    a process per row would make a 1,000-row set take minutes instead of seconds."""
    from careerceo.documents.resume_parser import parse_resume_text

    try:
        texts, messages = read_text_csv(data, name=filename)
    except CsvLayoutError as exc:
        raise CareerError(str(exc), field="file") from None
    drafts = []
    for row in texts:
        digest = hashlib.sha256(row.text.encode()).hexdigest()
        draft = _draft_of(parse_resume_text(row.text), "text", digest)
        draft.label = f"line {row.line}"
        drafts.append(draft)
    return drafts, messages


def _drafts_from_csv(data: bytes, filename: str) -> tuple[list[Draft], list[str]]:
    try:
        read = read_path_csv(data, name=filename)
    except CsvLayoutError as exc:
        raise CareerError(str(exc), field="file") from None
    drafts = [
        Draft(
            identity=person,
            source=ProfileSource.CSV,
            positions=[
                DraftPosition(
                    title=p.title,
                    employer=p.employer,
                    start=p.start,
                    end=p.end,
                    current=p.current,
                    employer_size=p.employer_size,
                    industry=p.industry,
                    location=p.location,
                    where=f"line {p.line}",
                )
                for p in rows
            ],
            newest_first=False,
        )
        for person, rows in read.people.items()
    ]
    return drafts, read.errors


def read_drafts(data: bytes, filename: str) -> tuple[list[Draft], list[str]]:
    """Profiles in one file, and messages about lines or entries that were left out."""
    name = PurePosixPath(filename.replace("\\", "/")).name or "upload"
    if name.lower().endswith(".csv") and is_path_csv(data):
        return _drafts_from_csv(data, name)
    if name.lower().endswith(".csv") and text_column(data):
        return _drafts_from_texts(data, name)
    return _drafts_from_resume(data, name)


def partial_month(value: str) -> tuple[int | None, DatePrecision]:
    """A partial ISO date as a month number; a year alone is read as its middle (July), so
    "2015 - 2017" lasts two years whichever way the months fell."""
    if not value:
        return None, DatePrecision.NONE
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return year * 12 + 6, DatePrecision.YEAR
        month = int(parts[1])
    except ValueError:
        return None, DatePrecision.NONE
    if not 1 <= month <= 12:
        return None, DatePrecision.NONE
    return year * 12 + month - 1, DatePrecision.MONTH


def order_positions(keys: Sequence[float | None], *, newest_first: bool) -> list[int]:
    """Chronological order (indexes) of positions given their dates in document order.

    An undated position keeps its place between its dated neighbours in the document, read
    newest-first for résumés (as they are written) and oldest-first for CSV rows.
    """
    filled: list[float] = []
    n = len(keys)
    for i, key in enumerate(keys):
        if key is not None:
            filled.append(float(key))
            continue
        before = next((keys[j] for j in range(i - 1, -1, -1) if keys[j] is not None), None)
        after = next((keys[j] for j in range(i + 1, n) if keys[j] is not None), None)
        older, newer = (after, before) if newest_first else (before, after)
        if older is not None and newer is not None:
            filled.append((float(older) + float(newer)) / 2)
        elif older is not None:
            filled.append(float(older) + 0.5)
        elif newer is not None:
            filled.append(float(newer) - 0.5)
        else:  # nothing dated: the document order is all there is
            filled.append(float(n - i) if newest_first else float(i))
    return sorted(range(n), key=lambda i: (filled[i], i if not newest_first else n - i))


def _fingerprint(collection_uid: str, identity: str) -> str:
    key = fold(identity)
    return hashlib.sha256(f"{collection_uid}\x1f{key}".encode()).hexdigest()


def _position_rows(
    draft: Draft, this_month: int, messages: list[str], label: str
) -> list[dict[str, Any]]:
    """The draft's valid positions as row values (without ids or occupations), in order."""
    kept: list[dict[str, Any]] = []
    for p in draft.positions:
        start, start_precision = partial_month(p.start)
        end, end_precision = partial_month(p.end)
        where = f"{label}, {p.where}" if p.where else label
        if not p.title:
            messages.append(f"{where}: no job title; left out")
            continue
        if start is not None and start > this_month:
            messages.append(f"{where}: starts in the future ({month_label(start)}); left out")
            continue
        if end is not None and end > this_month:
            messages.append(
                f"{where}: ends in the future ({month_label(end)}); left out - write Present "
                "for a position still held"
            )
            continue
        if start is not None and end is not None and end < start:
            messages.append(
                f"{where}: ends ({month_label(end)}) before it starts ({month_label(start)}); "
                "left out"
            )
            continue
        kept.append(
            {
                "title": p.title,
                "title_key": title_key(p.title),
                "employer": p.employer,
                "start_month": start,
                "end_month": end,
                "current": p.current,
                "start_precision": start_precision.value,
                "end_precision": end_precision.value,
                "internship": is_internship(p.title),
                "employer_size": p.employer_size or None,
                "industry": p.industry or None,
                "location": p.location or None,
            }
        )
    keys = [r["start_month"] if r["start_month"] is not None else r["end_month"] for r in kept]
    ordered = [kept[i] for i in order_positions(keys, newest_first=draft.newest_first)]
    if ordered:
        last = ordered[-1]
        # A blank end means "still there" only for the latest position; earlier ones simply
        # lack an end date (a résumé writes nothing for the current job).
        if last["end_month"] is None and last["start_month"] is not None:
            last["current"] = True
    for seq, row in enumerate(ordered):
        row["seq"] = seq
    return ordered


def add_drafts(
    ctx: AppContext,
    name: str,
    drafts: list[Draft],
    *,
    filename: str,
    keep_names: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
) -> FileSummary:
    """Write the profiles of one file in one transaction; report what was kept and why not.
    The collection's columnar copy then gets the new rows appended (``path_frames``)."""
    summary = FileSummary(filename=filename, ok=True)
    this_month = month_of(today or date.today())
    prepared: list[tuple[Draft, list[dict[str, Any]]]] = []
    for number, draft in enumerate(drafts, start=1):
        label = f"profile {number}" if len(drafts) > 1 else "the profile"
        if draft.source is ProfileSource.CSV:
            label = f"person {draft.identity[:40]!r}"
        elif draft.label:
            label = draft.label
        rows = _position_rows(draft, this_month, summary.messages, label)
        if not rows:
            summary.messages.append(f"{label}: no usable positions; nothing added for it")
            summary.skipped += 1
            continue
        prepared.append((draft, rows))
    matched = match_titles(ctx, (r["title"] for _d, rows in prepared for r in rows))
    for _draft, rows in prepared:
        for row in rows:
            match = matched[row["title"]]
            row.update(occupation_code=match.code, confidence=match.confidence)
    written = _write(ctx, name, prepared, summary, filename, keep_names, progress)
    if written is not None:
        uid, revision, rows, educated, first = written
        appended(ctx, uid, revision, rows, educated, first=first)
    if not summary.profiles:
        summary.ok = False
        if not summary.skipped:
            summary.messages.append("no profile with positions was found in the file")
    return summary


def _write(
    ctx: AppContext,
    name: str,
    prepared: list[tuple[Draft, list[dict[str, Any]]]],
    summary: FileSummary,
    filename: str,
    keep_names: bool,
    progress: Progress | None,
) -> tuple[str, int, list[dict[str, Any]], list[int], bool] | None:
    """The new profiles and positions in one transaction: (collection uid, the revision
    written, the rows with their ids, the new profiles with a degree or certification, whether
    the collection had no positions before), or None when every profile was already there."""
    with ctx.db.transaction() as session:
        collections = PathCollectionRepository(session, ctx.person_id)
        collection = collection_row(collections, name)
        profiles = PathProfileRepository(session, ctx.person_id)
        known = profiles.fingerprints(collection.id)
        numbered = profiles.aliases(collection.id)
        fresh: list[tuple[PathProfile, list[dict[str, Any]]]] = []
        for draft, rows in prepared:
            fingerprint = _fingerprint(collection.uid, draft.identity)
            if fingerprint in known:
                summary.skipped += 1
                summary.messages.append(
                    f"{'a person' if not keep_names else draft.identity} is already in the "
                    "collection; left as it was (remove the collection to replace it)"
                )
                continue
            known.add(fingerprint)
            numbered += 1
            made = _profile_row(collection.id, numbered, draft, filename, fingerprint, keep_names)
            fresh.append((made, rows))
        if not fresh:
            return None
        revision = collections.bump(collection)
        positions = PathPositionRepository(session, ctx.person_id)
        first = not positions.any_in(collection.id)
        profiles.add_many([profile for profile, _rows in fresh])
        written = _insert_positions(positions, collection.id, fresh, summary, progress)
        educated = [p.id for p, _rows in fresh if p.education or p.certifications]
        return collection.uid, revision, written, educated, first


def _insert_positions(
    positions: PathPositionRepository,
    collection_id: int,
    fresh: list[tuple[PathProfile, list[dict[str, Any]]]],
    summary: FileSummary,
    progress: Progress | None,
) -> list[dict[str, Any]]:
    """Bulk inserts of a few thousand rows each, reporting progress between them."""
    total = sum(len(rows) for _p, rows in fresh)
    written: list[dict[str, Any]] = []
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        for row, new_id in zip(batch, positions.insert_many(batch), strict=True):
            row["id"] = new_id
        written.extend(batch)
        batch.clear()
        if progress is not None:
            progress(len(written), total)

    for profile, rows in fresh:
        for row in rows:
            row.update(profile_id=profile.id, collection_id=collection_id)
        batch.extend(rows)
        summary.profiles += 1
        summary.positions += len(rows)
        if len(batch) >= 2000:
            flush()
    flush()
    return written


def _profile_row(
    collection_id: int,
    number: int,
    draft: Draft,
    filename: str,
    fingerprint: str,
    keep_names: bool,
) -> PathProfile:
    return PathProfile(
        collection_id=collection_id,
        alias=f"Person {number}",
        name=draft.identity[:200] if keep_names else None,
        source=draft.source.value,
        filename=filename[:300],
        fingerprint=fingerprint,
        education=draft.education,
        certifications=draft.certifications,
    )


def add_file(
    ctx: AppContext,
    name: str,
    data: bytes,
    filename: str,
    *,
    keep_names: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
) -> FileSummary:
    """One file: a clear refusal (nothing written) or a summary of what it added."""
    display = PurePosixPath(filename.replace("\\", "/")).name or "upload"
    with ctx.db.transaction() as session:  # fail fast on an unknown collection
        collection_row(PathCollectionRepository(session, ctx.person_id), name)
    try:
        drafts, messages = read_drafts(data, display)
    except CareerError as exc:
        return FileSummary(filename=display, ok=False, messages=[exc.message])
    summary = add_drafts(
        ctx,
        name,
        drafts,
        filename=display,
        keep_names=keep_names,
        today=today,
        progress=progress,
    )
    summary.messages = [*messages, *summary.messages]
    return summary


def add_paths(
    ctx: AppContext,
    name: str,
    files: Sequence[Path],
    *,
    keep_names: bool = False,
    progress: Progress | None = None,
) -> list[FileSummary]:
    """Several files; each is its own unit, so a bad one never stops the rest."""
    out: list[FileSummary] = []
    for path in files:
        if not path.is_file():
            out.append(
                FileSummary(filename=str(path), ok=False, messages=[f"{path} is not a file"])
            )
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            out.append(FileSummary(filename=path.name, ok=False, messages=[str(exc)]))
            continue
        out.append(add_file(ctx, name, data, path.name, keep_names=keep_names, progress=progress))
    return out
