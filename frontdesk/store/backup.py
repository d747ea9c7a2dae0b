"""Backups of the SQLite file through SQLite's online backup API (never a raw file copy)."""

from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from frontdesk.core.disk import is_disk_full
from frontdesk.store import paths, scratch
from frontdesk.store.db import Database
from frontdesk.store.errors import DiskFull, StoreError


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def backup_database(db: Database, dest: Path | None = None, *, reason: str = "manual") -> Path:
    """Write a consistent copy of the live SQLite database and return its path.

    The copy is written under a temporary name of ours (store.scratch) and put in place with
    os.replace; a full disk is DiskFull naming the folder, not a damaged database.
    """
    if not db.is_sqlite or db.path is None:
        raise StoreError(
            "backups of a PostgreSQL database are made with pg_dump by its server admin",
            reason="pg_dump",
        )
    if dest is None:
        folder = paths.backups_dir(db.path)
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / f"frontdesk-{_stamp()}-{reason}.sqlite3"
    dest.parent.mkdir(parents=True, exist_ok=True)
    # One temporary name per job: two PCs' starts never write into the same file, and a
    # killed copy is removed at the next start.
    with scratch.job(db.path) as job:
        tmp = job.beside(dest)
        try:
            src = sqlite3.connect(str(db.path), timeout=15)
            try:
                out = sqlite3.connect(str(tmp))
                try:
                    src.backup(out)
                finally:
                    out.close()
            finally:
                src.close()
            tmp.replace(dest)
        except (OSError, sqlite3.OperationalError) as exc:
            if is_disk_full(exc):
                raise DiskFull(
                    f"the disk holding {dest.parent} is full",
                    folder=str(dest.parent),
                    path=str(dest),
                ) from exc
            raise
    return dest


def integrity_problems(path: Path) -> list[str]:
    """`PRAGMA integrity_check` of a SQLite file; an empty list means it is sound."""
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


# --- daily backups and their retention --------------------------------------------------

DAILY_PREFIX = "frontdesk-daily-"
_DAILY_RE = re.compile(r"^frontdesk-daily-(\d{4})-(\d{2})-(\d{2})\.sqlite3$")
KEEP_DAILY_DAYS = 30
KEEP_MONTHLY_MONTHS = 12
_STALE_PART_SECONDS = 24 * 3600


@dataclass(frozen=True)
class DailyBackup:
    """What the daily backup did: the file written (None: today's exists) and pruned files."""

    path: Path | None
    existing: Path | None = None
    pruned: list[Path] = field(default_factory=list)


def daily_backup_path(db_path: Path, day: date) -> Path:
    return paths.backups_dir(db_path) / f"{DAILY_PREFIX}{day.isoformat()}.sqlite3"


def daily_backups(folder: Path) -> dict[date, Path]:
    """The daily backups in `folder` by their day."""
    found: dict[date, Path] = {}
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        m = _DAILY_RE.match(entry.name)
        if m is None or not entry.is_file():
            continue
        try:
            found[date(int(m.group(1)), int(m.group(2)), int(m.group(3)))] = entry
        except ValueError:
            continue
    return found


def days_to_keep(days: list[date], today: date) -> set[date]:
    """Retention: every daily of the last 30 days, plus the first of each of the last 12 months.

    The months counted are this month and the 11 before it; anything older goes.
    """
    keep = {d for d in days if today - timedelta(days=KEEP_DAILY_DAYS) < d <= today}
    first_of_month: dict[tuple[int, int], date] = {}
    for d in sorted(days):
        months_ago = (today.year * 12 + today.month) - (d.year * 12 + d.month)
        if 0 <= months_ago < KEEP_MONTHLY_MONTHS:
            first_of_month.setdefault((d.year, d.month), d)
    keep.update(first_of_month.values())
    # A daily dated in the future (the clock was wrong once) is kept, never guessed about.
    keep.update(d for d in days if d > today)
    return keep


def prune_daily_backups(folder: Path, today: date) -> list[Path]:
    """Delete the daily backups retention no longer keeps; other backups are left alone."""
    dailies = daily_backups(folder)
    keep = days_to_keep(list(dailies), today)
    removed = []
    for day, path in sorted(dailies.items()):
        if day not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    now = time.time()
    for part in folder.glob("*.part") if folder.is_dir() else ():
        try:
            if now - part.stat().st_mtime > _STALE_PART_SECONDS:
                part.unlink()
                removed.append(part)
        except OSError:
            continue
    return removed


def daily_backup(db: Database, today: date) -> DailyBackup:
    """Today's backup of a SQLite desk, once per day, then the retention rule.

    Idempotent: when today's file exists nothing is written. PostgreSQL and in-memory
    databases have no daily file (their server admin runs pg_dump).
    """
    if not db.is_sqlite or db.path is None:
        return DailyBackup(None)
    dest = daily_backup_path(db.path, today)
    if dest.exists():
        return DailyBackup(None, existing=dest)
    written = backup_database(db, dest)
    return DailyBackup(written, pruned=prune_daily_backups(dest.parent, today))


def backups_newest_first(db_path: Path) -> list[Path]:
    """Every backup file of the database (daily, manual, before a migration), newest first."""
    folder = paths.backups_dir(db_path)
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob("*.sqlite3") if p.is_file()]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def leaves_on(day: date, first_of_its_month: bool) -> date:
    """The day retention deletes the daily backup of `day` (days_to_keep read forwards):
    30 days later, or for the first backup of its month the first day 12 months on."""
    leave = day + timedelta(days=KEEP_DAILY_DAYS)
    if first_of_its_month:
        months = day.year * 12 + day.month - 1 + KEEP_MONTHLY_MONTHS
        leave = max(leave, date(months // 12, months % 12 + 1, 1))
    return leave


@dataclass(frozen=True)
class Holding:
    """The backups that still hold what was just deleted from the database.

    `dailies` leave by retention, the last on `until`; `kept` (made by hand or before a
    migration) have no retention and stay until someone deletes them.
    """

    dailies: list[Path] = field(default_factory=list)
    until: date | None = None
    kept: list[Path] = field(default_factory=list)


def backups_holding(db_path: Path, today: date) -> Holding:
    """After deleting personal data: prune what retention no longer keeps, then say which
    backups still hold the data and until when."""
    folder = paths.backups_dir(db_path)
    if not folder.is_dir():
        return Holding()
    prune_daily_backups(folder, today)
    dailies = daily_backups(folder)
    firsts: dict[tuple[int, int], date] = {}
    for d in sorted(dailies):
        firsts.setdefault((d.year, d.month), d)
    until = max((leaves_on(d, firsts[(d.year, d.month)] == d) for d in dailies), default=None)
    daily_paths = set(dailies.values())
    kept = [p for p in backups_newest_first(db_path) if p not in daily_paths]
    return Holding(sorted(daily_paths), until, kept)
