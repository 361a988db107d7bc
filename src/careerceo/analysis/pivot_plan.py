"""The learning plan for one pivot: its gaps turned into ordered, costed steps (pure).

The learning plan is a heuristic, stated here so it can be argued with:

- **What**: element gaps with importance x deficit ≥ 0.25 (about half a level point on an
  important element), except a deficit under one level point on an element the person has
  shown already (it grows on the job; listed as transferring); the target's hot technologies
  the person lacks that at least half its SOC minor group uses; and the ESCO essential skills
  of the target the person shows no sign of. A technology or ESCO skill the person listed only
  with intent "add" counts as lacking: it is the gap they want to close. A product the person
  listed in short ("Access") is not asked for (``pivot_detail._listed_as``).
- **Which ESCO skills and technologies are requirements**: an O*NET occupation reaches ESCO
  through links to one or more ESCO occupations (the Nesta crosswalk and title similarity,
  each with a score), and a broad link set drags in the essentials of a neighbour (Budget
  Analysts link weakly to "tax policy analyst", whose essentials include cadastral taxation).
  So an ESCO skill is a requirement only when the ESCO occupations that list it as essential
  carry at least half of the target's link weight (``pivot_detail.ESCO_REQUIRED_SHARE``), and
  a hot technology only when half the target's SOC minor group uses it; one supported by a
  quarter to a half is shown as a *possible* gap ("may not apply"), never planned nor pitched;
  below a quarter it is not shown. Only required gaps (``Gap.required``) become steps.
- **Order**: three stages. 1 *Foundations*: knowledge areas and basic skills (reading, writing,
  mathematics, science, learning): everything else builds on them. 2 *Applied skills*:
  technical, systems and problem-solving skills, technologies, ESCO skills. 3 *On the job*:
  social and resource-management skills, learned best by doing. Within a stage, the best
  impact per hour first (importance x deficit ÷ effort).
- **Effort**: level points short x hours per point by element type: knowledge 40 h, basic
  skills 30 h, technical and systems skills 50 h (practice-heavy), social and resource
  management 20 h; a technology 25 h when hot (15 h otherwise); an ESCO skill 15 h. Rounded to
  5 h. Rough by design: an order of magnitude to plan a quarter, not a syllabus.
- **Kind**: knowledge short by ≥ 2.5 points → an accredited course or degree module;
  otherwise an online course; technical skills → a hands-on course with a project; basic
  skills → a short course and practice; social/resource skills → a workshop, mentoring and a
  stretch assignment; hot technologies → the vendor's tutorial and certification.
"""

from __future__ import annotations

from dataclasses import dataclass

HOURS_PER_POINT = {
    "knowledge": 40.0,
    "basic": 30.0,
    "technical": 50.0,
    "social": 20.0,
}
TECH_HOURS_HOT = 25.0
TECH_HOURS = 15.0
ESCO_HOURS = 15.0
ESCO_REQUIRED_SHARE = 0.5
ESCO_POSSIBLE_SHARE = 0.25
STAGES = {1: "Foundations", 2: "Applied skills", 3: "On the job"}


@dataclass(frozen=True)
class Gap:
    id: str
    name: str
    kind: str  # skill | knowledge | technology | esco
    your_level: float | None
    target_level: float | None
    importance: float | None
    deficit: float | None
    priority: float  # importance x deficit (0..7) for elements, share/hotness for others
    assumed: bool  # your level is a baseline assumption, not something you entered
    source: str
    # False: the data only hint at it (an ESCO skill essential for a minority of the target's
    # linked ESCO occupations): shown, hedged, but not a step of the plan nor a pitch claim.
    required: bool = True


@dataclass(frozen=True)
class PlanStep:
    order: int
    stage: str
    what: str
    kind: str
    course: str
    hours: int
    why: str
    source: str


def element_group(element_id: str, kind: str) -> str:
    """knowledge | basic | technical | social, from the O*NET content-model branch."""
    if kind == "knowledge" or element_id.startswith("2.C"):
        return "knowledge"
    if element_id.startswith("2.A"):
        return "basic"
    if element_id.startswith(("2.B.1", "2.B.5")):
        return "social"
    return "technical"


def _round5(hours: float) -> int:
    return max(5, round(hours / 5.0) * 5)


def _course(gap: Gap) -> tuple[int, str, float]:
    """(stage, course kind, hours) for one gap, by the rules in the module docstring."""
    if gap.kind == "technology":
        hot = "hot" in gap.source
        course = "vendor tutorial and certification" if hot else "tutorial and a small project"
        return 2, course, TECH_HOURS_HOT if hot else TECH_HOURS
    if gap.kind == "esco":
        return 2, "short course", ESCO_HOURS
    group = element_group(gap.id, gap.kind)
    deficit = gap.deficit or 0.0
    hours = deficit * HOURS_PER_POINT[group]
    if group == "knowledge":
        course = "accredited course or degree module" if deficit >= 2.5 else "online course (MOOC)"
        return 1, course, hours
    if group == "basic":
        return 1, "short course and practice", hours
    if group == "technical":
        return 2, "hands-on course with a project", hours
    return 3, "workshop, mentoring and a stretch assignment at work", hours


def learning_plan(gap_list: list[Gap]) -> list[PlanStep]:
    rows: list[tuple[int, float, Gap, str, float]] = []
    for gap in gap_list:
        if not gap.required:
            continue  # a hedged hint is not something to spend hours on
        stage, course, hours = _course(gap)
        hours = max(hours, 1.0)
        impact = gap.priority if gap.kind in ("skill", "knowledge") else 0.5 * gap.priority
        rows.append((stage, impact / hours, gap, course, hours))
    rows.sort(key=lambda r: (r[0], -r[1]))
    steps: list[PlanStep] = []
    for i, (stage, _, gap, course, hours) in enumerate(rows, start=1):
        if gap.kind in ("skill", "knowledge"):
            why = (
                f"target level {gap.target_level:.1f}, yours {gap.your_level:.1f}"
                f"{' (assumed baseline)' if gap.assumed else ''}; importance {gap.importance:.1f}/5"
            )
        elif gap.kind == "technology":
            why = (
                f"a hot technology; {gap.priority:.0%} of occupations in the target's group use it"
            )
        else:
            why = (
                f"listed as essential by the ESCO occupations that carry {gap.priority:.0%} "
                "of the target's ESCO links (link strength)"
            )
        steps.append(
            PlanStep(i, STAGES[stage], gap.name, gap.kind, course, _round5(hours), why, gap.source)
        )
    return steps
