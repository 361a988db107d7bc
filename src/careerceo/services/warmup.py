"""The heavy, cached loads behind the analyses, named so shells can run them up front.

The CLI runs them under a spinner (so a first call that waits seconds says why), and the web
server runs them in a background thread at start, so the first page a person opens is not the
one that pays for building the title index or the occupation space.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def _knowledge() -> object:
    from careerceo.knowledge import load_knowledge

    return load_knowledge()


def _titles() -> object:
    from careerceo.knowledge import load_knowledge
    from careerceo.knowledge.matching import matcher_for
    from careerceo.settings import load_settings

    return matcher_for(load_knowledge(), load_settings().data_dir / "cache")


def _skills() -> object:
    from careerceo.skills import load_extractor

    extractor = load_extractor()
    extractor.linker.warm()  # its label indexes, which the first tagged posting would build
    return extractor


def _pivots() -> object:
    from careerceo.services.pivot_space import occupation_space, use_space_cache
    from careerceo.settings import load_settings

    use_space_cache(load_settings().data_dir / "cache")
    return occupation_space()


def _pivot_core() -> object:
    from careerceo.services.pivot_space import core_space, neighbour_table

    neighbour_table()
    return core_space()


LOADERS: dict[str, tuple[str, Callable[[], object]]] = {
    "knowledge": ("the occupational knowledge base (O*NET 29.0, ESCO 1.1.1)", _knowledge),
    "titles": ("the job-title index", _titles),
    "skills": ("the skill lexicon and linker", _skills),
    "pivots": ("the occupation space for pivots", _pivots),
    "pivot-core": ("the related-occupations table", _pivot_core),
}


def warm(names: Iterable[str] = ("knowledge", "titles", "skills", "pivots")) -> None:
    """Run the named loads; each is cached by its own module, so later calls are instant."""
    for name in names:
        LOADERS[name][1]()
