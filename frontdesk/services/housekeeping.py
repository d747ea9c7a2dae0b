"""The desk's housekeeping sweep: what the kiosk does every minute and `frontdesk sweep`
each evening, one function for both so neither forgets a part."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from frontdesk.services import anchoring, attendance, mailer, swaps
from frontdesk.services.attendance import SweepReport
from frontdesk.services.context import Desk
from frontdesk.services.safety import run_daily_backup
from frontdesk.store.backup import DailyBackup
from frontdesk.store.errors import DiskFull

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Housekeeping:
    """What one sweep did; `backup` is None when the daily backup was not asked for."""

    attendance: SweepReport
    expired_swaps: int
    backup: DailyBackup | None = None
    backup_error: OSError | sqlite3.Error | DiskFull | None = None

    @property
    def changed(self) -> bool:
        """True when records changed (the kiosk's board is drawn again then)."""
        return bool(self.attendance.auto_closed or self.attendance.absences or self.expired_swaps)


def sweep(desk: Desk, *, daily_backup: bool = True, mail_wait: bool = False) -> Housekeeping:
    """Close forgotten sign-outs, record absences, expire swap requests not decided by the
    start of their duty, then keep the daily backup.

    Each part is idempotent, so running it every minute costs little. The daily backup
    covers a desk whose app was not opened that day, or one left running past midnight;
    a failure there (a full disk) is returned as `backup_error`, after the records were
    swept, and logged. Reminders falling due are queued and the outbox is sent
    (services.mailer.sweep: in the background unless `mail_wait`).
    """
    report = attendance.sweep(desk)
    # A clock off the trusted time judges nothing: no swap request expires by it either.
    expired = swaps.expire_due(desk) if report.clock_jump_seconds is None else 0
    anchoring.note(desk.db, "sweep")  # the chain's head outside the table, when it moved
    if report.clock_jump_seconds is None:  # a clock in doubt times no reminder either
        mailer.sweep(desk, wait=mail_wait)
    if not daily_backup:
        return Housekeeping(report, expired)
    try:
        return Housekeeping(report, expired, backup=run_daily_backup(desk.db))
    except (OSError, sqlite3.Error, DiskFull) as exc:
        log.error("the daily backup failed: %s", exc)
        return Housekeeping(report, expired, backup_error=exc)
