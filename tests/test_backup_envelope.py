"""Both backup readers check the shared envelope with the same words (documents/envelope.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from careerceo.documents import backup, practice_backup
from careerceo.errors import CareerError

PERSON = {
    "format": "career-ceo-backup",
    "version": 1,
    "exported_at": "2026-01-31T12:00:00Z",
    "person": {},
    "tables": {},
}
PRACTICE = {
    "format": "career-ceo-practice-backup",
    "version": 1,
    "schema": "some_revision",
    "created_at": "2026-01-31T12:00:00Z",
    "database": "sqlite",
    "tables": {},
}
READERS: list[tuple[Callable[[str], Any], dict[str, Any], str, str]] = [
    (backup.parse, PERSON, "imported", "`career export`"),
    (practice_backup.parse, PRACTICE, "restored", "`career backup`"),
]


def _refusal(parse: Callable[[str], Any], text: str) -> CareerError:
    with pytest.raises(CareerError) as refused:
        parse(text)
    return refused.value


@pytest.mark.parametrize(("parse", "good", "verb", "made_by"), READERS)
def test_the_same_damage_gets_the_same_words_from_both_readers(
    parse: Callable[[str], Any], good: dict[str, Any], verb: str, made_by: str
) -> None:
    parse(json.dumps(good))  # the good envelope reads
    tail = f"; this file cannot be {verb} (nothing was written) - use a file made by {made_by}"
    cases = {
        "{": "the file is not valid JSON (line 1, column 2: ",
        "[]": "the file holds JSON but not a Career CEO",
        json.dumps({**good, "extra": 1}): "unexpected top-level key(s) 'extra'",
        json.dumps({**good, "tables": []}): '"tables" is missing or not an object',
        json.dumps({**good, "format": "zip"}): "the file is not a Career CEO",
        "[" * 100 + "]" * 100: "the file nests objects or lists more than 64 levels deep",
    }
    for text, start in cases.items():
        message = _refusal(parse, text).message
        assert message.startswith(start) and message.endswith(tail), message


@pytest.mark.parametrize(("parse", "good", "verb", "made_by"), READERS)
def test_a_version_from_elsewhere_names_both_ways_out(
    parse: Callable[[str], Any], good: dict[str, Any], verb: str, made_by: str
) -> None:
    refused = _refusal(parse, json.dumps({**good, "version": 2}))
    assert refused.field == "version"
    assert "version 2 is not supported; this Career CEO reads version 1" in refused.message
    assert made_by in refused.message and "(nothing was written)" in refused.message


def test_each_reader_names_the_command_for_the_other_kind_of_file() -> None:
    to_person = _refusal(backup.parse, json.dumps(PRACTICE)).message
    assert "made by `career backup`; give it to `career restore` instead" in to_person
    to_practice = _refusal(practice_backup.parse, json.dumps(PERSON)).message
    assert "made by `career export`; give it to `career import` instead" in to_practice


def test_times_are_checked_the_same_way() -> None:
    for parse, good, key in (
        (backup.parse, PERSON, "exported_at"),
        (practice_backup.parse, PRACTICE, "created_at"),
    ):
        for bad in ("yesterday", 20260131, None):
            message = _refusal(parse, json.dumps({**good, key: bad})).message
            assert f'"{key}" is missing or not an ISO date-time' in message
