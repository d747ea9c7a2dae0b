"""The supervisor's line of each desk on a shared server: online, or offline since when,
scans waiting to be sent, the last upload, and how many of its replayed scans were flagged
(services.offline.state). Hidden where no desk ever reported (a SQLite desk)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from frontdesk.services.context import Desk
from frontdesk.services.offline.state import desk_reports
from frontdesk.ui.widgets.form import Banner
from frontdesk.words import offline as words

log = logging.getLogger(__name__)


class DeskStates(Banner):
    """One line per desk; a warning look while one is offline, silent or has scans waiting."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        # A standing notice of the whole window: it keeps no room while there is nothing
        # to say (two empty lines stood above every page's title).
        super().__init__(parent, lines=0)
        self.setObjectName("deskStates")
        self.desk = desk

    def refresh(self) -> None:
        try:
            reports = desk_reports(self.desk)
        except Exception:  # the line must never keep the workspace from opening
            log.exception("desk states unreadable")
            return
        if not reports:
            self.dismiss()
            return
        text = "\n".join(words.desk_state(r) for r in reports)
        trouble = any(r.silent or not r.status.online or r.status.waiting for r in reports)
        (self.error if trouble else self.info)(text)
