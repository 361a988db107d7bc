"""Repositories of documents (imported résumés, tailored versions) and saved job postings,
scoped to one person."""

from __future__ import annotations

from sqlalchemy import func, select

from careerceo.store.repositories import OwnedRepository
from careerceo.store.tables import Document, JobPosting


class DocumentRepository(OwnedRepository[Document]):
    model = Document

    def count_tailored(self) -> int:
        """Versions made for a posting or a target occupation."""
        query = select(func.count(Document.id)).where(
            Document.person_id == self.person_id,
            Document.target_posting_id.is_not(None) | Document.target_occupation_code.is_not(None),
        )
        return int(self.session.scalar(query) or 0)


class JobPostingRepository(OwnedRepository[JobPosting]):
    model = JobPosting
