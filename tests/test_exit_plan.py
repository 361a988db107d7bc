"""Leaving well: the dated checklist, keep-in-touch dates, covenant flags (noted, never
interpreted), and the exit commands with bad input refused and nothing half-saved."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from careerceo.analysis import exit_plan as leaving
from careerceo.errors import CareerError
from careerceo.services import exit_plan as service
from careerceo.services.context import AppContext
from careerceo.store.interview_repositories import ContactLinks
from careerceo.store.tables import Contact

TODAY = date(2027, 3, 1)


def test_checklist_dates_follow_the_last_day_and_never_fall_in_the_past() -> None:
    last = TODAY + timedelta(days=40)
    steps = dict(leaving.default_checklist(last, None, TODAY))
    assert steps[leaving.NOTICE[0]] == last - timedelta(days=28)
    assert steps["Ask for references while your work is fresh"] == last - timedelta(days=10)
    soon = TODAY + timedelta(days=3)
    early = dict(leaving.default_checklist(soon, TODAY, TODAY))
    assert leaving.NOTICE[0] not in early  # notice already given
    assert early["Ask for references while your work is fresh"] == TODAY
    assert min(early.values()) >= TODAY


def test_follow_ups_continue_after_the_last_day_at_the_cadence() -> None:
    last = date(2027, 1, 31)
    assert leaving.next_follow_up(last, 30, date(2027, 1, 10)) == date(2027, 3, 2)
    # months later: the next multiple of the cadence on or after today
    assert leaving.next_follow_up(last, 30, date(2027, 4, 2)) == date(2027, 5, 1)
    assert leaving.next_follow_up(last, 30, date(2027, 5, 1)) == date(2027, 5, 1)


def test_covenants_flag_what_they_touch_by_link_or_by_type() -> None:
    items = [
        leaving.Item("r1", "relationship", "Ana"),
        leaving.Item("h1", "handover", "Pricing model"),
        leaving.Item("h2", "handover", "Runbook"),
        leaving.Item("c1", "covenant", "12-month non-solicit", covenant_type="non_solicit"),
        leaving.Item(
            "c2", "covenant", "Trade secrets", covenant_type="confidentiality", touches=("h1",)
        ),
        leaving.Item("c3", "covenant", "Dropped", covenant_type="non_solicit", status="dropped"),
    ]
    flags = leaving.covenant_flags(items)
    pairs = {(f.item_uid, f.covenant_uid) for f in flags}
    assert pairs == {("r1", "c1"), ("h1", "c2")}
    assert all("not legal advice" in f.message for f in flags)


def _contact(ctx: AppContext, name: str) -> int:
    with ctx.db.transaction() as session:
        return ContactLinks(session, ctx.person_id).add(Contact(name=name)).id


def test_an_exit_plan_through_the_service(sqlite_ctx: AppContext) -> None:
    ctx = sqlite_ctx
    last = TODAY + timedelta(days=30)
    plan = service.new_plan(ctx, {"last_day": last.isoformat()}, today=TODAY)
    assert plan.days_left == 30 and len(plan.items) == len(leaving.CHECKLIST) + 1
    ana = _contact(ctx, "Ana Ruiz")
    rel = service.add_item(
        ctx,
        {"kind": "relationship", "title": "Ana", "contact_id": ana, "cadence_days": 30},
        today=TODAY,
    )
    assert rel.contact == "Ana Ruiz" and rel.next_follow_up == last + timedelta(days=30)
    handover = service.add_item(
        ctx,
        {"kind": "handover", "title": "Client pricing model", "counterpart": "Sam"},
        today=TODAY,
    )
    cov = service.add_item(
        ctx,
        {"kind": "covenant", "title": "No poaching clients", "covenant_type": "non-solicit"},
        today=TODAY,
    )
    assert cov.covenant_type == "non_solicit"
    shown = service.show(ctx, today=TODAY)
    by_id = {i.id: i for i in shown.items}
    assert by_id[rel.id].flags and not by_id[handover.id].flags
    # linked to a contact: the network's follow-ups carry it on, at the item's cadence
    assert not any("Ana" in d.title for d in shown.due)
    with ctx.db.transaction() as session:
        contact = ContactLinks(session, ctx.person_id).get(ana)
        assert contact is not None and contact.cadence_days == 30
    service.add_item(ctx, {"kind": "relationship", "title": "Bo (ex-client)"}, today=TODAY)
    shown = service.show(ctx, today=TODAY)
    bo = next(d for d in shown.due if "Bo" in d.title)
    assert bo.kind == "follow_up" and bo.on == last + timedelta(days=leaving.DEFAULT_CADENCE)
    assert shown.due[0].on <= shown.due[-1].on
    service.update_item(ctx, handover.id, {"status": "done"}, today=TODAY)
    summary = service.current_summary(ctx, today=TODAY)
    assert summary is not None and summary.done_items == 1
    # bad input: nothing saved
    before = len(service.show(ctx, today=TODAY).items)
    for bad, field in (
        ({"kind": "handover", "title": " "}, "title"),
        ({"kind": "gossip", "title": "x"}, "kind"),
        ({"kind": "covenant", "title": "x"}, "covenant_type"),
        ({"kind": "relationship", "title": "Bo", "contact_id": 999}, "contact_id"),
        ({"kind": "relationship", "title": "Bo", "cadence_days": 2}, "cadence_days"),
        ({"kind": "covenant", "title": "x", "covenant_type": "other", "touches": [999]}, "touches"),
    ):
        with pytest.raises(CareerError) as caught:
            service.add_item(ctx, bad, today=TODAY)
        assert field in (caught.value.field or "") + caught.value.message, (bad, caught.value)
    assert len(service.show(ctx, today=TODAY).items) == before
    with pytest.raises(CareerError, match="already have an exit plan"):
        service.new_plan(ctx, {"last_day": last.isoformat()}, today=TODAY)
    with pytest.raises(CareerError, match="in the past"):
        service.edit_plan(ctx, {"last_day": (TODAY - timedelta(1)).isoformat()}, today=TODAY)


def test_exit_commands(cli) -> None:  # type: ignore[no-untyped-def]
    past = cli("exit", "new", "--last-day", "2001-01-31")
    assert past.exit_code == 2 and "in the past" in past.output
    none = cli("exit", "show", "--json")
    assert none.exit_code != 0 and "career exit new" in none.output
    last = (date.today() + timedelta(days=45)).isoformat()
    made = cli("exit", "new", "--last-day", last, "--json")
    assert made.exit_code == 0, made.output
    assert json.loads(made.output)["last_day"] == last
    added = cli("exit", "add-item", "handover", "Payroll runbook", "--with", "Sam", "--json")
    assert added.exit_code == 0, added.output
    hid = json.loads(added.output)["id"]
    cov = cli(
        "exit",
        "add-item",
        "--kind",
        "covenant",
        "--title",
        "Confidential data",
        "--covenant-type",
        "confidentiality",
        "--touches",
        str(hid),
    )
    assert cov.exit_code == 0 and "may touch 'Payroll runbook'" in cov.output
    bad = cli("exit", "add-item", "dispute", "Expense claim", "--due", "2027-13-01")
    assert bad.exit_code == 2 and "due_on" in bad.output
    shown = json.loads(cli("exit", "show", "--json").output)
    kinds = {i["kind"] for i in shown["items"]}
    assert {"checklist", "handover", "covenant"} <= kinds and "dispute" not in kinds
    handover = next(i for i in shown["items"] if i["id"] == hid)
    assert handover["flags"] and shown["note"].startswith("Noted")
    done = cli("exit", "update-item", str(hid), "--status", "done")
    assert done.exit_code == 0
    due = json.loads(cli("exit", "due", "--json").output)
    assert all(d["title"] != "Payroll runbook" for d in due)
    assert any(d["kind"] == "last_day" for d in due)


def test_exit_dates_go_into_the_calendar(sqlite_ctx: AppContext) -> None:
    from icalendar import Calendar

    from careerceo.services import direction

    last = TODAY + timedelta(days=20)
    service.new_plan(sqlite_ctx, {"last_day": last.isoformat()}, today=TODAY)
    raw = direction.calendar_ics(sqlite_ctx, today=TODAY)
    events = {
        str(e.get("summary")): e.decoded("dtstart") for e in Calendar.from_ical(raw).walk("VEVENT")
    }
    assert events["Exit: Last day in the role"] == last
    assert events["Exit: Ask for references while your work is fresh"] == last - timedelta(10)


def test_the_resignation_letter_uses_only_recorded_facts(sqlite_ctx: AppContext) -> None:
    from careerceo.services import positions, profile

    profile.update_profile(sqlite_ctx, {"full_name": "Zoë Example"})
    positions.add_position(
        sqlite_ctx, {"employer": "Acme", "title": "Support Lead", "start_date": "2020-01"}
    )
    last = TODAY + timedelta(days=30)
    service.new_plan(sqlite_ctx, {"last_day": last.isoformat()}, today=TODAY)
    service.add_item(sqlite_ctx, {"kind": "handover", "title": "the payroll runbook"}, today=TODAY)
    text = service.resignation_letter(sqlite_ctx, today=TODAY)
    assert "my position as Support Lead at Acme" in text
    assert "31 March 2027" in text and text.startswith("1 March 2027")
    assert "the payroll runbook" in text and text.rstrip().endswith("Zoë Example")
    assert "[manager's name]" in text  # unknown: a blank, never a guess
    digits = {c for c in text if c.isdigit()}
    assert digits <= set("2017031")  # no figure beyond the dates


def test_exit_and_thank_you_dates_show_in_career_today(sqlite_ctx: AppContext) -> None:
    from careerceo.services import interview_rounds
    from careerceo.services.today import today_items

    service.new_plan(sqlite_ctx, {"last_day": (TODAY + timedelta(5)).isoformat()}, today=TODAY)
    held = interview_rounds.add_round(
        sqlite_ctx, {"round_type": "final", "company": "Beta", "scheduled_on": "2027-02-27"}
    )
    interview_rounds.debrief(sqlite_ctx, held.id, {"went": 4}, today=TODAY)
    items = today_items(sqlite_ctx, TODAY)
    by_title = {i.title: i for i in items}
    refs = by_title["Ask for references while your work is fresh"]
    assert refs.kind == "exit" and refs.target == "exit" and refs.due == TODAY
    thanks = by_title["Send thank-you: Final at Beta"]
    assert thanks.due == date(2027, 2, 28) and thanks.overdue_days == 1
    assert thanks.target == "round" and thanks.target_id == held.id
    assert "Last day in the role" not in by_title  # five days ahead: not due yet


def test_the_leaving_challenge_reads_the_exit_plan(sqlite_ctx: AppContext) -> None:
    from careerceo.services import direction

    before = {c.id: c for c in direction.challenges(sqlite_ctx, TODAY)}["leaving"]
    assert before.status == "no data yet"
    service.new_plan(sqlite_ctx, {"last_day": (TODAY + timedelta(20)).isoformat()}, today=TODAY)
    on_time = {c.id: c for c in direction.challenges(sqlite_ctx, TODAY)}["leaving"]
    assert on_time.status == "on track" and "2027-03-21" in on_time.headline
    later = TODAY + timedelta(15)  # notice (-28) and references (-10) are now overdue
    late = {c.id: c for c in direction.challenges(sqlite_ctx, later)}["leaving"]
    assert late.status == "act" and "2 exit items overdue" in late.headline
    assert any("days left" in e for e in late.evidence)
