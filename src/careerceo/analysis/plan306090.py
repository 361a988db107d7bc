"""A 30-60-90-day plan skeleton for a target role (pure).

The method: learn before you change (days 1-30), contribute and take ownership (31-60), improve
and show results (61-90). The skeleton fills each phase from the target occupation's O*NET task
statements (core tasks first) and the saved posting's requirement lines, so the person starts
from what the job really involves and edits it into their own words. It claims nothing about
the person: every line is something to do, learn or measure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from careerceo.analysis.wording import clip, lower_first, upper_first

ITEM_LIMIT = 160
PHASE_KEYS = ("30", "60", "90")
PHASE_NAMES = {
    "30": "Days 1-30: learn",
    "60": "Days 31-60: contribute",
    "90": "Days 61-90: improve and show results",
}
PARTS = ("goals", "actions", "measures")
LISTS = ("stakeholders", "quick_wins", "learn")

BULLET = re.compile(r"^\s*(?:[-*\u2022\u25cf\u25aa\u2013]|\d{1,2}[.)])\s+(?P<text>.+)$")
REQUIREMENT_HEADING = re.compile(
    r"\b(requirements?|qualifications?|what you.?ll (?:need|bring)|you have|must have|"
    r"responsibilities|what you.?ll do)\b",
    re.IGNORECASE,
)
PEOPLE = re.compile(
    r"\b(?:with|to|for)\s+((?:[a-z-]+\s+){0,4}?(?:managers?|staff|customers?|clients?|"
    r"engineers?|users?|vendors?|suppliers?|physicians?|patients?|families|parents|students|"
    r"teachers|supervisors?|executives|stakeholders|team members|technicians|workers|"
    r"contractors|officials|departments?))\b",
    re.IGNORECASE,
)


@dataclass
class Phase:
    key: str
    name: str
    goals: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)


@dataclass
class PlanContent:
    phases: list[Phase]
    stakeholders: list[str] = field(default_factory=list)
    quick_wins: list[str] = field(default_factory=list)
    learn: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "phases": [dict(vars(p)) for p in self.phases],
            "stakeholders": list(self.stakeholders),
            "quick_wins": list(self.quick_wins),
            "learn": list(self.learn),
            "sources": list(self.sources),
        }


def content_from(data: dict[str, object]) -> PlanContent:
    """A stored plan back into its parts (missing parts are empty, unknown keys ignored)."""
    phases_raw = data.get("phases")
    phases: list[Phase] = []
    by_key: dict[str, dict[str, object]] = {}
    if isinstance(phases_raw, list):
        by_key = {str(p.get("key")): p for p in phases_raw if isinstance(p, dict)}
    for key in PHASE_KEYS:
        raw = by_key.get(key, {})
        phases.append(
            Phase(
                key,
                str(raw.get("name") or PHASE_NAMES[key]),
                goals=_strings(raw.get("goals")),
                actions=_strings(raw.get("actions")),
                measures=_strings(raw.get("measures")),
            )
        )
    return PlanContent(
        phases,
        stakeholders=_strings(data.get("stakeholders")),
        quick_wins=_strings(data.get("quick_wins")),
        learn=_strings(data.get("learn")),
        sources=_strings(data.get("sources")),
    )


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _task_phrase(task: str) -> str:
    """An O*NET task statement, whole (a cut task reads as a mistake in a handed-over plan)."""
    return task.strip().rstrip(".")


def requirement_lines(text: str, limit: int = 6) -> list[str]:
    """The posting's requirement or responsibility lines: bullets, preferring those under a
    requirements/qualifications heading; a posting without bullets gives none."""
    under: list[str] = []
    other: list[str] = []
    in_section = False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        bullet = BULLET.match(stripped)
        if bullet:
            item = clip(bullet.group("text").strip().rstrip(".;"), ITEM_LIMIT - 30)
            (under if in_section else other).append(item)
        elif len(stripped) < 80:
            in_section = bool(REQUIREMENT_HEADING.search(stripped))
    seen: dict[str, None] = {}
    for item in under + other:
        seen.setdefault(item, None)
    return list(seen)[:limit]


def stakeholders_in(tasks: Sequence[str], limit: int = 4) -> list[str]:
    """People the tasks name ("confer with project managers" -> "project managers")."""
    found: dict[str, None] = {}
    for task in tasks:
        for match in PEOPLE.finditer(task):
            found.setdefault(match.group(1).lower(), None)
    return list(found)[:limit]


def _days90(requirements: Sequence[str], improve_tasks: Sequence[str]) -> Phase:
    """The last phase: results on the later requirements, improvements to the later tasks."""
    return Phase(
        "90",
        PHASE_NAMES["90"],
        goals=[
            "Show results against the agreed measures",
            "Propose improvements grounded in what you learned",
        ],
        actions=[
            *(f"Deliver results on: {r}" for r in requirements[2:5]),
            *(f"Look for a better way to: {lower_first(_task_phrase(x))}" for x in improve_tasks),
            "Write a short improvement proposal and review it with your manager",
            "Hold a 90-day review with your manager against the agreed measures",
        ],
        measures=[
            "Results reported against each agreed measure",
            "An improvement proposal reviewed, with a decision and an owner",
        ],
    )


def skeleton(
    *,
    role: str,
    employer: str = "",
    tasks: Sequence[str] = (),
    requirements: Sequence[str] = (),
    tools: Sequence[str] = (),
    sources: Sequence[str] = (),
) -> PlanContent:
    """The prefilled plan for ``role`` (a job title), to be edited by the person."""
    where = employer or "the organisation"
    t = list(tasks)
    learn_tasks, own_tasks, improve_tasks = t[:3], t[3:6], t[6:8]
    p30 = Phase(
        "30",
        PHASE_NAMES["30"],
        goals=[
            f"Understand how {where} works: its customers, priorities and how the {role} role "
            "is measured",
            "Build working relationships with the people the role depends on",
        ],
        actions=[
            "Agree the 90-day priorities and how success will be measured with your manager",
            *(f"Learn how it is done here: {_task_phrase(x)}" for x in learn_tasks),
            "Meet each first stakeholder and ask what they need from the role",
        ],
        measures=[
            "90-day priorities and measures agreed in writing with your manager",
            "Met every first stakeholder",
            "Can explain the current process and its pain points for the main tasks",
        ],
    )
    p60 = Phase(
        "60",
        PHASE_NAMES["60"],
        goals=["Take ownership of part of the core work", "Deliver the first quick wins"],
        actions=[
            *(f"Take on: {_task_phrase(x)}" for x in own_tasks),
            *(f"Show early progress on: {r}" for r in requirements[:2]),
            "Deliver one quick win the team named in your first meetings",
        ],
        measures=[
            "First quick win delivered and acknowledged by the team",
            "Owning core tasks with regular feedback from your manager",
        ],
    )
    p90 = _days90(requirements, improve_tasks)
    learn = [
        f"How {where} makes money: customers, products and competitors",
        "The numbers the team is measured on, and their trend",
    ]
    if tools:
        learn.append(f"The kinds of software the work uses: {', '.join(tools[:3])}")
    people = ["Your manager", "Your team", *(upper_first(p) for p in stakeholders_in(t))]
    return PlanContent(
        [p30, p60, p90],
        stakeholders=people,
        quick_wins=[
            "Fix one small, visible problem the team names in your first meetings",
            "Document one process you learn, so the next person learns it faster",
        ],
        learn=learn,
        sources=list(sources),
    )
