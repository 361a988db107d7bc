"""How doable a pivot is, as its own dimension beside how related it is (pure).

"Related" says the occupation is near what the person does; "doable" says what stands between
them and it, from the data only:
- the job-zone step (O*NET's preparation levels 1-5; the person's zone comes from their
  positions' occupations and education);
- readiness (the share of the occupation's skill and knowledge demand the profile meets);
- a licence the O*NET occupation description says is required ("Licensing or registration
  required.", "Requires commercial drivers' license."). O*NET 29.0 has no licence table; the
  description sentence is quoted as the evidence, and a licence is never invented where the
  description says nothing. A licence the person's own occupations need as well is marked as
  one they are likely to hold.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# A sentence that says a licence, registration or certification is required or must be held;
# sentences end at a full stop and a space, not inside "U.S." (an initial before the stop).
_SENTENCE_END = re.compile(r"(?<=\.)(?<!\b[A-Z]\.)\s+")
# "Those required to hold teaching certifications should be reported in ..." says where other
# workers are classified, not what this occupation requires.
_NOT_A_REQUIREMENT = re.compile(r"\bshould be reported\b|^\s*excludes\b", re.IGNORECASE)
_LICENCE = re.compile(
    r"\b(?:licens\w*|licenc\w*|registration|certification)\b[^.]{0,60}\brequired\b"
    r"|\b(?:requires?|required to (?:hold|have)|must (?:hold|have|be))\b[^.]{0,60}"
    r"\b(?:licens\w*|licenc\w*|certif\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Doable:
    """What stands between the person and one occupation, with the words that say so."""

    zone_step: int | None  # the occupation's job zone minus the person's (rounded); None: unknown
    readiness: float | None  # share of its skill and knowledge demand met (None: nothing rated)
    licence: str | None  # the description's sentence saying a licence is required
    licence_held: bool  # an occupation the person held needs the same licence
    summary: str

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def licence_sentence(description: str) -> str | None:
    """The first sentence of an O*NET description saying a licence is required, or None."""
    for sentence in _SENTENCE_END.split(description or ""):
        if _LICENCE.search(sentence) and not _NOT_A_REQUIREMENT.search(sentence):
            return sentence.strip()
    return None


def licence_table(descriptions: Mapping[str, str]) -> dict[str, str]:
    """Each occupation whose description says a licence is required, with that sentence."""
    out: dict[str, str] = {}
    for code, text in descriptions.items():
        found = licence_sentence(text)
        if found:
            out[code] = found
    return out


def zone_words(step: int) -> str:
    if step == 0:
        return "same job zone"
    size = "one job zone" if abs(step) == 1 else f"{abs(step)} job zones"
    return f"{size} {'up' if step > 0 else 'down'}"


def doable(
    code: str,
    job_zone: float | None,
    person_zone: float | None,
    readiness: float | None,
    licences: Mapping[str, str],
    held: Iterable[str] = (),
    source: str = "O*NET",
) -> Doable:
    """The doable dimension of one pivot (``held``: the codes of the person's occupations)."""
    step: int | None = None
    if job_zone is not None and person_zone is not None and not math.isnan(job_zone):
        step = round(job_zone - person_zone)
    licence = licences.get(code)
    licence_held = licence is not None and any(licences.get(h) == licence for h in held)
    parts: list[str] = []
    if step is not None:
        parts.append(zone_words(step))
    if readiness is not None:
        parts.append(f"you meet {readiness:.0%} of its skill and knowledge demand")
    if licence is not None:
        held_note = " (as in an occupation you held)" if licence_held else ""
        parts.append(f"a licence is required{held_note}: “{licence}” ({source} description)")
    return Doable(step, readiness, licence, licence_held, "; ".join(parts))
