"""Positions from the experience section of plain résumé text.

A position is anchored on its date range (the one thing every layout has); its title and
employer are read from the fields on the date line and the short lines around it, and the
lines up to the next position are its bullets and summary.
"""

from __future__ import annotations

import re

from careerceo.model.resume import (
    ResumePosition,
)
from careerceo.text.dates import find_range, parse_date
from careerceo.text.resume_lines import (
    BULLET,
    Wrap,
    continues,
    is_bullet,
    wrap_of,
)

TITLE_WORDS = re.compile(
    r"\b(engineer|developer|manager|director|analyst|consultant|specialist|officer|assistant|"
    r"associate|administrator|architect|designer|lead|head|chief|president|vp|intern|"
    r"coordinator|accountant|advisor|adviser|teacher|nurse|technician|scientist|representative|"
    r"supervisor|clerk|executive|owner|founder|partner|programmer|writer|editor|instructor|"
    r"professor|researcher|agent|attorney|advocate|lawyer|chef|cook|driver|operator|auditor|"
    r"controller|planner|buyer|recruiter|trainer|tester|therapist|pharmacist|physician|"
    r"counselor|member|volunteer|fellow|cashier|sales|receptionist|mechanic|electrician|"
    r"secretary|bookkeeper|paralegal|worker|staff|cto|ceo|cfo|coo|svp|evp|principal)s?\b",
    re.IGNORECASE,
)
EMPLOYER_WORDS = re.compile(
    r"\b(inc|llc|ltd|limited|corp|corporation|company|co|gmbh|plc|group|bank|university|college|"
    r"hospital|school|agency|institute|foundation|labs?|technologies|solutions|systems|"
    r"services|partners|consulting|associates|department|ministry|council|clinic|center|"
    r"centre|studio|ag|sa|bv)\b\.?",
    re.IGNORECASE,
)
DEGREE_WORDS = re.compile(
    r"\b(bachelors?|masters?|doctor|ph\.?\s?d|mba|msc|m\.sc|bsc|b\.sc|b\.?s\.?|m\.?s\.?|b\.?a\.?|"
    r"m\.?a\.?|b\.?e\.?|b\.?tech|m\.?tech|be|me|bba|bcom|b\.com|mca|bca|diploma|associate|"
    r"certificate|certification|high school|ged|a-levels|hsc|ssc|degree|licence|license|juris|"
    r"jd|md)\b|\b(?-i:AA|AAS|AS|BSN|ADN|MSN|BBM|BBA|LLB|LLM)\b",
    re.IGNORECASE,
)
INSTITUTION_WORDS = re.compile(
    r"\b(university|college|institute|school|academy|polytechnic|universit[éeä]t?|ecole|"
    r"école|conservatory|seminary|iit|mit)\b",
    re.IGNORECASE,
)
# A named institution: capitalised words ending in the kind of school, optionally "of <Place>"
# ("California State University of Hayward", "MYSORE UNIVERSITY", "Touro College").
INSTITUTION_NAME = re.compile(
    r"(?<![\w.&'\u2019-])(?:[A-Z][\w.&'\u2019-]*\s+(?:of\s+|the\s+)?){0,8}"
    r"(?:University|UNIVERSITY|College|COLLEGE|Institute|INSTITUTE|School|SCHOOL|Academy|"
    r"ACADEMY|Polytechnic|Conservatory|Universit[éeä]t?|[EÉ]cole)"
    r"(?:\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)?)?"
)
# Lookbehinds make each pattern start only where its run starts (linear on hostile lines).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?:\+?\d[\d\s().-]{7,}\d)")
URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin\.com|github\.com)/\S+", re.IGNORECASE)
SEPARATORS = re.compile(r"\s+(?:\||—|\u2013|-|@|at)\s+|\s*[|,;]\s*|\t+|\s{2,}", re.IGNORECASE)
STRONG_SEPARATORS = re.compile(
    r"\s+(?:\||—|\u2013|-|@|at)\s+|\s*[|;•·]\s*|\t+|\s{2,}", re.IGNORECASE
)
# LiveCareer and the Kaggle résumé sets built from it replace every employer with this
# placeholder; it is the employer, and it separates the title from the location around it.
PLACEHOLDER = re.compile(r"(?:(?<!\s)\s+)?\bCompany Name\b\s*")
# Surely an employer: the placeholder, or a name ending in a legal form ("Fabrikam Retail Ltd").
STRONG_EMPLOYER = re.compile(
    r"\bCompany Name\b|\b(?:inc|llc|ltd|limited|corp|gmbh|plc|ag|s\.?a|b\.?v)\.?$", re.IGNORECASE
)
LOCATION = re.compile(
    r"^(?:[A-Z][\w .'-]+,\s*[A-Z]{2}|City\s*,\s*State|[A-Z][\w .'-]+,\s*[A-Z][\w .'-]+|Remote)$"
)


def strip_bullet(line: str) -> str:
    return BULLET.sub("", line, count=1).strip()


def _header_like(line: str) -> bool:
    return (
        bool(line)
        and not is_bullet(line)
        and len(line) <= 80
        and not line.endswith((".", ";"))
        and not line[0].islower()
    )


def parts_of(text: str) -> list[str]:
    return [
        p.strip(" ,.-\u2013—|:") for p in SEPARATORS.split(text) if p and p.strip(" ,.-\u2013—|:")
    ]


LOCATION_IN = re.compile(
    r"(?:\bCity\s*,\s*State(?:\s*,\s*[A-Z][A-Za-z]+(?: [A-Z][a-z]+)?)?|"
    r"\b[A-Z][a-zA-Z.'-]+(?: [A-Z][a-zA-Z.'-]+)?,\s*[A-Z]{2}\b(?!\w))"
)
PLACEHOLDER_CITY = re.compile(r"(?<=Company Name)\s+City\s*$")


def _take_location(text: str, position: ResumePosition) -> str:
    if position.location:
        return text
    m = LOCATION_IN.search(text) or PLACEHOLDER_CITY.search(text)
    if m:
        position.location = m.group(0).strip()
        return text[: m.start()] + "  " + text[m.end() :]
    return text


def _header_parts(text: str, position: ResumePosition) -> list[str]:
    """The fields of a header fragment, split only where a layout separates fields (wide gaps,
    bars, dashes, "at"); commas are left for ``_assign`` because titles contain them
    ("Chief, Accounts Payable Branch")."""
    text = PLACEHOLDER.sub("  Company Name  ", _take_location(text, position))
    return [
        p.strip(" ,.-\u2013—|:")
        for p in STRONG_SEPARATORS.split(text)
        if p and p.strip(" ,.-\u2013—|:")
    ]


def _pure_employer(part: str) -> bool:
    return bool(STRONG_EMPLOYER.search(part)) or (
        bool(EMPLOYER_WORDS.search(part)) and not TITLE_WORDS.search(part)
    )


def _sentence_tail(part: str) -> str:
    """ "…a 24% increase in sales. Wine Steward/Educator": a title that the PDF put on the
    last line of the previous paragraph."""
    if len(part) > 50 and ". " in part:
        head, tail = part.rsplit(". ", 1)
        if tail[:1].isupper() and len(tail.split()) <= 8 and len(head.split()) >= 6:
            return tail.strip()
    return part


def _could_be_title(part: str) -> bool:
    return bool(TITLE_WORDS.search(part)) or not EMPLOYER_WORDS.search(part)


def _has_title(parts: list[str]) -> bool:
    return any(_could_be_title(p) for p in parts)


def _title_line(line: str) -> bool:
    """A line short and plain enough to be a job title or employer above or below a date."""
    return _header_like(line) and len(line) <= 70 and len(line.split()) <= 10


def _assign(parts: list[str], position: ResumePosition) -> None:
    """Decide which fragments are the title, the employer and the location."""
    if len(parts) == 1 and "," in parts[0]:
        # "Senior Analyst, Northwind Inc": one fragment holding both.
        parts = [p.strip(" .") for p in parts[0].split(",") if p.strip(" .")]
    parts = [_sentence_tail(p) for p in parts]
    strong = [p for p in parts if STRONG_EMPLOYER.search(p) and not TITLE_WORDS.search(p)]
    if strong and not position.employer:
        position.employer = strong[0]
        parts.remove(strong[0])
    # "Engineering Lab Technician": a title with an employer-ish word is still the title when
    # another fragment is plainly the employer.
    employer_elsewhere = bool(position.employer) or any(_pure_employer(p) for p in parts)
    rest: list[str] = []
    for part in parts:
        if not position.location and LOCATION.match(part) and not TITLE_WORDS.search(part):
            position.location = part
        elif (
            not position.title
            and TITLE_WORDS.search(part)
            and (not EMPLOYER_WORDS.search(part) or employer_elsewhere)
        ):
            position.title = part
        elif not position.employer and EMPLOYER_WORDS.search(part):
            position.employer = part
        else:
            rest.append(part)
    for part in rest:
        if not position.title:
            position.title = part
        elif not position.employer:
            position.employer = part
        elif not position.location and len(part) < 40:
            position.location = part


def _run_on_header(line: str) -> tuple[str, str] | None:
    """ "Staffing Coordinator Company Name City , State Created and kept…": a header and the
    first sentence flattened onto one line; split after the location that ends the header."""
    m = LOCATION_IN.search(line)
    if m is None or m.start() > 90 or len(line[: m.start()].split()) > 12:
        return None
    return line[: m.end()], line[m.end() :].strip()


def _line_parts(line: str, found: tuple[int, int], position: ResumePosition) -> list[str]:
    a, b = found
    return _header_parts(line[:a], position) + _header_parts(line[b:], position)


def _tidy(text: str) -> str:
    return " ".join(text.split())


Anchor = tuple[int, tuple[str, str, tuple[int, int]]]
# Words a sentence puts before a date range it mentions ("certified from 2003-2008").
_PROSE_BEFORE = re.compile(
    r"\b(?:from|in|between|since|during|of|for|by|until|and|through|over)\s*$", re.IGNORECASE
)
_ABBREVIATION_END = re.compile(r"\b(?:inc|ltd|co|corp|sr|jr|llc|plc|s\.a|n\.a|st)\.$", re.I)
_MONTH_YEAR_END = re.compile(
    r"\s((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d|"
    r"\d{1,2}/(?:19|20)\d\d)\s*$",
    re.IGNORECASE,
)


def _prose_anchor(line: str, span: tuple[int, int]) -> bool:
    """A date range inside a sentence or a bullet ("Geriatric Resource Nurse certification
    2003-2008.", "• Helped facilitate ... from 2015 to 2016") dates an achievement, not a job:
    job headers do not end in a full stop, and a range a sentence leads into is prose."""
    a, b = span
    before, after = line[:a].rstrip(), line[b:].strip()
    if _PROSE_BEFORE.search(before):
        return True
    rest = strip_bullet(f"{before} {after}".strip())
    if (
        rest.endswith(".")
        and not _ABBREVIATION_END.search(rest)
        and len(rest.split()) >= 3
        and not after.strip(" .")  # "Company Name 2007 to 2009 Chief, Branch." is a header
    ):
        return True
    return is_bullet(line) and len(rest.split()) > 8


def _title_at_end(line: str, span: tuple[int, int]) -> bool:
    """ "…placement objectives. Western Regional Sales Manager , 2005 to 2008": a long line
    whose last sentence is the next job's title with its dates."""
    if line[span[1] :].strip():
        return False
    head = line[: span[0]].rstrip(" ,|\u2013-")
    m = re.search(r"\.\s+([A-Z][^.]{2,60})$", head)
    return m is not None and len(m.group(1).split()) <= 8


def _single_date_header(line: str, below: str) -> tuple[str, str, tuple[int, int]] | None:
    """ "Sous Chef Jul 2010" above "Company Name City , State": a job the builder dated with
    one month (it began and ended then, or only the one date was entered)."""
    m = _MONTH_YEAR_END.search(line)
    if m is None or is_bullet(line):
        return None
    head = line[: m.start()].strip(" ,|-\u2013")
    if not head or len(head.split()) > 8 or head.endswith(".") or not head[0].isupper():
        return None
    if not (PLACEHOLDER.search(below) or (_title_line(below) and STRONG_EMPLOYER.search(below))):
        return None
    date = parse_date(m.group(1))
    return (date, date, m.span(1)) if date else None


def _placeholder_header(line: str) -> tuple[tuple[str, str, tuple[int, int]], str] | None:
    """ "Front Desk Agent Company Name City , State" or "Company Name , Phase II, Gurgaon …"
    with no dates anywhere near: an undated job in the LiveCareer layout. Returns the anchor
    (the header ends where the place does) and the text run on after it."""
    m = PLACEHOLDER.search(line)
    if m is None or is_bullet(line):
        return None
    head = line[: m.start()].strip()
    if head and (not _title_line(head) or len(head.split()) > 8):
        return None
    cut = m.end()
    place = re.match(
        r"\s*[,\u2013-]?\s*(?:City\s*,\s*State|[A-Z][\w .'-]+,\s*[A-Z]{2}\b)", line[cut:]
    )
    if place:
        cut += place.end()
    return ("", "", (cut, len(line))), line[cut:].strip(" ,")


def _anchors(entries: list[tuple[int, str]]) -> tuple[list[Anchor], dict[int, str]]:
    """Where positions start: each date range that heads a job (not one inside a sentence),
    then, away from those, one-date headers and undated placeholder headers."""
    anchors: list[Anchor] = []
    for i, (_, line) in enumerate(entries):
        found = find_range(line)
        if found is None or _prose_anchor(line, found[2]):
            continue
        if len(line) < 160 or _title_at_end(line, found[2]):
            anchors.append((i, found))
    near = {j for i, _ in anchors for j in range(i - 2, i + 3)}
    leads: dict[int, str] = {}
    for i, (_, line) in enumerate(entries):
        if i in near:
            continue
        below = entries[i + 1][1] if i + 1 < len(entries) else ""
        single = _single_date_header(line, below)
        if single is not None:
            anchors.append((i, single))
            near.update(range(i - 2, i + 3))
            continue
        undated = _placeholder_header(line)
        if undated is not None:
            anchors.append((i, undated[0]))
            near.update(range(i - 2, i + 3))
            if undated[1]:
                leads[i] = undated[1]
    return sorted(anchors), leads


def parse_experience(
    entries: list[tuple[int, str]], kind: str = "experience", wrap: Wrap | None = None
) -> list[ResumePosition]:
    """Each date range anchors one position. Its title and employer are the fields on the
    date line, then (while no title is found) up to two short lines above it, then short
    lines below it while a title or employer is still missing."""
    wrap = wrap or wrap_of([line for _, line in entries])
    anchors, leads = _anchors(entries)
    positions: list[ResumePosition] = []
    taken_until = -1
    for k, (anchor, found) in enumerate(anchors):
        number, line = entries[anchor]
        start, end, span = found
        position = ResumePosition(employer="", title="", start=start, end=end, line=number)
        parts = _line_parts(line, span, position)
        first = anchor
        while (
            not _has_title(parts)
            and first - 1 > taken_until
            and anchor - first < 2
            and _title_line(entries[first - 1][1])
        ):
            first -= 1
            parts = _header_parts(entries[first][1], position) + parts
            position.line = entries[first][0]
        next_anchor = anchors[k + 1][0] if k + 1 < len(anchors) else len(entries)
        body_start = anchor + 1
        lead = leads.get(anchor, "")
        while body_start < next_anchor and body_start - anchor <= 2:
            text = entries[body_start][1]
            has_employer = len(parts) >= 2 or any(_pure_employer(p) for p in parts)
            if not position.location and (
                LOCATION_IN.fullmatch(text.strip()) or text.strip() == "City"
            ):
                position.location = text.strip()
                body_start += 1
                continue
            if _has_title(parts) and has_employer:
                break
            if not _title_line(text):
                split = _run_on_header(text) if not is_bullet(text) else None
                if split is not None and "Company Name" in split[0]:
                    parts += _header_parts(split[0], position)
                    tail = split[1]
                    if (
                        not _has_title(parts)
                        and tail[:1].isupper()
                        and not tail.endswith((".", ";"))
                        and len(tail) <= 90
                        and len(tail.split()) <= 12
                    ):
                        parts += _header_parts(split[1], position)  # the title after the place
                    else:
                        lead = split[1]
                    body_start += 1
                break
            more = _header_parts(text, position)
            if _has_title(parts) and not any(EMPLOYER_WORDS.search(p) for p in more):
                break
            parts += more
            body_start += 1
        _assign(parts, position)
        body_end = next_anchor
        if k + 1 < len(anchors):
            body_end = _body_end(entries, anchors[k + 1], body_start)
        _fill_body(position, entries[body_start:body_end], lead, wrap)
        taken_until = body_end - 1
        if position.title or position.employer:
            positions.append(position)
    return positions


def _body_end(entries: list[tuple[int, str]], following: Anchor, body_start: int) -> int:
    """Where this entry's body ends: before the next entry's header lines (its title or
    employer above its dates), which belong to it."""
    body_end = following[0]
    probe = ResumePosition(employer="", title="", start="")
    nxt_parts = _line_parts(entries[body_end][1], following[1][2], probe)
    back = 0
    while (
        not _has_title(nxt_parts)
        and back < 2
        and body_end - 1 >= body_start
        and _title_line(entries[body_end - 1][1])
    ):
        body_end -= 1
        back += 1
        nxt_parts = _header_parts(entries[body_end][1], probe) + nxt_parts
    return body_end


def _fill_body(
    position: ResumePosition, body: list[tuple[int, str]], lead: str, wrap: Wrap
) -> None:
    """Bullets become highlights, the other lines the summary; a line the PDF wrapped joins
    the one it continues."""
    summary: list[str] = [lead] if lead else []
    prev = lead
    for _, raw in body:
        text = _tidy(raw)
        if is_bullet(text):
            position.highlights.append(strip_bullet(text))
        elif position.highlights and continues(prev, text, wrap):
            position.highlights[-1] += " " + text
        elif summary and continues(prev, text, wrap):
            summary[-1] += " " + text
        else:
            summary.append(text)
        prev = text
    position.summary = "\n".join(summary)
