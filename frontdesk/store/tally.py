"""Each volunteer's duties counted by year and credited minutes (migration 0014), kept by
the database itself, so a volunteer's standing is summed from a few tally rows instead of
every duty of their years.

A row says: `duties` attendance rows of this volunteer at this site, dated in `year`,
credited `credited_minutes` each. The hours step (services.records.hours_step) is applied
when the tally is read, never stored, so a changed step needs no rebuild: recorded minutes
are sum(duties x credited_minutes cut to the step), exactly what summing the duties gives.

Triggers on attendance keep it: an inserted duty counts once, a deleted one no more, an
update of its volunteer, site, day or credited minutes moves it between rows. Every path
that writes attendance (scans, the sweep, reviews, hand edits, closures, purges, imports,
offline replays, restores of older files through their migrations) is counted without
remembering to. A database made by create_all (the offline desk's replica) gets the same
triggers from the metadata's after_create event, so its tally counts the rows it copies.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Integer, MetaData, event
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.store.models import Base

KEY = ("volunteer_id", "year", "credited_minutes", "site_id")


class ServiceTally(Base):
    """Duties per (volunteer, calendar year of the duty's day, credited minutes, site)."""

    __tablename__ = "service_tally"
    __table_args__ = {"sqlite_with_rowid": False}  # the key is the table: one B-tree
    volunteer_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    credited_minutes: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    site_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    duties: Mapped[int] = mapped_column(Integer)


def _key_of(row: str, year: str) -> str:
    """The tally key's condition for attendance row `row` (NEW or OLD)."""
    return (
        f"volunteer_id = {row}.volunteer_id AND year = {year} AND "
        f"credited_minutes = {row}.credited_minutes AND site_id = {row}.site_id"
    )


def _count(row: str, year: str) -> str:
    return (
        "INSERT INTO service_tally (volunteer_id, year, credited_minutes, site_id, duties) "
        f"VALUES ({row}.volunteer_id, {year}, {row}.credited_minutes, {row}.site_id, 1) "
        f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET duties = service_tally.duties + 1;"
    )


def _uncount(row: str, year: str) -> str:
    key = _key_of(row, year)
    return (
        f"UPDATE service_tally SET duties = duties - 1 WHERE {key}; "
        f"DELETE FROM service_tally WHERE {key} AND duties <= 0;"
    )


MOVED = " OR ".join(
    f"OLD.{c} IS NOT NEW.{c}" for c in ("volunteer_id", "site_id", "day", "credited_minutes")
)


def sqlite_triggers() -> list[str]:
    """The three SQLite triggers (CREATE ... IF NOT EXISTS: create_all may run again)."""
    new, old = (f"CAST(strftime('%Y', {r}.day) AS INTEGER)" for r in ("NEW", "OLD"))
    head = "CREATE TRIGGER IF NOT EXISTS service_tally_on_"
    return [
        f"{head}insert AFTER INSERT ON attendance BEGIN {_count('NEW', new)} END",
        f"{head}delete AFTER DELETE ON attendance BEGIN {_uncount('OLD', old)} END",
        f"{head}update AFTER UPDATE OF volunteer_id, site_id, day, credited_minutes "
        f"ON attendance WHEN {MOVED} BEGIN {_uncount('OLD', old)} {_count('NEW', new)} END",
    ]


def postgresql_triggers() -> list[str]:
    """One PL/pgSQL function and its row trigger, made again if there (PostgreSQL 11 on)."""
    new, old = (f"CAST(EXTRACT(YEAR FROM {r}.day) AS INTEGER)" for r in ("NEW", "OLD"))
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


def triggers(dialect: str) -> list[str]:
    """The statements that make `dialect`'s database keep the tally."""
    return sqlite_triggers() if dialect == "sqlite" else postgresql_triggers()


def backfill(dialect: str) -> str:
    """The statement that counts the duties already kept (the tally was just made)."""
    year = (
        "CAST(strftime('%Y', day) AS INTEGER)"
        if dialect == "sqlite"
        else "CAST(EXTRACT(YEAR FROM day) AS INTEGER)"
    )
    return (
        f"INSERT INTO service_tally ({', '.join(KEY)}, duties) "
        f"SELECT volunteer_id, {year}, credited_minutes, site_id, count(*) FROM attendance "
        f"GROUP BY volunteer_id, {year}, credited_minutes, site_id"
    )


@event.listens_for(Base.metadata, "after_create")
def _install(target: MetaData, connection: Connection, **kw: Any) -> None:
    """create_all's databases (the offline replica) count their duties too; a tally made
    beside attendance kept before (a replica of an older schema kept for its journal)
    first counts what is there."""
    if ServiceTally.__table__ in kw.get("tables", ()):
        connection.exec_driver_sql(backfill(connection.dialect.name))
    for statement in triggers(connection.dialect.name):
        connection.exec_driver_sql(statement)
