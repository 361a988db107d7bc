"""``career skills extract``: JSON shape, table, stdin, files and errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TEXT = "Minimum qualifications: Python and SQL.\nPreferred: Tableau is a plus.\n"


def test_json_from_stdin_has_the_documented_shape(cli: Any) -> None:
    result = cli("skills", "extract", "-", "--json", input=TEXT)
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert isinstance(hits, list) and hits
    for hit in hits:
        for field in ("label", "taxonomy", "concept_id", "start", "end", "text", "confidence"):
            assert field in hit
        assert TEXT[hit["start"] : hit["end"]] == hit["text"]
    assert {"Python", "SQL", "Tableau"} <= {h["text"] for h in hits}
    status = {h["text"]: h["status"] for h in hits}
    assert status["Python"] == "required" and status["Tableau"] == "preferred"


def test_table_from_a_file(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "posting.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = cli("skills", "extract", str(path), "--kind", "posting")
    assert result.exit_code == 0, result.output
    assert "Tableau" in result.stdout and "required" in result.stdout


def test_docx_file_is_read(cli: Any, tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("Skills")
    document.add_paragraph("Python, Kubernetes and PostgreSQL")
    path = tmp_path / "cv.docx"
    document.save(str(path))
    result = cli("skills", "extract", str(path), "--json", "--kind", "resume")
    assert result.exit_code == 0, result.output
    assert {"Python", "Kubernetes", "PostgreSQL"} <= {h["text"] for h in json.loads(result.stdout)}


def test_missing_file_is_one_line_and_exit_2(cli: Any) -> None:
    result = cli("skills", "extract", "/no/such/file.txt")
    assert result.exit_code == 2
    assert "no such file" in result.output
    assert "Traceback" not in result.output


def test_binary_file_is_refused(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)) * 20)
    result = cli("skills", "extract", str(path))
    assert result.exit_code == 2
    assert "binary" in result.output


def test_bad_kind_is_refused(cli: Any) -> None:
    result = cli("skills", "extract", "-", "--kind", "poem", input="Python")
    assert result.exit_code == 2
    assert "kind" in result.output


def test_empty_input_prints_an_empty_list_and_the_reason(cli: Any) -> None:
    result = cli("skills", "extract", "-", "--json", input="")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert "empty" in result.stderr
