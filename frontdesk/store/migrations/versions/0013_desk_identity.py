"""desk identity: each desk's state is kept under its own generated id, with its name

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 04:20:00

Two desks on one server used to report under their computer's name, so two desks on one
computer (or two computers of the same name) shared one desk_state row. A desk now reports
under the id kept in its own data folder (services.offline.identity) in desk_state.desk,
and the name it shows in desk_state.name. A row written before keeps its key, and its
name is that key (the computer's name it was).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("desk_state", sa.Column("name", sa.String(length=60), nullable=True))
    op.execute("UPDATE desk_state SET name = desk")


def downgrade() -> None:
    with op.batch_alter_table("desk_state") as batch:
        batch.drop_column("name")
