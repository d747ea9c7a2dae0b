"""phone tests: the phone courtesy test records (電話服務品質及禮貌測試紀錄表)

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-01 03:00:00

A new table; nothing existing changes. Each row is one scored test call, its marks as the
tester ticked them and the total core.phone_tests computed, and the follow-up (改善措施)
that closes a low score.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Long on purpose: the table as it was made, a frozen record of one schema."""
    op.create_table(
        "phone_test",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("tested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("extension", sa.String(length=30), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("tester", sa.String(length=60), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("staff_name", sa.String(length=60), nullable=False),
        sa.Column("answered_by", sa.String(length=16), nullable=False),
        sa.Column("answer_way", sa.String(length=16), nullable=False),
        sa.Column("ring_seconds", sa.Integer(), nullable=True),
        sa.Column("transfers", sa.Integer(), nullable=False),
        sa.Column("dropped", sa.Boolean(), nullable=False),
        sa.Column("states_unit", sa.Boolean(), nullable=False),
        sa.Column("greets", sa.Boolean(), nullable=False),
        sa.Column("tone_band", sa.String(length=16), nullable=False),
        sa.Column("tone", sa.Integer(), nullable=False),
        sa.Column("closes_politely", sa.Boolean(), nullable=False),
        sa.Column("content_way", sa.String(length=16), nullable=False),
        sa.Column("content_band", sa.String(length=16), nullable=False),
        sa.Column("content", sa.Integer(), nullable=False),
        sa.Column("stand_in_reason", sa.Boolean(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.CheckConstraint(
            "answered_by IN ('volunteer','staff')", name=op.f("ck_phone_test_answered_by")
        ),
        sa.CheckConstraint(
            "answer_way IN ('switchboard','person')", name=op.f("ck_phone_test_answer_way")
        ),
        sa.CheckConstraint(
            "content_way IN ('officer','stand_in')", name=op.f("ck_phone_test_content_way")
        ),
        sa.CheckConstraint("tone BETWEEN 0 AND 10", name=op.f("ck_phone_test_tone")),
        sa.CheckConstraint("content BETWEEN 0 AND 30", name=op.f("ck_phone_test_content")),
        sa.CheckConstraint("total BETWEEN 0 AND 100", name=op.f("ck_phone_test_total")),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_phone_test_site_id_site")),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name=op.f("fk_phone_test_volunteer_id_volunteer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_test")),
    )
    with op.batch_alter_table("phone_test", schema=None) as batch_op:
        batch_op.create_index("ix_phone_test_site_at", ["site_id", "tested_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_phone_test_volunteer_id"), ["volunteer_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("phone_test", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_phone_test_volunteer_id"))
        batch_op.drop_index("ix_phone_test_site_at")
    op.drop_table("phone_test")
