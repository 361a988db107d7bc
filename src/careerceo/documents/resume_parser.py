"""Plain résumé text to a structured ``Resume``: sections, positions, education, skills.

Pure and heuristic. Headings are recognised from a vocabulary of the names résumés actually
use; a position is anchored on its date range (the one thing every layout has) and its title
and employer are read from the text around that range. Whatever the parser cannot place is kept
in ``Resume.sections`` so a preview can show it rather than silently dropping it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerceo.documents.dates import END_DATE, ONE_DATE, SINGLE, find_range, parse_date
from careerceo.documents.model import (
    Resume,
    ResumeCertification,
    ResumeEducation,
    ResumeLanguage,
    ResumePosition,
    ResumeSkill,
)

HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary", "professional summary", "profile", "professional profile", "about me",
        "objective", "career objective", "career summary", "executive summary", "about",
        "personal statement", "overview", "summary of qualifications", "qualifications summary",
        "executive profile", "career overview", "professional overview", "career profile",
        "career focus", "executive overview", "profile summary", "summary of experience",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "employment",
        "employment history", "work history", "career history", "relevant experience",
        "professional background", "experience details", "company details", "positions",
    ),
    "education": (
        "education", "education and training", "academic background", "academic qualifications",
        "educational qualifications", "education details", "qualifications", "academics",
    ),
    "skills": (
        "skills", "technical skills", "core skills", "key skills", "skill set", "skillset",
        "core competencies", "competencies", "areas of expertise", "expertise", "highlights",
        "skills summary", "technologies", "tools", "technical proficiencies", "strengths",
        "skill highlights", "computer skills", "core qualifications", "key qualifications",
        "core strengths", "key strengths",
    ),
    "certifications": (
        "certifications", "certificates", "licenses", "licenses and certifications",
        "certifications and licenses", "professional certifications", "licences", "license",
        "licence", "licensure", "certification",
    ),
    "languages": ("languages", "language skills", "spoken languages"),
    "projects": ("projects", "personal projects", "key projects", "selected projects"),
    "accomplishments": ("accomplishments", "achievements", "key achievements", "awards",
                        "honors", "honours", "awards and honors", "core accomplishments",
                        "key accomplishments", "selected accomplishments"),
    "volunteer": ("volunteer", "volunteering", "volunteer experience", "community service",
                  "volunteer activities", "volunteer work"),
    "publications": ("publications", "papers", "presentations", "publications and presentations",
                     "lectures", "conference presentations"),
    "interests": ("interests", "hobbies", "hobbies and interests"),
    "references": ("references",),
    "additional": ("additional information", "additional", "other", "activities", "affiliations",
                   "professional affiliations", "training"),
}  # fmt: skip
HEADING_OF = {name: section for section, names in HEADINGS.items() for name in names}
# "Computer Skills", "IT Proficiencies", "Technical Skill Set": a kind of skill, then the noun.
# Only kinds that name a list ("Communication Skills" is a sub-heading of prose, not a list).
SKILLS_HEADING = re.compile(
    r"^(?:(?:computer|technical|it|software|programming|core|key|professional|relevant|"
    r"additional|digital|specialized|job|functional|other) )+"
    r"(?:skills?|skill set|skillset|competencies|proficiencies|expertise)$"
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
BULLET = re.compile(r"^\s*(?:[•●▪■◦‣∙·*\-\u2013—>»✓✔]|\d{1,2}[.)])\s+")
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


def fix_mojibake(line: str) -> str:
    """UTF-8 read as Latin-1/CP1252 ("â€¢" for "•"), common in exported résumé text."""
    if not any(marker in line for marker in ("â", "Ã", "Â")):
        return line
    for codec in ("cp1252", "latin-1"):
        try:
            return line.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return line


INLINE_HEADING = re.compile(
    r"^("
    + "|".join(sorted((re.escape(h) for h in HEADING_OF), key=len, reverse=True))
    + r")(?: details)?\s*([:*•|\u2013-])\s*(\S.*)$",
    re.IGNORECASE,
)


def clean_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines: list[str] = []
    section = ""
    for raw in text.split("\n"):
        line = _spaces(fix_mojibake(raw))
        m = INLINE_HEADING.match(line)
        if heading_of(line):
            section = heading_of(line) or ""
        elif m and not (m.group(2) == ":" and section == "skills"):
            # "Skills * Python, SQL" (flattened text): the heading, then its content; but
            # "Languages: Python, R" inside a skills section is a skill group.
            lines.extend([m.group(1), m.group(3)])
            section = heading_of(m.group(1)) or ""
            continue
        lines.append(line)
    return _join_split_ranges(lines)


LONE_DATE = re.compile(rf"{ONE_DATE}", re.IGNORECASE)
LONE_END = re.compile(END_DATE, re.IGNORECASE)
CONNECTOR = re.compile(r"to|until|till|through|-|\u2013|—", re.IGNORECASE)


def _join_split_ranges(lines: list[str]) -> list[str]:
    """A narrow date column wraps "June 2013 / to / March 2016" onto lines of their own; put
    the range back on one line so it can anchor the position. Blank lines keep their place so
    line numbers still point at the source."""
    out = list(lines)
    for i in range(len(out) - 1):
        if not LONE_DATE.fullmatch(out[i]):
            continue
        if i + 2 < len(out) and CONNECTOR.fullmatch(out[i + 1]) and LONE_END.fullmatch(out[i + 2]):
            out[i] = f"{out[i]} to {out[i + 2]}"
            out[i + 1] = out[i + 2] = ""
        elif re.fullmatch(rf"(?:to|-|\u2013)\s*{END_DATE}", out[i + 1], re.IGNORECASE):
            out[i] = f"{out[i]} {out[i + 1]}"
            out[i + 1] = ""
    return out


def _spaces(raw: str) -> str:
    """One space between words, two between fields (tabs and wide gaps mark a new field);
    a stray "Â" (a non-breaking space decoded as Latin-1) becomes a space."""
    line = re.sub(r"\u00c2(?=[\s\u00a0]|$)", "", raw)
    line = re.sub(r"(?<=[a-z.,;])\u00c2(?=[A-Za-z])", " ", line)
    line = re.sub(r"[ \u00a0]*\t[ \t\u00a0]*| {2,}", "  ", line)
    return re.sub(r"[^\S\n ]+", " ", line).strip()


def heading_of(line: str) -> str | None:
    """The section a line opens, if it is a heading."""
    candidate = line.strip().rstrip(":").strip()
    if not candidate or len(candidate) > 45:
        return None
    key = re.sub(r"\s+", " ", candidate.lower().replace("&", "and"))
    found = HEADING_OF.get(key) or HEADING_OF.get(key.removesuffix(" details"))
    if found is None and SKILLS_HEADING.match(key):
        return "skills"
    return found


def split_sections(lines: list[str]) -> list[tuple[str, int, list[tuple[int, str]]]]:
    """(section, heading line number (1-based), [(line number, text)]) in document order."""
    sections: list[tuple[str, int, list[tuple[int, str]]]] = [("header", 0, [])]
    for number, line in enumerate(lines, start=1):
        section = heading_of(line)
        if section is not None:
            sections.append((section, number, []))
        elif line:
            sections[-1][2].append((number, line))
    return sections


# A line a PDF wrapped ends on a word a sentence cannot end on.
_OPEN_END = re.compile(
    r"(?:[,&/\u2013-]|\b(?:a|an|the|and|or|of|to|for|in|on|at|by|with|from|as|into|that|which|"
    r"who|whose|including|such|per|via|than|its|their|our|my|your|his|her|both|between|over|"
    r"under|across|through|while|when|where|during|is|are|was|were|be|been|not|all|each|any))$",
    re.IGNORECASE,
)
_TERMINAL = (".", "!", "?", ":", ";")


@dataclass(frozen=True)
class Wrap:
    """How a document's prose lines wrap: the column width (characters) and whether its author
    ends sentences with a full stop, so a full-width line without one was cut by the layout."""

    width: int = 0
    punctuates: bool = False


def wrap_of(lines: list[str]) -> Wrap:
    prose = [line for line in lines if len(line.split()) >= 8]
    if len(prose) < 5:
        return Wrap()
    lengths = sorted(len(line) for line in prose)
    width = lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]
    ends = [line for line in prose if len(line) < 0.7 * width and not heading_of(line)]
    punctuates = bool(ends) and sum(line.endswith(_TERMINAL) for line in ends) >= 0.6 * len(ends)
    return Wrap(width, punctuates)


def continues(prev: str, line: str, wrap: Wrap) -> bool:
    """Whether ``line`` carries on the sentence the (physical) line ``prev`` started, because
    the PDF's column wrapped it: the next line opens in lower case, or the previous one runs to
    the column's edge and stops mid-sentence."""
    if not prev or not line or _is_bullet(line) or heading_of(line):
        return False
    if find_range(prev) and len(prev) < 120:
        return False  # after a position header
    if line[:1].islower():
        return not prev.endswith(_TERMINAL[:3])
    if find_range(line):
        return False  # a position header, not prose
    if prev.endswith(_TERMINAL) or not wrap.width or len(prev) < 0.7 * wrap.width:
        return False
    return wrap.punctuates or bool(_OPEN_END.search(prev))


def join_wrapped(entries: list[tuple[int, str]], wrap: Wrap) -> list[tuple[int, str]]:
    """Sentences a PDF wrapped over several lines put back on one, numbered by their first."""
    out: list[tuple[int, str]] = []
    prev = ""
    for number, line in entries:
        if out and continues(prev, line, wrap):
            out[-1] = (out[-1][0], f"{out[-1][1]} {line}")
        else:
            out.append((number, line))
        prev = line
    return out


def _is_bullet(line: str) -> bool:
    return bool(BULLET.match(line))


def _strip_bullet(line: str) -> str:
    return BULLET.sub("", line, count=1).strip()


def _header_like(line: str) -> bool:
    return (
        bool(line)
        and not _is_bullet(line)
        and len(line) <= 80
        and not line.endswith((".", ";"))
        and not line[0].islower()
    )


def _parts(text: str) -> list[str]:
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


def parse_experience(
    entries: list[tuple[int, str]], kind: str = "experience", wrap: Wrap | None = None
) -> list[ResumePosition]:
    """Each date range anchors one position. Its title and employer are the fields on the
    date line, then (while no title is found) up to two short lines above it, then short
    lines below it while a title or employer is still missing."""
    wrap = wrap or wrap_of([line for _, line in entries])
    ranges = [(i, find_range(line)) for i, (_, line) in enumerate(entries) if len(line) < 160]
    anchors = [(i, found) for i, found in ranges if found is not None]
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
        lead = ""
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
                split = _run_on_header(text) if not _is_bullet(text) else None
                if split is not None and "Company Name" in split[0]:
                    parts += _header_parts(split[0], position)
                    tail = split[1]
                    if (
                        not _has_title(parts)
                        and _header_like(tail)
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
        # Leave the next entry's header lines (title/employer above its dates) to it.
        if k + 1 < len(anchors):
            nxt_line = entries[next_anchor][1]
            probe = ResumePosition(employer="", title="", start="")
            nxt_parts = _line_parts(nxt_line, anchors[k + 1][1][2], probe)
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
        summary: list[str] = [lead] if lead else []
        prev = lead
        for _, raw in entries[body_start:body_end]:
            text = _tidy(raw)
            if _is_bullet(text):
                position.highlights.append(_strip_bullet(text))
            elif position.highlights and continues(prev, text, wrap):
                position.highlights[-1] += " " + text
            elif summary and continues(prev, text, wrap):
                summary[-1] += " " + text
            else:
                summary.append(text)
            prev = text
        position.summary = "\n".join(summary)
        taken_until = body_end - 1
        if position.title or position.employer:
            positions.append(position)
    return positions


def _education_parts(text: str) -> list[str]:
    """Fields of an education line with the place taken out and a named institution cut from
    the degree it was run into ("Associate : Accounting Tidewater Community College")."""
    text = LOCATION_IN.sub("  ", text)
    text = re.sub(r"(?<=\s)City\s*$", "", text)
    out: list[str] = []
    for part in _parts(text):
        m = INSTITUTION_NAME.search(part)
        if m and not INSTITUTION_NAME.fullmatch(part) and len(m.group(0).split()) > 1:
            out.extend(p for p in (part[: m.start()].strip(" :,-"), m.group(0)) if p)
            rest = part[m.end() :].strip(" :,-")
            if rest:
                out.append(rest)
        else:
            out.append(part)
    return out


def parse_education(entries: list[tuple[int, str]]) -> list[ResumeEducation]:
    result: list[ResumeEducation] = []
    current: ResumeEducation | None = None
    for _, raw in entries:
        line = _strip_bullet(raw)
        found = find_range(line)
        start = end = ""
        if found:
            start, end, (a, b) = found
            line_wo = (line[:a] + "  " + line[b:]).strip(" ,-\u2013|")
        else:
            years = SINGLE.findall(line)
            line_wo = line
            if years:
                end = parse_date(years[-1])
                line_wo = SINGLE.sub("  ", line).strip(" ,-\u2013|()")
        parts = _education_parts(line_wo)
        institution = next((p for p in parts if INSTITUTION_NAME.fullmatch(p)), "") or next(
            (p for p in parts if INSTITUTION_WORDS.search(p)), ""
        )
        degree = next((p for p in parts if DEGREE_WORDS.search(p) and p != institution), "")
        if institution and (current is None or current.institution):
            current = ResumeEducation(institution=institution)
            result.append(current)
        elif institution and current is not None:
            current.institution = institution
        if degree:
            if current is None or (current.degree and not institution):
                current = ResumeEducation(institution="")
                result.append(current)
            current.degree = degree
            m = re.search(r"\bin\s+(.+)$", degree) or re.search(r"\bof\s+(.+)$", degree)
            if m and not current.field:
                current.field = m.group(1).strip()
        if current is None:
            continue
        if start or end:
            current.start = current.start or start
            current.end = current.end or end
        leftovers = [p for p in parts if p not in {institution, degree}]
        grade = re.search(r"\b(?:gpa|cgpa|grade)\s*:?\s*([\d.]+(?:\s*/\s*[\d.]+)?)", line, re.I)
        if grade:
            current.grade = grade.group(1)
        elif leftovers and not institution and not degree:
            current.description = (current.description + "\n" + line).strip()
    return [e for e in result if e.institution or e.degree]


def parse_skills(entries: list[tuple[int, str]]) -> list[ResumeSkill]:
    skills: list[ResumeSkill] = []
    seen: set[str] = set()
    loose: list[str] = []
    pieces = [
        piece for _, raw in entries for piece in re.split(r"\s+[*•▪●]\s+", _strip_bullet(raw))
    ]
    for raw in pieces:
        line = _strip_bullet(raw)
        group = re.match(r"^([A-Z][\w /&+-]{1,40}):\s*(.+)$", line)
        if group:
            keywords = [k for k in _skill_items(group.group(2)) if k.lower() not in seen]
            seen.update(k.lower() for k in keywords)
            skills.append(
                ResumeSkill(name=group.group(1).strip(), keywords=keywords, heading_only=True)
            )
            continue
        for item in _skill_items(line):
            if item.lower() not in seen:
                seen.add(item.lower())
                loose.append(item)
    skills.extend(ResumeSkill(name=item) for item in loose)
    return skills


def _skill_items(text: str) -> list[str]:
    items = re.split(r"\s*[,;|•·]\s*|\s{2,}|\t", text)
    return [
        i.strip(" .")
        for i in items
        if 1 < len(i.strip(" .")) <= 60 or re.fullmatch(r"[A-Z]", i.strip(" ."))
    ]


def parse_certifications(entries: list[tuple[int, str]]) -> list[ResumeCertification]:
    result = []
    for _, raw in entries:
        line = _strip_bullet(raw)
        years = SINGLE.findall(line)
        date = parse_date(years[-1]) if years else ""
        text = SINGLE.sub("", line).strip(" ,-\u2013|()") if years else line
        parts = _parts(text)
        if not parts:
            continue
        result.append(ResumeCertification(name=parts[0], issuer=", ".join(parts[1:2]), date=date))
    return result


def parse_languages(entries: list[tuple[int, str]]) -> list[ResumeLanguage]:
    result = []
    for _, raw in entries:
        for item in re.split(r"\s*[,;|•]\s*", _strip_bullet(raw)):
            m = re.match(r"^([A-Za-zÀ-ÿ' ]{2,30}?)\s*(?:[(:\u2013-]\s*([^)]*)\)?)?$", item.strip())
            if m:
                result.append(
                    ResumeLanguage(name=m.group(1).strip(), fluency=(m.group(2) or "").strip())
                )
    return result


def parse_header(entries: list[tuple[int, str]], resume: Resume) -> None:
    for _, line in entries[:12]:
        if not resume.email and (m := EMAIL.search(line)):
            resume.email = m.group(0)
        if not resume.url and (m := URL.search(line)):
            resume.url = m.group(0).rstrip(".,;)")
        stripped = URL.sub("", EMAIL.sub("", line))
        if not resume.location:
            for part in re.split(r"\s*[|•·]\s*", stripped):
                if LOCATION_IN.fullmatch(part.strip()):
                    resume.location = part.strip()
        if not resume.phone and (m := PHONE.search(stripped)):
            digits = re.sub(r"\D", "", m.group(0))
            if 8 <= len(digits) <= 15 and not find_range(m.group(0)):
                resume.phone = m.group(0).strip()
    for _, line in entries[:6]:
        if EMAIL.search(line) or URL.search(line) or (PHONE.search(line) and len(line) < 25):
            continue
        words = line.split()
        if not resume.name and 1 < len(words) <= 5 and not any(c.isdigit() for c in line):
            resume.name = line.title() if line.isupper() else line
            continue
        if resume.name and not resume.label and len(line) <= 80 and not LOCATION.match(line):
            resume.label = line
        elif resume.name and not resume.location and LOCATION.match(line):
            resume.location = line
    if not resume.name and entries:
        resume.label = entries[0][1] if len(entries[0][1]) <= 80 else ""


def parse_resume_text(text: str) -> Resume:
    """The whole parse: header, then each section by its kind."""
    lines = clean_lines(text)
    wrap = wrap_of(lines)
    resume = Resume()
    for section, heading_line, entries in split_sections(lines):
        body = "\n".join(line for _, line in join_wrapped(entries, wrap))
        if section == "header":
            parse_header(entries, resume)
            if not any(s for s, _, _ in split_sections(lines)[1:]) and entries:
                resume.warnings.append("no section headings found; the text was kept as is")
        elif section == "summary":
            resume.summary = (resume.summary + "\n" + body).strip()
        elif section == "experience":
            found = parse_experience(entries, wrap=wrap)
            resume.positions.extend(found)
            if entries and not found:
                resume.warnings.append(
                    f"line {heading_line}: an experience section without dated positions; "
                    "add dates like 'Jan 2019 \u2013 Present' so each job can be recognised"
                )
        elif section == "education":
            resume.education.extend(parse_education(entries))
        elif section == "skills":
            resume.skills.extend(parse_skills(entries))
        elif section == "certifications":
            resume.certifications.extend(parse_certifications(entries))
        elif section == "languages":
            resume.languages.extend(parse_languages(entries))
        elif body:
            resume.sections[section] = (resume.sections.get(section, "") + "\n" + body).strip()
    titles = {" ".join(p.title.casefold().split()): p.title for p in resume.positions}
    as_title = titles.get(" ".join(resume.name.casefold().split()))
    if as_title:
        # "DEPUTY PRINCIPAL" on top of an anonymised résumé is its headline (written as the
        # job's title is), not a name
        resume.label = resume.label or as_title
        resume.name = ""
    if not resume.positions and not resume.education and not resume.skills:
        resume.warnings.append(
            "nothing structured was recognised (no experience, education or skills sections)"
        )
    return resume
