"""Where a mention sits: its section, its sentence, and the cue words around it.

Résumés and postings are read line by line; a short line that names a known heading (or
"Heading: text" on one line) opens a section until the next heading. Benefits and company
boilerplate are sections whose mentions are not skills ("benefits: gym membership").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SECTION_WORDS: list[tuple[str, tuple[str, ...]]] = [
    (
        "benefits",
        (
            "benefit",
            "perks",
            "what we offer",
            "we offer",
            "compensation",
            "why join",
            "why work",
            "salary",
            "what's in it for you",
            "our offer",
            "rewards",
        ),
    ),
    (
        "preferred",
        (
            "preferred qualification",
            "nice to have",
            "nice-to-have",
            "bonus point",
            "preferred skill",
            "desired qualification",
            "desirable",
            "pluses",
            "preferred experience",
            "good to have",
        ),
    ),
    (
        "requirements",
        (
            "requirement",
            "qualification",
            "what you need",
            "what you'll need",
            "what we're looking for",
            "what we are looking for",
            "who you are",
            "must have",
            "must-have",
            "you have",
            "you bring",
            "about you",
            "required skill",
            "required experience",
            "your profile",
            "essential",
        ),
    ),
    (
        "responsibilities",
        (
            "responsibilit",
            "what you'll do",
            "what you will do",
            "duties",
            "the role",
            "your role",
            "day to day",
            "key tasks",
            "job description",
            "in this role",
            "your mission",
        ),
    ),
    (
        "skills",
        (
            "skill",
            "competenc",
            "expertise",
            "technologies",
            "tools",
            "tech stack",
            "technical proficienc",
            "core strengths",
            "certification",
            "licens",
        ),
    ),
    # before "experience": "Equal Employment Opportunity" is boilerplate, not work history
    (
        "about",
        (
            "about us",
            "about the company",
            "who we are",
            "our company",
            "company overview",
            "equal opportunity",
            "equal employment",
            "eeo",
            "diversity",
        ),
    ),
    (
        "experience",
        (
            "experience",
            "employment",
            "work history",
            "career history",
            "professional background",
            "positions held",
            "projects",
        ),
    ),
    ("education", ("education", "academic", "degree", "training", "courses")),
    ("summary", ("summary", "profile", "objective", "about me", "about")),
]
EXCLUDED_SECTIONS = frozenset({"benefits", "about"})
# "# Heading", "**Heading**", "*Heading:**" (markdown from job boards) as well as "Heading:";
# "* Python experience" is a bullet, not a heading (the star is followed by a space). One
# optional run of stars between blanks: two adjacent ``\s*`` would split a long blank run in
# every way (quadratic on a hostile line).
_HEADING_RE = re.compile(
    r"^\s*(?:#+\s*|[*_]{1,2}(?=[A-Za-z]))?"
    r"([A-Za-z][A-Za-z'\u2019 &/\-]{1,60}?)\s*(?:[*_]+\s*)?(:|$)[*_]*(.*)$"
)
_INLINE_HEADING_RE = re.compile(r"[A-Z][A-Za-z'\u2019 &/\-]{1,40}:")
# Every break starts with white space or a bullet; the leading look-ahead says so, which lets
# the regex engine skip every other character at once (a third of the time of segments()).
_SENTENCE_END = re.compile(
    r"(?=[\s•▪●◦])(?:(?<=[.!?;])\s+(?=[A-Z0-9•\-*(\"'])|\n+|(?:(?<!\s)\s+)?[•▪●◦]\s*)"
)

NEGATION_CUES = (
    "no experience",
    "not experienced",
    "no knowledge",
    "without",
    "not required",
    "never used",
    "never worked",
    "lack",
    "lacking",
    "unfamiliar",
    "not familiar",
    "no prior",
    "do not have",
    "don't have",
    "does not require",
    "not needed",
    "no need for",
    "no background",
    "not necessary",
    "no ",
)
REQUIRED_CUES = (
    "must",
    "required",
    "require",
    "requirement",
    "minimum",
    "mandatory",
    "essential",
    "need to have",
    "you need",
    "you have",
    "you will need",
    "strong",
    "proven",
    "proficien",
    "at least",
    "demonstrated",
    "solid",
)
PREFERRED_CUES = (
    "preferred",
    "nice to have",
    "nice-to-have",
    "a plus",
    "is a plus",
    "an advantage",
    "bonus",
    "ideally",
    "desirable",
    "desired",
    "beneficial",
    "would be great",
    "good to have",
    "not required but",
    "familiarity with",
    "plus",
)
_NEGATION_RE = re.compile(r"(?:^|\W)(?:" + "|".join(map(re.escape, NEGATION_CUES)) + ")")
# Every cue starts with one of these (a test checks it), so a window without any cannot hold a
# cue: a quick test that saves splitting most windows into clauses.
NEGATION_STARTS = ("no", "without", "never", "lack", "unfamiliar", "do")
_NEGATION_START = re.compile(r"(?:^|\W)(?:" + "|".join(NEGATION_STARTS) + ")")
_REQUIRED_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, REQUIRED_CUES)) + ")")
_PREFERRED_RE = re.compile("|".join(map(re.escape, PREFERRED_CUES)))
_CLAUSE_BREAK = re.compile(r"\bbut\b|\bhowever\b|[;:]|\bwhile\b|\bwhereas\b")

POSTING_CUES = (
    "responsibilit",
    "qualification",
    "requirement",
    "we are looking",
    "we're looking",
    "you will",
    "you'll",
    "the ideal candidate",
    "apply",
    "job description",
    "about the role",
    "nice to have",
    "what we offer",
    "equal opportunity",
    "benefits",
    "preferred",
    "a plus",
    "must have",
    "required",
    "minimum qualification",
)
RESUME_CUES = (
    "work experience",
    "professional experience",
    "employment history",
    "education",
    "curriculum vitae",
    "résumé",
    "resume",
    "references available",
    "gpa",
    "b.sc",
    "bachelor of",
    "linkedin.com/in",
    "phone:",
    "email:",
)


def classify_heading(line: str) -> tuple[str | None, int]:
    """The section a heading line opens and where its own content starts (0 if none)."""
    m = _HEADING_RE.match(line)
    if not m:
        return None, 0
    title, colon, rest = m.group(1).strip().lower(), m.group(2), m.group(3)
    words = title.split()
    if not words or len(words) > 6:
        return None, 0
    if not colon and (rest.strip() or len(words) > 5):
        return None, 0
    # Without a colon, a heading is short and looks like one (Title Case or UPPER CASE).
    if not colon and not (m.group(1).istitle() or m.group(1).isupper() or len(words) <= 3):
        return None, 0
    for section, cues in SECTION_WORDS:
        if any(cue in title for cue in cues):
            content = m.start(3) if colon and rest.strip() else 0
            return section, content
    return None, 0


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence (or bullet) with the section it belongs to."""

    start: int
    end: int
    section: str | None


def segments(text: str) -> list[Segment]:
    out: list[Segment] = []
    section: str | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        line_start = offset
        offset += len(line)
        stripped = line.strip()
        if not stripped:
            continue
        heading, content = classify_heading(line.rstrip("\r\n"))
        if heading is not None:
            section = heading
            if not content:
                out.append(Segment(line_start, line_start + len(line.rstrip()), section))
                continue
            line_start += content
            line = line[content:]
        pos = 0
        bounds = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(line)]
        bounds.append((len(line.rstrip()), len(line)))
        for stop, resume in bounds:
            if stop > pos:
                piece = line[pos:stop]
                # "... Benefits: gym membership" opens a section mid-line too.
                inline = _INLINE_HEADING_RE.match(piece)
                if inline and pos > 0:
                    found, _ = classify_heading(inline.group(0))
                    section = found or section
                out.append(Segment(line_start + pos, line_start + stop, section))
            pos = max(pos, resume)
    return out


def detect_kind(text: str) -> str:
    """'posting', 'resume' or 'profile' (a short bio or description) from cue words."""
    lower = text[:20_000].lower()
    posting = sum(lower.count(cue) for cue in POSTING_CUES)
    resume = sum(lower.count(cue) for cue in RESUME_CUES)
    if posting >= 2 and posting > resume:
        return "posting"
    if resume >= 2:
        return "resume"
    return "profile"


def negated(before: str) -> bool:
    """True when the words just before a mention, in the same clause, deny it."""
    window = before[-80:].lower()
    if _NEGATION_START.search(window) is None:
        return False
    parts = _CLAUSE_BREAK.split(window)
    clause = " ".join((parts[-1] if parts else window).split()[-6:])
    return _NEGATION_RE.search(clause) is not None


def strength(sentence: str, section: str | None, kind: str) -> str:
    """required / preferred / held / mentioned, from the sentence's cues and its section."""
    lower = sentence.lower()
    if kind == "posting":
        if section == "preferred" or _PREFERRED_RE.search(lower):
            return "preferred"
        if section in {"requirements", "skills", "responsibilities"} or _REQUIRED_RE.search(lower):
            return "required"
        return "mentioned"
    if kind in {"resume", "profile"}:
        return "held"
    return "mentioned"
