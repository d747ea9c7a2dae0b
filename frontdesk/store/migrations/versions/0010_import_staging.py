"""import staging: a volunteer sheet is staged in short batches, then made visible at once

Revision ID: 0010
Revises: 0005
Create Date: 2026-12-01 02:45:00

A 20,000-row sheet written in one transaction held the writers' lock for seconds, while
the kiosk's scans waited. The import now writes its rows into these tables in short
transactions (nothing of it visible), moves them into `volunteer` and `training` in one
short final transaction, and chains their audit entries in short batches afterwards. A
killed import leaves a batch that the next start removes ("staging") or finishes
("visible").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("owner", sa.String(length=80), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("file", sa.String(length=255), nullable=False),
        sa.Column("audit_head", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("touched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.CheckConstraint("state IN ('staging','visible')", name=op.f("ck_import_batch_state")),
        sa.ForeignKeyConstraint(
            ["site_id"], ["site.id"], name=op.f("fk_import_batch_site_id_site")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
    )
    op.create_table(
        "staged_training",
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("training_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["import_batch.id"],
            name=op.f("fk_staged_training_import_id_import_batch"),
        ),
        sa.PrimaryKeyConstraint("import_id", "seq", "n", name=op.f("pk_staged_training")),
    )
    op.create_table(
        "staged_volunteer",
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("languages", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("weekly_max", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deactivated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["import_batch.id"],
            name=op.f("fk_staged_volunteer_import_id_import_batch"),
        ),
        sa.PrimaryKeyConstraint("import_id", "seq", name=op.f("pk_staged_volunteer")),
    )


def downgrade() -> None:
    op.drop_table("staged_volunteer")
    op.drop_table("staged_training")
    op.drop_table("import_batch")
