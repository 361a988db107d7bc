"""Plain résumé text to a structured ``Resume``: sections, positions, education, skills.

Pure and heuristic. Headings are recognised from a vocabulary of the names résumés actually
use; a position is anchored on its date range (the one thing every layout has) and its title
and employer are read from the text around that range. Whatever the parser cannot place is kept
in ``Resume.sections`` so a preview can show it rather than silently dropping it.
"""

from __future__ import annotations

import re

from careerceo.documents.dates import SINGLE, find_range, parse_date
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
    ),
    "certifications": (
        "certifications", "certificates", "licenses", "licenses and certifications",
        "certifications and licenses", "professional certifications", "licences",
    ),
    "languages": ("languages", "language skills", "spoken languages"),
    "projects": ("projects", "personal projects", "key projects", "selected projects"),
    "accomplishments": ("accomplishments", "achievements", "key achievements", "awards",
                        "honors", "honours", "awards and honors"),
    "volunteer": ("volunteer", "volunteering", "volunteer experience", "community service"),
    "publications": ("publications", "papers"),
    "interests": ("interests", "hobbies", "hobbies and interests"),
    "references": ("references",),
    "additional": ("additional information", "additional", "other", "activities", "affiliations",
                   "professional affiliations", "training"),
}  # fmt: skip
HEADING_OF = {name: section for section, names in HEADINGS.items() for name in names}

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
    r"\b(bachelor|master|doctor|ph\.?\s?d|mba|msc|m\.sc|bsc|b\.sc|b\.?s\.?|m\.?s\.?|b\.?a\.?|"
    r"m\.?a\.?|b\.?e\.?|b\.?tech|m\.?tech|be|me|bba|bcom|b\.com|mca|bca|diploma|associate|"
    r"certificate|high school|ged|a-levels|hsc|ssc|degree|licence|license|juris|jd|md)\b",
    re.IGNORECASE,
)
INSTITUTION_WORDS = re.compile(
    r"\b(university|college|institute|school|academy|polytechnic|universit[éeä]t?|ecole|"
    r"école|conservatory|seminary|iit|mit)\b",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?:\+?\d[\d\s().-]{7,}\d)")
URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin\.com|github\.com)/\S+", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[•●▪■◦‣∙·*\-\u2013—>»✓✔]|\d{1,2}[.)])\s+")
SEPARATORS = re.compile(r"\s+(?:\||—|\u2013|-|@|at)\s+|\s*[|,;]\s*|\t+|\s{2,}", re.IGNORECASE)
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
        line = re.sub(r"[ \t]+", " ", fix_mojibake(raw)).strip()
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
    return lines


def heading_of(line: str) -> str | None:
    """The section a line opens, if it is a heading."""
    candidate = line.strip().rstrip(":").strip()
    if not candidate or len(candidate) > 45:
        return None
    key = re.sub(r"\s+", " ", candidate.lower().replace("&", "and"))
    return HEADING_OF.get(key) or HEADING_OF.get(key.removesuffix(" details"))


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
    r"(?:\bCity\s*,\s*State(?:\s*,\s*(?:USA|United States))?|"
    r"\b[A-Z][a-zA-Z.'-]+(?: [A-Z][a-zA-Z.'-]+)?,\s*[A-Z]{2}\b(?!\w))"
)


def _take_location(text: str, position: ResumePosition) -> str:
    m = LOCATION_IN.search(text)
    if m and not position.location:
        position.location = m.group(0)
        return text[: m.start()] + "  " + text[m.end() :]
    return text


def _assign(parts: list[str], position: ResumePosition) -> None:
    """Decide which fragments are the title, the employer and the location."""
    rest: list[str] = []
    for part in parts:
        if not position.location and LOCATION.match(part) and not TITLE_WORDS.search(part):
            position.location = part
        elif not position.title and TITLE_WORDS.search(part) and not EMPLOYER_WORDS.search(part):
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


def parse_experience(
    entries: list[tuple[int, str]], kind: str = "experience"
) -> list[ResumePosition]:
    anchors = [i for i, (_, line) in enumerate(entries) if find_range(line) and len(line) < 160]
    positions: list[ResumePosition] = []
    taken_until = -1
    for k, anchor in enumerate(anchors):
        number, line = entries[anchor]
        found = find_range(line)
        assert found is not None
        start, end, (a, b) = found
        position = ResumePosition(employer="", title="", start=start, end=end, line=number)
        parts = _parts(_take_location(line[:a], position)) + _parts(
            _take_location(line[b:], position)
        )
        first = anchor
        # Header lines just above the date line (layouts that put dates on their own line).
        while (
            len(parts) < 2
            and first - 1 > taken_until
            and _header_like(entries[first - 1][1])
            and anchor - first < 2
        ):
            first -= 1
            parts = _parts(_take_location(entries[first][1], position)) + parts
            position.line = entries[first][0]
        next_anchor = anchors[k + 1] if k + 1 < len(anchors) else len(entries)
        body_start = anchor + 1
        while (
            body_start < next_anchor
            and body_start - anchor <= 2
            and _header_like(entries[body_start][1])
            and (len(parts) < 2 or LOCATION_IN.fullmatch(entries[body_start][1].strip()))
        ):
            parts += _parts(_take_location(entries[body_start][1], position))
            body_start += 1
        _assign(parts, position)
        body_end = next_anchor
        # Leave the next entry's header lines (title/employer above its dates) to it.
        if k + 1 < len(anchors):
            nxt_line = entries[next_anchor][1]
            nf = find_range(nxt_line)
            if (
                nf is not None
                and len(_parts(nxt_line[: nf[2][0]] + " " + nxt_line[nf[2][1] :])) < 2
            ):
                back = 0
                while (
                    back < 2
                    and body_end - 1 >= body_start
                    and _header_like(entries[body_end - 1][1])
                ):
                    body_end -= 1
                    back += 1
        summary: list[str] = []
        for _, text in entries[body_start:body_end]:
            if _is_bullet(text):
                position.highlights.append(_strip_bullet(text))
            elif position.highlights and text[:1].islower():
                position.highlights[-1] += " " + text
            elif summary and not summary[-1].endswith((".", ":")) and text[:1].islower():
                summary[-1] += " " + text
            else:
                summary.append(text)
        position.summary = "\n".join(summary)
        taken_until = body_end - 1
        if position.title or position.employer:
            positions.append(position)
    return positions


def parse_education(entries: list[tuple[int, str]]) -> list[ResumeEducation]:
    result: list[ResumeEducation] = []
    current: ResumeEducation | None = None
    for _, raw in entries:
        line = _strip_bullet(raw)
        found = find_range(line)
        start = end = ""
        if found:
            start, end, (a, b) = found
            line_wo = (line[:a] + " " + line[b:]).strip(" ,-\u2013|")
        else:
            years = SINGLE.findall(line)
            line_wo = line
            if years:
                end = parse_date(years[-1])
                line_wo = SINGLE.sub("", line).strip(" ,-\u2013|()")
        parts = _parts(line_wo)
        institution = next((p for p in parts if INSTITUTION_WORDS.search(p)), "")
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
    resume = Resume()
    for section, heading_line, entries in split_sections(lines):
        body = "\n".join(line for _, line in entries)
        if section == "header":
            parse_header(entries, resume)
            if not any(s for s, _, _ in split_sections(lines)[1:]) and entries:
                resume.warnings.append("no section headings found; the text was kept as is")
        elif section == "summary":
            resume.summary = (resume.summary + "\n" + body).strip()
        elif section == "experience":
            found = parse_experience(entries)
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
    if not resume.positions and not resume.education and not resume.skills:
        resume.warnings.append(
            "nothing structured was recognised (no experience, education or skills sections)"
        )
    return resume
