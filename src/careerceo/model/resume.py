"""One in-memory shape for a résumé, whatever it came from or is going to.

Every reader (PDF/DOCX text, JSON Resume, LinkedIn export) produces a ``Resume`` and every
writer (JSON Resume, Markdown, HTML, PDF) consumes one, so import and export share a single
vocabulary. Dates stay as partial ISO strings ("2019", "2019-03", "2019-03-01") because résumés
rarely give a day and inventing one would change what the person wrote.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass
class ResumePosition:
    employer: str
    title: str
    start: str = ""
    end: str = ""  # "" while current
    location: str = ""
    summary: str = ""
    highlights: list[str] = dataclasses.field(default_factory=list)
    url: str = ""
    description: str = ""  # JSON Resume's one-line company description
    line: int | None = None  # where it started in the source text, for previews


@dataclass
class ResumeEducation:
    institution: str
    degree: str = ""  # JSON Resume studyType
    field: str = ""  # JSON Resume area
    start: str = ""
    end: str = ""
    grade: str = ""  # JSON Resume score
    courses: list[str] = dataclasses.field(default_factory=list)
    url: str = ""
    description: str = ""
    line: int | None = None  # where it started in the source text


@dataclass
class ResumeCertification:
    name: str
    issuer: str = ""
    date: str = ""
    expires: str = ""
    url: str = ""
    credential_id: str = ""


@dataclass
class ResumeLanguage:
    name: str
    fluency: str = ""


@dataclass
class ResumeSkill:
    name: str
    level: str = ""
    keywords: list[str] = dataclasses.field(default_factory=list)
    # "Tools: Excel, dbt" in a text résumé, or a JSON Resume entry with keywords ("Databases":
    # PostgreSQL, Redis): the name is a heading, the keywords are the skills.
    heading_only: bool = False
    # Where it was read: the section ("skills", "summary", "interests") and line of the text.
    line: int | None = None
    section: str = ""


@dataclass
class ResumeContact:
    """A LinkedIn connection."""

    name: str
    company: str = ""
    title: str = ""
    email: str = ""
    url: str = ""
    connected_on: str = ""


@dataclass
class Resume:
    name: str = ""
    label: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    summary: str = ""
    location: str = ""
    image: str = ""
    positions: list[ResumePosition] = dataclasses.field(default_factory=list)
    education: list[ResumeEducation] = dataclasses.field(default_factory=list)
    skills: list[ResumeSkill] = dataclasses.field(default_factory=list)
    certifications: list[ResumeCertification] = dataclasses.field(default_factory=list)
    languages: list[ResumeLanguage] = dataclasses.field(default_factory=list)
    contacts: list[ResumeContact] = dataclasses.field(default_factory=list)
    # JSON Resume sections and fields with no table of their own (basics.location object,
    # profiles, volunteer, awards, publications, interests, references, projects, meta...).
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)
    # Sections of a text résumé the parser recognised but has no structure for.
    sections: dict[str, str] = dataclasses.field(default_factory=dict)
    warnings: list[str] = dataclasses.field(default_factory=list)

    def skill_names(self) -> list[str]:
        """Flat, de-duplicated skill names including group keywords."""
        seen: dict[str, str] = {}
        for skill in self.skills:
            for name in [*([] if skill.heading_only else [skill.name]), *skill.keywords]:
                key = name.strip().lower()
                if key and key not in seen:
                    seen[key] = name.strip()
        return list(seen.values())


_ENTRY_TYPES: dict[str, type[Any]] = {
    "positions": ResumePosition,
    "education": ResumeEducation,
    "skills": ResumeSkill,
    "certifications": ResumeCertification,
    "languages": ResumeLanguage,
    "contacts": ResumeContact,
}


def resume_from_dict(data: dict[str, Any]) -> Resume:
    """The inverse of ``dataclasses.asdict(resume)``: how a parse worker's answer comes back."""
    fields = {f.name for f in dataclasses.fields(Resume)}
    values = {key: value for key, value in data.items() if key in fields}
    for key, entry_type in _ENTRY_TYPES.items():
        values[key] = [entry_type(**item) for item in data.get(key, [])]
    return Resume(**values)
