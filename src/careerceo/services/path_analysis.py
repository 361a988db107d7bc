"""The path analysis of a collection for a target: resolve the target, mine the columns
(``analysis.paths``), add degrees, names and warnings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

from careerceo.actions import Action, ActionKind
from careerceo.analysis.paths import PathFrame, PathMining, Target, mine
from careerceo.errors import CareerError
from careerceo.knowledge import KnowledgeError, normalise_code
from careerceo.model.paths import (
    CountRow,
    PathAnalysisOut,
    PathContact,
    StepRow,
    month_of,
)
from careerceo.services.context import AppContext
from careerceo.services.path_frames import load_frame
from careerceo.services.path_titles import (
    CODE_MIN_SCORE,
    match_titles,
    occupation_titles,
    title_key,
    zones,
)
from careerceo.store.path_repositories import (
    PathProfileRepository,
)
from careerceo.store.repositories import PositionRepository
from careerceo.store.tables import PathCollection

SMALL_SAMPLE = 5
MODERATE_SAMPLE = 20
SHORT_CODE = r"^\d{2}-?\d{4}(\.\d{2})?$"


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
    titles = occupation_titles()
    if re.match(SHORT_CODE, raw):
        try:
            code = normalise_code(raw)
        except CareerError:
            code = raw
        if titles and code not in titles:
            raise CareerError(
                f"no O*NET 29.0 occupation has the code {raw}; search the occupations by title",
                field="target",
                action=Action(ActionKind.OCCUPATIONS),
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
    if len(frame) and frame.has_key(key):
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
        people = "1 person" if mining.people == 1 else f"{mining.people} people"
        stories = "one story" if mining.people == 1 else f"{mining.people} stories"
        out.append(f"only {people} reached the target: read this as {stories}, not a pattern")
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


def _other_titles(data: PathFrame, resolved: ResolvedTarget, titles: dict[str, str]) -> str | None:
    """When a title was counted as written, the people who hold its occupation under other
    titles ("Staff Accountant" for "Accountant"): a title target counts none of them."""
    if resolved.matched_by != "title" or resolved.code is None or not len(data):
        return None
    code, key = data.word_id(resolved.code), data.word_id(title_key(resolved.title or ""))
    others = (data.code == code) & (data.key != key)
    if code < 0 or not others.any():
        return None
    people = len(np.unique(data.profile[others]))
    example = data.word(int(np.bincount(data.title[others]).argmax()))
    return (
        f"counted by the title as written; {people} "
        f"{'person holds' if people == 1 else 'people hold'} its occupation "
        f"({resolved.code} {titles.get(resolved.code, '')}) under another title, such as "
        f"{example!r} - analyse the code {resolved.code} to count them too"
    )


def _contacts_on_path(
    mining: PathMining, linked: dict[int, tuple[int, str, str]]
) -> list[PathContact]:
    """The reachers who are the person's contacts, with the roles they held up to the target."""
    out: list[PathContact] = []
    for profile, roles in sorted(mining.paths_of.items()):
        contact_id, contact_name, alias = linked[profile]
        out.append(PathContact(contact_id=contact_id, name=contact_name, alias=alias, roles=roles))
    return out


def _education(
    ctx: AppContext, collection: PathCollection, data: PathFrame, reachers: list[int]
) -> tuple[list[str], list[str]]:
    """The degrees ("degree, field") and certifications of the people who reached the target,
    each counted once per person; only profiles known to hold any are read."""
    with ctx.db.transaction() as session:
        profiles = PathProfileRepository(session, ctx.person_id)
        educated = profiles.educated(collection.id) if data.educated is None else data.educated
        wanted = np.intersect1d(np.asarray(reachers, np.int64), educated)
        education = profiles.education_of(collection.id, [int(p) for p in wanted])
    degrees: list[str] = []
    certificates: list[str] = []
    for profile in reachers:
        edu, certs = education.get(profile, ([], []))
        seen = {
            ", ".join(x for x in (str(e.get("degree", "")), str(e.get("field", ""))) if x)
            for e in edu
            if isinstance(e, dict)
        }
        degrees.extend(s for s in seen if s)
        certificates.extend({str(c) for c in certs})
    return degrees, certificates


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
    job_zones = zones()
    titles = occupation_titles()
    _title, current_key, current_code = _current_role(ctx)
    target_zone = job_zones.get(resolved.code or "")
    with ctx.db.transaction() as session:
        linked = PathProfileRepository(session, ctx.person_id).linked_contacts(collection.id)
    mining = mine(
        data,
        resolved.target,
        as_of=month_of(today or date.today()),
        zones=job_zones,
        current_key=current_key,
        current_code=current_code,
        target_zone=target_zone,
        follow=sorted(linked),
    )
    degrees, certificates = _education(ctx, collection, data, mining.reachers)

    def named(rows: list[StepRow]) -> list[StepRow]:
        for row in rows:
            row.occupation_title = titles.get(row.code or "")
        return rows

    unmapped = data.unmapped() if len(data) else 0
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
        flows=mining.flows,
        target_position_ids=mining.target_ids,
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
        contacts=_contacts_on_path(mining, linked),
        warnings=[
            *_warnings(mining, label, unmapped, len(data)),
            *filter(None, [_other_titles(data, resolved, titles)]),
        ],
        evidence=(
            f"{mining.profiles} reference profiles ({len(data)} positions) in "
            f"{collection.name!r}; titles read as occupations by the O*NET 29.0 title matcher "
            "(corrections by you win); up/lateral/down from O*NET 29.0 job zones"
        ),
    )
