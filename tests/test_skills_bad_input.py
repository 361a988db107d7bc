"""Bad input never crashes or hangs: a clear message, or an empty result that says why."""

from __future__ import annotations

import time

import pytest

from careerceo.errors import CareerError
from careerceo.skills import InputError, extract


@pytest.mark.parametrize("text", ["", "   \n\t  ", b""])
def test_empty_text_gives_an_empty_result_with_the_reason(text: str | bytes) -> None:
    result = extract(text)
    assert result.hits == ()
    assert "the text is empty" in result.warnings


def test_binary_bytes_are_refused_with_a_message() -> None:
    data = b"%PDF-1.7\x00\x00\x01\x02binary" * 50
    with pytest.raises(InputError) as info:
        extract(data)
    assert "binary" in info.value.message
    assert info.value.field == "text"


def test_control_character_soup_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        extract("\x01\x02\x03\x04" * 100)


def test_a_few_stray_control_characters_are_tolerated() -> None:
    result = extract("Skills:\x0b Python\x07 and SQL", kind="resume")
    assert {"Python", "SQL"} <= {h.text for h in result.hits}


def test_gigantic_input_is_capped_quickly() -> None:
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        extract("python " * 200_000)
    assert info.value.status == 413
    assert "limit is 1 MB" in info.value.message
    with pytest.raises(InputError):
        extract(b"a" * 5_000_000)
    assert time.perf_counter() - start < 2


def test_large_but_allowed_input_finishes() -> None:
    text = "Requirements: Python, SQL and Tableau; strong communication skills.\n" * 12_000
    assert len(text) < 1_000_000
    start = time.perf_counter()
    result = extract(text, kind="posting")
    assert time.perf_counter() - start < 30
    assert len(result.hits) > 10_000


def test_mixed_encodings_are_read_line_by_line() -> None:
    data = "Résumé: Python\n".encode() + "Café manager, SQL\n".encode("cp1252")
    result = extract(data, kind="resume")
    assert {"Python", "SQL"} <= {h.text for h in result.hits}
    assert any("Windows-1252" in w for w in result.warnings)
    assert "Café" in result.text


def test_mojibake_is_repaired() -> None:
    broken = "Résumé — Python and SQL".encode().decode("cp1252")
    assert "Ã" in broken
    result = extract(broken, kind="resume")
    assert result.text.startswith("Résumé")
    assert any("wrong encoding" in w for w in result.warnings)
    assert {"Python", "SQL"} <= {h.text for h in result.hits}


@pytest.mark.parametrize(
    "text",
    [
        "Wir suchen einen Entwickler mit Erfahrung in der Softwareentwicklung und sind ein "
        "junges Team, das mit Leidenschaft für die Kunden arbeitet und die Zukunft gestaltet.",
        "我们正在寻找一位具有数据分析经验的工程师，负责构建报表和数据管道。熟悉数据库和统计学。",  # noqa: RUF001
    ],
)
def test_other_languages_get_an_empty_result_with_the_reason(text: str) -> None:
    result = extract(text)
    assert result.hits == ()
    assert any("English" in w for w in result.warnings)


def test_unknown_kind_names_the_field() -> None:
    with pytest.raises(CareerError) as info:
        extract("Python", kind="novel")
    assert info.value.field == "kind"
    assert "posting" in info.value.message


def test_wrong_type_is_a_user_error() -> None:
    with pytest.raises(InputError):
        extract(12345)  # type: ignore[arg-type]
