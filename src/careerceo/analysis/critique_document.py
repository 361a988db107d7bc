"""Résumé critique rules that read more than one line: contact details, section order, one date
style, keyword coverage, and per-job tense, length and title scope."""

from __future__ import annotations

import re
from collections.abc import Sequence

from careerceo.analysis.critique_findings import LIMITS, Finding, finding, opening
from careerceo.analysis.resume_language import first_word, verb_tense
from careerceo.text.dates import find_range
from careerceo.text.resume_lines import BULLET

SCOPE = re.compile(
    r"\b(?:led|managed|directed|supervised|oversaw|headed)\s+(?:a\s+)?(?:team|staff|group|"
    r"department|\d+)|\b\d+\s+(?:direct\s+)?reports\b|\bbudget of\b|\b(?:p&l|hiring|hired)\b",
    re.IGNORECASE,
)
JUNIOR_TITLE = re.compile(
    r"\b(?:junior|jr\.?|assistant|associate|intern|trainee|coordinator|clerk|helper|aide)\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:\+?\d[\d ().-]{6,}\d)(?!\d)")
_NAME = re.compile(r"^[A-Z][a-zA-Z'\u2019.-]+(?:\s+[A-Z][a-zA-Z'\u2019.-]*){1,3}$")


def document_rules(lines: list[str], order: list[tuple[str, int]]) -> list[Finding]:
    """Contact details, section order and one date style across jobs."""
    return [*_contact_rule(lines), *_order_rule(lines, order), *_date_rules(lines, order)]


def _contact_rule(lines: list[str]) -> list[Finding]:
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
            finding(
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
    return out


def _order_rule(lines: list[str], order: list[tuple[str, int]]) -> list[Finding]:
    out: list[Finding] = []
    sections = [s for s, _ in order]
    if "education" in sections and "experience" in sections:
        edu = sections.index("education")
        exp = sections.index("experience")
        if edu < exp:
            at = order[edu][1]
            out.append(
                finding(
                    "section-order",
                    at,
                    lines[at - 1] if at else "",
                    "Education comes before experience: the reader meets your degree before "
                    "what you have done.",
                    "Move Experience above Education (lead with education only while you are "
                    "a student or it is the requirement).",
                )
            )
    return out


def _date_rules(lines: list[str], order: list[tuple[str, int]]) -> list[Finding]:
    out: list[Finding] = []
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
                finding(
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
            finding(
                "dates",
                other,
                lines[other - 1],
                f"Dates are written {len(styles)} ways ({', '.join(sorted(styles))}; line "
                f"{first} and line {other}); mixed formats look careless.",
                'Use one format for every job, e.g. "Mar 2019 - Jun 2022".',
            )
        )
    return out


def keyword_rule(lines: list[str], target: str, keywords: Sequence[str]) -> list[Finding]:
    text = " ".join(lines).casefold()
    shown = [k for k in keywords if re.search(rf"(?<!\w){re.escape(k.casefold())}(?!\w)", text)]
    absent = [k for k in keywords if k not in shown]
    if not absent:
        return []
    name = target or "your target"
    return [
        finding(
            "keywords",
            1,
            lines[0] if lines else "",
            f"{len(shown)} of {len(keywords)} keywords of {name} appear in the résumé; "
            f"missing: {', '.join(absent[:10])}.",
            "Where one is true for you, name it in the bullet of the job that shows it (or in "
            "Skills); leave out what you have not done.",
        )
    ]


def marked_jobs(entries: list[tuple[int, str]], headers: set[int]) -> set[int]:
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


def position_headers(entries: list[tuple[int, str]]) -> set[int]:
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


def experience_rules(entries: list[tuple[int, str]], lines: list[str]) -> list[Finding]:
    """Per-job rules: tense consistency, bullet count, titles that undersell the scope."""
    findings: list[Finding] = []
    jobs: list[tuple[int, str, bool, list[tuple[int, str]]]] = []
    headers = position_headers(entries)
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
            tense = verb_tense(first_word(opening(text)))
            if tense and first_word(opening(text)) not in {"responsible"}:
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
                    finding(
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
                finding(
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
                finding(
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
