"""Repositories and services for profile, inventory and positions, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from careerceo.errors import CareerError, NotFoundError
from careerceo.model.common import InputError
from careerceo.services import inventory, positions, profile
from careerceo.services.context import AppContext
from careerceo.store.db import Database
from careerceo.store.repositories import InventoryRepository, PositionRepository
from careerceo.store.tables import Account, InventoryEntry, Person


def second_person(ctx: AppContext) -> AppContext:
    """Another client in the same database, as a coaching practice would have."""
    with ctx.db.transaction() as session:
        account = Account(name="coach client", role="person")
        session.add(account)
        session.flush()
        person = Person(account_id=account.id, full_name="Other Client")
        session.add(person)
        session.flush()
        person_id = person.id
    other = AppContext(settings=ctx.settings)
    other.__dict__["db"] = ctx.db  # share the engine; only the owner differs
    other.__dict__["person_id"] = person_id
    return other


def count_inventory(ctx: AppContext) -> int:
    with ctx.db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(InventoryEntry)) or 0)


def test_inventory_crud_round(ctx: AppContext) -> None:
    added = inventory.add_entry(
        ctx, {"kind": "Skill", "name": "  SQL  ", "level": "4", "intent": "add", "evidence": "x"}
    )
    assert (added.kind, added.name, added.level, added.intent) == ("skill", "SQL", 4, "add")
    inventory.add_entry(ctx, {"kind": "knowledge", "name": "Statistics"})
    inventory.add_entry(ctx, {"kind": "attribute", "name": "Curiosity", "intent": "keep"})

    assert [e.name for e in inventory.list_entries(ctx)] == ["Curiosity", "Statistics", "SQL"]
    assert [e.name for e in inventory.list_entries(ctx, intent="add")] == ["SQL"]
    assert [e.name for e in inventory.list_entries(ctx, kind="knowledge")] == ["Statistics"]

    changed = inventory.update_entry(ctx, added.id, {"level": 5, "evidence": "led migration"})
    assert (changed.level, changed.evidence, changed.name) == (5, "led migration", "SQL")
    assert inventory.get_entry(ctx, added.id).level == 5

    removed = inventory.remove_entry(ctx, added.id)
    assert removed.name == "SQL"
    with pytest.raises(NotFoundError):
        inventory.get_entry(ctx, added.id)
    assert count_inventory(ctx) == 2


def test_duplicate_names_are_refused_case_insensitively(ctx: AppContext) -> None:
    first = inventory.add_entry(ctx, {"kind": "skill", "name": "Python"})
    with pytest.raises(CareerError) as refused:
        inventory.add_entry(ctx, {"kind": "skill", "name": "python"})
    assert refused.value.field == "name"
    assert "already have the skill 'Python'" in refused.value.message
    # The same name of another kind is a different entry.
    inventory.add_entry(ctx, {"kind": "knowledge", "name": "python"})
    other = inventory.add_entry(ctx, {"kind": "skill", "name": "Go"})
    with pytest.raises(CareerError, match="already have the skill 'Python'"):
        inventory.update_entry(ctx, other.id, {"name": "PYTHON"})
    # Renaming an entry to a new spelling of its own name is fine.
    assert inventory.update_entry(ctx, first.id, {"name": "PYTHON"}).name == "PYTHON"
    assert count_inventory(ctx) == 3


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({"kind": "skill", "name": "X", "level": 6}, "level", "1 (aware) to 5 (expert)"),
        ({"kind": "skill", "name": "X", "level": "high"}, "level", "whole number"),
        ({"kind": "skill", "name": "X", "level": 2.5}, "level", "whole number"),
        ({"kind": "skil", "name": "X"}, "kind", "skill, knowledge or attribute"),
        ({"kind": "skill", "name": "   "}, "name", "name is required"),
        ({"kind": "skill", "name": "x" * 201}, "name", "at most 200"),
        ({"kind": "skill", "name": "X", "intent": "maybe"}, "intent", "keep, drop or add"),
        ({"kind": "skill", "name": "X", "taxonomy": "wiki"}, "taxonomy", "onet, esco or tech"),
        ({"kind": "skill", "name": "X", "colour": "red"}, "colour", "not a field"),
        ({"name": "X"}, "kind", "kind is required"),
    ],
)
def test_inventory_bad_values_name_field_and_fix(
    sqlite_ctx: AppContext, data: dict[str, object], field: str, fragment: str
) -> None:
    # Validation happens before any database work, so one database is enough here.
    with pytest.raises(InputError) as refused:
        inventory.add_entry(sqlite_ctx, data)
    assert refused.value.field == field
    assert fragment in refused.value.message
    assert "\n" not in str(refused.value)
    assert count_inventory(sqlite_ctx) == 0


def test_positions_dates_and_current(ctx: AppContext) -> None:
    old = positions.add_position(
        ctx,
        {
            "employer": "Acme",
            "title": "Analyst",
            "start_date": "2015-09",
            "end_date": "2019-12-31",
            "occupation_code": "15-2051.00",
        },
    )
    now = positions.add_position(
        ctx, {"employer": "Globex", "title": "Data Engineer", "start_date": "2020-01-15"}
    )
    assert old.start_date == date(2015, 9, 1) and old.end_date == date(2019, 12, 31)
    assert now.is_current and not old.is_current
    assert [p.id for p in positions.list_positions(ctx)] == [now.id, old.id]
    assert [p.id for p in positions.list_positions(ctx, current_only=True)] == [now.id]

    ended = positions.update_position(ctx, now.id, {"end_date": "2024-06"})
    assert ended.end_date == date(2024, 6, 1)
    assert positions.update_position(ctx, now.id, {"end_date": ""}).end_date is None


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({"employer": "", "title": "T"}, "employer", "employer is required"),
        ({"employer": "E"}, "title", "title is required"),
        ({"employer": "E", "title": "T", "start_date": "March 2020"}, "start_date", "YYYY-MM"),
        ({"employer": "E", "title": "T", "start_date": "2020-13"}, "start_date", "YYYY-MM"),
        (
            {"employer": "E", "title": "T", "start_date": "2020-05", "end_date": "2020-04-30"},
            "end_date",
            "before start_date",
        ),
        (
            {"employer": "E", "title": "T", "occupation_code": "151252"},
            "occupation_code",
            "15-1252.00",
        ),
    ],
)
def test_position_bad_values(
    sqlite_ctx: AppContext, data: dict[str, object], field: str, fragment: str
) -> None:
    with pytest.raises(InputError) as refused:
        positions.add_position(sqlite_ctx, data)
    assert refused.value.field == field
    assert fragment in refused.value.message
    assert positions.list_positions(sqlite_ctx) == []


def test_edit_is_validated_as_a_whole_and_leaves_the_row_unchanged(ctx: AppContext) -> None:
    held = positions.add_position(
        ctx, {"employer": "Acme", "title": "Dev", "start_date": "2020-03", "end_date": "2021-03"}
    )
    with pytest.raises(InputError, match="before start_date"):
        positions.update_position(ctx, held.id, {"start_date": "2022-01"})
    assert positions.get_position(ctx, held.id).start_date == date(2020, 3, 1)


def test_profile_get_and_partial_update(ctx: AppContext) -> None:
    assert profile.get_profile(ctx).full_name == ""
    updated = profile.update_profile(ctx, {"full_name": "Ada Lovelace", "headline": "Analyst"})
    assert (updated.full_name, updated.headline) == ("Ada Lovelace", "Analyst")
    again = profile.update_profile(ctx, {"location": "London"})
    assert (again.full_name, again.location) == ("Ada Lovelace", "London")
    with pytest.raises(InputError) as refused:
        profile.update_profile(ctx, {"email": "not-an-email", "full_name": "Changed"})
    assert refused.value.field == "email"
    assert profile.get_profile(ctx).full_name == "Ada Lovelace"


def test_a_second_person_can_neither_see_nor_change_the_first_persons_rows(
    ctx: AppContext,
) -> None:
    mine = inventory.add_entry(ctx, {"kind": "skill", "name": "Python"})
    job = positions.add_position(ctx, {"employer": "Acme", "title": "Dev"})
    other = second_person(ctx)

    assert inventory.list_entries(other) == []
    assert positions.list_positions(other) == []
    for attempt in (
        lambda: inventory.get_entry(other, mine.id),
        lambda: inventory.update_entry(other, mine.id, {"level": 1}),
        lambda: inventory.remove_entry(other, mine.id),
        lambda: positions.update_position(other, job.id, {"title": "Boss"}),
        lambda: positions.remove_position(other, job.id),
    ):
        with pytest.raises(NotFoundError):
            attempt()
    # The same name is free for the other person: uniqueness is per person.
    inventory.add_entry(other, {"kind": "skill", "name": "Python"})
    assert profile.get_profile(other).full_name == "Other Client"
    assert inventory.get_entry(ctx, mine.id).level == 3
    assert positions.get_position(ctx, job.id).title == "Dev"

    with ctx.db.transaction() as session:
        assert InventoryRepository(session, other.person_id).get(mine.id) is None
        assert PositionRepository(session, other.person_id).count() == 0
        assert InventoryRepository(session, ctx.person_id).count() == 1


def test_a_failed_transaction_writes_nothing(ctx: AppContext) -> None:
    with pytest.raises(RuntimeError), ctx.db.transaction() as session:
        repo = InventoryRepository(session, ctx.person_id)
        repo.add(InventoryEntry(kind="skill", name="Half-written"))
        assert repo.count() == 1  # visible inside the transaction...
        raise RuntimeError("boom")
    assert count_inventory(ctx) == 0  # ...and gone after the rollback


def test_the_quick_head_revision_agrees_with_alembic() -> None:
    """Start-up reads the head from the version files; Alembic must see the same history."""
    from alembic.script import ScriptDirectory

    from careerceo.store.db import alembic_config, head_revision

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_an_already_current_database_is_opened_without_loading_alembic(tmp_path: Path) -> None:
    """Opening a migrated database is the cost of every CLI command: Alembic stays unloaded."""
    url = f"sqlite:///{tmp_path / 'career.db'}"
    Database(url).dispose()  # creates and migrates
    probe = (
        "import sys; from careerceo.store.db import Database; "
        f"Database({url!r}).dispose(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'fpdf')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
