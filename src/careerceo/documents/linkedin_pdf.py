"""LinkedIn's "Save to PDF" profile layout, which the general résumé parser misreads.

That layout puts a side column (Contact, Top Skills, Languages, Certifications) before the
name, and writes each job as employer / [total time at the employer] / title / "March 2021 -
Present (3 years 10 months)" / [place], with later roles at the same employer under one
employer line. Recognised by those duration-suffixed date lines, it is read here whole;
anything else goes to the general parser unchanged.
"""

from __future__ import annotations

import re

from careerceo.model.resume import (
    Resume,
    ResumeCertification,
    ResumeEducation,
    ResumePosition,
    ResumeSkill,
)
from careerceo.text.dates import find_range

_SPAN = r"(?:\d+\s+years?(?:\s+\d+\s+months?)?|\d+\s+months?|less than a year)"
# The range ends on a non-space, so the spaces before "(" are tried once: linear on blank runs.
DATE_LINE = re.compile(rf"^(?P<range>.*?\S)\s*\(\s*{_SPAN}\s*\)\s*$", re.IGNORECASE)
TOTAL_LINE = re.compile(rf"^{_SPAN}$", re.IGNORECASE)
PAGE_LINE = re.compile(r"^Page \d+ of \d+$")
SIDE_HEADINGS = {
    "contact",
    "top skills",
    "languages",
    "certifications",
    "honors-awards",
    "publications",
    "patents",
}
MAIN_HEADINGS = {"summary", "experience", "education"}
PLACE = re.compile(r"^[A-Z][\w .'-]*(?:,\s*[A-Z][\w .'-]*){1,3}$")
# Degree and field end on a non-space, so each run of spaces is tried once (linear on lines of
# blanks, which the looser "[^,·]+?\s*" took 45 s on at 20,000 characters).
DEGREE = re.compile(
    r"^(?P<degree>[^,·]*?[^,·\s])(?:\s*,\s*(?P<field>[^·]*?[^·\s]))?"
    r"(?:\s*·\s*\((?P<years>[^)]*)\))?\s*$"
)


def _date_lines(lines: list[str]) -> list[int]:
    return [
        i
        for i, line in enumerate(lines)
        if (m := DATE_LINE.match(line)) and find_range(m.group("range") + " ") is not None
    ]


def looks_like_linkedin_pdf(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    lowered = {line.lower() for line in lines}
    return (
        bool(_date_lines(lines))
        and "experience" in lowered
        and ("top skills" in lowered or any(line.endswith("(LinkedIn)") for line in lines))
    )


def _section(lines: list[str], heading: str, stops: set[str]) -> list[str]:
    lowered = [line.lower() for line in lines]
    if heading not in lowered:
        return []
    start = lowered.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lowered[i] in stops), len(lines))
    return lines[start:end]


def _positions(block: list[str]) -> list[ResumePosition]:
    dates = _date_lines(block)
    out: list[ResumePosition] = []
    employer = ""
    previous_end = -1  # the last line that belongs to the previous position's header
    for k, i in enumerate(dates):
        m = DATE_LINE.match(block[i])
        found = find_range(m.group("range") + " ") if m else None
        if found is None or i < 1:
            continue
        start, end, _span = found
        title = block[i - 1]
        above = i - 2
        if above >= 0 and TOTAL_LINE.match(block[above]):
            employer = block[above - 1] if above >= 1 else employer
        elif above > previous_end and above >= 0:
            candidate = block[above]
            # a short plain line right above the title is a new employer; a sentence is the
            # tail of the previous role's description (a later role at the same employer)
            if len(candidate) <= 80 and not candidate.endswith((".", ";", ":")):
                employer = candidate
        location = ""
        after = i + 1
        next_date = dates[k + 1] if k + 1 < len(dates) else len(block)
        if after < next_date - 1 and PLACE.match(block[after]):
            location = block[after]
            after += 1
        summary_end = next_date - 1
        if summary_end - 1 >= after and TOTAL_LINE.match(block[summary_end - 1]):
            summary_end -= 2
        elif (
            summary_end - 1 >= after
            and len(block[summary_end - 1]) <= 80
            and not block[summary_end - 1].endswith((".", ";", ":"))
        ):
            summary_end -= 1
        out.append(
            ResumePosition(
                employer=employer,
                title=title,
                start=start,
                end=end,
                location=location,
                summary=" ".join(block[after:summary_end]).strip(),
            )
        )
        previous_end = after - 1
    return out


def _education(block: list[str]) -> list[ResumeEducation]:
    out: list[ResumeEducation] = []
    i = 0
    while i < len(block):
        institution = block[i]
        detail = block[i + 1] if i + 1 < len(block) else ""
        m = DEGREE.match(detail) if "·" in detail or "," in detail else None
        if m is None:
            out.append(ResumeEducation(institution=institution))
            i += 1
            continue
        years = re.findall(r"(?:19|20)\d\d", m.group("years") or "")
        degree = re.sub(r"\s+-\s+[A-Z.]{2,}$", "", m.group("degree").strip())
        out.append(
            ResumeEducation(
                institution=institution,
                degree=degree,
                field=(m.group("field") or "").strip(),
                start=years[0] if years else "",
                end=years[-1] if len(years) > 1 else "",
            )
        )
        i += 2
    return out


def parse_linkedin_pdf_text(text: str) -> Resume:
    """The profile: name, headline and place, then jobs, education, skills, certifications."""
    lines = [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not PAGE_LINE.match(line.strip())
    ]
    lowered = [line.lower() for line in lines]
    resume = Resume()
    main = next((i for i, line in enumerate(lowered) if line in ("summary", "experience")), 0)
    header = lines[max(0, main - 3) : main]
    if len(header) == 3 and PLACE.match(header[2]):
        resume.name, resume.label, resume.location = header
    stops = SIDE_HEADINGS | MAIN_HEADINGS
    side_end = max(0, main - 3)
    side = lines[:side_end]
    resume.skills = [ResumeSkill(name=s) for s in _section(side, "top skills", stops)]
    resume.certifications = [
        ResumeCertification(name=c) for c in _section(side, "certifications", stops)
    ]
    resume.summary = " ".join(_section(lines, "summary", MAIN_HEADINGS))
    resume.positions = _positions(_section(lines, "experience", {"education"}))
    resume.education = _education(_section(lines, "education", set()))
    return resume
