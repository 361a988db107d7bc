"""Compile ESCO 1.1.1 (English): occupations, skills/knowledge and the relations between them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from careerceo.knowledge.build.sources import read_csv, split_labels

ESCO_FILES = (
    "occupations_en.csv",
    "skills_en.csv",
    "occupationSkillRelations.csv",
    "ISCOGroups_en.csv",
    "broaderRelationsOccPillar.csv",
)


@dataclass
class EscoBuild:
    uris: list[str]
    occupations: dict[str, Any]
    skills: list[list[Any]]
    arrays: dict[str, npt.NDArray[Any]]


def build_esco(root: Path) -> EscoBuild:
    occ_rows = sorted(read_csv(root / "occupations_en.csv"), key=lambda r: r["conceptUri"])
    uris = [r["conceptUri"] for r in occ_rows]
    occ_index = {u: i for i, u in enumerate(uris)}
    parent = np.full(len(uris), -1, dtype=np.int32)
    for r in read_csv(root / "broaderRelationsOccPillar.csv"):
        if r["conceptUri"] in occ_index and r["broaderUri"] in occ_index:
            parent[occ_index[r["conceptUri"]]] = occ_index[r["broaderUri"]]
    occupations = [
        [
            r["conceptUri"],
            r["code"],
            r["iscoGroup"],
            r["preferredLabel"].strip(),
            split_labels(r["altLabels"], r["preferredLabel"].strip()),
            split_labels(r["hiddenLabels"], r["preferredLabel"].strip()),
            r["description"].strip(),
        ]
        for r in occ_rows
    ]
    isco = sorted(
        [r["code"], r["preferredLabel"].strip()] for r in read_csv(root / "ISCOGroups_en.csv")
    )

    skill_rows = sorted(read_csv(root / "skills_en.csv"), key=lambda r: r["conceptUri"])
    skill_index = {r["conceptUri"]: i for i, r in enumerate(skill_rows)}
    skills = [
        [
            r["conceptUri"],
            r["skillType"] or None,
            r["reuseLevel"] or None,
            r["preferredLabel"].strip(),
            split_labels(r["altLabels"], r["preferredLabel"].strip()),
            split_labels(r["hiddenLabels"], r["preferredLabel"].strip()),
            r["description"].strip(),
        ]
        for r in skill_rows
    ]
    relations = sorted(
        {
            (
                occ_index[r["occupationUri"]],
                r["relationType"] != "essential",
                skill_index[r["skillUri"]],
            )
            for r in read_csv(root / "occupationSkillRelations.csv")
            if r["occupationUri"] in occ_index and r["skillUri"] in skill_index
        }
    )
    rel = np.array(relations, dtype=np.int32).reshape(-1, 3)
    arrays = {
        "occupation_parent": parent,
        "rel_occupation": rel[:, 0].astype(np.int32),
        "rel_essential": rel[:, 1] == 0,
        "rel_skill": rel[:, 2].astype(np.int32),
    }
    return EscoBuild(
        uris=uris,
        occupations={"occupations": occupations, "isco_groups": isco},
        skills=skills,
        arrays=arrays,
    )
