"""Gap against a posting (``analysis.job_gap``) on hand-made skill hits."""

from __future__ import annotations

from dataclasses import dataclass

from careerceo.analysis.job_gap import analyse

TEXT = "Write software in Java, Python or C++. Degree in Computer Science."


@dataclass(frozen=True)
class Hit:
    concept_id: str
    label: str
    taxonomy: str
    start: int
    end: int
    status: str = "required"
    source: str = "test"
    sentence: str = TEXT
    confidence: float = 0.9


def _hits() -> list[Hit]:
    def at(word: str) -> tuple[int, int]:
        start = TEXT.index(word)
        return start, start + len(word)

    return [
        Hit("esco:java", "Java (computer programming)", "esco", *at("Java")),
        Hit("onet-tech:1", "Oracle Java", "onet-tech", *at("Java")),
        Hit("esco:python", "Python (computer programming)", "esco", *at("Python")),
        Hit("onet-tech:2", "Python", "onet-tech", *at("Python")),
        Hit("esco:cpp", "C++", "esco", *at("C++")),
        Hit("onet-tech:3", "C++", "onet-tech", *at("C++")),
        Hit("2.C.3.a", "Computers and Electronics", "onet-element", *at("Computer Science")),
        Hit("esco:cs", "computer science", "esco", *at("Computer Science")),
    ]


def test_one_mention_in_two_taxonomies_is_one_requirement() -> None:
    """ "Python" was listed twice (O*NET product and ESCO skill), counted twice in coverage, and
    shown as both had and missing when the person had only one of the two concepts."""
    have = {"tech:python": ["Python (your inventory)"], "esco:esco:java": ["Java (your résumé)"]}
    gap = analyse(_hits(), have, text=TEXT)
    labels = [r.label for r in gap.requirements]
    assert sorted(labels) == sorted(
        [
            "Java (computer programming)",
            "Python",
            "C++",
            "Computers and Electronics",
            "computer science",
        ]
    )
    python = next(r for r in gap.requirements if r.label == "Python")
    assert python.have and python.mentions == 1 and len(python.keys) == 2
    assert python.evidence == ("Python (your inventory)",)
    java = next(r for r in gap.requirements if r.label.startswith("Java"))
    assert java.have and java.key == "esco:esco:java"
    # A broader concept found in the same words stays its own requirement.
    assert not next(r for r in gap.requirements if r.label == "computer science").have
    weights = {r.label: r.weight for r in gap.requirements}
    assert weights["Python"] == weights["C++"]


POSTING = """Minimum qualifications
5 years of experience in research-based curriculum development.
3 years of people management experience.

Preferred qualifications
Master's degree in Education.
8 years of experience leading design teams.
"""


def test_years_and_degrees_are_read_with_their_section() -> None:
    """The posting asks for 5 years (and 3 of them managing people); the gap said "3+ years
    required". A Master's under "Preferred qualifications" was reported as required."""
    preferred = [(POSTING.index("Preferred"), len(POSTING))]
    quals = {
        q.what: q
        for q in analyse(
            [], {}, text=POSTING, years_experience=6.0, preferred_spans=preferred
        ).qualifications
    }
    assert quals["5+ years of experience"].strength == "required"
    assert quals["5+ years of experience"].have is True
    assert quals["8+ years of experience"].strength == "preferred"
    assert quals["8+ years of experience"].have is False
    assert "3+ years of experience" not in quals
    assert quals["Master's degree"].strength == "preferred"


def test_a_range_of_years_asks_for_its_lower_end() -> None:
    """ "2 to 3 years of experience in big data" was read as 3+ years."""
    text = "Minimum qualifications\n2 to 3 years of experience in big data technologies.\n"
    quals = analyse([], {}, text=text, years_experience=2.5).qualifications
    assert [(q.what, q.have) for q in quals] == [("2+ years of experience", True)]


def test_a_gap_lists_concepts_the_extractor_trusts_not_its_one_word_guesses() -> None:
    """A real Google posting ("Shape, shepherd, ship ... scale the programs") listed the tool
    Scales, Shape software and the ESCO skill "care for the flock" as requirements."""
    from careerceo.skills.extractor import extract

    posting = (
        "Program Manager\n\nResponsibilities:\nShape, shepherd, ship, and show technical "
        "programs. Scale the programs from a regional to a global platform. Engineering "
        "teams rely on you.\n\nMinimum qualifications:\nExperience with Salesforce, Python "
        "and project management.\n"
    )
    result = extract(posting, "posting")
    doubted = {h.label for h in result.hits if h.confidence < 0.645}
    assert {"Scales", "Shape software", "care for the flock", "packaging engineering"} <= doubted
    gap = analyse(result.hits, {}, text=posting)
    labels = {r.label for r in gap.requirements}
    assert not labels & doubted
    assert {"Salesforce software", "project management"} <= labels
    assert any("Python" in label for label in labels)
