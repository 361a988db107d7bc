"""Everyday inventory names reach the pivot ranking as the concepts the linker gives them, on the
real bundled knowledge base (O*NET 29.0 + ESCO 1.1.1)."""

from __future__ import annotations

import pytest

from careerceo.analysis.capability import InventoryItem
from careerceo.analysis.pivot_space import OccupationSpace
from careerceo.services.pivot_space import occupation_space
from careerceo.services.pivots import PersonData, _resolve_inventory
from careerceo.skills import load_extractor

NAMES = [
    "lesson planning",
    "differentiated instruction",
    "people management",
    "stakeholder management",
    "hiring",
    "coaching",
    "sales",
]


@pytest.fixture(scope="module")
def space() -> OccupationSpace:
    return occupation_space()


@pytest.mark.parametrize("name", NAMES)
def test_everyday_name_resolves_to_one_of_its_curated_concepts(
    space: OccupationSpace, name: str
) -> None:
    item = InventoryItem(kind="skill", name=name, level=3)
    (resolved,) = _resolve_inventory(space, PersonData(inventory=[item]))
    assert resolved.taxonomy and resolved.concept_id, f"{name!r} stayed unresolved"
    links = load_extractor().linker.everyday(name)
    wanted = {link.concept_id for link in links}
    assert resolved.concept_id in wanted, (name, resolved)
    assert space.concept_column(resolved.taxonomy, resolved.concept_id) is not None
