"""通知: what the desk tells its volunteers. The LINE group message (next week's roster,
the short slots with a call for help, approved swaps) with a preview and one button that
copies it; a call for one short slot; paper slips (print or PDF) and calendar files for the
whole list or the selected volunteers; e-mail (ui.supervisor.notices_mail).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.notices import MessageState
from frontdesk.core.timeutil import local_day
from frontdesk.export.ics import write_calendars
from frontdesk.export.slips import Slip, a4, paint_slips, slips_for, write_slips_pdf
from frontdesk.services import notices, outbox
from frontdesk.services.context import Desk
from frontdesk.services.roster import month_bounds
from frontdesk.services.workspace import volunteer_choices
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import Banner, MonthPicker, attempt, title_label
from frontdesk.ui.supervisor.notices_basics import NoticeBasics, PhoneWarning
from frontdesk.ui.supervisor.notices_mail import MailTab
from frontdesk.words import notices as words
from frontdesk.words.dates import month_day

LOOKAHEAD_DAYS = 14  # the short slots offered for a call, from today


def coming_monday(today: date) -> date:
    """The Monday of the coming week (next Monday, a week ahead on a Monday): the week the
    LINE message is about, and whose month the slips open on."""
    return today + timedelta(days=7 - today.weekday())


def copy_text(text: str) -> None:
    """Put the text on the clipboard (the supervisor pastes it into LINE)."""
    QGuiApplication.clipboard().setText(text)


CALENDAR_WEEKS = 8  # a volunteer's calendar file covers the coming weeks


def save_calendar_files(
    parent: QWidget, banner: Banner, desk: Desk, ids: list[int], folder: str | None = None
) -> None:
    """The volunteer page's 行事曆檔: the selected volunteers' duties of the coming weeks,
    one .ics file each, into a folder the supervisor chooses (to send or import)."""
    if not ids:
        banner.info(QCoreApplication.translate("notices", "Select a volunteer first."))
        return
    title = QCoreApplication.translate("notices", "Calendar files")
    folder = folder or QFileDialog.getExistingDirectory(parent, title)
    if not folder:
        return
    today = local_day(desk.now())
    end = today + timedelta(weeks=CALENDAR_WEEKS)
    ok, written = attempt(banner, write_calendars, desk, today, end, folder, ids)
    if ok:
        banner.ok(
            QCoreApplication.translate(
                "notices", "{count} calendar files saved to {folder}."
            ).format(count=len(written or []), folder=folder)
        )


class VolunteerList(Protocol):
    """What the volunteer page offers the calendar button."""

    desk: Desk
    banner: Banner

    def selected_ids(self) -> list[int]: ...


def calendar_button(page: VolunteerList) -> QPushButton:
    """The volunteer page's 行事曆檔… button (objectName calendar_file)."""
    button = QPushButton(QCoreApplication.translate("notices", "Calendar file…"))
    button.setObjectName("calendar_file")
    button.clicked.connect(
        lambda: save_calendar_files(button, page.banner, page.desk, page.selected_ids())
    )
    return button


def tab_banner(layout: QVBoxLayout, banner: Banner | None) -> Banner:
    """The message line a tab speaks through: its page's one banner, outside the tabs, so a
    message shows whichever tab is open (a banner inside a hidden tab never showed); a tab
    used on its own gets its own line at the bottom."""
    if banner is None:
        banner = Banner()
        layout.addWidget(banner)
    return banner


class LineTab(QWidget):
    """The week's LINE message with its preview, and the calls for short slots."""

    def __init__(
        self, desk: Desk, parent: QWidget | None = None, *, banner: Banner | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.week = coming_monday(local_day(desk.now()))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.prev = QPushButton(self.tr("◀ Week before"))
        self.next = QPushButton(self.tr("Week after ▶"))
        self.week_label = QLabel()
        common.workspace_role(self.week_label, "month")
        self.copy_button = QPushButton(self.tr("Copy the message"))
        for w in (self.prev, self.week_label, self.next):
            row.addWidget(w)
        row.addStretch()
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        self.phone_warning = PhoneWarning()
        layout.addWidget(self.phone_warning)
        body = QHBoxLayout()
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        body.addWidget(self.preview, 3)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Short slots in the next two weeks")))
        self.short = QListWidget()
        self.short.setWordWrap(True)
        self.short.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.addWidget(self.short, 1)
        self.copy_call = QPushButton(self.tr("Copy the call for this slot"))
        side.addWidget(self.copy_call)
        body.addLayout(side, 2)
        layout.addLayout(body, 1)
        self.banner = tab_banner(layout, banner)
        self.prev.clicked.connect(lambda: self.step(-7))
        self.next.clicked.connect(lambda: self.step(7))
        self.copy_button.clicked.connect(self.copy_message)
        self.copy_call.clicked.connect(self.copy_selected_call)
        self.short.itemDoubleClicked.connect(lambda _item: self.copy_selected_call())
        self.refresh()

    def step(self, days: int) -> None:
        self.week += timedelta(days=days)
        self.refresh()

    def refresh(self) -> None:
        self.phone_warning.update_for(self.desk)
        last = self.week + timedelta(days=6)
        self.week_label.setText(f"{month_day(self.week)} – {month_day(last)}")
        ok, week = attempt(self.banner, notices.week_notice, self.desk, self.week)
        if ok and week is not None:
            self.preview.setPlainText(words.line_message(week))
        today = local_day(self.desk.now())
        ok, ahead = attempt(self.banner, notices.week_notice, self.desk, today, LOOKAHEAD_DAYS)
        self.short.clear()
        for s in ahead.shortages if ok and ahead is not None else []:
            item = QListWidgetItem(words.vacancy_call(s))
            item.setData(Qt.ItemDataRole.UserRole, (s.day, s.slot))
            self.short.addItem(item)
        if self.short.count():
            self.short.setCurrentRow(0)
        self.copy_call.setEnabled(self.short.count() > 0)

    def copy_message(self) -> None:
        copy_text(self.preview.toPlainText())
        self.banner.ok(self.tr("Copied: paste it into the volunteers' LINE group."))

    def offer_call(self, day: date, slot: str) -> None:
        """Select the call for one slot (a removal or a swap left it short)."""
        for row in range(self.short.count()):
            if self.short.item(row).data(Qt.ItemDataRole.UserRole) == (day, slot):
                self.short.setCurrentRow(row)

    def copy_selected_call(self) -> None:
        item = self.short.currentItem()
        if item is None:
            return
        copy_text(item.text())
        self.banner.ok(self.tr("Copied: paste it into the volunteers' LINE group."))


class PaperTab(QWidget):
    """Slips and calendar files of a month, for everyone or the selected volunteers."""

    def __init__(
        self, desk: Desk, parent: QWidget | None = None, *, banner: Banner | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        coming = coming_monday(local_day(desk.now()))
        layout = QVBoxLayout(self)
        self.picker = MonthPicker(coming.year, coming.month)  # the month of the coming week
        layout.addWidget(self.picker)
        layout.addWidget(
            QLabel(self.tr("Select volunteers for theirs only; none selected means everyone."))
        )
        self.people = QListWidget()
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for c in volunteer_choices(desk):
            item = QListWidgetItem(f"{c.code} {c.name}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.people.addItem(item)
        layout.addWidget(self.people, 1)
        self.phone_warning = PhoneWarning()
        layout.addWidget(self.phone_warning)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print slips…"))
        self.pdf_button = QPushButton(self.tr("Save slips as PDF…"))
        self.ics_button = QPushButton(self.tr("Save calendar files…"))
        for b in (self.print_button, self.pdf_button, self.ics_button):
            row.addWidget(b)
        row.addStretch()
        layout.addLayout(row)
        self.banner = tab_banner(layout, banner)
        self.print_button.clicked.connect(lambda: self.print_slips())
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.ics_button.clicked.connect(lambda: self.save_calendars())

    def chosen(self) -> list[int] | None:
        ids = [int(i.data(Qt.ItemDataRole.UserRole)) for i in self.people.selectedItems()]
        return ids or None

    def refresh(self) -> None:
        self.phone_warning.update_for(self.desk)

    def slips(self) -> list[Slip]:
        self.refresh()
        ok, found = attempt(
            self.banner, slips_for, self.desk, self.picker.year, self.picker.month, self.chosen()
        )
        if ok and not found:
            self.banner.info(self.tr("Nobody is on the roster that month."))
        return found or []

    def save_pdf(self, path: str | None = None) -> None:
        slips = self.slips()
        if not slips:
            return
        path = path or common.choose_save_file(
            self, self.tr("Duty slips"), "值班單.pdf", "PDF (*.pdf)"
        )
        if path:
            ok, _ = attempt(self.banner, write_slips_pdf, slips, Path(path))
            if ok:
                self.banner.ok(self.tr("Saved to {path}.").format(path=path))

    def print_slips(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        slips = self.slips()
        if not slips:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        a4(printer)
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            paint_slips(painter, printer.resolution() / 25.4, slips, printer.newPage)
        finally:
            painter.end()

    def save_calendars(self, folder: str | None = None) -> None:
        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("Calendar files"))
        if not folder:
            return
        start, end = month_bounds(self.picker.year, self.picker.month)
        ok, written = attempt(
            self.banner, write_calendars, self.desk, start, end, folder, self.chosen()
        )
        if ok:
            self.banner.ok(
                self.tr("{count} calendar files saved to {folder}.").format(
                    count=len(written or []), folder=folder
                )
            )


class NoticesPage(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Notices")))
        # One message line for the page, above the tabs as on every other page; it goes
        # when another tab is chosen.
        self.banner = Banner()
        self.basics = NoticeBasics(desk, banner=self.banner)
        layout.addWidget(self.basics)
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.line = LineTab(desk, banner=self.banner)
        self.paper = PaperTab(desk, banner=self.banner)
        self.mail = MailTab(desk, banner=self.banner)
        self.tabs.addTab(self.line, self.tr("LINE message"))
        self.tabs.addTab(self.paper, self.tr("Slips and calendar files"))
        # The mail tab's form and lists scroll rather than make the workspace taller than
        # the desk PC's 1366x768 screen.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.mail)
        self.tabs.addTab(scroll, self.tr("E-mail"))
        layout.addWidget(self.tabs, 1)
        self.banner.clear_on(self.tabs.currentChanged)
        self.basics.changed.connect(self.refresh)

    def refresh(self) -> None:
        """Everything again from the stored settings and roster (the desk phone and the
        roster may have changed on another page)."""
        self.basics.refresh()
        self.line.refresh()
        self.paper.refresh()
        self.mail.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again: what the preview says follows what was changed elsewhere."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def waiting_label(self) -> str:
        """通知（缺人 2・郵件失敗 1）, 通知（缺人 2）: the navigation entry while slots of the next two weeks
        are short (a removal or a swap left them under their minimum) or e-mails failed;
        '' when nothing waits."""
        today = local_day(self.desk.now())
        short = len(notices.week_notice(self.desk, today, LOOKAHEAD_DAYS).shortages)
        failed = outbox.counts(self.desk).get(MessageState.FAILED, 0)
        parts = []
        if short:
            parts.append(self.tr("{count} short").format(count=short))
        if failed:
            parts.append(self.tr("{count} e-mails failed").format(count=failed))
        if not parts:
            return ""
        return self.tr("Notices ({parts})").format(parts="・".join(parts))

    def offer_call(self, day: date, slot: str) -> None:
        """Show the LINE call for a slot that fell under its minimum."""
        self.tabs.setCurrentWidget(self.line)
        self.line.refresh()
        self.line.offer_call(day, slot)
