"""Cadence, due logic, stage statistics and name matching on hand-built data."""

from __future__ import annotations

from datetime import date

from careerceo.analysis.cadence import (
    ContactState,
    default_cadence,
    due_follow_ups,
    effective_cadence,
    follow_up_due,
    quiet_contacts,
)
from careerceo.analysis.email_stage import suggest_stage
from careerceo.analysis.names import company_key, person_key
from careerceo.analysis.pipeline import History, stage_statistics, stays
from careerceo.analysis.today import DueItem, DueKind, Target, agenda

D = date


def test_company_names_match_after_suffixes_and_case_never_by_substring() -> None:
    assert company_key("Google") == company_key("Google LLC") == company_key("google")
    assert company_key("Google, Inc.") == "google"
    assert company_key("Alphabet") != company_key("Google")
    assert company_key("Googleplex Ltd") != company_key("Google")  # no substring matching
    for placeholder in ("N/A", "Self-employed", "Confidential", "", "  "):
        assert company_key(placeholder) is None
    assert company_key("Société Générale SA") == company_key("societe generale")


def test_person_key_folds_case_and_accents() -> None:
    assert person_key("José  Núñez") == person_key("jose nunez")


def test_only_people_in_the_search_get_a_default_cadence() -> None:
    assert effective_cadence(None, ["peer"], in_search=False, at_target=False) is None
    assert effective_cadence(None, ["peer"], in_search=True, at_target=False) == 90
    assert (
        effective_cadence(None, ["peer", "decision maker"], in_search=False, at_target=True) == 30
    )
    assert effective_cadence(14, [], in_search=False, at_target=False) == 14
    assert effective_cadence(0, ["decision maker"], in_search=True, at_target=True) is None
    assert default_cadence([]) == 60


def test_follow_up_due_counts_from_the_last_interaction_and_honours_snooze_and_retire() -> None:
    base = ContactState(1, "Ada", 30, D(2026, 1, 1), D(2025, 6, 1))
    assert follow_up_due(base) == D(2026, 1, 31)
    never = ContactState(2, "Bo", 30, None, D(2025, 6, 1))
    assert follow_up_due(never) == D(2025, 6, 1)
    snoozed = ContactState(1, "Ada", 30, D(2026, 1, 1), D(2025, 6, 1), snoozed_until=D(2026, 3, 1))
    assert follow_up_due(snoozed) == D(2026, 3, 1)
    retired = ContactState(1, "Ada", 30, D(2026, 1, 1), D(2025, 6, 1), retired=True)
    unreachable = ContactState(1, "Ada", 30, D(2026, 1, 1), D(2025, 6, 1), unreachable=True)
    assert follow_up_due(retired) is None and follow_up_due(unreachable) is None
    due = due_follow_ups([base, never, snoozed], D(2026, 2, 1))
    assert [state.name for _, state in due] == ["Bo", "Ada"]


def test_quiet_contacts_put_decision_makers_at_targets_first() -> None:
    rows = [
        (1, "Peer", None, ["peer"], False, False),
        (2, "Boss", D(2025, 1, 1), ["decision maker"], True, False),
        (3, "Recent", D(2026, 1, 20), ["decision maker"], True, False),
        (4, "Searcher", D(2025, 5, 1), [], False, True),
    ]
    found = quiet_contacts(rows, D(2026, 2, 1), 3)
    assert [q.name for q in found] == ["Boss", "Searcher", "Peer"]


def test_stage_statistics_on_a_hand_built_history() -> None:
    histories = [
        History(
            "interviewing",
            [("applied", D(2026, 1, 1)), ("interviewing", D(2026, 1, 11))],
            "referral",
        ),
        History(
            "closed", [("applied", D(2026, 1, 1)), ("closed", D(2026, 1, 31))], "cold application"
        ),
        History(
            "applied", [("target", D(2026, 1, 1)), ("applied", D(2026, 1, 5))], "cold application"
        ),
    ]
    stats = stage_statistics(histories)
    by = {f.stage: f for f in stats.stages}
    assert by["applied"].count == 1 and by["interviewing"].count == 1 and by["closed"].count == 1
    assert by["applied"].median_days == 20.0  # stays of 10 and 30 days
    assert by["target"].median_days == 4.0
    conv = {(c.from_stage, c.to_stage): c for c in stats.conversions}
    assert conv[("applied", "interviewing")].rate == 1 / 3
    sources = {s.source: s for s in stats.sources}
    assert sources["referral"].interviews == 1 and sources["cold application"].interviews == 0
    assert stays([("a", D(2026, 1, 1))]) == []


def test_agenda_keeps_due_items_in_date_order() -> None:
    items = [
        DueItem(D(2026, 1, 5), DueKind.NEXT_ACTION, "b", "", Target.OPPORTUNITY, 2),
        DueItem(D(2026, 1, 1), DueKind.FOLLOW_UP, "a", "", Target.CONTACT, 1),
        DueItem(D(2026, 2, 1), DueKind.MILESTONE, "later", "", Target.MILESTONE, 3),
    ]
    assert [i.title for i in agenda(items, D(2026, 1, 10))] == ["a", "b"]


def test_email_suggestions() -> None:
    rejection = (
        "Thank you for interviewing. Unfortunately we have decided to move forward with "
        "other candidates."
    )
    found = suggest_stage(rejection, "interviewing")
    assert found is not None and found.stage == "closed" and found.reason == "rejected"
    invite = "We would like to invite you to an interview next week. Send your availability."
    found = suggest_stage(invite, "applied")
    assert found is not None and found.stage == "interviewing"
    assert suggest_stage(invite, "interviewing") is None
    offer = "We are pleased to extend you an offer of employment as Analyst."
    found = suggest_stage(offer, "interviewing")
    assert found is not None and found.stage == "offer"
    assert suggest_stage("Thanks for your note, talk soon.", "applied") is None
