"""Load the bundled knowledge base (O*NET 29.0 + ESCO 1.1.1) once, section by section.

``load_knowledge()`` reads only the manifest, the O*NET core records and the O*NET arrays;
titles, tasks, technology, ESCO occupations and ESCO skills are read the first time something
asks for them, so a title-only or maths-only use does not pay for ESCO descriptions. Each
section file is checked against its manifest checksum when it is read, so a damaged install
fails with a message naming the rebuild command instead of giving wrong answers.
"""

from __future__ import annotations

import json
import math
import re
import threading
import zipfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np
import numpy.typing as npt

from careerceo.errors import CareerError, NotFoundError
from careerceo.knowledge import artifact as fmt
from careerceo.knowledge import soc
from careerceo.knowledge.models import (
    DWA,
    AlternateTitle,
    Category,
    Commodity,
    Distribution,
    Element,
    ElementKind,
    ElementScore,
    EscoLink,
    EscoOccupation,
    EscoRelation,
    EscoSkill,
    EteScale,
    Imputation,
    JobZone,
    LinkedEscoSkill,
    LinkMethod,
    Occupation,
    ReportedTitle,
    SourceInfo,
    Task,
    TechExample,
    TechSkill,
    Tool,
)

DATA_DIR = Path(__file__).with_name("data")
_CODE = re.compile(r"^\s*(\d{2})-?(\d{4})(?:\.(\d{2}))?\s*$")

FloatArray = npt.NDArray[np.float32]
T = TypeVar("T")


class KnowledgeError(CareerError):
    """The bundled artifact is missing, damaged or from another format version."""

    def __init__(self, problem: str) -> None:
        super().__init__(
            f"the bundled knowledge base is unusable ({problem}); rebuild it with: "
            f"{fmt.REBUILD_COMMAND}",
            status=503,
        )


@dataclass(frozen=True)
class OnetArrays:
    """Numpy arrays whose rows follow ``KnowledgeBase.occupations`` (row i = occupation i).

    Ratings are float32 with NaN where O*NET has no rating; columns follow the element tuples
    (``kb.skills``, ``kb.knowledge``, ``kb.work_styles``, ``kb.work_values``, ``kb.interests``).
    """

    skills_importance: FloatArray  # (n_occ, 35) scale IM 1-5 (see *_rated below)
    skills_level: FloatArray  # (n_occ, 35) scale LV 0-7
    knowledge_importance: FloatArray  # (n_occ, 33)
    knowledge_level: FloatArray  # (n_occ, 33)
    work_styles_importance: FloatArray  # (n_occ, 16) IM 1-5
    work_values_extent: FloatArray  # (n_occ, 6) EX 1-7
    work_values_high_points: npt.NDArray[np.int8]  # (n_occ, 3) 1-based value index, 0 = none
    interests_score: FloatArray  # (n_occ, 6) RIASEC OI 1-7
    interests_high_points: npt.NDArray[np.int8]  # (n_occ, 3) 1-based RIASEC index, 0 = none
    job_zone: npt.NDArray[np.int8]  # (n_occ,) 1-5, 0 = not rated
    ete_education: FloatArray  # (n_occ, 12) % of respondents per category
    ete_experience: FloatArray  # (n_occ, 11)
    ete_onsite_training: FloatArray  # (n_occ, 9)
    ete_on_the_job_training: FloatArray  # (n_occ, 9)
    # False where O*NET has no ratings and the row was estimated from its SOC group
    # (``kb.imputation(code)`` says from which occupations); all-NaN if nothing to estimate from.
    skills_rated: npt.NDArray[np.bool_]  # (n_occ,)
    knowledge_rated: npt.NDArray[np.bool_]  # (n_occ,)
    work_styles_rated: npt.NDArray[np.bool_]  # (n_occ,)
    work_values_rated: npt.NDArray[np.bool_]  # (n_occ,)
    interests_rated: npt.NDArray[np.bool_]  # (n_occ,)
    dwa: npt.NDArray[np.bool_]  # (n_occ, n_dwa) occupation performs the DWA (via its tasks)
    tech_commodity: npt.NDArray[np.bool_]  # (n_occ, n_commodity) lists a technology there
    tech_hot: npt.NDArray[np.bool_]  # (n_occ, n_commodity) one of those examples is hot
    tech_in_demand: npt.NDArray[np.bool_]  # (n_occ, n_commodity) ... is in demand


@dataclass(frozen=True)
class EscoArrays:
    """ESCO relations and links as parallel arrays (fast joins with numpy)."""

    occupation_parent: npt.NDArray[np.int32]  # (n_esco_occ,) parent occupation, -1 = ISCO
    rel_occupation: npt.NDArray[np.int32]  # (n_rel,) ESCO occupation index
    rel_skill: npt.NDArray[np.int32]  # (n_rel,) ESCO skill index
    rel_essential: npt.NDArray[np.bool_]  # (n_rel,) essential (True) or optional
    link_onet: npt.NDArray[np.int16]  # (n_link,) O*NET occupation index
    link_esco: npt.NDArray[np.int16]  # (n_link,) ESCO occupation index
    link_score: FloatArray  # (n_link,) 0-1
    link_method: npt.NDArray[np.int8]  # (n_link,) index into LINK_METHODS


def normalise_code(code: str) -> str:
    """``15-1252``, ``151252`` or ``15-1252.00`` -> ``15-1252.00``; other text -> error."""
    match = _CODE.match(code)
    if not match:
        raise NotFoundError(
            f"'{code}' is not an O*NET-SOC code; use the form 15-1252 or 15-1252.00",
            field="code",
        )
    return f"{match[1]}-{match[2]}.{match[3] or '00'}"


class KnowledgeBase:
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

    # -- artifact access -------------------------------------------------------------------

    def _checked(self, name: str) -> Path:
        path = self.directory / name
        if not path.is_file():
            raise KnowledgeError(f"{path} is missing")
        expected = self._files.get(name, {}).get("sha256")
        if fmt.sha256_of(path) != expected:
            raise KnowledgeError(f"{path} does not match its manifest checksum")
        return path

    def _json(self, name: str) -> Any:
        path = self._checked(name)
        try:
            return fmt.read_json_gz(path)
        except (OSError, ValueError, EOFError) as exc:  # pragma: no cover - checksum caught it
            raise KnowledgeError(f"{path} cannot be read: {exc}") from exc

    def _npz(self, name: str) -> dict[str, npt.NDArray[Any]]:
        path = self._checked(name)
        try:
            return fmt.read_npz(path)
        except (OSError, ValueError, zipfile.BadZipFile) as exc:  # pragma: no cover
            raise KnowledgeError(f"{path} cannot be read: {exc}") from exc

    @cached_property
    def related(self) -> dict[str, npt.NDArray[Any]]:
        """Each occupation's build-time nearest neighbours (``knowledge.build.related``):
        ``related_index`` (N, K) rows best first, ``related_score`` (N, K) composite z x 1000,
        ``related_parts`` (N, K, C) each component's z x 20 (-128: no data)."""
        with self._lock:
            return self._npz(fmt.ONET_RELATED)

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

    def index_of(self, code: str) -> int:
        """Row of an occupation in the arrays; accepts ``15-1252`` or ``15-1252.00``."""
        normal = normalise_code(code)
        try:
            return self._by_code[normal]
        except KeyError:
            raise NotFoundError(
                f"no O*NET 29.0 occupation has the code {normal}", field="code"
            ) from None

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
        out = [ElementScore(e, _num(imp[i, e.index]), _num(lvl[i, e.index])) for e in elements]
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

    # -- titles ----------------------------------------------------------------------------

    @cached_property
    def _titles(self) -> dict[str, Any]:
        with self._lock:
            data: dict[str, Any] = self._json(fmt.ONET_TITLES)
            return data

    @cached_property
    def alternate_titles(self) -> tuple[AlternateTitle, ...]:
        return tuple(AlternateTitle(i, t, s, src) for i, t, s, src in self._titles["alternate"])

    @cached_property
    def reported_titles(self) -> tuple[ReportedTitle, ...]:
        return tuple(ReportedTitle(i, t, bool(shown)) for i, t, shown in self._titles["reported"])

    @cached_property
    def _alternate_by_occ(self) -> dict[int, tuple[AlternateTitle, ...]]:
        return _group(self.alternate_titles, lambda t: t.occupation_index)

    @cached_property
    def _reported_by_occ(self) -> dict[int, tuple[ReportedTitle, ...]]:
        return _group(self.reported_titles, lambda t: t.occupation_index)

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
        with self._lock:
            data: dict[str, Any] = self._json(fmt.ONET_TASKS)
            return data

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
        return _group(self.tasks, lambda t: t.occupation_index)

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
        with self._lock:
            data: dict[str, Any] = self._json(fmt.ONET_TECH)
            return data

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
        return _group(self.tech_skills, lambda t: t.occupation_index)

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
        return _group(self.tools, lambda t: t.occupation_index)

    def tools_for(self, code: str) -> tuple[Tool, ...]:
        return self._tools_by_occ.get(self.index_of(code), ())

    # -- ESCO ------------------------------------------------------------------------------

    @cached_property
    def esco_arrays(self) -> EscoArrays:
        with self._lock:
            return EscoArrays(**self._npz(fmt.ESCO_ARRAYS))

    @cached_property
    def _esco_occ(self) -> dict[str, Any]:
        with self._lock:
            data: dict[str, Any] = self._json(fmt.ESCO_OCCUPATIONS)
            return data

    @cached_property
    def esco_occupations(self) -> tuple[EscoOccupation, ...]:
        parent = self.esco_arrays.occupation_parent
        return tuple(
            EscoOccupation(
                index=i,
                uri=uri,
                code=code,
                isco_group=isco,
                preferred_label=pref,
                alt_labels=tuple(alts),
                hidden_labels=tuple(hidden),
                description=desc,
                parent_index=int(parent[i]) if parent[i] >= 0 else None,
            )
            for i, (uri, code, isco, pref, alts, hidden, desc) in enumerate(
                self._esco_occ["occupations"]
            )
        )

    @cached_property
    def isco_groups(self) -> dict[str, str]:
        """ISCO-08 code (1 to 4 digits) -> label."""
        return {code: label for code, label in self._esco_occ["isco_groups"]}

    @cached_property
    def _esco_occ_by_uri(self) -> dict[str, int]:
        return {o.uri: o.index for o in self.esco_occupations}

    def esco_occupation(self, uri: str) -> EscoOccupation:
        try:
            return self.esco_occupations[self._esco_occ_by_uri[uri.strip()]]
        except KeyError:
            raise NotFoundError(
                f"no ESCO 1.1.1 occupation has the URI {uri}", field="uri"
            ) from None

    @cached_property
    def esco_skills(self) -> tuple[EscoSkill, ...]:
        with self._lock:
            rows = self._json(fmt.ESCO_SKILLS)
        return tuple(
            EscoSkill(i, uri, kind, reuse, pref, tuple(alts), tuple(hidden), desc)
            for i, (uri, kind, reuse, pref, alts, hidden, desc) in enumerate(rows)
        )

    @cached_property
    def _esco_skill_by_uri(self) -> dict[str, int]:
        return {s.uri: s.index for s in self.esco_skills}

    def esco_skill(self, uri: str) -> EscoSkill:
        try:
            return self.esco_skills[self._esco_skill_by_uri[uri.strip()]]
        except KeyError:
            raise NotFoundError(f"no ESCO 1.1.1 skill has the URI {uri}", field="uri") from None

    def esco_skills_of(self, uri: str) -> tuple[EscoRelation, ...]:
        """Skills ESCO lists for one ESCO occupation, essential ones first."""
        e = self.esco_occupation(uri).index
        arr = self.esco_arrays
        lo, hi = np.searchsorted(arr.rel_occupation, [e, e + 1])
        skills = self.esco_skills
        return tuple(
            EscoRelation(skills[int(s)], "essential" if ess else "optional")
            for s, ess in zip(arr.rel_skill[lo:hi], arr.rel_essential[lo:hi], strict=True)
        )

    @cached_property
    def esco_links(self) -> tuple[EscoLink, ...]:
        """All ESCO<->O*NET links, grouped by O*NET occupation, best score first."""
        arr = self.esco_arrays
        methods = cast(list[LinkMethod], self.manifest["link_methods"])
        uris = [row[0] for row in self._esco_occ["occupations"]]
        return tuple(
            EscoLink(
                int(o),
                self.codes[int(o)],
                int(e),
                uris[int(e)],
                round(float(s), 4),
                methods[int(m)],
            )
            for o, e, s, m in zip(
                arr.link_onet, arr.link_esco, arr.link_score, arr.link_method, strict=True
            )
        )

    @cached_property
    def _links_by_onet(self) -> dict[int, tuple[EscoLink, ...]]:
        return _group(self.esco_links, lambda link: link.onet_index)

    @cached_property
    def _links_by_esco(self) -> dict[int, tuple[EscoLink, ...]]:
        grouped = _group(self.esco_links, lambda link: link.esco_index)
        return {k: tuple(sorted(v, key=lambda x: -x.score)) for k, v in grouped.items()}

    def esco_links_for(self, code: str) -> tuple[EscoLink, ...]:
        """ESCO occupations linked to an O*NET occupation, best score first."""
        return self._links_by_onet.get(self.index_of(code), ())

    def onet_links_for(self, uri: str) -> tuple[EscoLink, ...]:
        """O*NET occupations linked to an ESCO occupation, best score first."""
        return self._links_by_esco.get(self.esco_occupation(uri).index, ())

    def esco_skills_for(self, code: str, min_score: float = 0.0) -> tuple[LinkedEscoSkill, ...]:
        """Fine-grained ESCO skills of an O*NET occupation, through its ESCO links.

        Ordered essential first, then by support (how many linked occupations, weighted by link
        score, list the skill), then by score.
        """
        links = [lk for lk in self.esco_links_for(code) if lk.score >= min_score]
        if not links:
            return ()
        arr = self.esco_arrays
        total = sum(lk.score for lk in links)
        best: dict[int, list[Any]] = {}
        for lk in links:
            lo, hi = np.searchsorted(arr.rel_occupation, [lk.esco_index, lk.esco_index + 1])
            for s, ess in zip(arr.rel_skill[lo:hi], arr.rel_essential[lo:hi], strict=True):
                entry = best.setdefault(int(s), [False, 0.0, 0.0, []])
                entry[0] = entry[0] or bool(ess)
                entry[1] = max(entry[1], lk.score)
                entry[2] += lk.score
                entry[3].append(lk.esco_uri)
        skills = self.esco_skills
        out = [
            LinkedEscoSkill(
                skill=skills[s],
                relation="essential" if ess else "optional",
                score=round(score, 4),
                support=round(weight / total, 4) if total else 0.0,
                via=tuple(via),
            )
            for s, (ess, score, weight, via) in best.items()
        ]
        out.sort(
            key=lambda x: (x.relation != "essential", -x.support, -x.score, x.skill.preferred_label)
        )
        return tuple(out)

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


def _num(value: Any) -> float | None:
    number = float(value)
    return None if math.isnan(number) else number


def _group(items: Sequence[T], key: Callable[[T], int]) -> dict[int, tuple[T, ...]]:
    grouped: dict[int, list[T]] = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return {k: tuple(v) for k, v in grouped.items()}


@lru_cache(maxsize=4)
def _load(directory: Path) -> KnowledgeBase:
    return KnowledgeBase(directory)


def load_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """The knowledge base bundled with the package (cached: the first call reads it)."""
    return _load((directory or DATA_DIR).resolve())


def clear_cache() -> None:
    """Forget loaded knowledge bases (tests that damage a copy of the artifact)."""
    _load.cache_clear()
