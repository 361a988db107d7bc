"""Attribution texts the licences require, shown by ``career about`` and the /about page.

They live in the package (not only in NOTICE) because an installed app has no repository files;
a test keeps them identical to NOTICE.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from careerceo.knowledge.loader import KnowledgeBase

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET 29.0 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET® is a trademark of USDOL/ETA."
)
ONET_URL = "https://www.onetcenter.org/database.html"
ESCO_ATTRIBUTION = "This service uses the ESCO classification of the European Commission."
ESCO_URL = "https://esco.ec.europa.eu/"
NESTA_ATTRIBUTION = (
    "ESCO-O*NET occupation links use the crosswalk of Kanders K., Djumalieva J., Sleeman C. and "
    "Orlik J. (2020), Mapping Career Causeways: Supporting workers at risk, Nesta (MIT licence)."
)
DERIVATION_NOTE = (
    "The bundled knowledge base is derived from these sources: columns were selected and the data "
    "compressed. Occupations O*NET does not rate in this edition get ratings estimated from rated "
    "occupations in the same SOC group; they are flagged as estimates wherever they are shown."
)


@dataclass(frozen=True)
class AboutInfo:
    attributions: tuple[tuple[str, str, str], ...]  # (source, text, url)
    note: str
    build_date: str
    sources: tuple[dict[str, Any], ...]
    files: tuple[tuple[str, int, str], ...]  # (name, bytes, sha256)
    counts: dict[str, int]
    link_report: dict[str, Any]


def about(kb: KnowledgeBase) -> AboutInfo:
    """Everything the About views show: attributions, versions, checksums and sizes."""
    manifest = kb.manifest
    return AboutInfo(
        attributions=(
            ("O*NET", ONET_ATTRIBUTION, ONET_URL),
            ("ESCO", ESCO_ATTRIBUTION, ESCO_URL),
            ("Nesta", NESTA_ATTRIBUTION, "https://github.com/nestauk/mapping-career-causeways"),
        ),
        note=DERIVATION_NOTE,
        build_date=kb.source.build_date,
        sources=tuple(manifest.get("sources", [])),
        files=tuple(
            (name, int(meta["bytes"]), str(meta["sha256"]))
            for name, meta in sorted(manifest["files"].items())
        ),
        counts=kb.counts(),
        link_report=dict(manifest.get("link_report", {})),
    )
