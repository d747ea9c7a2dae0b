"""Data safety around the desk's use cases: start-up checks, daily backups, the clock guard.

Nothing here shows anything; results are structured (Damage, DailyBackup, ClockCheck)
and errors are StoreError/ServiceError/OSError the app and the CLI put into words.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from frontdesk.core.timeutil import local_day, utcnow
from frontdesk.services.context import Desk
from frontdesk.services.errors import NotFound
from frontdesk.store import migrate
from frontdesk.store.backup import DailyBackup, daily_backup
from frontdesk.store.db import Database, resolve_url
from frontdesk.store.errors import DatabaseDamaged
from frontdesk.store.models import Site
from frontdesk.store.startup import Damage, check_file

log = logging.getLogger(__name__)

__all__ = [
    "ClockCheck",
    "ClockGuard",
    "DailyBackup",
    "Damage",
    "Opened",
    "damage_of",
    "open_checked",
    "open_desk_checked",
    "refuse_if_damaged",
    "restore_good_backup",
    "run_daily_backup",
    "server_now",
]


# --- the file at start-up ---------------------------------------------------------------


def damage_of(url: str | None) -> Damage | None:
    """Quick-check the SQLite file behind `url` before anything opens it for writing.

    Raises the usual start-up errors first (bad URL, network share, unusable folder).
    PostgreSQL checks its own pages; nothing to do there.
    """
    db = Database(resolve_url(url))  # refuses a network share or an unusable folder
    try:
        if not db.is_sqlite or db.path is None:
            return None
        return check_file(db.path)
    finally:
        db.dispose()


def refuse_if_damaged(url: str | None) -> None:
    """DatabaseDamaged (facts: path, problem, backup) when the file fails its quick check."""
    damage = damage_of(url)
    if damage is None:
        return
    raise DatabaseDamaged(
        f"the database file {damage.path} is damaged: {damage.first_problem}",
        path=str(damage.path),
        problem=damage.first_problem,
        backup=str(damage.good_backup) if damage.good_backup else "",
    )


def open_checked(url: str | None) -> Database:
    """Quick check, connect, refuse a newer schema, migrate (after a backup): a usable database."""
    refuse_if_damaged(url)
    db = Database(resolve_url(url))
    try:
        db.ping()
        migrate.upgrade(db)
    except BaseException:
        db.dispose()
        raise
    return db


def run_daily_backup(db: Database, today: date | None = None) -> DailyBackup:
    """The first start of the day copies the SQLite file (backup API) and prunes old dailies."""
    result = daily_backup(db, today or local_day(utcnow()))
    if result.path is not None:
        log.info(
            "daily backup written to %s (%d old ones removed)", result.path, len(result.pruned)
        )
    return result


@dataclass(frozen=True)
class Opened:
    """A desk ready for the kiosk, and how its daily backup went."""

    desk: Desk
    backup: DailyBackup | None = None
    backup_error: OSError | sqlite3.Error | None = None


def open_desk_checked(url: str | None, *, actor: str = "kiosk") -> Opened:
    """What the app does at start: checks, migration, the daily backup, then the desk.

    NotFound when the database has no agency yet (nothing worth a backup then). A daily
    backup that cannot be written (full disk) does not stop the desk, signing in matters
    more; it is returned as backup_error for the app to tell someone.
    """
    db = open_checked(url)
    try:
        with db.read() as session:
            site_id = session.scalars(select(Site.id).order_by(Site.id).limit(1)).first()
        if site_id is None:
            raise NotFound(
                "the database has no agency yet; run `frontdesk init` first", what="site"
            )
    except BaseException:
        db.dispose()
        raise
    desk = Desk(db=db, site_id=site_id, actor=actor)
    try:
        return Opened(desk, run_daily_backup(db))
    except (OSError, sqlite3.Error) as exc:
        log.error("the daily backup failed: %s", exc)
        return Opened(desk, backup_error=exc)


def restore_good_backup(damage: Damage) -> Path | None:
    """Put the newest good backup in place of the damaged file; returns where that file went.

    The backup is checked again (integrity, a frontdesk database, not newer than this app)
    by maintenance.restore; the damaged file is kept aside, never deleted.
    """
    from frontdesk.services.maintenance import restore

    if damage.good_backup is None:
        raise NotFound("no sound backup to restore", what="file", path="")
    return restore(damage.path, damage.good_backup)


# --- time -------------------------------------------------------------------------------


def server_now(session: Session) -> datetime:
    """The database server's clock (PostgreSQL): one round-trip in the caller's transaction.

    clock_timestamp(), not now(): a write transaction may wait for the writers' lock, and
    now() would be the moment it began waiting, before an earlier writer's records.
    """
    value = session.execute(text("SELECT clock_timestamp()")).scalar_one()
    assert isinstance(value, datetime)
    return value


def _monotonic_source() -> Callable[[], float]:
    """A clock that never jumps and, where the OS offers it, keeps counting in sleep."""
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        boottime = time.CLOCK_BOOTTIME
        return lambda: time.clock_gettime(boottime)
    return time.monotonic  # Windows: counts through sleep as well


@dataclass(frozen=True)
class ClockCheck:
    """The wall clock compared with the monotonic one since the previous scan."""

    suspect: bool
    jump_seconds: float = 0.0  # wall minus monotonic elapsed; > 0: the clock was set forward


class ClockGuard:
    """Notices the PC's clock being set back or forward between two scans in one process.

    Between two observations the wall clock and a monotonic clock should advance alike;
    when they differ by more than `tolerance_seconds` the wall clock was changed. The
    suspicion stays pending until a record is flagged (acknowledge), so a jump before a
    repeated scan that writes nothing still marks the next written record.
    """

    def __init__(
        self,
        *,
        tolerance_seconds: float = 120.0,
        monotonic: Callable[[], float] | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.tolerance = tolerance_seconds
        self._monotonic = monotonic or _monotonic_source()
        self._wall = wall
        self._previous: tuple[float, float] | None = None
        self._pending: float | None = None

    def observe(self) -> ClockCheck:
        """Take a reading now; suspect when the wall clock moved unlike the monotonic one."""
        mono, wall = self._monotonic(), self._wall()
        if self._previous is not None:
            jump = (wall - self._previous[1]) - (mono - self._previous[0])
            if abs(jump) > self.tolerance:
                log.warning("the wall clock jumped by %+.0f s between two scans", jump)
                self._pending = jump if self._pending is None else self._pending + jump
        self._previous = (mono, wall)
        if self._pending is None:
            return ClockCheck(False)
        return ClockCheck(True, self._pending)

    def acknowledge(self) -> None:
        """A record was flagged for the pending jump; later scans start clean."""
        self._pending = None
