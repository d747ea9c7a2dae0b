"""flat hot queries: partial indexes so the desk's frequent reads do not grow with history

Revision ID: 0011
Revises: 0005
Create Date: 2026-12-01 03:00:00

The kiosk's refresh after a scan, the supervisor's waiting count, the minute sweep and each
scan read a few rows among years of attendance. Each of those reads gets an index holding
only the rows it can match (open duties, flagged or undecided late records, auto-closes not
yet told) or ordered so the latest instant is one lookup. attendance.decided says a
supervisor recorded a decision (an attendance_correction row, as before): the waiting
count's index leaves decided late arrivals out, where the count read all of the years' ones.

SQLite uses a partial index only when the query's WHERE holds the index's WHERE term as
written, and SQLAlchemy writes a boolean column as `is_open = 1` on SQLite (bare `is_open`
on PostgreSQL): the predicates below are written as each dialect's queries say them, and
`uq_attendance_one_open` (WHERE is_open, never matched on SQLite) is rebuilt so. The
statuses are literals in the queries as here (services.waiting.to_review).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0006"
branch_labels = None
depends_on = None

REVIEW_STATUSES = "('late', 'early_leave', 'late_early_leave')"


def _flag(column: str, sqlite: bool) -> str:
    """A boolean column being true, as SQLAlchemy renders it for the dialect."""
    return f"{column} = 1" if sqlite else column


def _indexes(sqlite: bool) -> dict[str, str]:
    is_open, needs_review = _flag("is_open", sqlite), _flag("needs_review", sqlite)
    undecided = "decided = 0" if sqlite else "NOT decided"
    return {
        "ix_attendance_site_open": f"(site_id) WHERE {is_open}",
        "ix_attendance_unnotified": (
            "(volunteer_id) WHERE auto_closed_at IS NOT NULL AND notified_at IS NULL"
        ),
        "ix_attendance_volunteer_out": "(volunteer_id, out_at) WHERE in_at IS NOT NULL",
        "ix_attendance_volunteer_open_in": "(volunteer_id, in_at) WHERE out_at IS NULL",
        "ix_attendance_site_to_review": (
            f"(site_id) WHERE ({needs_review} OR status IN {REVIEW_STATUSES} AND {undecided})"
        ),
    }


attendance = sa.table("attendance", sa.column("id", sa.Integer()), sa.column("decided"))
correction = sa.table("attendance_correction", sa.column("attendance_id", sa.Integer()))


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    # As 0002 did: an added column, no table copy on SQLite.
    with op.batch_alter_table("attendance") as batch:
        batch.add_column(sa.Column("decided", sa.Boolean(), nullable=False, server_default="0"))
    op.execute(
        attendance.update()
        .where(attendance.c.id.in_(sa.select(correction.c.attendance_id)))
        .values(decided=sa.true())
    )
    if sqlite:
        op.execute("DROP INDEX uq_attendance_one_open")
        op.execute(
            "CREATE UNIQUE INDEX uq_attendance_one_open ON attendance (volunteer_id) "
            "WHERE is_open = 1"
        )
    for name, body in _indexes(sqlite).items():
        op.execute(f"CREATE INDEX {name} ON attendance {body}")
    # A volunteer's duties of one day: a scan and the sweep read them by (volunteer, day),
    # where the planners took the volunteer's index and read all of their years.
    op.execute("CREATE INDEX ix_assignment_volunteer_day ON assignment (volunteer_id, day)")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute("DROP INDEX ix_assignment_volunteer_day")
    for name in _indexes(sqlite):
        op.execute(f"DROP INDEX {name}")
    if sqlite:
        op.execute("DROP INDEX uq_attendance_one_open")
        op.execute(
            "CREATE UNIQUE INDEX uq_attendance_one_open ON attendance (volunteer_id) WHERE is_open"
        )
    with op.batch_alter_table("attendance") as batch:
        batch.drop_column("decided")
