"""The three macro-challenges, from whatever data the person has: reviews, goals, signals,
wins, saved postings, tailored versions, opportunities and contacts."""

from __future__ import annotations

from datetime import date, timedelta

from careerceo.analysis.challenges import ChallengeInputs, SignalsSummary, macro_challenges
from careerceo.model.direction import GoalStatus
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


def _summary(latest: SignalView | None) -> SignalsSummary | None:
    if latest is None:
        return None
    return SignalsSummary(
        latest.taken_on.isoformat(),
        latest.overall or 0.0,
        latest.scores.recommend_pivot,
        tuple(latest.scores.high),
    )


def challenges(ctx: AppContext, today: date | None = None) -> list[ChallengeView]:
    now = today_or(today)
    rows = review_history(ctx, now)
    signals = signals_history(ctx)
    month_ago = now - timedelta(days=30)
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
            accomplishments=AccomplishmentRepository(s, pid).count(),
            saved_postings=JobPostingRepository(s, pid).count(),
            tailored_versions=DocumentRepository(s, pid).count_tailored(),
            outreach_30d=InteractionRepository(s, pid).count_since(month_ago),
            advanced_30d=StageChangeRepository(s, pid).advanced_since(month_ago),
        )
    return [ChallengeView.model_validate(c) for c in macro_challenges(inputs)]
