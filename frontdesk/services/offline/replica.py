"""The desk's local replica of what a scan decision needs, in a SQLite file.

It has the app's own tables (store.models), so services.attendance.scan decides an offline
scan exactly as online, holding only this site's rows a scan reads: the site, its
settings, its volunteers (codes, names, status, PIN hashes; never phones or notes), the
roster and calendar around today, and its open and recent attendance. The journal of
offline scans lives in the same file (services.offline.journal), so a scan's effect on the
replica and its journal entry commit together.

A refresh asks the server for one fingerprint per table (PostgreSQL: md5 of the rows, one
round trip) and copies only the tables whose fingerprint moved. It never runs while
offline scans wait for upload: the replica then holds them, the server does not yet.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Table,
    and_,
    delete,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from frontdesk.store.db import Database
from frontdesk.store.models import (
    Assignment,
    Attendance,
    Base,
    CalendarOverride,
    Setting,
    Site,
    Volunteer,
)
from frontdesk.store.schema import HEAD

log = logging.getLogger(__name__)

# days of roster and attendance around today the replica holds: yesterday (a scan just
# after midnight), today, tomorrow (a desk offline over midnight)
DAYS_BEFORE, DAYS_AFTER = 1, 1
CALENDAR_DAYS_AFTER = 7
# the columns of personal data a desk never needs to decide a scan
WITHHELD = {"volunteer": {"phone": None, "notes": "", "languages": ""}}
FILE_NAME = "offline-replica-{key}.sqlite3"  # one per server, database and site


@dataclass(frozen=True)
class TableSpec:
    """A replicated table and the rows of the site it holds, around `today`."""

    table: Table
    rows: Callable[[int, date], ColumnElement[bool]]


def _window(today: date) -> tuple[date, date]:
    return today - timedelta(days=DAYS_BEFORE), today + timedelta(days=DAYS_AFTER)


def _assignments(site_id: int, today: date) -> ColumnElement[bool]:
    first, last = _window(today)
    return and_(
        Assignment.site_id == site_id,
        Assignment.day.between(first, last),
        Assignment.removed_at.is_(None),
    )


def _attendance(site_id: int, today: date) -> ColumnElement[bool]:
    first, _last = _window(today)
    return and_(Attendance.site_id == site_id, or_(Attendance.is_open, Attendance.day >= first))


def _calendar(site_id: int, today: date) -> ColumnElement[bool]:
    first, _ = _window(today)
    return and_(
        CalendarOverride.site_id == site_id,
        CalendarOverride.day.between(first, today + timedelta(days=CALENDAR_DAYS_AFTER)),
    )


# in the order rows may be inserted (foreign keys)
SPECS: tuple[TableSpec, ...] = (
    TableSpec(Site.__table__, lambda site, _d: Site.id == site),  # type: ignore[arg-type]
    TableSpec(Setting.__table__, lambda site, _d: Setting.site_id == site),  # type: ignore[arg-type]
    TableSpec(Volunteer.__table__, lambda site, _d: Volunteer.site_id == site),  # type: ignore[arg-type]
    TableSpec(Assignment.__table__, _assignments),  # type: ignore[arg-type]
    TableSpec(CalendarOverride.__table__, _calendar),  # type: ignore[arg-type]
    TableSpec(Attendance.__table__, _attendance),  # type: ignore[arg-type]
)


@dataclass(frozen=True)
class RefreshReport:
    """What a refresh copied: the tables whose rows had changed, and how many rows."""

    tables: tuple[str, ...]
    rows: int
    skipped: bool = False  # offline scans wait for upload: nothing was replaced


def fingerprints(session: Session, site_id: int, today: date) -> dict[str, str | None]:
    """One fingerprint per replicated table's rows, in one statement on PostgreSQL (md5 of
    the rows as text, in key order); None on SQLite, where every table is copied."""
    if session.get_bind().dialect.name != "postgresql":
        return {spec.table.name: None for spec in SPECS}
    # Imported here: SQLAlchemy's PostgreSQL dialect is not loaded on a SQLite desk.
    from sqlalchemy.dialects.postgresql import aggregate_order_by

    columns = []
    for spec in SPECS:
        sub = select(spec.table).where(spec.rows(site_id, today)).subquery(f"fp_{spec.table.name}")
        key = [sub.c[c.name] for c in spec.table.primary_key.columns]
        row_text: ColumnElement[str] = literal_column(f"fp_{spec.table.name}::text")
        agg = func.string_agg(row_text, aggregate_order_by(literal("|"), *key))
        columns.append(select(func.md5(func.coalesce(agg, ""))).select_from(sub).scalar_subquery())
    values = session.execute(select(*columns)).one()
    return {spec.table.name: str(v) for spec, v in zip(SPECS, values, strict=True)}


class Replica:
    """The replica file of one desk: its Database (WAL, synchronous=FULL, as every SQLite
    database of the app) and the fingerprints of what it last copied."""

    def __init__(self, folder: Path, site_id: int, key: str) -> None:
        self.path = Path(folder) / FILE_NAME.format(key=key)
        self.site_id = site_id
        self.db = Database(f"sqlite+pysqlite:///{self.path}")
        self._ensure_schema()

    def _ensure_schema(self) -> None:
        """The app's tables and the journal's; a replica of an older schema whose journal
        is empty is rebuilt (its rows are only copies)."""
        from frontdesk.services.offline import journal

        with self.db.engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE TABLE IF NOT EXISTS replica_meta (key TEXT PRIMARY KEY, value TEXT)"
            )
            found = conn.execute(text("SELECT value FROM replica_meta WHERE key = 'schema'"))
            schema = found.scalar()
        if schema is not None and schema != HEAD:
            pending = journal.count_pending(self.db) if journal.exists(self.db) else 0
            if pending:
                log.warning("replica of schema %s kept: %d scans wait for upload", schema, pending)
            else:
                Base.metadata.drop_all(self.db.engine)
        Base.metadata.create_all(self.db.engine)
        journal.create(self.db)
        with self.db.engine.begin() as conn:
            conn.execute(
                text("INSERT OR REPLACE INTO replica_meta (key, value) VALUES ('schema', :v)"),
                {"v": HEAD},
            )

    def remember_server(self, where: str) -> None:
        """Note which server and site this replica copies (find_site reads it back)."""
        with self.db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT OR REPLACE INTO replica_meta (key, value) "
                    "VALUES ('server', :where), ('site', :site)"
                ),
                {"where": where, "site": str(self.site_id)},
            )

    def stored_fingerprints(self, session: Session) -> dict[str, str]:
        rows = session.execute(
            text("SELECT key, value FROM replica_meta WHERE key LIKE 'fp:%'")
        ).all()
        return {str(k)[3:]: str(v) for k, v in rows}

    def refresh(self, server: Database, today: date) -> RefreshReport:
        """Copy from `server` the tables whose rows changed since the last refresh (all of
        them the first time); nothing while offline scans wait for upload."""
        from frontdesk.services.offline import journal

        if journal.count_pending(self.db):
            return RefreshReport((), 0, skipped=True)
        with self.db.read() as local:
            known = self.stored_fingerprints(local)
        with server.read() as session:
            prints = fingerprints(session, self.site_id, today)
            changed = [
                s
                for s in SPECS
                if prints[s.table.name] is None or prints[s.table.name] != known.get(s.table.name)
            ]
            copies = {
                s.table.name: [
                    _withheld(s.table.name, dict(r._mapping))
                    for r in session.execute(select(s.table).where(s.rows(self.site_id, today)))
                ]
                for s in changed
            }
        return self._store(changed, copies, prints)

    def _store(
        self,
        changed: list[TableSpec],
        copies: dict[str, list[dict[str, Any]]],
        prints: dict[str, str | None],
    ) -> RefreshReport:
        """Replace the changed tables' rows in one local transaction (foreign keys checked
        at its commit), unless an offline scan was journaled meanwhile."""
        from frontdesk.services.offline import journal

        # The desk's own SQLite replica: one writer anyway, no site lock to take.
        with self.db.write() as local:
            if journal.count_pending_in(local):
                return RefreshReport((), 0, skipped=True)
            local.execute(text("PRAGMA defer_foreign_keys = ON"))
            for spec in reversed(changed):
                local.execute(delete(spec.table))
            for spec in changed:
                if copies[spec.table.name]:
                    local.execute(insert(spec.table), copies[spec.table.name])
            for spec in changed:
                value = prints[spec.table.name]
                if value is not None:
                    local.execute(
                        text("INSERT OR REPLACE INTO replica_meta (key, value) VALUES (:k, :v)"),
                        {"k": f"fp:{spec.table.name}", "v": value},
                    )
        rows = sum(len(copies[s.table.name]) for s in changed)
        return RefreshReport(tuple(s.table.name for s in changed), rows)

    def mirror(self, rows: list[dict[str, Any]]) -> None:
        """Attendance rows an online scan just wrote, copied in at once so a scan right
        after the server goes away sees them (the next refresh copies the rest)."""
        if not rows:
            return
        table: Table = Attendance.__table__  # type: ignore[assignment]
        # The desk's own SQLite replica: one writer anyway, no site lock to take.
        with self.db.write() as local:
            for row in rows:
                local.execute(delete(table).where(table.c.id == row["id"]))
                if row["is_open"]:  # one open duty per volunteer, as on the server
                    local.execute(
                        delete(table).where(
                            table.c.volunteer_id == row["volunteer_id"],
                            table.c.is_open,
                        )
                    )
                local.execute(insert(table), row)
            local.execute(text("DELETE FROM replica_meta WHERE key = 'fp:attendance'"))

    def dispose(self) -> None:
        self.db.dispose()


def _withheld(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A copied row without the personal data a scan does not need."""
    blank = WITHHELD.get(table)
    if blank:
        row.update(blank)
    if table == "assignment":
        row["swap_request_id"] = None  # swap requests are not replicated
    return row


def find_site(folder: Path, where: str) -> int | None:
    """The site of the replica in `folder` that copies the server `where` and holds a
    site (None: no such replica, or an empty one)."""
    import sqlite3

    for path in sorted(Path(folder).glob(FILE_NAME.format(key="*"))):
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                meta = dict(con.execute("SELECT key, value FROM replica_meta").fetchall())
                sites = con.execute("SELECT count(*) FROM site").fetchone()[0]
            finally:
                con.close()
        except sqlite3.Error:
            continue
        if meta.get("server") == where and sites and meta.get("site", "").isdigit():
            return int(meta["site"])
    return None
