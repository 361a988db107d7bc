"""Skill extraction: free text in, taxonomy concepts (ESCO, O*NET, certifications) out.

``extract(text, kind=...)`` is the call other features use; ``load_extractor()`` gives the cached
matcher. See README.md in this folder for the concept ids and how the lexicon is built.
"""

from careerceo.skills.extractor import Extractor, InputError, extract, load_extractor
from careerceo.skills.model import Excluded, ExtractionResult, Mention, SkillHit

__all__ = [
    "Excluded",
    "ExtractionResult",
    "Extractor",
    "InputError",
    "Mention",
    "SkillHit",
    "extract",
    "load_extractor",
]
