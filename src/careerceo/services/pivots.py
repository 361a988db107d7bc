"""Pivot use-cases: rank a person's (or an occupation's) pivots and explain them.

The shells (CLI, web, API) call only these functions; reading the person, their titles and
inventory, the rows, the explanations and the posting gap live in the ``pivot_*`` modules
beside this one and are re-exported here for the shells.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from careerceo.analysis.capability import (
    CapabilityProfile,
)
from careerceo.analysis.pivot import PivotFilters, Ranking, rank
from careerceo.analysis.pivot_blend import neighbourhood, person_blend, pivot_order
from careerceo.analysis.pivot_detail import PivotDetail, chart_rows, detail, hedge_esco
from careerceo.analysis.pivot_doable import doable, licence_table
from careerceo.analysis.pivot_space import OccupationSpace
from careerceo.analysis.related import Related, related
from careerceo.errors import CareerError
from careerceo.services.pivot_data import (
    PersonData,
    _cache_dir,
    _normal_taxonomy,
    _write_json,
    extract,
    read_person,
)
from careerceo.services.pivot_explain import (
    WORDS_EVIDENCE_Z,
    _evidence_for,
    _explain_related,
    _explain_words,
    _shared_columns,
    _shared_elements,
    _task_words,
    _title_words,
    _words,
)
from careerceo.services.pivot_gap import (
    HAVE_LEVEL,
    MAX_POSTING_CHARS,
    check_posting,
    have_index,
    job_gap,
    years_of_experience,
)
from careerceo.services.pivot_inventory import (
    _in_space,
    _loose_cache_path,
    _resolve_inventory,
    loose_match,
    match_loosely,
)
from careerceo.services.pivot_person import (
    EMPTY_PROFILE,
    _hits_to_concepts,
    _person_text_z,
    _profile_for,
    _text_concepts,
    capability_summary,
    person_profile,
    person_text,
    reference_sources,
    thin_evidence,
)
from careerceo.services.pivot_rows import (
    PivotList,
    PivotRow,
    _row,
    _share,
    check_filters,
)
from careerceo.services.pivot_space import neighbour_table, occupation_space, ranking_space
from careerceo.services.pivot_titles import (
    EXACT_TITLE_SCORE,
    POSITION_CANDIDATES,
    POSITION_TEXT_WEIGHT,
    TITLE_MIN_SCORE,
    _position_codes,
    _text_similarity,
    _title_codes,
    resolve_occupation,
    title_to_code,
)

if TYPE_CHECKING:  # the store (SQLAlchemy) loads only when a person's rows are read
    from careerceo.services.context import AppContext

__all__ = [
    "EMPTY_PROFILE",
    "EXACT_TITLE_SCORE",
    "EXPLAIN_ROWS",
    "HAVE_LEVEL",
    "MAX_POSTING_CHARS",
    "POSITION_CANDIDATES",
    "POSITION_TEXT_WEIGHT",
    "TITLE_MIN_SCORE",
    "WORDS_EVIDENCE_Z",
    "PersonData",
    "PivotList",
    "PivotRow",
    "_cache_dir",
    "_evidence_for",
    "_explain_related",
    "_explain_words",
    "_hits_to_concepts",
    "_in_space",
    "_loose_cache_path",
    "_normal_taxonomy",
    "_person_text_z",
    "_position_codes",
    "_profile_for",
    "_resolve_inventory",
    "_row",
    "_share",
    "_shared_columns",
    "_shared_elements",
    "_sources",
    "_task_words",
    "_text_concepts",
    "_text_similarity",
    "_title_codes",
    "_title_words",
    "_words",
    "_write_json",
    "capability_summary",
    "check_filters",
    "check_posting",
    "extract",
    "have_index",
    "job_gap",
    "loose_match",
    "match_loosely",
    "person_profile",
    "person_text",
    "pivot_detail",
    "rank_pivots",
    "read_person",
    "resolve_occupation",
    "title_to_code",
    "years_of_experience",
]


EXPLAIN_ROWS = 50  # rows that get task/title evidence (the ones a person reads)


def rank_pivots(
    ctx: AppContext | None,
    *,
    from_: str | None = None,
    filters: PivotFilters | None = None,
    limit: int | None = 25,
    space: OccupationSpace | None = None,
    compare: str | None = None,
) -> PivotList:
    """The ranked pivots for the person (or for a past occupation with ``from_``).

    From an occupation code, without technology filters, the core space is enough (the
    relatedness comes from the build-time table), which keeps a cold start under a second."""
    if space is None:
        by_code = bool(from_) and not any(ch.isalpha() for ch in from_ or "")
        hot = filters is not None and filters.hot_tech
        space = ranking_space(concepts=not by_code or hot)
    if limit is not None and limit < 1:
        raise CareerError("limit must be 1 or more", field="limit")
    profile, basis, data = _profile_for(ctx, space, from_)
    r = rank(space, profile, filters=filters)
    rel, text_z, full_order, final = _ordered(space, profile, r, data, from_)
    order = full_order if limit is None else full_order[:limit]
    rows = [_row(space, r, int(i), n + 1, float(final[i]), profile) for n, i in enumerate(order)]
    if rel is not None:
        _explain_related(space, rel, rows[:EXPLAIN_ROWS])
    if text_z is not None and data is not None:
        _explain_words(space, text_z, person_text(data), rows[:EXPLAIN_ROWS])
    held = [code for code, _ in profile.occupations]
    for row in rows:
        row.doable = doable(
            row.code,
            None if row.job_zone is None else float(row.job_zone),
            profile.job_zone,
            row.readiness,
            licences(),
            held,
            space.onet_version,
        ).as_dict()
    notes: list[str] = []
    thin = thin_evidence(data, rel is not None) if data is not None else None
    if thin:
        notes.append(thin)
    if profile.unmatched:
        notes.append(
            "not matched to O*NET/ESCO, so not counted: " + ", ".join(profile.unmatched[:10])
        )
    rated = int(profile.known.sum())
    if rated < 0.8 * profile.known.size:
        notes.append(
            f"your profile rates {rated} of {profile.known.size} O*NET skills and knowledge "
            "areas; the rest are assumed at a baseline, so readiness and kinds are rough — add "
            "positions or inventory entries to sharpen them"
        )
    sources_used = (space.onet_version, space.esco_version, "your own entries" if data else basis)
    compare_code = resolve_occupation(space, compare, field_name="compare") if compare else None
    if compare_code is None and rows:
        # The best real move: comparing you with your own occupation shows nothing new.
        compare_code = next((r.code for r in rows if r.kind != "same"), rows[0].code)
    chart = chart_rows(space, profile, space.row_of[compare_code], 10) if compare_code else ()
    reference = tuple((space.codes[i], space.titles[i]) for i in (rel.sources if rel else ()))
    return PivotList(
        rows,
        int(full_order.size),
        basis,
        profile.job_zone,
        r.available,
        (*sources_used, "related occupations built from " + space.onet_version)
        if rel is not None
        else sources_used,
        tuple(notes),
        compare_code,
        chart,
        reference,
    )


def _ordered(
    space: OccupationSpace,
    profile: CapabilityProfile,
    r: Ranking,
    data: PersonData | None,
    from_: str | None,
) -> tuple[Related | None, np.ndarray | None, np.ndarray, np.ndarray]:
    """The pivot order (``analysis.pivot_blend``) with what it was blended from: relatedness
    to the source or held occupations and, for a person, the z-scores of their words."""
    person = data if from_ is None else None
    sources = reference_sources(space, profile, person) if person else _sources(space, profile)
    rel = related(neighbour_table(), sources) if sources else None
    text_z = person.text_z if person else None
    words = neighbourhood(text_z, neighbour_table()) if text_z is not None else None
    held = person is not None and any(p.occupation_code for p in person.held)
    blend = person_blend(rel is not None, held=held) if from_ is None else None
    order, final = pivot_order(r, rel, blend=blend, text=words)
    return rel, text_z, order, final


# A similarity-only link under this score does not say what an occupation requires in ESCO.
WEAK_LINK_SCORE = 0.5


def weak_esco_link(code: str) -> str | None:
    """Why the occupation's ESCO essentials may not apply, when its only ESCO links are title
    similarities (no Nesta crosswalk entry) and the best scores under ``WEAK_LINK_SCORE``:
    308 of 999 linked O*NET occupations, e.g. Compensation and Benefits Managers reach ESCO
    as "social security administrator" (0.26)."""
    from careerceo.knowledge import load_knowledge

    kb = load_knowledge()
    links = kb.esco_links_for(code)
    if not links or any("nesta" in link.method for link in links):
        return None
    best = max(links, key=lambda link: link.score)
    if best.score >= WEAK_LINK_SCORE:
        return None
    label = kb.esco_occupation(best.esco_uri).preferred_label
    return f"linked to ESCO only by title similarity to “{label}” ({best.score:.2f}): may not apply"


@lru_cache(maxsize=1)
def licences() -> dict[str, str]:
    """Occupations whose O*NET description says a licence is required (a few ms, once)."""
    from careerceo.knowledge import load_knowledge

    return licence_table({o.code: o.description for o in load_knowledge().occupations})


def _sources(space: OccupationSpace, profile: CapabilityProfile) -> list[tuple[int, float]]:
    """The occupations the ranking relates to: the --from occupation (credit 1), or each
    occupation the person held, weighted by its credit (recency x tenure, relative)."""
    weights: dict[int, float] = defaultdict(float)
    for code, credit in profile.occupations:
        if code in space.row_of and credit > 0:
            weights[space.row_of[code]] = max(weights[space.row_of[code]], credit)
    return sorted(weights.items())


def pivot_detail(
    ctx: AppContext | None,
    code: str,
    *,
    from_: str | None = None,
    space: OccupationSpace | None = None,
) -> PivotDetail:
    space = space or occupation_space()
    target = resolve_occupation(space, code, field_name="code")
    profile, basis, data = _profile_for(ctx, space, from_)
    r = rank(space, profile)
    order = _ordered(space, profile, r, data, from_)[2]
    d = detail(space, profile, r, target, basis="your own entries" if data else basis, order=order)
    if weak := weak_esco_link(target):
        d = hedge_esco(d, weak)
    zone = space.job_zone[space.row_of[target]]
    how = doable(
        target,
        None if np.isnan(zone) else float(zone),
        profile.job_zone,
        d.readiness,
        licences(),
        [code for code, _ in profile.occupations],
        space.onet_version,
    )
    if how.summary:
        # "Doable" beside the score, never inside it: the zone step, readiness and a licence.
        return replace(d, notes=(f"How doable: {how.summary}.", *d.notes))
    return d
