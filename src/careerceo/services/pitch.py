"""Gathering the pitch's inputs: the goal and its reason, the pivot target, the wins.

The target is, in order: a saved posting (``posting_id``, matched through the tailoring
analysis), an O*NET occupation (``occupation``, through the pivot engine's transfers and gaps),
or the active goal's target role and occupation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerceo.actions import Action, ActionKind
from careerceo.analysis.pitch import Pitch, PitchInput, build_pitch
from careerceo.analysis.tailoring import years_in
from careerceo.documents.resume_layout import layout, plain_text
from careerceo.errors import CareerError
from careerceo.model.direction import GoalStatus
from careerceo.model.resume import Resume
from careerceo.services.accomplishments import list_wins
from careerceo.services.context import AppContext
from careerceo.services.resume import current_resume
from careerceo.store.direction import GoalRepository, VisionRepository
from careerceo.store.repositories import InventoryRepository

_NOT_PLURAL = {
    "sales",
    "operations",
    "logistics",
    "economics",
    "physics",
    "mathematics",
    "statistics",
    "athletics",
    "graphics",
    "aeronautics",
    "electronics",
    "systems",
}


def _plural(word: str) -> bool:
    w = word.lower().strip(",")
    return w.endswith("s") and not w.endswith("ss") and w not in _NOT_PLURAL


def _one(word: str) -> str:
    """ "Secretaries" -> "Secretary", "Coaches" -> "Coach", "Persons" -> "Person"."""
    if not _plural(word):
        return word
    if word.lower().endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.lower().endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def _one_role(text: str) -> str:
    parts = text.split(" and ")
    if len(parts) == 2 and _plural(parts[0].split()[-1]) and _plural(parts[1].split()[-1]):
        text = parts[0]  # "Accountants and Auditors": two roles, name the first
    words = text.split()
    words[-1] = _one(words[-1])
    return " ".join(words)


def singular(title: str) -> str:
    """O*NET titles are plural ("Data Scientists"); a pitch names one role: "Accountants and
    Auditors" -> "Accountant", "First-Line Supervisors of Retail Sales Workers" -> "First-Line
    Supervisor of Retail Sales Workers", "Cooks, Fast Food" -> "Cook"."""
    text = re.sub(r",\s*(?:All Other|Except\b.*)$", "", title.strip())
    first = text.split(", ")[0]
    listed = re.search(r",\s*(?:and|or)\s", text)
    if not listed or (" of " not in text and _plural(first.split()[-1])):
        # "Cooks, Fast Food", "Claims Adjusters, Examiners, and Investigators"; but a list of
        # modifiers ("Bookkeeping, Accounting, and Auditing Clerks") is one role
        text = first
    if " of " in text:
        before, after = text.split(" of ", 1)
        return f"{_one_role(before)} of {after}"
    return _one_role(text)


def latest_title(resume: Resume) -> str:
    """The most recent position's title the résumé actually states: a position imported
    without one is stored as "(unknown)", and "most recently as a (unknown)" was printed."""
    for position in resume.positions:
        title = (position.title or "").strip()
        if title and title.casefold() != "(unknown)":
            return title
    return "" if resume.positions else resume.label


def pitch(
    ctx: AppContext, *, posting_id: int | None = None, occupation: str | None = None
) -> Pitch:
    from datetime import date

    resume = current_resume(ctx)
    with ctx.db.transaction() as s:
        goal = next(iter(GoalRepository(s, ctx.person_id).list(status=GoalStatus.ACTIVE)), None)
        goal_role = (goal.target_role or goal.title) if goal else ""
        goal_why = goal.why if goal else ""
        goal_code = goal.occupation_code if goal else None
        latest = next(iter(VisionRepository(s, ctx.person_id).list()), None)
        vision = latest.text if latest else None
        adding = [i.name for i in InventoryRepository(s, ctx.person_id).list(intent="add")]
    carries: list[str] = []
    new: list[str] = list(adding)
    keywords: list[str] = []
    unconfirmed: list[str] = []
    sources: list[str] = ["your goals, inventory and accomplishment log"]
    target = goal_role
    code = occupation or (goal_code if posting_id is None else None)
    if posting_id is not None:
        basis = _posting_basis(ctx, posting_id)
    elif code:
        basis = _occupation_basis(ctx, resume, code)
    else:
        basis = None
    if basis is not None:
        target = basis.title if (occupation and posting_id is None) else (target or basis.title)
        carries, keywords, unconfirmed = basis.carries, basis.keywords, basis.unconfirmed
        sources.append(basis.source)
    if not target:
        raise CareerError(
            "no target: set a goal with a target role, or choose a posting or an occupation",
            field="target",
            action=Action(ActionKind.GOALS),
        )
    wins = list_wins(ctx)
    proof = [w.bullet for w in sorted(wins, key=lambda w: (not w.metrics, -(w.id)))][:3]
    data = PitchInput(
        name=resume.name,
        current_title=latest_title(resume),
        target_role=target,
        why=goal_why or (vision or ""),
        carries_over=tuple(carries),
        new_skills=tuple(dict.fromkeys(new)),
        proof=tuple(proof),
        keywords=tuple(keywords),
        years=years_in(resume, date.today()),
        unconfirmed=tuple(unconfirmed),
        sources=tuple(sources),
    )
    return build_pitch(data)


@dataclass(frozen=True)
class _Basis:
    """What a posting or an occupation gives the pitch: its title, what carries over, the
    keywords, what the evidence does not confirm, and where that came from."""

    title: str
    carries: list[str]
    keywords: list[str]
    unconfirmed: list[str]
    source: str


def _posting_basis(ctx: AppContext, posting_id: int) -> _Basis:
    from careerceo.services.tailoring import match_posting

    posting, result = match_posting(ctx, posting_id)
    carries = [r.label for r in result.matched]
    # Only what the evidence covers goes into the drafts: a requirement the person has
    # not shown is neither a keyword of their profile nor something they "are learning".
    return _Basis(
        title=posting.title,
        carries=carries,
        keywords=carries[:10],
        unconfirmed=[m.label for m in result.missing if m.strength == "required"][:6],
        source=f"saved posting #{posting_id} ({posting.title}); skills: ESCO 1.1.1, O*NET 29.0",
    )


def _occupation_basis(ctx: AppContext, resume: Resume, code: str) -> _Basis:
    from careerceo.services.pivots import pivot_detail

    if not (resume.positions or resume.skills):
        # said here: the pivot engine's own message points at options pitch does not have
        raise CareerError(
            "your résumé is empty, so the pitch has nothing to carry over: import one "
            "first or add positions and skills",
            field="resume",
            action=Action(ActionKind.RESUME_IMPORT),
        )
    detail = pivot_detail(ctx, code)
    # Only what the résumé shows, or what the pivot engine credits from the person's own
    # work, is claimed. An O*NET skill or knowledge level of an occupation they held is theirs
    # (every accountant reads and calculates); an ESCO skill or a technology merely listed for
    # such an occupation is not (ESCO's list for "accountant" reaches bankruptcy trustees'
    # essentials through the crosswalk): those are claimed only when the person named them.
    shown = plain_text(layout(resume)).casefold()
    order = {"esco": 1, "skill": 2, "knowledge": 3}
    transfers = sorted(
        (
            t
            for t in detail.transfers
            if t.kind in ("skill", "knowledge")
            or (t.kind in ("esco", "technology") and "named" in t.basis)
            or (t.kind == "technology" and t.name.casefold() in shown)
        ),
        key=lambda t: (t.name.casefold() not in shown, order.get(t.kind, 5)),
    )
    carries = [t.name.rstrip(".") for t in transfers][:8]
    gaps = sorted(detail.gaps, key=lambda g: -g.priority)
    return _Basis(
        title=singular(detail.title),
        carries=carries,
        keywords=carries[:6],
        unconfirmed=[g.name for g in gaps if g.required][:6],
        source=f"pivot engine: {detail.title} ({detail.code}); " + ", ".join(detail.sources),
    )
