"""The optional semantic step: it degrades to phrase matching when its packages are absent, and
when present it finds phrasings the taxonomy does not list, offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from careerceo.skills import extract
from careerceo.skills.semantic import unavailable_reason

TEXT = (
    "Requirements:\n- Python and SQL.\n"
    "- Communicate effectively with stakeholders and resolve customer complaints.\n"
)


def test_missing_packages_degrade_to_phrase_matching(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import now fails, as if absent
    reason = unavailable_reason()
    assert reason is not None and reason.startswith("semantic step unavailable")
    assert "onnxruntime" in reason
    result = extract(TEXT, kind="posting", semantic=True)
    assert any(w.startswith("semantic step unavailable") for w in result.warnings)
    assert {"Python", "SQL"} <= {h.text for h in result.hits}
    assert all(h.method == "phrase" for h in result.hits)


def test_semantic_off_by_default_never_warns() -> None:
    result = extract(TEXT, kind="posting")
    assert not any("semantic" in w for w in result.warnings)


def _semantic_installed() -> bool:
    return unavailable_reason() is None


@pytest.mark.skipif(not _semantic_installed(), reason="careerceo[semantic] is not installed")
def test_semantic_step_finds_unlisted_phrasing() -> None:
    result = extract(TEXT, kind="posting", semantic=True)
    semantic = [h for h in result.hits if h.method == "semantic"]
    labels = {h.label for h in semantic}
    assert "handle customer complaints" in labels
    for hit in semantic:
        assert TEXT[hit.start : hit.end] == hit.text
        assert hit.status == "required"
        assert 0 < hit.confidence <= 0.81
    phrase = [h for h in result.hits if h.method == "phrase"]
    assert {"Python", "SQL"} <= {h.text for h in phrase}


@pytest.mark.skipif(not _semantic_installed(), reason="careerceo[semantic] is not installed")
@pytest.mark.skipif(
    not (shutil.which("unshare") and os.geteuid() == 0), reason="needs unshare -n (root)"
)
def test_semantic_step_loads_with_the_network_off() -> None:
    code = textwrap.dedent(
        """
        import socket
        try:
            socket.create_connection(("pypi.org", 443), timeout=3)
            raise SystemExit("network is on")
        except OSError:
            pass
        from careerceo.skills import extract
        r = extract("Resolve customer complaints quickly.", kind="posting", semantic=True)
        assert not r.warnings, r.warnings
        assert any(h.method == "semantic" for h in r.hits), r.hits
        print("ok")
        """
    )
    done = subprocess.run(
        ["unshare", "-n", sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")
