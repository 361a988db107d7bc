"""Tailoring the stored résumé to a saved job posting: match, tailored versions, ranking.

Versions are ``document`` rows (kind ``resume``) with ``target_posting_id`` set and
``parent_id`` pointing at the résumé they were made from, so each target keeps its own history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from careerceo.actions import Action, ActionKind
from careerceo.analysis.posting_rank import PostingIndex
from careerceo.analysis.tailoring import Match, match, tailor, words
from careerceo.documents.jsonresume import to_jsonresume
from careerceo.documents.resume_layout import layout, plain_text
from careerceo.errors import CareerError, NotFoundError
from careerceo.model.resume import Resume
from careerceo.services.context import AppContext
from careerceo.services.resume import current_resume
from careerceo.services.resume_views import MatchView
from careerceo.store.documents import DocumentRepository, JobPostingRepository
from careerceo.store.tables import Document, JobPosting

MAX_POSTING_CHARS = 100_000
# requirement weights cached in job_posting.analysis (v3: without the posting's own company
# and without software categories the posting only names as an activity; v4: without the
# one-word concept guesses the extractor doubts; v5: the requirements engine's reading, only
# the requirement sections, with aliases)
KEYS = "resume_keys_v5"


@dataclass
class PostingText:
    id: int
    title: str
    company: str
    text: str


def save_posting(
    ctx: AppContext, title: str, text: str, *, company: str = "", url: str = ""
) -> int:
    if not title.strip():
        raise CareerError("give the posting's job title", field="title")
    if not text.strip():
        raise CareerError("the posting text is empty; paste the job description", field="text")
    for name, value in (("title", title), ("company", company), ("url", url), ("text", text)):
        if "\x00" in value:  # binary pasted by mistake; PostgreSQL would refuse it anyway
            raise CareerError(
                "contains a NUL byte (binary content); paste the posting as plain text", field=name
            )
    if len(text) > MAX_POSTING_CHARS:
        raise CareerError(
            f"the posting is longer than {MAX_POSTING_CHARS:,} characters", field="text"
        )
    with ctx.db.transaction() as s:
        postings = JobPostingRepository(s, ctx.person_id)
        if (saved := postings.with_text(text)) is not None:
            # Saved once: matching, then tailoring to, the same posting reuses its row (a
            # title or company given now fills one left empty before).
            if company and not saved.company_name:
                saved.company_name = company[:200]
            if url and not saved.url:
                saved.url = url[:1000]
            return saved.id
        row = JobPosting(
            person_id=ctx.person_id,
            title=title.strip()[:300],
            company_name=company[:200],
            url=url[:1000],
            source="resume-tailor",
            text=text,
        )
        s.add(row)
        s.flush()
        return row.id


def get_posting(ctx: AppContext, posting_id: int) -> PostingText:
    with ctx.db.transaction() as s:
        row = JobPostingRepository(s, ctx.person_id).get(posting_id)
        if row is None:
            raise NotFoundError(f"no saved job posting with id {posting_id}", field="posting")
        if not row.text.strip():
            raise CareerError(f"posting {posting_id} has no text to match against", field="posting")
        return PostingText(row.id, row.title, row.company_name, row.text)


def match_posting(
    ctx: AppContext, posting_id: int, *, today: date | None = None
) -> tuple[PostingText, Match]:
    """The requirements engine's answer for a saved posting, as a résumé match."""
    from careerceo.services.requirements import assess_read, person_evidence, read_posting

    posting = get_posting(ctx, posting_id)
    resume = current_resume(ctx)
    if not resume.positions and not resume.skills:
        raise CareerError(
            "your résumé is empty; import one first",
            field="resume",
            action=Action(ActionKind.RESUME_IMPORT),
        )
    person = person_evidence(ctx, today=today)
    gap = assess_read(read_posting(posting.text, posting.company, ctx.settings.data_dir), person)
    return posting, match(resume, gap, posting.title, years=person.years)


def _store_version(
    ctx: AppContext,
    version: Resume,
    match: dict[str, Any],
    *,
    target: dict[str, Any],
    title: str,
    stem: str,
) -> Document:
    """One more tailored version of the newest original résumé, numbered per target.

    ``target`` is the column that names what it was tailored for (a posting or an occupation),
    so each target keeps its own v1, v2, ... history.
    """
    with ctx.db.transaction() as s:
        parent = DocumentRepository(s, ctx.person_id).newest_original("resume")
        number = 1 + DocumentRepository(s, ctx.person_id).count_where(**target)
        doc = Document(
            person_id=ctx.person_id,
            kind="resume",
            title=f"{title} (v{number})",
            filename=f"{stem}-v{number}.json",
            media_type="application/json",
            text=plain_text(layout(version)),
            parent_id=parent.id if parent else None,
            data={"jsonresume": to_jsonresume(version), "match": match, "version": number},
            **target,
        )
        s.add(doc)
        s.flush()
        return doc


def save_tailored(ctx: AppContext, posting_id: int) -> Document:
    posting, result = match_posting(ctx, posting_id)
    version = tailor(current_resume(ctx), [r.label for r in result.matched])
    at = f" at {posting.company}" if posting.company else ""
    return _store_version(
        ctx,
        version,
        MatchView.of(result).model_dump(),
        target={"target_posting_id": posting_id},
        title=f"Tailored for {posting.title}{at}",
        stem=f"resume-posting-{posting_id}",
    )


def versions(ctx: AppContext, posting_id: int | None = None) -> list[Document]:
    with ctx.db.transaction() as s:
        return list(DocumentRepository(s, ctx.person_id).tailored(posting_id))


def rank_postings(ctx: AppContext, top: int = 20) -> list[dict[str, Any]]:
    """Every saved posting scored by how much of it the person covers, best first: the same
    requirements and evidence as ``career gap`` and ``resume match`` (so a posting's coverage
    here is its coverage there), the postings' requirement weights cached on their rows."""
    from careerceo.services.requirements import person_evidence, requirement_weights

    with ctx.db.transaction() as s:
        rows = list(JobPostingRepository(s, ctx.person_id).list())
        for row in rows:
            if KEYS not in (row.analysis or {}) and row.text.strip():
                row.analysis = {
                    **(row.analysis or {}),
                    KEYS: requirement_weights(row.text, row.company_name or ""),
                }
        titles = {r.id: (r.title, r.company_name) for r in rows}
        cached = {r.id: (r.analysis or {}).get(KEYS, {}) for r in rows}
    if not cached:
        return []
    index = PostingIndex.build((pid, c.get("weights", {})) for pid, c in cached.items())
    have = set(person_evidence(ctx).have)
    have |= {
        alias for c in cached.values() for k, alias in c.get("aliases", {}).items() if k in have
    }
    return [
        {
            "posting_id": pid,
            "title": titles[pid][0],
            "company": titles[pid][1],
            "coverage": round(score, 3),
        }
        for pid, score in index.rank(have, top)
    ]


def _where_for(name: str, kind: str, resume: Resume) -> str:
    if kind == "technology":
        return "Skills section, and the bullet of the job where you used it"
    best, best_overlap = None, 0
    for p in resume.positions:
        overlap = len(words(" ".join([p.title, p.summary, *p.highlights])) & words(name))
        if overlap > best_overlap:
            best, best_overlap = p, overlap
    if best is not None:
        return f"a bullet under {best.title} at {best.employer}"
    return "Summary (if true for you), or Skills"


def _basic_skill(element_id: str) -> bool:
    """O*NET's basic skills (2.A: reading, writing, speaking, listening, critical thinking...)
    stay gaps on the pivot page, but as résumé keywords they are words every résumé claims and
    no reader looks for, so tailoring does not ask for them."""
    return element_id.startswith("2.A.")


def match_occupation(ctx: AppContext, code: str) -> dict[str, Any]:
    """The pivot engine's view of one target occupation, shaped like a posting match."""
    from careerceo.services.pivots import pivot_detail

    detail = pivot_detail(ctx, code)
    resume = current_resume(ctx)
    return {
        "code": detail.code,
        "title": detail.title,
        "score": round(100 * detail.score, 1),
        "parts": [
            {"name": s.name, "score": s.value, "weight": s.weight, "detail": s.label}
            for s in detail.signals
        ],
        "matched": [
            {
                "label": t.name.rstrip("."),
                "kind": t.kind,
                "strength": "",
                "evidence": list(t.evidence),
            }
            for t in detail.transfers
            if t.kind != "activity"
        ],
        "missing": [
            {
                "label": g.name,
                "kind": g.kind,
                "strength": "needed",
                "mentions": 1,
                "weight": round(g.priority, 3),
                "where": _where_for(g.name, g.kind, resume),
                "posting_evidence": "",
            }
            for g in sorted(detail.gaps, key=lambda g: -g.priority)
            if not _basic_skill(g.id)
        ],
        "source": ", ".join(detail.sources),
    }


def save_tailored_occupation(ctx: AppContext, code: str) -> Document:
    result = match_occupation(ctx, code)
    version = tailor(current_resume(ctx), [m["label"] for m in result["matched"]])
    return _store_version(
        ctx,
        version,
        result,
        target={"target_occupation_code": result["code"]},
        title=f"Tailored for {result['title']} ({result['code']})",
        stem=f"resume-{result['code']}",
    )
