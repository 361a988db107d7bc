"""Free-text inventory names as concepts the ranking can use (exact label, extractor hit,
same words in any order), with the loose matches kept in the data directory's cache.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from careerceo.analysis.capability import (
    InventoryItem,
    resolve_name,
)
from careerceo.analysis.pivot_space import OccupationSpace
from careerceo.services.pivot_data import (
    PersonData,
    _cache_dir,
    _normal_taxonomy,
    _write_json,
    extract,
)


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
