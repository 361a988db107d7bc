"""``career today``: follow-ups, next steps, next actions, milestones and the review that are
due or overdue, in one list; and the job-search events of the calendar feed."""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel

from careerceo.actions import Action
from careerceo.analysis.cadence import follow_up_due
from careerceo.analysis.today import DueItem, DueKind, Target, action_for, agenda, overdue_days
from careerceo.documents.icalendar import DueEvent
from careerceo.model.months import last_day
from careerceo.services import direction
from careerceo.services.contacts import contact_state
from careerceo.services.context import AppContext
from careerceo.store.job_search import (
    CompanyRepository,
    ContactRepository,
    InteractionRepository,
    OpportunityRepository,
)

CALENDAR_DAYS_AHEAD = 180


class TodayItem(BaseModel):
    due: date
    kind: str
    title: str
    detail: str
    target: Target
    target_id: int | None
    month: str | None
    overdue_days: int

    @property
    def action(self) -> Action:
        """What to do about the item; the web makes it a link, the CLI a command."""
        return action_for(self.target, self.target_id, self.month)


def _job_search_items(ctx: AppContext, until: date) -> list[DueItem]:
    """Follow-ups, interaction next steps and opportunity next actions due by ``until``.

    Three queries in all, each returning only the columns shown (names joined in SQL), so
    the list stays fast with a network of thousands.
    """
    items: list[DueItem] = []
    with ctx.db.transaction() as session:
        targets = CompanyRepository(session, ctx.person_id).target_ids()
        followed = ContactRepository(session, ctx.person_id).followed(targets)
        steps = InteractionRepository(session, ctx.person_id).open_next_steps(until)
        actions = OpportunityRepository(session, ctx.person_id).due_actions(until)
    for contact in followed:
        spoke = contact.last_contact
        state, cadence = contact_state(contact, spoke, targets)
        when = follow_up_due(state)
        if when is None or when > until:
            continue
        items.append(
            DueItem(
                when,
                DueKind.FOLLOW_UP,
                f"Follow up with {contact.name}"
                + (f" ({contact.company})" if contact.company else ""),
                f"last spoke {spoke}, every {cadence} days"
                if spoke
                else "no conversation logged yet",
                Target.CONTACT,
                contact.id,
            )
        )
    for step in steps:
        items.append(
            DueItem(
                step.follow_up_on,
                DueKind.NEXT_STEP,
                f"{step.next_step} ({step.contact})",
                f"agreed on {step.happened_on} by {step.channel}",
                Target.CONTACT,
                step.contact_id,
            )
        )
    for opp in actions:
        items.append(
            DueItem(
                opp.next_action_due,
                DueKind.NEXT_ACTION,
                f"{opp.next_action or 'Next action'}: {opp.title}"
                + (f" at {opp.company}" if opp.company else ""),
                f"stage {opp.stage}",
                Target.OPPORTUNITY,
                opp.id,
            )
        )
    return items


def job_search_due(ctx: AppContext, today: date) -> list[DueItem]:
    """Follow-ups, next steps and next actions due by ``today``, oldest first (a coach's
    client list shows them when the client shared the job search)."""
    return agenda(_job_search_items(ctx, today), today)


def _direction_items(ctx: AppContext, today: date) -> list[DueItem]:
    items = [
        DueItem(
            m.due_date,
            DueKind.MILESTONE,
            f"Milestone: {m.title}",
            m.measure,
            Target.MILESTONE,
            m.id,
        )
        for m in direction.list_milestones(ctx, today=today)
        if m.status == "open" and m.due_date is not None and m.due_date <= today
    ]
    schedule = direction.review_due(ctx, today)
    if schedule.due:
        month = schedule.next_month
        due = min(last_day(month) + timedelta(days=1), today)
        items.append(
            DueItem(
                due,
                DueKind.REVIEW,
                f"Monthly review of {month}",
                schedule.message,
                Target.REVIEW,
                None,
                month,
            )
        )
    return items


def _interview_and_exit_items(ctx: AppContext, today: date) -> list[DueItem]:
    """Interviews and thank-you notes from the rounds; the exit plan's open dated steps."""
    from careerceo.services import exit_plan, interview_rounds

    items = [
        DueItem(on, DueKind.INTERVIEW, title, "from your interview rounds", Target.ROUND, rid)
        for on, title, _, rid in interview_rounds.due_items(ctx, today=today)
        if on <= today
    ]
    items += [
        DueItem(d.on, DueKind.EXIT, d.title, f"exit plan ({d.kind.replace('_', ' ')})", Target.EXIT)
        for d in exit_plan.due_items(ctx, today=today)
        if d.on <= today
    ]
    return items


def today_items(ctx: AppContext, today: date | None = None) -> list[TodayItem]:
    now = today or date.today()
    due = agenda(
        [
            *_job_search_items(ctx, now),
            *_direction_items(ctx, now),
            *_interview_and_exit_items(ctx, now),
        ],
        now,
    )
    return [
        TodayItem(
            due=item.due,
            kind=item.kind.value,
            title=item.title,
            detail=item.detail,
            target=item.target,
            target_id=item.target_id,
            month=item.month,
            overdue_days=overdue_days(item, now),
        )
        for item in due
    ]


EVENTS_PER_DAY = 3  # more of one kind on one day become one event that lists them

_PREFIX = {
    DueKind.FOLLOW_UP: "follow-up",
    DueKind.NEXT_STEP: "next-step",
    DueKind.NEXT_ACTION: "next-action",
}
_GROUP_TITLE = {
    DueKind.FOLLOW_UP: "Follow up with {n} people",
    DueKind.NEXT_STEP: "{n} next steps with your contacts",
    DueKind.NEXT_ACTION: "{n} next actions on opportunities",
}
GROUP_LISTED = 40


def calendar_events(ctx: AppContext, today: date) -> list[DueEvent]:
    """Follow-ups, next steps and next actions dated up to six months ahead, for the feed.

    Overdue follow-ups land on today; when one day holds more than a few of one kind they
    become one event listing them (a calendar with two hundred events on one morning is read
    by no one, and the feed stays small enough to fetch quickly).
    """
    days: dict[tuple[date, DueKind], list[DueItem]] = {}
    for item in _job_search_items(ctx, today + timedelta(days=CALENDAR_DAYS_AHEAD)):
        when = max(item.due, today) if item.kind is DueKind.FOLLOW_UP else item.due
        days.setdefault((when, item.kind), []).append(item)
    events = []
    for (when, kind), items in sorted(days.items(), key=lambda pair: (pair[0][0], pair[0][1])):
        if len(items) <= EVENTS_PER_DAY:
            events += [
                DueEvent(
                    f"{item.target.value}-{item.target_id}",
                    item.title,
                    when,
                    item.detail,
                    prefix=_PREFIX[kind],
                )
                for item in items
            ]
            continue
        items.sort(key=lambda i: (i.due, i.title.casefold()))  # the longest waiting first
        listed = [
            f"- {i.title.removeprefix('Follow up with ')} ({i.detail})"
            for i in items[:GROUP_LISTED]
        ]
        if len(items) > GROUP_LISTED:
            listed.append(f"and {len(items) - GROUP_LISTED} more (see Today in Career CEO)")
        events.append(
            DueEvent(
                f"day-{when.isoformat()}",
                _GROUP_TITLE[kind].format(n=len(items)),
                when,
                "\n".join(listed),
                prefix=_PREFIX[kind],
            )
        )
    return events
