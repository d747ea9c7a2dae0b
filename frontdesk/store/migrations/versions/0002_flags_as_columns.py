"""flags as columns: walk-in, resumed, declined and superseded leave the free-text notes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 10:00:00

Until 0001 the app wrote these facts as fixed English text into columns meant for words
a person typed, and read them back by comparing strings (and a regular expression):

- attendance.note = 'walk-in' (signed in without an assignment) or 'resumed' (a second
  segment of the same slot, never counted late);
- swap_request.outcome_reason = 'declined by colleague', 'withdrawn', 'not decided before
  the shift' or 'superseded by approved swap #<id>'.

They become attendance.walk_in, attendance.resumed, swap_request.declined and
swap_request.superseded_by_id. A converted marker leaves an empty text behind; any other
text (what a supervisor typed) is kept as it is. 'withdrawn' and 'not decided before the
shift' need no column: the states cancelled and expired say it. Only the exact markers the
app wrote are converted, and only in the state the app wrote them in.

Columns are added with ALTER TABLE on both backends (SQLite allows a REFERENCES clause on
an added column whose default is NULL), so no table is copied: on SQLite a batch copy of
swap_request or attendance would have to drop a table other rows refer to.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

WALK_IN = "walk-in"
RESUMED = "resumed"
DECLINED = "declined by colleague"
WITHDRAWN = "withdrawn"
EXPIRED = "not decided before the shift"
SUPERSEDED = re.compile(r"superseded by approved swap #(\d+)")
FK_SUPERSEDED = "fk_swap_request_superseded_by_id_swap_request"

attendance = sa.table(
    "attendance",
    sa.column("id", sa.Integer()),
    sa.column("note", sa.Text()),
    sa.column("walk_in", sa.Boolean()),
    sa.column("resumed", sa.Boolean()),
)
swap_request = sa.table(
    "swap_request",
    sa.column("id", sa.Integer()),
    sa.column("state", sa.String()),
    sa.column("outcome_reason", sa.Text()),
    sa.column("declined", sa.Boolean()),
    sa.column("superseded_by_id", sa.Integer()),
)


def _add_columns() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table("attendance") as batch:
        batch.add_column(sa.Column("walk_in", sa.Boolean(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("resumed", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("swap_request") as batch:
        batch.add_column(sa.Column("declined", sa.Boolean(), nullable=False, server_default="0"))
    if sqlite:
        # ADD COLUMN with its foreign key inline: SQLite cannot add a constraint later.
        op.execute(
            f"ALTER TABLE swap_request ADD COLUMN superseded_by_id INTEGER "
            f"CONSTRAINT {FK_SUPERSEDED} REFERENCES swap_request (id)"
        )
    else:
        op.add_column("swap_request", sa.Column("superseded_by_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            FK_SUPERSEDED, "swap_request", "swap_request", ["superseded_by_id"], ["id"]
        )


def _convert_attendance() -> None:
    for text, flag in ((WALK_IN, "walk_in"), (RESUMED, "resumed")):
        op.execute(
            attendance.update()
            .where(attendance.c.note == text)
            .values({flag: sa.true(), "note": ""})
        )


def _convert_swaps() -> None:
    op.execute(
        swap_request.update()
        .where(swap_request.c.state == "rejected", swap_request.c.outcome_reason == DECLINED)
        .values(declined=sa.true(), outcome_reason="")
    )
    for state, text in (("cancelled", WITHDRAWN), ("expired", EXPIRED)):
        op.execute(
            swap_request.update()
            .where(swap_request.c.state == state, swap_request.c.outcome_reason == text)
            .values(outcome_reason="")
        )
    bind = op.get_bind()
    ids = set(bind.execute(sa.select(swap_request.c.id)).scalars())
    invalid = bind.execute(
        sa.select(swap_request.c.id, swap_request.c.outcome_reason).where(
            swap_request.c.state == "invalid"
        )
    ).all()
    for row_id, reason in invalid:
        m = SUPERSEDED.fullmatch(reason or "")
        if m is None or int(m.group(1)) not in ids:
            continue  # someone's own words, or a swap that is no longer there: kept as text
        bind.execute(
            swap_request.update()
            .where(swap_request.c.id == row_id)
            .values(superseded_by_id=int(m.group(1)), outcome_reason="")
        )


def upgrade() -> None:
    _add_columns()
    _convert_attendance()
    _convert_swaps()


def _restore_text() -> None:
    """The inverse of the conversion, so that 0001's app reads the same facts again."""
    bind = op.get_bind()
    for flag, text in (("resumed", RESUMED), ("walk_in", WALK_IN)):  # walk-in won in 0001
        op.execute(
            attendance.update()
            .where(attendance.c[flag].is_(sa.true()), attendance.c.note == "")
            .values(note=text)
        )
    op.execute(
        swap_request.update()
        .where(swap_request.c.declined.is_(sa.true()), swap_request.c.outcome_reason == "")
        .values(outcome_reason=DECLINED)
    )
    for state, text in (("cancelled", WITHDRAWN), ("expired", EXPIRED)):
        op.execute(
            swap_request.update()
            .where(swap_request.c.state == state, swap_request.c.outcome_reason == "")
            .values(outcome_reason=text)
        )
    superseded = bind.execute(
        sa.select(swap_request.c.id, swap_request.c.superseded_by_id).where(
            swap_request.c.superseded_by_id.is_not(None)
        )
    ).all()
    for row_id, by in superseded:
        bind.execute(
            swap_request.update()
            .where(swap_request.c.id == row_id)
            .values(outcome_reason=f"superseded by approved swap #{by}")
        )


def downgrade() -> None:
    _restore_text()
    with op.batch_alter_table("swap_request") as batch:
        if op.get_bind().dialect.name != "sqlite":
            batch.drop_constraint(FK_SUPERSEDED, type_="foreignkey")
        batch.drop_column("superseded_by_id")
        batch.drop_column("declined")
    with op.batch_alter_table("attendance") as batch:
        batch.drop_column("resumed")
        batch.drop_column("walk_in")
