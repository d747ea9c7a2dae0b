"""The supervisor workspace window: a left navigation list of big entries and the pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import frontdesk
from frontdesk.core.calendar import DayKind
from frontdesk.core.settings import DeskSettings
from frontdesk.services import calendar, clockguard, kiosk, waiting
from frontdesk.services.context import Desk, settings
from frontdesk.services.places import backups_folder, data_folder, describe_database
from frontdesk.ui.kiosk.visit import note_slot
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.accounts import AccountsPage
from frontdesk.ui.supervisor.attendance import AttendancePage
from frontdesk.ui.supervisor.audit import AuditPage
from frontdesk.ui.supervisor.calendar import CalendarPage
from frontdesk.ui.supervisor.desks import DeskStates
from frontdesk.ui.supervisor.notices import NoticesPage
from frontdesk.ui.supervisor.phone_tests import PhoneTestsPage
from frontdesk.ui.supervisor.recognition import RecognitionPage
from frontdesk.ui.supervisor.reports import ReportsPage
from frontdesk.ui.supervisor.roster import RosterPage
from frontdesk.ui.supervisor.service_record import ServiceRecordDialog
from frontdesk.ui.supervisor.swaps import SwapsPage
from frontdesk.ui.supervisor.volunteers import VolunteersPage
from frontdesk.ui.widgets import dates
from frontdesk.ui.widgets.leaving import may_leave
from frontdesk.words.clock import clock_jump
from frontdesk.words.labels import slot_name

NAV_WIDTH = 230  # px: 出勤（待確認 99） at the navigation's text size
NAV_ROW = 46  # px: an entry's height; twelve entries fit 1366x768 without scrolling
COUNTS_REFRESH_MS = 30_000


def open_folder(folder: Path) -> bool:
    """Show `folder` in the system's file manager (made first: backups may not exist yet)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def ask_note(parent: QWidget, title: str, prompt: str) -> str | None:
    """A few lines from the supervisor; None when cancelled (a function: tests answer it)."""
    text, ok = QInputDialog.getMultiLineText(parent, title, prompt)
    return text if ok else None


ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class SupervisorWindow(QWidget):
    """Volunteers, roster, attendance, calendar & settings, reports, audit, accounts.

    Locks itself (closes, emitting `locked`) after `supervisor_idle_minutes` without input,
    which hands the screen back to the kiosk.
    """

    locked = Signal()

    def __init__(
        self, desk: Desk, username: str, display_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.desk = desk.as_actor(f"supervisor:{username}")
        self.username = username
        cfg = settings(self.desk)
        self.setWindowTitle(
            self.tr("{agency} – supervisor").format(agency=cfg.agency_name)
            + f" · frontdesk {frontdesk.__version__}"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        # The workspace's text size, for it and the dialogs opened from it.
        self.setStyleSheet(common.WORKSPACE_QSS)
        self.resize(1366, 768)

        outer = QVBoxLayout(self)
        outer.addLayout(self._build_top(cfg, display_name or username))
        outer.addLayout(self._build_clock_notice())
        self.desk_states = DeskStates(self.desk)  # each desk on a shared server
        outer.addWidget(self.desk_states)
        # Standing notices of the whole window (a handover note, a suspect clock): shown from
        # the start rather than after a button, they keep no room while there is none.
        self.note_banner = common.Banner(lines=0)
        outer.addWidget(self.note_banner)

        body = QHBoxLayout()
        self.nav = QListWidget()
        common.workspace_role(self.nav, "nav")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setSpacing(2)
        # What waits for the supervisor, part by part: the kiosk's 督導 badge is its total.
        self.waiting_line = QLabel()
        self.waiting_line.setObjectName("waiting")
        self.waiting_line.setWordWrap(True)
        self.waiting_line.setFixedWidth(NAV_WIDTH)
        self.stack = QStackedWidget()
        self.volunteers = VolunteersPage(self.desk)
        self.roster = RosterPage(self.desk)
        self.attendance = AttendancePage(self.desk)
        self.calendar = CalendarPage(self.desk)
        self.reports = ReportsPage(self.desk, on_review=self.show_review)
        self.audit = AuditPage(self.desk)
        self.accounts = AccountsPage(self.desk, username)
        self.phone_tests = PhoneTestsPage(self.desk)
        self.pages: list[QWidget] = []
        self.labels: dict[QWidget, str] = {}
        for page, label in (
            (self.roster, self.tr("Roster")),
            (self.volunteers, self.tr("Volunteers")),
            (self.attendance, self.tr("Attendance")),
            (self.calendar, self.tr("Calendar & settings")),
            (self.reports, self.tr("Reports")),
            (self.phone_tests, self.tr("Phone tests")),
            (self.audit, self.tr("Audit log")),
            (self.accounts, self.tr("Accounts")),
        ):
            self.add_page(page, label)
        self.swaps = SwapsPage(self.desk)
        self.add_page(self.swaps, self.tr("Swaps"))
        self.recognition = RecognitionPage(self.desk, on_open=self.open_record)
        self.add_page(self.recognition, self.tr("Recognition"))
        self.notices = NoticesPage(self.desk)
        self.add_page(self.notices, self.tr("Notices"))
        self.swaps.count_changed.connect(lambda _count: self.refresh_counts())
        # Any page action that changes data recounts at once (common.attempt announces it).
        common.data_changes().changed.connect(self._data_changed)
        self.swaps.refresh()  # expires requests whose duty has started
        self.refresh_counts()  # the counts show in the list at once
        left = QVBoxLayout()
        left.addWidget(self.waiting_line)
        left.addWidget(self.nav, 1)
        body.addLayout(left)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self._start_timers(cfg)
        dates.set_holiday_source(self._days_off)
        self.nav.currentRowChanged.connect(self.show_page)
        self.nav.setCurrentRow(0)

    def _start_timers(self, cfg: DeskSettings) -> None:
        """The idle lock (supervisor_idle_minutes, any input restarts it) and the recount of
        what others change meanwhile (a request at the kiosk, the sweep closing a record)."""
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(cfg.supervisor_idle_minutes * 60_000)
        self.idle.timeout.connect(self._lock_unattended)
        self.lock_button.clicked.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.idle.start()
        self.counts_timer = QTimer(self)
        self.counts_timer.setInterval(COUNTS_REFRESH_MS)
        self.counts_timer.timeout.connect(self.refresh_counts)
        self.counts_timer.start()

    def _build_top(self, cfg: DeskSettings, who: str) -> QHBoxLayout:
        """The agency and desk, who is signed in, a handover note, 'about' and 'lock'."""
        top = QHBoxLayout()
        agency = QLabel(f"{cfg.agency_name} · {cfg.desk_name}")
        common.workspace_role(agency, "agency")
        top.addWidget(agency)
        top.addStretch()
        top.addWidget(QLabel(self.tr("Signed in: {name}").format(name=who)))
        self.note_button = QPushButton(self.tr("Handover note…"))
        self.note_button.clicked.connect(self.write_note)
        top.addWidget(self.note_button)
        self.about_button = QPushButton(self.tr("About"))
        self.about_button.clicked.connect(self.show_about)
        top.addWidget(self.about_button)
        self.lock_button = QPushButton(self.tr("Lock and back to the desk"))
        top.addWidget(self.lock_button)
        return top

    def _build_clock_notice(self) -> QHBoxLayout:
        """A line shown while this PC's clock is off the trusted time (services.clockguard)."""
        row = QHBoxLayout()
        self.clock_banner = common.Banner(lines=0)
        self.clock_button = QPushButton(self.tr("The clock is right now"))
        self.clock_button.clicked.connect(self.confirm_clock)
        row.addWidget(self.clock_banner, 1)
        row.addWidget(self.clock_button)
        self.refresh_clock()
        return row

    def refresh_clock(self) -> None:
        state = clockguard.clock_state(self.desk)
        if state is None:
            self.clock_banner.info("")
        else:
            self.clock_banner.error(clock_jump(state.jump_seconds, state.seen_at))
        self.clock_button.setVisible(state is not None)

    def confirm_clock(self) -> None:
        """The supervisor looked at the clock and says it is right: the sweep resumes."""
        done, _ = common.attempt(self.clock_banner, clockguard.confirm_clock, self.desk)
        if done:
            self.refresh_clock()

    def add_page(self, page: QWidget, label: str) -> None:
        """Pages may be added later (e.g. the swap inbox)."""
        item = QListWidgetItem(label)
        item.setSizeHint(QSize(NAV_WIDTH - 20, NAV_ROW))
        self.nav.addItem(item)
        self.stack.addWidget(page)
        self.pages.append(page)
        self.labels[page] = label

    def open_record(self, code: str) -> None:
        """A volunteer's service record, from the recognition page."""
        ServiceRecordDialog(self.desk, code, self).exec()

    def show_review(self) -> None:
        """The attendance page at its 待確認 tab: the records waiting for review."""
        self.nav.setCurrentRow(self.pages.index(self.attendance))
        self.attendance.tabs.setCurrentIndex(0)

    def _label(self, page: QWidget, text: str) -> None:
        item = self.nav.item(self.pages.index(page)) if page in self.pages else None
        if item is not None and item.text() != text:
            item.setText(text)

    def _data_changed(self) -> None:
        if self.isVisible():  # a locked workspace recounts when it shows again
            self.refresh_counts()

    def refresh_counts(self) -> None:
        """Each part of what waits for the supervisor beside its entry, and their total (the
        kiosk's 督導 badge) above them, all from services.waiting."""
        parts = waiting.for_supervisor(self.desk)
        self.desk_states.refresh()
        self._label(
            self.attendance,
            self.tr("Attendance ({count} to review)").format(count=parts.reviews)
            if parts.reviews
            else self.labels[self.attendance],
        )
        self._label(
            self.swaps,
            self.tr("Swaps ({count})").format(count=parts.swaps)
            if parts.swaps
            else self.labels[self.swaps],
        )
        self._label(
            self.volunteers,
            self.tr("Volunteers ({count} PIN locked)").format(count=parts.pin_lockouts)
            if parts.pin_lockouts
            else self.labels[self.volunteers],
        )
        self._label(
            self.phone_tests,
            self.tr("Phone tests ({count} follow-ups)").format(count=parts.phone_follow_ups)
            if parts.phone_follow_ups
            else self.labels[self.phone_tests],
        )
        phone = (
            self.tr(" · {count} phone test follow-ups").format(count=parts.phone_follow_ups)
            if parts.phone_follow_ups
            else ""
        )
        # Short slots to call for (LINE) and e-mails that failed: offered on the 通知 entry.
        self._label(self.notices, self.notices.waiting_label() or self.labels[self.notices])
        self.waiting_line.setText(
            self.tr(
                "Waiting for you: {total}\n{swaps} swaps · {reviews} to review · "
                "{pins} PIN lockouts"
            ).format(
                total=parts.total,
                swaps=parts.swaps,
                reviews=parts.reviews,
                pins=parts.pin_lockouts,
            )
            + phone
        )

    def write_note(self) -> None:
        """A handover note for the desk's slot now, signed by this supervisor: the kiosk
        shows it with their name, as a volunteer's shows the volunteer's."""
        body = ask_note(
            self,
            self.tr("Handover note"),
            self.tr("For the next duty at the desk; shown there with your name."),
        )
        if not body or not body.strip():
            return
        board = kiosk.board(self.desk)
        slot = note_slot(board).slot.code
        done, _ = common.attempt(
            self.note_banner,
            kiosk.add_note,
            self.desk,
            board.day,
            slot,
            None,
            body,
            supervisor=self.username,
        )
        if done:
            self.note_banner.ok(
                self.tr("The note is left for {slot} at the desk.").format(slot=slot_name(slot))
            )

    def about_text(self) -> str:
        backups = backups_folder(self.desk)
        return self.tr(
            "Front-desk volunteer duty manager, version {version}.\n"
            "Database: {database}\nData folder: {folder}\nBackups folder: {backups}"
        ).format(
            version=frontdesk.__version__,
            database=describe_database(self.desk),
            folder=data_folder(),
            backups=backups
            if backups is not None
            else self.tr("kept by the database server (ask IT)"),
        )

    def about_box(self) -> QMessageBox:
        """關於: the version and where the data and the backups are, each folder openable."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About frontdesk"), "", parent=self)
        box.setText(self.about_text())
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folders = [(self.tr("Open the data folder"), data_folder())]
        backups = backups_folder(self.desk)
        if backups is not None:
            folders.append((self.tr("Open the backups folder"), backups))
        for text, folder in folders:
            button = box.addButton(text, QMessageBox.ButtonRole.ActionRole)
            # An action button would close the box: it opens the folder and stays open.
            button.clicked.disconnect()
            button.clicked.connect(lambda _=False, f=folder: open_folder(f))
        box.addButton(self.tr("Close"), QMessageBox.ButtonRole.AcceptRole)
        return box

    def show_about(self) -> None:
        self.about_box().exec()

    def show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            page = self.pages[row]
            leaving = self.stack.currentWidget()
            if leaving in self.pages and leaving is not page and not may_leave(leaving):
                # Stay: the list points at the page still shown.
                blocked = self.nav.blockSignals(True)
                self.nav.setCurrentRow(self.pages.index(leaving))  # type: ignore[arg-type]
                self.nav.blockSignals(blocked)
                return
            self.stack.setCurrentWidget(page)
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()
            self.refresh_clock()
            self.refresh_counts()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.isVisible():
            self.idle.start()
        return False

    def lock(self) -> None:
        """Back to the kiosk: the next supervisor must log in again."""
        self.idle.stop()
        self.close()

    def _days_off(self, year: int, month: int) -> dict[date, str]:
        """The month's holidays and closures, for the calendar popups (ui.widgets.dates)."""
        off = (DayKind.HOLIDAY, DayKind.CLOSED, DayKind.MANUAL_CLOSED)
        return {i.day: i.label for i in calendar.month(self.desk, year, month) if i.kind in off}

    def _lock_unattended(self) -> None:
        """The idle lock: nobody is there to answer about unsaved edits, and the workspace
        must not stay open at a public desk, so they are not kept."""
        self._unattended = True
        self.lock()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing or locking asks about unsaved edits first (ui.widgets.leaving); the idle
        lock does not wait for an answer."""
        unattended, self._unattended = getattr(self, "_unattended", False), False
        if not unattended and self.isVisible() and not may_leave(self.stack.currentWidget()):
            event.ignore()
            return
        dates.set_holiday_source(None)  # the calendars no longer read this desk
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.idle.stop()
        self.counts_timer.stop()
        super().closeEvent(event)
        self.locked.emit()
