"""Interview rounds (pure): what each kind of interviewer tests, which questions to expect,
and the preparation laid out day by day up to the interview.

The round types follow a typical hiring process. Each says what that interviewer is really
judging, which bank categories its questions come from (most likely first) and which of the
person's own questions to ask fit that audience, so the prep fits the round rather than being
the same list every time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from careerceo.model.interview_round import ROUND_TYPES as NAMES


@dataclass(frozen=True)
class RoundType:
    label: str
    tests: str
    categories: tuple[str, ...]  # question categories to expect, most likely first
    ask: tuple[str, ...]  # bank ids of questions to ask this interviewer


ROUND_TYPES: dict[str, RoundType] = {
    "recruiter_screen": RoundType(
        "Recruiter screen",
        "Basic fit: a clear story of who you are, why this move, why this company, your "
        "availability and expectations; whether to put you in front of the hiring manager.",
        ("general", "career_change", "behavioural"),
        ("ask-07", "ask-04", "ask-14"),
    ),
    "hiring_manager": RoundType(
        "Hiring manager",
        "Whether you can do this job and make their life easier: results in similar work, "
        "how you would approach their problems, how you work with a manager.",
        ("behavioural", "role_specific", "general", "leadership"),
        ("ask-01", "ask-02", "ask-12", "ask-05"),
    ),
    "peer_technical": RoundType(
        "Peer / technical",
        "Whether you know the craft and would be good to work beside: depth in the role's "
        "tasks and tools, collaboration, how you handle disagreement.",
        ("role_specific", "behavioural"),
        ("ask-08", "ask-04", "ask-10"),
    ),
    "panel": RoundType(
        "Panel",
        "Consistency across several viewpoints: each panellist scores a different area, so "
        "answer the person who asked and keep every answer short and concrete.",
        ("behavioural", "role_specific", "leadership", "general"),
        ("ask-08", "ask-06", "ask-09"),
    ),
    "executive": RoundType(
        "Executive",
        "Judgement and fit with where the business is going: strategy, stakeholders, how you "
        "would spend the first 90 days, whether you raise the level of the team.",
        ("leadership", "general", "career_change"),
        ("ask-03", "ask-13", "ask-12"),
    ),
    "final": RoundType(
        "Final",
        "Remaining doubts and commitment: whether you want this job and would accept; the "
        "close matters most here.",
        ("general", "behavioural", "leadership"),
        ("ask-06", "ask-11", "ask-14"),
    ),
}

assert tuple(ROUND_TYPES) == NAMES  # one list of round types, in the model

THANK_YOU_DAYS = 1  # a thank-you note goes out the next day


def thank_you_due(on: date) -> date:
    return on + timedelta(days=THANK_YOU_DAYS)


@dataclass(frozen=True)
class Expected:
    """A question to expect, with why it is on the list."""

    id: str
    category: str
    text: str
    reason: str


def expected_questions(
    kind: str,
    questions: Sequence[tuple[str, str, str, bool]],
    *,
    asked_before: Sequence[str] = (),
    weak: Sequence[str] = (),
    per_category: int = 3,
) -> list[Expected]:
    """Questions to expect in a round of ``kind``.

    ``questions`` are (id, category, text, answered) for the bank already narrowed to the target
    role; questions met in earlier rounds come first, then weakly rated ones, then per category
    in the round's order the unanswered ones (the gaps) before answered ones."""
    rt = ROUND_TYPES[kind]
    by_id = {q[0]: q for q in questions}
    out: list[Expected] = []
    seen: set[str] = set()

    def take(qid: str, reason: str) -> None:
        if qid in by_id and qid not in seen:
            seen.add(qid)
            out.append(Expected(qid, by_id[qid][1], by_id[qid][2], reason))

    for qid in asked_before:
        take(qid, "asked in an earlier round: expect a follow-up")
    for qid in weak:
        if by_id.get(qid, ("", "", "", False))[1] in rt.categories:
            take(qid, "you rated your answer weak")
    for category in rt.categories:
        pool = [q for q in questions if q[1] == category and q[0] not in seen]
        pool.sort(key=lambda q: q[3])  # unanswered first; the bank's order otherwise
        for q in pool[:per_category]:
            take(q[0], "no answer saved yet" if not q[3] else f"typical {category} question")
    return out


@dataclass(frozen=True)
class Day:
    on: date
    tasks: tuple[str, ...]


def day_plan(kind: str, interview_on: date | None, today: date, *, stories: int) -> list[Day]:
    """The preparation as dated steps from today to the interview (and the thank-you after).

    Short notice compresses the same steps into the days there are; with no date the steps
    are listed from today as a suggested pace of one a day."""
    rt = ROUND_TYPES[kind]
    steps = [
        "Read the company dossier and the posting again; note three things you would ask about",
        f"Practise the questions to expect out loud ({rt.label.lower()}: {rt.tests.split(':')[0]})",
        "Rehearse your stories in STAR form with numbers from your record"
        + ("" if stories else " (link wins to your answers first: no story is linked yet)"),
        "Pick the questions you will ask and your closing line; practise the close out loud",
        "Logistics: time, place or link, who you meet; run through your two best stories",
    ]
    if interview_on is None:
        start = today
        days = [start + timedelta(days=i) for i in range(len(steps))]
    else:
        available = max(0, (interview_on - today).days)  # days before the interview day
        if available == 0:
            return [
                Day(interview_on, tuple(steps)),
                Day(thank_you_due(interview_on), ("Send the thank-you note; write the debrief",)),
            ]
        # spread the steps over the days before the interview, the last one on the eve
        days = [
            today + timedelta(days=min(available - 1, (i * available) // len(steps)))
            for i in range(len(steps))
        ]
    grouped: dict[date, list[str]] = {}
    for when, step in zip(days, steps, strict=True):
        grouped.setdefault(when, []).append(step)
    plan = [Day(d, tuple(t)) for d, t in sorted(grouped.items())]
    if interview_on is not None:
        plan.append(
            Day(interview_on, (f"The {rt.label.lower()} interview: end by asking for the job",))
        )
        plan.append(
            Day(thank_you_due(interview_on), ("Send the thank-you note; write the debrief",))
        )
    return plan
