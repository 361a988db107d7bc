"""``career occupations``: search, show and title, as a person and a script would use them."""

from __future__ import annotations

import json
from typing import Any


def test_title_json_lists_ranked_candidates_with_evidence(cli: Any) -> None:
    result = cli("occupations", "title", "Sr. Software Eng II", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert isinstance(rows, list) and 1 <= len(rows) <= 5
    assert {"code", "title", "score", "matched_label"} <= set(rows[0])
    assert rows[0]["code"] == "15-1252.00"
    assert rows[0]["seniority"] == "senior" and rows[0]["level"] == "II"
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_title_table_names_seniority_and_source(cli: Any) -> None:
    result = cli("occupations", "title", "VP, Sales - EMEA", "--limit", "3")
    assert result.exit_code == 0, result.output
    assert "vice president" in result.stdout
    assert "Sales Managers" in result.stdout
    assert "O*NET 29.0" in result.stdout


def test_bad_titles_are_one_red_line(cli: Any) -> None:
    for bad in ("", "   ", "y" * 600, "!!!"):
        result = cli("occupations", "title", bad)
        assert result.exit_code == 2
        assert "Error:" in result.output and "title" in result.output
        assert "Traceback" not in result.output


def test_search_by_words_and_by_code(cli: Any) -> None:
    result = cli("occupations", "search", "registered nurse", "--json", "--limit", "5")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert hits[0]["code"].startswith("29-1141")
    by_code = json.loads(cli("occupations", "search", "15-125", "--json").stdout)
    assert by_code and all(h["code"].startswith("15-125") for h in by_code)
    table = cli("occupations", "search", "actuary")
    assert "Actuaries" in table.stdout


def test_search_refuses_a_bad_limit(cli: Any) -> None:
    result = cli("occupations", "search", "nurse", "--limit", "0")
    assert result.exit_code == 2
    assert "limit" in result.output


def test_show_has_every_section(cli: Any) -> None:
    result = cli("occupations", "show", "29-1141")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for heading in (
        "Registered Nurses",
        "SOC hierarchy",
        "Job zone",
        "Education, training and experience",
        "Top skills",
        "Top knowledge",
        "Core tasks",
        "Detailed work activities",
        "Technology skills",
        "Tools",
        "Interests (RIASEC",
        "Work styles",
        "Work values",
        "Alternate titles",
        "Reported titles",
        "Linked ESCO 1.1.1 occupations",
        "ESCO essential skills",
        "ESCO optional skills",
    ):
        assert heading in out, heading
    assert "Bachelor's Degree" in out


def test_show_json_and_estimated_ratings(cli: Any) -> None:
    data = json.loads(cli("occupations", "show", "15-1252.00", "--json").stdout)
    assert data["title"] == "Software Developers"
    assert data["skills"]["estimated"] is True and "15-1251.00" in data["skills"]["note"]
    assert any(t["hot"] for t in data["technology"])
    assert data["esco"]["occupations"] and data["esco"]["essential_skills"]
    assert data["soc"]["major_group_title"] == "Computer and Mathematical Occupations"


def test_show_unknown_code(cli: Any) -> None:
    result = cli("occupations", "show", "99-9999")
    assert result.exit_code == 2
    assert "no O*NET 29.0 occupation has the code 99-9999.00" in result.output
    bad = cli("occupations", "show", "nurse")
    assert bad.exit_code == 2 and "not an O*NET-SOC code" in bad.output


def test_nonsense_says_there_is_no_close_match(cli: Any) -> None:
    result = cli("occupations", "title", "Ninja Rockstar")
    assert result.exit_code == 0
    assert "No close match" in result.stdout
    assert "No close match" not in cli("occupations", "title", "Registered Nurse").stdout
    empty = cli("occupations", "search", "zzzz")
    assert empty.exit_code == 0 and "No occupation matches" in empty.stdout
