"""Repositories of the profile's lists: education, certifications and languages, scoped to one
person, in the order they were added."""

from __future__ import annotations

from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import Certification, Education, Language


class EducationRepository(OwnedRepository[Education]):
    model = Education


class CertificationRepository(OwnedRepository[Certification]):
    model = Certification


class LanguageRepository(OwnedRepository[Language]):
    model = Language
