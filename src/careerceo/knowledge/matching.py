"""The title matcher built from the bundled knowledge base, once per process.

``search.build_matcher`` takes plain label rows; this module is the one place that knows
which labels of the knowledge base to feed it (O*NET titles, alternate and short titles,
reported titles, and ESCO labels through their O*NET links) and caches the result.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
import threading
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path

from careerceo.knowledge.loader import KnowledgeBase, load_knowledge
from careerceo.knowledge.search import LabelEntry, TitleMatcher, TitleResult, build_matcher

# An ESCO occupation lends its labels to the O*NET codes it is linked to nearly as well as
# its best link; weaker links (other candidates of the similarity step) are left out.
ESCO_LINK_SHARE = 0.85

_lock = threading.Lock()
_cache: weakref.WeakKeyDictionary[KnowledgeBase, TitleMatcher] = weakref.WeakKeyDictionary()


def onet_labels(kb: KnowledgeBase, *, reported: bool = True) -> Iterator[LabelEntry]:
    codes = kb.codes
    for alt in kb.alternate_titles:
        code = codes[alt.occupation_index]
        yield LabelEntry(alt.title, code, "alternate")
        if alt.short_title:
            yield LabelEntry(alt.short_title, code, "short")
    if reported:
        for rep in kb.reported_titles:
            yield LabelEntry(rep.title, codes[rep.occupation_index], "reported")


def esco_labels(kb: KnowledgeBase) -> Iterator[LabelEntry]:
    """ESCO preferred and alternative labels, each pointing at its linked O*NET codes."""
    occupations = kb.esco_occupations
    by_esco: dict[int, list[tuple[float, str]]] = {}
    for link in kb.esco_links:
        by_esco.setdefault(link.esco_index, []).append((link.score, link.onet_code))
    for esco_index, links in by_esco.items():
        best = max(score for score, _ in links)
        occupation = occupations[esco_index]
        for score, code in links:
            if score < ESCO_LINK_SHARE * best:
                continue
            weight = 0.9 + 0.1 * min(1.0, max(0.0, score))
            for label in (occupation.preferred_label, *occupation.alt_labels):
                yield LabelEntry(label, code, "esco", occupation.preferred_label, weight)


def knowledge_labels(kb: KnowledgeBase, *, reported: bool = True) -> Iterable[LabelEntry]:
    yield from onet_labels(kb, reported=reported)
    yield from esco_labels(kb)


def occupation_titles(kb: KnowledgeBase) -> dict[str, str]:
    return {o.code: o.title for o in kb.occupations}


def _cache_key(kb: KnowledgeBase) -> str:
    """Changes when the artifact or the matcher's code changes, so a stale cache is ignored."""
    digest = hashlib.sha256()
    files = kb.manifest.get("files", {})
    digest.update(json.dumps(files, sort_keys=True).encode())
    here = Path(__file__).parent
    for name in ("titles.py", "search.py", "textindex.py", "matching.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:20]


def matcher_version(kb: KnowledgeBase) -> str:
    """What a stored answer of the matcher depends on (for callers that cache answers)."""
    return _cache_key(kb)


def _read_cache(path: Path) -> TitleMatcher | None:
    try:
        with path.open("rb") as handle:
            matcher = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    return matcher if isinstance(matcher, TitleMatcher) else None


def _write_cache(path: Path, matcher: TitleMatcher) -> None:
    """Write atomically; a cache that cannot be written is only a missed speed-up."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".titles-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(matcher, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        for old in path.parent.glob("title-matcher-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def build_knowledge_matcher(kb: KnowledgeBase) -> TitleMatcher:
    return build_matcher(
        knowledge_labels(kb),
        occupation_titles(kb),
        {o.code: o.description for o in kb.occupations},
    )


def matcher_for(kb: KnowledgeBase | None = None, cache_dir: Path | None = None) -> TitleMatcher:
    """The matcher over every label of ``kb`` (default: the bundled one), built once.

    Building takes a second or two (about 100k labels); with ``cache_dir`` the built matcher
    is also kept on disk (in the user's data directory, never in the package), keyed by the
    artifact checksums and this code, so later processes load it in well under a second.
    """
    kb = kb or load_knowledge()
    key = kb
    matcher = _cache.get(key)
    if matcher is not None:
        return matcher
    with _lock:
        matcher = _cache.get(key)
        if matcher is None:
            path = None
            if cache_dir is not None:
                path = cache_dir / f"title-matcher-{_cache_key(kb)}.pickle"
                matcher = _read_cache(path) if path.is_file() else None
            if matcher is None:
                matcher = build_knowledge_matcher(kb)
                if path is not None:
                    _write_cache(path, matcher)
            _cache[key] = matcher
    return matcher


def normalize_title(title: object, limit: int = 5, kb: KnowledgeBase | None = None) -> TitleResult:
    """Ranked O*NET occupations for a free-text job title (see ``search.TitleMatcher``)."""
    return matcher_for(kb).normalize(title, limit)
