"""One occupation as a readable profile: every section the CLI, web page and API show.

Built here once, as plain JSON-ready data, so the three shells cannot disagree about what an
occupation page says, and so every number carries its source ("O*NET 29.0", "ESCO 1.1.1") and
whether it was estimated rather than rated.
"""

from __future__ import annotations

from typing import Any

from careerceo.knowledge.loader import KnowledgeBase
from careerceo.knowledge.models import ElementKind, ElementScore

# What a Job Zone number means, in one line (the full O*NET texts are included too).
JOB_ZONE_MEANING = {
    1: "little or no preparation needed",
    2: "some preparation needed",
    3: "medium preparation needed",
    4: "considerable preparation needed",
    5: "extensive preparation needed",
}
RIASEC_LETTER = {
    "Realistic": "R",
    "Investigative": "I",
    "Artistic": "A",
    "Social": "S",
    "Enterprising": "E",
    "Conventional": "C",
}
FAMILY_OF_KIND = {
    "skill": "skills",
    "knowledge": "knowledge",
    "work_style": "work_styles",
    "work_value": "work_values",
    "interest": "interests",
}


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _ratings(kb: KnowledgeBase, code: str, kind: ElementKind, limit: int | None) -> dict[str, Any]:
    scores: list[ElementScore] = [s for s in kb.scores(code, kind) if s.importance is not None]
    imputed = kb.imputation(code, FAMILY_OF_KIND[kind])
    note = None
    if imputed is not None:
        note = (
            f"{kb.source.onet} does not rate this occupation; values are the mean of rated "
            f"occupations in the same SOC {imputed.level} group: " + ", ".join(imputed.source_codes)
        )
    return {
        "estimated": imputed is not None,
        "note": note,
        "items": [
            {
                "id": s.element.id,
                "name": s.element.name,
                "importance": _round(s.importance),
                "level": _round(s.level),
                "description": s.element.description,
            }
            for s in (scores if limit is None else scores[:limit])
        ],
    }


def _high_points(kb: KnowledgeBase, code: str, kind: ElementKind) -> list[str]:
    arrays = kb.arrays
    row = kb.index_of(code)
    if kind == "interest":
        points, elements = arrays.interests_high_points[row], kb.interests
    else:
        points, elements = arrays.work_values_high_points[row], kb.work_values
    return [elements[int(p) - 1].name for p in points if int(p) > 0]


def _education(kb: KnowledgeBase, code: str) -> list[dict[str, Any]]:
    out = []
    for dist in kb.distributions(code):
        if not dist.percents:
            continue
        ranked = sorted(
            zip(dist.scale.categories, dist.percents, strict=False), key=lambda cp: -cp[1]
        )
        out.append(
            {
                "name": dist.scale.name,
                "most_common": ranked[0][0].description,
                "most_common_percent": round(ranked[0][1], 1),
                "categories": [
                    {"category": c.description, "percent": round(p, 1)}
                    for c, p in ranked
                    if p >= 1.0
                ],
            }
        )
    return out


def occupation_summary(kb: KnowledgeBase, code: str) -> dict[str, Any]:
    occ = kb.occupation(code)
    return {"code": occ.code, "title": occ.title, "description": occ.description}


def occupation_profile(kb: KnowledgeBase, code: str, *, top: int | None = 10) -> dict[str, Any]:
    """Every section of one occupation; ``top`` caps the rating lists (None: all)."""
    occ = kb.occupation(code)
    code = occ.code
    tasks = kb.tasks_for(code)
    tech = kb.tech_skills_for(code)
    return {
        "code": code,
        "title": occ.title,
        "description": occ.description,
        "sources": {"onet": kb.source.onet, "esco": kb.source.esco},
        "soc": {
            "major_group": occ.major_group,
            "major_group_title": occ.major_group_title,
            "minor_group": occ.minor_group,
            "broad_group": occ.broad_group,
            "detailed": code[:7],
            "onet_code": code,
        },
        "job_zone": _job_zone(kb, code),
        "education_training_experience": _education(kb, code),
        "skills": _ratings(kb, code, "skill", top),
        "knowledge": _ratings(kb, code, "knowledge", top),
        "tasks": {
            "core": [t.text for t in tasks if t.type == "Core"],
            "supplemental": [t.text for t in tasks if t.type == "Supplemental"],
            "unrated": [t.text for t in tasks if t.type is None],
        },
        "dwas": [d.title for d in kb.dwas_for(code)],
        "technology": [
            {
                "example": t.example,
                "category": t.commodity.title,
                "hot": t.hot,
                "in_demand": t.in_demand,
            }
            for t in sorted(tech, key=lambda t: (not t.hot, not t.in_demand, t.example.lower()))
        ],
        "tools": sorted({t.example for t in kb.tools_for(code)}, key=str.lower),
        "interests": {
            **_ratings(kb, code, "interest", None),
            "high_points": _high_points(kb, code, "interest"),
            "code": "".join(RIASEC_LETTER.get(n, "") for n in _high_points(kb, code, "interest")),
        },
        "work_styles": _ratings(kb, code, "work_style", top),
        "work_values": {
            **_ratings(kb, code, "work_value", None),
            "high_points": _high_points(kb, code, "work_value"),
        },
        "alternate_titles": sorted({t.title for t in kb.alternate_titles_for(code)}, key=str.lower),
        "reported_titles": sorted({t.title for t in kb.reported_titles_for(code)}, key=str.lower),
        "esco": _esco(kb, code),
    }


def _job_zone(kb: KnowledgeBase, code: str) -> dict[str, Any] | None:
    zone = kb.job_zone(code)
    if zone is None:
        return None
    return {
        "zone": zone.zone,
        "name": zone.name,
        "meaning": JOB_ZONE_MEANING.get(zone.zone, ""),
        "education": zone.education,
        "experience": zone.experience,
        "training": zone.training,
        "examples": zone.examples,
        "svp_range": zone.svp_range,
    }


def _esco(kb: KnowledgeBase, code: str) -> dict[str, Any]:
    """The ESCO occupations linked to this one and the skills ESCO lists for them."""
    esco_index = {o.uri: o for o in kb.esco_occupations}
    linked = []
    for link in kb.esco_links_for(code):
        esco = esco_index[link.esco_uri]
        linked.append(
            {
                "uri": esco.uri,
                "label": esco.preferred_label,
                "isco_group": esco.isco_group,
                "score": link.score,
                "method": link.method,
            }
        )
    esco_skills = kb.esco_skills_for(code)

    def skill_row(s: Any) -> dict[str, Any]:
        return {
            "uri": s.skill.uri,
            "label": s.skill.preferred_label,
            "type": s.skill.skill_type,
            "support": s.support,
        }

    return {
        "occupations": linked,
        "essential_skills": [skill_row(s) for s in esco_skills if s.relation == "essential"],
        "optional_skills": [skill_row(s) for s in esco_skills if s.relation == "optional"],
    }
