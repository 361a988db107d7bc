"""Interview answers, practice history, 30-60-90 plans and the exit plan survive export and
import into an empty database: the same views come back, links (story wins, covenant
touches) included."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from careerceo.services import accomplishments, backup, interview, plan306090
from careerceo.services import exit_plan as leaving
from careerceo.services.context import AppContext
from conftest import make_context

TODAY = date(2027, 3, 1)


def _views(ctx: AppContext) -> tuple[object, ...]:
    answer = interview.get_answer(ctx, "beh-12")
    exit_view = leaving.show(ctx, today=TODAY).model_dump(exclude={"id"})
    for item in exit_view["items"]:
        item.pop("id")
        item.pop("touches")
    plans = [p.model_dump(exclude={"id"}) for p in plan306090.list_plans(ctx)]
    stats = interview.stats(ctx, today=TODAY).model_dump()
    return (answer and (answer.text, answer.warnings), exit_view, plans, stats)


def test_everything_new_survives_a_round_trip(sqlite_ctx: AppContext, tmp_path: Path) -> None:
    ctx = sqlite_ctx
    win = accomplishments.quick_win(ctx, "Cut build time 40% by caching dependencies")
    interview.save_answer(ctx, {"question_id": "beh-12", "text": "I cut it 40%.", "win_id": win.id})
    interview.record_session(
        ctx,
        [{"question_id": "beh-12", "rating": 2}, {"question_id": "gen-01", "rating": 4}],
        today=TODAY,
    )
    plan306090.new_plan(ctx, {"occupation_code": "15-1252.00"})
    leaving.new_plan(ctx, {"last_day": (TODAY + timedelta(30)).isoformat()}, today=TODAY)
    handover = leaving.add_item(ctx, {"kind": "handover", "title": "Runbook"}, today=TODAY)
    leaving.add_item(
        ctx,
        {
            "kind": "covenant",
            "title": "NDA",
            "covenant_type": "confidentiality",
            "touches": [handover.id],
        },
        today=TODAY,
    )
    before = _views(ctx)
    text = backup.export_backup(ctx)
    target = make_context(f"sqlite:///{tmp_path / 'copy.db'}", tmp_path / "copy")
    _ = target.person_id
    written = backup.import_backup(target, text)
    assert written["exit_item"] >= 2 and written["practice_attempt"] == 2
    after = _views(target)
    assert after == before
    restored = leaving.show(target, today=TODAY)
    cov = next(i for i in restored.items if i.kind == "covenant")
    runbook = next(i for i in restored.items if i.title == "Runbook")
    assert cov.touches == [runbook.id] and runbook.flags
    assert interview.get_answer(target, "beh-12").win_id is not None  # type: ignore[union-attr]
    target.db.dispose()
