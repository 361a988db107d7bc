"""The small text helpers analysis modules share (analysis/wording.py)."""

from __future__ import annotations

from careerceo.analysis.accomplishments import Win, to_bullet
from careerceo.analysis.wording import clip, lower_first, plural, upper_first


def test_a_phrase_fits_where_it_goes_in_a_sentence() -> None:
    assert upper_first("reduced costs") == "Reduced costs"
    assert upper_first("") == ""
    assert lower_first("Cut costs by 20%") == "cut costs by 20%"
    assert lower_first("SQL reports ran nightly") == "SQL reports ran nightly"
    assert lower_first("AWS costs fell") == "AWS costs fell"
    assert lower_first("") == ""


def test_counts_and_cuts() -> None:
    assert plural(1, "day") == "1 day" and plural(0, "day") == "0 days"
    assert plural(2, "opportunity", "opportunities") == "2 opportunities"
    cut = clip("one two three four five six", 15)
    assert cut.endswith("…") and len(cut) <= 15 and "one two" in cut


def test_a_bullet_keeps_an_acronym_that_opens_the_result() -> None:
    bullet = to_bullet(Win(action="Rebuilt the nightly jobs", result="SQL reports ran 3x faster"))
    assert "SQL reports ran 3x faster" in bullet, bullet
