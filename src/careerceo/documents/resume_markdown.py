"""A résumé as Markdown: readable as plain text, convertible by any Markdown tool."""

from __future__ import annotations

from careerceo.documents.resume_layout import layout
from careerceo.model.resume import Resume

# layout block kind -> its Markdown ("{}" is the escaped text; a paragraph is the default)
MARKDOWN = {
    "name": "# {}\n",
    "headline": "**{}**\n",
    "contact": "{}\n",
    "section": "\n## {}\n",
    "entry": "\n### {}\n",
    "meta": "*{}*\n",
    "bullet": "- {}",
}


def _escape(text: str) -> str:
    return text.replace("*", r"\*").replace("_", r"\_")


def to_markdown(resume: Resume) -> str:
    out: list[str] = []
    for block in layout(resume):
        text = _escape(block.text)
        out.append(MARKDOWN.get(block.kind, "{}\n").format(text))
    return "\n".join(out).replace("\n\n\n", "\n\n").strip() + "\n"
