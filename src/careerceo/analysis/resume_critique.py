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
from careerceo.analysis.wording import clip
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
    "too-short": "medium",
    "contact": "high",
    "section-order": "medium",
    "dates": "medium",
    "keywords": "medium",
}
IMPACT = {"high": 0, "medium": 1, "low": 2}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:\+?\d[\d ().-]{6,}\d)(?!\d)")
_NAME = re.compile(r"^[A-Z][a-zA-Z'\u2019.-]+(?:\s+[A-Z][a-zA-Z'\u2019.-]*){1,3}$")
_CONTENT = re.compile(r"[a-z][a-z+#-]{3,}")
_STOPWORDS = frozenset(
    {"with", "from", "that", "this", "their", "were", "have", "been", "into", "over", "each",
     "daily", "weekly", "monthly", "various", "team", "teams"}
)  # fmt: skip


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
            _finding(
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


def _active(body: str, passive: str) -> str:
    """ "Invoices were processed for 40 clients" -> 'Start with the verb: "Processed invoices
    for 40 clients"' (the subject before the passive becomes the object)."""
    verb = passive.split()[-1]
    at = body.find(passive)
    before, after = body[:at].strip(" ,"), body[at + len(passive) :].strip(" ,.")
    after = re.sub(r"^by\s+(?:me|myself)\b\s*", "", after)
    if before and len(before.split()) <= 6 and not re.search(r"\b(?:by|which|that)\b", after):
        obj = before[:1].lower() + before[1:] if not before[:2].isupper() else before
        said = " ".join(x for x in (verb[:1].upper() + verb[1:], obj, after) if x)
        return f'Put yourself as the subject, starting with the verb: "{said}".'
    return (
        f'Put yourself as the subject, starting with the verb ("{verb[:1].upper()}{verb[1:]} ...").'
    )


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
        return f'Start with the verb: "{said[:1].upper()}{said[1:]}"'
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
    # A whole résumé (two sections or more), not a LinkedIn section or a pasted fragment, is
    # also judged as a document.
    whole = len({section for section, _ in order if section and section != "header"}) >= 2
    if whole and words < 150:
        findings.append(
            _finding(
                "too-short",
                1,
                lines[0],
                f"{words} words is thin for a résumé; the reader cannot see what you did.",
                "Give each recent job 3-5 bullets with what you did and what it changed.",
            )
        )
    if whole:
        findings.extend(_document_rules(lines, order))
    if target_keywords:
        findings.extend(_keyword_rule(lines, target, target_keywords))
    findings.sort(key=lambda f: (IMPACT[f.severity], f.line, f.rule))
    return Critique(findings, lines, words, bullets, with_metric)


def _document_rules(lines: list[str], order: list[tuple[str, int]]) -> list[Finding]:
    """Contact details, section order and one date style across jobs."""
    out: list[Finding] = []
    head = lines[:12]
    top = next((line.strip() for line in head if line.strip()), "")
    missing = []
    if not _NAME.match(top):
        missing.append("your name as the first line")
    if not any(_EMAIL.search(line) for line in lines):
        missing.append("an e-mail address")
    if not any(_PHONE.search(line) for line in head if not find_range(line)):
        missing.append("a phone number")
    if missing:
        out.append(
            _finding(
                "contact",
                1,
                top,
                "The reader cannot reach you: the top of the résumé lacks "
                + ", ".join(missing)
                + ".",
                "Put name, e-mail, phone and city on the first two lines (saved in your profile, "
                "they go into every export).",
            )
        )
    sections = [s for s, _ in order]
    if "education" in sections and "experience" in sections:
        edu = sections.index("education")
        exp = sections.index("experience")
        if edu < exp:
            at = order[edu][1]
            out.append(
                _finding(
                    "section-order",
                    at,
                    lines[at - 1] if at else "",
                    "Education comes before experience: the reader meets your degree before "
                    "what you have done.",
                    "Move Experience above Education (lead with education only while you are "
                    "a student or it is the requirement).",
                )
            )
    styles: dict[str, int] = {}
    starts = sorted((at, section) for section, at in order)
    for number, line in enumerate(lines, 1):
        found = find_range(line) if len(line) < 160 else None
        if found is None:
            continue
        section = next((sec for at, sec in reversed(starts) if at <= number), "")
        if section != "experience":
            continue  # a degree's years beside jobs' months is the usual, not a mix
        span = line[found[2][0] : found[2][1]]
        style = (
            "numeric"
            if re.search(r"\d{1,2}/\d{2,4}", span)
            else "month"
            if re.search(r"[A-Za-z]{3}", re.sub(r"(?i)present|current|now|today", "", span))
            else "year"
        )
        styles.setdefault(style, number)
        start, end = found[0], found[1]
        if end and end < start:
            out.append(
                _finding(
                    "dates",
                    number,
                    line,
                    "The end date is before the start date.",
                    "Check the dates of this job.",
                )
            )
    if len(styles) > 1:
        first = min(styles.values())
        other = max(styles.values())
        out.append(
            _finding(
                "dates",
                other,
                lines[other - 1],
                f"Dates are written {len(styles)} ways ({', '.join(sorted(styles))}; line "
                f"{first} and line {other}); mixed formats look careless.",
                'Use one format for every job, e.g. "Mar 2019 - Jun 2022".',
            )
        )
    return out


def _keyword_rule(lines: list[str], target: str, keywords: Sequence[str]) -> list[Finding]:
    text = " ".join(lines).casefold()
    shown = [k for k in keywords if re.search(rf"(?<!\w){re.escape(k.casefold())}(?!\w)", text)]
    absent = [k for k in keywords if k not in shown]
    if not absent:
        return []
    name = target or "your target"
    return [
        _finding(
            "keywords",
            1,
            lines[0] if lines else "",
            f"{len(shown)} of {len(keywords)} keywords of {name} appear in the résumé; "
            f"missing: {', '.join(absent[:10])}.",
            "Where one is true for you, name it in the bullet of the job that shows it (or in "
            "Skills); leave out what you have not done.",
        )
    ]


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
