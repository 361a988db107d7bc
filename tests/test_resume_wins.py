"""The accomplishment log: bullets, STAR stories, storage and the ``career win`` commands."""

from __future__ import annotations

import json

import pytest

from careerceo.analysis.accomplishments import Win, missing_parts, parse_quick, to_bullet, to_star
from careerceo.errors import CareerError, NotFoundError
from careerceo.services import accomplishments as service
from careerceo.services.context import AppContext
from careerceo.store.tables import Position


@pytest.mark.parametrize(
    ("line", "bullet"),
    [
        (
            "Cut build time 40% by caching dependencies",
            "Cached dependencies, which cut build time 40%",
        ),
        (
            "Reduced churn 12% by planning quarterly reviews",
            "Planned quarterly reviews, which reduced churn 12%",
        ),
        (
            "Won 2 enterprise deals by running product demos",
            "Ran product demos, which won 2 enterprise deals",
        ),
        (
            "Automated billing reconciliation, saving 10 hours a week",
            "Automated billing reconciliation, saving 10 hours a week",
        ),
        ("Responsible for onboarding new hires", "Onboarded new hires"),
        # the weak opening goes, and the words after it still read as English
        (
            "was responsible for the month-end close for 3 subsidiaries, reducing close from "
            "10 to 6 days",
            "Led the month-end close for 3 subsidiaries, reducing close from 10 to 6 days",
        ),
        (
            "I was responsible for identifying and resolving ledger issues",
            "Identified and resolved ledger issues",
        ),
        ("helped the team migrate the GL to SAP", "Helped the team migrate the GL to SAP"),
        ("Participated in the ERP rollout", "Contributed to the ERP rollout"),
        (  # no "reporting,, which"
            "Automated SQL reporting, which cut report time 50%",
            "Automated SQL reporting, which cut report time 50%",
        ),
    ],
)
def test_quick_line_to_bullet(line: str, bullet: str) -> None:
    assert to_bullet(parse_quick(line)) == bullet


def test_metrics_are_found_and_appended() -> None:
    win = parse_quick("Grew newsletter signups 3x by rewriting the welcome email")
    assert win.metrics == "3x"
    win = Win(
        action="Rebuilt the onboarding flow", result="activation went up", metrics="from 31% to 44%"
    )
    assert to_bullet(win) == "Rebuilt the onboarding flow: activation went up (from 31% to 44%)"


def test_star_story_names_missing_parts() -> None:
    win = Win(
        situation="Stock-outs cost sales",
        action="built a demand forecast",
        result="stock-outs fell 18%",
    )
    story = to_star(win)
    assert story.splitlines()[0] == "Situation: Stock-outs cost sales."
    assert "Result: Stock-outs fell 18%." in story
    assert missing_parts(win) == []
    assert "add the situation" in to_star(Win(action="x"))
    assert missing_parts(Win(action="x")) == ["situation", "result", "metric"]


def test_service_crud_scoped_to_person(ctx: AppContext) -> None:
    with ctx.db.transaction() as s:
        position = Position(person_id=ctx.person_id, employer="Northwind", title="Analyst")
        s.add(position)
        s.flush()
        position_id = position.id
    saved = service.quick_win(
        ctx, "Cut report time 50% by automating SQL", position_id=position_id, skills=["SQL"]
    )
    assert saved.position == "Analyst at Northwind"
    assert saved.bullet == "Automated SQL, which cut report time 50%"
    updated = service.update_win(ctx, saved.id, {"situation": "Month-end took a week"})
    assert "Month-end took a week" in updated.star and updated.missing == []
    assert [w.id for w in service.list_wins(ctx)] == [saved.id]
    with pytest.raises(NotFoundError):
        service.quick_win(ctx, "x", position_id=999_999)
    with pytest.raises(CareerError, match="date"):
        service.update_win(ctx, saved.id, {"happened_on": "last tuesday"})
    service.remove_win(ctx, saved.id)
    assert service.list_wins(ctx) == []
    with pytest.raises(NotFoundError):
        service.get_win(ctx, saved.id)


def test_cli_win_and_wins(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("win", "Cut build time 40% by caching dependencies", "--skill", "CI")
    assert result.exit_code == 0, result.output
    assert "Cached dependencies, which cut build time 40%" in result.output
    listed = json.loads(cli("wins", "list", "--json").output)
    assert listed[0]["metrics"] == "40%" and listed[0]["skills"] == ["CI"]
    win_id = str(listed[0]["id"])
    assert cli("wins", "edit", win_id, "--situation", "CI took 30 minutes").exit_code == 0
    shown = cli("wins", "show", win_id)
    assert "Situation: CI took 30 minutes." in shown.output
    bad = cli("wins", "show", "999")
    assert bad.exit_code == 2 and "no win #999" in bad.output
    assert cli("win", "   ").exit_code == 2
    assert cli("wins", "remove", win_id, "--yes").exit_code == 0
    assert json.loads(cli("wins", "list", "--json").output) == []


def test_star_story_tells_actions_in_the_past_tense() -> None:
    story = to_star(parse_quick("Cut invoice processing time 40% by automating reconciliation"))
    assert "Action: Automated reconciliation." in story
    story = to_star(parse_quick("Ran the close, reducing close from 10 to 6 days"))
    assert "Result: Reduced close from 10 to 6 days." in story
    # a metric from the action is not pinned onto the missing result
    story = to_star(parse_quick("Onboarded 12 new hires"))
    assert "Result: (add the result)." in story


def test_a_win_logged_against_a_job_is_a_bullet_of_that_job_in_the_resume(
    sqlite_ctx: AppContext,
) -> None:
    from careerceo.documents.resume_layout import layout, plain_text
    from careerceo.services.resume import current_resume

    with sqlite_ctx.db.transaction() as s:
        position = Position(person_id=sqlite_ctx.person_id, employer="Northwind", title="Analyst")
        s.add(position)
        s.flush()
        position_id = position.id
    service.quick_win(sqlite_ctx, "Cut report time 50% by automating SQL", position_id=position_id)
    service.quick_win(sqlite_ctx, "Won the team hackathon")  # not tied to a job
    (job,) = current_resume(sqlite_ctx).positions
    assert job.highlights == ["Automated SQL, which cut report time 50%"]
    text = plain_text(layout(current_resume(sqlite_ctx)))
    assert "hackathon" not in text
    # the same accomplishment logged again in other words is not a second bullet
    service.quick_win(
        sqlite_ctx, "Automated SQL reporting, which cut report time 50%", position_id=position_id
    )
    service.quick_win(sqlite_ctx, "Led the close", position_id=position_id)
    (job,) = current_resume(sqlite_ctx).positions
    assert job.highlights == ["Led the close", "Automated SQL reporting, which cut report time 50%"]


def test_a_result_with_its_own_subject_does_not_follow_which() -> None:
    win = Win(action="moving 40 pipelines to Airflow", result="failed loads fell 70%")
    assert to_bullet(win) == "Moved 40 pipelines to Airflow: failed loads fell 70%"
    assert to_bullet(Win(action="Automated SQL", result="cut report time 50%")) == (
        "Automated SQL, which cut report time 50%"
    )
