"""LinkedIn Connections.csv import: both real layouts, re-imports, bad files.

Committed fixtures are synthetic, in the real layouts (the 2023 one starts with a BOM and the
"Notes:" preamble); the real exports in ../shared are read at test time only.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from careerceo.documents.connections_csv import read_connections
from careerceo.errors import CareerError
from careerceo.services import contacts
from careerceo.services.context import AppContext
from careerceo.services.network_import import import_connections

FIXTURES = Path(__file__).parent / "fixtures" / "linkedin_connections"
OLD = (FIXTURES / "connections_2018.csv").read_bytes()
NEW = (FIXTURES / "connections_2023.csv").read_bytes()
HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def test_both_layouts_parse_with_quoted_commas_non_ascii_and_empty_emails() -> None:
    old = read_connections(OLD)
    assert old.layout == "2018" and len(old.rows) == 5
    assert old.rows[1].company == "Rao, Singh & Partners" and old.rows[1].email == ""
    assert (
        old.rows[0].connected_on is not None
        and old.rows[0].connected_on.isoformat() == "2018-01-08"
    )
    new = read_connections(NEW)
    assert new.layout == "2023" and len(new.rows) == 7
    assert new.rows[0].line == 5  # after the BOM, the note lines and the header
    assert new.rows[2].name == "Chloé Dubois"
    assert (
        new.rows[5].connected_on is not None
        and new.rows[5].connected_on.isoformat() == "2023-07-04"
    )


def test_real_exports_parse(shared_data: Path) -> None:
    folder = shared_data / "linkedin-export"
    old = read_connections((folder / "abhishekwebcode_2018" / "Connections.csv").read_bytes())
    new = read_connections((folder / "mohamedeways_2023" / "Connections.csv").read_bytes())
    assert old.layout == "2018" and len(old.rows) + len(old.skipped) == 41
    assert new.layout == "2023" and len(new.rows) + len(new.skipped) == 12
    assert all(row.connected_on is not None for row in new.rows)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Name,Company\nAda,Acme\n", "line 1: this is not LinkedIn's Connections.csv"),
        (HEADER + b'Ada,L,,,"Acme,CTO,04 Jul 2023\n', "line 2: the CSV cannot be read"),
        (HEADER + b"Ada,L,,,Acme,CTO,04 Jul 2023\nBo,M,,,Beta\n", "line 3: 5 fields"),
        (HEADER + "Zoë,L,,,Acme,CTO,04 Jul 2023\n".encode("cp1252"), "line 2: byte 0xeb"),
        (HEADER + b"Ada,L,,,Acme,CTO,yesterday\n", "line 2: Connected On 'yesterday'"),
        (b'"' + b"x" * 200_000 + b'"\n', "this is not LinkedIn's Connections.csv"),
        (HEADER + b"Ada,L,,," + b"x" * 200_000 + b",CTO,04 Jul 2023\n", "line 2: "),
        (HEADER + b"Ada,L,,," + b"x" * 5_000 + b",CTO,04 Jul 2023\n", "line 2: the Company field"),
    ],
)
def test_bad_files_name_the_line_and_import_nothing(
    sqlite_ctx: AppContext, content: bytes, expected: str
) -> None:
    with pytest.raises(CareerError) as caught:
        import_connections(sqlite_ctx, content)
    assert expected in caught.value.message and "nothing was imported" in caught.value.message
    assert contacts.list_contacts(sqlite_ctx).total == 0


def test_a_bad_last_line_rolls_back_every_row(sqlite_ctx: AppContext) -> None:
    good = b"".join(f"P{i},Q,,,Co{i},T,04 Jul 2023\n".encode() for i in range(50))
    with pytest.raises(CareerError):
        import_connections(sqlite_ctx, HEADER + good + b'Z,Y,,,"Cut')
    assert contacts.list_contacts(sqlite_ctx).total == 0


def test_reimport_is_idempotent_and_a_newer_export_updates_and_keeps_history(
    ctx: AppContext,
) -> None:
    first = import_connections(ctx, OLD, "Connections.csv")
    assert (first.added, first.updated, first.unchanged) == (5, 0, 0)
    assert first.companies_added == 4  # Sam Lee's "N/A" names no company
    again = import_connections(ctx, OLD, "Connections.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)

    newer = import_connections(ctx, NEW, "Connections.csv")
    assert (newer.added, newer.updated, newer.unchanged) == (2, 5, 0)
    assert [d.name for d in newer.possible_duplicates] == ["Pat Kim"]
    people = {c.linkedin_url: c for c in contacts.list_contacts(ctx).contacts}
    anna = people["https://www.linkedin.com/in/anna-berg-0001"]
    assert anna.company == "Fjord Labs" and anna.title == "CEO"
    assert anna.history[-1]["company"] == "Nordlys AS" and anna.history[-1]["title"] == "Owner"
    chloe = people["https://www.linkedin.com/in/chloe-dubois-0003"]
    assert chloe.company == "Société Exemple SA"  # "Société Exemple" is the same company
    sam = people["https://www.linkedin.com/in/sam-lee-0004"]
    assert sam.company is None
    pats = [c for c in people.values() if c.name == "Pat Kim"]
    assert len(pats) == 2  # kept apart, offered as a possible duplicate

    last = import_connections(ctx, NEW, "Connections.csv")
    assert (last.added, last.updated, last.unchanged) == (0, 0, 7)
    assert contacts.list_contacts(ctx).total == 7


def test_the_connections_inside_an_export_zip(sqlite_ctx: AppContext) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Basic_LinkedInDataExport/Connections.csv", NEW)
        archive.writestr("Basic_LinkedInDataExport/Profile.csv", b"First Name\nX\n")
    summary = import_connections(sqlite_ctx, buffer.getvalue(), "export.zip")
    assert summary.added == 7


def test_cli_import_prints_a_summary(cli: Any, tmp_path: Path) -> None:
    result = cli("contacts", "import", str(FIXTURES / "connections_2023.csv"))
    assert result.exit_code == 0, result.output
    assert "7 added, 0 updated, 0 unchanged" in result.output
    result = cli("contacts", "import", str(FIXTURES / "connections_2023.csv"), "--json")
    assert json.loads(result.output)["unchanged"] == 7
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"a,b\n1,2\n")
    result = cli("contacts", "import", str(bad))
    assert result.exit_code == 2 and "line 1" in result.output
