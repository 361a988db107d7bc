"""The regular expressions that run on uploaded or typed text stay linear on hostile lines.

A backtracking pattern such as ``[\\w.+-]+@...`` tried at every start of a 40,000-character
line took 14 s (issue 16); the same line at 1 MB would take hours. Each pattern and the
parsers that use them must get through 1 MB lines built to trigger backtracking within a
bound that only a linear pattern can meet, whatever the load of the test machine.
"""

from __future__ import annotations

import re
import time

import pytest

from careerceo.analysis import accomplishments
from careerceo.analysis.resume_critique import critique_text
from careerceo.documents import (
    linkedin_export,
    linkedin_pdf,
    resume_education,
    resume_experience,
    resume_parser,
    resume_skills,
)
from careerceo.knowledge import search, titles
from careerceo.skills import context

MB = 1_000_000
HOSTILE = {
    "blank run": "x" + " " * MB + "x",
    "one word": "a" * MB,
    "at signs": "a@" * (MB // 2),
    "capitalised words": "Abc " * (MB // 4),
    "open brackets": "(" * MB,
    "dotted": "a." * (MB // 2),
    "digits": "1 " * (MB // 2),
    "bullets": "\u2022 " * (MB // 2),
}
PATTERNS: dict[str, re.Pattern[str]] = {
    "resume e-mail": resume_parser.EMAIL,
    "institution": resume_parser.INSTITUTION_NAME,
    "placeholder employer": resume_experience.PLACEHOLDER,
    "phone": resume_parser.PHONE,
    "url": resume_parser.URL,
    "LinkedIn inline bullet": linkedin_export._INLINE_BULLET,
    "win result link": accomplishments.RESULT_LINKS,
    "win by-clause": accomplishments.BY_CLAUSE,
    "title segment": titles._SEGMENT_SPLIT,
    "title bracket": titles._BRACKETS,
    "search except": search._EXCEPT,
    "search paren": search._PAREN,
    "sentence end": context._SENTENCE_END,
    "LinkedIn PDF date line": linkedin_pdf.DATE_LINE,
    "LinkedIn PDF degree": linkedin_pdf.DEGREE,
    "education place": resume_education.PLACE,
    "education region": resume_education.REGION,
    "skills experience tail": resume_skills.EXPERIENCE_TAIL,
    "skills software tail": resume_skills.SOFTWARE_TAIL,
}
# Seconds per 1 MB line: linear patterns take under 1 s alone (9 s seen on a loaded machine),
# a quadratic one hours, so the bound separates them whatever the load.
BOUND = 30.0


@pytest.mark.parametrize("pattern_name", sorted(PATTERNS))
def test_pattern_is_linear_on_1mb_lines(pattern_name: str) -> None:
    pattern = PATTERNS[pattern_name]
    for line_name, line in HOSTILE.items():
        started = time.perf_counter()
        list(pattern.finditer(line))
        pattern.match(line)  # anchored patterns backtrack from the one start they have
        took = time.perf_counter() - started
        assert took < BOUND, f"{pattern_name} took {took:.1f} s on a 1 MB {line_name} line"


def test_patterns_still_find_what_they_did() -> None:
    """Anchoring the starts changed no match a real résumé relies on."""
    assert resume_parser.EMAIL.findall("Mail: ana.ruiz+cv@example.co.uk, tel") == [
        "ana.ruiz+cv@example.co.uk"
    ]
    assert resume_parser.INSTITUTION_NAME.search("BSc, California State University of Hayward")
    assert resume_experience.PLACEHOLDER.split("Cashier Company Name  City , State") == [
        "Cashier",
        "City , State",
    ]
    assert linkedin_export._INLINE_BULLET.split("Intro  \u2022 Did X \u2022 \u2022 Did Y") == [
        "Intro",
        "Did X",
        "",
        "Did Y",
    ]
    assert titles._SEGMENT_SPLIT.split("Engineer | | Acme") == ["Engineer", "", "Acme"]
    assert search._PAREN.findall("Clerk (general) (office)") == ["general", "office"]
    assert accomplishments.RESULT_LINKS.split("Cut costs, resulting in savings") == [
        "Cut costs",
        "savings",
    ]


@pytest.mark.parametrize("line_name", ["blank run", "at signs", "capitalised words", "bullets"])
def test_resume_parser_and_critique_are_linear_on_1mb_lines(line_name: str) -> None:
    line = HOSTILE[line_name]
    started = time.perf_counter()
    resume_parser.parse_resume_text(f"Ana Ruiz\n{line}\nExperience\n")
    critique_text(line)
    context.segments(line)
    took = time.perf_counter() - started
    assert took < 3 * BOUND, f"parsing a 1 MB {line_name} line took {took:.1f} s"
