"""second factor and account deletion: TOTP factors, recovery codes, pending sign-ins, and the
practice's log of deleted accounts

Revision ID: 0004_totp_export_delete
Revises: 0004_job_search_speed
Create Date: 2026-12-07 14:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_totp_export_delete"
down_revision = "0004_job_search_speed"
branch_labels = None
depends_on = None


def _account(table: str, *, unique: bool = False) -> list[sa.Column[object] | sa.Constraint]:
    return [
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=f"fk_{table}_account_id_account",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        *([sa.UniqueConstraint("account_id", name=f"uq_{table}_account_id")] if unique else []),
    ]


def upgrade() -> None:
    with op.batch_alter_table("auth_session") as batch:
        batch.add_column(
            sa.Column("mfa_pending", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "totp_factor",
        *_account("totp_factor", unique=True),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.Column("last_step", sa.Integer(), nullable=True),
    )
    op.create_table(
        "recovery_code",
        *_account("recovery_code"),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("code_hash", name="uq_recovery_code_code_hash"),
    )
    op.create_index("ix_recovery_code_account_id", "recovery_code", ["account_id"])
    op.create_table(
        "practice_event",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("what", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_practice_event"),
    )
    op.create_index("ix_practice_event_at", "practice_event", ["at"])


def downgrade() -> None:
    for table in ("practice_event", "recovery_code", "totp_factor"):
        op.drop_table(table)
    with op.batch_alter_table("auth_session") as batch:
        batch.drop_column("mfa_pending")
