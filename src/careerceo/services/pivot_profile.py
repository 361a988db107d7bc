"""What the pivot engine knows of a person: their entries read through the owner-scoped
repositories, resolved against the occupation space, and built into a capability profile.

Split from ``services.pivots`` (ranking, detail and gap) because reading and resolving the
person's own words is a job of its own, and the one that touches their rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from careerceo.analysis.capability import (
    CERT_SOURCE,
    RESUME_SOURCE,
    CapabilityProfile,
    ConceptHit,
    EducationItem,
    InventoryItem,
    PositionItem,
    build_profile,
    resolve_name,
)
from careerceo.analysis.pivot_space import OccupationSpace
from careerceo.errors import CareerError
from careerceo.services.context import AppContext
from careerceo.services.pivot_space import occupation_space
from careerceo.store.documents import DocumentRepository
from careerceo.store.profile import CertificationRepository, EducationRepository
from careerceo.store.repositories import (
    InventoryRepository,
    PersonRepository,
    PositionRepository,
)

TITLE_MIN_SCORE = 0.6  # a job title matched less surely than this names no occupation


@dataclass
class PersonData:
    inventory: list[InventoryItem] = field(default_factory=list)
    positions: list[PositionItem] = field(default_factory=list)
    descriptions: list[tuple[str, str]] = field(default_factory=list)  # (position label, text)
    education: list[EducationItem] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    resume_text: str = ""
    interests: dict[str, float] | None = None


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
    pid = ctx.person_id
    data = PersonData()
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
    """Positions with an occupation code: the stored one, else the title normalised."""
    out: list[PositionItem] = []
    for pos in data.positions:
        code = pos.occupation_code
        if code and code not in space.row_of:
            code = None
        if code is None and pos.title.strip():
            code = title_to_code(pos.title)
        out.append(PositionItem(pos.title, code, pos.employer, pos.start, pos.end))
    return out


def title_to_code(title: str) -> str | None:
    from careerceo.knowledge.matching import normalize_title

    try:
        result = normalize_title(title, limit=1)
    except CareerError:
        return None
    best = result.best
    if best is None or best.score < TITLE_MIN_SCORE:
        return None
    return best.code


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
    from careerceo.skills.extractor import extract

    out: list[ConceptHit] = []
    if data.resume_text.strip():
        out += _hits_to_concepts(extract(data.resume_text, "resume").hits, RESUME_SOURCE, "résumé")
    for cert in data.certifications:
        out += _hits_to_concepts(extract(cert, "profile").hits, CERT_SOURCE, cert)
    for label, text in data.descriptions:
        out += _hits_to_concepts(extract(text, "profile").hits, "your positions", label)
    return out


def _in_space(space: OccupationSpace, taxonomy: str, concept_id: str) -> bool:
    """Can the ranking use this concept? Only ESCO skills some occupation asks for are in the
    space, so an extractor hit such as ESCO's "SQL" may be unusable while O*NET's
    "Structured query language SQL", found in the same words, is."""
    return space.concept_column(taxonomy, concept_id) is not None


# Words that carry no meaning of their own in a skill name ("management *of* people").
_LINK_WORDS = frozenset({"of", "and", "for", "in", "on", "with", "to", "or", "&"})
_NOUN_ENDINGS = ("ization", "ation", "ment", "ion")


def _root(norm: str) -> str:
    """A normalised word without its noun ending: "management" and "manage" meet, as do
    "development" and "develop"."""
    from careerceo.skills.normalize import stem

    for ending in _NOUN_ENDINGS:
        if norm.endswith(ending) and len(norm) - len(ending) >= 4:
            return stem(norm[: -len(ending)])
    return norm


def _roots(key: str) -> list[str]:
    return [_root(w) for w in key.split() if w not in _LINK_WORDS]


def loose_match(space: OccupationSpace, names: list[str]) -> dict[str, tuple[str, str]]:
    """For each name, a usable concept whose label has the same words in any order and form
    ("curriculum development" → ESCO "develop curriculum"), or the same words after the
    label's leading verb ("classroom management" → "perform classroom management"). For
    inventory names no exact label or extractor hit covers. Among several, a preferred label
    beats an alternative one, then O*NET before ESCO before technologies, then the concept
    more occupations list. One pass over the lexicon for all the names."""
    from careerceo.skills.extractor import load_extractor
    from careerceo.skills.lexicon import TAXONOMY_RANK
    from careerceo.skills.normalize import key as normal_key

    wanted: dict[frozenset[str], list[str]] = defaultdict(list)
    for name in names:
        roots = frozenset(_roots(normal_key(name)))
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
            label_roots = _roots(label_key)
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
    from careerceo.skills.extractor import extract

    whole: dict[int, tuple[str, str]] = {}
    part: dict[int, tuple[str, str]] = {}
    for i, item in enumerate(data.inventory):
        if (item.taxonomy and item.concept_id) or resolve_name(space, item.name, item.kind):
            continue
        result = extract(item.name, "profile")
        for h in result.hits:
            tax, cid = _normal_taxonomy(h.taxonomy, h.concept_id, h.label)
            if not _in_space(space, tax, cid):
                continue
            covers = not (result.text[: h.start].strip() or result.text[h.end :].strip())
            (whole if covers else part).setdefault(i, (tax, cid))
        if i not in whole:
            part.setdefault(i, ("", ""))  # looked up by words below
    loose = loose_match(space, [data.inventory[i].name for i in part if i not in whole])
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
