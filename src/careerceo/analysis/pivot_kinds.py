"""What a pivot's label says: how well it fits, and which way it goes (pure).

Two things a person needs to read from a pivot's label, kept apart: how well it fits (the
kind, classified in ``analysis.pivot.classify``: how much of the target's demand they meet and
how much of their core it uses) and which way it goes in preparation (the job-zone step: up,
level or down). "Stretch" used to name the middle fit class, and read as "a step up" even for
a move two job zones down; it is still accepted as a filter word for "partial".
"""

from __future__ import annotations

import math

KINDS = ("same", "adjacent", "partial", "long_shot")
KIND_LABELS = {
    "same": "Same occupation, another industry",
    "adjacent": "Close fit",
    "partial": "Partial fit",
    "long_shot": "Long shot",
}
# The name this fit class had before, still accepted where a kind is typed (``--kind``).
KIND_ALIASES = {"stretch": "partial", "close": "adjacent"}
STEPS = ("up", "level", "down")
STEP_LABELS = {"up": "step up", "level": "same level", "down": "step down"}


def zone_direction(job_zone: float | None, person_zone: float | None) -> str | None:
    """up / level / down: the target's job zone against the person's, rounded to whole zones
    as the doable column shows it (``analysis.pivot_doable``); None when either is unknown."""
    if job_zone is None or person_zone is None or math.isnan(job_zone):
        return None
    step = round(job_zone - person_zone)
    return "up" if step > 0 else "down" if step < 0 else "level"


def kind_label(kind: str, direction: str | None) -> str:
    """What a person reads: the fit, then the direction ("Partial fit, step down"); the same
    occupation in another industry needs no direction."""
    fit = KIND_LABELS[kind]
    if kind == "same" or direction is None:
        return fit
    return f"{fit}, {STEP_LABELS[direction]}"
