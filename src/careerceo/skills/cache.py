"""Extraction results kept on disk, so a command that only re-reads a person's own texts does
not load the skill lexicon (two seconds and 200 MB) to find the same skills again.

An entry is keyed by the text, the kind and the extractor's version: the lexicon artifact's
checksum and the source of this package, so a new lexicon or a changed matcher makes every
old entry unreachable instead of wrong. The cache lives in the user's data directory, never in
the package; a cache that cannot be read or written is only a missed speed-up.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from careerceo.skills.model import Excluded, ExtractionResult, Link, Mention, SkillHit

FORMAT = "2"  # 2: the tagger's mentions and whether it ran are kept too
MEMORY_ENTRIES = 256


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """The lexicon manifest (its checksum) and every module of this package, hashed: reading
    a few small files, not loading the lexicon."""
    digest = hashlib.sha256(FORMAT.encode())
    package = resources.files("careerceo.skills")
    digest.update(package.joinpath("data", "manifest.json").read_bytes())
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:20]


def _key(text: str, kind: str) -> str:
    digest = hashlib.sha256(extractor_version().encode())
    digest.update(b"\0" + kind.encode() + b"\0" + text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _mention(raw: dict[str, object]) -> Mention:
    fields = {k: v for k, v in raw.items() if k not in ("links", "linked")}
    links = tuple(Link(**link) for link in raw.get("links") or ())  # type: ignore[attr-defined]
    return Mention(**fields, links=links)  # type: ignore[arg-type]


def _decode(raw: dict[str, object]) -> ExtractionResult | None:
    try:
        return ExtractionResult(
            text=str(raw["text"]),
            kind=str(raw["kind"]),
            hits=tuple(SkillHit(**h) for h in raw["hits"]),  # type: ignore[attr-defined]
            excluded=tuple(Excluded(**e) for e in raw["excluded"]),  # type: ignore[attr-defined]
            warnings=tuple(str(w) for w in raw["warnings"]),  # type: ignore[attr-defined]
            sources=tuple(str(s) for s in raw["sources"]),  # type: ignore[attr-defined]
            mentions=tuple(_mention(m) for m in raw.get("mentions", [])),  # type: ignore[attr-defined]
            tagged=bool(raw.get("tagged", False)),
        )
    except (KeyError, TypeError, ValueError):
        return None


def write_json_quietly(path: Path, data: object) -> bool:
    """Write ``data`` as JSON to ``path`` atomically (a temporary file beside it, then a
    rename), so a reader never sees half an entry; False when it cannot be written, since a
    cache that cannot be written is only a missed speed-up. Other caches may use it too."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".x-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        return False
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return True


class ExtractionCache:
    """``extract`` through a directory of JSON entries (one file per text)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._memory: dict[str, ExtractionResult] = {}

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, text: str, kind: str) -> ExtractionResult | None:
        key = _key(text, kind)
        if key in self._memory:
            return self._memory[key]
        try:
            raw = json.loads(self._path(key).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        result = _decode(raw) if isinstance(raw, dict) else None
        if result is not None:
            self._remember(key, result)
        return result

    def _remember(self, key: str, result: ExtractionResult) -> None:
        if len(self._memory) >= MEMORY_ENTRIES:  # a long-running server reads many postings
            self._memory.clear()
        self._memory[key] = result

    def put(self, text: str, kind: str, result: ExtractionResult) -> None:
        key = _key(text, kind)
        self._remember(key, result)
        data = result.to_dict(include_text=True)
        data["tagged"] = result.tagged
        write_json_quietly(self._path(key), data)

    def clear(self) -> None:
        """Forget every entry, on disk and in memory. Entries hold the texts they were read
        from (a résumé, a position's bullets) under a hash of the text, not a person, so
        deleting an account's data clears them all: the cost is re-reading, never a leak."""
        self._memory.clear()
        shutil.rmtree(self.directory, ignore_errors=True)

    def extract(self, text: str, kind: str) -> ExtractionResult:
        """The stored result for this text, else the extractor's (then stored)."""
        found = self.get(text, kind)
        if found is not None:
            return found
        from careerceo.skills.extractor import extract

        result = extract(text, kind)
        self.put(text, kind, result)
        return result


_caches: dict[Path, ExtractionCache] = {}


def extraction_cache(directory: Path) -> ExtractionCache:
    """One cache per directory per process (its in-memory layer is shared)."""
    if directory not in _caches:
        _caches[directory] = ExtractionCache(directory)
    return _caches[directory]
