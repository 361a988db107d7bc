"""Résumé text as lines and sections: the reading that both the parser (``documents``) and the
critique (``analysis``) start from, kept here so neither has to import the other.

Cleans a text export (mojibake, tabs and wide gaps, a date range a narrow column wrapped),
recognises section headings from the names résumés actually use, splits the lines into
sections, and puts sentences a PDF wrapped back on one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerceo.text.dates import END_DATE, ONE_DATE, find_range

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
        "core strengths", "key strengths", "skill details", "skill sets", "skill set",
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
BULLET = re.compile(r"^\s*(?:[•●▪■◦‣∙·*\-\u2013—>»✓✔]|\d{1,2}[.)])\s+")


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


# The résumé dataset glues its section names onto the line before ("...Deep
# learning.Education Details", "Python- Experience - 24 monthsCompany Details").
GLUED_HEADING = re.compile(
    r"(?<=\S)[ \t]*(Education Details|Skill Details|Company Details|Project Details)[ \t]*$",
    re.MULTILINE,
)


def clean_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = GLUED_HEADING.sub(r"\n\1", text)
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
    if not prev or not line or is_bullet(line) or heading_of(line):
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


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line))
