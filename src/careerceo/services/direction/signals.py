"""The warning-signs check: score the answers, keep them, compare with the check before."""

from __future__ import annotations

from datetime import date

from careerceo.analysis.signals import compare, score_signals
from careerceo.errors import CareerError
from careerceo.model.direction import SignalsIn
from careerceo.model.direction_records import DimensionRecord, SignalScores
from careerceo.services.context import AppContext
from careerceo.services.direction.common import Repos, today_or
from careerceo.services.direction.views import SignalView
from careerceo.store.direction import SignalRepository
from careerceo.store.tables import SignalAssessment


def take_signals(ctx: AppContext, data: SignalsIn, today: date | None = None) -> SignalView:
    try:
        result = score_signals(data.answers)
    except ValueError as exc:
        raise CareerError(str(exc), field="answers") from exc
    scores = SignalScores(
        dimensions=[DimensionRecord.model_validate(d) for d in result.scores],
        high=list(result.high),
        recommend_pivot=result.recommend_pivot,
        recommendation=result.recommendation,
    )
    with ctx.db.transaction() as s:
        repo = Repos(s, ctx.person_id).signals
        row = repo.record(data.taken_on or today_or(today), data.answers, scores, result.overall)
        return _view(repo, row, repo.previous(row))


def _view(
    repo: SignalRepository, row: SignalAssessment, previous: SignalAssessment | None
) -> SignalView:
    scores = repo.scores(row)
    changes = (
        compare(repo.scores(previous).by_dimension(), scores.by_dimension())
        if previous is not None
        else {}
    )
    return SignalView(
        id=row.id,
        taken_on=row.taken_on,
        answers=repo.answers(row),
        scores=scores,
        overall=row.overall,
        changes=changes,
    )


def signals_history(ctx: AppContext) -> list[SignalView]:
    """Oldest first, each with its change since the one before."""
    with ctx.db.transaction() as s:
        repo = Repos(s, ctx.person_id).signals
        rows = list(repo.list())
        return [_view(repo, r, rows[i - 1] if i else None) for i, r in enumerate(rows)]
