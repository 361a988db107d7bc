"""A person's held titles and a ``--from`` value as O*NET occupations.

Exact O*NET titles win; among close candidates the position's own words choose. Answers are
kept in the data directory's cache, so a warm run does not load the title index.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from careerceo.actions import Action, ActionKind
from careerceo.analysis.capability import (
    PositionItem,
)
from careerceo.analysis.pivot_reference import supported
from careerceo.analysis.pivot_space import OccupationSpace
from careerceo.errors import CareerError, NotFoundError
from careerceo.services.pivot_data import (
    PersonData,
    _cache_dir,
    _write_json,
)

if TYPE_CHECKING:
    from careerceo.knowledge import KnowledgeBase


TITLE_MIN_SCORE = 0.6


EXACT_TITLE_SCORE = 0.999  # the matcher's score of a word-for-word title match


POSITION_CANDIDATES = 5  # title candidates a position's own words choose among


POSITION_TEXT_WEIGHT = 0.5  # cosine of the position's words with a candidate, added to its score


def _position_codes(
    space: OccupationSpace, data: PersonData, text_z: np.ndarray | None = None
) -> list[PositionItem]:
    """Positions with an occupation code: the stored one, else the title normalised (answers
    kept in the data directory's cache, so a warm run does not load the title index).

    With ``text_z`` (how close the person's whole text is to each occupation) the title's
    candidates are read with it: the person's words choose among close candidates
    (``RESUME_TEXT_WEIGHT``), and a candidate they do not support at all is not taken
    (``analysis.pivot_reference.supported``): no occupation beats the wrong one."""
    out: list[PositionItem] = []
    texts = data.position_texts or [""] * len(data.positions)
    found = _title_candidates(
        space,
        [(p.title, f"{p.title}\n{t}") for p, t in zip(data.positions, texts, strict=False)],
        data.data_dir,
    )
    for pos, candidates in zip(data.positions, found, strict=False):
        code = pos.occupation_code
        if code and code not in space.row_of:
            code = None
        if code is None and pos.title.strip():
            code = choose_candidate(space, candidates, text_z)
        out.append(PositionItem(pos.title, code, pos.employer, pos.start, pos.end))
    return out


RESUME_TEXT_WEIGHT = 0.05  # per unit of the whole text's z, added to a candidate's score


def choose_candidate(
    space: OccupationSpace, candidates: list[tuple[str, float]], text_z: np.ndarray | None
) -> str | None:
    """The best title candidate, read with the person's whole text when there is one."""
    if text_z is None:
        return candidates[0][0] if candidates else None
    scored = [
        (key + RESUME_TEXT_WEIGHT * float(text_z[space.row_of[code]]), code)
        for code, key in candidates
        if code in space.row_of
        and supported(float(text_z[space.row_of[code]]), exact=key >= EXACT_TITLE_SCORE)
    ]
    return max(scored)[1] if scored else None


def _matcher_key(kb: KnowledgeBase) -> str:
    """What the matcher's answers depend on (the artifact's files and the matcher's code),
    read without importing the matcher: a warm run answers every held title from the cache
    and never loads the title index or its string-distance library."""
    import hashlib
    import json

    import careerceo.knowledge as package

    digest = hashlib.sha256(json.dumps(kb.manifest.get("files", {}), sort_keys=True).encode())
    here = Path(package.__file__).parent
    for name in ("titles.py", "search.py", "textindex.py", "matching.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:20]


def _title_codes(
    space: OccupationSpace, items: list[tuple[str, str]], data_dir: Path | None
) -> list[str | None]:
    """``title_to_code`` for each (title, text), through the cache of ``_title_candidates``."""
    return [c[0][0] if c else None for c in _title_candidates(space, items, data_dir)]


def _title_candidates(
    space: OccupationSpace, items: list[tuple[str, str]], data_dir: Path | None
) -> list[list[tuple[str, float]]]:
    """``title_candidates`` for each (title, text), through a JSON cache keyed by the title
    matcher's version, the occupation words and this module's code."""
    import hashlib
    import json

    from careerceo.knowledge import load_knowledge

    wanted = [(t, x) for t, x in items if t.strip()]
    if not wanted:
        return [[] for _ in items]
    kb = load_knowledge()
    digest = hashlib.sha256(_matcher_key(kb).encode())
    digest.update(Path(__file__).read_bytes())
    path = _cache_dir(data_dir) / f"titles-{digest.hexdigest()[:20]}.json"
    try:
        stored = json.loads(path.read_text("utf-8"))
        known: dict[str, object] = stored if isinstance(stored, dict) else {}
    except (OSError, ValueError):
        known = {}

    def key(title: str, text: str) -> str:
        return hashlib.sha256(f"{title}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    missing = [(t, x) for t, x in wanted if key(t, x) not in known]
    if missing:
        from careerceo.knowledge.matching import matcher_for

        # The title index through its own disk cache (seconds to build, well under one to read).
        matcher_for(kb, (data_dir or _cache_dir(None).parent.parent) / "cache")
        for title, text in missing:
            known[key(title, text)] = [list(c) for c in title_candidates(title, text, space)]
        _write_json(path, known)
    return [_read_candidates(known.get(key(t, x))) if t.strip() else [] for t, x in items]


def _read_candidates(value: object) -> list[tuple[str, float]]:
    """A cached candidate list as (code, score) pairs (anything else: none)."""
    if not isinstance(value, list):
        return []
    return [
        (str(c[0]), float(c[1]))
        for c in value
        if isinstance(c, list) and len(c) == 2 and isinstance(c[1], (int, float))
    ]


def title_to_code(title: str, text: str = "", space: OccupationSpace | None = None) -> str | None:
    """The occupation of a held title: the best of ``title_candidates``."""
    found = title_candidates(title, text, space)
    return found[0][0] if found else None


def title_candidates(
    title: str, text: str = "", space: OccupationSpace | None = None
) -> list[tuple[str, float]]:
    """A held title's candidate occupations with their scores, best first: the normalised
    matches and, among the title's close candidates, how well the position's own words (title
    and description) match each one's tasks and titles: a "Consultant" whose bullets are about
    court filings is not a sales consultant, and an "Office Clerk/Federal Contractor" is an
    office clerk."""
    from careerceo.knowledge.matching import normalize_title

    try:
        result = normalize_title(title, limit=POSITION_CANDIDATES)
    except CareerError:
        return []
    candidates = [c for c in result.candidates if c.score >= TITLE_MIN_SCORE]
    if not candidates:
        return []
    # A title that is word for word one of O*NET's titles or alternate titles (scored 1.0 by
    # the matcher, its own title before an alternate one) is that occupation: the words choose
    # only among the exact matches of the best kind ("Clerk" is a title of three).
    first = candidates[0]
    if first.score >= EXACT_TITLE_SCORE:
        candidates = [
            c
            for c in candidates
            if c.score >= EXACT_TITLE_SCORE and c.label_kind == first.label_kind
        ]
    if len(candidates) == 1 or not text.strip() or space is None:
        return [(c.code, float(c.score)) for c in candidates]
    sim = _text_similarity(text)
    scored = [
        (
            c.code,
            float(c.score)
            + POSITION_TEXT_WEIGHT
            * float(sim[space.row_of[c.code]] if c.code in space.row_of else 0),
        )
        for c in candidates
    ]
    # Best first; ties keep the matcher's order (``sorted`` is stable).
    return sorted(scored, key=lambda cs: -cs[1])


def _text_similarity(text: str) -> np.ndarray:
    from careerceo.knowledge.words import tokens
    from careerceo.services.pivot_space import occupation_words

    return occupation_words().similarity(tokens(text))


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
