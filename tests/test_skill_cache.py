"""The on-disk extraction cache gives back exactly what the extractor found, and a warm cache
does not call the extractor (which is what keeps `career pivot` from loading the lexicon)."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerceo.skills import extractor
from careerceo.skills.cache import ExtractionCache, extractor_version

TEXT = (
    "Staff accountant: prepared monthly journal entries and account reconciliations in "
    "QuickBooks and Microsoft Excel; supported the external audit."
)


def test_cached_result_equals_the_extractor_and_skips_it_when_warm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = extractor.extract(TEXT, "resume")
    assert fresh.hits, "the sample text must name skills for this test to mean anything"
    first = ExtractionCache(tmp_path).extract(TEXT, "resume")
    assert first.to_dict(include_text=True) == fresh.to_dict(include_text=True)

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the extractor ran although the result was cached")

    monkeypatch.setattr(extractor, "extract", refuse)
    again = ExtractionCache(tmp_path).extract(TEXT, "resume")  # a new process: disk only
    assert again == fresh
    with pytest.raises(AssertionError):  # another kind is another entry
        ExtractionCache(tmp_path).extract(TEXT, "posting")


def test_a_damaged_entry_is_extracted_again(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path)
    expected = cache.extract(TEXT, "profile")
    for path in tmp_path.rglob("*.json"):
        path.write_text("{not json", "utf-8")
    assert ExtractionCache(tmp_path).extract(TEXT, "profile") == expected


def test_the_version_names_the_lexicon_and_the_code() -> None:
    version = extractor_version()
    assert len(version) == 20 and version == extractor_version()


def test_a_cache_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    from careerceo.skills.cache import write_json_quietly

    target = tmp_path / "ab" / "entry.json"
    assert write_json_quietly(target, {"text": "Python, SQL", "n": 2})
    assert target.read_text("utf-8") == '{"text": "Python, SQL", "n": 2}'
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert not write_json_quietly(blocker / "entry.json", {"n": 1})  # cannot: no exception
    assert [p.name for p in (tmp_path / "ab").iterdir()] == ["entry.json"]  # no temporary left
