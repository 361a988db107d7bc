"""The bundled knowledge base: integrity, reproducibility, content facts, bad artifacts, About."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from careerceo.errors import NotFoundError
from careerceo.knowledge import KnowledgeError, clear_cache, load_knowledge, normalise_code
from careerceo.knowledge import artifact as fmt
from careerceo.knowledge.attribution import ESCO_ATTRIBUTION, ONET_ATTRIBUTION
from careerceo.knowledge.build.compile import compile_knowledge
from careerceo.knowledge.loader import DATA_DIR, KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


# -- integrity and reproducibility -----------------------------------------------------------


def test_artifact_matches_manifest_checksums() -> None:
    manifest = json.loads((DATA_DIR / fmt.MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["files"]) == set(fmt.DATA_FILES)
    for name, meta in manifest["files"].items():
        path = DATA_DIR / name
        assert path.stat().st_size == meta["bytes"], name
        assert fmt.sha256_of(path) == meta["sha256"], name
    total = sum(meta["bytes"] for meta in manifest["files"].values())
    assert total < 30_000_000
    versions = {s["name"]: s["version"] for s in manifest["sources"]}
    assert versions["O*NET"] == "29.0"
    assert versions["ESCO"] == "1.1.1"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", manifest["build_date"])


@pytest.mark.shared
def test_rebuild_from_shared_is_byte_identical(shared_data: Path, tmp_path: Path) -> None:
    manifest = compile_knowledge(
        shared_data / "onet" / "29.0",
        shared_data / "esco" / "1.1.1",
        tmp_path,
        shared_data / "onet-extra" / "esco_onet_crosswalk_nesta",
    )
    for name in fmt.DATA_FILES:
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name
    committed = json.loads((DATA_DIR / fmt.MANIFEST).read_text(encoding="utf-8"))
    # Only the build date may differ: it is the one thing not derived from the sources.
    for side in (manifest, committed):
        side.pop("build_date")
    assert manifest == committed


@pytest.mark.shared
def test_manifest_source_checksums_match_shared_files(shared_data: Path) -> None:
    manifest = json.loads((DATA_DIR / fmt.MANIFEST).read_text(encoding="utf-8"))
    roots = {
        "O*NET": shared_data / "onet" / "29.0",
        "ESCO": shared_data / "esco" / "1.1.1",
        "Nesta ESCO-O*NET crosswalk": shared_data / "onet-extra" / "esco_onet_crosswalk_nesta",
    }
    for source in manifest["sources"]:
        for name, digest in source["files"].items():
            assert fmt.sha256_of(roots[source["name"]] / name) == digest, name


# -- content against known facts --------------------------------------------------------------


def test_counts_and_versions(kb: KnowledgeBase) -> None:
    assert kb.source.onet == "O*NET 29.0"
    assert kb.source.esco == "ESCO 1.1.1"
    assert len(kb.skills) == 35
    assert len(kb.knowledge) == 33
    assert len(kb.occupations) == 1016
    assert kb.arrays.skills_importance.shape == (1016, 35)
    assert kb.arrays.knowledge_level.shape == (1016, 33)
    assert kb.arrays.dwa.shape == (1016, len(kb.dwas))
    assert kb.arrays.tech_commodity.shape == (1016, len(kb.tech_commodities))
    assert len(kb.esco_occupations) == 3007
    assert len(kb.esco_skills) == 13896
    assert [e.name for e in kb.interests] == [
        "Realistic",
        "Investigative",
        "Artistic",
        "Social",
        "Enterprising",
        "Conventional",
    ]


def test_software_developers(kb: KnowledgeBase) -> None:
    occ = kb.occupation("15-1252")
    assert occ == kb.occupation("15-1252.00")
    assert occ.title == "Software Developers"
    assert occ.job_zone == 4
    assert (occ.major_group, occ.minor_group, occ.broad_group) == ("15-0000", "15-1200", "15-1250")
    assert occ.major_group_title == "Computer and Mathematical Occupations"
    zone = kb.job_zone("15-1252")
    assert zone is not None and "bachelor" in zone.education.lower()
    top = [s.element.name for s in kb.scores("15-1252", "skill")[:5]]
    assert "Programming" in top
    # This edition does not rate 15-1252.00: the ratings are flagged estimates.
    assert not kb.arrays.skills_rated[occ.index]
    imputed = kb.imputation("15-1252")
    assert imputed is not None and "15-1251.00" in imputed.source_codes
    tech = kb.tech_skills_for("15-1252")
    names = {t.example for t in tech}
    assert {"Python", "Git"} <= names
    assert any(t.hot for t in tech) and any(t.in_demand for t in tech)
    tasks = kb.tasks_for("15-1252")
    assert len(tasks) >= 15 and any(t.dwa_indices for t in tasks)
    assert kb.dwas_for("15-1252")
    titles = {t.title for t in kb.alternate_titles_for("15-1252")}
    assert "Software Engineer" in titles
    assert kb.reported_titles_for("15-1252")


def test_registered_nurses(kb: KnowledgeBase) -> None:
    occ = kb.occupation("29-1141.00")
    assert occ.title == "Registered Nurses"
    assert occ.job_zone == 4  # Job Zones.txt, 29.0
    assert kb.arrays.skills_rated[occ.index]
    assert kb.imputation("29-1141") is None
    knowledge = [s.element.name for s in kb.scores("29-1141", "knowledge")[:6]]
    assert "Medicine and Dentistry" in knowledge
    tasks = kb.tasks_for("29-1141")
    assert tasks[0].type == "Core" and tasks[-1].type in {"Core", "Supplemental"}
    education = kb.distributions("29-1141")[0]
    assert education.scale.element_id == "2.D.1"
    assert abs(sum(education.percents) - 100) < 1.5
    riasec = kb.arrays.interests_score[occ.index]
    assert kb.interests[int(np.argmax(riasec))].name in {"Social", "Investigative"}
    linked = {link.esco_uri for link in kb.esco_links_for("29-1141")}
    labels = {kb.esco_occupation(uri).preferred_label for uri in linked}
    assert any("nurse" in label for label in labels)
    skills = kb.esco_skills_for("29-1141")
    assert skills and skills[0].relation == "essential"
    assert all(0 < s.support <= 1 for s in skills)


def test_esco_records(kb: KnowledgeBase) -> None:
    python = [s for s in kb.esco_skills if s.preferred_label == "Python (computer programming)"]
    assert python and python[0].skill_type == "knowledge"
    occ = next(o for o in kb.esco_occupations if o.preferred_label == "software developer")
    assert occ.isco_group == "2512"
    assert kb.isco_groups["2512"] == "Software developers"
    relations = kb.esco_skills_of(occ.uri)
    assert any(r.relation == "essential" for r in relations)
    assert any(r.skill.preferred_label == "computer programming" for r in relations)
    assert occ.preferred_label not in occ.alt_labels


def test_titles_and_examples_for_other_features(kb: KnowledgeBase) -> None:
    assert len(kb.alternate_titles) > 50_000
    assert len(kb.reported_titles) > 7_000
    assert any(t.short_title for t in kb.alternate_titles)
    examples = {e.name: e for e in kb.tech_examples}
    assert examples["Microsoft Excel"].hot
    assert len(examples["Microsoft Excel"].occupation_indices) > 100


def test_code_lookup_errors(kb: KnowledgeBase) -> None:
    assert normalise_code(" 151252 ") == "15-1252.00"
    with pytest.raises(NotFoundError, match="not an O\\*NET-SOC code"):
        kb.occupation("software")
    with pytest.raises(NotFoundError, match=r"99-9999\.00"):
        kb.occupation("99-9999")
    with pytest.raises(NotFoundError, match="ESCO"):
        kb.esco_occupation("http://example.org/nope")


# -- damaged artifacts ------------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    clear_cache()
    return target


def test_missing_artifact_names_rebuild_command(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(KnowledgeError, match=r"scripts/build_knowledge\.py") as info:
        load_knowledge(empty)
    assert "manifest.json is missing" in str(info.value)


def test_corrupt_core_file_fails_on_load(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    (data / fmt.ONET_ARRAYS).write_bytes(b"not a zip")
    with pytest.raises(KnowledgeError, match=r"checksum.*scripts/build_knowledge\.py"):
        load_knowledge(data)


def test_corrupt_lazy_section_fails_when_read(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    raw = (data / fmt.ESCO_SKILLS).read_bytes()
    (data / fmt.ESCO_SKILLS).write_bytes(raw[: len(raw) // 2])
    kb = load_knowledge(data)
    assert kb.occupation("15-1252").title == "Software Developers"
    with pytest.raises(KnowledgeError, match=r"esco_skills\.json\.gz"):
        _ = kb.esco_skills


def test_bad_manifest(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    (data / fmt.MANIFEST).write_text("{", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="not a valid manifest"):
        load_knowledge(data)
    manifest: dict[str, Any] = json.loads((DATA_DIR / fmt.MANIFEST).read_text(encoding="utf-8"))
    manifest["format_version"] = 999
    (data / fmt.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    clear_cache()
    with pytest.raises(KnowledgeError, match="format 999"):
        load_knowledge(data)


def test_cli_reports_damaged_artifact_in_one_line(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import careerceo.knowledge.loader as loader

    empty = tmp_path / "gone"
    empty.mkdir()
    monkeypatch.setattr(loader, "DATA_DIR", empty)
    clear_cache()
    try:
        result = cli("about")
    finally:
        clear_cache()
    assert result.exit_code == 2
    assert "scripts/build_knowledge.py" in result.output
    assert "Traceback" not in result.output


# -- About ------------------------------------------------------------------------------------


def test_notice_carries_both_attributions() -> None:
    notice = _squash((ROOT / "NOTICE").read_text(encoding="utf-8"))
    assert _squash(ONET_ATTRIBUTION) in notice
    assert _squash(ESCO_ATTRIBUTION) in notice


def test_career_about(cli: Any) -> None:
    clear_cache()
    result = cli("about")
    assert result.exit_code == 0, result.output
    text = _squash(result.output)
    assert _squash(ONET_ATTRIBUTION) in text
    assert _squash(ESCO_ATTRIBUTION) in text
    assert "29.0" in text and "1.1.1" in text
    data = json.loads(cli("about", "--json").output)
    assert data["counts"]["esco_skills"] == 13896
    assert {name for name, _, _ in data["files"]} == set(fmt.DATA_FILES)


@pytest.mark.browser
def test_about_page_renders(live_server: str, page: Any) -> None:
    clear_cache()
    page.goto(f"{live_server}/about")
    assert page.title().startswith("About")
    attributions = _squash(page.inner_text("#attributions"))
    assert _squash(ONET_ATTRIBUTION) in attributions
    assert _squash(ESCO_ATTRIBUTION) in attributions
    manifest = json.loads((DATA_DIR / fmt.MANIFEST).read_text(encoding="utf-8"))
    artifact = page.inner_text("#artifact")
    assert manifest["files"][fmt.ESCO_SKILLS]["sha256"] in artifact
    assert page.inner_text("[data-count='skills']") == "35"
