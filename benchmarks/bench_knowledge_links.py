"""ESCO <-> O*NET links: coverage, agreement with the Nesta crosswalk, and spot checks.

Coverage and spot checks read the bundled artifact. Agreement recomputes the similarity-only
ranking from ``../shared`` (the builder's own code, Nesta left out) and asks how often Nesta's
choice comes first / in the top 3 / top 5. Run from the project root.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import numpy as np

from careerceo.knowledge import load_knowledge
from careerceo.knowledge.build.esco import build_esco
from careerceo.knowledge.build.links import agreement, resolve_nesta, similarity_scores
from careerceo.knowledge.build.onet import build_onet

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"

# O*NET occupation -> an ESCO preferred label a careful reader would expect among its links.
EXPECTED = {
    "15-1252.00": "software developer",
    "29-1141.00": "nurse responsible for general care",
    "47-2111.00": "electrician",
    "23-1011.00": "lawyer",
    "25-2021.00": "primary school teacher",
    "13-2011.00": "accountant",
    "11-2021.00": "marketing manager",
    "17-2051.00": "civil engineer",
    "43-4051.00": "customer service representative",
    "15-2051.00": "data scientist",
    "29-1051.00": "pharmacist",
    "53-3032.00": "cargo vehicle driver",
    "35-2014.00": "cook",
    "41-2031.00": "sales assistant",
    "29-1123.00": "physiotherapist",
}


def main() -> None:
    kb = load_knowledge()
    report = kb.manifest["link_report"]
    links = kb.esco_links
    onet_linked = {lk.onet_index for lk in links}
    esco_linked = {lk.esco_index for lk in links}
    rated = kb.arrays.skills_rated
    print("== Coverage (bundled artifact)")
    print(f"links: {len(links):,}  by method: {report['links_by_method']}")
    print(
        f"O*NET occupations with >=1 ESCO link: {len(onet_linked)}/{len(kb.occupations)} "
        f"({len(onet_linked) / len(kb.occupations):.1%}); among O*NET-rated ones: "
        f"{sum(1 for i in onet_linked if rated[i])}/{int(rated.sum())}"
    )
    print(
        f"ESCO occupations linked: {len(esco_linked)}/{len(kb.esco_occupations)} "
        f"({len(esco_linked) / len(kb.esco_occupations):.1%})"
    )
    scores = np.array([lk.score for lk in links])
    print(f"link score quartiles: {np.percentile(scores, [25, 50, 75]).round(3).tolist()}")
    per_onet = np.bincount([lk.onet_index for lk in links], minlength=len(kb.occupations))
    print(f"ESCO links per linked O*NET occupation: median {np.median(per_onet[per_onet > 0])}")
    with_skills = sum(1 for o in kb.occupations if kb.esco_skills_for(o.code))
    print(f"O*NET occupations with ESCO skills via links: {with_skills}")

    print("\n== Spot checks: expected ESCO occupation among the links of an O*NET occupation")
    labels = {o.index: o.preferred_label for o in kb.esco_occupations}
    hits = 0
    for code, expected in EXPECTED.items():
        got = [(labels[lk.esco_index], lk.score, lk.method) for lk in kb.esco_links_for(code)]
        rank = next((r for r, g in enumerate(got) if g[0] == expected), None)
        hits += rank is not None
        shown = ", ".join(f"{label} ({score:.2f} {method})" for label, score, method in got[:4])
        verdict = f"rank {rank + 1}" if rank is not None else "MISSING"
        print(f"{code} {kb.occupation(code).title[:38]:38} {verdict:8} | {shown}")
    print(f"expected link present: {hits}/{len(EXPECTED)}")

    print("\n== Random ESCO occupations and their best O*NET link (seed 7), for eyeballing")
    rng = random.Random(7)
    for esco in rng.sample(kb.esco_occupations, 10):
        best = kb.onet_links_for(esco.uri)
        target = (
            f"{best[0].onet_code} {kb.occupations[best[0].onet_index].title} "
            f"({best[0].score:.2f} {best[0].method})"
            if best
            else "(no link)"
        )
        print(f"{esco.preferred_label[:40]:40} [{esco.isco_group}] -> {target}")

    if not SHARED.is_dir():
        print(f"\n{SHARED} not found: agreement with Nesta skipped")
        return
    print("\n== Similarity-only ranking vs the Nesta crosswalk (recomputed from ../shared)")
    started = time.perf_counter()
    onet = build_onet(SHARED / "onet" / "29.0")
    esco = build_esco(SHARED / "esco" / "1.1.1")
    sim = similarity_scores(onet.core, onet.titles, onet.tasks, esco.occupations["occupations"])
    nesta = resolve_nesta(
        SHARED / "onet-extra" / "esco_onet_crosswalk_nesta" / "esco_onet_crosswalk_Nov2020.csv",
        onet.core,
        onet.titles,
        esco.uris,
        esco.arrays["occupation_parent"],
    )
    direct = agreement(sim, nesta, direct_only=True)
    every = agreement(sim, nesta)
    print(f"Nesta rows resolved to O*NET 29.0: {sum(not v[2] for v in nesta.values())} of 1,680")
    print(
        f"level-5 (Nesta's own rows, n={direct['nesta_pairs']:.0f}): top1 {direct['top1']:.1%}, "
        f"top3 {direct['top3']:.1%}, top5 {direct['top5']:.1%}"
    )
    print(
        f"with inherited rows (n={every['nesta_pairs']:.0f}): top1 {every['top1']:.1%}, "
        f"top3 {every['top3']:.1%}, top5 {every['top5']:.1%}"
    )
    print(f"(recomputed in {time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    sys.exit(main())
