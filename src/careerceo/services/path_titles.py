"""Job titles of reference positions: their comparable form, and the O*NET occupation the
shared title matcher reads in them (the same matcher as everywhere else in the app)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from careerceo.errors import CareerError
from careerceo.knowledge import KnowledgeError, load_knowledge
from careerceo.knowledge.titles import words
from careerceo.services.context import AppContext
from careerceo.text.fold import fold

CODE_MIN_SCORE = 0.5  # below this the matcher's best guess is not stored as the occupation
INTERN_WORDS = frozenset({"intern", "internship", "trainee", "apprentice", "apprenticeship"})


@lru_cache(maxsize=65536)
def title_key(title: str) -> str:
    """The comparable form of a title (the title matcher's own word folding); cached, as a
    bulk import repeats the same titles thousands of times."""
    key = " ".join(words(title))
    return (key or fold(title))[:200]


@lru_cache(maxsize=65536)
def is_internship(title: str) -> bool:
    return any(w in INTERN_WORDS for w in words(title, fold=False))


@dataclass
class Matched:
    code: str | None
    confidence: float | None


def match_titles(ctx: AppContext, titles: Iterable[str]) -> dict[str, Matched]:
    """Each distinct title once through the shared matcher (cached on disk between runs)."""
    distinct = sorted(set(titles))
    try:
        from careerceo.knowledge.matching import matcher_for

        matcher = matcher_for(load_knowledge(), ctx.settings.data_dir / "cache")
    except KnowledgeError:
        return {t: Matched(None, None) for t in distinct}
    out: dict[str, Matched] = {}
    for title in distinct:
        try:
            best = matcher.normalize(title, limit=1).best
        except CareerError:
            best = None
        if best is None:
            out[title] = Matched(None, None)
        else:
            code = best.code if best.score >= CODE_MIN_SCORE else None
            out[title] = Matched(code, round(float(best.score), 3))
    return out


def occupation_titles() -> dict[str, str]:
    try:
        kb = load_knowledge()
    except KnowledgeError:
        return {}
    return {o.code: o.title for o in kb.occupations}


def zones() -> dict[str, int]:
    try:
        kb = load_knowledge()
    except KnowledgeError:
        return {}
    return {o.code: int(o.job_zone) for o in kb.occupations if o.job_zone}
