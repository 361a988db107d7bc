"""Reference collections: gather other people's histories, then mine the path to a target.

Files are read with the same readers as a résumé import (PDF, DOCX, JSON Resume, LinkedIn
export, plain text) plus the one-row-per-position CSV; every title goes through the shared
title matcher to an O*NET occupation (the raw title and the matcher's score are kept, and the
person can correct the code). Each file is written in its own transaction: a bad file is
reported and leaves nothing behind, and the next file is still read.

Privacy: reference profiles are third parties' data. A profile is stored under a pseudonym
("Person 12") unless the person keeps names on purpose; institutions are not kept, only
degrees and fields; a collection is excluded from anything shared unless chosen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from careerceo.analysis.paths import PathFrame, PathMining, Target, mine
from careerceo.documents.path_csv import CsvLayoutError, is_path_csv, read_path_csv
from careerceo.errors import CareerError, NotFoundError
from careerceo.knowledge import KnowledgeError, load_knowledge, normalise_code
from careerceo.knowledge.titles import words
from careerceo.model.common import validate
from careerceo.model.paths import (
    CodeCorrection,
    CollectionInput,
    CollectionOut,
    CountRow,
    DatePrecision,
    FileSummary,
    PathAnalysisOut,
    PathPlanOut,
    PlanStepOut,
    ProfileSource,
    ReferencePositionOut,
    ReferenceProfileOut,
    StepMove,
    StepRow,
    YourPosition,
    month_label,
    month_of,
)
from careerceo.services.context import AppContext
from careerceo.store.path_repositories import (
    PathCollectionRepository,
    PathPositionRepository,
    PathProfileRepository,
)
from careerceo.store.repositories import PositionRepository
from careerceo.store.tables import PathCollection, PathPosition

Progress = Callable[[int, int], None]
SMALL_SAMPLE = 5
MODERATE_SAMPLE = 20
CODE_MIN_SCORE = 0.5  # below this the matcher's best guess is not stored as the occupation
INTERN_WORDS = frozenset({"intern", "internship", "trainee", "apprentice", "apprenticeship"})
MAX_PLAN_STEPS = 3
SHORT_CODE = r"^\d{2}-?\d{4}(\.\d{2})?$"


# -- reading files into drafts ------------------------------------------------------------------


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


def _drafts_from_resume(data: bytes, filename: str) -> tuple[list[Draft], list[str]]:
    from careerceo.services.resume_import import read_source

    source = read_source(data, filename)
    resume = source.resume
    fmt = {"pdf": "pdf", "docx": "docx", "json": "json", "linkedin": "linkedin"}.get(
        source.fmt, "text"
    )
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
    identity = resume.name or resume.email or hashlib.sha256(data).hexdigest()
    draft = Draft(identity, ProfileSource(fmt), positions, education, certifications)
    return [draft], list(resume.warnings)


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
    return _drafts_from_resume(data, name)


# -- checking and normalising -------------------------------------------------------------------


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


def title_key(title: str) -> str:
    """The comparable form of a title (the title matcher's own word folding)."""
    key = " ".join(words(title))
    return (key or " ".join(title.casefold().split()))[:200]


def is_internship(title: str) -> bool:
    return any(w in INTERN_WORDS for w in words(title, fold=False))


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


@dataclass
class Matched:
    code: str | None
    confidence: float | None


def match_titles(ctx: AppContext, titles: Iterable[str]) -> dict[str, Matched]:
    """Each distinct title once through the shared matcher (cached on disk between runs)."""
    distinct = sorted(set(titles))
    try:
        from careerceo.knowledge.matching import matcher_for

        matcher = matcher_for(load_knowledge(), ctx.settings.data_dir / "cache")
    except KnowledgeError:
        return {t: Matched(None, None) for t in distinct}
    out: dict[str, Matched] = {}
    for title in distinct:
        try:
            best = matcher.normalize(title, limit=1).best
        except CareerError:
            best = None
        if best is None:
            out[title] = Matched(None, None)
        else:
            code = best.code if best.score >= CODE_MIN_SCORE else None
            out[title] = Matched(code, round(float(best.score), 3))
    return out


def _fingerprint(collection_uid: str, identity: str) -> str:
    key = " ".join(identity.casefold().split())
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


# -- collections --------------------------------------------------------------------------------


def _collection_out(row: PathCollection, sizes: dict[int, tuple[int, int]]) -> CollectionOut:
    out = CollectionOut.model_validate(row)
    out.profiles, out.positions = sizes.get(row.id, (0, 0))
    return out


def _get(repo: PathCollectionRepository, name: str) -> PathCollection:
    row = repo.find(name)
    if row is None:
        raise NotFoundError(
            f"there is no collection {name!r}; create it with `career paths new {name!r}` or "
            "see `career paths list`",
            field="collection",
        )
    return row


def new_collection(ctx: AppContext, data: CollectionInput | dict[str, Any]) -> CollectionOut:
    checked = data if isinstance(data, CollectionInput) else validate(CollectionInput, data)
    with ctx.db.transaction() as session:
        repo = PathCollectionRepository(session, ctx.person_id)
        if repo.find(checked.name) is not None:
            raise CareerError(
                f"a collection named {checked.name!r} already exists; pick another name or add "
                f"profiles to it with `career paths add {checked.name!r} FILE`",
                field="name",
                status=409,
            )
        row = repo.add(PathCollection(**checked.model_dump()))
        return _collection_out(row, {})


def list_collections(ctx: AppContext) -> list[CollectionOut]:
    with ctx.db.transaction() as session:
        repo = PathCollectionRepository(session, ctx.person_id)
        sizes = repo.sizes()
        return [_collection_out(row, sizes) for row in repo.list()]


def get_collection(ctx: AppContext, name: str) -> CollectionOut:
    with ctx.db.transaction() as session:
        repo = PathCollectionRepository(session, ctx.person_id)
        return _collection_out(_get(repo, name), repo.sizes())


def remove_collection(ctx: AppContext, name: str) -> CollectionOut:
    """The collection with every profile and position in it, in one transaction."""
    with ctx.db.transaction() as session:
        repo = PathCollectionRepository(session, ctx.person_id)
        row = _get(repo, name)
        out = _collection_out(row, repo.sizes())
        repo.remove(row)
        return out


def set_sharing(ctx: AppContext, name: str, include: bool) -> CollectionOut:
    with ctx.db.transaction() as session:
        repo = PathCollectionRepository(session, ctx.person_id)
        row = repo.update(_get(repo, name), {"include_in_exports": include})
        return _collection_out(row, repo.sizes())


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
    """Write the profiles of one file in one transaction; report what was kept and why not."""
    summary = FileSummary(filename=filename, ok=True)
    this_month = month_of(today or date.today())
    prepared: list[tuple[Draft, list[dict[str, Any]]]] = []
    for number, draft in enumerate(drafts, start=1):
        label = f"profile {number}" if len(drafts) > 1 else "the profile"
        if draft.source is ProfileSource.CSV:
            label = f"person {draft.identity[:40]!r}"
        rows = _position_rows(draft, this_month, summary.messages, label)
        if not rows:
            summary.messages.append(f"{label}: no usable positions; nothing added for it")
            summary.skipped += 1
            continue
        prepared.append((draft, rows))
    matched = match_titles(ctx, (r["title"] for _d, rows in prepared for r in rows))
    with ctx.db.transaction() as session:
        collections = PathCollectionRepository(session, ctx.person_id)
        collection = _get(collections, name)
        profiles = PathProfileRepository(session, ctx.person_id)
        positions = PathPositionRepository(session, ctx.person_id)
        known = profiles.fingerprints(collection.id)
        numbered = profiles.aliases(collection.id)
        batch: list[dict[str, Any]] = []
        total = sum(len(rows) for _d, rows in prepared)
        done = 0
        for draft, rows in prepared:
            fingerprint = _fingerprint(collection.uid, draft.identity)
            if fingerprint in known:
                summary.skipped += 1
                summary.messages.append(
                    f"{'a person' if not keep_names else draft.identity} is already in the "
                    "collection; left as it was (remove the collection or profile to replace it)"
                )
                continue
            known.add(fingerprint)
            numbered += 1
            profile = profiles.add(
                _profile_row(collection.id, numbered, draft, filename, fingerprint, keep_names)
            )
            for row in rows:
                match = matched[row["title"]]
                row.update(
                    profile_id=profile.id,
                    collection_id=collection.id,
                    occupation_code=match.code,
                    confidence=match.confidence,
                )
                batch.append(row)
            summary.profiles += 1
            summary.positions += len(rows)
            done += len(rows)
            if len(batch) >= 2000:
                positions.insert_many(batch)
                batch = []
                if progress is not None:
                    progress(done, total)
        positions.insert_many(batch)
        if progress is not None:
            progress(total, total)
    if not summary.profiles:
        summary.ok = False
        if not summary.skipped:
            summary.messages.append("no profile with positions was found in the file")
    return summary


def _profile_row(
    collection_id: int,
    number: int,
    draft: Draft,
    filename: str,
    fingerprint: str,
    keep_names: bool,
) -> Any:
    from careerceo.store.tables import PathProfile

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
        _get(PathCollectionRepository(session, ctx.person_id), name)
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


# -- reading back -------------------------------------------------------------------------------


def _occupation_titles() -> dict[str, str]:
    try:
        kb = load_knowledge()
    except KnowledgeError:
        return {}
    return {o.code: o.title for o in kb.occupations}


def _zones() -> dict[str, int]:
    try:
        kb = load_knowledge()
    except KnowledgeError:
        return {}
    return {o.code: int(o.job_zone) for o in kb.occupations if o.job_zone}


def _partial(month: int | None, precision: str) -> str:
    if month is None:
        return ""
    return f"{month // 12:04d}" if precision == DatePrecision.YEAR else month_label(month)


def _position_out(row: PathPosition, titles: dict[str, str]) -> ReferencePositionOut:
    return ReferencePositionOut(
        id=row.id,
        title=row.title,
        employer=row.employer,
        start=_partial(row.start_month, row.start_precision),
        end=_partial(row.end_month, row.end_precision),
        current=row.current,
        occupation_code=row.occupation_code,
        occupation_title=titles.get(row.occupation_code or ""),
        confidence=None if row.corrected else row.confidence,
        corrected=row.corrected,
        employer_size=row.employer_size,
        industry=row.industry,
    )


def list_profiles(ctx: AppContext, name: str) -> list[ReferenceProfileOut]:
    titles = _occupation_titles()
    with ctx.db.transaction() as session:
        collection = _get(PathCollectionRepository(session, ctx.person_id), name)
        profiles = PathProfileRepository(session, ctx.person_id).in_collection(collection.id)
        positions = PathPositionRepository(session, ctx.person_id).of_profiles(
            [p.id for p in profiles]
        )
        by_profile: dict[int, list[ReferencePositionOut]] = {}
        for row in positions:
            by_profile.setdefault(row.profile_id, []).append(_position_out(row, titles))
        return [
            ReferenceProfileOut(
                id=p.id,
                uid=p.uid,
                alias=p.alias,
                name=p.name,
                contact_id=p.contact_id,
                source=p.source,
                filename=p.filename,
                education=list(p.education or []),
                certifications=[str(c) for c in p.certifications or []],
                positions=by_profile.get(p.id, []),
            )
            for p in profiles
        ]


def correct_occupation(
    ctx: AppContext, position_id: int, data: CodeCorrection | dict[str, Any]
) -> ReferencePositionOut:
    """The person's own occupation for a reference position; every figure it feeds follows."""
    from careerceo.services.occupation_codes import check_known_code

    checked = data if isinstance(data, CodeCorrection) else validate(CodeCorrection, data)
    check_known_code(checked.occupation_code)
    with ctx.db.transaction() as session:
        repo = PathPositionRepository(session, ctx.person_id)
        row = repo.get(position_id)
        if row is None:
            raise NotFoundError(
                f"there is no reference position #{position_id}; see `career paths show NAME`",
                field="position",
            )
        repo.update(row, {"occupation_code": checked.occupation_code, "corrected": True})
        return _position_out(row, _occupation_titles())


def link_contact(
    ctx: AppContext, profile_id: int, contact_id: int | None, *, name: str | None = None
) -> ReferenceProfileOut:
    """Link a reference to one of the person's contacts ("who made this move that I could talk
    to?"); a name is kept only when given here, on purpose."""
    with ctx.db.transaction() as session:
        repo = PathProfileRepository(session, ctx.person_id)
        row = repo.get(profile_id)
        if row is None:
            raise NotFoundError(f"there is no reference profile #{profile_id}", field="profile")
        if contact_id is not None and not repo.contact_exists(contact_id):
            raise NotFoundError(f"there is no contact #{contact_id}", field="contact")
        changes: dict[str, Any] = {"contact_id": contact_id}
        if name is not None:
            changes["name"] = name.strip()[:200] or None
        repo.update(row, changes)
        collection_id = row.collection_id
        collection = PathCollectionRepository(session, ctx.person_id).get(collection_id)
        assert collection is not None
        collection_name = collection.name
    return next(p for p in list_profiles(ctx, collection_name) if p.id == profile_id)


# -- analysis -----------------------------------------------------------------------------------


@dataclass
class ResolvedTarget:
    target: Target
    code: str | None  # the occupation, when known (for job zones and the plan)
    title: str | None
    matched_by: str


def resolve_target(text: str, frame: PathFrame) -> ResolvedTarget:
    """A code means the occupation; a title means that title as people wrote it, or, when
    nobody in the collection wrote it, the occupation the title matcher reads in it."""
    import re

    raw = text.strip()
    if not raw:
        raise CareerError("give a target: a job title or an O*NET code", field="target")
    titles = _occupation_titles()
    if re.match(SHORT_CODE, raw):
        try:
            code = normalise_code(raw)
        except CareerError:
            code = raw
        if titles and code not in titles:
            raise CareerError(
                f"no O*NET 29.0 occupation has the code {raw}; look it up with "
                "`career occupations search`",
                field="target",
            )
        return ResolvedTarget(Target(code=code), code, titles.get(code), "code")
    key = title_key(raw)
    best = None
    try:
        from careerceo.knowledge.matching import normalize_title

        best = normalize_title(raw, limit=1).best
    except (CareerError, KnowledgeError):
        best = None
    guess = best.code if best is not None and best.score >= CODE_MIN_SCORE else None
    if len(frame) and bool((frame.key == key).any()):
        return ResolvedTarget(Target(key=key), guess, raw, "title")
    if guess is not None:
        return ResolvedTarget(Target(code=guess), guess, titles.get(guess), "title → code")
    return ResolvedTarget(Target(key=key), None, raw, "title")


def _current_role(ctx: AppContext) -> tuple[str | None, str | None, str | None]:
    """The person's own latest position: (title, title key, occupation code)."""
    with ctx.db.transaction() as session:
        rows = PositionRepository(session, ctx.person_id).list()
        if not rows:
            return None, None, None
        row = rows[0]
        title, code = row.title, row.occupation_code
    if code is None:
        code = match_titles(ctx, [title])[title].code
    return title, title_key(title), code


def _counts(values: Iterable[str], people: int) -> list[CountRow]:
    tally: dict[str, int] = {}
    for value in values:
        tally[value] = tally.get(value, 0) + 1
    ranked = sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    return [
        CountRow(label=k, people=n, share=round(n / people, 3) if people else 0.0)
        for k, n in ranked
    ]


def _warnings(mining: PathMining, target_label: str, unmapped: int, positions: int) -> list[str]:
    out: list[str] = []
    if mining.people == 0:
        out.append(
            f"nobody in this collection reached {target_label}; check the spelling, try the "
            "occupation code, or add profiles of people who hold it"
        )
    elif mining.people < SMALL_SAMPLE:
        out.append(
            f"only {mining.people} people reached the target: read these as "
            f"{mining.people} stories, not a pattern"
        )
    elif mining.people < MODERATE_SAMPLE:
        out.append(
            f"{mining.people} people reached the target: shares move a lot with each profile added"
        )
    if positions and unmapped:
        out.append(
            f"{unmapped} of {positions} positions have no occupation (title not recognised); "
            "they count by title only - correct them on the collection page"
        )
    return out


def load_frame(ctx: AppContext, name: str) -> tuple[PathCollection, PathFrame]:
    with ctx.db.transaction() as session:
        collection = _get(PathCollectionRepository(session, ctx.person_id), name)
        columns = PathPositionRepository(session, ctx.person_id).columns(collection.id)
    return collection, PathFrame.from_columns(columns)


def analyze(
    ctx: AppContext,
    name: str,
    target: str,
    *,
    today: date | None = None,
    frame: tuple[PathCollection, PathFrame] | None = None,
) -> PathAnalysisOut:
    """The path analysis of a collection for a target (see ``analysis.paths``)."""
    collection, data = frame or load_frame(ctx, name)
    resolved = resolve_target(target, data)
    zones = _zones()
    titles = _occupation_titles()
    _title, current_key, current_code = _current_role(ctx)
    target_zone = zones.get(resolved.code or "")
    mining = mine(
        data,
        resolved.target,
        as_of=month_of(today or date.today()),
        zones=zones,
        current_key=current_key,
        current_code=current_code,
        target_zone=target_zone,
    )
    with ctx.db.transaction() as session:
        education = PathProfileRepository(session, ctx.person_id).education_of(collection.id)
    degrees: list[str] = []
    certificates: list[str] = []
    for profile in mining.reachers:
        edu, certs = education.get(profile, ([], []))
        seen = {
            ", ".join(x for x in (str(e.get("degree", "")), str(e.get("field", ""))) if x)
            for e in edu
            if isinstance(e, dict)
        }
        degrees.extend(s for s in seen if s)
        certificates.extend({str(c) for c in certs})

    def named(rows: list[StepRow]) -> list[StepRow]:
        for row in rows:
            row.occupation_title = titles.get(row.code or "")
        return rows

    unmapped = int((data.code == "").sum()) if len(data) else 0
    label = resolved.title or resolved.code or target
    if resolved.code and resolved.matched_by != "title":
        label = f"{resolved.code} {titles.get(resolved.code, '')}".strip()
    return PathAnalysisOut(
        collection=collection.name,
        target=target,
        target_code=resolved.code,
        target_title=resolved.title,
        matched_by=resolved.matched_by,
        profiles=mining.profiles,
        people=mining.people,
        reached_twice=mining.reached_twice,
        steps_before=named(mining.steps_before),
        occupations_before=named(mining.occupations_before),
        median_years_to_target=mining.median_years_to_target,
        spread_years_to_target=mining.spread_years_to_target,
        sequences=mining.sequences,
        outcomes=mining.outcomes,
        next_from=mining.next_from,
        next_from_role=_title,
        education=_counts(degrees, mining.people),
        certifications=_counts(certificates, mining.people),
        employer_sizes=[
            CountRow(label=k, people=n, share=round(n / mining.people, 3)) for k, n in mining.sizes
        ],
        industries=[
            CountRow(label=k, people=n, share=round(n / mining.people, 3))
            for k, n in mining.industries
        ],
        warnings=_warnings(mining, label, unmapped, len(data)),
        evidence=(
            f"{mining.profiles} reference profiles ({len(data)} positions) in "
            f"{collection.name!r}; titles read as occupations by the O*NET 29.0 title matcher "
            "(corrections by you win); up/lateral/down from O*NET 29.0 job zones"
        ),
    )


# -- where you stand, and a plan ----------------------------------------------------------------

REQUIREMENTS_PER_STEP = 4


def _your_positions(ctx: AppContext) -> list[tuple[str, str | None]]:
    with ctx.db.transaction() as session:
        rows = PositionRepository(session, ctx.person_id).list()
        found = [(row.title, row.occupation_code) for row in rows]
    missing = [title for title, code in found if code is None]
    matched = match_titles(ctx, missing) if missing else {}
    return [(t, c or matched[t].code) for t, c in found]


def _place(title: str, code: str | None, out: PathAnalysisOut) -> tuple[int | None, str | None]:
    key = title_key(title)
    if out.target_code and out.matched_by != "title" and code == out.target_code:
        return 0, "occupation"
    if out.matched_by == "title" and key == title_key(out.target_title or out.target):
        return 0, "title"
    for row in out.steps_before:
        if title_key(row.title) == key:
            return row.step, "title"
    for row in out.occupations_before:
        if code and row.code == code:
            return row.step, "occupation"
    return None, None


def _requirements(ctx: AppContext, code: str | None) -> list[str]:
    """The largest gaps the pivot engine sees between the person and the step's occupation."""
    if code is None:
        return []
    from careerceo.services.pivots import pivot_detail

    try:
        detail = pivot_detail(ctx, code)
    except CareerError:
        return []
    out: list[str] = []
    for gap in detail.gaps[:REQUIREMENTS_PER_STEP]:
        if gap.your_level is not None and gap.target_level is not None:
            out.append(
                f"{gap.name} ({gap.kind}): you {gap.your_level:.1f}, needed "
                f"{gap.target_level:.1f} of 7 ({gap.source})"
            )
        else:
            out.append(f"{gap.name} ({gap.kind}, {gap.source})")
    return out


def plan(
    ctx: AppContext,
    name: str,
    target: str,
    *,
    today: date | None = None,
    with_requirements: bool = True,
) -> PathPlanOut:
    """Where the person stands on the collection's path to the target, and the next steps."""
    out = analyze(ctx, name, target, today=today)
    mine_positions = _your_positions(ctx)
    you = []
    for title, code in mine_positions:
        step, how = _place(title, code, out)
        you.append(YourPosition(title=title, code=code, step=step, matched_by=how))
    held = [p.step for p in you if p.step is not None]
    your_step = min(held) if held else None
    route: list[StepRow] = []
    if your_step != 0:
        start = (your_step - 1) if your_step is not None else MAX_PLAN_STEPS
        for step in range(start, 0, -1):
            rows = [r for r in out.steps_before if r.step == step]
            if rows:
                route.append(rows[0])  # the most common role at that step
    target_label = out.target_title or out.target
    steps: list[PlanStepOut] = []
    for order, row in enumerate(route, start=1):
        steps.append(
            PlanStepOut(
                order=order,
                title=row.title,
                code=row.code,
                occupation_title=row.occupation_title,
                people=row.people,
                median_years=row.median_years,
                move=row.move,
                requirements=_requirements(ctx, row.code) if with_requirements else [],
                why=(
                    f"{row.people} of the {out.people} people who reached {target_label} were "
                    f"{row.title} {row.step} step(s) before"
                    + (
                        f", for a median {row.median_years:.1f} years"
                        if row.median_years is not None
                        else ""
                    )
                ),
            )
        )
    if your_step != 0 and out.people:
        steps.append(
            PlanStepOut(
                order=len(steps) + 1,
                title=target_label,
                code=out.target_code,
                occupation_title=None,
                people=out.people,
                median_years=None,
                move=StepMove.UNKNOWN,
                requirements=_requirements(ctx, out.target_code) if with_requirements else [],
                why=(
                    f"the target: {out.people} of {out.profiles} people in the collection "
                    "reached it"
                    + (
                        f", a median {out.median_years_to_target:.1f} years after their first job"
                        if out.median_years_to_target is not None
                        else ""
                    )
                ),
            )
        )
    warnings = list(out.warnings)
    if not mine_positions:
        warnings.append(
            "you have no positions yet, so where you stand is unknown; add them with "
            "`career positions add` or import your résumé"
        )
    elif your_step is None:
        warnings.append(
            "none of your positions is on this collection's path; the plan starts from the "
            "role people most often held three steps before the target"
        )
    return PathPlanOut(
        collection=out.collection,
        target=out.target,
        target_code=out.target_code,
        target_title=out.target_title,
        people=out.people,
        you=you,
        your_step=your_step,
        steps=steps,
        next_from=out.next_from,
        warnings=warnings,
        evidence=out.evidence + "; requirements from the pivot engine's gap (O*NET 29.0)",
    )


def save_plan(ctx: AppContext, name: str, target: str, *, today: date | None = None) -> PathPlanOut:
    """The plan as a goal whose milestones are its steps, so the monthly review tracks it.

    Due dates follow the collection's median years per step from today (a step with no
    median gets a year)."""
    from careerceo.model.direction import GoalIn, MilestoneIn
    from careerceo.services import direction

    now = today or date.today()
    out = plan(ctx, name, target, today=now, with_requirements=True)
    if not out.steps:
        raise CareerError(
            "there is no step to plan: you already hold the target, or nobody in the "
            "collection reached it",
            field="target",
        )
    label = out.target_title or out.target
    goal = direction.add_goal(
        ctx,
        GoalIn(
            title=f"Reach {label}"[:300],
            horizon="long" if len(out.steps) > 2 else "2y",
            target_role=label[:200],
            occupation_code=out.target_code,
            why=(f"The path of the people in '{out.collection}'. {out.evidence}")[:5000],
        ),
        today=now,
    )
    months = 0
    for step in out.steps:
        months += round((step.median_years or 1.0) * 12)
        due_month = month_of(now) + max(months, 1)
        due = date(due_month // 12, due_month % 12 + 1, 1)
        direction.add_milestone(
            ctx,
            goal.id,
            MilestoneIn(
                title=f"Step {step.order}: {step.title}"[:300],
                measure=("; ".join(step.requirements[:2]) or step.why)[:300],
                due_date=due,
            ),
            today=now,
        )
    out.goal_id = goal.id
    return out
