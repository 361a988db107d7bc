"""Tailoring the stored résumé to a saved job posting: match, tailored versions, ranking.

Versions are ``document`` rows (kind ``resume``) with ``target_posting_id`` set and
``parent_id`` pointing at the résumé they were made from, so each target keeps its own history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from careerceo.analysis.job_gap import analyse
from careerceo.analysis.posting_rank import PostingIndex
from careerceo.analysis.tailoring import Match, have_index, match, tailor, words
from careerceo.documents.jsonresume import to_jsonresume
from careerceo.documents.resume_layout import layout, plain_text
from careerceo.errors import CareerError, NotFoundError
from careerceo.model.resume import Resume
from careerceo.services.context import AppContext
from careerceo.services.resume import current_resume
from careerceo.store.documents import DocumentRepository, JobPostingRepository
from careerceo.store.tables import Document, JobPosting

MAX_POSTING_CHARS = 100_000
# requirement weights cached in job_posting.analysis (v3: without the posting's own company
# and without software categories the posting only names as an activity; v4: without the
# one-word concept guesses the extractor doubts)
KEYS = "resume_keys_v4"


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


def names_company(mention: str, company: str) -> bool:
    """ "Google" in a Google posting ("teams within Google") is the employer, not a skill the
    posting asks for (the lexicon knows Google as a product and as search engines)."""
    name = " ".join(company.casefold().split())
    said = " ".join(mention.casefold().split())
    if not name or not said:
        return False
    core = re.sub(r"\b(?:inc|llc|ltd|limited|corp|corporation|plc|gmbh|co)\b\.?", "", name)
    core = " ".join(core.replace(",", " ").split())
    return said in {name, core} or (bool(core) and said == core.split()[0] and len(said) > 3)


_SOFTWARE_WORDS = re.compile(
    r"\b(?:software|tools?|systems?|platforms?|applications?|apps?|programs?|suites?|packages?)\b",
    re.IGNORECASE,
)


def names_a_category_only(mention: str, label: str, taxonomy: str) -> bool:
    """ "compliance requirements", "analytical skills", "statistic filings": the posting names
    an activity, which the O*NET list also has as a software category ("Compliance software",
    "Analytical software"). Without a word for software it is not a technology the posting asks
    for."""
    if taxonomy not in {"onet-tech", "onet-tool"} or _SOFTWARE_WORDS.search(mention):
        return False
    said = " ".join(mention.casefold().split())
    name = " ".join(label.casefold().split())
    return name.removesuffix(" software") != name and name.removesuffix(" software").startswith(
        said.rstrip("s")[: max(4, len(said) - 3)]
    )


def _asked(hit: Any, company: str) -> bool:
    return not names_company(hit.text, company) and not names_a_category_only(
        hit.text, hit.label, hit.taxonomy
    )


def match_posting(
    ctx: AppContext, posting_id: int, *, today: date | None = None
) -> tuple[PostingText, Match]:
    from careerceo.skills import extract

    posting = get_posting(ctx, posting_id)
    resume = current_resume(ctx)
    text = plain_text(layout(resume))
    if not resume.positions and not resume.skills:
        raise CareerError(
            "your résumé is empty; import one first (career resume import FILE)", field="resume"
        )
    posting_result = extract(posting.text, "posting")
    result = match(
        resume,
        extract(text, "resume").hits,
        posting.title,
        [h for h in posting_result.hits if _asked(h, posting.company)],
        posting_result.text,
        today=today or date.today(),
    )
    return posting, result


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
        result.as_dict(),
        target={"target_posting_id": posting_id},
        title=f"Tailored for {posting.title}{at}",
        stem=f"resume-posting-{posting_id}",
    )


def versions(ctx: AppContext, posting_id: int | None = None) -> list[Document]:
    with ctx.db.transaction() as s:
        return list(DocumentRepository(s, ctx.person_id).tailored(posting_id))


def posting_keys(text: str, company: str = "") -> dict[str, float]:
    """A posting's requirement weights, keyed like ``have_index``."""
    from careerceo.skills import extract

    result = extract(text, "posting")
    hits = [h for h in result.hits if _asked(h, company)]
    return {r.key: r.weight for r in analyse(hits, {}, text=result.text).requirements}


def rank_postings(ctx: AppContext, top: int = 20) -> list[dict[str, Any]]:
    """Every saved posting scored by how much of it the résumé covers, best first."""
    from careerceo.skills import extract

    with ctx.db.transaction() as s:
        rows = list(JobPostingRepository(s, ctx.person_id).list())
        for row in rows:
            if KEYS not in (row.analysis or {}) and row.text.strip():
                row.analysis = {
                    **(row.analysis or {}),
                    KEYS: posting_keys(row.text, row.company_name or ""),
                }
        titles = {r.id: (r.title, r.company_name) for r in rows}
        index = PostingIndex.build((r.id, (r.analysis or {}).get(KEYS, {})) for r in rows)
    text = plain_text(layout(current_resume(ctx)))
    have = have_index(extract(text, "resume").hits)
    return [
        {
            "posting_id": pid,
            "title": titles[pid][0],
            "company": titles[pid][1],
            "coverage": round(score, 3),
        }
        for pid, score in index.rank(have.keys(), top)
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
