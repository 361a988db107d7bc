"""Short everyday names and tagged phrases land on ESCO / O*NET concepts (or stay unlinked)."""

from __future__ import annotations

import pytest

from careerceo.skills import extract, labelroots, load_extractor
from careerceo.skills.linker import EVERYDAY, Linker

# name -> the concept it must resolve to first (a person listing it in an inventory means this)
EVERYDAY_CASES = {
    "lesson planning": "prepare lesson content",
    "differentiated instruction": "adapt teaching to student's capabilities",
    "people management": "manage staff",
    "stakeholder management": "manage relationships with stakeholders",
    "hiring": "recruit employees",
    "coaching": "coaching techniques",
    "sales": "Sales and Marketing",
    "budgeting": "manage budgets",
}


@pytest.mark.parametrize(("name", "label"), sorted(EVERYDAY_CASES.items()))
def test_everyday_inventory_name_resolves_whole(name: str, label: str) -> None:
    result = extract(name, "profile")
    whole = [h for h in result.hits if (h.start, h.end) == (0, len(name))]
    assert whole, f"{name!r} resolved to nothing"
    best = max(whole, key=lambda h: h.confidence)
    assert best.label == label
    assert best.confidence >= 0.8
    assert best.method == "everyday"


def test_everyday_name_replaces_a_one_word_software_guess() -> None:
    labels = {h.label for h in extract("budgeting", "profile").hits}
    assert "Budgeting software" not in labels


def test_every_everyday_target_is_a_label_of_the_packaged_lexicon() -> None:
    """The table names existing concepts by label; a lexicon rebuild that renames one fails here
    instead of silently resolving the name to nothing."""
    linker = load_extractor().linker
    for name, targets in EVERYDAY.items():
        links = linker.everyday(name)
        assert [link.label.casefold() for link in links] == [t.casefold() for t in targets], name


def test_same_words_as_a_label_link_with_lower_confidence() -> None:
    linker = load_extractor().linker
    (link,) = linker.link("curriculum development")
    assert link.label == "develop curriculum"
    assert link.method == "words"
    assert link.confidence < 0.9


def test_a_stale_same_words_table_is_made_at_load_with_the_same_links(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the packaged table was made from another lexicon or code it is not used: the
    linker makes it from the lexicon it has, and links as the packaged one does."""
    extractor = load_extractor()
    monkeypatch.setattr(labelroots, "packaged", lambda: None)
    fresh = Linker(extractor.lexicon, extractor.verbs)
    names = ("curriculum development", "classroom management", "budget planning", "xyzzy")
    for name in names:
        assert fresh.by_words(name) == extractor.linker.by_words(name), name
    assert fresh.by_words("curriculum development")[0].label == "develop curriculum"


def test_a_name_no_concept_fits_stays_unlinked() -> None:
    linker = load_extractor().linker
    assert linker.link("frobnicating quux widgets") == []
    assert linker.link("   ") == []


def test_a_name_inside_a_sentence_is_not_resolved_as_a_name() -> None:
    """Only a short name given alone is read as an inventory entry."""
    text = "In my last role I did a lot of hiring for the support team every quarter."
    hits = extract(text, "resume").hits
    assert not [h for h in hits if h.method == "everyday"]


def test_prose_spans_keep_the_case_rules_of_acronyms_and_products() -> None:
    linker = load_extractor().linker
    assert any(link.label == "Coordinate geometry COGO software" for link in linker.link("cogo"))
    assert not linker.link("cogo's", prose=True)
