"""audit personal: names in audit entries by reference, so a purge can remove them

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 00:30:00

Until 0003 a volunteer's audit snapshot held the name (and the masked phone) in the entry
itself, hash-chained: a purge could not remove it without breaking the chain. From now on
the entry holds the volunteer's id, a reference to a row of audit_personal and a salted
SHA-256 of the value; the purge deletes the row. Entries written before this revision keep
what they hold: rewriting them would break the chain the log exists for.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_personal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=120), nullable=False),
        sa.Column("salt", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_audit_personal_volunteer_id_volunteer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_personal")),
    )
    with op.batch_alter_table("audit_personal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_personal_volunteer_id"), ["volunteer_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("audit_personal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_personal_volunteer_id"))
    op.drop_table("audit_personal")
