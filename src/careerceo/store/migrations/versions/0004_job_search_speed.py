"""job search speed: composite indexes for today, the board and the network lists

A contact's latest interaction, the open next steps and the date each opportunity entered its
stage become index probes instead of scans of every interaction or stage change, which keeps
``career today`` and the board fast with a network of thousands. No stored row changes.

Revision ID: 0004_job_search_speed
Revises: 0003_coach_mode
Create Date: 2026-12-07 14:45:00
"""

from __future__ import annotations

from alembic import op

revision = "0004_job_search_speed"
down_revision = "0003_coach_mode"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_interaction_owner_contact_day", "interaction", ["person_id", "contact_id", "happened_on"]),
    ("ix_interaction_owner_follow_up", "interaction", ["person_id", "follow_up_on"]),
    (
        "ix_stage_change_owner_opportunity_day",
        "stage_change",
        ["person_id", "opportunity_id", "entered_on"],
    ),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
