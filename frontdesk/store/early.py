"""Today's board rows read straight from the desk's SQLite file, with the standard library.

SQLAlchemy and the models take several times a bare window's start-up to import; the
roster a volunteer looks for is a handful of rows. This module reads those rows read-only
with `sqlite3` (no ORM, no migration, no check), so the kiosk can paint today's roster
while the database layer loads behind it; services.early_board builds the board from them
with the same function the kiosk uses (core.board.build_board).

It reads only what today's board needs, each by an index: nothing of the file's size
(no count, no check), so a 255 MB desk opens as fast as a new one. It declines (None)
whenever the ordinary start has something to settle first: not a SQLite URL, a network
share, no file yet, a file that is not a database, a restore left half-done, a hot
journal, a schema of another version. The ordinary start then says what is wrong.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from frontdesk.store import paths
from frontdesk.store.schema import HEAD, VERSION_TABLE

SQLITE_HEADER = b"SQLite format 3\x00"  # as store.db.SQLITE_HEADER
RESTORE_JOURNAL_SUFFIX = "-restore"  # store.restore.JOURNAL_SUFFIX
SCRATCH_PREFIX = ".frontdesk-tmp-"  # store.scratch.PREFIX


@dataclass(frozen=True)
class TodayRows:
    """The rows of one day's board, as plain values (dates as date, instants aware UTC)."""

    site_id: int
    settings: dict[str, str]
    overrides: list[tuple[date, str, str | None, str]]  # day, kind, slot, label
    rostered: list[tuple[str, int, str, str]]  # slot, volunteer id, name, code
    served: list[tuple[str, int, str, str, datetime | None, datetime | None, int | None, str]]
    notes: list[tuple[int, date, str, str, str, datetime, bool]]
    phone_score: int | None


def sqlite_path(url: str | None) -> Path | None:
    """The SQLite file `url` (--db; else FRONTDESK_DB, else the machine's default) names, as
    store.db.resolve_url reads it; None for anything else (PostgreSQL, a URL with options,
    a network share, :memory:)."""
    raw = url if url is not None else os.environ.get(paths.ENV_DB) or None
    if raw is None:
        path = paths.default_db_path()
    elif "://" in raw:
        scheme, _, rest = raw.partition("://")
        if scheme not in ("sqlite", "sqlite+pysqlite") or not rest.startswith("/") or "?" in rest:
            return None
        path = Path(rest[1:])
    else:
        path = Path(raw).expanduser()
    if not str(path) or str(path) == ":memory:" or paths.is_network_path(path):
        return None
    return path


def settled(path: Path) -> bool:
    """True when the file is there, is a SQLite database, and nothing is left for the
    start-up's recovery (store.startup.recover): no restore half-done, no hot journal."""
    try:
        with path.open("rb") as f:
            if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return False
    except OSError:
        return False
    journal = path.with_name(path.name + RESTORE_JOURNAL_SUFFIX)
    left = (
        journal,
        path.with_name(f"{SCRATCH_PREFIX}restore-{path.name}"),
        journal.with_name(f"{SCRATCH_PREFIX}{journal.name}"),
    )
    if any(p.exists() for p in left):
        return False
    try:
        return path.with_name(path.name + "-journal").stat().st_size == 0
    except OSError:
        return True  # no rollback journal


def read_today(path: Path, day: date) -> TodayRows | None:
    """Today's board rows of the desk's agency (the first site), read-only; None when the
    file declines (see `settled`), has no agency yet, or holds another schema version.
    sqlite3.Error on a file SQLite cannot read: the caller shows the starting screen."""
    if not settled(path):
        return None
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=1)
    try:
        return _read(conn, day)
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, day: date) -> TodayRows | None:
    version = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    site = conn.execute("SELECT id FROM site ORDER BY id LIMIT 1").fetchone()
    if version is None or version[0] != HEAD or site is None:
        return None
    site_id = int(site[0])
    iso = day.isoformat()
    settings = dict(conn.execute("SELECT key, value FROM setting WHERE site_id = ?", (site_id,)))
    overrides = [
        (date.fromisoformat(d), kind, slot, label or "")
        for d, kind, slot, label in conn.execute(
            "SELECT day, kind, slot, label FROM calendar_override "
            "WHERE site_id = ? AND day >= ? AND day <= ? ORDER BY id",
            (site_id, iso, iso),
        )
    ]
    rostered = [
        (slot, int(vid), name, code)
        for slot, vid, name, code in conn.execute(
            "SELECT assignment.slot, volunteer.id, volunteer.name, volunteer.code "
            "FROM assignment JOIN volunteer ON volunteer.id = assignment.volunteer_id "
            "WHERE assignment.site_id = ? AND assignment.day = ? "
            "AND assignment.removed_at IS NULL "
            "ORDER BY assignment.slot, volunteer.code",
            (site_id, iso),
        )
    ]
    served = [
        (slot, int(vid), name, code, _instant(in_at), _instant(out_at), late, status)
        for slot, vid, name, code, in_at, out_at, late, status in conn.execute(
            "SELECT attendance.slot, volunteer.id, volunteer.name, volunteer.code, "
            "attendance.in_at, attendance.out_at, attendance.late_minutes, attendance.status "
            "FROM attendance JOIN volunteer ON volunteer.id = attendance.volunteer_id "
            "WHERE attendance.site_id = ? AND attendance.day = ? ORDER BY attendance.in_at",
            (site_id, iso),
        )
    ]
    notes = [
        (int(nid), date.fromisoformat(d), slot, name or shown or login or "", body, at, bool(by))
        for nid, d, slot, body, created, by, name, shown, login in conn.execute(
            "SELECT n.id, n.day, n.slot, n.body, n.created_at, "
            "n.author_supervisor_id IS NOT NULL, v.name, s.display_name, s.username "
            "FROM handover_note n LEFT JOIN volunteer v ON v.id = n.author_id "
            "LEFT JOIN supervisor s ON s.id = n.author_supervisor_id "
            "WHERE n.site_id = ? AND n.day = ? ORDER BY n.created_at, n.id",
            (site_id, iso),
        )
        if (at := _instant(created)) is not None
    ]
    score = conn.execute(
        "SELECT total FROM phone_test WHERE site_id = ? ORDER BY tested_at DESC, id DESC LIMIT 1",
        (site_id,),
    ).fetchone()
    return TodayRows(
        site_id,
        settings,
        overrides,
        rostered,
        served,
        notes,
        int(score[0]) if score is not None and score[0] is not None else None,
    )


def _instant(value: str | None) -> datetime | None:
    """An instant as SQLAlchemy stores it on SQLite (store.types.UTCDateTime: naive UTC
    text), aware UTC."""
    if value is None:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=UTC)
