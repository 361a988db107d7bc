"""The O*NET sections read the first time they are asked for: titles, tasks and work
activities, technology and tools, and the task and title lines used as evidence."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from careerceo.knowledge import artifact as fmt
from careerceo.knowledge.models import (
    DWA,
    AlternateTitle,
    Commodity,
    ReportedTitle,
    Task,
    TechExample,
    TechSkill,
    Tool,
)
from careerceo.knowledge.sections import ArtifactSections, group


class OnetSections(ArtifactSections):
    """O*NET text sections, loaded lazily and grouped by occupation."""

    # -- titles ----------------------------------------------------------------------------

    @cached_property
    def _titles(self) -> dict[str, Any]:
        return self._json_object(fmt.ONET_TITLES)

    @cached_property
    def alternate_titles(self) -> tuple[AlternateTitle, ...]:
        return tuple(AlternateTitle(i, t, s, src) for i, t, s, src in self._titles["alternate"])

    @cached_property
    def reported_titles(self) -> tuple[ReportedTitle, ...]:
        return tuple(ReportedTitle(i, t, bool(shown)) for i, t, shown in self._titles["reported"])

    @cached_property
    def _alternate_by_occ(self) -> dict[int, tuple[AlternateTitle, ...]]:
        return group(self.alternate_titles, lambda t: t.occupation_index)

    @cached_property
    def _reported_by_occ(self) -> dict[int, tuple[ReportedTitle, ...]]:
        return group(self.reported_titles, lambda t: t.occupation_index)

    @cached_property
    def _evidence_lines(self) -> dict[str, tuple[list[str], npt.NDArray[Any]]]:
        related = self.related
        return {
            kind: (
                bytes(related[f"text_{kind}"]).decode("utf-8").split("\n"),
                related[f"text_{kind}_start"],
            )
            for kind in ("titles", "tasks")
        }

    def _lines(self, kind: str, code: str) -> list[str]:
        lines, start = self._evidence_lines[kind]
        i = self.index_of(code)
        return lines[int(start[i]) : int(start[i + 1])]

    def title_texts(self, code: str) -> list[str]:
        """The title, alternate and reported titles of an occupation as plain strings, read
        from the related-occupations file (a split, not a parse of every title record)."""
        return self._lines("titles", code)

    def task_texts(self, code: str) -> list[str]:
        """Task statements of an occupation as plain strings, core tasks first."""
        return self._lines("tasks", code)

    def alternate_titles_for(self, code: str) -> tuple[AlternateTitle, ...]:
        return self._alternate_by_occ.get(self.index_of(code), ())

    def reported_titles_for(self, code: str) -> tuple[ReportedTitle, ...]:
        return self._reported_by_occ.get(self.index_of(code), ())

    # -- tasks and work activities ---------------------------------------------------------

    @cached_property
    def _tasks(self) -> dict[str, Any]:
        return self._json_object(fmt.ONET_TASKS)

    @cached_property
    def dwas(self) -> tuple[DWA, ...]:
        """Detailed work activities; column j of ``arrays.dwa`` is ``dwas[j]``."""
        return tuple(DWA(j, *row) for j, row in enumerate(self._tasks["dwas"]))

    @cached_property
    def iwas(self) -> dict[str, str]:
        return {iwa_id: title for iwa_id, title in self._tasks["iwas"]}

    @cached_property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(
            Task(i, task_id, text, kind, tuple(dwas))
            for i, task_id, text, kind, dwas in self._tasks["tasks"]
        )

    @cached_property
    def _tasks_by_occ(self) -> dict[int, tuple[Task, ...]]:
        return group(self.tasks, lambda t: t.occupation_index)

    def tasks_for(self, code: str) -> tuple[Task, ...]:
        """Core tasks first, then supplemental, then unrated; in O*NET task-id order."""
        tasks = self._tasks_by_occ.get(self.index_of(code), ())
        rank = {"Core": 0, "Supplemental": 1, None: 2}
        return tuple(sorted(tasks, key=lambda t: (rank[t.type], t.id)))

    def dwas_for(self, code: str) -> tuple[DWA, ...]:
        row = self.arrays.dwa[self.index_of(code)]
        return tuple(self.dwas[j] for j in np.flatnonzero(row))

    # -- technology and tools --------------------------------------------------------------

    @cached_property
    def _tech(self) -> dict[str, Any]:
        return self._json_object(fmt.ONET_TECH)

    @cached_property
    def tech_commodities(self) -> tuple[Commodity, ...]:
        """Column j of ``arrays.tech_commodity`` / ``tech_hot`` is ``tech_commodities[j]``."""
        return tuple(Commodity(j, c, t) for j, (c, t) in enumerate(self._tech["commodities"]))

    @cached_property
    def tech_skills(self) -> tuple[TechSkill, ...]:
        com = self.tech_commodities
        return tuple(
            TechSkill(i, ex, com[c], bool(hot), bool(dem))
            for i, ex, c, hot, dem in self._tech["technology"]
        )

    @cached_property
    def _tech_by_occ(self) -> dict[int, tuple[TechSkill, ...]]:
        return group(self.tech_skills, lambda t: t.occupation_index)

    def tech_skills_for(self, code: str) -> tuple[TechSkill, ...]:
        return self._tech_by_occ.get(self.index_of(code), ())

    @cached_property
    def tech_examples(self) -> tuple[TechExample, ...]:
        """Each distinct technology example once, with every occupation that lists it."""
        occs: dict[tuple[str, int], list[int]] = defaultdict(list)
        flags: dict[tuple[str, int], list[bool]] = {}
        for t in self.tech_skills:
            key = (t.example, t.commodity.index)
            occs[key].append(t.occupation_index)
            old = flags.get(key, [False, False])
            flags[key] = [old[0] or t.hot, old[1] or t.in_demand]
        com = self.tech_commodities
        return tuple(
            TechExample(
                name, com[c], flags[(name, c)][0], flags[(name, c)][1], tuple(occs[(name, c)])
            )
            for name, c in sorted(occs, key=lambda k: (k[0].lower(), k[0], k[1]))
        )

    @cached_property
    def tool_commodities(self) -> tuple[Commodity, ...]:
        return tuple(Commodity(j, c, t) for j, (c, t) in enumerate(self._tech["tool_commodities"]))

    @cached_property
    def tools(self) -> tuple[Tool, ...]:
        com = self.tool_commodities
        return tuple(Tool(i, ex, com[c]) for i, ex, c in self._tech["tools"])

    @cached_property
    def _tools_by_occ(self) -> dict[int, tuple[Tool, ...]]:
        return group(self.tools, lambda t: t.occupation_index)

    def tools_for(self, code: str) -> tuple[Tool, ...]:
        return self._tools_by_occ.get(self.index_of(code), ())
