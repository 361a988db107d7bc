"""JSON Resume (https://jsonresume.org/schema, 1.x) to and from ``Resume``.

Everything the schema defines survives a round trip: fields with a table go to the table,
everything else (basics.location, profiles, volunteer, awards, publications, interests,
references, projects, meta, and per-entry fields like ``url``) is kept in ``Resume.extra``.
Off-schema files are read as far as they follow the schema, with a warning for each part that
does not, rather than refused.
"""

from __future__ import annotations

import json
from typing import Any

from careerceo.documents.json_safety import loads_limited
from careerceo.documents.limits import MAX_ENTRIES, MAX_FILE_BYTES
from careerceo.errors import CareerError
from careerceo.model.resume import (
    Resume,
    ResumeCertification,
    ResumeEducation,
    ResumeLanguage,
    ResumePosition,
    ResumeSkill,
)
from careerceo.text.dates import parse_date

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
TOP_LEVEL = {
    "$schema", "basics", "work", "volunteer", "education", "awards", "certificates",
    "publications", "skills", "languages", "interests", "references", "projects", "meta",
}  # fmt: skip
BASICS = {"name", "label", "image", "email", "phone", "url", "summary", "location", "profiles"}
VERBATIM = ("volunteer", "awards", "publications", "interests", "references", "projects", "meta")


def _s(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ("" if value is None else str(value))


def _list(value: Any, where: str, warnings: list[str]) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        warnings.append(f"{where} should be a list; it was ignored")
        return []
    if len(value) > MAX_ENTRIES:
        raise CareerError(f"{where} has {len(value)} entries; the limit is {MAX_ENTRIES}")
    return value


def _date(value: Any, where: str, warnings: list[str]) -> str:
    text = _s(value)
    if not text:
        return ""
    parsed = parse_date(text)
    if not parsed:
        warnings.append(f"{where}: {text!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return parsed


def _dicts(value: Any, where: str, warnings: list[str]) -> list[dict[str, Any]]:
    items = _list(value, where, warnings)
    result = [item for item in items if isinstance(item, dict)]
    if len(result) < len(items):
        warnings.append(f"{where}: {len(items) - len(result)} entries are not objects; ignored")
    return result


def _known_extra(entry: dict[str, Any], known: set[str]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k not in known}


def parse_jsonresume_bytes(data: bytes, *, name: str = "resume.json") -> Resume:
    if len(data) > MAX_FILE_BYTES:
        raise CareerError(f"{name} is larger than {MAX_FILE_BYTES // 2**20} MB", field="file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CareerError(
            f"{name} is not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8 "
            "and retry",
            field="file",
        ) from None
    document = loads_limited(text, name=name)
    if not isinstance(document, dict):
        raise CareerError(f"{name} must hold a JSON object at the top level", field="file")
    return from_jsonresume(document)


def from_jsonresume(document: dict[str, Any]) -> Resume:
    warnings: list[str] = []
    unknown = sorted(set(document) - TOP_LEVEL)
    if unknown:
        warnings.append("not JSON Resume fields, kept but not used: " + ", ".join(unknown[:8]))
    if not any(key in document for key in ("basics", "work", "education", "skills")):
        raise CareerError(
            "this JSON is not a JSON Resume (no basics, work, education or skills); "
            "see https://jsonresume.org/schema",
            field="file",
        )
    resume = Resume(warnings=warnings)
    extra = _read_basics(resume, document, warnings)
    _read_history(resume, document, warnings)
    _read_skills(resume, document, warnings)
    for section in VERBATIM:
        if document.get(section) is not None:
            extra[section] = document[section]
    if "$schema" in document:
        extra["$schema"] = document["$schema"]
    others = {k: document[k] for k in unknown}
    if others:
        extra["unknown"] = others
    resume.extra = extra
    return resume


def _read_basics(resume: Resume, document: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    """Name, contact, summary and location into the résumé; what has no field, as extras."""
    basics = document.get("basics") or {}
    if not isinstance(basics, dict):
        warnings.append("basics should be an object; it was ignored")
        basics = {}
    resume.name = _s(basics.get("name"))
    resume.label = _s(basics.get("label"))
    resume.image = _s(basics.get("image"))
    resume.email = _s(basics.get("email"))
    resume.phone = _s(basics.get("phone"))
    resume.url = _s(basics.get("url") or basics.get("website"))
    resume.summary = _s(basics.get("summary"))
    location = basics.get("location")
    extra: dict[str, Any] = {}
    if isinstance(location, dict):
        extra["location"] = location
        resume.location = ", ".join(
            _s(location.get(k)) for k in ("city", "region", "countryCode") if location.get(k)
        )
    elif isinstance(location, str):
        resume.location = location
    if basics.get("profiles") is not None:
        extra["profiles"] = _dicts(basics.get("profiles"), "basics.profiles", warnings)
    basics_rest = _known_extra(basics, BASICS | {"website"})
    if basics_rest:
        extra["basics_extra"] = basics_rest
    return extra


def _read_history(resume: Resume, document: dict[str, Any], warnings: list[str]) -> None:
    """Work, education and certificates; an entry with nothing to name it is skipped, said."""
    for i, work in enumerate(_dicts(document.get("work"), "work", warnings)):
        where = f"work[{i}]"
        position = ResumePosition(
            employer=_s(work.get("name") or work.get("company")),
            title=_s(work.get("position")),
            start=_date(work.get("startDate"), f"{where}.startDate", warnings),
            end=_date(work.get("endDate"), f"{where}.endDate", warnings),
            location=_s(work.get("location")),
            summary=_s(work.get("summary")),
            highlights=[
                _s(h)
                for h in _list(work.get("highlights"), f"{where}.highlights", warnings)
                if _s(h)
            ],
            url=_s(work.get("url") or work.get("website")),
            description=_s(work.get("description")),
        )
        if not position.employer and not position.title:
            warnings.append(f"{where} has neither name nor position; skipped")
            continue
        resume.positions.append(position)
    for i, edu in enumerate(_dicts(document.get("education"), "education", warnings)):
        where = f"education[{i}]"
        entry = ResumeEducation(
            institution=_s(edu.get("institution")),
            degree=_s(edu.get("studyType")),
            field=_s(edu.get("area")),
            start=_date(edu.get("startDate"), f"{where}.startDate", warnings),
            end=_date(edu.get("endDate"), f"{where}.endDate", warnings),
            grade=_s(edu.get("score") or edu.get("gpa")),
            courses=[_s(c) for c in _list(edu.get("courses"), f"{where}.courses", warnings)],
            url=_s(edu.get("url")),
        )
        if not entry.institution:
            warnings.append(f"{where} has no institution; skipped")
            continue
        resume.education.append(entry)
    for i, cert in enumerate(_dicts(document.get("certificates"), "certificates", warnings)):
        if not _s(cert.get("name")):
            warnings.append(f"certificates[{i}] has no name; skipped")
            continue
        resume.certifications.append(
            ResumeCertification(
                name=_s(cert.get("name")),
                issuer=_s(cert.get("issuer")),
                date=_date(cert.get("date"), f"certificates[{i}].date", warnings),
                url=_s(cert.get("url")),
            )
        )


def _read_skills(resume: Resume, document: dict[str, Any], warnings: list[str]) -> None:
    """Skills (a group with keywords is a heading over them) and languages."""
    for i, skill in enumerate(_list(document.get("skills"), "skills", warnings)):
        if isinstance(skill, str):
            resume.skills.append(ResumeSkill(name=skill.strip(), section="skills"))
            continue
        raw_keywords = (
            _list(skill.get("keywords"), f"skills[{i}].keywords", warnings)
            if isinstance(skill, dict)
            else []
        )
        keywords = [_s(k) for k in raw_keywords if _s(k)]
        if isinstance(skill, dict) and (_s(skill.get("name")) or keywords):
            # With keywords the name is the group ("Databases", "Tools / Misc"): the keywords
            # are the skills. A nameless group still lists skills.
            resume.skills.append(
                ResumeSkill(
                    name=_s(skill.get("name")) or "Skills",
                    level=_s(skill.get("level")),
                    keywords=keywords,
                    heading_only=bool(keywords),
                    section="skills",
                )
            )
        else:
            warnings.append(f"skills[{i}] has no name and no keywords; skipped")
    for i, lang in enumerate(_dicts(document.get("languages"), "languages", warnings)):
        name = _s(lang.get("language") or lang.get("name"))
        if not name:
            warnings.append(f"languages[{i}] has no language; skipped")
            continue
        resume.languages.append(ResumeLanguage(name=name, fluency=_s(lang.get("fluency"))))


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    if value not in ("", None, []):
        target[key] = value


# JSON Resume key -> the résumé's attribute, in the order an export writes them
BASICS_OUT = (
    ("name", "name"), ("label", "label"), ("image", "image"), ("email", "email"),
    ("phone", "phone"), ("url", "url"), ("summary", "summary"),
)  # fmt: skip
WORK_OUT = (
    ("name", "employer"), ("location", "location"), ("description", "description"),
    ("position", "title"), ("url", "url"), ("startDate", "start"), ("endDate", "end"),
    ("summary", "summary"), ("highlights", "highlights"),
)  # fmt: skip
EDUCATION_OUT = (
    ("institution", "institution"), ("url", "url"), ("area", "field"), ("studyType", "degree"),
    ("startDate", "start"), ("endDate", "end"), ("score", "grade"), ("courses", "courses"),
)  # fmt: skip
CERTIFICATE_OUT = (("name", "name"), ("date", "date"), ("issuer", "issuer"), ("url", "url"))


def _filled(source: object, fields: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """``source`` as a JSON Resume object: each key its attribute's value, empty ones left
    out as the schema's examples do."""
    item: dict[str, Any] = {}
    for key, attribute in fields:
        _put(item, key, getattr(source, attribute))
    return item


def _basics(resume: Resume) -> dict[str, Any]:
    """The ``basics`` section: who the person is, where, and their profiles."""
    extra = resume.extra
    basics = _filled(resume, BASICS_OUT)
    if isinstance(extra.get("location"), dict):
        basics["location"] = extra["location"]
    elif resume.location:
        basics["location"] = {"city": resume.location}
    if extra.get("profiles"):
        basics["profiles"] = extra["profiles"]
    for key, value in (extra.get("basics_extra") or {}).items():
        basics.setdefault(key, value)
    return basics


def to_jsonresume(resume: Resume) -> dict[str, Any]:
    """A schema-valid document; empty fields are left out as the schema's examples do."""
    extra = resume.extra
    document: dict[str, Any] = {
        "$schema": extra.get("$schema", SCHEMA_URL),
        "basics": _basics(resume),
    }
    _put(document, "work", [_filled(p, WORK_OUT) for p in resume.positions])
    if extra.get("volunteer") is not None:
        document["volunteer"] = extra["volunteer"]
    _put(document, "education", [_filled(e, EDUCATION_OUT) for e in resume.education])
    for section in ("awards",):
        if extra.get(section) is not None:
            document[section] = extra[section]
    certificates = [_filled(c, CERTIFICATE_OUT) for c in resume.certifications]
    _put(document, "certificates", certificates)
    if extra.get("publications") is not None:
        document["publications"] = extra["publications"]
    skills = []
    for s in resume.skills:
        item = {"name": s.name}
        _put(item, "level", s.level)
        _put(item, "keywords", s.keywords)
        skills.append(item)
    _put(document, "skills", skills)
    _put(
        document,
        "languages",
        [
            {"language": lang.name, **({"fluency": lang.fluency} if lang.fluency else {})}
            for lang in resume.languages
        ],
    )
    for section in ("interests", "references", "projects", "meta"):
        if extra.get(section) is not None:
            document[section] = extra[section]
    return document


def dumps(resume: Resume) -> str:
    return json.dumps(to_jsonresume(resume), ensure_ascii=False, indent=2) + "\n"
