"""What every shell needs to work: settings, the database, and whose data this is."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from functools import cached_property

from careerceo.errors import CareerError
from careerceo.files import private_dir
from careerceo.settings import Settings, load_settings
from careerceo.store.db import Database
from careerceo.store.people import create_person, find_person_id, first_person_id


@dataclass
class AppContext:
    """Opened once per process; ``person_id`` is the owner every query is scoped to."""

    settings: Settings = field(default_factory=load_settings)

    @cached_property
    def db(self) -> Database:
        # The data directory holds the database, held uploads and the CSRF key: 0700.
        with contextlib.suppress(OSError):  # unwritable: opening the database will say so
            private_dir(self.settings.data_dir)
        return Database(self.settings.database_url, synchronous=self.settings.sqlite_synchronous)

    @cached_property
    def person_id(self) -> int:
        selector = os.environ.get("CAREER_PERSON")
        if self.settings.accounts and not selector:
            # many clients share the database: never fall back to "the first person", who is
            # somebody's client; a signed-in request gets its own context (``for_person``)
            raise CareerError(
                "CAREER_AUTH=accounts: name whose data to use; set CAREER_PERSON to the "
                "person's e-mail",
                field="CAREER_PERSON",
            )
        return resolve_person(self.db, selector)

    def for_person(self, person_id: int) -> AppContext:
        """The same settings and database, scoped to ``person_id``: what a signed-in request
        works with, so every service and repository below it sees that person's rows only."""
        scoped = AppContext(self.settings)
        scoped.__dict__["db"] = self.db
        scoped.__dict__["person_id"] = person_id
        return scoped


def ensure_default_person(db: Database) -> int:
    """Single-user mode: the first person in the database, created on first use."""
    with db.transaction() as session:
        person_id = first_person_id(session)
        return person_id if person_id is not None else create_person(session)


def resolve_person(db: Database, selector: str | None) -> int:
    """``CAREER_PERSON`` (a person's uid or e-mail) picks a client in a coaching practice."""
    if not selector:
        return ensure_default_person(db)
    with db.transaction() as session:
        person_id = find_person_id(session, selector)
    if person_id is None:
        raise CareerError(
            f"no person matches {selector!r}; set CAREER_PERSON to a person's uid or e-mail, "
            "or unset it to use the default person",
            field="CAREER_PERSON",
        )
    return person_id
