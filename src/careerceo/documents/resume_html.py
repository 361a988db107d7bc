"""A résumé as one self-contained HTML page (inline CSS, no scripts, prints on A4/Letter)."""

from __future__ import annotations

from html import escape

from careerceo.documents.resume_layout import layout
from careerceo.model.resume import Resume

STYLE = """
body{font-family:Helvetica,Arial,sans-serif;max-width:46rem;margin:2rem auto;color:#111;
line-height:1.4;padding:0 1rem}h1{margin:0;font-size:1.8rem}h2{font-size:1.05rem;
text-transform:uppercase;letter-spacing:.05em;border-bottom:1px solid #999;margin:1.4rem 0 .5rem}
h3{font-size:1rem;margin:.8rem 0 .1rem}.meta{color:#444;margin:0 0 .3rem}.headline{margin:.2rem 0}
.contact{color:#333;margin:.2rem 0 1rem}ul{margin:.2rem 0 .4rem 1.1rem;padding:0}p{margin:.2rem 0}
@media print{body{margin:0}}
"""


# layout block kind -> its element ("{}" is the escaped text; a paragraph is the default)
HTML = {
    "name": "<h1>{}</h1>",
    "headline": '<p class="headline"><strong>{}</strong></p>',
    "contact": '<p class="contact">{}</p>',
    "section": "<h2>{}</h2>",
    "entry": "<h3>{}</h3>",
    "meta": '<p class="meta">{}</p>',
    "bullet": "<li>{}</li>",
}


def to_html(resume: Resume, *, title: str = "") -> str:
    parts: list[str] = []
    in_list = False
    for block in layout(resume):
        if block.kind != "bullet" and in_list:
            parts.append("</ul>")
            in_list = False
        text = escape(block.text)
        if block.kind == "bullet" and not in_list:
            parts.append("<ul>")
            in_list = True
        parts.append(HTML.get(block.kind, "<p>{}</p>").format(text))
    if in_list:
        parts.append("</ul>")
    page_title = escape(title or resume.name or "Résumé")
    body = "\n".join(parts)
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{page_title}</title><style>{STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )
