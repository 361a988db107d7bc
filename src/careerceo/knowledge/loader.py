"""Load the bundled knowledge base (O*NET 29.0 + ESCO 1.1.1) once, section by section.

``load_knowledge()`` reads only the manifest, the O*NET core records and the O*NET arrays;
titles, tasks, technology, ESCO occupations and ESCO skills are read the first time something
asks for them, so a title-only or maths-only use does not pay for ESCO descriptions. Each
section file is checked against its manifest checksum when it is read, so a damaged install
fails with a message naming the rebuild command instead of giving wrong answers.
"""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import numpy as np

from careerceo.errors import NotFoundError
from careerceo.knowledge import artifact as fmt
from careerceo.knowledge import soc
from careerceo.knowledge.esco_sections import EscoSections
from careerceo.knowledge.models import (
    Category,
    Distribution,
    Element,
    ElementKind,
    ElementScore,
    EteScale,
    Imputation,
    JobZone,
    Occupation,
    SourceInfo,
)
from careerceo.knowledge.onet_sections import OnetSections
from careerceo.knowledge.sections import (
    FloatArray,
    KnowledgeError,
    OnetArrays,
    num,
)

DATA_DIR = Path(__file__).with_name("data")


class KnowledgeBase(OnetSections, EscoSections):
    """Read-only O*NET + ESCO knowledge; get it from ``load_knowledge()``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._lock = threading.RLock()
        manifest_path = directory / fmt.MANIFEST
        if not manifest_path.is_file():
            raise KnowledgeError(f"{manifest_path} is missing")
        try:
            self.manifest: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
            files = self.manifest["files"]
            version = self.manifest["format_version"]
        except (ValueError, KeyError, TypeError) as exc:
            raise KnowledgeError(f"{manifest_path} is not a valid manifest: {exc}") from exc
        if version != fmt.FORMAT_VERSION:
            raise KnowledgeError(
                f"artifact format {version}, this version of the app reads {fmt.FORMAT_VERSION}"
            )
        missing = [name for name in fmt.DATA_FILES if name not in files]
        if missing:
            raise KnowledgeError(f"manifest lists no {', '.join(missing)}")
        self._files: dict[str, dict[str, Any]] = files
        versions = {s["name"]: s["version"] for s in self.manifest.get("sources", [])}
        self.source = SourceInfo(
            onet=f"O*NET {versions.get('O*NET', '?')}",
            esco=f"ESCO {versions.get('ESCO', '?')}",
            onet_version=versions.get("O*NET", "?"),
            esco_version=versions.get("ESCO", "?"),
            build_date=str(self.manifest.get("build_date", "?")),
        )
        core = self._json(fmt.ONET_CORE)
        self.arrays = OnetArrays(**self._npz(fmt.ONET_ARRAYS))
        zones = self.arrays.job_zone
        self.occupations: tuple[Occupation, ...] = tuple(
            Occupation(
                index=i,
                code=code,
                title=title,
                description=description,
                job_zone=int(zones[i]) or None,
                major_group=soc.major_group(code),
                major_group_title=soc.MAJOR_GROUPS.get(soc.major_group(code), ""),
                minor_group=soc.minor_group(code),
                broad_group=soc.broad_group(code),
            )
            for i, (code, title, description) in enumerate(core["occupations"])
        )
        self.codes: tuple[str, ...] = tuple(o.code for o in self.occupations)
        self._by_code = {code: i for i, code in enumerate(self.codes)}
        elements = core["elements"]
        self.skills = self._elements(elements["skills"], "skill")
        self.knowledge = self._elements(elements["knowledge"], "knowledge")
        self.work_styles = self._elements(elements["work_styles"], "work_style")
        self.work_values = self._elements(elements["work_values"], "work_value")
        self.interests = self._elements(elements["interests"], "interest")
        self.job_zones: dict[int, JobZone] = {
            int(z[0]): JobZone(int(z[0]), *z[1:]) for z in core["job_zones"]
        }
        self._imputed: dict[str, dict[int, Imputation]] = {
            family: {
                int(i): Imputation(family, level, tuple(self.codes[j] for j in sources))
                for i, level, sources in rows
            }
            for family, rows in core["imputed"].items()
        }
        self.ete_scales: tuple[EteScale, ...] = tuple(
            EteScale(
                element_id=s["element_id"],
                name=s["name"],
                array=s["array"],
                categories=tuple(Category(int(n), d) for n, d in s["categories"]),
            )
            for s in core["ete"]
        )

    @staticmethod
    def _elements(rows: list[list[str]], kind: ElementKind) -> tuple[Element, ...]:
        return tuple(Element(i, eid, name, kind, desc) for i, (eid, name, desc) in enumerate(rows))

    def load_all(self) -> KnowledgeBase:
        """Read every lazy section now (benchmarks, warm-up before serving)."""
        for name in (
            "alternate_titles",
            "tasks",
            "tech_skills",
            "tools",
            "esco_occupations",
            "esco_skills",
            "esco_links",
        ):
            getattr(self, name)
        return self

    # -- O*NET occupations -----------------------------------------------------------------

    def occupation(self, code: str) -> Occupation:
        return self.occupations[self.index_of(code)]

    def find_occupation(self, code: str) -> Occupation | None:
        try:
            return self.occupation(code)
        except NotFoundError:
            return None

    @property
    def elements(self) -> tuple[Element, ...]:
        """Skills then knowledge (35 + 33): the elements a skill gap is measured on."""
        return self.skills + self.knowledge

    def imputation(self, code: str, family: str = "skills") -> Imputation | None:
        """How an unrated occupation's ratings were estimated; None when O*NET rates it.

        ``family`` is one of skills, knowledge, work_styles, work_values, interests.
        """
        return self._imputed.get(family, {}).get(self.index_of(code))

    def job_zone(self, code: str) -> JobZone | None:
        zone = self.occupation(code).job_zone
        return self.job_zones.get(zone) if zone else None

    def scores(self, code: str, kind: ElementKind = "skill") -> list[ElementScore]:
        """Ratings of one occupation, most important first (skill or knowledge)."""
        i = self.index_of(code)
        if kind == "skill":
            elements, imp, lvl = (
                self.skills,
                self.arrays.skills_importance,
                self.arrays.skills_level,
            )
        elif kind == "knowledge":
            elements = self.knowledge
            imp, lvl = self.arrays.knowledge_importance, self.arrays.knowledge_level
        else:
            table = {
                "work_style": (self.work_styles, self.arrays.work_styles_importance),
                "work_value": (self.work_values, self.arrays.work_values_extent),
                "interest": (self.interests, self.arrays.interests_score),
            }
            elements, imp = table[kind]
            lvl = np.full_like(imp, np.nan)
        out = [ElementScore(e, num(imp[i, e.index]), num(lvl[i, e.index])) for e in elements]
        out.sort(key=lambda s: (-(s.importance or 0.0), s.element.index))
        return out

    def distributions(self, code: str) -> list[Distribution]:
        """Education, experience and training distributions (% of respondents per category)."""
        i = self.index_of(code)
        out = []
        for scale in self.ete_scales:
            row = cast(FloatArray, getattr(self.arrays, scale.array))[i]
            percents = () if np.isnan(row).all() else tuple(float(v) for v in np.nan_to_num(row))
            out.append(Distribution(scale, percents))
        return out

    def counts(self) -> dict[str, int]:
        """Sizes for the About page (reads every section)."""
        return {
            "onet_occupations": len(self.occupations),
            "skills": len(self.skills),
            "knowledge": len(self.knowledge),
            "tasks": len(self.tasks),
            "dwas": len(self.dwas),
            "technology_examples": len(self.tech_examples),
            "tools": len(self.tools),
            "alternate_titles": len(self.alternate_titles),
            "reported_titles": len(self.reported_titles),
            "esco_occupations": len(self.esco_occupations),
            "esco_skills": len(self.esco_skills),
            "esco_relations": len(self.esco_arrays.rel_skill),
            "esco_links": len(self.esco_links),
        }


@lru_cache(maxsize=4)
def _load(directory: Path) -> KnowledgeBase:
    return KnowledgeBase(directory)


def load_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """The knowledge base bundled with the package (cached: the first call reads it)."""
    return _load((directory or DATA_DIR).resolve())


def clear_cache() -> None:
    """Forget loaded knowledge bases (tests that damage a copy of the artifact)."""
    _load.cache_clear()
