"""coach mode: sessions, access tokens, login attempts, grants, coach comments, audit log

Accounts can be disabled. Everything else is new tables keyed by the account or by the client
(``client_id``), so no stored row changes.

Revision ID: 0003_coach_mode
Revises: 0002_interview_exit
Create Date: 2026-12-07 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_coach_mode"
down_revision = "0002_interview_exit"
branch_labels = None
depends_on = None


def _stamped(table: str) -> list[sa.Column[object] | sa.Constraint]:
    return [
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("uid", name=f"uq_{table}_uid"),
    ]


def _account(table: str, column: str = "account_id") -> list[sa.Column[object] | sa.Constraint]:
    return [
        sa.Column(column, sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            [column], ["account.id"], name=f"fk_{table}_{column}_account", ondelete="CASCADE"
        ),
    ]


def _client(table: str) -> list[sa.Column[object] | sa.Constraint]:
    return [
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["person.id"], name=f"fk_{table}_client_id_person", ondelete="CASCADE"
        ),
    ]


def _secret_table(table: str, *columns: sa.Column[object]) -> None:
    """A table of secrets kept as their SHA-256, one per account row."""
    op.create_table(
        table,
        *_stamped(table),
        *_account(table),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        *columns,
        sa.UniqueConstraint("token_hash", name=f"uq_{table}_token_hash"),
    )
    op.create_index(f"ix_{table}_account_id", table, ["account_id"])


def upgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.add_column(
            sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    _secret_table(
        "auth_session",
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
    )
    _secret_table(
        "access_token",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "login_attempt",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_attempt"),
    )
    op.create_index("ix_login_attempt_key", "login_attempt", ["key"])
    op.create_index("ix_login_attempt_at", "login_attempt", ["at"])
    op.create_table(
        "access_grant",
        *_stamped("access_grant"),
        *_client("access_grant"),
        *_account("access_grant", "coach_id"),
        sa.Column("area", sa.String(length=30), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_access_grant_client_id", "access_grant", ["client_id"])
    op.create_index("ix_access_grant_coach_id", "access_grant", ["coach_id"])
    op.create_table(
        "coach_comment",
        *_stamped("coach_comment"),
        *_client("coach_comment"),
        *_account("coach_comment", "coach_id"),
        sa.Column("area", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_index("ix_coach_comment_client_id", "coach_comment", ["client_id"])
    op.create_index("ix_coach_comment_coach_id", "coach_comment", ["coach_id"])
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        *_client("audit_event"),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=320), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("what", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["account.id"],
            name="fk_audit_event_actor_id_account",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_audit_event"),
    )
    op.create_index("ix_audit_event_client_id", "audit_event", ["client_id"])
    op.create_index("ix_audit_event_at", "audit_event", ["at"])


def downgrade() -> None:
    for table in (
        "audit_event",
        "coach_comment",
        "access_grant",
        "login_attempt",
        "access_token",
        "auth_session",
    ):
        op.drop_table(table)
    with op.batch_alter_table("account") as batch:
        batch.drop_column("disabled")
