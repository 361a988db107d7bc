"""The versioned JSON envelope both backup files share, read and checked in one place.

A person's export (``career export``) and a practice backup (``career backup``) wrap different
rows in the same kind of envelope: a ``format`` name, a ``version``, a fixed set of top-level
keys and a timestamp. Reading that envelope is one job, so both readers call this module and
answer a damaged or mistaken file with the same words: what is wrong, that nothing was written,
and which file to give instead (naming the other command when the file is the other kind).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from careerceo.documents.json_safety import loads_limited
from careerceo.errors import CareerError


@dataclass(frozen=True)
class EnvelopeKind:
    """One kind of backup file: what its envelope holds and which commands make and read it."""

    format: str  # the "format" value that identifies the file
    version: int  # the one version this Career CEO reads
    keys: frozenset[str]  # every top-level key the envelope may hold
    title: str  # what the file is called in messages ("Career CEO backup")
    made_by: str  # the command that writes it
    read_by: str  # the command that reads it
    verb: str  # what reading it does to the database ("imported", "restored")


PERSON_EXPORT = EnvelopeKind(
    format="career-ceo-backup",
    version=1,
    keys=frozenset({"format", "version", "exported_at", "person", "tables"}),
    title="Career CEO backup",
    made_by="`career export`",
    read_by="`career import`",
    verb="imported",
)
PRACTICE_BACKUP = EnvelopeKind(
    format="career-ceo-practice-backup",
    version=1,
    keys=frozenset({"format", "version", "schema", "created_at", "database", "tables"}),
    title="Career CEO practice backup",
    made_by="`career backup`",
    read_by="`career restore`",
    verb="restored",
)
_KINDS = (PERSON_EXPORT, PRACTICE_BACKUP)


def refuse(kind: EnvelopeKind, problem: str) -> CareerError:
    """The one refusal of a damaged file: the problem, then that nothing was written."""
    return CareerError(
        f"{problem}; this file cannot be {kind.verb} (nothing was written) - use a file made "
        f"by {kind.made_by}",
        field="backup",
    )


def read(text: str, kind: EnvelopeKind) -> dict[str, Any]:
    """The envelope of ``text`` as a dict once its format, version and keys are right.

    A file of the other kind is a common mix-up, answered by naming the command that reads it
    rather than only "wrong format".
    """
    try:
        document = loads_limited(text, name="the file", field="backup")
    except CareerError as exc:
        raise refuse(kind, exc.message.removesuffix("; nothing was imported")) from None
    if not isinstance(document, dict):
        raise refuse(kind, f"the file holds JSON but not a {kind.title} object")
    other = next((k for k in _KINDS if k != kind and document.get("format") == k.format), None)
    if other is not None:
        raise CareerError(
            f"this file is a {other.title} made by {other.made_by}; give it to {other.read_by} "
            f"instead, or use a file made by {kind.made_by} (nothing was written)",
            field="backup",
        )
    if document.get("format") != kind.format:
        raise refuse(kind, f'the file is not a {kind.title} (its "format" is not "{kind.format}")')
    version = document.get("version")
    if version != kind.version:
        raise CareerError(
            f"{kind.title} version {version!r} is not supported; this Career CEO reads version "
            f"{kind.version} - read it with the Career CEO version that made it, or make it "
            f"again with {kind.made_by} of this version (nothing was written)",
            field="version",
        )
    unknown = sorted(set(document) - kind.keys)
    if unknown:
        raise refuse(kind, f"unexpected top-level key(s) {', '.join(map(repr, unknown))}")
    return document


def timestamp(document: dict[str, Any], key: str, kind: EnvelopeKind) -> datetime:
    """``document[key]`` as a naive UTC datetime (written with a trailing ``Z``)."""
    raw = document.get(key)
    try:
        if not isinstance(raw, str):
            raise ValueError
        return datetime.fromisoformat(raw.removesuffix("Z"))
    except ValueError:
        raise refuse(kind, f'"{key}" is missing or not an ISO date-time') from None


def mapping(document: dict[str, Any], key: str, kind: EnvelopeKind) -> dict[str, Any]:
    """``document[key]``, which must be a JSON object."""
    value = document.get(key)
    if not isinstance(value, dict):
        raise refuse(kind, f'"{key}" is missing or not an object')
    return value


def head(kind: EnvelopeKind) -> dict[str, Any]:
    """The keys that say what a file is, as ``read`` checks them."""
    return {"format": kind.format, "version": kind.version}


def stamp(moment: datetime) -> str:
    """How an envelope writes its timestamp: whole seconds, UTC, a trailing ``Z``."""
    return moment.replace(microsecond=0).isoformat() + "Z"
