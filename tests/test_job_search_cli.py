"""The job-search commands through the real CLI: the interface the checks use."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_companies_contacts_opportunities_round(cli: Any) -> None:
    assert cli("companies", "add", "Google LLC", "--target", "--priority", "1").exit_code == 0
    added = _json(
        cli(
            "contacts",
            "add",
            "Ada Lovelace",
            "--company",
            "google",
            "--title",
            "CTO",
            "--tags",
            "decision maker",
            "--email",
            "ada@example.org",
            "--json",
        )
    )
    contacts = _json(cli("contacts", "list", "--json"))
    assert contacts[0]["id"] == added["id"]
    for key in ("id", "name", "company", "title", "email", "linkedin_url", "tags"):
        assert key in contacts[0]
    assert contacts[0]["company"] == "Google LLC" and contacts[0]["tags"] == ["decision maker"]
    companies = _json(cli("companies", "list", "--json"))
    assert companies[0]["contacts"] == 1 and companies[0]["name"] == "Google LLC"

    new = _json(
        cli(
            "opportunities",
            "add",
            "--title",
            "Analyst",
            "--company",
            "Google",
            "--stage",
            "applied",
            "--json",
        )
    )
    assert isinstance(new["id"], int)
    assert _json(cli("companies", "list", "--json"))[0]["opportunities"] == 1
    assert cli("opportunities", "move", str(new["id"]), "interviewing").exit_code == 0
    listed = _json(cli("opportunities", "list", "--json"))
    assert listed[0]["stage"] == "interviewing" and listed[0]["company"] == "Google LLC"
    stats = _json(cli("opportunities", "stats", "--json"))
    assert stats["interviewing"]["count"] == 1 and stats["applied"]["count"] == 0
    assert stats["applied"]["median_days"] == 0.0
    shown = _json(cli("opportunities", "show", str(new["id"]), "--json"))
    assert [h["stage"] for h in shown["history"]] == ["applied", "interviewing"]


def test_log_sets_a_next_step_and_resets_the_cadence(cli: Any) -> None:
    contact = _json(cli("contacts", "add", "Bo Chen", "--in-search", "--tags", "peer", "--json"))
    assert contact["next_follow_up"] is not None  # never contacted: due now
    due = (date.today() + timedelta(days=3)).isoformat()
    result = cli(
        "contacts",
        "log",
        str(contact["id"]),
        "--channel",
        "email",
        "--summary",
        "coffee",
        "--next",
        "send the deck",
        "--due",
        due,
    )
    assert result.exit_code == 0, result.output
    shown = _json(cli("contacts", "show", str(contact["id"]), "--json"))
    assert shown["contact"]["last_contact"] == date.today().isoformat()
    assert shown["contact"]["next_follow_up"] == (date.today() + timedelta(days=90)).isoformat()
    assert shown["interactions"][0]["next_step"] == "send the deck"


def test_bad_input_is_one_clear_line(cli: Any) -> None:
    opp = _json(cli("opportunities", "add", "--title", "Analyst", "--json"))
    result = cli("opportunities", "move", str(opp["id"]), "hired")
    assert result.exit_code == 2 and "stage must be one of" in result.output
    result = cli("opportunities", "move", str(opp["id"]), "closed")
    assert result.exit_code == 2 and "needs a reason" in result.output
    contact = _json(cli("contacts", "add", "Cy", "--json"))
    result = cli("contacts", "log", str(contact["id"]), "--next", "x", "--due", "next week")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    result = cli("contacts", "log", "999", "--summary", "x")
    assert result.exit_code == 2 and "no contact #999" in result.output
    result = cli("companies", "add", "N/A")
    assert result.exit_code == 2 and "placeholder" in result.output


def test_removing_a_company_with_people_needs_force_and_keeps_them(cli: Any) -> None:
    company = _json(cli("companies", "add", "Acme Inc", "--json"))
    _json(cli("contacts", "add", "Dee", "--company", "ACME", "--json"))
    result = cli("companies", "remove", str(company["id"]))
    assert result.exit_code == 2 and "--force" in result.output
    assert len(_json(cli("companies", "list", "--json"))) == 1
    assert cli("companies", "remove", str(company["id"]), "--force").exit_code == 0
    people = _json(cli("contacts", "list", "--json"))
    assert people[0]["name"] == "Dee" and people[0]["company"] is None
