"""Interview rounds per opportunity: prep that fits the round, laid out day by day, and the
debrief afterwards (questions actually asked join the bank and the practice queue; weak
answers come back first; the thank-you note gets a due date in the calendar)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from careerceo.actions import Action, ActionKind
from careerceo.analysis import interview_practice as practice
from careerceo.analysis import interview_rounds as rounds
from careerceo.errors import CareerError, NotFoundError
from careerceo.knowledge import load_knowledge
from careerceo.knowledge.question_bank import load_question_bank
from careerceo.model.common import validate
from careerceo.model.interview_round import DebriefIn, RoundIn
from careerceo.services import interview
from careerceo.services.context import AppContext
from careerceo.services.records import require
from careerceo.store.interview_repositories import (
    AccomplishmentLinks,
    CompanyLinks,
    ContactLinks,
    InterviewQuestionRepository,
    InterviewRoundRepository,
    OpportunityLinks,
    PracticeAttemptRepository,
)
from careerceo.store.tables import InterviewQuestion, InterviewRound, PracticeAttempt

CLOSES = ("close-01", "close-03", "close-07")


class RoundView(BaseModel):
    id: int
    round_type: str
    label: str
    scheduled_on: date | None
    opportunity_id: int | None
    opportunity: str
    occupation_code: str | None
    company: str
    interviewers: str
    contact: str
    notes: str
    debrief: dict[str, Any]
    thank_you_due: date | None
    thank_you_sent_on: date | None


class ExpectedView(BaseModel):
    id: str
    category: str
    text: str
    reason: str
    story: str  # the win the saved answer stands on, if any


class DayView(BaseModel):
    on: date
    tasks: list[str]


class PrepView(BaseModel):
    round: RoundView
    tests: str
    expect: list[ExpectedView]
    stories: list[str]
    to_ask: list[str]
    close: list[str]
    who: list[str]
    dossier: str
    days: list[DayView]


def _view(session: Session, person_id: int, row: InterviewRound) -> RoundView:
    opportunity = ""
    if row.opportunity_id is not None:
        opp = OpportunityLinks(session, person_id).get(row.opportunity_id)
        opportunity = opp.title if opp else ""
    contact = ""
    if row.contact_id is not None:
        person = ContactLinks(session, person_id).get(row.contact_id)
        if person is not None:
            contact = person.name + (f" ({person.title})" if person.title else "")
    return RoundView(
        id=row.id,
        round_type=row.round_type,
        label=rounds.ROUND_TYPES[row.round_type].label,
        scheduled_on=row.scheduled_on,
        opportunity_id=row.opportunity_id,
        opportunity=opportunity,
        occupation_code=row.occupation_code,
        company=row.company,
        interviewers=row.interviewers,
        contact=contact,
        notes=row.notes,
        debrief=row.debrief or {},
        thank_you_due=row.thank_you_due,
        thank_you_sent_on=row.thank_you_sent_on,
    )


def add_round(ctx: AppContext, values: dict[str, Any]) -> RoundView:
    """Record a coming interview round for an opportunity (or a target occupation)."""
    data = validate(RoundIn, values)
    if data.occupation_code:
        data.occupation_code = load_knowledge().occupation(data.occupation_code).code
    with ctx.db.transaction() as session:
        company = data.company
        if data.opportunity_id is not None:
            opp = require(
                OpportunityLinks(session, ctx.person_id),
                data.opportunity_id,
                lambda i: NotFoundError(f"no opportunity with id {i}", field="opportunity_id"),
            )
            if not company and opp.company_id is not None:
                firm = CompanyLinks(session, ctx.person_id).get(opp.company_id)
                company = firm.name if firm else ""
        if (
            data.contact_id is not None
            and ContactLinks(session, ctx.person_id).get(data.contact_id) is None
        ):
            raise NotFoundError(
                f"no contact with id {data.contact_id} in your network", field="contact_id"
            )
        row = InterviewRoundRepository(session, ctx.person_id).add(
            InterviewRound(**{**data.model_dump(), "company": company})
        )
        return _view(session, ctx.person_id, row)


def _round(session: Session, person_id: int, round_id: int) -> InterviewRound:
    return require(InterviewRoundRepository(session, person_id), round_id, _missing_round)


def _missing_round(round_id: int) -> NotFoundError:
    return NotFoundError(
        f"no interview round with id {round_id}; the list of rounds shows the ids",
        field="round_id",
        action=Action(ActionKind.INTERVIEW_ROUNDS),
    )


def list_rounds(ctx: AppContext, *, opportunity: int | None = None) -> list[RoundView]:
    with ctx.db.transaction() as session:
        repo = InterviewRoundRepository(session, ctx.person_id)
        rows = repo.for_opportunity(opportunity) if opportunity is not None else repo.list()
        return [_view(session, ctx.person_id, r) for r in rows]


def prep(ctx: AppContext, round_id: int, *, today: date | None = None) -> PrepView:
    """What this round's interviewer tests, the questions to expect, stories, questions to ask,
    the close, who you meet, the dossier, and a day-by-day plan up to the date."""
    now = today or date.today()
    with ctx.db.transaction() as session:
        row = _round(session, ctx.person_id, round_id)
        view = _view(session, ctx.person_id, row)
        earlier = [
            r.id
            for r in InterviewRoundRepository(session, ctx.person_id).list()
            if r.id != row.id
            and r.opportunity_id is not None
            and r.opportunity_id == row.opportunity_id
        ]
        asked = [
            f"{interview.OWN_PREFIX}{q.id}"
            for q in InterviewQuestionRepository(session, ctx.person_id).list()
            if q.round_id in earlier
        ]
        history = PracticeAttemptRepository(session, ctx.person_id).history()
        wins = {w.id: w.title for w in AccomplishmentLinks(session, ctx.person_id).list()}
        dossier = ""
        if view.company:
            for firm in CompanyLinks(session, ctx.person_id).list(name=view.company):
                dossier = " · ".join(
                    part
                    for part in (firm.industry, firm.size, firm.location, firm.research, firm.notes)
                    if part
                )
    questions = (
        interview.list_questions(
            ctx, occupation=row.occupation_code, opportunity=row.opportunity_id
        )
        if (row.occupation_code or row.opportunity_id)
        else interview.list_questions(ctx)
    )
    cards = practice.cards_from(history)
    weak = [
        k
        for k, c in cards.items()
        if c.last_rating is not None and c.last_rating <= practice.WEAK_RATING
    ]
    answerable = [
        (q.id, q.category, q.text, q.answered)
        for q in questions
        if q.category not in {"to_ask", "closing"}
    ]
    expected = rounds.expected_questions(row.round_type, answerable, asked_before=asked, weak=weak)
    story_of = {q.id: q.win_id for q in questions}
    expect = [
        ExpectedView(
            id=e.id,
            category=e.category,
            text=e.text,
            reason=e.reason,
            story=wins.get(story_of.get(e.id) or 0, ""),
        )
        for e in expected
    ]
    stories = list(dict.fromkeys(e.story for e in expect if e.story))
    bank = {q.id: q.text for q in load_question_bank().questions}
    rt = rounds.ROUND_TYPES[row.round_type]
    who = [w.strip() for w in row.interviewers.split(",") if w.strip()]
    if view.contact:
        who.append(view.contact)
    days = rounds.day_plan(row.round_type, row.scheduled_on, now, stories=len(stories))
    return PrepView(
        round=view,
        tests=rt.tests,
        expect=expect,
        stories=stories,
        to_ask=[bank[i] for i in rt.ask if i in bank],
        close=[bank[i] for i in CLOSES if i in bank],
        who=who,
        dossier=dossier,
        days=[DayView(on=d.on, tasks=list(d.tasks)) for d in days],
    )


def debrief(
    ctx: AppContext, round_id: int, values: dict[str, Any], *, today: date | None = None
) -> RoundView:
    """Save the debrief in one transaction: the questions asked join the bank (and, rated,
    the practice history, so weak ones come back first); the thank-you gets its due date."""
    now = today or date.today()
    data = validate(DebriefIn, values)
    with ctx.db.transaction() as session:
        row = _round(session, ctx.person_id, round_id)
        if row.scheduled_on is not None and row.scheduled_on > now:
            raise CareerError(
                f"the interview is on {row.scheduled_on.isoformat()}; write the debrief after it",
                field="round_id",
            )
        questions = InterviewQuestionRepository(session, ctx.person_id)
        attempts = PracticeAttemptRepository(session, ctx.person_id)
        session_uid = str(uuid.uuid4())
        keys = []
        for asked in data.asked:
            q = questions.add(
                InterviewQuestion(
                    category="own",
                    text=asked.text,
                    tests=f"Asked in your {rounds.ROUND_TYPES[row.round_type].label.lower()} "
                    "interview",
                    source="debrief",
                    occupation_code=row.occupation_code,
                    round_id=row.id,
                )
            )
            keys.append(f"{interview.OWN_PREFIX}{q.id}")
            if asked.rating is not None:
                attempts.add(
                    PracticeAttempt(
                        question_key=keys[-1],
                        practised_on=now,
                        rating=asked.rating,
                        notes="rated in the debrief",
                        session_uid=session_uid,
                    )
                )
        held_on = row.scheduled_on or now
        row.debrief = {
            "asked": [{"text": a.text, "rating": a.rating} for a in data.asked],
            "question_ids": keys,
            "went": data.went,
            "notes": data.notes,
            "next_step": data.next_step,
            "written_on": now.isoformat(),
        }
        row.thank_you_due = rounds.thank_you_due(held_on)
        row.thank_you_sent_on = data.thank_you_sent_on
        session.flush()
        return _view(session, ctx.person_id, row)


def due_items(ctx: AppContext, *, today: date | None = None) -> list[tuple[date, str, str, int]]:
    """(date, title, uid, round id) for coming interviews and unsent thank-you notes, for the
    calendar and ``career today``."""
    now = today or date.today()
    out = []
    with ctx.db.transaction() as session:
        for r in InterviewRoundRepository(session, ctx.person_id).list():
            label = rounds.ROUND_TYPES[r.round_type].label
            where = f" at {r.company}" if r.company else ""
            if r.scheduled_on is not None and r.scheduled_on >= now and not r.debrief:
                out.append((r.scheduled_on, f"Interview: {label}{where}", f"{r.uid}-round", r.id))
            if r.thank_you_due is not None and r.thank_you_sent_on is None:
                out.append(
                    (r.thank_you_due, f"Send thank-you: {label}{where}", f"{r.uid}-thanks", r.id)
                )
    return sorted(out)
