"""Prepare a person's pivots when their data arrives, so ``career pivot`` starts warm.

The first ranking after an import used to pay for everything once: the skill lexicon (to read
the résumé and position descriptions), the title index (to normalise held titles) and the
occupation space (saved in the data directory). Run here, right after the import and under
its progress line, those land in the data directory's caches; the ranking then only reads
them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careerceo.services.context import AppContext


def prepare_pivots(ctx: AppContext) -> None:
    """Build and keep everything a person's ranking reads: the occupation space, the
    extractor's results for their texts, their held titles' occupations and loose inventory
    matches (all keyed by content, so a stale answer is never read)."""
    from careerceo.services.pivot_person import person_profile
    from careerceo.services.pivot_space import occupation_space, use_space_cache

    use_space_cache(ctx.settings.data_dir / "cache")
    person_profile(ctx, occupation_space())
