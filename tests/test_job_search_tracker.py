"""Moving in from another tracker: its CSV with backdated stage history, re-import adds
nothing, export reads back, and bad files are refused with the line and nothing imported."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from careerceo.documents.tracker_csv import read_tracker
from careerceo.errors import CareerError
from careerceo.services import opportunities
from careerceo.services.context import AppContext
from careerceo.services.tracker_import import export_tracker, import_tracker

SAMPLE = (
    "\ufeffCompany,Job Title,Status,Date Added,Date Applied,Interview Date,URL,Notes\r\n"
    '"Acme, Inc.",Data Lead,Rejected,2025-01-03,2025-01-05,2025-01-20,'
    'https://acme.example/jobs/1,"liked the team, though"\r\n'
    "Beta GmbH,Analyst,Applied,,01/10/2025,,,\r\n"
    "Gamma,Manager,Interviewing,2025-02-01,2025-02-03,2025-02-17,,\r\n"
    "Müller AG,Engineer,wishlist,,,,,\r\n"
).encode()


def test_rows_become_opportunities_with_their_dated_history(sqlite_ctx: AppContext) -> None:
    summary = import_tracker(sqlite_ctx, SAMPLE)
    assert (summary.rows, summary.added, summary.already_there) == (4, 4, 0)
    by_title = {o.title: o for o in opportunities.list_opportunities(sqlite_ctx)}
    gamma = opportunities.get_opportunity(sqlite_ctx, by_title["Manager"].id)
    assert [(h.stage, h.entered_on) for h in gamma.history] == [
        ("target", date(2025, 2, 1)),
        ("applied", date(2025, 2, 3)),
        ("interviewing", date(2025, 2, 17)),
    ]
    acme = opportunities.get_opportunity(sqlite_ctx, by_title["Data Lead"].id)
    assert (acme.stage, acme.closed_reason, acme.company) == ("closed", "rejected", "Acme, Inc.")
    assert acme.applied_on == date(2025, 1, 5) and acme.notes == "liked the team, though"
    # Time in stage counts from the file's dates, not from the day of the import.
    stats = opportunities.statistics(sqlite_ctx)
    assert stats.stages["target"].median_days == 2.0  # Acme 2 days, Gamma 2 days
    assert summary.dated_from_earlier_step == 2  # Acme's closing and Müller's wishlist

    again = import_tracker(sqlite_ctx, SAMPLE)
    assert (again.added, again.already_there) == (0, 4)
    assert len(opportunities.list_opportunities(sqlite_ctx)) == 4


def test_export_reads_back_into_an_empty_pipeline(sqlite_ctx: AppContext, tmp_path: Path) -> None:
    import_tracker(sqlite_ctx, SAMPLE)
    text = export_tracker(sqlite_ctx)
    rows = read_tracker(text.encode())
    assert [(r.company, r.title, r.stage, r.reason) for r in rows] == [
        ("Acme, Inc.", "Data Lead", "closed", "rejected"),
        ("Beta GmbH", "Analyst", "applied", ""),
        ("Gamma", "Manager", "interviewing", ""),
        ("Müller AG", "Engineer", "target", ""),
    ]
    original = {o.title: o for o in opportunities.list_opportunities(sqlite_ctx)}
    for row in rows:
        history = opportunities.get_opportunity(sqlite_ctx, original[row.title].id).history
        assert row.history == [(h.stage, h.entered_on) for h in history]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Name,Where\r\nData Lead,Acme\r\n", "line 1: the header (Name, Where) has no job title"),
        (b"Company,Title,Status\r\nAcme,Lead,Dreaming\r\n", "line 2: status 'Dreaming' is not"),
        (b"Title,Status,Date Applied\r\nLead,Applied,yesterday\r\n", "line 2: Date Applied "),
        (b"Title,Status\r\nLead,Applied\r\nOther,Applied,extra\r\n", "line 3: 3 fields where"),
        (b'Title,Status\r\nLead,Applied\r\n"Other,Appl', "cut off inside a quoted value"),
        ("Title,Status\r\nLéad,Applied\r\n".encode("cp1252"), "line 2: byte 0xe9 is not UTF-8"),
        (
            b"Title,Status,Date Applied,Interview Date\r\n"
            b"Lead,Interviewing,2025-03-01,2025-02-01\r\n",
            "line 2: the interview date 2025-02-01 is before the applied date",
        ),
    ],
)
def test_bad_files_name_the_line_and_import_nothing(
    sqlite_ctx: AppContext, content: bytes, expected: str
) -> None:
    with pytest.raises(CareerError) as caught:
        import_tracker(sqlite_ctx, content)
    assert expected in caught.value.message and "nothing was imported" in caught.value.message
    assert opportunities.list_opportunities(sqlite_ctx) == []


def test_a_bad_row_after_good_ones_leaves_nothing(sqlite_ctx: AppContext) -> None:
    content = b"Title,Status,URL\r\nFirst,Applied,\r\nSecond,Applied,not a url\r\n"
    with pytest.raises(CareerError, match="line 3"):
        import_tracker(sqlite_ctx, content)
    assert opportunities.list_opportunities(sqlite_ctx) == []


def test_import_and_export_through_the_cli(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "apps.csv"
    source.write_bytes(SAMPLE)
    result = cli("opportunities", "import", str(source), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["added"] == 4
    assert "4 already in your pipeline" in cli("opportunities", "import", str(source)).output
    out = tmp_path / "out.csv"
    assert cli("opportunities", "export", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("Company,Job Title,URL,Status")
    bad = cli("opportunities", "import", str(tmp_path / "missing.csv"))
    assert bad.exit_code != 0 and "cannot read" in bad.output and "Traceback" not in bad.output
