"""A short name given alone (an inventory entry, a JSON Resume skill) resolved to concepts.

"people management" alone is a skill the person claims; no lexicon label has those words, so
the linker ties it to its concept (manage staff). A curated everyday name always resolves
through its curated concepts.
"""

from __future__ import annotations

from careerceo.skills import context
from careerceo.skills.hits import hit_from_link
from careerceo.skills.linker import Linker
from careerceo.skills.model import SkillHit

MAX_NAME_WORDS = 6  # a text this short on one line is a name, not prose


def name_hits(linker: Linker, text: str, hits: list[SkillHit], kind: str) -> list[SkillHit]:
    """``hits`` plus what a short name given alone resolves to through the linker when no
    hit covers it whole ("people management" → manage staff); a curated everyday name
    always does."""
    name = text.strip()
    if not name or "\n" in name or len(name.split()) > MAX_NAME_WORDS:
        return hits
    start = text.index(name)
    end = start + len(name)
    # The curated everyday names replace a lexicon match of the whole name: "budgeting"
    # alone means managing budgets, not the Budgeting software the word also names.
    links = linker.everyday(name)
    if links:
        hits = [h for h in hits if not (h.start <= start and h.end >= end)]
    elif any(h.start <= start and h.end >= end for h in hits):
        return hits
    else:
        links = linker.link(name)
    have = {h.concept_id for h in hits}
    status = context.strength(name, None, kind)
    out = list(hits)
    for link in links:
        if link.concept_id in have:
            continue
        out.append(
            hit_from_link(
                link,
                (start, end, name),
                name[:500],
                None,
                status,
                link.confidence,
                link.skill_type,
                link.method,
            )
        )
    return out
