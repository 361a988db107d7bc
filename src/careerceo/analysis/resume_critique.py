"""Rule-based critique of a résumé or a LinkedIn section (pure, offline).

Each finding points at one line, says what is wrong and why it costs the reader's attention,
and proposes a concrete rewrite pattern, filled in with the line's own words where the rule can
do that safely. The rules are the ones recruiters and résumé guides agree on: achievements over
duties, a strong verb first, a number in most bullets, active voice, no filler words, one tense
per job, sections of a readable length, and titles that match the scope described.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

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
from careerceo.text.dates import find_range
from careerceo.text.resume_lines import (
    BULLET,
    clean_lines,
    join_wrapped,
    split_sections,
    wrap_of,
)

DUTY_PHRASES = {"responsible for", "duties included", "tasked with", "in charge of"}
SCOPE = re.compile(
    r"\b(?:led|managed|directed|supervised|oversaw|headed)\s+(?:a\s+)?(?:team|staff|group|"
    r"department|\d+)|\b\d+\s+(?:direct\s+)?reports\b|\bbudget of\b|\b(?:p&l|hiring|hired)\b",
    re.IGNORECASE,
)
JUNIOR_TITLE = re.compile(
    r"\b(?:junior|jr\.?|assistant|associate|intern|trainee|coordinator|clerk|helper|aide)\b",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"\b(?:I|my|me)\b")
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
}


@dataclass(frozen=True)
class Finding:
    rule: str
    line: int  # 1-based line in the text that was critiqued
    text: str
    explanation: str
    suggestion: str
    severity: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Critique:
    findings: list[Finding]
    lines: list[str]
    words: int
    bullets: int
    bullets_with_metric: int

    def by_line(self) -> dict[int, list[Finding]]:
        grouped: dict[int, list[Finding]] = {}
        for finding in self.findings:
            grouped.setdefault(finding.line, []).append(finding)
        return grouped

    def as_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "bullets": self.bullets,
            "bullets_with_metric": self.bullets_with_metric,
            "counts": {r: sum(1 for f in self.findings if f.rule == r) for r in SEVERITY},
            "findings": [f.as_dict() for f in self.findings],
        }


def _finding(rule: str, line: int, text: str, explanation: str, suggestion: str) -> Finding:
    return Finding(rule, line, text, explanation, suggestion, SEVERITY[rule])


def _rewrite_opening(text: str, phrase: str) -> str:
    strong = strengthen_opening(text)
    if strong is None:
        # the words after the opening do not take a verb ("helped the team migrate ..."):
        # a pattern with the person's own part to fill in
        verbs = " | ".join(WEAK_OPENINGS[phrase][1])
        return f"<{verbs}> <what you did yourself>, <result with a number>"
    return f"{strong.rstrip('.')}, <result with a number: how much, how many, how fast>"


def _is_prose(line: str) -> bool:
    """A sentence in a job description (not a title/employer/location header line)."""
    return len(line.split()) >= 8 and "|" not in line


_LABEL = re.compile(r"^[A-Z][\w&/' -]{0,40}:\s+(?=\S)")


def _opening(text: str) -> str:
    """The bullet from its first word of substance: "• Migration: Moved the warehouse" ->
    "Moved the warehouse" (a short label before a colon is not the opening verb)."""
    body = BULLET.sub("", text).strip()
    label = _LABEL.match(body)
    if label and len(label.group(0).split()) <= 4:
        return body[label.end() :]
    return body


def _line_rules(
    number: int, text: str, in_experience: bool, prose_is_bullet: bool = True
) -> list[Finding]:
    found: list[Finding] = []
    body = BULLET.sub("", text).strip()
    is_bullet = bool(BULLET.match(text)) or (in_experience and prose_is_bullet and _is_prose(body))
    phrase = weak_opening(_opening(text))
    if phrase:
        rule = "duty-statement" if phrase in DUTY_PHRASES else "weak-opening"
        why = WEAK_OPENINGS[phrase][0]
        found.append(
            _finding(
                rule,
                number,
                text,
                f'Opens with "{phrase}": it {why}. Readers skim the first two words of a bullet.',
                "Rewrite as verb + what + result: " + _rewrite_opening(_opening(text), phrase),
            )
        )
    passive = PASSIVE.search(body)
    if passive and not phrase:
        found.append(
            _finding(
                "passive-voice",
                number,
                text,
                f'Passive voice ("{passive.group(0)}") hides who did the work — you.',
                'Put yourself as the subject: "<Verb>ed <object> ...", e.g. "Reports were '
                'prepared for finance" -> "Prepared weekly reports for finance, <result>"',
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
            _finding(
                "no-metric",
                number,
                text,
                "No number: without scale or result the reader cannot tell how big the work was.",
                f'Add one measure: "{body.rstrip(".")}, <by X% | saving N hours | for N users | '
                'worth $N>"',
            )
        )
    lowered = f" {body.lower()} "
    for word, fix in VAGUE_WORDS.items():
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", lowered):
            found.append(
                _finding(
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
            _finding(
                "first-person",
                number,
                text,
                'Résumé bullets drop "I"/"my"; the whole document is about you.',
                _without_i(body),
            )
        )
    return found


def _without_i(body: str) -> str:
    """ "I coordinated the budget with 4 teams." -> 'Start with the verb: "Coordinated the
    budget with 4 teams"'; other first-person sentences get the pattern."""
    m = re.match(r"^I\s+(?:also\s+|then\s+)?([a-z]+ly\s+)?([a-z]+)\b(.*)$", body.rstrip("."))
    if m and verb_tense(m.group(2)) == "past":
        said = f"{m.group(1) or ''}{m.group(2)}{m.group(3)}"
        return f'Start with the verb: "{said[:1].upper()}{said[1:]}"'
    return 'Start with the verb: "I managed the budget" -> "Managed the $N budget"'


def critique_text(text: str) -> Critique:
    lines = clean_lines(text)
    findings: list[Finding] = []
    bullets = with_metric = 0
    words = sum(len(line.split()) for line in lines)
    wrap = wrap_of(lines)
    for section, heading_line, entries in split_sections(lines):
        in_exp = section in {"experience", "projects", "volunteer", "accomplishments"}
        if in_exp or section == "summary":
            # judge a sentence the PDF wrapped as one bullet, at the line it starts on
            entries = join_wrapped(entries, wrap)
        headers = _position_headers(entries) if in_exp else set()
        marked = _marked_jobs(entries, headers)
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
                    _finding(
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
            findings.extend(_experience_rules(entries, lines))
    if words > 1100:
        findings.append(
            _finding(
                "too-long",
                1,
                lines[0] if lines else "",
                f"{words} words is more than two pages; long résumés get skimmed, not read.",
                "Keep the last 10-15 years in detail; cut older jobs to one line each and bullets "
                "to the 3-5 with results.",
            )
        )
    findings.sort(key=lambda f: (f.line, f.rule))
    return Critique(findings, lines, words, bullets, with_metric)


def _marked_jobs(entries: list[tuple[int, str]], headers: set[int]) -> set[int]:
    """Line numbers of the lines in a job (the lines between two position headers) that has at
    least one marked bullet ("•", "-", ...)."""
    marked: set[int] = set()
    group: list[tuple[int, str]] = []
    for number, line in [*entries, (-1, "")]:
        if number in headers or number == -1:
            if any(BULLET.match(text) for _, text in group):
                marked.update(n for n, _ in group)
            group = []
        else:
            group.append((number, line))
    return marked


def _position_headers(entries: list[tuple[int, str]]) -> set[int]:
    """Line numbers of position headers: a line with a date range, and the title/employer line
    above a line that holds only the dates and place ("Analyst, Acme" / "Jan 2020 to Mar 2022 |
    Boston")."""
    headers: set[int] = set()
    for i, (number, line) in enumerate(entries):
        found = find_range(line) if len(line) < 120 else None
        if found is None:
            continue
        headers.add(number)
        a, b = found[2]
        after = line[b:].strip()
        # "Jan 2020 to Mar 2022" or "Jan 2020 to Mar 2022 | Boston": dates (and place) only
        only_dates = not line[:a].strip() and (len(after) < 3 or after[:1] in "|,·\u2022")
        if only_dates and i > 0 and not BULLET.match(entries[i - 1][1]):
            previous = entries[i - 1][1]
            # "One Technologies, L.P." ends with an abbreviation, not a sentence
            if len(previous) <= 100 and not re.search(r"[a-z]{2}[.!?]$", previous.rstrip()):
                headers.add(entries[i - 1][0])
    return headers


def _experience_rules(entries: list[tuple[int, str]], lines: list[str]) -> list[Finding]:
    """Per-job rules: tense consistency, bullet count, titles that undersell the scope."""
    findings: list[Finding] = []
    jobs: list[tuple[int, str, bool, list[tuple[int, str]]]] = []
    headers = _position_headers(entries)
    for number, line in entries:
        found = find_range(line) if len(line) < 120 else None
        if found is not None:
            current = found[1] == ""
            header = line
            # the title may sit on the line above the dates
            if len(line[: found[2][0]].strip() + line[found[2][1] :].strip()) < 3 and number > 1:
                header = lines[number - 2] + " " + line
            jobs.append((number, header, current, []))
        elif jobs and number not in headers:  # the next job's title line is not a bullet
            jobs[-1][3].append((number, line))
    for number, header, current, body in jobs:
        tenses: list[tuple[int, str, str]] = []
        marked = any(BULLET.match(text) for _, text in body)
        for n, text in body:
            if marked and not BULLET.match(text):
                continue  # the job's description, not one of its bullets
            tense = verb_tense(first_word(_opening(text)))
            if tense and first_word(_opening(text)) not in {"responsible"}:
                tenses.append((n, text, tense))
        expected = "past" if not current else None
        if current and tenses:
            past = sum(1 for _, _, t in tenses if t == "past")
            expected = "past" if past * 2 >= len(tenses) else "present"
        for n, text, tense in tenses:
            if expected and tense != expected:
                when = (
                    "a past job" if not current else "this job (most bullets use the other tense)"
                )
                findings.append(
                    _finding(
                        "tense",
                        n,
                        text,
                        f"{tense.title()} tense in {when}; mixed tenses read as careless.",
                        f"Use the {expected} tense throughout this job "
                        f'("{"Led" if expected == "past" else "Lead"}'
                        f'", not "{"Lead" if expected == "past" else "Led"}").',
                    )
                )
        bullet_count = sum(1 for _, t in body if BULLET.match(t))
        _low, high = LIMITS["experience_bullets"]
        if bullet_count > high:
            findings.append(
                _finding(
                    "section-length",
                    number,
                    header,
                    f"{bullet_count} bullets for one job; past {high} the best ones get lost.",
                    f"Keep the {high // 2 + 1} bullets with the biggest results; "
                    "merge or cut the rest.",
                )
            )
        scope_hits = [t for _, t in body if SCOPE.search(t)]
        if JUNIOR_TITLE.search(header) and scope_hits:
            findings.append(
                _finding(
                    "title-undersells",
                    number,
                    header,
                    f"The title reads junior but the description shows leadership scope "
                    f'("{SCOPE.search(scope_hits[0]).group(0)}").',  # type: ignore[union-attr]
                    'Keep the official title but add the scope: "<Title> (led team of N)" or '
                    '"<Title> — acting <Lead/Manager>", and open the bullets with that scope.',
                )
            )
    return findings


def strong_start_share(lines: list[str]) -> float:
    """Share of bullets that open with a strong verb (used for a headline number)."""
    bullets = [BULLET.sub("", line) for line in lines if BULLET.match(line)]
    if not bullets:
        return 0.0
    return sum(1 for b in bullets if first_word(b) in STRONG_VERBS) / len(bullets)
