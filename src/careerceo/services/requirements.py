"""The one requirements engine: what a posting asks for against what the person can show.

``career gap``, the gap page, résumé match and tailoring, the ranking of saved postings and the
pitch all present the result of ``assess`` (or, for ranking many postings, the same two halves:
``read_posting`` and ``person_evidence``), so they cannot disagree on what is missing, what is
covered or how many years the person has worked.

Reading a posting: the skill extractor's mentions, without the posting's own company name and
without a software category the posting only names as an activity; when the posting has
requirement sections (responsibilities, qualifications, must / nice to have, skills) only the
mentions in them count, so the company blurb, benefits and equal-opportunity text add nothing;
a concept the extractor itself doubts is dropped by ``analysis.job_gap``.

The person's evidence: the capability profile's pieces strong enough on their own (see
``pivots.have_index``), their education and the years their positions span (overlaps once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerceo.analysis.job_gap import JobGap, analyse
from careerceo.services.context import AppContext
from careerceo.text.fold import fold

if TYPE_CHECKING:
    from careerceo.analysis.pivot_space import OccupationSpace
    from careerceo.skills.model import SkillHit

# Sections of a posting that say what the job needs; the rest (an untitled opening paragraph,
# "About us", benefits) describe the company.
REQUIREMENT_SECTIONS = frozenset(
    {"requirements", "preferred", "responsibilities", "skills", "experience", "education"}
)


def names_company(mention: str, company: str) -> bool:
    """ "Google" in a Google posting ("teams within Google") is the employer, not a skill the
    posting asks for (the lexicon knows Google as a product and as search engines)."""
    name = fold(company)
    said = fold(mention)
    if not name or not said:
        return False
    core = re.sub(r"\b(?:inc|llc|ltd|limited|corp|corporation|plc|gmbh|co)\b\.?", "", name)
    core = " ".join(core.replace(",", " ").split())
    return said in {name, core} or (bool(core) and said == core.split()[0] and len(said) > 3)


_SOFTWARE_WORDS = re.compile(
    r"\b(?:software|tools?|systems?|platforms?|applications?|apps?|programs?|suites?|packages?)\b",
    re.IGNORECASE,
)


def names_a_category_only(mention: str, label: str, taxonomy: str) -> bool:
    """ "compliance requirements", "analytical skills", "statistic filings": the posting names
    an activity, which the O*NET list also has as a software category ("Compliance software",
    "Analytical software"). Without a word for software it is not a technology the posting asks
    for."""
    if taxonomy not in {"onet-tech", "onet-tool"} or _SOFTWARE_WORDS.search(mention):
        return False
    said = fold(mention)
    name = fold(label)
    return name.removesuffix(" software") != name and name.removesuffix(" software").startswith(
        said.rstrip("s")[: max(4, len(said) - 3)]
    )


@dataclass(frozen=True)
class PostingRead:
    """A posting as the engine reads it."""

    text: str  # as analysed: hit spans index into it
    hits: tuple[SkillHit, ...]  # the mentions that are requirements
    preferred: tuple[tuple[int, int], ...]  # spans under a preferred-qualifications heading
    warnings: tuple[str, ...]
    outside: int  # mentions left out because they sit outside the requirement sections


def read_posting(text: str, company: str = "", data_dir: Path | None = None) -> PostingRead:
    """The posting's requirements. With ``data_dir``, the skill reading goes through that data
    directory's extraction cache: asking again about the same posting (after changing one's
    profile, or from another command) does not load the skill lexicon a second time (about
    half a second and 80 MB of a cold command); the reading itself is the same."""
    from careerceo.skills.context import segments

    if data_dir is not None:
        from careerceo.services.pivot_data import extract as cached_extract

        result = cached_extract(text, "posting", data_dir)
    else:
        from careerceo.skills.extractor import extract

        result = extract(text, "posting")
    parts = segments(result.text)
    sectioned = any(p.section in REQUIREMENT_SECTIONS for p in parts)
    asked = [
        h
        for h in result.hits
        if not names_company(h.text, company)
        and not names_a_category_only(h.text, h.label, h.taxonomy)
    ]
    kept = [h for h in asked if not sectioned or h.section in REQUIREMENT_SECTIONS]
    warnings = list(result.warnings)
    if len(kept) < len(asked):
        warnings.append(
            f"{len(asked) - len(kept)} skill mentions outside the posting's requirement sections "
            "(company description, benefits) are not counted as requirements"
        )
    return PostingRead(
        text=result.text,
        hits=tuple(kept),
        preferred=tuple((p.start, p.end) for p in parts if p.section == "preferred"),
        warnings=tuple(warnings),
        outside=len(asked) - len(kept),
    )


@dataclass(frozen=True)
class PersonEvidence:
    have: dict[str, list[str]]  # requirement key → the person's evidence for it
    education_category: int | None
    years: float | None  # years the positions span, overlaps counted once
    basis: str  # what the evidence was read from, for the person


def person_evidence(
    ctx: AppContext | None,
    *,
    from_: str | None = None,
    space: OccupationSpace | None = None,
    today: date | None = None,
) -> PersonEvidence:
    from careerceo.analysis.capability import education_category
    from careerceo.services.pivot_space import occupation_space
    from careerceo.services.pivots import _profile_for, have_index, years_of_experience

    space = space or occupation_space()
    profile, basis, data = _profile_for(ctx, space, from_)
    edu: int | None = None
    years: float | None = None
    if data is not None:
        known = [c[0] for e in data.education if (c := education_category(f"{e.degree} {e.field}"))]
        edu = max(known) if known else None
        years = years_of_experience(data.positions, today or date.today())
    return PersonEvidence(have_index(space, profile, data), edu, years, basis)


def assess_read(posting: PostingRead, person: PersonEvidence) -> JobGap:
    """The engine's answer for one posting already read (pure)."""
    return analyse(
        posting.hits,
        person.have,
        text=posting.text,
        education_category=person.education_category,
        years_experience=person.years,
        warnings=posting.warnings,
        preferred_spans=posting.preferred,
    )


def assess(
    ctx: AppContext | None,
    text: str,
    *,
    company: str = "",
    from_: str | None = None,
    space: OccupationSpace | None = None,
) -> JobGap:
    """Requirements of a posting, what the person has (with evidence) and what is missing."""
    data_dir = ctx.settings.data_dir if ctx is not None else None
    return assess_read(
        read_posting(text, company, data_dir), person_evidence(ctx, from_=from_, space=space)
    )


def requirement_weights(text: str, company: str = "") -> dict[str, Any]:
    """A posting's requirements for ranking: each requirement once under its shown key, with
    the other keys it stands for as aliases (so "Python" the product and "Python" the ESCO
    skill are one requirement there too)."""
    read = read_posting(text, company)
    reqs = analyse(read.hits, {}, text=read.text).requirements
    return {
        "weights": {r.key: r.weight for r in reqs},
        "aliases": {k: r.key for r in reqs for k in r.keys if k != r.key},
    }
