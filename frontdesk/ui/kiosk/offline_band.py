"""The kiosk's yellow band while the desk works without its shared server, and the one
sentence for what needs the server (swaps, the supervisor's workspace and its exports).

The band never takes a key or a click: scanning goes on under it. It reads the desk's
state (services.offline.desk.OfflineDesk.status, a local read) once a second.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from frontdesk.services.offline.desk import OfflineDesk
from frontdesk.words import offline as words

log = logging.getLogger(__name__)

BAND_MS = 1000  # the band follows the desk's state this often (milliseconds)


class OfflineBand(QLabel):
    """Hidden while the desk is online with nothing waiting; else says so in plain words."""

    def __init__(self, offline: OfflineDesk | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offline = offline
        self.setObjectName("offlineBand")
        self.setProperty("role", "offline")
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(BAND_MS)
        self._timer.timeout.connect(self.update_state)
        if offline is not None:
            self._timer.start()

    def update_state(self) -> None:
        """Show or hide the band by the desk's state now."""
        if self.offline is None:
            return
        try:
            text = words.band(self.offline.status())
        except Exception:  # the band must never stop the kiosk
            log.exception("offline state unreadable")
            return
        self.setText(text)
        self.setVisible(bool(text))

    def refuses(self, say: Callable[[str], None]) -> bool:
        """True, having said why with `say`, when the desk is offline: what needs the
        shared server (swaps, the workspace, exports) waits until it is back."""
        if self.offline is None or self.offline.online:
            return False
        say(words.needs_server())
        return True

    def stop(self) -> None:
        self._timer.stop()
