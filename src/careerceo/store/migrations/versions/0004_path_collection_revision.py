"""reference collections count their changes, so a columnar copy knows if it is current

Revision ID: path_collection_data_revision
Revises: 0004_totp_export_delete
Create Date: 2026-12-07 14:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "path_collection_data_revision"
down_revision = "0004_totp_export_delete"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("path_collection") as batch:
        batch.add_column(
            sa.Column("data_revision", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("path_collection") as batch:
        batch.drop_column("data_revision")
