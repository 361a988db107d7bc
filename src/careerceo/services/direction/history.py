"""The reviews scored in month order, the drift they show, the schedule and the history rows.

Scores are computed here rather than read from the stored ``breakdown``, so that a review
saved before a change to the formula (or to its goals) reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from careerceo.analysis.alignment import ReviewData, carry_progress, score_review
from careerceo.analysis.drift import Finding, ReviewRecord, detect_drift
from careerceo.analysis.schedule import review_schedule
from careerceo.model.months import month_of
from careerceo.services.context import AppContext
from careerceo.services.direction.common import Repos, infos, review_data, today_or
from careerceo.services.direction.views import DueView, FindingView, HistoryRow


def records(repos: Repos) -> list[ReviewRecord]:
    """Every review scored now, in month order."""
    ginfo, minfo = infos(repos.goals.list(), repos.milestones.list())
    scored: list[ReviewRecord] = []
    previous: ReviewData | None = None
    for r in repos.reviews.list():
        data = review_data(r.month, repos.reviews.details(r))
        scored.append(ReviewRecord(data, score_review(data, ginfo, minfo, previous)))
        previous = carry_progress(previous, data)
    return scored


def drift(repos: Repos, today: date) -> list[Finding]:
    ginfo, minfo = infos(repos.goals.list(), repos.milestones.list())
    scored = records(repos)
    schedule = review_schedule({r.data.month for r in scored}, today)
    return detect_drift(scored, ginfo, minfo, today, schedule.missed)


def findings(repos: Repos, today: date) -> list[FindingView]:
    return [FindingView.model_validate(f) for f in drift(repos, today)]


def drift_findings(ctx: AppContext, today: date | None = None) -> list[FindingView]:
    with ctx.db.transaction() as s:
        return findings(Repos(s, ctx.person_id), today_or(today))


def review_due(ctx: AppContext, today: date | None = None) -> DueView:
    with ctx.db.transaction() as s:
        months = Repos(s, ctx.person_id).reviews.months()
    schedule = review_schedule(months, today_or(today))
    return DueView(
        next_month=schedule.next_month,
        due=schedule.due,
        overdue=schedule.overdue,
        missed=list(schedule.missed),
        message=schedule.message,
    )


def default_review_month(ctx: AppContext, today: date | None = None) -> str:
    """The month a new review should cover: the oldest one waiting, else the current one."""
    now = today_or(today)
    return min(review_due(ctx, now).next_month, month_of(now))


def review_history(ctx: AppContext, today: date | None = None) -> list[HistoryRow]:
    """One row per month from the first review to now; missed months included, marked."""
    now = today_or(today)
    with ctx.db.transaction() as s:
        repos = Repos(s, ctx.person_id)
        reviews = {r.month: repos.reviews.details(r) for r in repos.reviews.list()}
        titles = {g.uid: g.title for g in repos.goals.list()}
        scored = {r.data.month: r.alignment for r in records(repos)}
    rows: list[HistoryRow] = []
    for state in review_schedule(set(reviews), now).timeline:
        details = reviews.get(state.month)
        if details is None:
            rows.append(
                HistoryRow(
                    month=state.month,
                    state=state.state,
                    alignment=None,
                    goals={},
                    new_skills=0,
                    wins=0,
                )
            )
            continue
        score = scored[state.month]
        rows.append(
            HistoryRow(
                month=state.month,
                state="reviewed",
                alignment=score.overall,
                goals={titles.get(g.goal_key, g.title): g.score for g in score.goals},
                new_skills=len(details.new_skills),
                wins=len(details.wins),
            )
        )
    return rows


def trend(rows: Sequence[HistoryRow]) -> list[tuple[str, float | None]]:
    """Chart points; the current month is left out until it is reviewed."""
    return [(r.month, r.alignment) for r in rows if r.state != "current" or r.alignment is not None]
