"""note author supervisor: a handover note may be written by a supervisor

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 01:00:00

A note knew its author only when a volunteer had identified at the desk; one left by the
supervisor had none, so the next shift could not tell who wrote it. Existing notes keep
their volunteer author; none of them was a supervisor's.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


FK_AUTHOR = "fk_handover_note_author_supervisor_id_supervisor"


def upgrade() -> None:
    # As 0002 did: SQLite adds a column with its reference in place (no table copy).
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"ALTER TABLE handover_note ADD COLUMN author_supervisor_id INTEGER "
            f"CONSTRAINT {FK_AUTHOR} REFERENCES supervisor (id)"
        )
    else:
        op.add_column(
            "handover_note", sa.Column("author_supervisor_id", sa.Integer(), nullable=True)
        )
        op.create_foreign_key(
            FK_AUTHOR, "handover_note", "supervisor", ["author_supervisor_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("handover_note") as batch:
        if op.get_bind().dialect.name != "sqlite":
            batch.drop_constraint(FK_AUTHOR, type_="foreignkey")
        batch.drop_column("author_supervisor_id")
