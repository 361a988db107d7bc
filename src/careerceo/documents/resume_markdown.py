"""A résumé as Markdown: readable as plain text, convertible by any Markdown tool."""

from __future__ import annotations

from careerceo.documents.resume_layout import layout
from careerceo.model.resume import Resume


def _escape(text: str) -> str:
    return text.replace("*", r"\*").replace("_", r"\_")


def to_markdown(resume: Resume) -> str:
    out: list[str] = []
    for block in layout(resume):
        text = _escape(block.text)
        if block.kind == "name":
            out.append(f"# {text}\n")
        elif block.kind == "headline":
            out.append(f"**{text}**\n")
        elif block.kind == "contact":
            out.append(f"{text}\n")
        elif block.kind == "section":
            out.append(f"\n## {text}\n")
        elif block.kind == "entry":
            out.append(f"\n### {text}\n")
        elif block.kind == "meta":
            out.append(f"*{text}*\n")
        elif block.kind == "bullet":
            out.append(f"- {text}")
        else:
            out.append(f"{text}\n")
    return "\n".join(out).replace("\n\n\n", "\n\n").strip() + "\n"
