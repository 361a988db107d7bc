"""The three macro-challenges, from whatever data the person has: reviews, goals, signals,
wins, saved postings, tailored versions, opportunities and contacts."""

from __future__ import annotations

from datetime import date, timedelta

from careerceo.analysis.challenges import (
    ChallengeInputs,
    ExitState,
    SignalsSummary,
    macro_challenges,
)
from careerceo.model.direction import GoalStatus
from careerceo.services import exit_plan
from careerceo.services.context import AppContext
from careerceo.services.direction.common import Repos, is_overdue, today_or
from careerceo.services.direction.history import drift, review_history, trend
from careerceo.services.direction.signals import signals_history
from careerceo.services.direction.views import ChallengeView, SignalView
from careerceo.store.accomplishments import AccomplishmentRepository
from careerceo.store.documents import DocumentRepository, JobPostingRepository
from careerceo.store.job_search import (
    ContactRepository,
    InteractionRepository,
    OpportunityRepository,
    StageChangeRepository,
)
from careerceo.text.fold import fold


def _summary(latest: SignalView | None) -> SignalsSummary | None:
    if latest is None:
        return None
    return SignalsSummary(
        latest.taken_on.isoformat(),
        latest.overall or 0.0,
        latest.scores.recommend_pivot,
        tuple(latest.scores.high),
    )


def _said(text: str) -> str:
    return fold(text).rstrip(".")


def _wins(repos: Repos, log: AccomplishmentRepository) -> int:
    """Wins count wherever they were written: the accomplishment log and the "wins" of the
    monthly reviews (the same win written in both counts once)."""
    titles = [a.title for a in log.list()]
    logged = {_said(t) for t in titles}
    in_reviews = {
        _said(str(w))
        for r in repos.reviews.list()
        for w in (r.details or {}).get("wins", [])
        if str(w).strip()
    }
    return len(titles) + len(in_reviews - logged)


def challenges(ctx: AppContext, today: date | None = None) -> list[ChallengeView]:
    now = today_or(today)
    rows = review_history(ctx, now)
    signals = signals_history(ctx)
    month_ago = now - timedelta(days=30)
    leaving = exit_plan.current_summary(ctx, today=now)
    with ctx.db.transaction() as s:
        pid = ctx.person_id
        repos = Repos(s, pid)
        found = drift(repos, now)
        active = {g.id for g in repos.goals.list() if g.status == GoalStatus.ACTIVE}
        overdue = sum(
            1 for m in repos.milestones.list() if m.goal_id in active and is_overdue(m, now)
        )
        inputs = ChallengeInputs(
            trend=trend(rows),
            active_goals=len(active),
            overdue_milestones=overdue,
            findings=found,
            signals=_summary(signals[-1] if signals else None),
            opportunities_by_stage=OpportunityRepository(s, pid).count_by_stage(),
            contacts=ContactRepository(s, pid).count(),
            accomplishments=_wins(repos, AccomplishmentRepository(s, pid)),
            saved_postings=JobPostingRepository(s, pid).count(),
            tailored_versions=DocumentRepository(s, pid).count_tailored(),
            outreach_30d=InteractionRepository(s, pid).count_since(month_ago),
            advanced_30d=StageChangeRepository(s, pid).advanced_since(month_ago),
            exit_plan=None
            if leaving is None
            else ExitState(
                leaving.last_day.isoformat(),
                leaving.days_left,
                leaving.open_items,
                leaving.done_items,
                leaving.overdue,
            ),
        )
    return list(macro_challenges(inputs))
