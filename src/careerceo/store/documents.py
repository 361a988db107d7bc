"""Repositories of documents (imported résumés, tailored versions) and saved job postings,
scoped to one person."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select

from careerceo.store.repositories import OwnedRepository, can_exist
from careerceo.store.tables import Document, JobPosting


class DocumentRepository(OwnedRepository[Document]):
    model = Document

    def ordering(self) -> tuple[Any, ...]:
        return (Document.id.desc(),)  # newest first

    def count_tailored(self) -> int:
        """Versions made for a posting or a target occupation."""
        query = select(func.count(Document.id)).where(
            Document.person_id == self.person_id,
            Document.target_posting_id.is_not(None) | Document.target_occupation_code.is_not(None),
        )
        return int(self.session.scalar(query) or 0)

    def newest_original(self, kind: str = "resume") -> Document | None:
        """The latest imported document of ``kind`` (not a tailored version of one)."""
        return self.session.scalars(
            select(Document)
            .where(
                Document.person_id == self.person_id,
                Document.kind == kind,
                Document.parent_id.is_(None),
            )
            .order_by(Document.id.desc())
        ).first()

    def last_updated_original(self, kind: str = "resume") -> Document | None:
        """The imported document of ``kind`` changed last (not a tailored version of one)."""
        return self.session.scalars(
            select(Document)
            .where(
                Document.person_id == self.person_id,
                Document.kind == kind,
                Document.parent_id.is_(None),
            )
            .order_by(Document.updated_at.desc(), Document.id.desc())
            .limit(1)
        ).first()

    def count_where(self, **equals: Any) -> int:
        """How many documents have these column values (e.g. one tailoring target)."""
        same = [getattr(Document, column) == value for column, value in equals.items()]
        query = select(func.count(Document.id)).where(Document.person_id == self.person_id, *same)
        return int(self.session.scalar(query) or 0)

    def tailored(self, posting_id: int | None = None) -> Sequence[Document]:
        """Versions tailored to a posting or an occupation (to one posting when given)."""
        query = select(Document).where(
            Document.person_id == self.person_id,
            Document.target_posting_id.is_not(None) | Document.target_occupation_code.is_not(None),
        )
        if posting_id is not None:
            if not can_exist(posting_id):
                return []
            query = query.where(Document.target_posting_id == posting_id)
        return self.session.scalars(query.order_by(Document.id.desc())).all()

    def with_sha256(self, sha256: str) -> Document | None:
        return self.session.scalars(
            select(Document).where(Document.person_id == self.person_id, Document.sha256 == sha256)
        ).first()


class JobPostingRepository(OwnedRepository[JobPosting]):
    model = JobPosting
