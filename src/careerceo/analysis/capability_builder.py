"""The mutable state a capability profile is built in: levels, weights and evidence per
column, with the rules that keep a level true to the evidence shown first for it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

import numpy as np

from careerceo.analysis.capability_model import Evidence
from careerceo.analysis.pivot_space import OccupationSpace


class ProfileBuilder:
    def __init__(self, space: OccupationSpace) -> None:
        e, d, t, s = (
            len(space.element_ids),
            len(space.dwa_ids),
            len(space.tech_names),
            len(space.esco_ids),
        )
        self.space = space
        self.level = np.zeros(e, np.float32)
        self.known = np.zeros(e, bool)
        self.core = np.zeros(e, np.float32)
        self.stated = np.zeros(e, bool)  # set by the person's own inventory: not overridden
        # The level the occupations of the person's positions imply, and the evidence saying
        # so: a floor no inventory entry lowers (an accountant who lists "Accounting" at the
        # default level 3 still has the accountant's level; they are never told to learn it).
        self.held = np.zeros(e, np.float32)
        self.held_evidence: dict[int, Evidence] = {}
        self.dwa = np.zeros(d, np.float32)
        self.tech = np.zeros(t, np.float32)
        self.esco = np.zeros(s, np.float32)
        self.intent_element = np.zeros(e, np.int8)
        self.intent_tech = np.zeros(t, np.int8)
        self.intent_esco = np.zeros(s, np.int8)
        self.evidence: dict[tuple[str, int], list[Evidence]] = defaultdict(list)
        self._stated_evidence: dict[tuple[str, int], int] = defaultdict(int)

    def add_evidence(self, key: tuple[str, int], ev: Evidence, *, stated: bool) -> None:
        """The person's own statements come first: they set the level shown next to them, and
        shells print only the first piece or two of evidence."""
        if stated:
            self.evidence[key].insert(self._stated_evidence[key], ev)
            self._stated_evidence[key] += 1
        else:
            self.evidence[key].append(ev)

    def element(self, col: int, level: float, core: float, ev: Evidence, *, stated: bool) -> None:
        """Record a level for an element. The evidence that sets the level shown is listed
        first (after the person's own statements), so the level never contradicts the first
        piece of evidence a shell prints next to it."""
        before = float(self.level[col]) if self.known[col] else -1.0
        if stated:
            if not self.stated[col]:
                self.level[col] = max(level, float(self.held[col]))
            else:
                self.level[col] = max(self.level[col], level)
            self.stated[col] = True
        elif not self.stated[col]:
            self.level[col] = max(self.level[col], level)
        self.known[col] = True
        self.core[col] = max(self.core[col], core)
        key = ("element", col)
        if not stated and not self.stated[col] and level > before:
            self.evidence[key].insert(self._stated_evidence[key], replace(ev, level=level))
        else:
            self.add_evidence(key, replace(ev, level=level), stated=stated)
        held = self.held_evidence.get(col)
        if stated and held is not None and self.held[col] > level:
            # The level shown is the held occupation's: its evidence goes first (the stored
            # piece carries the level it set, so it is found by what it says, not by equality).
            pieces = self.evidence[key]
            same = replace(held, level=None)
            at = next((i for i, e in enumerate(pieces) if replace(e, level=None) == same), None)
            pieces.insert(0, pieces.pop(at) if at is not None else held)

    def held_level(self, col: int, level: float, ev: Evidence) -> None:
        """Record a level implied by an occupation the person held (see ``held``)."""
        if level > self.held[col]:
            self.held[col] = level
            self.held_evidence[col] = ev

    def concept(
        self,
        taxonomy: str,
        concept_id: str,
        level: float,
        core: float,
        weight: float,
        ev: Evidence,
        *,
        stated: bool,
        intent: int,
    ) -> bool:
        col = self.space.concept_column(taxonomy, concept_id)
        if col is None:
            return False
        if taxonomy == "onet":
            self.element(col, level, core, ev, stated=stated)
            if intent:
                self.intent_element[col] = intent
        elif taxonomy == "tech":
            self.tech[col] = max(self.tech[col], weight)
            self.add_evidence(("tech", col), ev, stated=stated)
            if intent:
                self.intent_tech[col] = intent
        else:
            self.esco[col] = max(self.esco[col], weight)
            self.add_evidence(("esco", col), ev, stated=stated)
            if intent:
                self.intent_esco[col] = intent
        return True
