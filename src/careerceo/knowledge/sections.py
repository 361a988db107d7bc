"""What every section of the knowledge base shares: the checked artifact files, the array
types, the occupation-code form, and the errors a damaged install raises.

``KnowledgeBase`` (``loader``) is built from the section classes here, so each file stays about
one part of the data; all of them read through ``ArtifactSections``."""

from __future__ import annotations

import math
import re
import threading
import zipfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from careerceo.errors import CareerError, NotFoundError
from careerceo.knowledge import artifact as fmt

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


def num(value: Any) -> float | None:
    number = float(value)
    return None if math.isnan(number) else number


def group(items: Sequence[T], key: Callable[[T], int]) -> dict[int, tuple[T, ...]]:
    grouped: dict[int, list[T]] = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return {k: tuple(v) for k, v in grouped.items()}


class ArtifactSections:
    """Reads the artifact's files, each checked against its manifest checksum."""

    directory: Path
    _files: dict[str, dict[str, Any]]
    _lock: threading.RLock
    _by_code: dict[str, int]
    manifest: dict[str, Any]
    codes: tuple[str, ...]
    arrays: OnetArrays

    def _checked(self, name: str) -> Path:
        path = self.directory / name
        if not path.is_file():
            raise KnowledgeError(f"{path} is missing")
        expected = self._files.get(name, {}).get("sha256")
        if fmt.sha256_of(path) != expected:
            raise KnowledgeError(f"{path} does not match its manifest checksum")
        return path

    # Sections are read lazily, from whichever thread asks first: each read (checksum and
    # parse) holds the lock, so two threads never read the same large file at once.

    def _json(self, name: str) -> Any:
        with self._lock:
            path = self._checked(name)
            try:
                return fmt.read_json_gz(path)
            except (OSError, ValueError, EOFError) as exc:  # pragma: no cover - checksum caught it
                raise KnowledgeError(f"{path} cannot be read: {exc}") from exc

    def _json_object(self, name: str) -> dict[str, Any]:
        """A JSON section whose top level is an object of named parts."""
        data: dict[str, Any] = self._json(name)
        return data

    def _npz(self, name: str) -> dict[str, npt.NDArray[Any]]:
        with self._lock:
            path = self._checked(name)
            try:
                return fmt.read_npz(path)
            except (OSError, ValueError, zipfile.BadZipFile) as exc:  # pragma: no cover
                raise KnowledgeError(f"{path} cannot be read: {exc}") from exc

    def index_of(self, code: str) -> int:
        """Row of an occupation in the arrays; accepts ``15-1252`` or ``15-1252.00``."""
        normal = normalise_code(code)
        try:
            return self._by_code[normal]
        except KeyError:
            raise NotFoundError(
                f"no O*NET 29.0 occupation has the code {normal}", field="code"
            ) from None

    @cached_property
    def related(self) -> dict[str, npt.NDArray[Any]]:
        """Each occupation's build-time nearest neighbours (``knowledge.build.related``):
        ``related_index`` (N, K) rows best first, ``related_score`` (N, K) composite z x 1000,
        ``related_parts`` (N, K, C) each component's z x 20 (-128: no data)."""
        return self._npz(fmt.ONET_RELATED)
