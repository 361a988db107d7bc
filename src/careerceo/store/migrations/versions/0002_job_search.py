"""job search: dossiers, network, pipeline

Companies get the research dossier (each part its own column), contacts tags, cadences and
employer history, interactions a next step, opportunities a stage history, pay and offer terms.

Revision ID: 0002_job_search
Revises: 0001
Create Date: 2026-12-07 07:00:39.613574
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_job_search"
down_revision = "0001"
branch_labels = None
depends_on = None


def _fill_company_keys() -> None:
    """Companies stored before this revision get a key (their lower-cased name; a clash
    within one person gets the row id appended) so the new unique rule holds."""
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, person_id, name FROM company ORDER BY id")).all()
    seen: set[tuple[int, str]] = set()
    for row_id, person_id, name in rows:
        key = str(name).strip().casefold()[:180]
        if (person_id, key) in seen:
            key = f"{key} #{row_id}"
        seen.add((person_id, key))
        bind.execute(
            sa.text("UPDATE company SET name_key = :key WHERE id = :id"),
            {"key": key, "id": row_id},
        )


def upgrade() -> None:
    op.create_table(
        "opportunity_contact",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_opportunity_contact_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_contact_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_opportunity_contact_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity_contact")),
        sa.UniqueConstraint("opportunity_id", "contact_id", "role", name="uq_opportunity_contact"),
        sa.UniqueConstraint("uid", name=op.f("uq_opportunity_contact_uid")),
    )
    with op.batch_alter_table("opportunity_contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunity_contact_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_opportunity_contact_opportunity_id"), ["opportunity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_opportunity_contact_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "stage_change",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("entered_on", sa.Date(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_stage_change_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_stage_change_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_change")),
        sa.UniqueConstraint("uid", name=op.f("uq_stage_change_uid")),
    )
    with op.batch_alter_table("stage_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stage_change_opportunity_id"), ["opportunity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_stage_change_person_id"), ["person_id"], unique=False)

    with op.batch_alter_table("company", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_key", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("headcount", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("revenue", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("products", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("mission", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("problems", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("competitors", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("leaders", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("sources", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("priority", sa.Integer(), nullable=True))

    _fill_company_keys()
    with op.batch_alter_table("company", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_company_name_key", ["person_id", "name_key"])

    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_key", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("tags", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(
            sa.Column("in_search", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("cadence_days", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("snoozed_until", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("unreachable", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("history", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(
            sa.Column("source", sa.String(length=50), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_contact_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_linkedin_url"), ["linkedin_url"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_name_key"), ["name_key"], unique=False)

    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.add_column(sa.Column("opportunity_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("next_step", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("done", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_index(
            batch_op.f("ix_interaction_happened_on"), ["happened_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interaction_opportunity_id"), ["opportunity_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_interaction_opportunity_id_opportunity"),
            "opportunity",
            ["opportunity_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("closed_reason", sa.String(length=30), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("source", sa.String(length=30), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("url", sa.String(length=1000), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("next_action", sa.String(length=500), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("next_action_due", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("posted_pay", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("stated_pay", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("stated_to", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("offer", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(
            sa.Column("negotiation_notes", sa.Text(), nullable=False, server_default="")
        )
        batch_op.create_index(
            batch_op.f("ix_opportunity_next_action_due"), ["next_action_due"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_opportunity_stage"), ["stage"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunity_stage"))
        batch_op.drop_index(batch_op.f("ix_opportunity_next_action_due"))
        batch_op.drop_column("negotiation_notes")
        batch_op.drop_column("offer")
        batch_op.drop_column("stated_to")
        batch_op.drop_column("stated_pay")
        batch_op.drop_column("posted_pay")
        batch_op.drop_column("next_action_due")
        batch_op.drop_column("next_action")
        batch_op.drop_column("url")
        batch_op.drop_column("source")
        batch_op.drop_column("closed_reason")

    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_interaction_opportunity_id_opportunity"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_interaction_opportunity_id"))
        batch_op.drop_index(batch_op.f("ix_interaction_happened_on"))
        batch_op.drop_column("done")
        batch_op.drop_column("next_step")
        batch_op.drop_column("opportunity_id")

    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_name_key"))
        batch_op.drop_index(batch_op.f("ix_contact_linkedin_url"))
        batch_op.drop_index(batch_op.f("ix_contact_email"))
        batch_op.drop_column("source")
        batch_op.drop_column("history")
        batch_op.drop_column("unreachable")
        batch_op.drop_column("retired")
        batch_op.drop_column("snoozed_until")
        batch_op.drop_column("cadence_days")
        batch_op.drop_column("in_search")
        batch_op.drop_column("tags")
        batch_op.drop_column("name_key")

    with op.batch_alter_table("company", schema=None) as batch_op:
        batch_op.drop_constraint("uq_company_name_key", type_="unique")
        batch_op.drop_column("priority")
        batch_op.drop_column("sources")
        batch_op.drop_column("leaders")
        batch_op.drop_column("competitors")
        batch_op.drop_column("problems")
        batch_op.drop_column("mission")
        batch_op.drop_column("products")
        batch_op.drop_column("revenue")
        batch_op.drop_column("headcount")
        batch_op.drop_column("name_key")

    with op.batch_alter_table("stage_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stage_change_person_id"))
        batch_op.drop_index(batch_op.f("ix_stage_change_opportunity_id"))

    op.drop_table("stage_change")
    with op.batch_alter_table("opportunity_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunity_contact_person_id"))
        batch_op.drop_index(batch_op.f("ix_opportunity_contact_opportunity_id"))
        batch_op.drop_index(batch_op.f("ix_opportunity_contact_contact_id"))

    op.drop_table("opportunity_contact")
