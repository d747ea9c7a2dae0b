"""notices outbox: volunteers' e-mail consent and the messages waiting to be sent

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-01 03:00:00

Reminders, swap decisions and vacancy calls go out by e-mail from an outbox written in
the same transaction as their cause; a volunteer is written to only after agreeing, and
the date of that consent is kept.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "volunteer_email",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=254), nullable=False),
        sa.Column("opted_in_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("opted_out_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_volunteer_email_volunteer_id_volunteer"),
        ),
        sa.PrimaryKeyConstraint("volunteer_id", name=op.f("pk_volunteer_email")),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("slot", sa.String(length=8), nullable=True),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sending_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "state IN ('queued','sending','sent','failed','dropped')", name=op.f("ck_outbox_state")
        ),
        sa.CheckConstraint(
            "kind IN ('reminder','swap_decision','vacancy')", name=op.f("ck_outbox_kind")
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_outbox_site_id_site")),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name=op.f("fk_outbox_volunteer_id_volunteer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("site_id", "key", name=op.f("uq_outbox_site_id_key")),
        sa.UniqueConstraint("message_id", name=op.f("uq_outbox_message_id")),
    )
    op.create_index("ix_outbox_state_due", "outbox", ["state", "not_before"])
    op.create_index(op.f("ix_outbox_volunteer_id"), "outbox", ["volunteer_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_outbox_volunteer_id"), table_name="outbox")
    op.drop_index("ix_outbox_state_due", table_name="outbox")
    op.drop_table("outbox")
    op.drop_table("volunteer_email")
