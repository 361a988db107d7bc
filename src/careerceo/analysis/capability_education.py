"""What an education entry says: the knowledge area its field names and the job zone its
degree opens (see ``analysis.capability``: education)."""

from __future__ import annotations

import re

# Field-of-study keywords → O*NET knowledge element names. A short, readable table rather than
# a model: a degree's field names its knowledge area in plain words in nearly every case.
FIELD_KNOWLEDGE: tuple[tuple[str, str], ...] = (
    (r"comput|software|informatic|information tech|data science", "Computers and Electronics"),
    (r"mathemat|statistic|actuar", "Mathematics"),
    (r"engineer", "Engineering and Technology"),
    (r"mechanical", "Mechanical"),
    (r"electric", "Computers and Electronics"),
    (r"biolog|life science|biochem", "Biology"),
    (r"chemi", "Chemistry"),
    (r"physics|physical science", "Physics"),
    (r"psycholog", "Psychology"),
    (r"sociolog|anthropolog|social work|social science", "Sociology and Anthropology"),
    (r"econom|accounting|financ", "Economics and Accounting"),
    (r"business|management|\bmba\b|administration|commerce", "Administration and Management"),
    (r"marketing|sales", "Sales and Marketing"),
    (r"\blaw\b|legal|juris|\bllb\b|\bjd\b", "Law and Government"),
    (r"politic|public policy|government", "Law and Government"),
    (r"medic|nursing|pharma|dental|health", "Medicine and Dentistry"),
    (r"educat|teaching|pedagog", "Education and Training"),
    (r"english|literature|journalism|writing", "English Language"),
    (r"histor|archaeolog|archeolog", "History and Archeology"),
    (r"geograph|geolog|earth science", "Geography"),
    (r"\bart\b|arts\b|music|theat|film|fine art", "Fine Arts"),
    (r"design|architect", "Design"),
    (r"communication|media", "Communications and Media"),
    (r"philosoph|theolog|religio", "Philosophy and Theology"),
    (r"language|linguist|translation", "Foreign Language"),
    (r"human resource|personnel", "Personnel and Human Resources"),
    (r"agricultur|food science", "Food Production"),
    (r"telecom", "Telecommunications"),
    (r"logistic|supply chain|transport", "Transportation"),
    (r"criminal|policing|security", "Public Safety and Security"),
)

# Degree words → (O*NET "Required Level of Education" category, knowledge level it implies).
DEGREE_LEVELS: tuple[tuple[str, int, float], ...] = (
    (r"ph\.?d|doctor|dphil|\bdr\b|\bmd\b|\bjd\b", 11, 6.5),
    (r"master|\bmba\b|\bm\.?sc?\b|\bm\.?a\b|\bmeng\b|\bmphil\b|\bllm\b", 8, 5.75),
    (r"bachelor|\bb\.?sc?\b|\bb\.?a\b|\bbeng\b|\bb\.?tech|\bbba\b|\bllb\b|undergrad", 6, 5.0),
    (r"associate|\ba\.?a\.?s?\b|foundation degree|hnd", 5, 4.0),
    (r"certificate|diploma|hnc|vocational|apprentice", 3, 3.5),
    (r"high school|ged|secondary|a-level|baccalaureate", 2, 2.5),
)


def education_category(degree: str) -> tuple[int, float] | None:
    text = degree.casefold()
    for pattern, category, level in DEGREE_LEVELS:
        if re.search(pattern, text):
            return category, level
    return None


def zone_for_education(category: int) -> int:
    """O*NET Job Zone reference: a bachelor's degree is typical of zone 4, graduate school of 5."""
    if category >= 8:
        return 5
    if category >= 6:
        return 4
    if category >= 3:
        return 3
    return 2
