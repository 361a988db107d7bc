"""Short follow-up drafts built only from what the person recorded.

Nothing is invented: a sentence that needs a fact (where they work, what was discussed last
time, the next step the person wrote) appears only when that fact is stored, in the person's
own words. The person edits and sends it; the app never sends anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from careerceo.model.job_search_enums import Channel

LINKEDIN_LIMIT = 300  # a LinkedIn connection note


@dataclass(frozen=True)
class DraftFacts:
    first_name: str
    company: str = ""
    last_summary: str = ""  # the last interaction's summary, as the person wrote it
    last_next_step: str = ""
    sender: str = ""  # the person's own name, for the sign-off


@dataclass(frozen=True)
class Draft:
    channel: Channel
    subject: str
    body: str


def _first(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else "there"


def follow_up_draft(facts: DraftFacts, channel: Channel) -> Draft:
    greeting = f"Hi {_first(facts.first_name)},"
    lines = []
    if facts.last_summary:
        lines.append(f'Following up on our last conversation ("{facts.last_summary.rstrip(".")}").')
    else:
        lines.append("It has been a while since we last spoke, and I wanted to reconnect.")
    if facts.last_next_step:
        lines.append(f"As planned: {facts.last_next_step.rstrip('.')}.")
    if facts.company:
        lines.append(f"I would value your view on what matters most at {facts.company} right now.")
    lines.append("Would you have 20 minutes in the next couple of weeks?")
    if channel is Channel.LINKEDIN:
        body = " ".join([greeting, *lines])
        if len(body) > LINKEDIN_LIMIT:
            body = " ".join([greeting, lines[0], lines[-1]])[:LINKEDIN_LIMIT]
        return Draft(channel, "", body)
    sign = f"\n\nBest,\n{facts.sender}" if facts.sender else "\n\nBest,"
    subject = "Catching up" if not facts.company else f"Catching up - {facts.company}"
    return Draft(channel, subject, greeting + "\n\n" + " ".join(lines) + sign)
