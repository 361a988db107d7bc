"""What a coach reads of one granted area of a client, as plain tables.

Every function takes a context already scoped to the client by ``access.client_context`` (a
live grant was checked, the look was written to the client's audit log), so nothing here can
reach an area or a client the coach was not given. The tables are read-only summaries: the
coach advises, the client decides and edits.

Paths show only the reference collections the client marked for sharing: the profiles in them
are other people's careers, and a client who collected them for themselves did not agree to
show them to anyone.
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel

from careerceo.errors import CareerError
from careerceo.services.context import AppContext

INTERVIEW_DAYS_AHEAD = 14
TOP_PIVOTS = 10


class Section(BaseModel):
    key: str
    title: str
    columns: list[str]
    rows: list[list[str]]
    empty: str
    note: str = ""


def _text(value: object) -> str:
    return "" if value is None else str(value)


def sections(client: AppContext, area: str) -> list[Section]:
    """The tables of ``area`` (pivots, job-search, documents or paths) for the client."""
    build = {
        "pivots": _pivots,
        "job-search": _job_search,
        "documents": _documents,
        "paths": _paths,
    }.get(area)
    if build is None:
        raise CareerError(f"{area!r} has no coach's view here", field="area", status=404)
    return build(client)


def _pivots(client: AppContext) -> list[Section]:
    from careerceo.services import inventory, pivots

    entries = inventory.list_entries(client)
    out = [
        Section(
            key="inventory",
            title="Skills inventory",
            columns=["Kind", "Name", "Level", "Intent", "Evidence"],
            rows=[
                [e.kind, e.name, _text(e.level), _text(e.intent), _text(e.evidence)]
                for e in entries
            ],
            empty="No inventory entries yet.",
        )
    ]
    rows: list[list[str]] = []
    note = ""
    try:
        ranked = pivots.rank_pivots(client, limit=TOP_PIVOTS)
        rows = [
            [str(r.rank), r.title, r.kind_label, f"{r.score:.2f}", ", ".join(r.transfers[:3])]
            for r in ranked.rows
        ]
        note = f"Ranked from {ranked.basis}."
    except CareerError as exc:  # no profile yet, or no knowledge base on this server
        note = exc.message
    except FileNotFoundError:
        note = "the occupation data is not installed on this server, so pivots are not ranked"
    out.append(
        Section(
            key="pivots",
            title=f"Top {TOP_PIVOTS} doable pivots",
            columns=["#", "Occupation", "Kind", "Score", "What transfers"],
            rows=rows,
            empty="No pivots ranked.",
            note=note,
        )
    )
    return out


def _job_search(client: AppContext) -> list[Section]:
    from careerceo.services import contacts, interview_rounds, opportunities

    opps = opportunities.list_opportunities(client)
    rounds = interview_rounds.list_rounds(client)
    people = contacts.list_contacts(client, in_search=True).contacts
    return [
        Section(
            key="opportunities",
            title="Opportunities",
            columns=["Role", "Company", "Stage", "Next action", "Due"],
            rows=[
                [o.title, _text(o.company), o.stage, _text(o.next_action), _text(o.next_action_due)]
                for o in opps
            ],
            empty="No opportunities yet.",
        ),
        Section(
            key="rounds",
            title="Interview rounds",
            columns=["Date", "Round", "Company", "Debriefed"],
            rows=[
                [_text(r.scheduled_on), r.label, _text(r.company), "yes" if r.debrief else "no"]
                for r in rounds
            ],
            empty="No interview rounds yet.",
        ),
        Section(
            key="contacts",
            title="Contacts in the search",
            columns=["Name", "Company", "Title", "Relationship"],
            rows=[[c.name, _text(c.company), c.title, c.relationship] for c in people],
            empty="No contacts in the search.",
            note="Contact details (e-mail, phone) stay with the client.",
        ),
    ]


def _documents(client: AppContext) -> list[Section]:
    from careerceo.services import accomplishments, positions

    jobs = positions.list_positions(client)
    wins = accomplishments.list_wins(client)
    return [
        Section(
            key="positions",
            title="Positions (the résumé's experience)",
            columns=["Title", "Employer", "From", "To"],
            rows=[
                [p.title, p.employer, _text(p.start_date), _text(p.end_date) or "now"]
                for p in jobs
            ],
            empty="No positions yet.",
        ),
        Section(
            key="wins",
            title="Wins",
            columns=["Win", "Result", "When", "Résumé bullet"],
            rows=[
                [w.title, _text(w.result), _text(w.happened_on), _text(w.bullet)] for w in wins
            ],
            empty="No wins logged yet.",
        ),
    ]


def _paths(client: AppContext) -> list[Section]:
    from careerceo.services import paths

    shared = [c for c in paths.list_collections(client) if c.include_in_exports]
    if not shared:
        return [
            Section(
                key="paths",
                title="Paths of others",
                columns=[],
                rows=[],
                empty="The client has not chosen to share any reference profiles.",
            )
        ]
    out = []
    for collection in shared:
        profiles = paths.list_profiles(client, collection.name)
        out.append(
            Section(
                key=f"collection-{collection.id}",
                title=f"Paths: {collection.name}",
                columns=["Profile", "Positions (newest first)"],
                rows=[
                    [
                        p.alias or p.name,
                        "; ".join(
                            _text(getattr(pos, "title", "")) for pos in p.positions[:5]
                        ),
                    ]
                    for p in profiles
                ],
                empty="No profiles in this collection.",
                note=_text(collection.target) and f"Target: {collection.target}",
            )
        )
    return out


def due(client: AppContext, areas: dict[str, str], today: date | None = None) -> list[str]:
    """What needs attention, from the granted areas only: reviews missed (direction);
    follow-ups, next steps and opportunities' next actions due, and interviews in the next
    two weeks (job search)."""
    from careerceo.services import direction, interview_rounds
    from careerceo.services.today import job_search_due

    now = today or date.today()
    out: list[str] = []
    if "direction" in areas:
        schedule = direction.review_due(client, now)
        out += [f"review missed: {m}" for m in schedule.missed]
        if schedule.overdue or schedule.due:
            out.append(schedule.message)
    if "job-search" in areas:
        for item in job_search_due(client, now):
            late = (now - item.due).days
            when = f"{late} day(s) overdue" if late > 0 else "due today"
            out.append(f"{item.kind.value}: {item.title} ({when})")
        horizon = now + timedelta(days=INTERVIEW_DAYS_AHEAD)
        for on, title, _, _ in interview_rounds.due_items(client, today=now):
            if title.startswith("Interview") and on <= horizon:
                out.append(f"interview upcoming: {title} on {on}")
    return out
