"""The fixed vocabularies of the job search: stages, channels, tags, reasons, sources.

StrEnums so a value is both a type (mypy, the API schema) and the plain word stored in the
database and typed on the command line.
"""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    TARGET = "target"
    NETWORKING = "networking"
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CLOSED = "closed"


# The forward path an opportunity travels; declined and closed end it from any point.
PROGRESSION: tuple[Stage, ...] = (
    Stage.TARGET,
    Stage.NETWORKING,
    Stage.APPLIED,
    Stage.INTERVIEWING,
    Stage.OFFER,
    Stage.ACCEPTED,
)
ENDED: frozenset[Stage] = frozenset({Stage.ACCEPTED, Stage.DECLINED, Stage.CLOSED})


class CloseReason(StrEnum):
    """Why an opportunity closed; "no response" is the person's call, never inferred."""

    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    POSITION_FILLED = "position filled"
    NO_RESPONSE = "no response"


class Source(StrEnum):
    """How the opportunity came: what "which sources produce interviews" counts."""

    REFERRAL = "referral"
    COLD = "cold application"
    RECRUITER = "recruiter"
    NETWORK = "network"
    OTHER = "other"


class Channel(StrEnum):
    EMAIL = "email"
    CALL = "call"
    MEETING = "meeting"
    LINKEDIN = "linkedin"
    EVENT = "event"


class Tag(StrEnum):
    DECISION_MAKER = "decision maker"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring manager"
    PEER = "peer"
    FORMER_MANAGER = "former manager"
    FORMER_REPORT = "former report"
    MENTOR = "mentor"
    REFERRER = "referrer"


class HowKnown(StrEnum):
    """Where the person stood relative to you: the method's above / beside / below."""

    ABOVE = "worked above you"
    BESIDE = "worked beside you"
    BELOW = "worked below you"
    SCHOOL = "school"
    OTHER = "other"


class ContactRole(StrEnum):
    """A contact's part in one opportunity."""

    REFERRER = "referrer"
    HIRING_MANAGER = "hiring manager"
    RECRUITER = "recruiter"
    OTHER = "other"


def words(kind: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in kind)
