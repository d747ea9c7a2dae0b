"""Today's backup of the desk's file, made off the GUI thread after the window shows.

Before, the app copied the whole file (services.safety.run_daily_backup) before its window
showed, on the thread that then serves the kiosk: 566 ms on a 255 MB desk, every first
start of the day; and the kiosk's minute sweep made the next day's copy on that thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from frontdesk.services.context import Desk
from frontdesk.services.errors import log_failure
from frontdesk.services.safety import DailyBackup, run_daily_backup
from frontdesk.ui.widgets.background import Background

log = logging.getLogger(__name__)

EVERY_MS = 10 * 60 * 1000  # a desk left running past midnight gets the new day's copy


class DailyBackups(QObject):
    """Keeps today's backup: once at `start()`, then every EVERY_MS (nothing is copied
    when today's exists), each time in Qt's thread pool. A failure is logged and handed to
    `failed` on the GUI thread, which tells the person at the desk."""

    def __init__(
        self, desk: Desk, failed: Callable[[BaseException], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.last: DailyBackup | None = None
        self._failed = failed
        self._job = Background(self)
        self._timer = QTimer(self)
        self._timer.setInterval(EVERY_MS)
        self._timer.timeout.connect(self.run)

    def start(self) -> None:
        self.run()
        self._timer.start()

    def run(self) -> bool:
        """Start a backup off the GUI thread; False while one still runs."""
        return self._job.start(self._backup, self._done, self._failure)

    def _backup(self) -> DailyBackup:
        return run_daily_backup(self.desk.db)

    def _done(self, result: object) -> None:
        assert isinstance(result, DailyBackup)
        self.last = result

    def _failure(self, exc: BaseException) -> None:
        log_failure(log, "the daily backup failed", exc)
        self._failed(exc)
