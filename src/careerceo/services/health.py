"""Is the app able to serve: the database answers and its schema is the one this code expects."""

from __future__ import annotations

from careerceo.services.context import AppContext
from careerceo.store.db import current_revision, head_revision


def readiness(ctx: AppContext) -> tuple[bool, str]:
    """(ready, why): ``why`` names the problem without any person's data in it."""
    try:
        found = current_revision(ctx.db.engine)
    except Exception as exc:  # any driver error means "not ready", said plainly
        return False, f"the database does not answer ({type(exc).__name__})"
    expected = head_revision()
    if found != expected:
        return False, f"the schema is at {found}, this code needs {expected}"
    return True, "ready"
