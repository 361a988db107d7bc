"""Plain résumé text to a structured ``Resume``: sections, positions, education, skills.

Pure and heuristic. Headings are recognised from a vocabulary of the names résumés actually
use; a position is anchored on its date range (the one thing every layout has) and its title
and employer are read from the text around that range. Whatever the parser cannot place is kept
in ``Resume.sections`` so a preview can show it rather than silently dropping it.
"""

from __future__ import annotations

import re

from careerceo.documents.resume_education import parse_education
from careerceo.documents.resume_experience import (
    EMAIL,
    INSTITUTION_NAME,
    LOCATION,
    LOCATION_IN,
    PHONE,
    URL,
    parse_experience,
    parts_of,
    strip_bullet,
)
from careerceo.documents.resume_skills import parse_skills, tools_in_prose
from careerceo.model.resume import (
    Resume,
    ResumeCertification,
    ResumeLanguage,
    ResumePosition,
)
from careerceo.text.dates import SINGLE, find_range, parse_date
from careerceo.text.fold import fold
from careerceo.text.resume_lines import (
    clean_lines,
    is_bullet,
    join_wrapped,
    split_sections,
    wrap_of,
)


def _education_parts(text: str) -> list[str]:
    """Fields of an education line with the place taken out and a named institution cut from
    the degree it was run into ("Associate : Accounting Tidewater Community College")."""
    text = LOCATION_IN.sub("  ", text)
    text = re.sub(r"(?<=\s)City\s*$", "", text)
    out: list[str] = []
    for part in parts_of(text):
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
        line = strip_bullet(raw)
        years = SINGLE.findall(line)
        date = parse_date(years[-1]) if years else ""
        text = SINGLE.sub("", line).strip(" ,-\u2013|()") if years else line
        parts = parts_of(text)
        if not parts:
            continue
        result.append(ResumeCertification(name=parts[0], issuer=", ".join(parts[1:2]), date=date))
    return result


def parse_languages(entries: list[tuple[int, str]]) -> list[ResumeLanguage]:
    result = []
    for _, raw in entries:
        for item in re.split(r"\s*[,;|•]\s*", strip_bullet(raw)):
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
    if not resume.name and not resume.label and entries:
        resume.label = entries[0][1] if len(entries[0][1]) <= 80 else ""


KAGGLE_COMPANY = re.compile(r"^company\s*-\s*(.*)$", re.IGNORECASE)
KAGGLE_DESCRIPTION = re.compile(r"^description\s*-\s*(.*)$", re.IGNORECASE)


# A role as the résumé dataset's layout writes it above "Skill Details": one to six words of
# letters (dots, ampersands, slashes, apostrophes and hyphens inside), no digits, no commas.
_ROLE_LINE = re.compile(r"[A-Za-z][A-Za-z.&/'-]*(?: [A-Za-z.&/'-]+){0,5}")


def _kaggle_headline(lines: list[str]) -> tuple[str, str, str]:
    """The résumé dataset's layout puts "Headline" and "Title - Employer" right above its
    "Skill Details" table. Returns (headline, title, employer) and blanks those lines (their
    numbers stay) so they are not read as education."""
    try:
        table = lines.index("Skill Details")
    except ValueError:
        return "", "", ""
    above = [i for i in range(max(0, table - 4), table) if lines[i].strip()]
    if not above:
        return "", "", ""
    if " - " not in lines[above[-1]]:
        # No "Title - Employer" line: a short line of words alone there is the headline, the
        # role the person gives ("DOT NET Developer", "Operations Manager"); a dated degree
        # or a school closing the education table is not a role.
        last = lines[above[-1]].strip()
        if not _ROLE_LINE.fullmatch(last) or INSTITUTION_NAME.search(last):
            return "", "", ""
        lines[above[-1]] = ""
        return last, "", ""
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
            current.highlights.append(strip_bullet(text))
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
    titles = {fold(p.title): p.title for p in resume.positions}
    as_title = titles.get(fold(resume.name))
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
