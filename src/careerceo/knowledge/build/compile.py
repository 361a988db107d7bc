"""Run the whole build: read the releases, link them, write the artifact and its manifest."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from careerceo.knowledge import artifact as fmt
from careerceo.knowledge.build.esco import ESCO_FILES, EscoBuild, build_esco
from careerceo.knowledge.build.links import (
    LINK_METHODS,
    NESTA_FILE,
    LinkResult,
    NestaMap,
    agreement,
    link,
    resolve_nesta,
    similarity_scores,
)
from careerceo.knowledge.build.onet import ONET_FILES, OnetBuild, build_onet
from careerceo.knowledge.build.related import (
    all_z,
    evidence_texts,
    feature_rows,
    neighbour_arrays,
    text_vectors,
)

ONET_VERSION = "29.0"
ONET_RELEASE = "2024-08"
ESCO_VERSION = "1.1.1"
ESCO_RELEASE = "2022-09-13"


def build_date() -> str:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today (UTC).

    The date lives only in the manifest; the data files never carry it, so they are byte-identical
    across rebuilds whatever the date.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.date().isoformat()


def _checksums(root: Path, names: tuple[str, ...]) -> dict[str, str]:
    return {name: fmt.sha256_of(root / name) for name in names}


def compile_knowledge(
    onet_root: Path, esco_root: Path, out: Path, crosswalk: Path | None = None
) -> dict[str, Any]:
    """Build into ``out`` and return the manifest (which includes the link quality report)."""
    onet = build_onet(onet_root)
    esco = build_esco(esco_root)
    scores = similarity_scores(onet.core, onet.titles, onet.tasks, esco.occupations["occupations"])
    nesta_path = crosswalk / NESTA_FILE if crosswalk and crosswalk.is_dir() else crosswalk
    nesta = (
        resolve_nesta(
            nesta_path, onet.core, onet.titles, esco.uris, esco.arrays["occupation_parent"]
        )
        if nesta_path
        else {}
    )
    result = link(scores, nesta)
    report = _link_report(onet, esco, result, scores, nesta)
    out.mkdir(parents=True, exist_ok=True)
    _write_onet(out, onet)
    _write_esco(out, esco, result)
    manifest = {
        "format_version": fmt.FORMAT_VERSION,
        "build_date": build_date(),
        "build_command": fmt.REBUILD_COMMAND
        + " --crosswalk ../shared/data/onet-extra/esco_onet_crosswalk_nesta",
        "sources": _sources(onet_root, esco_root, nesta_path),
        "link_methods": list(LINK_METHODS),
        "link_report": report,
        "files": {
            name: {"sha256": fmt.sha256_of(out / name), "bytes": (out / name).stat().st_size}
            for name in fmt.DATA_FILES
        },
    }
    (out / fmt.MANIFEST).write_text(
        json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return manifest


def _link_report(
    onet: OnetBuild,
    esco: EscoBuild,
    result: LinkResult,
    scores: npt.NDArray[np.float32],
    nesta: NestaMap,
) -> dict[str, Any]:
    """How many occupations were linked, by which method, and how the title/task similarity
    agrees with Nesta's crosswalk (printed by the build script, kept in the manifest)."""
    return {
        "onet_occupations": len(onet.codes),
        "onet_linked": len(set(result.onet.tolist())),
        "esco_occupations": len(esco.uris),
        "esco_linked": len(set(result.esco.tolist())),
        "links": len(result.onet),
        "links_by_method": {m: int((result.method == i).sum()) for i, m in enumerate(LINK_METHODS)},
        "similarity_vs_nesta": {k: round(v, 4) for k, v in agreement(scores, nesta).items()},
        "similarity_vs_nesta_direct": {
            k: round(v, 4) for k, v in agreement(scores, nesta, direct_only=True).items()
        },
        "nesta_resolved": len(nesta),
    }


def _write_onet(out: Path, onet: OnetBuild) -> None:
    """The O*NET sections, arrays and the build-time related-occupations table."""
    fmt.write_json_gz(out / fmt.ONET_CORE, onet.core)
    fmt.write_json_gz(out / fmt.ONET_TITLES, onet.titles)
    fmt.write_json_gz(out / fmt.ONET_TASKS, onet.tasks)
    fmt.write_json_gz(out / fmt.ONET_TECH, onet.tech)
    fmt.write_npz(out / fmt.ONET_ARRAYS, onet.arrays)
    features = feature_rows(onet.core, onet.titles, onet.tasks, onet.tech, onet.arrays)
    fmt.write_npz(
        out / fmt.ONET_RELATED,
        {
            **neighbour_arrays(all_z(features), zone=onet.arrays["job_zone"], codes=onet.codes),
            **evidence_texts(onet.core, onet.titles, onet.tasks),
            **text_vectors(onet.core, onet.titles, onet.tasks),
        },
    )


def _write_esco(out: Path, esco: EscoBuild, result: LinkResult) -> None:
    """The ESCO sections and arrays, with the ESCO→O*NET links."""
    fmt.write_json_gz(out / fmt.ESCO_OCCUPATIONS, esco.occupations)
    fmt.write_json_gz(out / fmt.ESCO_SKILLS, esco.skills)
    fmt.write_npz(
        out / fmt.ESCO_ARRAYS,
        {
            **esco.arrays,
            "link_onet": result.onet,
            "link_esco": result.esco,
            "link_score": result.score,
            "link_method": result.method,
        },
    )


def _sources(onet_root: Path, esco_root: Path, nesta_path: Path | None) -> list[dict[str, Any]]:
    """The releases the build read, with their licences and each file's checksum."""
    sources: list[dict[str, Any]] = [
        {
            "name": "O*NET",
            "version": ONET_VERSION,
            "release": ONET_RELEASE,
            "publisher": "U.S. Department of Labor, Employment and Training Administration",
            "license": "CC BY 4.0",
            "files": _checksums(onet_root, ONET_FILES),
        },
        {
            "name": "ESCO",
            "version": ESCO_VERSION,
            "release": ESCO_RELEASE,
            "publisher": "European Commission",
            "license": "Commission Decision 2011/833/EU (reuse with attribution)",
            "files": _checksums(esco_root, ESCO_FILES),
        },
    ]
    if nesta_path:
        sources.append(
            {
                "name": "Nesta ESCO-O*NET crosswalk",
                "version": "Nov2020",
                "release": "2020-11-23",
                "publisher": "Nesta (Kanders et al. 2020, Mapping Career Causeways)",
                "license": "MIT",
                "files": {NESTA_FILE: fmt.sha256_of(nesta_path)},
            }
        )
    return sources
