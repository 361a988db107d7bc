"""``career skills extract FILE|-``: the skills a résumé, posting or profile text shows."""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path

import typer

from careerceo.cli.common import err_console, preload, print_json, print_table, user_errors
from careerceo.errors import CareerError
from careerceo.skills import extract as run_extract
from careerceo.skills.extractor import KINDS, MAX_CHARS

skills_app = typer.Typer(help="Find skills, knowledge, technologies and certifications in text.")


def register(app: typer.Typer) -> None:
    app.add_typer(skills_app, name="skills")


def read_input(source: str) -> bytes | str:
    """The document's text (or raw bytes, decoded by the extractor): '-' is standard input."""
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read(MAX_CHARS * 4 + 1) if stream is not None else sys.stdin.read()
        return bytes(data) if isinstance(data, bytes | bytearray) else str(data)
    path = Path(source)
    if not path.is_file():
        raise CareerError(
            f"no such file: {source}; give a text file or '-' for stdin", field="FILE"
        )
    if path.stat().st_size > MAX_CHARS * 4:
        raise CareerError(
            f"{source} is {path.stat().st_size / 1_000_000:.1f} MB; the limit is "
            f"{MAX_CHARS // 1_000_000} MB of text: split it",
            field="FILE",
        )
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from pypdf import PdfReader

        # pypdf logs every repair it attempts; the one line below says what matters.
        pdf_log = logging.getLogger("pypdf")
        level = pdf_log.level
        pdf_log.setLevel(logging.CRITICAL)
        try:
            return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
        except Exception as exc:  # pypdf raises many types for damaged files
            raise CareerError(f"{source} is not a readable PDF ({exc})", field="FILE") from exc
        finally:
            pdf_log.setLevel(level)
    if suffix == ".docx":
        from docx import Document

        try:
            document = Document(io.BytesIO(path.read_bytes()))
        except Exception as exc:  # python-docx raises zip/xml errors for damaged files
            raise CareerError(f"{source} is not a readable DOCX ({exc})", field="FILE") from exc
        return "\n".join(p.text for p in document.paragraphs)
    return path.read_bytes()


@skills_app.command("extract")
@user_errors
def extract_command(
    source: str = typer.Argument(
        ..., metavar="FILE|-", help="Text, PDF or DOCX file; - for stdin."
    ),
    kind: str = typer.Option(
        "auto", "--kind", help=f"What the text is: {', '.join(KINDS)}.", show_default=True
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the hits and tagged skill phrases as a JSON list."
    ),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0),
    semantic: bool = typer.Option(
        False, "--semantic", help="Also match phrasings by meaning (needs careerceo[semantic])."
    ),
) -> None:
    """List the skills found in FILE, with where each was found and how sure the match is."""
    preload("skills")
    result = run_extract(read_input(source), kind=kind, semantic=semantic)
    listed = result.listed(min_confidence)
    for warning in result.warnings:
        err_console.print(f"[yellow]Note:[/] {warning}", highlight=False)
    if as_json:
        print_json(listed)
        return
    print_table(
        f"Skills in {source if source != '-' else 'standard input'} (read as {result.kind})",
        ["Text", "Concept", "Taxonomy", "Status", "Section", "Conf.", "Id"],
        [
            (
                h["text"],
                h["label"] if h["concept_id"] else "(no concept fits)",
                h["taxonomy"],
                h["status"],
                h["section"] or "",
                f"{h['confidence']:.2f}",
                h["concept_id"] or "",
            )
            for h in listed
        ],
        empty="No skills found.",
    )
    if result.excluded:
        err_console.print(
            f"{len(result.excluded)} mention(s) left out: "
            + "; ".join(f"{e.text!r} ({e.reason})" for e in result.excluded[:5]),
            highlight=False,
        )
    if result.sources:
        err_console.print("Sources: " + ", ".join(result.sources), highlight=False)
