"""What a résumé critique finds: one finding per line and rule, with its severity, and the
accomplishments a finding may point at. Shared by the line rules (``resume_critique``) and the
document rules (``critique_document``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerceo.text.resume_lines import BULLET

LIMITS = {"summary": (15, 90), "experience_bullets": (2, 8), "skills": (3, 40)}
SEVERITY = {
    "duty-statement": "high",
    "weak-opening": "high",
    "no-metric": "medium",
    "passive-voice": "medium",
    "vague-word": "low",
    "tense": "medium",
    "section-length": "low",
    "title-undersells": "medium",
    "first-person": "low",
    "too-long": "medium",
    "too-short": "medium",
    "contact": "high",
    "section-order": "medium",
    "dates": "medium",
    "keywords": "medium",
}
IMPACT = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class WinHint:
    """A logged accomplishment the critique can point a bullet at for its number."""

    text: str
    metrics: str
    when: str = ""


@dataclass(frozen=True)
class Finding:
    rule: str
    line: int  # 1-based line in the text that was critiqued
    text: str
    explanation: str
    suggestion: str
    severity: str


def finding(rule: str, line: int, text: str, explanation: str, suggestion: str) -> Finding:
    return Finding(rule, line, text, explanation, suggestion, SEVERITY[rule])


_LABEL = re.compile(r"^[A-Z][\w&/' -]{0,40}:\s+(?=\S)")


def opening(text: str) -> str:
    """The bullet from its first word of substance: "• Migration: Moved the warehouse" ->
    "Moved the warehouse" (a short label before a colon is not the opening verb)."""
    body = BULLET.sub("", text).strip()
    label = _LABEL.match(body)
    if label and len(label.group(0).split()) <= 4:
        return body[label.end() :]
    return body
