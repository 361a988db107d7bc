"""The linker's same-words index, made when the lexicon is built instead of at every start.

``Linker.by_words`` looks a name's word roots up among the root sets of every label key. Making
that table reads all 125,000 keys (about 0.8 s of every cold command that extracts skills), so
``scripts/build_skill_lexicon.py`` writes it to ``data/label-roots.json.gz``: the root sets,
each as its sorted roots joined by spaces, and for each the concept and whether the label's
leading verb was left out. The file carries a stamp of everything it was made from (the
lexicon artifact, the blocklist and the modules whose code decides the roots and the ranking);
when the stamp does not match, the table is made here as before, so a stale file costs time,
never a wrong link.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from importlib import resources

from careerceo.skills.lexicon import TAXONOMY_RANK, Lexicon
from careerceo.skills.normalize import stem

FILE = "label-roots.json.gz"
FORMAT = "careerceo-label-roots"
# The modules whose code decides what the table holds.
SOURCES = ("labelroots.py", "lexicon.py", "matcher.py", "normalize.py", "phrase.py")

# Words that carry no meaning of their own in a skill name ("management *of* people").
LINK_WORDS = frozenset({"of", "and", "for", "in", "on", "with", "to", "or", "&"})
_NOUN_ENDINGS = ("ization", "ation", "ment", "ion")


def root(norm: str) -> str:
    """A normalised word without its noun ending: "management" and "manage" meet."""
    for ending in _NOUN_ENDINGS:
        if norm.endswith(ending) and len(norm) - len(ending) >= 4:
            return stem(norm[: -len(ending)])
    return norm


def roots_key(roots: frozenset[str]) -> str:
    """A root set as the table's key: its roots sorted, joined by spaces (a root is one
    word, so two sets share a key only when they are equal)."""
    return " ".join(sorted(roots))


def stamp(lexicon_gz: bytes) -> str:
    """A hash of what the table is made from: the lexicon artifact's bytes, the packaged
    blocklist and the code."""
    package = resources.files("careerceo.skills")
    digest = hashlib.sha256(FORMAT.encode())
    digest.update(hashlib.sha256(lexicon_gz).digest())
    digest.update(package.joinpath("data", "blocklist.txt").read_bytes())
    for name in SOURCES:
        digest.update(name.encode() + b"\0" + package.joinpath(name).read_bytes())
    return digest.hexdigest()


def make(lexicon: Lexicon, verbs: frozenset[str]) -> dict[str, int]:
    """Root set key -> concept index * 2 + 1 when the label's leading verb was left out.

    For each root set the best (rank, concept) wins; rank prefers same-words matches,
    preferred labels, O*NET elements, then the concept more occupations list. Words' roots
    and each concept's part of the rank are computed once."""
    best: dict[str, tuple[tuple[int, ...], int]] = {}
    root_of: dict[str, str] = {}
    concepts = lexicon.concepts
    # The concept's part of the rank: taxonomy, then more occupations first, then index.
    tail = [(TAXONOMY_RANK[c.taxonomy], -c.weight, i) for i, c in enumerate(concepts)]
    for label_key in lexicon.entries:
        label_roots = []
        for w in label_key.split():
            if w in LINK_WORDS:
                continue
            r = root_of.get(w)
            if r is None:
                r = root_of[w] = root(w)
            label_roots.append(r)
        if not label_roots:
            continue
        # The best usable entry of this key (preferred label first, then the concept).
        pick: tuple[int, int, int, int] | None = None
        for entry in lexicon.entries[label_key]:
            if entry.kind not in ("p", "a", "v"):
                continue
            cand = (int(entry.kind != "p"), *tail[entry.concept])
            if pick is None or cand < pick:
                pick = cand
        if pick is None:
            continue
        forms = [(roots_key(frozenset(label_roots)), 0)]
        if len(label_roots) >= 3 and label_key.split(" ", 1)[0] in verbs:
            forms.append((roots_key(frozenset(label_roots[1:])), 1))
        for form, without_verb in forms:
            rank = (without_verb, *pick)
            found = best.get(form)
            if found is None or rank < found[0]:
                best[form] = (rank, pick[-1])
    return {form: index * 2 + rank[0] for form, (rank, index) in best.items()}


def build(lexicon_gz: bytes) -> bytes:
    """The packaged file for a lexicon artifact: gzip (mtime 0) of sorted JSON, byte for
    byte the same from the same lexicon and code (``scripts/build_skill_lexicon.py``)."""
    from careerceo.skills.lexicon import blocklist
    from careerceo.skills.matcher import LexiconMatcher

    lexicon = Lexicon(json.loads(gzip.decompress(lexicon_gz)), blocklist())
    table = make(lexicon, LexiconMatcher(lexicon).verbs)
    forms = sorted(table)
    payload = {
        "format": FORMAT,
        "stamp": stamp(lexicon_gz),
        "keys": "\n".join(forms),
        "values": [table[f] for f in forms],
    }
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buffer.getvalue()


def packaged() -> dict[str, int] | None:
    """The packaged table when it was made from this package's lexicon and code, else None."""
    data_dir = resources.files("careerceo.skills").joinpath("data")
    try:
        data = json.loads(gzip.decompress(data_dir.joinpath(FILE).read_bytes()))
        made_from = stamp(data_dir.joinpath("lexicon.json.gz").read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("stamp") != made_from:
        return None
    keys = data["keys"].split("\n") if data["keys"] else []
    return dict(zip(keys, data["values"], strict=True))
