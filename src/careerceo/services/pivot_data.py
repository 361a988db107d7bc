"""What the pivot use-cases read of a person, and the data directory's caches they share.

``PersonData`` is everything the engine uses of one person; ``extract`` is the skill
extractor behind the data directory's cache (a warm run does not load the lexicon).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from careerceo.analysis.capability import (
    EducationItem,
    InventoryItem,
    PositionItem,
)

if TYPE_CHECKING:  # the store (SQLAlchemy) loads only when a person's rows are read
    from careerceo.services.context import AppContext
    from careerceo.skills.model import ExtractionResult


@dataclass
class PersonData:
    inventory: list[InventoryItem] = field(default_factory=list)
    positions: list[PositionItem] = field(default_factory=list)
    descriptions: list[tuple[str, str]] = field(default_factory=list)  # (position label, text)
    position_texts: list[str] = field(default_factory=list)  # each position's description
    education: list[EducationItem] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    resume_text: str = ""
    headline: str = ""  # the one line under the name: what the person says they are
    interests: dict[str, float] | None = None
    data_dir: Path | None = None  # whose extraction cache to use (None: the settings')
    # Set when the profile is built (``pivot_person.person_profile``): how close the person's
    # own words are to each occupation (z-scores; None without text), and the occupation of
    # their headline when their words support it.
    text_z: NDArray[np.float64] | None = None
    headline_code: str | None = None
    # The positions with the occupations their titles were read as (the reference point).
    held: list[PositionItem] = field(default_factory=list)


# Résumé builders (LiveCareer and the sets made from it) write these where the employer and its
# place were; they are nobody's words, and "city" or "company" would otherwise match the tasks
# of occupations that mention cities or companies.
PLACEHOLDERS = re.compile(r"\bCompany Name\b|\bCity\s*,\s*State\b|\(unknown\)")


def own_words(text: str) -> str:
    """The text without the résumé builder's placeholders."""
    return PLACEHOLDERS.sub(" ", text)


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
            description = own_words(p.description or "")
            data.position_texts.append(description)
            if description.strip():
                data.descriptions.append((f"{p.title} at {p.employer}", description))
        for ed in EducationRepository(s, pid).list():
            data.education.append(EducationItem(ed.degree, ed.field, ed.institution, ed.end_date))
        data.certifications = [c.name for c in CertificationRepository(s, pid).list()]
        doc = DocumentRepository(s, pid).last_updated_original("resume")
        if doc is not None:
            data.resume_text = own_words(doc.text or "")
        person = PersonRepository(s, pid).get()
        if person is not None:
            data.headline = person.headline or ""
            riasec = (person.extra or {}).get("riasec")
            if isinstance(riasec, dict):
                data.interests = {str(k): float(v) for k, v in riasec.items()}
    return data


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


def forget_extractions(data_dir: Path) -> None:
    """Drop the cached skill readings (they keep the texts read): part of deleting a
    person's data, since the cache is keyed by text and cannot tell whose a text was."""
    from careerceo.skills.cache import extraction_cache

    extraction_cache(_cache_dir(data_dir)).clear()


def _write_json(path: Path, data: object) -> None:
    """Atomically; a cache that cannot be written is only a missed speed-up."""
    from careerceo.skills.cache import write_json_quietly

    write_json_quietly(path, data)
