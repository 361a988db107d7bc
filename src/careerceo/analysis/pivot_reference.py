"""A person's reference occupations: the occupations their pivots are related to, weighted.

Each held position stands for the occupation its title normalises to, credited by recency and
tenure (``reference_credits``): the reference point is who the person is *now*, so a past
position counts half two years before the latest one (``REFERENCE_HALF_LIFE_YEARS``; what they
can do fades more slowly, ``capability.position_credit``). A fitness instructor who sold wine
for ten years before pivots from fitness, and the sales years still count in their profile.
A title can normalise wrongly ("Owner" is word for
word an alternate title of Urologists; a "Consultant" whose bullets are about court filings
is not a solar sales representative), so an occupation counts by how far the person's own
words (position descriptions, résumé) support it too: the z-score of those words against the
occupation's task statements and titles (``analysis.text_match``), through a logistic
``support``. An occupation the words do not support at all (z below ``MIN_SUPPORT_Z``) is not
taken from the title (the position stays in the profile without an occupation); one the person
chose themselves always counts in full.

The same occupation held in several positions adds up (three floral-designer jobs outweigh one
stint as a cashier), and the headline (the line under the name, "Staff Accountant") counts as
much as the best-credited position: it is what the person says they are.

Pure: plain values in, weights out.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

import numpy as np
from numpy.typing import NDArray

from careerceo.analysis.capability import latest_vouched, position_credit
from careerceo.analysis.capability_model import PositionItem

# Chosen with the blend (``analysis.pivot_blend.BLEND_HELD``) by two-fold cross-validation on
# the training résumés that have held titles (UpdatedResumeDataSet.csv, the first 4 per
# category, and the 24 LiveCareer PDFs): 1 and 2 years tied best; 8 (the profile's) was worse.
REFERENCE_HALF_LIFE_YEARS = 2.0

# Below this z of their own words a normalised title's occupation is not taken: the words
# must match it clearly above the average occupation (the bar at which a pivot's row quotes
# the person's words as evidence, ``services.pivot_explain.WORDS_EVIDENCE_Z``).
MIN_SUPPORT_Z = 1.0
# The logistic support: half weight at z 1.5 (the words are clearly about this kind of work),
# nearly full from z 2.5.
SUPPORT_MID_Z = 1.5
SUPPORT_SLOPE = 2.0


def support(z: float | None) -> float:
    """How far the person's own words support an occupation (0..1; 1 without words)."""
    if z is None or not math.isfinite(z):
        return 1.0
    return 1.0 / (1.0 + math.exp(-SUPPORT_SLOPE * (z - SUPPORT_MID_Z)))


# A title that only resembles one of the occupation's titles ("Emergency Road Service
# Technician" and Emergency Management Directors) is weak evidence by itself: the words must
# clearly support it.
FUZZY_MIN_SUPPORT_Z = 2.0


def supported(z: float | None, *, exact: bool = True) -> bool:
    """Do the person's own words leave a normalised title's occupation standing? (``exact``:
    the title is word for word one of the occupation's titles.)"""
    bar = MIN_SUPPORT_Z if exact else FUZZY_MIN_SUPPORT_Z
    return z is None or not math.isfinite(z) or z >= bar


def reference_credits(positions: Sequence[PositionItem], today: date) -> list[tuple[str, float]]:
    """(code, credit) of each position with an occupation: recency (half-life
    ``REFERENCE_HALF_LIFE_YEARS``, counted to the latest date the positions vouch for) x
    tenure, relative to the best-credited position."""
    coded = [p for p in positions if p.occupation_code]
    if not coded:
        return []
    anchor = latest_vouched(positions, today)
    raw = [position_credit(p, today, anchor, REFERENCE_HALF_LIFE_YEARS) for p in coded]
    top = max(raw) or 1.0
    return [(str(p.occupation_code), c / top) for p, c in zip(coded, raw, strict=True)]


def reference_weights(
    held: Iterable[tuple[str, float]],
    row_of: Mapping[str, int],
    text_z: NDArray[np.floating] | None,
    *,
    chosen: frozenset[str] = frozenset(),
    headline: str | None = None,
) -> list[tuple[int, float]]:
    """(row, weight) of each reference occupation, heaviest first.

    ``held``: (code, credit) per coded position; ``chosen``: codes the person set themselves
    (full support); ``headline``: the headline's occupation, weighted like the best position."""

    def weight_of(code: str) -> float:
        if text_z is None or code in chosen:
            return 1.0
        return support(float(text_z[row_of[code]]))

    weights: dict[int, float] = defaultdict(float)
    top = 0.0
    for code, credit in held:
        if code not in row_of or credit <= 0:
            continue
        weights[row_of[code]] += credit * weight_of(code)
        top = max(top, credit)
    if headline is not None and headline in row_of:
        weights[row_of[headline]] += (top or 1.0) * weight_of(headline)
    return sorted(((r, w) for r, w in weights.items() if w > 0), key=lambda rw: (-rw[1], rw[0]))
