"""trusted clock: the last instant the PC's clock was trusted, kept across restarts

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 00:00:00

A clock set back while the desk was closed went unnoticed: the guard comparing the wall
clock with the monotonic one kept its reference in memory only. One row keeps it now.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trusted_clock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("wall", sa.Double(), nullable=False),
        sa.Column("mono", sa.Double(), nullable=False),
        sa.Column("boot", sa.String(length=64), nullable=False),
        sa.Column("jump", sa.Double(), nullable=True),
        sa.Column("seen_at", sa.Double(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_clock")),
    )


def downgrade() -> None:
    op.drop_table("trusted_clock")
