"""The packaged lexicon: its manifest matches it, it rebuilds byte for byte from the sources."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from careerceo.skills import labelroots
from careerceo.skills.lexicon import Lexicon, blocklist, manifest
from careerceo.skills.matcher import LexiconMatcher
from careerceo.skills.normalize import NORMALISER_VERSION

DATA = resources.files("careerceo.skills").joinpath("data")
ROOT = Path(__file__).resolve().parents[1]


def test_manifest_describes_the_artifact() -> None:
    info = manifest()
    raw = DATA.joinpath("lexicon.json.gz").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == info["sha256"]
    assert info["sources"]["onet"]["version"] == "29.0"
    assert info["sources"]["esco"]["version"] == "1.1.1"
    assert info["normaliser_version"] == NORMALISER_VERSION
    assert raw[4:8] == b"\x00\x00\x00\x00"  # gzip mtime 0: reproducible
    assert len(raw) < 5_000_000
    lexicon = json.loads(gzip.decompress(raw))
    assert len(lexicon["concepts"]) == info["concepts"]
    assert len(lexicon["keys"]) == info["keys"]


def test_every_taxonomy_is_there_with_its_id_scheme() -> None:
    lexicon = Lexicon.packaged()
    by_taxonomy: dict[str, list[str]] = {}
    for concept in lexicon.concepts:
        by_taxonomy.setdefault(concept.taxonomy, []).append(concept.concept_id)
    assert set(by_taxonomy) == {"esco", "onet-element", "onet-tech", "onet-tool", "cert"}
    assert len(by_taxonomy["esco"]) == 13_896
    assert all(i.startswith("http://data.europa.eu/esco/skill/") for i in by_taxonomy["esco"])
    assert len(by_taxonomy["onet-element"]) == 68
    assert all(i.startswith("onet-tech:") for i in by_taxonomy["onet-tech"])
    assert "2.A.1.a" in by_taxonomy["onet-element"]


def test_blocklist_keys_are_not_matchable() -> None:
    blocked = blocklist()
    assert blocked
    lexicon = Lexicon.packaged()
    assert not (blocked & set(lexicon.entries))


def test_packaged_label_roots_are_this_lexicon_and_code() -> None:
    """The same-words table shipped in the package is the one this lexicon and this code make:
    when the stamp no longer matches (the lexicon, the blocklist or the code that makes it
    changed), the linker would make it at every start. Rebuild: scripts/build_skill_lexicon.py."""
    packaged = labelroots.packaged()
    assert packaged is not None, "stale data/label-roots.json.gz: run build_skill_lexicon.py"
    lexicon = Lexicon.packaged()
    made = labelroots.make(lexicon, LexiconMatcher(lexicon).verbs)
    assert packaged == made
    # "develop curriculum" is found from "curriculum development", its verb kept.
    index, without_verb = divmod(
        made[labelroots.roots_key(frozenset({"curriculum", "develop"}))], 2
    )
    assert lexicon.concepts[index].label == "develop curriculum" and not without_verb
    lexicon_gz = DATA.joinpath("lexicon.json.gz").read_bytes()
    assert labelroots.build(lexicon_gz) == DATA.joinpath(labelroots.FILE).read_bytes()


@pytest.mark.shared
def test_rebuild_is_byte_identical(shared_data: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_skill_lexicon.py"),
            "--onet",
            str(shared_data / "onet" / "29.0"),
            "--esco",
            str(shared_data / "esco" / "1.1.1"),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for name in ("lexicon.json.gz", "manifest.json", labelroots.FILE):
        assert (tmp_path / name).read_bytes() == DATA.joinpath(name).read_bytes(), name


def test_build_script_refuses_missing_inputs(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_skill_lexicon.py"),
            "--onet",
            str(tmp_path),
            "--esco",
            str(tmp_path),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "missing input files" in done.stderr
    assert not (tmp_path / "out").exists()
