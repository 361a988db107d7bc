"""A job description against the person: what they have (with evidence) and what is missing."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from careerceo.analysis.capability import (
    CERT_SOURCE,
    INVENTORY_SOURCE,
    RESUME_SOURCE,
    CapabilityProfile,
    PositionItem,
)
from careerceo.analysis.job_gap import JobGap, concept_key, years_worked
from careerceo.analysis.pivot_space import OccupationSpace
from careerceo.errors import CareerError
from careerceo.services.pivot_data import (
    PersonData,
    extract,
)

if TYPE_CHECKING:  # the store (SQLAlchemy) loads only when a person's rows are read
    from careerceo.services.context import AppContext


# O*NET level (0..7) one piece of evidence must reach to meet a posting's requirement:
# 3 is between "aware" (1.5) and "working" (4.0, a skill named in the résumé).
HAVE_LEVEL = 3.0


MAX_POSTING_CHARS = 200_000


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
