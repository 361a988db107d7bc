"""Is an O*NET-SOC code a real occupation? Checked where a person types one.

The input models only check the code's shape; whether it exists needs the knowledge base, so
services call this before writing. Without a knowledge base there is nothing to check against
and the code is accepted as typed.
"""

from __future__ import annotations

from careerceo.actions import Action, ActionKind
from careerceo.errors import CareerError
from careerceo.knowledge import KnowledgeError, load_knowledge


def check_known_code(code: str | None, *, field: str = "occupation_code") -> None:
    if not code:
        return
    try:
        kb = load_knowledge()
    except KnowledgeError:
        return
    if kb.find_occupation(code) is None:
        raise CareerError(
            f"no {kb.source.onet} occupation has the code {code}; search the occupations by title",
            field=field,
            action=Action(ActionKind.OCCUPATIONS),
        )
