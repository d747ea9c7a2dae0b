"""service records: hours by hand and prior hours, recognitions granted, record books,
and who gave a training

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-01 03:00:00

A volunteer's service record holds more than desk duties: hours entered by hand with a
reason, prior hours from other agencies (for recognition only), the certificate, honor
cards and awards received, and the record book (志願服務紀錄冊). Existing trainings get an
empty issuer.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def _volunteer_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["volunteer_id"], ["volunteer.id"], name=op.f(f"fk_{table}_volunteer_id_volunteer")
    )


def upgrade() -> None:
    """Long on purpose: the frozen record of three new tables and a column."""
    op.create_table(
        "service_hours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=60), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.CheckConstraint("kind IN ('manual','prior')", name=op.f("ck_service_hours_kind")),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_service_hours_minutes")),
        sa.ForeignKeyConstraint(
            ["site_id"], ["site.id"], name=op.f("fk_service_hours_site_id_site")
        ),
        _volunteer_fk("service_hours"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_hours")),
    )
    op.create_index(
        "ix_service_hours_volunteer_day", "service_hours", ["volunteer_id", "day"], unique=False
    )
    op.create_table(
        "recognition_grant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        _volunteer_fk("recognition_grant"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recognition_grant")),
    )
    op.create_index(
        op.f("ix_recognition_grant_volunteer_id"),
        "recognition_grant",
        ["volunteer_id"],
        unique=False,
    )
    op.create_table(
        "record_book",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        _volunteer_fk("record_book"),
        sa.PrimaryKeyConstraint("volunteer_id", name=op.f("pk_record_book")),
    )
    with op.batch_alter_table("training") as batch:
        batch.add_column(
            sa.Column("issuer", sa.String(length=120), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("training") as batch:
        batch.drop_column("issuer")
    op.drop_table("record_book")
    op.drop_index(op.f("ix_recognition_grant_volunteer_id"), table_name="recognition_grant")
    op.drop_table("recognition_grant")
    op.drop_index("ix_service_hours_volunteer_day", table_name="service_hours")
    op.drop_table("service_hours")
