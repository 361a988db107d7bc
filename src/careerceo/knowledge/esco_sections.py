"""The ESCO sections read the first time they are asked for: occupations, skills, their
relations, and the links between ESCO and O*NET occupations."""

from __future__ import annotations

from functools import cached_property
from typing import Any, cast

import numpy as np

from careerceo.errors import NotFoundError
from careerceo.knowledge import artifact as fmt
from careerceo.knowledge.models import (
    EscoLink,
    EscoOccupation,
    EscoRelation,
    EscoSkill,
    LinkedEscoSkill,
    LinkMethod,
)
from careerceo.knowledge.sections import ArtifactSections, EscoArrays, group


class EscoSections(ArtifactSections):
    """ESCO sections and the ESCO-O*NET links, loaded lazily."""

    @cached_property
    def esco_arrays(self) -> EscoArrays:
        return EscoArrays(**self._npz(fmt.ESCO_ARRAYS))

    @cached_property
    def _esco_occ(self) -> dict[str, Any]:
        return self._json_object(fmt.ESCO_OCCUPATIONS)

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
        return group(self.esco_links, lambda link: link.onet_index)

    @cached_property
    def _links_by_esco(self) -> dict[int, tuple[EscoLink, ...]]:
        grouped = group(self.esco_links, lambda link: link.esco_index)
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
