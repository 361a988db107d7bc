"""Plain résumé text to a structured ``Resume``: sections, positions, education, skills.

Pure and heuristic. Headings are recognised from a vocabulary of the names résumés actually
use; a position is anchored on its date range (the one thing every layout has) and its title
and employer are read from the text around that range. Whatever the parser cannot place is kept
in ``Resume.sections`` so a preview can show it rather than silently dropping it.
"""

from __future__ import annotations

import re

from careerceo.model.resume import (
    Resume,
    ResumeCertification,
    ResumeEducation,
    ResumeLanguage,
    ResumePosition,
    ResumeSkill,
)
from careerceo.text.dates import SINGLE, find_range, parse_date
from careerceo.text.resume_lines import (
    BULLET,
    Wrap,
    clean_lines,
    continues,
    join_wrapped,
    split_sections,
    wrap_of,
)
from careerceo.text.resume_lines import is_bullet as _is_bullet

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
    r"(?:[A-Z][\w.&'\u2019-]*\s+(?:of\s+|the\s+)?)*"
    r"(?:University|UNIVERSITY|College|COLLEGE|Institute|INSTITUTE|School|SCHOOL|Academy|"
    r"ACADEMY|Polytechnic|Conservatory|Universit[éeä]t?|[EÉ]cole)"
    r"(?:\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)?)?"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?:\+?\d[\d\s().-]{7,}\d)")
URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin\.com|github\.com)/\S+", re.IGNORECASE)
SEPARATORS = re.compile(r"\s+(?:\||—|\u2013|-|@|at)\s+|\s*[|,;]\s*|\t+|\s{2,}", re.IGNORECASE)
STRONG_SEPARATORS = re.compile(
    r"\s+(?:\||—|\u2013|-|@|at)\s+|\s*[|;•·]\s*|\t+|\s{2,}", re.IGNORECASE
)
# LiveCareer and the Kaggle résumé sets built from it replace every employer with this
# placeholder; it is the employer, and it separates the title from the location around it.
PLACEHOLDER = re.compile(r"\s*\bCompany Name\b\s*")
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
