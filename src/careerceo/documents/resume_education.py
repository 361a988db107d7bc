"""Education lines to degree, field and institution.

Résumé builders write one education entry as one run of text with the fields in a fixed order
but no punctuation between some of them: "Bachelor of Arts : Political Science , 2000 St.
Francis College City , State", "Northern Maine Community College 1994 Associate : Accounting
City , State , USA", "Master of Arts : Radio, Television & Motion Pictures University of North
Carolina City , State" with the major echoed on the next line. The degree is what comes before
" : " (or " , "), the field is what follows up to a date or the start of the school's name, and
the school's name is found from its kind ("University", "Community College") back to where the
name begins. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerceo.model.resume import ResumeEducation
from careerceo.text.dates import SINGLE, find_range, parse_date

# The kind of school, which ends (or, with "of ...", starts) its name.
SCHOOL = (
    r"(?:University|UNIVERSITY|Univeristy|Universty|College|COLLEGE|Institute|INSTITUTE|"
    r"School|SCHOOL|Academy|ACADEMY|Polytechnic|POLYTECHNIC|Conservatory|Seminary|"
    r"Universit[éeä]t?|[EÉ]cole|Mahavidyalaya?|Vidyalaya)"
)
SCHOOL_WORD = re.compile(rf"\b{SCHOOL}\b")
# Words that belong to a school's name right before its kind ("Community College",
# "Southwest Texas State University", "Pennsauken High School").
MODIFIER = re.compile(
    r"^(?:Community|Technical|State|High|Junior|Senior|Secondary|Public|Engineering|"
    r"Aeronautical|Polytechnic|Medical|Business|Law|National|International|City|County)$"
)
NAME_WORD = re.compile(r"^(?:[A-Z][\w.&'\u2019-]*|of|the|and|&)$")
DEGREE = re.compile(
    r"\b(?:bachelor'?s?|masters?|master|doctor(?:ate)?|ph\.?\s?d|mba|msc|m\.sc|bsc|b\.sc|"
    r"b\.?s|m\.?s|b\.?a|m\.?a|b\.?e|b\.?tech|m\.?tech|bba|bcom|b\.com|mca|bca|mms|diploma|"
    r"associates?|certificat(?:e|ion)|high school|ged|a-levels|hsc|ssc|s\.s\.c|h\.s\.c|degree|"
    r"licen[cs]e|juris|j\.?d|m\.?d|post-bachelors?|masterof)\b\.?|"
    r"\b(?-i:AA|AAS|AS|BSN|ADN|MSN|BBM|BBA|LLB|LLM|BE|ME|BS|BA|MA|MS)\b",
    re.IGNORECASE,
)
# LiveCareer's anonymised place, with an optional country, and a real "Boston, MA".
PLACE = re.compile(
    r"(?:(?<!\s)\s+)?(?:[-\u2013,]\s*)?\bCity\s*,\s*State\b(?:\s*,\s*(?:USA|US|United States|India|"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?))?|(?<!\s)\s+-\s+[A-Z][\w .'-]{0,60},\s*[A-Z]{2}\b"
)
# "Mumbai, Maharashtra" or "Bandra, MAHARASHTRA, IN" right before a school's name.
# Leading blanks are taken only from where their run starts, and place names are bounded, so
# both patterns stay linear on hostile lines.
REGION = re.compile(
    r"(?:(?<!\s)\s+)?\b[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?,\s*[A-Z][A-Za-z]+(?:,\s*[A-Z]{2})?$"
)
GRADE = re.compile(r"\b(?:gpa|cgpa|grade)\s*:?\s*(?:gpa\s*:?\s*)?([\d.]+(?:\s*/\s*[\d.]+)?)", re.I)
DATE_IN = re.compile(
    rf"(?:,\s*)?(?:\b1\s+)?\b{SINGLE.pattern}(?:\s*(?:-|\u2013|to)\s*(?:{SINGLE.pattern}))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EducationLine:
    degree: str = ""
    field: str = ""
    institution: str = ""
    start: str = ""
    end: str = ""
    grade: str = ""
    echo: str = ""  # what follows the place (often the field written again)


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:-\u2013|()")


def school_in(text: str, *, leads: bool = False) -> tuple[int, int] | None:
    """The span of the last school name in ``text``: from its first name word to its kind and
    any "of ..." after it. ``leads``: the text is a whole entry, so a short capitalised run
    before "College of Law" is the school's own name, not a field of study."""
    matches = list(SCHOOL_WORD.finditer(text))
    if not matches:
        return None
    kind = matches[-1]
    # "University School of Law", "High School": take the first kind of a run of them
    first = kind
    for m in reversed(matches[:-1]):
        between = text[m.end() : first.start()].split()
        if len(between) <= 2 and all(NAME_WORD.match(w) for w in between):
            first = m
        else:
            break
    end = kind.end()
    tail = re.match(
        r"\s+(?:of|for|at|in)\s+(?:the\s+)?(?:[A-Z][\w.&'\u2019-]*(?:\s+(?:of|the|and|&)?\s*)?){1,5}",
        text[end:],
    )
    if tail:
        end += len(tail.group(0).rstrip())
        comma = re.match(r",\s*(?:University College|[A-Z][a-z]+)\s*$", text[end:])
        if comma:
            end += len(comma.group(0).rstrip())
    else:
        comma = re.match(r",\s*(?:University College|[A-Z][a-z]+)\s*$", text[end:])
        if comma:
            end += len(comma.group(0).rstrip())
    words = text[: first.start()].split()
    start_words: list[str] = []
    if tail and not (words and MODIFIER.match(words[-1])):
        # "University of North Carolina": the name starts at its kind, unless a name of one
        # or two words opens the segment ("Glendale College of Law")
        if leads and 0 < len(words) <= 2 and all(w[:1].isupper() and w.isalpha() for w in words):
            start_words = words[:]
            words = []
        elif leads:
            # "Pimpri Chinchwad, MAHARASHTRA, IN Pimpri Chinchwad College of Engineering"
            taken: list[str] = []
            while (
                words
                and len(taken) < 2
                and words[-1][:1].isupper()
                and words[-1].isalpha()
                and not (len(words) >= 2 and words[-2].endswith(","))
            ):
                taken.insert(0, words.pop())
            if words and (words[-1].endswith(",") or words[-1] == "IN"):
                start_words = taken
    else:
        while words and MODIFIER.match(words[-1]) and words[-1][0].isupper():
            start_words.insert(0, words.pop())
        proper = 0
        limit = 1 if tail else 2 if start_words else 3
        while words and proper < limit and NAME_WORD.match(words[-1]) and words[-1][0].isupper():
            if words[-1].endswith(",") or (len(words) >= 2 and words[-2].endswith(",")):
                break  # "Bandra, MAHARASHTRA, IN Rivzi College": the place before the name
            start_words.insert(0, words.pop())
            proper += 1
        # "Our Lady of Good Counsel": keep a lower-case joiner when a name word precedes it
        while (
            not tail
            and len(words) >= 2
            and words[-1] in ("of", "the", "and", "&")
            and words[-2][:1].isupper()
            and not words[-2].endswith(",")
        ):
            start_words[:0] = [words.pop(-2), words.pop()]
    start = first.start()
    if start_words:
        lead = re.search(r"\s+".join(map(re.escape, start_words)) + r"\s+$", text[:start])
        start = lead.start() if lead else start
    return max(0, start), end


def _cut_dates(text: str) -> tuple[str, str, str]:
    """The text without its dates, and the start and end they give."""
    found = find_range(text)
    start = end = ""
    if found:
        start, end, (a, b) = found
        text = text[:a] + "  " + text[b:]
    years = [parse_date(m.group(0)) for m in SINGLE.finditer(text)]
    years = [y for y in years if y]
    if years and not end:
        end = years[-1]
    return text, start, end


def read_line(line: str, echo_next: str = "") -> EducationLine:
    """One education line; ``echo_next`` is the following line, where some builders repeat the
    field of study."""
    grade = ""
    m = GRADE.search(line)
    if m:
        grade = m.group(1)
        line = line[: m.start()]
    place = PLACE.search(line)
    echo = ""
    if place:
        echo = _tidy(line[place.end() :])
        line = line[: place.start()]
    line = re.sub(r"\s*\bCity\s*$", "", line)
    line, start, end = _cut_dates(line)
    line = line.strip()
    # split off the degree at " : " (LiveCareer) or " , " (a field after the degree)
    degree, field_text, school_text = "", "", ""
    head, sep, rest = line.partition(" : ")
    if not sep:
        head, sep, rest = line.partition(" , ")
        if sep and not DEGREE.search(head):
            head, sep, rest = line, "", ""
    if sep:
        school = school_in(head)
        # "Northern Maine Community College 1994 Associate : Accounting" (not "High School
        # Diploma : ...", where the school's kind is part of the degree)
        if school and not re.search(r"high school(?:\s+diploma)?\s*$", head, re.IGNORECASE):
            school_text = head[school[0] : school[1]]
            head = head[: school[0]] + " " + head[school[1] :]
        degree = _tidy(DATE_IN.sub(" ", head))
        field_text = rest
    else:
        field_text = line
    # the field runs to a date (", 2010 Touro College") or to the school's name
    if not school_text:
        dated = DATE_IN.search(field_text)
        after = field_text[dated.end() :] if dated else ""
        found = school_in(after)
        if dated and not field_text[: dated.start()].strip():
            dated, found = None, None  # "January 2014 B.Sc. ...": the date leads, it splits nothing
        if dated and found:
            school_text = after[: found[1]]
            field_text = field_text[: dated.start()]
        elif dated and re.fullmatch(r"\s*(?:[A-Z][\w.&'-]*\s*){1,5}", after):
            school_text = after  # "Leadership 2007 Villanova": a school named without its kind
            field_text = field_text[: dated.start()]
        else:
            field_text = DATE_IN.sub(" ", field_text)
            cut = _echo_cut(field_text, echo or echo_next)
            school = school_in(field_text, leads=not sep) if cut is None else (cut, len(field_text))
            if school:
                school_text = field_text[school[0] : school[1]]
                before, after_school = field_text[: school[0]], field_text[school[1] :]
                # "Colorado State University, Bachelor of Arts in Economics": the degree after
                field_text = before if sep or not DEGREE.search(after_school) else after_school
    field_text = _tidy(REGION.sub("", field_text.rstrip(" ,")))
    if not sep:
        # no separator: "B.Sc.(Computer Science)", "MMS Management", "Bachelor of Engineering"
        degree, field_text = _degree_first(_tidy(field_text))
    if not degree and DEGREE.search(echo):
        # "University of Southern California City , State Master of Social Work"
        said, _, subject = echo.partition(" : ")
        degree, field_text = _tidy(said), subject or field_text
    institution = _tidy(re.sub(r"^(?:Attended|At)\s+", "", _tidy(school_text)))
    if SCHOOL_WORD.fullmatch(institution):
        institution = ""  # "College -Anatomy & Physiology": a wrapped name's last word
    return EducationLine(
        degree=degree,
        field=_tidy(field_text),
        institution=institution,
        start=start,
        end=end,
        grade=grade,
        echo=echo,
    )


def _echo_cut(text: str, echo: str) -> int | None:
    """Where the school's name starts when the field is echoed after the place: "Aeronautical
    Science Applied Meteorology Embry-Riddle Aeronautical University ... Aeronautical Science
    Applied Meteorology" puts the field first, so the name begins right after it."""
    if not echo:
        return None
    words = _tidy(text).split()
    said = echo.split()
    n = 0
    while n < len(words) and n < len(said) and words[n].strip(",") == said[n].strip(","):
        n += 1
    if n == 0 or n >= len(words) or not school_in(" ".join(words[n:])):
        return None
    prefix = " ".join(words[:n])
    return text.find(prefix) + len(prefix)


def _degree_first(text: str) -> tuple[str, str]:
    m = re.match(r"^((?:[A-Z][A-Za-z]{0,3}\.)+[A-Za-z]{0,4}\.?|[A-Z]{2,5}\b)\s*(.*)$", text)
    if m and DEGREE.search(m.group(1)):
        return m.group(1), _tidy(m.group(2))
    m = re.match(r"^(.*?\b(?:of|in)\s+[A-Z][a-z]+)\s*\((.+?)\)?$", text)
    if m and DEGREE.search(m.group(1)):
        return m.group(1), m.group(2)
    m = re.match(r"^(.*?\b(?:of|in)\s+[A-Z][a-z]+)\s+in\s+(\S.*)$", text)
    if m and DEGREE.search(m.group(1)):
        return m.group(1), _tidy(m.group(2))  # "Bachelor of Science in Statistics"
    if DEGREE.search(text):
        return text, ""
    return "", text


def parse_education(entries: list[tuple[int, str]]) -> list[ResumeEducation]:
    """Entries in order; a date on a line of its own belongs to the entry below it, a line with
    neither degree nor school describes the entry above it."""
    result: list[ResumeEducation] = []
    pending_start = pending_end = ""
    lines = [re.sub(r"^\s*(?:[•●▪■◦*\-]|l)\s+", "", raw).strip() for _, raw in entries]
    pending_line: int | None = None
    for i, line in enumerate(lines):
        if not line:
            continue
        if line[:1].islower() and result:  # a wrapped line of the entry above
            result[-1].description = (result[-1].description + "\n" + line).strip()
            continue
        rest, start, end = _cut_dates(line)
        if (start or end) and not re.sub(r"[\W\d_]|\bto\b", "", SINGLE.sub("", rest), flags=re.I):
            pending_start, pending_end = start, end  # "May 2016" above its entry
            pending_line = entries[i][0]
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        read = read_line(line, echo_next=nxt if not SCHOOL_WORD.search(nxt) else "")
        previous = result[-1] if result else None
        if not read.institution and not read.degree:
            if previous is not None and not line[:1].islower():
                previous.description = (previous.description + "\n" + line).strip()
            if previous is not None and read.grade and not previous.grade:
                previous.grade = read.grade
            continue
        if (
            previous is not None
            and not read.institution
            and read.field
            and _stem(read.field) == _stem(previous.field)
            and (not read.end or read.end[:4] == previous.end[:4])
        ):
            previous.grade = previous.grade or read.grade  # the same entry written twice
            continue
        if previous is not None and read.degree and not read.institution and not previous.degree:
            # "University of Washington" above "Bachelor of Science in Statistics, 2009 - 2013"
            previous.degree, previous.field = read.degree, read.field
            previous.start, previous.end = previous.start or read.start, previous.end or read.end
            continue
        if (
            previous is not None
            and read.institution
            and not read.degree
            and not previous.institution
        ):
            previous.institution = read.institution
            previous.end = previous.end or read.end
            continue
        if previous is not None and _duplicate(previous, read):
            continue
        entry = ResumeEducation(
            institution=read.institution,
            degree=read.degree,
            field=read.field,
            start=read.start or pending_start,
            end=read.end or pending_end,
            grade=read.grade,
            line=pending_line or entries[i][0],
        )
        pending_start = pending_end = ""
        pending_line = None
        result.append(entry)
    return [e for e in result if e.institution or e.degree]


def _stem(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _duplicate(previous: ResumeEducation, read: EducationLine) -> bool:
    """ "Degree Received: December 31, 2006 Maharishi Markendeshwar Engineering College": the
    entry above said again in prose."""
    if not read.institution or _stem(read.institution) != _stem(previous.institution):
        return False
    if not read.degree or "received" in read.degree.lower():
        return True
    if _stem(read.degree) != _stem(previous.degree):
        return False
    if not previous.field:  # "MMS" then "MMS Management": the second says more
        previous.field = read.field
    return not read.field or _stem(read.field) == _stem(previous.field)
