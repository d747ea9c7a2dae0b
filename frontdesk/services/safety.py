"""Data safety around the desk's use cases: the file's quick check, daily backups, restore,
and the database server's clock.

Nothing here shows anything; results are structured (Damage, DailyBackup) and errors are
FrontdeskError/OSError the app and the CLI put into words. The clock guard lives
in frontdesk.core.clock; opening a desk in frontdesk.services.opening.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from frontdesk.core.timeutil import local_day, utcnow
from frontdesk.services import anchoring
from frontdesk.services.errors import NotFound
from frontdesk.services.maintenance import restore
from frontdesk.store import anchors
from frontdesk.store.backup import DailyBackup, daily_backup
from frontdesk.store.db import Database, write_clock
from frontdesk.store.errors import DatabaseDamaged
from frontdesk.store.startup import Damage, check_file

log = logging.getLogger(__name__)

__all__ = [
    "DailyBackup",
    "Damage",
    "damage_of",
    "refuse_damage",
    "restore_good_backup",
    "run_daily_backup",
    "server_now",
]


def damage_of(db: Database) -> Damage | None:
    """Quick-check the SQLite file behind `db` before anything opens it for writing.

    PostgreSQL checks its own pages, and a new (missing or empty) file has nothing to
    check: None then.
    """
    if not db.is_sqlite or db.path is None:
        return None
    return check_file(db.path)


def refuse_damage(damage: Damage) -> DatabaseDamaged:
    """The error (facts: path, problem, backup) for a file that failed its quick check."""
    return DatabaseDamaged(
        f"the database file {damage.path} is damaged: {damage.first_problem}",
        path=str(damage.path),
        problem=damage.first_problem,
        backup=str(damage.good_backup) if damage.good_backup else "",
    )


def run_daily_backup(db: Database, today: date | None = None) -> DailyBackup:
    """The first start of the day copies the SQLite file (backup API) and prunes old dailies."""
    result = daily_backup(db, today or local_day(utcnow()))
    if result.path is not None:
        anchoring.note(db, "backup", anchors.of_sqlite_file(result.path), result.path.name)
        log.info(
            "daily backup written to %s (%d old ones removed)", result.path, len(result.pruned)
        )
    return result


def restore_good_backup(damage: Damage) -> Path | None:
    """Put the newest good backup in place of the damaged file; returns where that file went.

    The backup is checked again (integrity, a frontdesk database, not newer than this app)
    by maintenance.restore; the damaged file is kept aside, never deleted.
    """
    if damage.good_backup is None:
        raise NotFound("no sound backup to restore", what="file", path="")
    return restore(damage.path, damage.good_backup, by_running_app=True)


def server_now(session: Session) -> datetime:
    """The database server's clock (PostgreSQL) in the caller's transaction: read as a
    write transaction began, once it held the writers' lock (store.db.write_clock, no
    round trip of its own), else one round trip.

    clock_timestamp(), not now(): a write transaction may wait for the writers' lock, and
    now() would be the moment it began waiting, before an earlier writer's records.
    """
    value = write_clock(session) or session.execute(text("SELECT clock_timestamp()")).scalar_one()
    assert isinstance(value, datetime)
    return value
