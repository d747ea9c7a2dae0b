"""service tally: each volunteer's duties counted by year and credited minutes

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 06:10:00

The kiosk's standing after a sign-out summed every duty of the volunteer's years, so a
scan grew with history. service_tally (store.tally) counts duties per (volunteer, year,
credited minutes, site), filled here from the attendance already kept and kept by
triggers on attendance from then on: the standing sums a few tally rows and reads live
only the days a tally cannot answer. The statements are a frozen copy of store.tally's at
this revision (tests/store/test_service_tally.py asserts they are the same).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

KEY = "volunteer_id, year, credited_minutes, site_id"
MOVED = " OR ".join(
    f"OLD.{c} IS NOT NEW.{c}" for c in ("volunteer_id", "site_id", "day", "credited_minutes")
)


def _key_of(row: str, year: str) -> str:
    return (
        f"volunteer_id = {row}.volunteer_id AND year = {year} AND "
        f"credited_minutes = {row}.credited_minutes AND site_id = {row}.site_id"
    )


def _count(row: str, year: str) -> str:
    return (
        "INSERT INTO service_tally (volunteer_id, year, credited_minutes, site_id, duties) "
        f"VALUES ({row}.volunteer_id, {year}, {row}.credited_minutes, {row}.site_id, 1) "
        f"ON CONFLICT ({KEY}) DO UPDATE SET duties = service_tally.duties + 1;"
    )


def _uncount(row: str, year: str) -> str:
    key = _key_of(row, year)
    return (
        f"UPDATE service_tally SET duties = duties - 1 WHERE {key}; "
        f"DELETE FROM service_tally WHERE {key} AND duties <= 0;"
    )


def sqlite_triggers() -> list[str]:
    new, old = ("CAST(strftime('%Y', {}.day) AS INTEGER)".format(r) for r in ("NEW", "OLD"))
    head = "CREATE TRIGGER IF NOT EXISTS service_tally_on_"
    return [
        f"{head}insert AFTER INSERT ON attendance BEGIN {_count('NEW', new)} END",
        f"{head}delete AFTER DELETE ON attendance BEGIN {_uncount('OLD', old)} END",
        f"{head}update AFTER UPDATE OF volunteer_id, site_id, day, credited_minutes "
        f"ON attendance WHEN {MOVED} BEGIN {_uncount('OLD', old)} {_count('NEW', new)} END",
    ]


def postgresql_triggers() -> list[str]:
    new, old = ("CAST(EXTRACT(YEAR FROM {}.day) AS INTEGER)".format(r) for r in ("NEW", "OLD"))
    moved = MOVED.replace("IS NOT", "IS DISTINCT FROM")
    return [
        "CREATE OR REPLACE FUNCTION service_tally_count() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP = 'UPDATE' AND NOT ({moved}) THEN RETURN NULL; END IF; "
        f"IF TG_OP IN ('DELETE', 'UPDATE') THEN {_uncount('OLD', old)} END IF; "
        f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {_count('NEW', new)} END IF; "
        "RETURN NULL; END $$",
        "DROP TRIGGER IF EXISTS service_tally_on_change ON attendance",
        "CREATE TRIGGER service_tally_on_change AFTER INSERT OR DELETE OR UPDATE "
        "OF volunteer_id, site_id, day, credited_minutes ON attendance "
        "FOR EACH ROW EXECUTE FUNCTION service_tally_count()",
    ]


def backfill(year: str) -> str:
    return (
        f"INSERT INTO service_tally ({KEY}, duties) "
        f"SELECT volunteer_id, {year}, credited_minutes, site_id, count(*) FROM attendance "
        f"GROUP BY volunteer_id, {year}, credited_minutes, site_id"
    )


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "service_tally",
        sa.Column("volunteer_id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("year", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("credited_minutes", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("site_id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("duties", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "volunteer_id", "year", "credited_minutes", "site_id", name="pk_service_tally"
        ),
        sqlite_with_rowid=False,
    )
    year = (
        "CAST(strftime('%Y', day) AS INTEGER)"
        if sqlite
        else "CAST(EXTRACT(YEAR FROM day) AS INTEGER)"
    )
    op.execute(backfill(year))
    for statement in sqlite_triggers() if sqlite else postgresql_triggers():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for what in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS service_tally_on_{what}")
    else:
        op.execute("DROP TRIGGER IF EXISTS service_tally_on_change ON attendance")
        op.execute("DROP FUNCTION IF EXISTS service_tally_count()")
    op.drop_table("service_tally")
