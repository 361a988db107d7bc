"""Bounded fuzzing of the two JSON readers that take a person's files: backup and JSON Resume.

Whatever the input, a reader either returns something the app can store and write back out,
or raises ``CareerError`` with a message; any other exception is a bug (it was RecursionError,
ValueError and UnicodeEncodeError in issue 16). Examples are capped so the run stays seconds.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerceo.documents.backup import parse
from careerceo.documents.json_safety import storable
from careerceo.documents.read_any import read_file
from careerceo.errors import CareerError
from careerceo.services.backup import _check_domain_rules
from careerceo.store import backup as store

BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as hostile files carry it: any code point, lone surrogates and NUL included.
hostile_text = st.text(alphabet=st.characters(codec=None), max_size=40)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    hostile_text,
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=25,
)


def _dumps(value: Any) -> str:
    return json.dumps(value, allow_nan=True)  # NaN and Infinity on purpose


def _backup_reader(text: str) -> None:
    """Everything ``career import`` does before it writes."""
    backup = parse(text)
    decoded = store.decode(backup.person, backup.tables)
    _check_domain_rules(decoded)
    # Accepted: every value must be storable and render back to strict UTF-8 JSON.
    json.dumps(
        {"person": decoded.person, "tables": {k: len(v) for k, v in decoded.tables.items()}},
        default=str,
    ).encode("utf-8")


ENVELOPE = {
    "format": "career-ceo-backup",
    "version": 1,
    "exported_at": "2026-01-31T12:00:00Z",
    "person": {"full_name": "Ana Ruiz", "extra": {}},
    "tables": {
        "goal": [{"uid": "g1", "title": "Move into data", "horizon": "1y", "status": "active"}],
        "review": [{"uid": "r1", "month": "2026-01", "details": {}, "notes": ""}],
    },
}
PATHS = [
    ["person", "full_name"],
    ["person", "extra"],
    ["tables", "goal", 0, "title"],
    ["tables", "goal", 0, "status"],
    ["tables", "review", 0, "month"],
    ["tables", "review", 0, "details"],
    ["tables", "review", 0, "alignment"],
    ["tables", "goal"],
    ["version"],
]


@BOUNDED
@given(path=st.sampled_from(PATHS), value=json_values)
def test_backup_reader_mutated_field_is_stored_cleanly_or_refused(
    path: list[Any], value: Any
) -> None:
    document = json.loads(json.dumps(ENVELOPE))
    node: Any = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    try:
        _backup_reader(_dumps(document))
    except CareerError as exc:
        assert exc.message


@BOUNDED
@given(document=json_values)
def test_backup_reader_any_json_is_refused_with_a_message(document: Any) -> None:
    try:
        _backup_reader(_dumps(document))
    except CareerError as exc:
        assert "nothing was written" in exc.message or exc.field == "version"


@BOUNDED
@given(depth=st.integers(min_value=1, max_value=5000), opener=st.sampled_from(["[", '{"a":']))
def test_backup_reader_nesting(depth: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    try:
        _backup_reader(opener * depth + "1" + closer * depth)
    except CareerError as exc:
        assert exc.message


resume_documents = st.fixed_dictionaries(
    {},
    optional={
        "basics": st.dictionaries(
            st.sampled_from(["name", "label", "email", "phone", "url", "summary", "location"]),
            json_values,
            max_size=4,
        ),
        "work": st.lists(
            st.dictionaries(
                st.sampled_from(["name", "position", "startDate", "endDate", "highlights"]),
                json_values,
                max_size=5,
            ),
            max_size=3,
        ),
        "education": json_values,
        "skills": json_values,
        "meta": json_values,
    },
)


@BOUNDED
@given(document=resume_documents | json_values)
def test_resume_json_reader_returns_storable_resume_or_refuses(document: Any) -> None:
    data = _dumps(document).encode("utf-8", "surrogatepass")
    try:
        parsed = read_file(data, "resume.json")
    except CareerError as exc:
        assert "resume.json" in exc.message or exc.field == "file"
        return
    # What the parse worker sends back: strict UTF-8, no NUL, so every database can store it.
    cleaned = storable(dataclasses.asdict(parsed))
    text = json.dumps(cleaned, ensure_ascii=False, default=str)
    text.encode("utf-8")
    assert "\x00" not in text


@BOUNDED
@given(raw=st.binary(max_size=300))
def test_resume_json_reader_on_arbitrary_bytes(raw: bytes) -> None:
    try:
        read_file(raw, "resume.json")
    except CareerError as exc:
        assert exc.message
