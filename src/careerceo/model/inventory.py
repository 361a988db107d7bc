"""An inventory entry: a skill, knowledge area or attribute, how strong, and what to do with it.

``intent`` is the CEO decision: keep using it, drop it (stop being hired for it), or add it
(the gap to close); the direction and pivot features read these.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from careerceo.model.common import (
    InputModel,
    UtcDateTime,
    blank,
    bounded_text,
    choice,
    number_in,
    rule,
    short_text,
)

KINDS = ("skill", "knowledge", "attribute")
INTENTS = ("keep", "drop", "add")
TAXONOMIES = ("onet", "esco", "tech")
LEVELS = {1: "aware", 2: "beginner", 3: "practitioner", 4: "advanced", 5: "expert"}
LEVEL_MESSAGE = "level must be a whole number from 1 (aware) to 5 (expert)"

Kind = Literal["skill", "knowledge", "attribute"]
Intent = Literal["keep", "drop", "add"]


class InventoryInput(InputModel):
    kind: Annotated[Kind, rule(choice, options=KINDS)]
    name: Annotated[str, bounded_text(200, required=True)]
    level: Annotated[int, number_in(1, 5, LEVEL_MESSAGE)] = 3
    intent: Annotated[Intent, rule(choice, options=INTENTS)] = "keep"
    evidence: Annotated[str, bounded_text(10_000)] = ""
    taxonomy: Literal["onet", "esco", "tech"] | None = None
    concept_id: Annotated[str | None, short_text(200)] = None

    @field_validator("taxonomy", mode="before")
    @classmethod
    def _taxonomy(cls, value: Any) -> str | None:
        return None if blank(value) else choice(value, TAXONOMIES, field="taxonomy")


class InventoryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    kind: Kind
    name: str
    level: int
    intent: Intent
    evidence: str
    taxonomy: str | None
    concept_id: str | None
    created_at: UtcDateTime
    updated_at: UtcDateTime
