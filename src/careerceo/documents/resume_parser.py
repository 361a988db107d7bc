"""Plain résumé text to a structured ``Resume``: sections, positions, education, skills.

Pure and heuristic. Headings are recognised from a vocabulary of the names résumés actually
use; a position is anchored on its date range (the one thing every layout has) and its title
and employer are read from the text around that range. Whatever the parser cannot place is kept
in ``Resume.sections`` so a preview can show it rather than silently dropping it.
"""

from __future__ import annotations

import re

from careerceo.documents.resume_education import parse_education
from careerceo.documents.resume_skills import parse_skills, tools_in_prose
from careerceo.model.resume import (
    Resume,
    ResumeCertification,
    ResumeLanguage,
    ResumePosition,
)
from careerceo.text.dates import SINGLE, find_range, parse_date
from careerceo.text.resume_lines import (
    BULLET,
    Wrap,
    clean_lines,
    continues,
    is_bullet,
    join_wrapped,
    split_sections,
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


def _strip_bullet(line: str) -> str:
    return BULLET.sub("", line, count=1).strip()


def _header_like(line: str) -> bool:
    return (
        bool(line)
        and not is_bullet(line)
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
    rest = _strip_bullet(f"{before} {after}".strip())
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
            if is_bullet(text):
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


KAGGLE_COMPANY = re.compile(r"^company\s*-\s*(.*)$", re.IGNORECASE)
KAGGLE_DESCRIPTION = re.compile(r"^description\s*-\s*(.*)$", re.IGNORECASE)


def _kaggle_headline(lines: list[str]) -> tuple[str, str, str]:
    """The résumé dataset's layout puts "Headline" and "Title - Employer" right above its
    "Skill Details" table. Returns (headline, title, employer) and blanks those lines (their
    numbers stay) so they are not read as education."""
    try:
        table = lines.index("Skill Details")
    except ValueError:
        return "", "", ""
    above = [i for i in range(max(0, table - 4), table) if lines[i].strip()]
    if not above or " - " not in lines[above[-1]]:
        return "", "", ""
    title, _, employer = lines[above[-1]].rpartition(" - ")
    headline = lines[above[-2]].strip() if len(above) >= 2 else ""
    for i in above[-2:]:
        lines[i] = ""
    return headline, title.strip(), employer.strip()


def _kaggle_positions(
    entries: list[tuple[int, str]], title: str, employer: str
) -> list[ResumePosition]:
    """ "company - X" / "description - ..." blocks: one position per employer (a company
    described in two blocks is one job); the title is known only for the headline's employer,
    a range on the description's first line dates it."""
    positions: list[ResumePosition] = []
    current: ResumePosition | None = None
    for number, line in entries:
        company = KAGGLE_COMPANY.match(line)
        if company:
            name = company.group(1).strip()
            if not name or name.lower() == "none":
                current = None
                continue
            same = next((p for p in positions if _key(p.employer) == _key(name)), None)
            if same is not None:
                current = same
                continue
            current = ResumePosition(employer=name, title="", line=number)
            if employer and _key(employer) == _key(name):
                current.title = title
            positions.append(current)
            continue
        if current is None:
            continue
        described = KAGGLE_DESCRIPTION.match(line)
        text = described.group(1).strip() if described else line
        if described and not current.start:
            found = find_range(text)
            if found:
                current.start, current.end = found[0], found[1]
        if is_bullet(text):
            current.highlights.append(_strip_bullet(text))
        elif text:
            current.summary = (current.summary + "\n" + text).strip()
    return positions


def _key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.lower().replace("pvt", "").replace("ltd", "")))


def parse_resume_text(text: str) -> Resume:
    """The whole parse: header, then each section by its kind."""
    from careerceo.documents.linkedin_pdf import looks_like_linkedin_pdf, parse_linkedin_pdf_text

    if looks_like_linkedin_pdf(text):  # its side column and job layout need their own reading
        return parse_linkedin_pdf_text(text)
    lines = clean_lines(text)
    wrap = wrap_of(lines)
    resume = Resume()
    kaggle = any(KAGGLE_COMPANY.match(line) for line in lines)
    headline, kaggle_title, kaggle_employer = _kaggle_headline(lines) if kaggle else ("", "", "")
    if headline:
        resume.label = headline
    prose_entries: list[tuple[str, list[tuple[int, str]]]] = []
    for section, heading_line, entries in split_sections(lines):
        body = "\n".join(line for _, line in join_wrapped(entries, wrap))
        if section == "header":
            parse_header(entries, resume)
            if not any(s for s, _, _ in split_sections(lines)[1:]) and entries:
                resume.warnings.append("no section headings found; the text was kept as is")
        elif section == "summary":
            resume.summary = (resume.summary + "\n" + body).strip()
            prose_entries.append(("summary", join_wrapped(entries, wrap)))
        elif section == "experience":
            found = (
                _kaggle_positions(entries, kaggle_title, kaggle_employer)
                if kaggle and any(KAGGLE_COMPANY.match(line) for _, line in entries)
                else parse_experience(entries, wrap=wrap)
            )
            resume.positions.extend(found)
            if entries and not found:
                resume.warnings.append(
                    f"line {heading_line}: an experience section without dated positions; "
                    "add dates like 'Jan 2019 \u2013 Present' so each job can be recognised"
                )
        elif section == "education":
            resume.education.extend(parse_education(entries))
        elif section == "skills":
            found_skills, prose = parse_skills(entries)
            resume.skills.extend(found_skills)
            if prose:
                resume.sections["highlights"] = "\n".join(
                    [*filter(None, [resume.sections.get("highlights", "")]), *prose]
                )
                prose_entries.append(("highlights", [(heading_line, p) for p in prose]))
        elif section == "certifications":
            resume.certifications.extend(parse_certifications(entries))
        elif section == "languages":
            resume.languages.extend(parse_languages(entries))
        elif body:
            resume.sections[section] = (resume.sections.get(section, "") + "\n" + body).strip()
            if section in ("interests", "additional", "accomplishments"):
                prose_entries.append((section, join_wrapped(entries, wrap)))
    known = {n.lower() for n in resume.skill_names()}
    for section, entries in prose_entries:
        resume.skills.extend(tools_in_prose(entries, section, known))
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
