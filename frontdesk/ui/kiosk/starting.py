"""The starting screen: on screen at once while the database layer loads behind it.

On an old desk PC the database layer (SQLAlchemy, the models, the checks of the file) takes
several times longer to load than a window takes to appear. This screen shows the clock and
says the desk is opening; on a SQLite desk it then shows today's board read without the
database layer (services.early_board) in the kiosk's own header and home view
(ui.kiosk.home.show_today). It keeps every card scanned, number typed or name tapped
meanwhile, which the kiosk then handles in order: a volunteer who scans at the wrong moment
is not lost.

It imports only Qt, the rules core and the kiosk's home view (no database layer), so it is
on screen before the rest is imported.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

import frontdesk
from frontdesk.core.codes import code_char
from frontdesk.core.timeutil import local
from frontdesk.words.dates import long_date

if TYPE_CHECKING:  # imported with the early board, after this screen is painted
    from frontdesk.core.board import Board, BoardEntry
    from frontdesk.core.settings import DeskSettings
    from frontdesk.ui.kiosk.home import HomePage, KioskHeader

# A scan older than this when the kiosk opens is dropped: a dialog came in between
# (a damaged file, the first-run set-up), and its volunteer has gone to the paper sheet.
KEEP_SCANS_S = 15.0


class StartingWindow(QWidget):
    """Clock, date and 'opening, please wait'; collects scans until the kiosk takes them."""

    def __init__(self, now: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now  # fixed time for tests; None reads the machine's clock
        self._typed = ""
        # (monotonic time, a code scanned or typed, or the name tapped on the early board)
        self._scans: list[tuple[float, str | BoardEntry]] = []
        self.header: KioskHeader | None = None  # the early board's, once shown
        self.home: HomePage | None = None
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWindowTitle(self.tr("Front desk – volunteer sign-in") + f" {frontdesk.__version__}")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        opening = QWidget()
        self.pages.addWidget(opening)
        self._opening = layout = QVBoxLayout(opening)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.addStretch(1)
        self.clock = QLabel()
        self.clock.setObjectName("clock")
        self.clock.setProperty("role", "clock")
        self.date = QLabel()
        self.date.setObjectName("date")
        self.date.setProperty("role", "date")
        self.message = QLabel(self.tr("The front desk is opening, please wait a moment…"))
        self.message.setObjectName("startingMessage")
        self.message.setProperty("role", "closedHead")
        self.hint = QLabel(
            self.tr("You may scan your card already: it is recorded as soon as the desk is open.")
        )
        self.hint.setObjectName("hint")
        self.hint.setProperty("role", "hint")
        self.typed = QLabel()
        self.typed.setObjectName("typed")
        self.typed.setProperty("role", "typed")
        for label in (self.clock, self.date, self.message, self.hint, self.typed):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_time)
        self._tick.start()
        self._show_time()
        self.resize(1366, 768)
        self.setMinimumSize(1024, 700)

    def _show_time(self) -> None:
        # Taipei time, as the kiosk shows it a moment later, whatever the PC's time zone
        now = local(self._now or datetime.now(UTC))
        for clock, day in [(self.clock, self.date)] + (
            [(self.header.clock, self.header.date)] if self.header is not None else []
        ):
            clock.setText(now.strftime("%H:%M"))
            day.setText(long_date(now.date()))

    # --- the early board --------------------------------------------------------------

    def show_board(self, board: Board, cfg: DeskSettings) -> None:
        """Today's `board` as the kiosk draws it (its header, status line and home view,
        ui.kiosk.home.show_today), in the kiosk's layout, while the desk goes on opening;
        the clock goes on, scans are still kept, and a tapped name is kept like a scan."""
        from frontdesk.ui import screens, style
        from frontdesk.ui.kiosk.home import HomePage, KioskHeader, StatusBanner, show_today
        from frontdesk.ui.widgets import BigButton

        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(16, 10, 16, 10)  # the kiosk window's
        box.setSpacing(8)
        self.header = KioskHeader()
        box.addWidget(self.header)
        status = StatusBanner()
        box.addWidget(status)
        self.home = HomePage()
        self.home.tapped.connect(self._tapped)
        box.addWidget(self.home, 1)
        footer = QHBoxLayout()
        for label in (self.hint, self.typed):
            self._opening.removeWidget(label)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        footer.addWidget(self.hint, 1)
        footer.addWidget(self.typed)
        # the kiosk's number-pad button, not yet usable: its room is kept, so the roster
        # keeps its size and place when the kiosk takes over
        pad = BigButton(QCoreApplication.translate("KioskWindow", "Type my number"))
        pad.setObjectName("padButton")
        room = pad.sizePolicy()
        room.setRetainSizeWhenHidden(True)
        pad.setSizePolicy(room)
        pad.hide()
        footer.addWidget(pad)
        box.addLayout(footer)
        show_today(self.header, status, self.home, board, cfg)
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self._show_time()
        scale = screens.type_scale(self.height())  # the kiosk's type for this screen
        if abs(scale - 1.0) >= 0.04:  # as screens.TypeScaler: the window keeps its size
            self.setStyleSheet(screens.scaled(style.stylesheet("kiosk"), scale))

    def _tapped(self, entry: BoardEntry) -> None:
        self._scans.append((time.monotonic(), entry))
        self._show_typed()

    # --- the scans that come before the kiosk -----------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._typed:
                self._scans.append((time.monotonic(), self._typed))
            self._typed = ""
        elif key == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
        elif key == Qt.Key.Key_Escape:
            self._typed = ""
        else:
            text = code_char(event.text())
            if text:
                self._typed = (self._typed + text)[:40]
            else:
                super().keyPressEvent(event)
                return
        self._show_typed()
        event.accept()

    def _show_typed(self) -> None:
        waiting = len(self._scans)
        if self._typed:
            text = self.tr("Number: {code}").format(code=self._typed)
        elif waiting:
            text = self.tr("%n scan(s) waiting for the desk to open", "", waiting)
        else:
            text = ""
        self.typed.setText(text)

    def scans(self) -> list[str | BoardEntry]:
        """The codes scanned or typed (ended by Enter) and the names tapped while the desk
        was opening, oldest first, without those older than KEEP_SCANS_S; taking them
        empties the list."""
        now = time.monotonic()
        kept = [code for at, code in self._scans if now - at <= KEEP_SCANS_S]
        self._scans.clear()
        self._typed = ""
        self._show_typed()
        return kept
