"""What an employer's e-mail implies for an opportunity: a suggestion, never a change.

Phrases are matched on the message body; an offer outranks a rejection, which outranks an
interview invitation (a rejection often thanks the person "for interviewing"). The sentence
that matched is returned as the evidence the person reads before confirming.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerceo.model.job_search_enums import CloseReason, Stage

_RULES: tuple[tuple[Stage, CloseReason | None, str, tuple[str, ...]], ...] = (
    (
        Stage.OFFER,
        None,
        "an offer",
        (
            r"pleased to (?:extend|offer|make)\b.*\boffer",
            r"\boffer of employment\b",
            r"\boffer letter\b",
            r"\bextend (?:you )?(?:an|a formal|a written) offer\b",
            r"\bpleased to offer you\b",
        ),
    ),
    (
        Stage.CLOSED,
        CloseReason.POSITION_FILLED,
        "the position was filled",
        (r"\b(?:position|role|vacancy) has (?:now )?been filled\b",),
    ),
    (
        Stage.CLOSED,
        CloseReason.REJECTED,
        "a rejection",
        (
            r"\bnot (?:be )?moving forward\b",
            r"\bwill not be (?:progressing|proceeding|moving)\b",
            r"\bdecided (?:to|not to) (?:pursue|proceed|move forward with) other",
            r"\bother candidates\b",
            r"\bregret to inform\b",
            r"\bunfortunately\b.*\b(?:not|unable|decided)\b",
            r"\bunable to offer you\b",
        ),
    ),
    (
        Stage.INTERVIEWING,
        None,
        "an interview invitation",
        (
            r"\b(?:invite|inviting) you (?:to|for) (?:an? )?(?:interview|phone screen|call)",
            r"\bschedule (?:an?|your|the) (?:interview|phone screen|call|chat)\b",
            r"\bwould (?:like|love) to (?:interview|speak with|talk with|meet) you\b",
            r"\bnext (?:round|step|stage)s? (?:of|in) (?:the|our) (?:interview|hiring|process)",
            r"\byour availability\b",
        ),
    ),
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@dataclass(frozen=True)
class StageSuggestion:
    stage: Stage
    reason: CloseReason | None
    what: str  # "a rejection"
    evidence: str  # the sentence that matched


def suggest_stage(body: str, current: str) -> StageSuggestion | None:
    """The stage the message implies, or None when it implies nothing new."""
    sentences = [s.strip() for s in _SENTENCE.findall(body) if s.strip()]
    for stage, reason, what, patterns in _RULES:
        for sentence in sentences:
            lowered = sentence.casefold()
            if any(re.search(p, lowered) for p in patterns):
                if stage.value == current and reason is None:
                    return None
                return StageSuggestion(stage, reason, what, sentence[:300])
    return None
