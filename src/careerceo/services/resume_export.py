"""Export the stored résumé in the four formats, and critique a file or a stored document."""

from __future__ import annotations

from pathlib import Path

from careerceo.analysis.resume_critique import Critique, critique_text
from careerceo.documents.jsonresume import dumps
from careerceo.documents.resume_html import to_html
from careerceo.documents.resume_markdown import to_markdown
from careerceo.documents.resume_pdf import to_pdf
from careerceo.errors import CareerError, NotFoundError
from careerceo.model.resume import Resume
from careerceo.services.context import AppContext
from careerceo.services.resume_import import read_path, read_source
from careerceo.store.documents import DocumentRepository
from careerceo.store.tables import Document

FORMATS = {
    "json": ("application/json", ".json"),
    "md": ("text/markdown; charset=utf-8", ".md"),
    "html": ("text/html; charset=utf-8", ".html"),
    "pdf": ("application/pdf", ".pdf"),
}


def require_content(resume: Resume) -> Resume:
    """An export of nothing (a 1-byte Markdown file, a blank PDF) helps no one: say what to do."""
    if not (
        resume.name
        or resume.summary
        or resume.positions
        or resume.education
        or resume.skill_names()
        or resume.certifications
    ):
        raise CareerError(
            "your résumé is empty: import one first (career resume import FILE, or the Import "
            "form on /resume), or add your positions and skills",
            field="resume",
        )
    return resume


def render(resume: Resume, fmt: str) -> bytes:
    if fmt == "json":
        return dumps(resume).encode("utf-8")
    if fmt == "md":
        return to_markdown(resume).encode("utf-8")
    if fmt == "html":
        return to_html(resume).encode("utf-8")
    if fmt == "pdf":
        return to_pdf(resume)
    raise CareerError(f"unknown format {fmt!r}; use one of json, md, html, pdf", field="format")


def format_for(path: Path, fmt: str | None) -> str:
    if fmt:
        return fmt.lower()
    suffix = path.suffix.lower().lstrip(".")
    aliases = {"markdown": "md", "htm": "html"}
    chosen = aliases.get(suffix, suffix)
    if chosen not in FORMATS:
        raise CareerError(
            f"cannot tell the format from {path.name!r}; pass --format json|md|html|pdf",
            field="format",
        )
    return chosen


def text_of_document(ctx: AppContext, document_id: int) -> tuple[str, str]:
    with ctx.db.transaction() as s:
        doc = DocumentRepository(s, ctx.person_id).get(document_id)
        if doc is None:
            raise NotFoundError(f"no document with id {document_id}", field="document_id")
        return doc.filename or doc.title, doc.text


def text_for_critique(data: bytes, filename: str) -> str:
    source = read_source(data, filename)
    if source.text:
        return source.text
    from careerceo.documents.resume_layout import layout, plain_text

    return plain_text(layout(source.resume))


def critique_file(path: Path) -> tuple[str, Critique]:
    source = read_path(path)
    if source.text:
        return source.text, critique_text(source.text)
    from careerceo.documents.resume_layout import layout, plain_text

    text = plain_text(layout(source.resume))
    return text, critique_text(text)


def list_documents(ctx: AppContext) -> list[Document]:
    with ctx.db.transaction() as s:
        return list(DocumentRepository(s, ctx.person_id).list())


def tailored_version(ctx: AppContext, document_id: int) -> Resume:
    """A saved tailored version (its JSON Resume), to export in any format."""
    from careerceo.documents.jsonresume import from_jsonresume

    with ctx.db.transaction() as s:
        doc = DocumentRepository(s, ctx.person_id).get(document_id)
        if doc is None or "jsonresume" not in (doc.data or {}):
            raise NotFoundError(f"no tailored version with id {document_id}")
        return from_jsonresume(doc.data["jsonresume"])
