"""A person's capability profile: their entries, positions, résumé and certifications read
into ``analysis.capability``, and the profile as they can read it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from careerceo.actions import Action, ActionKind
from careerceo.analysis.capability import (
    CERT_SOURCE,
    RESUME_SOURCE,
    CapabilityProfile,
    ConceptHit,
    PositionItem,
    build_profile,
    latest_vouched,
    occupation_profile,
    position_credit,
)
from careerceo.analysis.pivot_reference import (
    REFERENCE_HALF_LIFE_YEARS,
    reference_credits,
    reference_weights,
)
from careerceo.analysis.pivot_space import RIASEC, OccupationSpace
from careerceo.analysis.wording import plural
from careerceo.errors import CareerError
from careerceo.services.pivot_data import (
    PersonData,
    _normal_taxonomy,
    extract,
    own_words,
    read_person,
)
from careerceo.services.pivot_inventory import (
    _resolve_inventory,
)
from careerceo.services.pivot_space import occupation_space
from careerceo.services.pivot_titles import (
    _position_codes,
    _text_similarity,
    _title_candidates,
    choose_candidate,
    resolve_occupation,
)

if TYPE_CHECKING:  # the store (SQLAlchemy) loads only when a person's rows are read
    from careerceo.services.context import AppContext


EMPTY_PROFILE = (
    "your profile is empty, so there is nothing to rank pivots from; first add skills to your "
    "inventory, a position with its job title or import a résumé — or rank from a past "
    "occupation"
)


def person_text(data: PersonData) -> str:
    """The person's own words about their work: held titles (twice: what they were called
    weighs as much as a paragraph), position descriptions, the résumé, inventory names."""
    titles = [p.title for p in data.positions if p.title.strip()]
    if data.headline.strip():
        titles.append(data.headline)
    parts = titles + titles + [t for t in data.position_texts if t.strip()]
    if data.resume_text.strip():
        parts.append(data.resume_text)
    parts += [i.name for i in data.inventory if i.intent != "add"]
    return "\n".join(parts)


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


def person_profile(
    ctx: AppContext, space: OccupationSpace | None = None
) -> tuple[CapabilityProfile, PersonData]:
    space = space or occupation_space()
    data = read_person(ctx)
    data.text_z = _person_text_z(data)
    positions = _supported_positions(space, data)
    if any(p.occupation_code for p in positions):
        data.text_z = _recent_words_z(data, date.today())
    profile = build_profile(
        space,
        inventory=_resolve_inventory(space, data),
        positions=positions,
        education=data.education,
        concepts=_text_concepts(data),
        interests=data.interests,
        today=date.today(),
    )
    return profile, data


def _person_text_z(data: PersonData) -> NDArray[np.float64] | None:
    """z-scores of how close the person's own words are to each occupation (None: no text)."""
    from careerceo.analysis.text_match import standardised

    text = person_text(data)
    if not text.strip():
        return None
    sim = _text_similarity(text)
    if not sim.any():
        return None
    return standardised(sim).astype(np.float64)


# How much the whole résumé counts in the words signal beside each position's title and
# bullets (each weighted by its recency, ``pivot_reference.REFERENCE_HALF_LIFE_YEARS``).
# Chosen among 0.5, 1 and 2 (and half-lives 2 and 4) on the training résumés (the 24
# LiveCareer PDFs and the first 4 per category of UpdatedResumeDataSet.csv): 0.5 scored best
# on all of them (mean share of the top 10 in fitting groups less half the share below 0.5,
# 0.724 against 0.713 for the whole text alone); in two-fold cross-validation one fold chose
# it (held back 0.787, 10 of 61 below 0.5) and the other the whole text (0.784, 8 of 61).
RESUME_WORDS_WEIGHT = 0.5


def _recent_words_z(data: PersonData, today: date) -> NDArray[np.float64] | None:
    """z-scores of the person's words with recent positions weighing most: each position's
    title (twice) and bullets by its recency x tenure, the headline in full, the whole résumé
    (summary, skills, older jobs) at ``RESUME_WORDS_WEIGHT``. A summary that says "customer
    service associate" or a long past career no longer outweighs what the person does now."""
    from careerceo.analysis.text_match import standardised
    from careerceo.knowledge.words import tokens
    from careerceo.services.pivot_space import occupation_words

    parts: list[tuple[list[str], float]] = []
    if data.resume_text.strip():
        parts.append((tokens(data.resume_text), RESUME_WORDS_WEIGHT))
    anchor = latest_vouched(data.positions, today)
    texts = data.position_texts or [""] * len(data.positions)
    for pos, text in zip(data.positions, texts, strict=False):
        title = own_words(pos.title).strip()
        credit = position_credit(pos, today, anchor, REFERENCE_HALF_LIFE_YEARS)
        parts.append((tokens(f"{title}\n{title}\n{text}"), credit))
    if data.headline.strip():
        parts.append((tokens(data.headline), 1.0))
    sim = occupation_words().weighted_similarity(parts)
    if not sim.any():
        return data.text_z
    return standardised(sim).astype(np.float64)


def _supported_positions(space: OccupationSpace, data: PersonData) -> list[PositionItem]:
    """The positions with their occupations, each title read with the person's whole text
    (``pivot_titles.choose_candidate``); and the headline's occupation, read the same way and
    kept in ``data`` for the reference weights."""
    # Titles alone are no evidence against their own occupation: only with other words.
    z = data.text_z if data.resume_text.strip() or any(data.position_texts) else None
    positions = _position_codes(space, data, z)
    data.held = positions
    if data.headline.strip():
        found = _title_candidates(space, [(data.headline, person_text(data))], data.data_dir)
        data.headline_code = choose_candidate(space, found[0], z)
    return positions


# Below this many content words of their own (titles, descriptions, résumé, inventory) and
# with no held title that names an occupation, a person's list is a rough guess and says so.
THIN_WORDS = 80


def thin_evidence(data: PersonData, has_reference: bool) -> str | None:
    """A note when the list rests on little: no held title read as an occupation and few words
    of the person's own (the order then follows a handful of words or skills)."""
    from careerceo.knowledge.words import tokens

    if has_reference:
        return None
    words = len(tokens(person_text(data)))
    if words >= THIN_WORDS:
        return None
    said = "no words" if words == 0 else plural(words, "word")
    return (
        f"little to go on: no job title that names an occupation and {said} of your own about "
        "your work, so this order is a rough guess, not a ranking of your fit — add a position "
        "with its title and what you did, or import your résumé"
    )


def reference_sources(
    space: OccupationSpace, profile: CapabilityProfile, data: PersonData
) -> list[tuple[int, float]]:
    """The occupations the person's pivots relate to, heaviest first (see
    ``analysis.pivot_reference``)."""
    return reference_weights(
        reference_credits(data.held, date.today()),
        space.row_of,
        data.text_z,
        chosen=frozenset(p.occupation_code for p in data.positions if p.occupation_code),
        headline=data.headline_code,
    )


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
