"""Pivot use-cases: read what the person entered, build their profile, rank, explain, gap.

The shells (CLI, web, API) call only these functions. Everything the person owns is read with
one ``person_id`` filter; the knowledge base and the skill extractor are process-wide caches.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from careerceo.actions import Action, ActionKind
from careerceo.analysis.capability import (
    CERT_SOURCE,
    INVENTORY_SOURCE,
    RESUME_SOURCE,
    CapabilityProfile,
    ConceptHit,
    EducationItem,
    InventoryItem,
    PositionItem,
    build_profile,
    occupation_profile,
    resolve_name,
)
from careerceo.analysis.job_gap import JobGap, concept_key, years_worked
from careerceo.analysis.pivot import (
    GAP_THRESHOLD,
    KIND_LABELS,
    KINDS,
    PivotFilters,
    Ranking,
    rank,
)
from careerceo.analysis.pivot_detail import PivotDetail, chart_rows, detail, element_label
from careerceo.analysis.pivot_space import RIASEC, OccupationSpace
from careerceo.analysis.related import (
    COMPONENT_LABELS,
    Neighbours,
    Related,
    Words,
    best_pair,
    leading_components,
    related,
)
from careerceo.analysis.wording import plural
from careerceo.errors import CareerError, NotFoundError
from careerceo.services.pivot_space import neighbour_table, occupation_space, ranking_space

if TYPE_CHECKING:  # the store (SQLAlchemy) loads only when a person's rows are read
    from careerceo.services.context import AppContext
    from careerceo.skills.model import ExtractionResult

EMPTY_PROFILE = (
    "your profile is empty, so there is nothing to rank pivots from; first add skills to your "
    "inventory, a position with its job title or import a résumé — or rank from a past "
    "occupation"
)
TITLE_MIN_SCORE = 0.6
# O*NET level (0..7) one piece of evidence must reach to meet a posting's requirement:
# 3 is between "aware" (1.5) and "working" (4.0, a skill named in the résumé).
HAVE_LEVEL = 3.0
MAX_POSTING_CHARS = 200_000
# A person's order: relatedness to the occupations they held (build-time composite of tasks,
# activities, knowledge, titles, technology), blended with the signals of their own entries
# (skills, knowledge, résumé concepts), both as z-scores. The occupations they held say most
# about what they do; their own entries add what no title says. Fixed, not fitted.
RELATED_SHARE = 0.6


@dataclass(frozen=True)
class Blend:
    """A person's order: the weights of relatedness to the occupations they held (build-time
    composite), of the engine's score on their own entries and of how close their own words
    (titles, position descriptions, résumé) are to each occupation's tasks and titles, all
    as z-scores. Chosen by cross-validation on training résumés
    (``benchmarks/bench_pivot_resumes.py --tune``), never on the evaluation set."""

    related: float = RELATED_SHARE
    engine: float = 1 - RELATED_SHARE
    text: float = 0.0


# Two-fold cross-validation on 99 training résumés (UpdatedResumeDataSet.csv, 4 per category):
# mean share of the top 10 in fitting groups 0.40 with the old blend (0.6, 0.4, no text), 0.73
# with the words; (0.4, 0.2, 0.6) ties the best on training (0.732 vs 0.733) and keeps the
# relatedness to held occupations, which is what explains a row.
BLEND = Blend(related=0.4, engine=0.2, text=0.6)
POSITION_CANDIDATES = 5  # title candidates a position's own words choose among
POSITION_TEXT_WEIGHT = 0.5  # cosine of the position's words with a candidate, added to its score
EXPLAIN_ROWS = 50  # rows that get task/title evidence (the ones a person reads)


@dataclass
class PersonData:
    inventory: list[InventoryItem] = field(default_factory=list)
    positions: list[PositionItem] = field(default_factory=list)
    descriptions: list[tuple[str, str]] = field(default_factory=list)  # (position label, text)
    position_texts: list[str] = field(default_factory=list)  # each position's description
    education: list[EducationItem] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    resume_text: str = ""
    interests: dict[str, float] | None = None
    data_dir: Path | None = None  # whose extraction cache to use (None: the settings')


@dataclass
class PivotRow:
    rank: int
    code: str
    title: str
    score: float
    kind: str
    kind_label: str
    job_zone: int | None
    readiness: float | None  # None: the profile rates no O*NET skill or knowledge area
    transfers: list[str]
    gaps: list[str]
    signals: dict[str, float | None]
    contributions: dict[str, float]
    zone_penalty: float
    intent_adjustment: float
    # Why it is related (the build-time composite): its value (z, mean of the components'
    # standardised similarities), the components that made it related, the occupation it is
    # related to (the source, or the person's position it comes through) and the evidence.
    related: float | None = None
    related_by: list[str] = field(default_factory=list)
    related_to: str | None = None
    because: list[str] = field(default_factory=list)
    # How close the person's own words are to its tasks and titles (z over occupations).
    words_match: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class PivotList:
    rows: list[PivotRow]
    total: int  # occupations passing the filters
    basis: str  # what the profile was built from
    person_zone: float | None
    signals_used: tuple[str, ...]
    sources: tuple[str, ...]
    notes: tuple[str, ...] = ()
    compare_code: str | None = None  # the pivot the chart compares you with
    chart: tuple[tuple[str, float, float], ...] = ()
    # The reference point(s): the source occupation, or the person's own occupations. Not
    # pivots, so never in ``rows``.
    reference: tuple[tuple[str, str], ...] = ()


# -- reading the person ---------------------------------------------------------------------


def _normal_taxonomy(taxonomy: str | None, concept_id: str | None, name: str) -> tuple[str, str]:
    tax = (taxonomy or "").strip().casefold()
    cid = (concept_id or "").strip()
    if tax in ("onet-element", "onet"):
        return "onet", cid
    if tax in ("tech", "onet-tech", "onet-tool"):
        # Extractor ids name the commodity class; the product name is the concept here.
        return "tech", name if (not cid or cid.startswith("onet-")) else cid
    return tax, cid


def read_person(ctx: AppContext) -> PersonData:
    """Everything the pivot engine uses, for the context's person only."""
    from careerceo.store.documents import DocumentRepository
    from careerceo.store.profile import CertificationRepository, EducationRepository
    from careerceo.store.repositories import (
        InventoryRepository,
        PersonRepository,
        PositionRepository,
    )

    pid = ctx.person_id
    data = PersonData(data_dir=ctx.settings.data_dir)
    with ctx.db.transaction() as s:
        for e in InventoryRepository(s, pid).in_order_added():
            tax, cid = _normal_taxonomy(e.taxonomy, e.concept_id, e.name)
            data.inventory.append(
                InventoryItem(
                    e.kind, e.name, e.level, e.intent, tax or None, cid or None, e.evidence
                )
            )
        for p in PositionRepository(s, pid).in_order_added():
            data.positions.append(
                PositionItem(p.title, p.occupation_code, p.employer, p.start_date, p.end_date)
            )
            data.position_texts.append(p.description or "")
            if p.description.strip():
                data.descriptions.append((f"{p.title} at {p.employer}", p.description))
        for ed in EducationRepository(s, pid).list():
            data.education.append(EducationItem(ed.degree, ed.field, ed.institution, ed.end_date))
        data.certifications = [c.name for c in CertificationRepository(s, pid).list()]
        doc = DocumentRepository(s, pid).last_updated_original("resume")
        if doc is not None:
            data.resume_text = doc.text or ""
        person = PersonRepository(s, pid).get()
        if person is not None:
            riasec = (person.extra or {}).get("riasec")
            if isinstance(riasec, dict):
                data.interests = {str(k): float(v) for k, v in riasec.items()}
    return data


def _position_codes(space: OccupationSpace, data: PersonData) -> list[PositionItem]:
    """Positions with an occupation code: the stored one, else the title normalised (answers
    kept in the data directory's cache, so a warm run does not load the title index)."""
    out: list[PositionItem] = []
    texts = data.position_texts or [""] * len(data.positions)
    codes = _title_codes(
        space,
        [(p.title, f"{p.title}\n{t}") for p, t in zip(data.positions, texts, strict=False)],
        data.data_dir,
    )
    for pos, found in zip(data.positions, codes, strict=False):
        code = pos.occupation_code
        if code and code not in space.row_of:
            code = None
        if code is None and pos.title.strip():
            code = found
        out.append(PositionItem(pos.title, code, pos.employer, pos.start, pos.end))
    return out


def _title_codes(
    space: OccupationSpace, items: list[tuple[str, str]], data_dir: Path | None
) -> list[str | None]:
    """``title_to_code`` for each (title, text), through a JSON cache keyed by the title
    matcher's version, the occupation words and this module's code."""
    import hashlib
    import json

    from careerceo.knowledge import load_knowledge
    from careerceo.knowledge.matching import matcher_for, matcher_version

    wanted = [(t, x) for t, x in items if t.strip()]
    if not wanted:
        return [None] * len(items)
    kb = load_knowledge()
    digest = hashlib.sha256(matcher_version(kb).encode())
    digest.update(Path(__file__).read_bytes())
    path = _cache_dir(data_dir) / f"titles-{digest.hexdigest()[:20]}.json"
    try:
        stored = json.loads(path.read_text("utf-8"))
        known: dict[str, str | None] = stored if isinstance(stored, dict) else {}
    except (OSError, ValueError):
        known = {}

    def key(title: str, text: str) -> str:
        return hashlib.sha256(f"{title}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    missing = [(t, x) for t, x in wanted if key(t, x) not in known]
    if missing:
        # The title index through its own disk cache (seconds to build, well under one to read).
        matcher_for(kb, (data_dir or _cache_dir(None).parent.parent) / "cache")
        for title, text in missing:
            known[key(title, text)] = title_to_code(title, text, space)
        _write_json(path, known)
    return [known.get(key(t, x)) if t.strip() else None for t, x in items]


def title_to_code(title: str, text: str = "", space: OccupationSpace | None = None) -> str | None:
    """The occupation of a held title: the best normalised match, or, among the title's close
    candidates, the one whose tasks and titles the position's own words (title and
    description) match best: a "Consultant" whose bullets are about court filings is not a
    sales consultant, and an "Office Clerk/Federal Contractor" is an office clerk."""
    from careerceo.knowledge.matching import normalize_title

    try:
        result = normalize_title(title, limit=POSITION_CANDIDATES)
    except CareerError:
        return None
    candidates = [c for c in result.candidates if c.score >= TITLE_MIN_SCORE]
    if not candidates:
        return None
    if len(candidates) == 1 or not text.strip() or space is None:
        return candidates[0].code
    sim = _text_similarity(text)
    return max(
        candidates,
        key=lambda c: (
            c.score
            + POSITION_TEXT_WEIGHT
            * float(sim[space.row_of[c.code]] if c.code in space.row_of else 0)
        ),
    ).code


def _text_similarity(text: str) -> np.ndarray:
    from careerceo.knowledge.words import tokens
    from careerceo.services.pivot_space import occupation_words

    return occupation_words().similarity(tokens(text))


def person_text(data: PersonData) -> str:
    """The person's own words about their work: held titles (twice: what they were called
    weighs as much as a paragraph), position descriptions, the résumé, inventory names."""
    titles = [p.title for p in data.positions if p.title.strip()]
    parts = titles + titles + [t for t in data.position_texts if t.strip()]
    if data.resume_text.strip():
        parts.append(data.resume_text)
    parts += [i.name for i in data.inventory if i.intent != "add"]
    return "\n".join(parts)


def _cache_dir(data_dir: Path | None) -> Path:
    if data_dir is None:
        from careerceo.settings import load_settings

        data_dir = load_settings().data_dir
    return data_dir / "cache" / "skills"


def extract(text: str, kind: str, data_dir: Path | None = None) -> ExtractionResult:
    """The skill extractor's result, kept in the data directory's cache: re-reading the same
    résumé, descriptions and inventory names then does not load the lexicon at all."""
    from careerceo.skills.cache import extraction_cache

    return extraction_cache(_cache_dir(data_dir)).extract(text, kind)


def _hits_to_concepts(hits: Any, source: str, detail: str) -> list[ConceptHit]:
    out: list[ConceptHit] = []
    for h in hits:
        tax, cid = _normal_taxonomy(h.taxonomy, h.concept_id, h.label)
        if tax not in ("onet", "tech", "esco"):
            continue
        out.append(ConceptHit(tax, cid, h.label, source, f"{detail}: “{h.text}”"))
    return out


def _text_concepts(data: PersonData) -> list[ConceptHit]:
    """Concepts the skill extractor finds in the résumé, certifications and job descriptions."""
    if not (data.resume_text.strip() or data.certifications or data.descriptions):
        return []
    out: list[ConceptHit] = []
    if data.resume_text.strip():
        out += _hits_to_concepts(
            extract(data.resume_text, "resume", data.data_dir).hits, RESUME_SOURCE, "résumé"
        )
    for cert in data.certifications:
        hits = extract(cert, "profile", data.data_dir).hits
        out += _hits_to_concepts(hits, CERT_SOURCE, cert)
    for label, text in data.descriptions:
        hits = extract(text, "profile", data.data_dir).hits
        out += _hits_to_concepts(hits, "your positions", label)
    return out


def _in_space(space: OccupationSpace, taxonomy: str, concept_id: str) -> bool:
    """Can the ranking use this concept? Only ESCO skills some occupation asks for are in the
    space, so an extractor hit such as ESCO's "SQL" may be unusable while O*NET's
    "Structured query language SQL", found in the same words, is."""
    return space.concept_column(taxonomy, concept_id) is not None


def _loose_cache_path(space: OccupationSpace, data_dir: Path | None) -> Path:
    """Keyed by the extractor's version, the space's concepts and this module's code."""
    import hashlib

    from careerceo.skills.cache import extractor_version

    digest = hashlib.sha256(extractor_version().encode())
    for part in (space.onet_version, space.esco_version, *space.tech_names, *space.esco_ids):
        digest.update(part.encode() + b"\0")
    digest.update(Path(__file__).read_bytes())
    return _cache_dir(data_dir) / f"loose-{digest.hexdigest()[:20]}.json"


def loose_match(
    space: OccupationSpace, names: list[str], data_dir: Path | None = None
) -> dict[str, tuple[str, str]]:
    """``match_loosely`` with its answers kept in the data directory (see ``extract``)."""
    import json

    if not names:
        return {}
    path = _loose_cache_path(space, data_dir)
    try:
        stored = json.loads(path.read_text("utf-8"))
        known: dict[str, list[str] | None] = stored if isinstance(stored, dict) else {}
    except (OSError, ValueError):
        known = {}
    missing = [n for n in dict.fromkeys(names) if n not in known]
    if missing:
        found = match_loosely(space, missing)
        for name in missing:
            known[name] = list(found[name]) if name in found else None
        _write_json(path, known)
    out: dict[str, tuple[str, str]] = {}
    for name in names:
        value = known.get(name)
        if isinstance(value, list) and len(value) == 2:
            out[name] = (str(value[0]), str(value[1]))
    return out


def _write_json(path: Path, data: object) -> None:
    """Atomically; a cache that cannot be written is only a missed speed-up."""
    import json
    import os
    import tempfile

    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".loose-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        return
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def match_loosely(space: OccupationSpace, names: list[str]) -> dict[str, tuple[str, str]]:
    """For each name, a usable concept whose label has the same words in any order and form
    ("curriculum development" → ESCO "develop curriculum"), or the same words after the
    label's leading verb ("classroom management" → "perform classroom management"). For
    inventory names no exact label or extractor hit covers. Among several, a preferred label
    beats an alternative one, then O*NET before ESCO before technologies, then the concept
    more occupations list. One pass over the lexicon for all the names."""
    from careerceo.skills.extractor import load_extractor
    from careerceo.skills.lexicon import TAXONOMY_RANK
    from careerceo.skills.linker import roots as roots_of
    from careerceo.skills.normalize import key as normal_key

    wanted: dict[frozenset[str], list[str]] = defaultdict(list)
    for name in names:
        roots = frozenset(roots_of(normal_key(name)))
        if roots:
            wanted[frozenset(roots)].append(name)
    if not wanted:
        return {}
    extractor = load_extractor()
    lexicon = extractor.lexicon
    best: dict[frozenset[str], tuple[Any, ...]] = {}
    for roots in wanted:
        # Cheap filter first: a root is (nearly always) a prefix of the word it comes from.
        longest, *others = sorted(roots, key=len, reverse=True)
        candidates = [k for k in lexicon.entries if longest in k]
        for label_key in candidates:
            if not all(w in label_key for w in others):
                continue
            entries = lexicon.entries[label_key]
            label_roots = roots_of(label_key)
            if frozenset(label_roots) == roots:
                without_verb = False
            elif (
                label_key.split()[0] in extractor.verbs
                and frozenset(label_roots[1:]) == roots
                # Without its verb a label must still say two things: "drive coach" is not
                # "coaching".
                and len(roots) >= 2
            ):
                without_verb = True
            else:
                continue
            for entry in entries:
                if entry.kind not in ("p", "a", "v"):
                    continue
                concept = lexicon.concepts[entry.concept]
                tax, cid = _normal_taxonomy(concept.taxonomy, concept.concept_id, concept.label)
                if not _in_space(space, tax, cid):
                    continue
                rank = (
                    without_verb,
                    entry.kind != "p",
                    TAXONOMY_RANK[concept.taxonomy],
                    -concept.weight,
                    cid,
                )
                if roots not in best or rank < best[roots]:
                    best[roots] = (*rank, tax)
    out: dict[str, tuple[str, str]] = {}
    for roots, found in best.items():
        for name in wanted[roots]:
            out[name] = (str(found[-1]), str(found[-2]))
    return out


def _resolve_inventory(space: OccupationSpace, data: PersonData) -> list[InventoryItem]:
    """Free-text inventory names: an exact label, else an extractor hit that covers the whole
    name, else a label with the same words (``loose_match``), else an extractor hit on part of
    the name ("instructional" in "instructional design")."""
    out: list[InventoryItem] = []
    pending = [i for i in data.inventory if not (i.taxonomy and i.concept_id)]
    if not pending:
        return list(data.inventory)
    whole: dict[int, tuple[str, str]] = {}
    part: dict[int, tuple[str, str]] = {}
    for i, item in enumerate(data.inventory):
        if (item.taxonomy and item.concept_id) or resolve_name(space, item.name, item.kind):
            continue
        result = extract(item.name, "profile", data.data_dir)
        for h in result.hits:
            tax, cid = _normal_taxonomy(h.taxonomy, h.concept_id, h.label)
            if not _in_space(space, tax, cid):
                continue
            covers = not (result.text[: h.start].strip() or result.text[h.end :].strip())
            (whole if covers else part).setdefault(i, (tax, cid))
        if i not in whole:
            part.setdefault(i, ("", ""))  # looked up by words below
    names = [data.inventory[i].name for i in part if i not in whole]
    loose = loose_match(space, names, data.data_dir)
    for i, item in enumerate(data.inventory):
        chosen = whole.get(i) or loose.get(item.name) or part.get(i)
        if chosen and chosen[0]:
            item = InventoryItem(
                item.kind, item.name, item.level, item.intent, *chosen, item.evidence
            )
        out.append(item)
    return out


def person_profile(
    ctx: AppContext, space: OccupationSpace | None = None
) -> tuple[CapabilityProfile, PersonData]:
    space = space or occupation_space()
    data = read_person(ctx)
    profile = build_profile(
        space,
        inventory=_resolve_inventory(space, data),
        positions=_position_codes(space, data),
        education=data.education,
        concepts=_text_concepts(data),
        interests=data.interests,
        today=date.today(),
    )
    return profile, data


def capability_summary(ctx: AppContext, space: OccupationSpace | None = None) -> dict[str, Any]:
    """The capability profile as the person can read it: each element with its level and where
    it comes from, the technologies and ESCO skills, job zone and interests."""
    space = space or occupation_space()
    profile, _ = person_profile(ctx, space)
    if profile.is_empty:
        raise CareerError(EMPTY_PROFILE, field="profile", action=Action(ActionKind.INVENTORY))
    intents = {-1: "drop", 0: "keep", 1: "add"}
    elements = [
        {
            "id": space.element_ids[c],
            "name": space.element_names[c],
            "kind": space.element_kinds[c],
            "level": round(float(profile.level[c]), 2),
            "intent": intents[int(profile.intent_element[c])],
            "evidence": [str(e) for e in profile.evidence.get(("element", int(c)), [])[:3]],
        }
        for c in np.argsort(-profile.level, kind="stable")
        if profile.known[c]
    ]
    return {
        "elements": elements,
        "technologies": [space.tech_names[c] for c in np.flatnonzero(profile.tech > 0)],
        "esco_skills": [space.esco_labels[c] for c in np.flatnonzero(profile.esco > 0)],
        "activities": int((profile.dwa > 0).sum()),
        "job_zone": None if profile.job_zone is None else round(profile.job_zone, 2),
        "interests": None
        if profile.interests is None
        else {k: round(float(v), 2) for k, v in zip(RIASEC, profile.interests, strict=True)},
        "interests_source": profile.interests_source,
        "occupations": [
            {"code": code, "title": space.titles[space.row_of[code]], "credit": round(credit, 3)}
            for code, credit in profile.occupations
        ],
        "unmatched": list(profile.unmatched),
        "sources": [space.onet_version, space.esco_version, "your own entries"],
    }


# -- occupations ---------------------------------------------------------------------------


def resolve_occupation(space: OccupationSpace, value: str, *, field_name: str = "from") -> str:
    """An O*NET-SOC code, or a job title normalised to its best occupation."""
    from careerceo.knowledge import normalise_code

    text = (value or "").strip()
    if not text:
        raise CareerError(
            "give an O*NET-SOC code (e.g. 15-1252.00) or a job title", field=field_name
        )
    # A code is digits, dashes and a dot; "3rd grade teacher" or "911 dispatcher" is a title.
    if not any(ch.isalpha() for ch in text):
        try:
            code = normalise_code(text)
        except CareerError as exc:
            raise NotFoundError(exc.message, field=field_name) from None
        if code not in space.row_of:
            raise NotFoundError(
                f"no O*NET 29.0 occupation has the code {code}; search the occupations by title",
                field=field_name,
                action=Action(ActionKind.OCCUPATIONS),
            )
        return code
    found = title_to_code(text)
    if found is None:
        raise NotFoundError(
            f"no occupation matches the title {text!r}; try another wording or an O*NET-SOC code",
            field=field_name,
        )
    return found


def _profile_for(
    ctx: AppContext | None, space: OccupationSpace, from_: str | None
) -> tuple[CapabilityProfile, str, PersonData | None]:
    if from_:
        code = resolve_occupation(space, from_)
        basis = f"the profile of {code} {space.titles[space.row_of[code]]} ({space.onet_version})"
        return occupation_profile(space, code), basis, None
    if ctx is None:
        raise CareerError(EMPTY_PROFILE, field="profile", action=Action(ActionKind.INVENTORY))
    profile, data = person_profile(ctx, space)
    if profile.is_empty:
        raise CareerError(EMPTY_PROFILE, field="profile", action=Action(ActionKind.INVENTORY))
    parts = []
    if data.inventory:
        parts.append(plural(len(data.inventory), "inventory entry", "inventory entries"))
    if profile.occupations:
        parts.append(plural(len(profile.occupations), "position"))
    if data.education:
        parts.append(plural(len(data.education), "education entry", "education entries"))
    if data.certifications:
        parts.append(plural(len(data.certifications), "certification"))
    if data.resume_text.strip():
        parts.append("your résumé")
    return profile, "your " + ", ".join(parts) if parts else "your entries", data


def check_filters(
    zone_min: int | None = None,
    zone_max: int | None = None,
    families: list[str] | tuple[str, ...] = (),
    hot_tech: bool = False,
    kinds: list[str] | tuple[str, ...] = (),
    exclude_current: bool = False,
) -> PivotFilters:
    for name, zone in (("zone_min", zone_min), ("zone_max", zone_max)):
        if zone is not None and not 1 <= zone <= 5:
            raise CareerError("a job zone is a whole number from 1 to 5", field=name)
    if zone_min is not None and zone_max is not None and zone_min > zone_max:
        raise CareerError("zone_min is above zone_max; swap them", field="zone_min")
    fams: list[str] = []
    for fam in families:
        f = fam.strip()
        if not f:
            continue
        if not (len(f) == 2 and f.isdigit()):
            raise CareerError(
                f"{fam!r} is not an occupation family; use a 2-digit SOC major group, e.g. 15",
                field="family",
            )
        fams.append(f)
    for kind in kinds:
        if kind and kind not in KINDS:
            raise CareerError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}", field="kind")
    return PivotFilters(
        zone_min, zone_max, tuple(fams), hot_tech, tuple(k for k in kinds if k), exclude_current
    )


def _share(value: float) -> float | None:
    return None if math.isnan(float(value)) else round(float(value), 4)


def _row(
    space: OccupationSpace, r: Ranking, i: int, position: int, score: float | None = None
) -> PivotRow:
    """One row; ``score`` is the order's score (the engine's when not given)."""
    zone = space.job_zone[i]
    return PivotRow(
        rank=position,
        code=space.codes[i],
        title=space.titles[i],
        score=round(float(r.score[i]) if score is None else score, 4),
        kind=str(r.kind[i]),
        kind_label=KIND_LABELS[str(r.kind[i])],
        job_zone=None if np.isnan(zone) else int(zone),
        readiness=_share(r.readiness[i]),
        transfers=[
            element_label(space, c)
            for c in r.top_transfer[i]
            if r.met[i, c] > 0 and r.gap_size[i, c] < GAP_THRESHOLD
        ],
        gaps=[element_label(space, c) for c in r.top_gaps[i] if r.gap_size[i, c] >= GAP_THRESHOLD],
        signals={
            k: (None if math.isnan(float(v[i])) else round(float(v[i]), 4))
            for k, v in r.signals.items()
        },
        contributions={k: round(float(v[i]), 4) for k, v in r.contributions.items()},
        zone_penalty=round(float(r.zone_penalty[i]), 4),
        intent_adjustment=round(float(r.intent_adjustment[i]), 4),
    )


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
    sources = _sources(space, profile)
    rel = related(neighbour_table(), sources) if sources else None
    text_z = _person_text_z(data) if from_ is None and data is not None else None
    full_order, final = pivot_order(r, rel, blend=BLEND if from_ is None else None, text=text_z)
    order = full_order if limit is None else full_order[:limit]
    rows = [_row(space, r, int(i), n + 1, float(final[i])) for n, i in enumerate(order)]
    if rel is not None:
        _explain_related(space, rel, rows[:EXPLAIN_ROWS])
    if text_z is not None and data is not None:
        _explain_words(space, text_z, person_text(data), rows[:EXPLAIN_ROWS])
    notes: list[str] = []
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


def _sources(space: OccupationSpace, profile: CapabilityProfile) -> list[tuple[int, float]]:
    """The occupations the ranking relates to: the --from occupation (credit 1), or each
    occupation the person held, weighted by its credit (recency x tenure, relative)."""
    weights: dict[int, float] = defaultdict(float)
    for code, credit in profile.occupations:
        if code in space.row_of and credit > 0:
            weights[space.row_of[code]] = max(weights[space.row_of[code]], credit)
    return sorted(weights.items())


def _z(values: np.ndarray) -> np.ndarray:
    finite = np.isfinite(values)
    if finite.sum() < 2:
        return np.where(finite, 0.0, -np.inf)
    mean = float(values[finite].mean())
    std = float(values[finite].std()) or 1.0
    return np.where(finite, (values - mean) / std, -np.inf)


def _person_text_z(data: PersonData) -> np.ndarray | None:
    """z-scores of how close the person's own words are to each occupation (None: no text)."""
    from careerceo.analysis.text_match import standardised

    text = person_text(data)
    if not text.strip():
        return None
    sim = _text_similarity(text)
    if not sim.any():
        return None
    return standardised(sim).astype(np.float64)


def pivot_order(
    r: Ranking,
    rel: Related | None,
    *,
    blend: Blend | None,
    text: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The rows in pivot order (after the filters ``rank`` applied) and the score shown.

    From an occupation (``blend`` None): its related occupations by the build-time composite,
    then the rest by the engine's score (they are not related: the composite only keeps each
    occupation's nearest neighbours). For a person: the ``blend`` of relatedness to what they
    held, the z-score of the engine's score on their own entries and the z-score of how close
    their own words are to each occupation (a signal missing for this person weighs 0). The
    source occupations are the reference point, not pivots."""
    rows = np.asarray(r.order, np.intp)
    if blend is not None:
        engine = _z(r.score.astype(np.float64))
        total = blend.engine * engine
        weight = blend.engine
        if rel is not None:
            # The person's own occupations are the reference point, whatever the weights.
            rows = rows[~np.isin(rows, np.array(rel.sources, np.intp))]
            if blend.related > 0:
                total = total + blend.related * np.nan_to_num(rel.score.astype(np.float64))
                weight += blend.related
        if text is not None and blend.text > 0:
            total = total + blend.text * text
            weight += blend.text
        if rel is None and (text is None or blend.text <= 0):
            return rows, r.score.astype(np.float64)
        final = total / weight
        order = rows[np.argsort(-final[rows], kind="stable")]
        return order, final
    if rel is None:
        return rows, r.score.astype(np.float64)
    rows = rows[~np.isin(rows, np.array(rel.sources, np.intp))]
    engine = _z(r.score.astype(np.float64))
    related_score = np.nan_to_num(rel.score.astype(np.float64), nan=-np.inf)
    first = np.where(rel.neighbour, related_score, -np.inf)
    keys = np.lexsort((-engine[rows], -first[rows]))
    return rows[keys], related_score


def _words(texts: list[str]) -> list[Words]:
    from careerceo.knowledge.words import tokens

    return [(t, frozenset(tokens(t))) for t in texts]


@lru_cache(maxsize=2048)
def _task_words(code: str) -> list[Words]:
    from careerceo.knowledge import load_knowledge

    return _words(load_knowledge().task_texts(code))


@lru_cache(maxsize=2048)
def _title_words(code: str) -> list[Words]:
    from careerceo.knowledge import load_knowledge

    return _words(load_knowledge().title_texts(code))


def _shared_elements(space: OccupationSpace, a: int, b: int, kind: str, k: int = 3) -> list[str]:
    """Elements both occupations rate important (IM >= 3.5) and above the average occupation,
    the most distinctive first."""
    ix = space.index
    cols = [c for c, e in enumerate(space.element_kinds) if e == kind]
    imp = np.nan_to_num(space.importance[[a, b]][:, cols], nan=0.0)
    lift = imp.min(axis=0) - ix.mean_importance[cols]
    keep = (imp.min(axis=0) >= 3.5) & (lift > 0)
    order = np.argsort(-np.where(keep, lift, -np.inf), kind="stable")
    return [space.element_names[cols[int(c)]] for c in order[: int(keep.sum())][:k]]


def _shared_columns(matrix: Any, idf: Any, names: tuple[str, ...], a: int, b: int) -> list[str]:
    shared = np.flatnonzero((matrix[a] > 0) & (matrix[b] > 0))
    best = shared[np.argsort(-idf[shared], kind="stable")]
    return [names[int(c)] for c in best[:2]]


def _evidence_for(space: OccupationSpace, component: str, src: int, dst: int) -> str | None:
    ix = space.index
    src_code, dst_code = space.codes[src], space.codes[dst]
    if component == "tasks":
        pair = best_pair(_task_words(src_code), _task_words(dst_code), min_shared=3)
        if pair:
            return f"a task of both: “{pair[0]}” ≈ “{pair[1]}”"
    elif component in ("dwa", "iwa", "gwa"):
        shared = _shared_columns(space.dwa, ix.dwa_idf, space.dwa_titles, src, dst)
        if shared:
            return "work activities of both: " + "; ".join(shared)
    elif component == "titles":
        pair = best_pair(_title_words(src_code), _title_words(dst_code), min_shared=1)
        if pair and pair[0].casefold() == pair[1].casefold():
            return f"both are called “{pair[0]}”"
        if pair:
            return f"job titles: “{pair[0]}” ≈ “{pair[1]}”"
    elif component in ("knowledge", "skills"):
        names = _shared_elements(
            space, src, dst, "knowledge" if component == "knowledge" else "skill"
        )
        if names:
            return f"both rely on {component}: " + ", ".join(names)
    elif component == "technology":
        # Hot technologies first: a rare product two long lists share by chance says little.
        weight = ix.tech_idf + 10.0 * space.tech_hot
        shared = _shared_columns(space.tech, weight, space.tech_names, src, dst)
        if shared:
            return "technology both use: " + ", ".join(shared)
    return None


def _explain_related(space: OccupationSpace, rel: Related, rows: list[PivotRow]) -> None:
    """Fill each row's relatedness, its leading components and two or three pieces of
    evidence (matching task statements, titles, shared activities or knowledge areas)."""
    nb: Neighbours = neighbour_table()
    for row in rows:
        i = space.row_of[row.code]
        via = int(rel.via[i])
        row.related = round(float(rel.score[i]), 3)
        row.related_to = f"{space.codes[via]} {space.titles[via]}"
        if not rel.neighbour[i] or np.isnan(rel.parts[i]).all():
            row.because = [f"not among the {nb.index.shape[1]} occupations closest to it"]
            continue
        leading = leading_components(rel.parts[i], nb.components, k=3)
        row.related_by = [COMPONENT_LABELS[c] for c in leading]
        seen_activity = False
        for component in leading:
            if component in ("dwa", "iwa", "gwa"):
                if seen_activity:
                    continue
                seen_activity = True
            found = _evidence_for(space, component, via, i)
            if found:
                row.because.append(found)
        row.because = row.because[:3]


WORDS_EVIDENCE_Z = 1.0  # the words match is worth quoting when clearly above the average


def _explain_words(
    space: OccupationSpace, text_z: np.ndarray, text: str, rows: list[PivotRow]
) -> None:
    """The words of the person's own text that match a row's tasks and titles most, as the
    first piece of evidence when that match is clearly above the average occupation's."""
    from careerceo.knowledge.words import surface_forms, tokens
    from careerceo.services.pivot_space import occupation_words

    words = occupation_words()
    toks = tokens(text)
    forms = surface_forms(text)
    for row in rows:
        i = space.row_of[row.code]
        row.words_match = round(float(text_z[i]), 3)
        if text_z[i] < WORDS_EVIDENCE_Z:
            continue
        shared = [forms.get(w, w) for w in words.shared(toks, i, k=4)]
        if shared:
            row.because.insert(0, "your own words match its tasks and titles: " + ", ".join(shared))
            row.because = row.because[:3]


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
    return detail(space, profile, r, target, basis="your own entries" if data else basis)


# -- job-description gap ---------------------------------------------------------------------


def check_posting(raw: bytes | str) -> str:
    """Posting text from a file or paste, or a one-line message saying what is wrong."""
    if isinstance(raw, bytes):
        if b"\x00" in raw[:8192]:
            raise CareerError(
                "the job description looks binary (a PDF or image?); "
                "paste or save it as plain text",
                field="job",
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    else:
        text = raw
    if not text.strip():
        raise CareerError(
            "the job description is empty; paste the posting's text or give a file with it",
            field="job",
        )
    if len(text) > MAX_POSTING_CHARS:
        raise CareerError(
            f"the job description is {len(text)} characters; keep it under {MAX_POSTING_CHARS}",
            field="job",
        )
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:5000])
    if printable < 0.9 * min(len(text), 5000):
        raise CareerError(
            "the job description is not readable text (binary content); save it as plain text",
            field="job",
        )
    return text


def have_index(
    space: OccupationSpace, profile: CapabilityProfile, data: PersonData | None
) -> dict[str, list[str]]:
    """What the person has, keyed like posting requirements, each with its evidence.

    An inventory entry the person marked "add" is a gap they mean to close: on its own it does
    not meet a requirement. Nor does a technology on the O*NET list of a past position's
    occupation (a store manager is not credited with all 146 products General and Operations
    Managers report): technologies count when the person names them (inventory, résumé,
    certifications, position descriptions)."""
    have: dict[str, list[str]] = defaultdict(list)

    def held(component: str, col: int, floor: float = 0.0) -> list[str]:
        evs = profile.evidence.get((component, col), [])
        # ESCO's list for an occupation the person held says what that job usually involves,
        # not what this person showed: like a typical technology, it meets no requirement.
        return [
            str(e)
            for e in evs
            if not (e.wanted or e.typical or (component == "esco" and e.implied))
            and (e.level is None or e.level >= floor)
        ][:2]

    for col in np.flatnonzero(profile.known & (profile.level >= HAVE_LEVEL)):
        # Each piece must say "working level" on its own: a profile level of 4 from one job
        # does not make "Accountants: level 0.5 x credit 0.25" evidence for Design.
        if found := held("element", int(col), HAVE_LEVEL):
            have[f"onet:{space.element_ids[col]}"] += found
    for col in np.flatnonzero(profile.tech > 0):
        if found := held("tech", int(col)):
            have[f"tech:{space.tech_names[col].casefold()}"] += found
    for col in np.flatnonzero(profile.esco > 0):
        if found := held("esco", int(col)):
            have[f"esco:{space.esco_ids[col]}"] += found
    if data is not None and (data.certifications or data.resume_text.strip()):
        for cert in data.certifications:
            for h in extract(cert, "profile", data.data_dir).hits:
                have[concept_key(h.taxonomy, h.concept_id, h.label)].append(
                    f"{cert} ({CERT_SOURCE})"
                )
        if data.resume_text.strip():
            for h in extract(data.resume_text, "resume", data.data_dir).hits:
                if h.taxonomy == "cert":
                    have[concept_key(h.taxonomy, h.concept_id, h.label)].append(
                        f"“{h.text}” ({RESUME_SOURCE})"
                    )
    if data is not None:
        # A certification entered in the inventory ("ACLS") is not a skill the ranking can
        # use, but a posting that asks for it is met.
        stated = [i for i in data.inventory if i.intent != "add" and i.name.strip()]
        if stated:
            for item in stated:
                for h in extract(item.name, "profile", data.data_dir).hits:
                    if h.taxonomy == "cert":
                        have[concept_key(h.taxonomy, h.concept_id, h.label)].append(
                            f"{item.name}: level {item.level}/5 ({INVENTORY_SOURCE})"
                        )
    return {k: list(dict.fromkeys(v)) or ["in your profile"] for k, v in have.items()}


def years_of_experience(positions: list[PositionItem], today: date) -> float | None:
    """Years the dated positions span; two jobs held at once count once."""
    return years_worked(((p.start, p.end) for p in positions), today)


def job_gap(
    ctx: AppContext | None,
    text: str,
    *,
    from_: str | None = None,
    space: OccupationSpace | None = None,
    company: str = "",
) -> JobGap:
    """Requirements of a posting, what the person has (with evidence) and what is missing:
    the requirements engine's answer (``services.requirements``), the same one résumé match,
    tailoring, ranking and the pitch present."""
    from careerceo.services.requirements import assess

    return assess(ctx, check_posting(text), company=company, from_=from_, space=space)
