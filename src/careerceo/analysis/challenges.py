"""The three macro-challenges of a career: performing in the current job, leaving the old job,
finding a new job. Where the person stands on each, from whatever data exists.

Honesty first: a challenge with no data says "no data yet" and what would feed it, rather than
guessing a status.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from careerceo.analysis.actions import Action, ActionKind
from careerceo.analysis.drift import Finding
from careerceo.analysis.signals import DIMENSIONS
from careerceo.analysis.wording import plural

NO_DATA = "no data yet"
CLOSED_STAGES = frozenset({"rejected", "closed", "withdrawn", "declined", "lost", "archived"})
LEAVE_RULES = frozenset({"low-alignment", "no-new-skill"})


@dataclass(frozen=True)
class SignalsSummary:
    taken_on: str
    overall: float
    recommend_pivot: bool
    high: tuple[str, ...]


@dataclass(frozen=True)
class ChallengeInputs:
    trend: Sequence[tuple[str, float | None]] = ()  # month, overall alignment (None = missed)
    active_goals: int = 0
    overdue_milestones: int = 0
    findings: Sequence[Finding] = ()
    signals: SignalsSummary | None = None
    opportunities_by_stage: Mapping[str, int] = field(default_factory=dict)
    contacts: int = 0
    accomplishments: int = 0
    saved_postings: int = 0  # job postings saved to tailor the résumé against
    tailored_versions: int = 0  # résumé versions made for a posting or a target occupation
    outreach_30d: int = 0  # conversations logged with contacts in the last 30 days
    advanced_30d: int = 0  # stage moves of opportunities in the last 30 days


@dataclass(frozen=True)
class Challenge:
    id: str
    title: str
    status: str  # on track | watch | act | no data yet
    headline: str
    evidence: tuple[str, ...]
    next_step: str
    action: Action  # what the next step does, for a shell to turn into a link or a command


def _latest(trend: Sequence[tuple[str, float | None]]) -> tuple[str, float] | None:
    for month, value in reversed(trend):
        if value is not None:
            return month, value
    return None


def performing(data: ChallengeInputs) -> Challenge:
    latest = _latest(data.trend)
    evidence: list[str] = []
    if data.accomplishments:
        evidence.append(f"{plural(data.accomplishments, 'accomplishment')} recorded")
    else:
        evidence.append("no accomplishments recorded yet")
    if data.overdue_milestones:
        evidence.append(f"{plural(data.overdue_milestones, 'milestone')} overdue")
    if latest is None:
        return Challenge(
            "performing",
            "Performing in the current job",
            NO_DATA,
            "no monthly review with a score yet",
            tuple(evidence),
            "do your first monthly review",
            Action(ActionKind.REVIEW),
        )
    month, value = latest
    evidence.insert(0, f"alignment {value:.0f}/100 in {month}")
    status = "on track" if value >= 65 else "watch" if value >= 50 else "act"
    if data.overdue_milestones and status == "on track":
        status = "watch"
    headline = {
        "on track": "your month's work moves your goals forward",
        "watch": "part of your month serves your goals, part does not",
        "act": "your day-to-day work is not moving you toward your goals",
    }[status]
    # each step's action opens what that step is about
    if status == "on track":
        step, action = "keep recording wins as accomplishments", Action(ActionKind.WINS)
    else:
        step = "pick one option from the drift findings"
        action = Action(ActionKind.REVIEW_HISTORY)
    return Challenge(
        "performing",
        "Performing in the current job",
        status,
        headline,
        tuple(evidence),
        step,
        action,
    )


def leaving(data: ChallengeInputs) -> Challenge:
    drift = [f for f in data.findings if f.rule in LEAVE_RULES]
    evidence = [f.reason for f in drift]
    if data.signals is None and not data.trend:
        return Challenge(
            "leaving",
            "Leaving the old job",
            NO_DATA,
            "no warning-signs check and no review yet",
            (),
            "take the warning-signs check",
            Action(ActionKind.SIGNALS),
        )
    if data.signals is None:
        evidence.append("no warning-signs check yet")
    else:
        s = data.signals
        evidence.insert(0, f"warning signs {s.overall:.0f}/100 on {s.taken_on}")
        if s.high:
            titles = {d.id: d.title.lower() for d in DIMENSIONS}
            evidence.append(
                "high: " + ", ".join(titles.get(h, h.replace("_", " ")) for h in s.high)
            )
    if data.signals is not None and data.signals.recommend_pivot:
        status, headline = "act", "the warning signs say: explore a pivot while still employed"
    elif drift or (data.signals is not None and data.signals.high):
        status, headline = "watch", "some signs point away from this job; keep watching monthly"
    elif data.signals is None:
        status, headline = NO_DATA, "reviews show no drift, but no warning-signs check yet"
    else:
        status, headline = "on track", "no strong reason to leave right now"
    if status == "act":  # the step and its action both lead to the pivots
        step, action = "explore pivots while employed", Action(ActionKind.PIVOTS)
    else:
        step, action = "repeat the warning-signs check every quarter", Action(ActionKind.SIGNALS)
    return Challenge(
        "leaving", "Leaving the old job", status, headline, tuple(evidence), step, action
    )


def finding(data: ChallengeInputs, leave_status: str) -> Challenge:
    """A search shows in the pipeline (opportunities, contacts) and, before that, in the quiet
    work the app records: postings saved and résumé versions tailored to them."""
    active = {k: v for k, v in data.opportunities_by_stage.items() if k not in CLOSED_STAGES and v}
    total_active = sum(active.values())
    evidence: list[str] = []
    if total_active:
        evidence.append(
            plural(total_active, "open opportunity", "open opportunities")
            + " ("
            + ", ".join(f"{n} {stage}" for stage, n in sorted(active.items()))
            + ")"
        )
    if data.contacts:
        evidence.append(f"{plural(data.contacts, 'contact')} in your network")
    if data.outreach_30d:
        evidence.append(f"{plural(data.outreach_30d, 'conversation')} logged in the last 30 days")
    if data.advanced_30d:
        evidence.append(f"{plural(data.advanced_30d, 'stage move')} in the last 30 days")
    if data.saved_postings:
        evidence.append(f"{plural(data.saved_postings, 'job posting')} saved")
    if data.tailored_versions:
        evidence.append(f"{plural(data.tailored_versions, 'tailored résumé version')}")
    quiet = data.saved_postings + data.tailored_versions
    if not total_active and not data.contacts and not quiet:
        status = "act" if leave_status == "act" else NO_DATA
        headline = (
            "the signs say explore, but no search has started"
            if status == "act"
            else "no postings, opportunities or contacts recorded"
        )
        return Challenge(
            "finding",
            "Finding a new job",
            status,
            headline,
            tuple(evidence),
            "start a quiet search: pick targets among the pivots within reach",
            Action(ActionKind.PIVOTS),
        )
    offers = data.opportunities_by_stage.get("offer", 0)
    if offers:
        status, headline = "on track", f"{plural(offers, 'offer')} on the table"
        step, action = "compare the offers against your goals", Action(ActionKind.GOALS)
    elif total_active and not (data.outreach_30d or data.advanced_30d):
        status, headline = "watch", "the search has stalled: no outreach or stage moves in 30 days"
        step, action = "follow up with the people due today", Action(ActionKind.TODAY)
    elif total_active:
        status, headline = "on track", "a search is under way"
        step, action = "keep the pipeline moving weekly", Action(ActionKind.PIPELINE)
    elif quiet:
        status, headline = "watch", "a quiet search has started, but no application is open"
        step = "tailor your résumé to the best saved posting and apply"
        action = Action(ActionKind.TAILOR)
    else:
        status, headline = "watch", "a network but no open opportunity"
        step = "save the postings worth applying to and tailor to them"
        action = Action(ActionKind.TAILOR)
    return Challenge(
        "finding", "Finding a new job", status, headline, tuple(evidence), step, action
    )


def macro_challenges(data: ChallengeInputs) -> tuple[Challenge, Challenge, Challenge]:
    leave = leaving(data)
    return finding(data, leave.status), leave, performing(data)
