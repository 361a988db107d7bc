"""Rule-based critique of a résumé or a LinkedIn section (pure, offline).

Each finding points at one line, says what is wrong and why it costs the reader's attention,
and proposes a concrete rewrite pattern, filled in with the line's own words where the rule can
do that safely. The rules are the ones recruiters and résumé guides agree on: achievements over
duties, a strong verb first, a number in most bullets, active voice, no filler words, one tense
per job, sections of a readable length, and titles that match the scope described.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from careerceo.analysis.critique_document import (
    document_rules,
    experience_rules,
    keyword_rule,
    marked_jobs,
    position_headers,
)
from careerceo.analysis.critique_findings import (
    IMPACT,
    LIMITS,
    Finding,
    WinHint,
    finding,
    opening,
)
from careerceo.analysis.resume_language import (
    PASSIVE,
    STRONG_VERBS,
    VAGUE_WORDS,
    WEAK_OPENINGS,
    first_word,
    has_metric,
    strengthen_opening,
    verb_tense,
    weak_opening,
)
from careerceo.analysis.wording import clip, lower_first, upper_first
from careerceo.text.resume_lines import (
    BULLET,
    clean_lines,
    join_wrapped,
    split_sections,
    wrap_of,
)

__all__ = ["IMPACT", "Critique", "Finding", "WinHint", "critique_text", "strong_start_share"]

DUTY_PHRASES = {"responsible for", "duties included", "tasked with", "in charge of"}
FIRST_PERSON = re.compile(r"\b(?:I|my|me)\b")
_CONTENT = re.compile(r"[a-z][a-z+#-]{3,}")
_STOPWORDS = frozenset(
    {"with", "from", "that", "this", "their", "were", "have", "been", "into", "over", "each",
     "daily", "weekly", "monthly", "various", "team", "teams"}
)  # fmt: skip


@dataclass
class Critique:
    findings: list[Finding]
    lines: list[str]
    words: int
    bullets: int
    bullets_with_metric: int

    def by_line(self) -> dict[int, list[Finding]]:
        grouped: dict[int, list[Finding]] = {}
        for found in self.findings:
            grouped.setdefault(found.line, []).append(found)
        return grouped


def _rewrite_opening(text: str, phrase: str) -> str:
    strong = strengthen_opening(text)
    if strong is None:
        # the words after the opening do not take a verb ("helped the team migrate ..."):
        # say what to do with the person's own words, without inventing any
        verbs = ", ".join(WEAK_OPENINGS[phrase][1])
        rest = text.strip()
        lowered = rest.lower()
        at = lowered.find(phrase)
        own = rest[at + len(phrase) :].strip(" ,:") if at >= 0 else rest
        return f'open with the verb for your own part ({verbs} ...) and keep your words: "{own}"'
    return f"{strong.rstrip('.')}"


def _is_prose(line: str) -> bool:
    """A sentence in a job description (not a title/employer/location header line)."""
    return len(line.split()) >= 8 and "|" not in line


def _line_rules(
    number: int, text: str, in_experience: bool, prose_is_bullet: bool = True
) -> list[Finding]:
    found: list[Finding] = []
    body = BULLET.sub("", text).strip()
    is_bullet = bool(BULLET.match(text)) or (in_experience and prose_is_bullet and _is_prose(body))
    phrase = weak_opening(opening(text))
    if phrase:
        rule = "duty-statement" if phrase in DUTY_PHRASES else "weak-opening"
        why = WEAK_OPENINGS[phrase][0]
        found.append(
            finding(
                rule,
                number,
                text,
                f'Opens with "{phrase}": it {why}. Readers skim the first two words of a bullet.',
                "Rewrite as verb + what + result: " + _rewrite_opening(opening(text), phrase),
            )
        )
    passive = PASSIVE.search(body)
    if passive and not phrase:
        found.append(
            finding(
                "passive-voice",
                number,
                text,
                f'Passive voice ("{passive.group(0)}") hides who did the work — you.',
                _active(body, passive.group(0)),
            )
        )
    if (
        in_experience
        and is_bullet
        and not phrase
        and not has_metric(body)
        and len(body.split()) >= 4
    ):
        found.append(
            finding(
                "no-metric",
                number,
                text,
                "No number: without scale or result the reader cannot tell how big the work was.",
                _number_hint(body),
            )
        )
    lowered = f" {body.lower()} "
    for word, fix in VAGUE_WORDS.items():
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", lowered):
            found.append(
                finding(
                    "vague-word",
                    number,
                    text,
                    f'"{word}" is vague filler.',
                    f"Instead: {fix}.",
                )
            )
            break
    if in_experience and FIRST_PERSON.search(body) and not phrase:
        found.append(
            finding(
                "first-person",
                number,
                text,
                'Résumé bullets drop "I"/"my"; the whole document is about you.',
                _without_i(body),
            )
        )
    return found


def _active(body: str, passive: str) -> str:
    """ "Invoices were processed for 40 clients" -> 'Start with the verb: "Processed invoices
    for 40 clients"' (the subject before the passive becomes the object)."""
    verb = passive.split()[-1]
    at = body.find(passive)
    before, after = body[:at].strip(" ,"), body[at + len(passive) :].strip(" ,.")
    after = re.sub(r"^by\s+(?:me|myself)\b\s*", "", after)
    if before and len(before.split()) <= 6 and not re.search(r"\b(?:by|which|that)\b", after):
        said = " ".join(x for x in (upper_first(verb), lower_first(before), after) if x)
        return f'Put yourself as the subject, starting with the verb: "{said}".'
    return f'Put yourself as the subject, starting with the verb ("{upper_first(verb)} ...").'


_NUMBER_HINTS: list[WinHint] = []


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _CONTENT.findall(text.lower()) if w not in _STOPWORDS}


def _best_win(body: str, wins: list[WinHint]) -> WinHint | None:
    """The logged win that shares the most words of substance with the bullet (two at least)
    and carries a number."""
    mine = _content_words(body)
    scored = [(len(mine & _content_words(w.text)), w) for w in wins if w.metrics.strip()]
    scored = [(n, w) for n, w in scored if n >= 2]
    return max(scored, key=lambda x: x[0])[1] if scored else None


def _number_hint(body: str) -> str:
    win = _best_win(body, _NUMBER_HINTS)
    if win is not None:
        when = f" ({win.when})" if win.when else ""
        return (
            f'Your accomplishment log has the number for this: "{win.text}"{when} '
            f"— {win.metrics}. Say it in this bullet."
        )
    return (
        f'Say how big "{clip(body.rstrip("."), 70)}" was or what changed because of it: how '
        "many, how much, how often, how fast. If you know it, log it as a win in your "
        "accomplishment log and it can be reused here and in tailored versions."
    )


def _without_i(body: str) -> str:
    """ "I coordinated the budget with 4 teams." -> 'Start with the verb: "Coordinated the
    budget with 4 teams"'; other first-person sentences get the pattern."""
    m = re.match(r"^I\s+(?:also\s+|then\s+)?([a-z]+ly\s+)?([a-z]+)\b(.*)$", body.rstrip("."))
    if m and verb_tense(m.group(2)) == "past":
        said = f"{m.group(1) or ''}{m.group(2)}{m.group(3)}"
        return f'Start with the verb: "{upper_first(said)}"'
    return 'Start with the verb: "I managed the budget" -> "Managed the $N budget"'


def critique_text(
    text: str,
    *,
    wins: Sequence[WinHint] = (),
    target: str = "",
    target_keywords: Sequence[str] = (),
) -> Critique:
    """Line findings and whole-document checks, most costly first.

    ``wins`` (the accomplishment log) lets a bullet without a number be pointed at the win
    that has it; ``target_keywords`` (what the person's target asks for) are checked for
    coverage: named, never written in."""
    _NUMBER_HINTS[:] = list(wins)
    try:
        return _critique(text, target, target_keywords)
    finally:
        _NUMBER_HINTS.clear()


def _critique(text: str, target: str, target_keywords: Sequence[str]) -> Critique:
    lines = clean_lines(text)
    order: list[tuple[str, int]] = []
    findings: list[Finding] = []
    bullets = with_metric = 0
    words = sum(len(line.split()) for line in lines)
    wrap = wrap_of(lines)
    for section, heading_line, entries in split_sections(lines):
        order.append((section, heading_line))
        in_exp = section in {"experience", "projects", "volunteer", "accomplishments"}
        if in_exp or section == "summary":
            # judge a sentence the PDF wrapped as one bullet, at the line it starts on
            entries = join_wrapped(entries, wrap)
        headers = position_headers(entries) if in_exp else set()
        marked = marked_jobs(entries, headers)
        for number, line in entries:
            if number in headers:
                continue  # a position header (title, employer, dates), not a bullet
            # In a job with marked bullets, a plain sentence is the job's (or the company's)
            # description: "Acme provides loan software." is not a bullet missing a number.
            prose_is_bullet = number not in marked
            if in_exp and (BULLET.match(line) or (prose_is_bullet and _is_prose(line))):
                bullets += 1
                with_metric += has_metric(line)
            findings.extend(_line_rules(number, line, in_exp, prose_is_bullet))
        if section == "summary":
            count = sum(len(line.split()) for _, line in entries)
            low, high = LIMITS["summary"]
            if count > high or (entries and count < low):
                findings.append(
                    finding(
                        "section-length",
                        heading_line,
                        lines[heading_line - 1],
                        f"The summary has {count} words; {low}-{high} reads in the 7 seconds a "
                        "first screen gets.",
                        "Three lines: who you are + years + field; your best proof with a number; "
                        "what you are looking for next.",
                    )
                )
        if section == "experience":
            findings.extend(experience_rules(entries, lines))
    if words > 1100:
        findings.append(
            finding(
                "too-long",
                1,
                lines[0] if lines else "",
                f"{words} words is more than two pages; long résumés get skimmed, not read.",
                "Keep the last 10-15 years in detail; cut older jobs to one line each and bullets "
                "to the 3-5 with results.",
            )
        )
    # A whole résumé (two sections or more), not a LinkedIn section or a pasted fragment, is
    # also judged as a document.
    whole = len({section for section, _ in order if section and section != "header"}) >= 2
    if whole and words < 150:
        findings.append(
            finding(
                "too-short",
                1,
                lines[0],
                f"{words} words is thin for a résumé; the reader cannot see what you did.",
                "Give each recent job 3-5 bullets with what you did and what it changed.",
            )
        )
    if whole:
        findings.extend(document_rules(lines, order))
    if target_keywords:
        findings.extend(keyword_rule(lines, target, target_keywords))
    findings.sort(key=lambda f: (IMPACT[f.severity], f.line, f.rule))
    return Critique(findings, lines, words, bullets, with_metric)


def strong_start_share(lines: list[str]) -> float:
    """Share of bullets that open with a strong verb (used for a headline number)."""
    bullets = [BULLET.sub("", line) for line in lines if BULLET.match(line)]
    if not bullets:
        return 0.0
    return sum(1 for b in bullets if first_word(b) in STRONG_VERBS) / len(bullets)
