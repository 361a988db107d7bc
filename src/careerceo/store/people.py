"""Finding whose data a session works on: the only queries not scoped to one person, because
they pick the person (the default one, or a client named by uid or e-mail)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from careerceo.store.tables import Account, Person


def first_person_id(session: Session) -> int | None:
    return session.scalars(select(Person.id).order_by(Person.id).limit(1)).first()


def find_person_id(session: Session, selector: str) -> int | None:
    """The person whose uid or e-mail is ``selector``."""
    return session.scalars(
        select(Person.id).where((Person.uid == selector) | (Person.email == selector))
    ).first()


def create_person(session: Session) -> int:
    """A person with a local account of their own (single-user mode)."""
    account = Account(name="local", role="person")
    session.add(account)
    session.flush()
    person = Person(account_id=account.id)
    session.add(person)
    session.flush()
    return person.id
