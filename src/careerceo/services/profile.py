"""Reading and editing the person's profile."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from careerceo.model.common import validate
from careerceo.model.profile import PROFILE_FIELDS, ProfileInput, ProfileOut
from careerceo.services.context import AppContext
from careerceo.services.occupation_codes import check_known_code
from careerceo.store.repositories import PersonRepository


def get_profile(ctx: AppContext) -> ProfileOut:
    with ctx.db.transaction() as session:
        return ProfileOut.model_validate(PersonRepository(session, ctx.person_id).get())


def update_profile(ctx: AppContext, changes: Mapping[str, Any]) -> ProfileOut:
    """Change only the fields given; the result is validated as a whole before writing."""
    with ctx.db.transaction() as session:
        repo = PersonRepository(session, ctx.person_id)
        person = repo.get()
        current = {name: getattr(person, name) for name in PROFILE_FIELDS}
        merged = validate(ProfileInput, {**current, **changes})
        if merged.occupation_code != current["occupation_code"]:
            check_known_code(merged.occupation_code)
        return ProfileOut.model_validate(repo.update(merged.model_dump()))
