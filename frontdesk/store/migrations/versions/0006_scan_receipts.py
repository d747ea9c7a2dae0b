"""scan receipts: each desk scan is received once; what each desk last said of itself

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 03:00:00

A desk that lost the server keeps deciding scans from its local replica and sends them
later. scan_receipt.scan_id is unique, so a scan sent twice (a replay resumed after a
crash, an answer that timed out on the desk but reached the server) is applied once; the
row also keeps what the desk told the volunteer offline and why the server's answer
differed. desk_state is what each desk last reported: online or offline since, scans
waiting, last upload. Both tables are new: no existing row changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scan_receipt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("desk", sa.String(length=60), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("scanned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=False),
        sa.Column("offline_outcome", sa.String(length=24), nullable=True),
        sa.Column("attendance_id", sa.Integer(), nullable=True),
        sa.Column("conflict", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["attendance_id"],
            ["attendance.id"],
            name=op.f("fk_scan_receipt_attendance_id_attendance"),
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["site.id"], name=op.f("fk_scan_receipt_site_id_site")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_receipt")),
        sa.UniqueConstraint("scan_id", name=op.f("uq_scan_receipt_scan_id")),
    )
    with op.batch_alter_table("scan_receipt", schema=None) as batch_op:
        batch_op.create_index(
            "ix_scan_receipt_site_conflict", ["site_id", "conflict"], unique=False
        )
    op.create_table(
        "desk_state",
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("desk", sa.String(length=60), nullable=False),
        sa.Column("online", sa.Boolean(), nullable=False),
        sa.Column("offline_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("online_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("waiting", sa.Integer(), nullable=False),
        sa.Column("uploaded", sa.Integer(), nullable=False),
        sa.Column("last_upload", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_desk_state_site_id_site")),
        sa.PrimaryKeyConstraint("site_id", "desk", name=op.f("pk_desk_state")),
    )


def downgrade() -> None:
    op.drop_table("desk_state")
    with op.batch_alter_table("scan_receipt", schema=None) as batch_op:
        batch_op.drop_index("ix_scan_receipt_site_conflict")
    op.drop_table("scan_receipt")
