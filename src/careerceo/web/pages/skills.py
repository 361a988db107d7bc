"""/skills: paste a text, see the skills found highlighted in it and listed by taxonomy/status."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from careerceo.errors import CareerError
from careerceo.skills import ExtractionResult, Mention, SkillHit, extract
from careerceo.skills.extractor import KINDS
from careerceo.skills.lexicon import TAXONOMY_NAMES, TAXONOMY_RANK
from careerceo.web.templating import templates

router = APIRouter()

STATUS_ORDER = ("required", "preferred", "held", "mentioned")


@dataclass
class Piece:
    """A run of the text: plain, a hit (with its concepts), a skill phrase no concept fits
    (``unlinked``: the tagger marked it, the linker found no concept) or a left-out mention."""

    text: str
    hits: list[SkillHit] = field(default_factory=list)
    excluded_reason: str = ""
    unlinked: Mention | None = None

    @property
    def marked(self) -> bool:
        return bool(self.hits or self.excluded_reason or self.unlinked)

    @property
    def css(self) -> str:
        if self.excluded_reason:
            return "skill-excluded"
        if self.unlinked is not None:
            return "skill-unlinked"
        return f"skill-{self.hits[0].taxonomy}" if self.hits else ""

    @property
    def title(self) -> str:
        if self.excluded_reason:
            return f"left out: {self.excluded_reason}"
        if self.unlinked is not None:
            m = self.unlinked
            return (
                f"{m.kind} phrase, unlinked: no ESCO/O*NET concept fits · {m.status} · "
                f"tagger {m.score:.2f}"
            )
        lines = [
            f"{h.label} ({h.source}, {h.skill_type}) · {h.status} · {h.confidence:.2f}"
            for h in self.hits
        ]
        return "\n".join(lines)


def pieces(result: ExtractionResult) -> list[Piece]:
    """Cut the text at hit boundaries so the template can wrap each hit in a <mark>."""
    text = result.text
    spans: dict[tuple[int, int], Piece] = {}
    for hit in result.hits:
        spans.setdefault((hit.start, hit.end), Piece(hit.text)).hits.append(hit)
    for ex in result.excluded:
        if (ex.start, ex.end) not in spans:
            spans[(ex.start, ex.end)] = Piece(ex.text, excluded_reason=ex.reason)
    for mention in unlinked(result):
        spans.setdefault((mention.start, mention.end), Piece(mention.text, unlinked=mention))
    out: list[Piece] = []
    pos = 0
    for (start, end), piece in sorted(spans.items()):
        if start < pos:
            continue
        if start > pos:
            out.append(Piece(text[pos:start]))
        out.append(piece)
        pos = end
    if pos < len(text):
        out.append(Piece(text[pos:]))
    return out


def unlinked(result: ExtractionResult) -> list[Mention]:
    """The tagger's skill phrases that no concept fits ("work independently with minimal
    supervision"): shown, marked as unlinked, because they are skills the text asks for even
    though no taxonomy names them; the gap and tailoring, which act on concepts, do not use
    them."""
    return [m for m in result.mentions if not m.linked]


def grouped(result: ExtractionResult) -> dict[str, Any]:
    by_taxonomy: defaultdict[str, dict[str, SkillHit]] = defaultdict(dict)
    by_status: defaultdict[str, dict[str, SkillHit]] = defaultdict(dict)
    for hit in result.hits:
        by_taxonomy[hit.taxonomy].setdefault(hit.concept_id + hit.label, hit)
        by_status[hit.status].setdefault(hit.concept_id + hit.label, hit)
    return {
        "by_taxonomy": [
            (t, TAXONOMY_NAMES[t], list(by_taxonomy[t].values()))
            for t in sorted(by_taxonomy, key=TAXONOMY_RANK.__getitem__)
        ],
        "by_status": [(s, list(by_status[s].values())) for s in STATUS_ORDER if s in by_status],
        "unlinked": unlinked(result),
    }


def _render(request: Request, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    base: dict[str, Any] = {
        "kinds": KINDS,
        "taxonomies": [(t, TAXONOMY_NAMES[t]) for t in TAXONOMY_RANK],
        "text": "",
        "kind": "auto",
        "semantic": False,
        "errors": {},
        "result": None,
    }
    base.update(context)
    return templates.TemplateResponse(request, "skills/extract.html", base, status_code=status)


@router.get("/skills", response_class=HTMLResponse)
def skills_form(request: Request) -> HTMLResponse:
    return _render(request, {})


@router.post("/skills", response_class=HTMLResponse)
def skills_extract(
    request: Request,
    text: str = Form(""),
    kind: str = Form("auto"),
    semantic: bool = Form(False),
) -> HTMLResponse:
    form = {"text": text, "kind": kind, "semantic": semantic}
    try:
        # The form asks for text; an empty or binary paste is refused here (the API and the
        # library answer an empty result with the reason instead).
        if not text.strip():
            raise CareerError("paste some text: a résumé, a job posting or a profile", field="text")
        if "\x00" in text:
            raise CareerError(
                "the text contains NUL bytes (binary content); paste plain text", field="text"
            )
        result = extract(text, kind=kind, semantic=semantic)
    except CareerError as exc:
        errors = {exc.field or "text": exc.message}
        return _render(request, {**form, "text": text[:200_000], "errors": errors}, 422)
    return _render(request, {**form, "result": result, "pieces": pieces(result), **grouped(result)})
