"""Reference collections and their profiles: create, list, share, remove, correct a
position's occupation, link a reference to a contact. A collection is excluded from anything
shared unless chosen (reference profiles are third parties' data)."""

from __future__ import annotations

from typing import Any

from careerceo.actions import Action, ActionKind
from careerceo.errors import CareerError, NotFoundError
from careerceo.model.common import validate
from careerceo.model.paths import (
    CodeCorrection,
    CollectionInput,
    CollectionOut,
    DatePrecision,
    ReferencePositionOut,
    ReferenceProfileOut,
    month_label,
)
from careerceo.services.context import AppContext
from careerceo.services.path_titles import occupation_titles
from careerceo.services.records import require
from careerceo.store import path_snapshot as snapshots
from careerceo.store.path_repositories import (
    PathCollectionRepository,
    PathPositionRepository,
    PathProfileRepository,
)
from careerceo.store.tables import PathCollection, PathPosition


def _collection_out(row: PathCollection, sizes: dict[int, tuple[int, int]]) -> CollectionOut:
    out = CollectionOut.model_validate(row)
    out.profiles, out.positions = sizes.get(row.id, (0, 0))
    return out


def _no_position(position_id: int) -> NotFoundError:
    return NotFoundError(
        f"there is no reference position #{position_id}; its collection lists the ids",
        field="position",
        action=Action(ActionKind.PATHS),
    )


def collection_row(repo: PathCollectionRepository, name: str) -> PathCollection:
    row = repo.find(name)
    if row is None:
        raise NotFoundError(
            f"there is no collection {name!r}; create it, or pick one from the list",
            field="collection",
            action=Action(ActionKind.PATHS),
        )
    return row


def new_collection(ctx: AppContext, data: CollectionInput | dict[str, Any]) -> CollectionOut:
    checked = data if isinstance(data, CollectionInput) else validate(CollectionInput, data)
    with ctx.db.transaction() as session:
        repo = PathCollectionRepository(session, ctx.person_id)
        if repo.find(checked.name) is not None:
            raise CareerError(
                f"a collection named {checked.name!r} already exists; pick another name or add "
                "profiles to that one",
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
        return _collection_out(collection_row(repo, name), repo.sizes())


def remove_collection(ctx: AppContext, name: str) -> CollectionOut:
    """The collection with every profile and position in it, in one transaction."""
    with ctx.db.transaction() as session:
        repo = PathCollectionRepository(session, ctx.person_id)
        row = collection_row(repo, name)
        out = _collection_out(row, repo.sizes())
        uid = row.uid
        repo.remove(row)
    snapshots.drop(ctx.settings.data_dir, uid)
    return out


def set_sharing(ctx: AppContext, name: str, include: bool) -> CollectionOut:
    with ctx.db.transaction() as session:
        repo = PathCollectionRepository(session, ctx.person_id)
        row = repo.update(collection_row(repo, name), {"include_in_exports": include})
        return _collection_out(row, repo.sizes())


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
    titles = occupation_titles()
    with ctx.db.transaction() as session:
        collection = collection_row(PathCollectionRepository(session, ctx.person_id), name)
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
        row = require(repo, position_id, _no_position)
        repo.update(row, {"occupation_code": checked.occupation_code, "corrected": True})
        out = _position_out(row, occupation_titles())
        collections = PathCollectionRepository(session, ctx.person_id)
        collection = collections.get(row.collection_id)
        assert collection is not None  # a position belongs to a collection of its owner
        revision = collections.bump(collection)
        uid = collection.uid
    # the columnar copy follows: every figure this position feeds changes at the next analysis
    snapshots.correct(ctx.settings.data_dir, uid, revision, position_id, checked.occupation_code)
    return out


def profile_contact(ctx: AppContext, profile_id: int) -> int | None:
    """The contact a reference profile is linked to (None when it is not)."""
    with ctx.db.transaction() as session:
        row = PathProfileRepository(session, ctx.person_id).get(profile_id)
        if row is None:
            raise NotFoundError(f"there is no reference profile #{profile_id}", field="profile")
        return row.contact_id


def link_contact(
    ctx: AppContext,
    profile_id: int,
    contact_id: int | None,
    *,
    name: str | None = None,
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
