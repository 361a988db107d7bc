"""Compile O*NET 29.0 into JSON sections and numpy arrays aligned with the occupation order."""

from __future__ import annotations

import math
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from careerceo.knowledge.build.sources import number, read_tsv

# Files read from the O*NET release, in the order they are listed in the manifest.
ONET_FILES = (
    "Occupation Data.txt",
    "Content Model Reference.txt",
    "Job Zones.txt",
    "Job Zone Reference.txt",
    "derived/Skills.txt",
    "derived/Knowledge.txt",
    "Education, Training, and Experience.txt",
    "Education, Training, and Experience Categories.txt",
    "Interests.txt",
    "Work Styles.txt",
    "Work Values.txt",
    "Task Statements.txt",
    "Tasks to DWAs.txt",
    "DWA Reference.txt",
    "IWA Reference.txt",
    "Technology Skills.txt",
    "Tools Used.txt",
    "Alternate Titles.txt",
    "Sample of Reported Titles.txt",
)

# Education, Training and Experience: element -> (scale, array name).
ETE_ELEMENTS = (
    ("2.D.1", "RL", "ete_education"),
    ("3.A.1", "RW", "ete_experience"),
    ("3.A.2", "PT", "ete_onsite_training"),
    ("3.A.3", "OJ", "ete_on_the_job_training"),
)


@dataclass
class OnetBuild:
    codes: list[str]
    core: dict[str, Any]
    titles: dict[str, Any]
    tasks: dict[str, Any]
    tech: dict[str, Any]
    arrays: dict[str, npt.NDArray[Any]] = field(default_factory=dict)


def _element_ids(rows: list[dict[str, str]], scale: str) -> list[str]:
    return sorted({r["Element ID"] for r in rows if r["Scale ID"] == scale})


def _matrix(
    rows: list[dict[str, str]], index: dict[str, int], elements: list[str], scale: str
) -> npt.NDArray[np.float32]:
    """Occupations x elements for one scale; NaN where O*NET has no rating."""
    col = {e: i for i, e in enumerate(elements)}
    out = np.full((len(index), len(elements)), np.nan, dtype=np.float32)
    for r in rows:
        if r["Scale ID"] == scale and r["O*NET-SOC Code"] in index:
            out[index[r["O*NET-SOC Code"]], col[r["Element ID"]]] = number(r["Data Value"])
    return out


# Where to look for stand-ins when an occupation has no ratings, nearest first.
IMPUTE_LEVELS = (("detailed", 7), ("broad", 6), ("minor", 5), ("major", 2))


def impute(
    codes: list[str], matrices: list[npt.NDArray[np.float32]]
) -> tuple[npt.NDArray[np.bool_], list[list[Any]]]:
    """Fill unrated occupations with the mean of the rated ones in the nearest SOC group.

    This edition leaves some occupations unrated (e.g. 15-1252.00 Software Developers and the
    "All Other" codes); without a stand-in they would vanish from every comparison. Filled rows
    are flagged (the returned mask is False for them) and their sources are recorded, so the app
    can say "estimated from ..." instead of presenting them as O*NET ratings.
    """
    rated = np.asarray(~np.isnan(matrices[0]).all(axis=1), dtype=bool)
    notes: list[list[Any]] = []
    for i in np.flatnonzero(~rated):
        for level, width in IMPUTE_LEVELS:
            sources = [j for j in np.flatnonzero(rated) if codes[j][:width] == codes[i][:width]]
            if sources:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns stay NaN
                    for m in matrices:
                        m[i] = np.nanmean(m[sources], axis=0)
                notes.append([int(i), level, [int(j) for j in sources]])
                break
    return rated, notes


def _by_occupation_then_name(row: list[Any]) -> tuple[int, str, str]:
    return (int(row[0]), str(row[1]).lower(), str(row[1]))


def build_onet(root: Path) -> OnetBuild:
    occ_rows = sorted(read_tsv(root / "Occupation Data.txt"), key=lambda r: r["O*NET-SOC Code"])
    codes = [r["O*NET-SOC Code"] for r in occ_rows]
    index = {c: i for i, c in enumerate(codes)}
    model = {
        r["Element ID"]: (r["Element Name"], r["Description"])
        for r in read_tsv(root / "Content Model Reference.txt")
    }
    arrays: dict[str, npt.NDArray[Any]] = {}
    element_lists, imputed = _ratings(root, codes, index, model, arrays)
    job_zones = _job_zones(root, index, arrays)
    ete_meta = _ete(root, index, model, arrays)
    core = {
        "occupations": [[r["O*NET-SOC Code"], r["Title"], r["Description"]] for r in occ_rows],
        "elements": element_lists,
        "job_zones": job_zones,
        "ete": ete_meta,
        "imputed": imputed,
    }
    tasks = _tasks(root, index, arrays)
    tech = _technology(root, index, arrays)
    titles = _titles(root, index)
    return OnetBuild(codes=codes, core=core, titles=titles, tasks=tasks, tech=tech, arrays=arrays)


Model = dict[str, tuple[str, str]]


def _ratings(
    root: Path,
    codes: list[str],
    index: dict[str, int],
    model: Model,
    arrays: dict[str, npt.NDArray[Any]],
) -> tuple[dict[str, list[list[str]]], dict[str, list[list[Any]]]]:
    """Skills, knowledge, work styles, work values and interests: the rating matrices (into
    ``arrays``), each kind's elements and the occupations whose ratings were imputed."""
    n = len(codes)
    element_lists: dict[str, list[list[str]]] = {}
    imputed: dict[str, list[list[Any]]] = {}
    for kind, fname, scales in (
        ("skills", "derived/Skills.txt", ("IM", "LV")),
        ("knowledge", "derived/Knowledge.txt", ("IM", "LV")),
        ("work_styles", "Work Styles.txt", ("IM",)),
        ("work_values", "Work Values.txt", ("EX",)),
        ("interests", "Interests.txt", ("OI",)),
    ):
        rows = list(read_tsv(root / fname))
        ids = _element_ids(rows, scales[0])
        element_lists[kind] = [[e, model[e][0], model[e][1]] for e in ids]
        for scale in scales:
            suffix = {"IM": "importance", "LV": "level", "EX": "extent", "OI": "score"}[scale]
            arrays[f"{kind}_{suffix}"] = _matrix(rows, index, ids, scale)
        family = [arrays[k] for k in arrays if k.startswith(f"{kind}_")]
        arrays[f"{kind}_rated"], imputed[kind] = impute(codes, family)
        high_scale = {"work_values": "VH", "interests": "IH"}.get(kind)
        if high_scale:
            # High points name the 1st/2nd/3rd strongest element (1-based, 0 = none).
            high = np.zeros((n, 3), dtype=np.int8)
            hp_ids = _element_ids(rows, high_scale)
            for r in rows:
                if r["Scale ID"] == high_scale and r["O*NET-SOC Code"] in index:
                    value = number(r["Data Value"])
                    if not math.isnan(value):
                        high[index[r["O*NET-SOC Code"]], hp_ids.index(r["Element ID"])] = int(value)
            arrays[f"{kind}_high_points"] = high
    return element_lists, imputed


def _job_zones(
    root: Path, index: dict[str, int], arrays: dict[str, npt.NDArray[Any]]
) -> list[list[Any]]:
    """Each occupation's job zone (into ``arrays``) and the job zones' reference rows."""
    job_zone = np.zeros(len(index), dtype=np.int8)
    for r in read_tsv(root / "Job Zones.txt"):
        if r["O*NET-SOC Code"] in index:
            job_zone[index[r["O*NET-SOC Code"]]] = int(r["Job Zone"])
    arrays["job_zone"] = job_zone
    return [
        [
            int(r["Job Zone"]),
            r["Name"],
            r["Experience"],
            r["Education"],
            r["Job Training"],
            r["Examples"],
            r["SVP Range"],
        ]
        for r in read_tsv(root / "Job Zone Reference.txt")
    ]


def _ete(
    root: Path, index: dict[str, int], model: Model, arrays: dict[str, npt.NDArray[Any]]
) -> list[dict[str, Any]]:
    """Education, training and experience category shares (into ``arrays``) and their meta."""
    n = len(index)
    categories: dict[str, list[list[Any]]] = defaultdict(list)
    for r in read_tsv(root / "Education, Training, and Experience Categories.txt"):
        categories[r["Element ID"]].append([int(r["Category"]), r["Category Description"]])
    ete_rows = list(read_tsv(root / "Education, Training, and Experience.txt"))
    ete_meta = []
    for element, scale, name in ETE_ELEMENTS:
        cats = sorted(categories[element])
        ncat = len(cats)
        matrix = np.full((n, ncat), np.nan, dtype=np.float32)
        for r in ete_rows:
            if (
                r["Element ID"] == element
                and r["Scale ID"] == scale
                and r["O*NET-SOC Code"] in index
            ):
                matrix[index[r["O*NET-SOC Code"]], int(r["Category"]) - 1] = number(r["Data Value"])
        arrays[name] = matrix
        ete_meta.append(
            {"element_id": element, "name": model[element][0], "array": name, "categories": cats}
        )
    return ete_meta


def _tasks(
    root: Path, index: dict[str, int], arrays: dict[str, npt.NDArray[Any]]
) -> dict[str, Any]:
    """Task statements with the detailed work activities each links to, and the DWA matrix."""
    iwas = sorted([r["IWA ID"], r["IWA Title"]] for r in read_tsv(root / "IWA Reference.txt"))
    dwa_rows = sorted(read_tsv(root / "DWA Reference.txt"), key=lambda r: r["DWA ID"])
    dwa_index = {r["DWA ID"]: i for i, r in enumerate(dwa_rows)}
    task_dwas: dict[tuple[str, str], list[int]] = defaultdict(list)
    dwa_matrix = np.zeros((len(index), len(dwa_rows)), dtype=bool)
    for r in read_tsv(root / "Tasks to DWAs.txt"):
        code = r["O*NET-SOC Code"]
        if code in index and r["DWA ID"] in dwa_index:
            task_dwas[(code, r["Task ID"])].append(dwa_index[r["DWA ID"]])
            dwa_matrix[index[code], dwa_index[r["DWA ID"]]] = True
    arrays["dwa"] = dwa_matrix
    task_list: list[list[Any]] = []
    for r in read_tsv(root / "Task Statements.txt"):
        code = r["O*NET-SOC Code"]
        if code not in index:
            continue
        task_type = r["Task Type"] if r["Task Type"] in ("Core", "Supplemental") else None
        dwas = sorted(set(task_dwas.get((code, r["Task ID"]), [])))
        task_list.append([index[code], int(r["Task ID"]), r["Task"], task_type, dwas])
    task_list.sort(key=lambda t: (t[0], t[1]))
    return {
        "iwas": iwas,
        "dwas": [[r["DWA ID"], r["DWA Title"], r["IWA ID"], r["Element ID"]] for r in dwa_rows],
        "tasks": task_list,
    }


def _technology(
    root: Path, index: dict[str, int], arrays: dict[str, npt.NDArray[Any]]
) -> dict[str, Any]:
    """Technology skills (with hot / in-demand flags, matrices into ``arrays``) and tools."""
    n = len(index)
    tech_rows = [
        r for r in read_tsv(root / "Technology Skills.txt") if r["O*NET-SOC Code"] in index
    ]
    commodities = sorted({(r["Commodity Code"], r["Commodity Title"]) for r in tech_rows})
    com_index = {c[0]: i for i, c in enumerate(commodities)}
    tech_inc = np.zeros((n, len(commodities)), dtype=bool)
    tech_hot = np.zeros_like(tech_inc)
    tech_demand = np.zeros_like(tech_inc)
    technology: list[list[Any]] = []
    for r in tech_rows:
        i, c = index[r["O*NET-SOC Code"]], com_index[r["Commodity Code"]]
        hot, demand = r["Hot Technology"] == "Y", r["In Demand"] == "Y"
        tech_inc[i, c] = True
        tech_hot[i, c] |= hot
        tech_demand[i, c] |= demand
        technology.append([i, r["Example"], c, hot, demand])
    technology.sort(key=_by_occupation_then_name)
    arrays["tech_commodity"] = tech_inc
    arrays["tech_hot"] = tech_hot
    arrays["tech_in_demand"] = tech_demand
    tool_rows = [r for r in read_tsv(root / "Tools Used.txt") if r["O*NET-SOC Code"] in index]
    tool_commodities = sorted({(r["Commodity Code"], r["Commodity Title"]) for r in tool_rows})
    tool_index = {c[0]: i for i, c in enumerate(tool_commodities)}
    tools = sorted(
        (
            [index[r["O*NET-SOC Code"]], r["Example"], tool_index[r["Commodity Code"]]]
            for r in tool_rows
        ),
        key=_by_occupation_then_name,
    )
    return {
        "commodities": [list(c) for c in commodities],
        "technology": technology,
        "tool_commodities": [list(c) for c in tool_commodities],
        "tools": tools,
    }


def _titles(root: Path, index: dict[str, int]) -> dict[str, Any]:
    """Alternate titles (with short forms and sources) and the sample of reported titles."""
    alternate: list[list[Any]] = []
    for r in read_tsv(root / "Alternate Titles.txt"):
        if r["O*NET-SOC Code"] in index:
            short = r["Short Title"] if r["Short Title"] not in ("", "n/a") else None
            alternate.append(
                [index[r["O*NET-SOC Code"]], r["Alternate Title"], short, r["Source(s)"]]
            )
    alternate.sort(key=_by_occupation_then_name)
    reported = sorted(
        (
            [index[r["O*NET-SOC Code"]], r["Reported Job Title"], r["Shown in My Next Move"] == "Y"]
            for r in read_tsv(root / "Sample of Reported Titles.txt")
            if r["O*NET-SOC Code"] in index
        ),
        key=_by_occupation_then_name,
    )
    return {"alternate": alternate, "reported": reported}
