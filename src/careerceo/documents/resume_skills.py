"""Skill lists (and tools named in prose) to ``ResumeSkill`` entries, each with its line.

A PDF wraps a comma list wherever the column ends, so "Quick / Books" and "test / equipment"
arrive on two lines; the list is put back together before it is split. A skills section also
holds things that are not skills: prose accomplishments under "Highlights", table headers,
"Tool: what it does" lines. Tools a person names only in the summary or the interests ("knowledge
of AR/AP, Microsoft Excel and Quick Books") are skills too. Pure functions, no I/O.
"""

from __future__ import annotations

import re

from careerceo.model.resume import ResumeSkill

BULLET = re.compile(r"^\s*(?:[•●▪■◦‣∙·*\-\u2013—>»✓✔]|â€¢|\d{1,2}[.)])\s*")
# Words that name a group of skills, not a skill ("Tools: Excel, dbt", "Familiar: Visio").
GROUP_WORDS = re.compile(
    r"\b(?:skills?|tools?|languages?|frameworks?|librar(?:y|ies)|databases?|technologies|"
    r"platforms?|software|systems?|proficient|familiar|expert|knowledge|environment|"
    r"packages?|applications?|misc|other|others|ides?|servers?|os|operating|web|cloud|"
    r"methodolog(?:y|ies)|competenc(?:y|ies)|strengths?|areas?|suite|office)\b",
    re.IGNORECASE,
)
# "JAVASCRIPT- Experience - 24 months" (the résumé dataset's skill table)
# Each leading run is tried from its start only: linear on lines of blanks and dashes.
EXPERIENCE_TAIL = re.compile(r"(?:(?<!\s)\s+)?-\s*Experience\s*-.*$", re.IGNORECASE)
TABLE_HEADER = re.compile(r"\b(?:years|last used)\b", re.IGNORECASE)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Phrases that introduce a list of tools inside a sentence.
TOOL_LEAD = re.compile(
    r"\b(?:knowledge of|proficient (?:in|with|at)|proficiency (?:in|with)|experience (?:in|with)|"
    r"experienced (?:in|with)|skilled (?:in|with|at)|familiar(?:ity)? with|expertise in|"
    r"such as|including|using|utilizing|tools?:|software:)\s+",
    re.IGNORECASE,
)
LEAD_WORDS = re.compile(
    r"^(?:and|or|also|plus|including|such as|proficient (?:with|in)|experience (?:with|in)|"
    r"knowledge of|familiar with|expert in|advanced|basic|strong|excellent)\s+",
    re.IGNORECASE,
)
SOFTWARE_TAIL = re.compile(
    r"(?<![-\s])[-\s]+(?:software|application)s?(?:\s+skills?)?$", re.IGNORECASE
)


GROUP_LINE = re.compile(r"^[A-Z][\w /&+.-]{1,40}:\s")


def _strip_bullet(line: str) -> str:
    return BULLET.sub("", line, count=1).strip()


def _list_like(line: str) -> bool:
    return line.count(",") + line.count(";") >= 2


def rejoin(entries: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines of one comma list a PDF wrapped put back together, numbered by their first:
    "..., technical manuals, test" + "equipment, Troubleshoot" is one list, and "test
    equipment" one item."""
    out: list[tuple[int, str]] = []
    for number, raw in entries:
        line = raw.strip()
        if (
            (
                out
                and _list_like(out[-1][1])
                and not out[-1][1].rstrip().endswith((",", ";", "."))
                and not BULLET.match(raw)
                and not GROUP_LINE.match(line)
                # a wrapped list runs to the column's edge; a short list line ends where it ends
                and (len(out[-1][1]) >= 70 or not line[:1].isupper())
            )
            or (
                out
                and not GROUP_LINE.match(line)
                and (
                    (
                        re.search(r"\b(?:and|or|&|of|with|in|the)$", out[-1][1])
                        and line[:1].isalpha()
                    )
                    or (len(out[-1][1].split()) >= 6 and line[:1].islower())  # wrapped prose
                )
            )
        ):
            out[-1] = (out[-1][0], f"{out[-1][1]} {line}")
        else:
            out.append((number, line))
    return out


def _split_items(text: str) -> list[str]:
    """Comma/semicolon/bar items, parentheses kept whole ("Python (pandas, numpy)")."""
    items: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if depth == 0 and char in ",;|•·":
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    out: list[str] = []
    for item in items:
        out.extend(re.split(r"\s{2,}|\t", item))
    return out


def _clean(item: str) -> list[str]:
    """One raw item to the skill names it holds."""
    item = EXPERIENCE_TAIL.sub("", item).strip(" :-\u2013").rstrip(".")
    item = re.split(r"\.\s+(?=[A-Z])", item, maxsplit=1)[0]  # "Putty. Responsibilities:"
    for _ in range(2):
        item = LEAD_WORDS.sub("", item).strip()
    item = SOFTWARE_TAIL.sub("", item).strip() if len(item.split()) > 2 else item
    if not item:
        return []
    paren = re.fullmatch(r"([^()]+?)\s*\(([^()]+)\)", item)
    if paren and "," in paren.group(2):
        # "Python (pandas, numpy)": the language and each library
        return [
            *_clean(paren.group(1)),
            *(x for p in _split_items(paren.group(2)) for x in _clean(p)),
        ]
    detail = re.fullmatch(r"([^()]+?)\s*\(([^(),]{1,30})\)", item)
    if detail and len(detail.group(1).split()) <= 3:
        return [detail.group(1)]  # "Eclipse (Oxygen)", "Linux (CentOS 6.6)": the tool
    parts = re.split(r"\s+such as\s+", item)
    if len(parts) > 1:
        return [x for p in parts for x in _clean(p)]
    pair = re.split(r"\s+and\s+", item)
    if len(pair) == 2 and all(p[:1].isupper() for p in pair):
        camel = any(re.search(r"[a-z][A-Z]|[A-Z]{2}|\d", p) for p in pair)
        if len(item.split()) >= 5 or (camel and all(len(p.split()) <= 3 for p in pair)):
            return [x for p in pair for x in _clean(p)]  # "PowerShell and VBScript"
    return [item]


def _keep(item: str) -> bool:
    if not (1 < len(item) <= 60 or re.fullmatch(r"[A-Z]", item)):
        return False
    if YEAR.search(item) and "(" in item:  # "events (1997-2004)": an accomplishment's dates
        return False
    if TABLE_HEADER.search(item) and re.search(r"\bexperience\b", item, re.IGNORECASE):
        return False  # "Skills Experience Total Years Last Used"
    return len(item.split()) <= 6


def _prose(line: str) -> bool:
    """An accomplishment written under "Highlights", not a list: long, few separators."""
    words = len(line.split())
    items = len(_split_items(line))
    return words >= 8 and words / max(items, 1) > 3.5


def parse_skills(
    entries: list[tuple[int, str]], section: str = "skills"
) -> tuple[list[ResumeSkill], list[str]]:
    """The skills a section lists and, apart, the prose lines it holds (kept, not skills)."""
    skills: list[ResumeSkill] = []
    prose: list[str] = []
    seen: set[str] = set()
    loose: list[ResumeSkill] = []

    def add(name: str, number: int, into: list[ResumeSkill] | None = None) -> str | None:
        key = name.lower()
        if key in seen or not _keep(name):
            return None
        seen.add(key)
        if into is not None:
            into.append(ResumeSkill(name=name, line=number, section=section))
        return name

    lines: list[tuple[int, str]] = []
    for number, raw in rejoin(entries):
        text = _strip_bullet(raw)
        # "COMPUTER SKILLS: Word, Excel. TYPING SKILLS: 40-60 WPM": one group per heading
        for piece in re.split(r"\s+[*•▪●]\s+|(?<=\.)\s+(?=[A-Z][A-Z /&]{2,40}:)", text):
            if piece.strip():
                lines.append((number, piece.strip()))
    for number, line in lines:
        group = re.match(r"^([A-Z][\w /&+.-]{1,40}?)\s*:\s*(.+)$", line)
        if group is None and _prose(line):
            prose.append(line)
            continue
        if group:
            head, body = group.group(1).strip(), group.group(2)
            items = [x for item in _split_items(body) for x in _clean(item)]
            if len(items) == 1 and not GROUP_WORDS.search(head) and len(head.split()) <= 4:
                # "Constant Contact: Email marketing tool": the tool, then what it does
                add(head, number, loose)
                continue
            keywords = [k for k in items if add(k, number) is not None]
            skills.append(
                ResumeSkill(
                    name=head, keywords=keywords, heading_only=True, line=number, section=section
                )
            )
            continue
        for item in _split_items(line):
            for name in _clean(item):
                add(name, number, loose)
    skills.extend(loose)
    return skills, prose


def tools_in_prose(
    entries: list[tuple[int, str]], section: str, known: set[str]
) -> list[ResumeSkill]:
    """Tools named inside sentences ("Extensive knowledge of AR/AP, Microsoft Excel and Quick
    Books-software skills"): the list after a lead phrase, items that are names (capitalised
    or with a capital inside), not ordinary words."""
    found: list[ResumeSkill] = []
    for number, line in entries:
        for lead in TOOL_LEAD.finditer(line):
            tail = re.split(r"(?<=[a-z0-9)])[.!?](?:\s|$)|;", line[lead.end() :], maxsplit=1)[0]
            items = re.split(r",\s*|\s+(?:and|or|&)\s+", tail)
            for raw in items[:12]:
                name = SOFTWARE_TAIL.sub("", raw.strip(" .")).strip()
                words = name.split()
                if not words or len(words) > 4 or not name[0].isupper():
                    if words and not re.search(r"[A-Z]", name):
                        break  # the list ended; the sentence goes on in lower case
                    continue
                if not all(w[:1].isupper() or w[:1].isdigit() or w in ("of", "&") for w in words):
                    continue
                if name.lower() in known:
                    continue
                known.add(name.lower())
                found.append(ResumeSkill(name=name, line=number, section=section))
    return found
