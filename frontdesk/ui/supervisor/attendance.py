"""出勤: the review queue, day and month views, corrections and manual entries with a reason."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from PySide6.QtCore import QModelIndex, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.timeutil import at, local, local_day
from frontdesk.services import attendance_review, workspace
from frontdesk.services.context import Desk, settings
from frontdesk.services.workspace import AttendanceRow
from frontdesk.ui.models.attendance import AttendanceModel, CorrectionHistoryModel
from frontdesk.ui.models.base import SORT_ROLE
from frontdesk.ui.supervisor.common import Banner, MonthPicker, attempt, pydate, qdate, title_label
from frontdesk.ui.widgets.dates import ClockEdit, RocDateEdit
from frontdesk.ui.widgets.form import FormDialog
from frontdesk.ui.widgets.tables import ColumnFit
from frontdesk.words.dates import format_roc_date, format_roc_short
from frontdesk.words.labels import slot_short


def _qtime(value: datetime | None, fallback: time) -> QTime:
    t = local(value).time() if value is not None else fallback
    return QTime(t.hour, t.minute)


def _pytime(q: QTime) -> time:
    return time(q.hour(), q.minute())


class TimesDialog(FormDialog):
    """Sign-in and sign-out times of one duty, and the reason (always required)."""

    def __init__(
        self,
        desk: Desk,
        title: str,
        record: AttendanceRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, self.tr("Save"), self.tr("Cancel"), parent)
        self.desk = desk
        self.record = record
        self.setMinimumWidth(460)
        form = self.form
        cfg = settings(desk)
        self.volunteer = QComboBox()
        self.day = RocDateEdit(qdate(local_day(desk.now())))
        self.day.setCalendarPopup(True)
        self.slot = QComboBox()
        for s in cfg.slots:
            self.slot.addItem(slot_short(s.code), s.code)
        first = cfg.slots[0]
        if record is None:
            for c in workspace.volunteer_choices(desk, include_inactive=True):
                self.volunteer.addItem(f"{c.code}  {c.name}", c.id)
            form.addRow(self.tr("Volunteer"), self.volunteer)
            form.addRow(self.tr("Date"), self.day)
            form.addRow(self.tr("Slot"), self.slot)
        else:
            who = QLabel(
                f"{record.code} {record.name} — {format_roc_date(record.day)} {slot_short(record.slot)}"
            )
            form.addRow(self.tr("Duty"), who)
            first = cfg.slot(record.slot) or first
        self.signed_in = QCheckBox(self.tr("Signed in at"))
        self.in_time = ClockEdit(_qtime(record.in_at if record else None, first.start))
        self.signed_out = QCheckBox(self.tr("Signed out at"))
        self.out_time = ClockEdit(_qtime(record.out_at if record else None, first.end))
        self.signed_in.setChecked(record is None or record.in_at is not None)
        self.signed_out.setChecked(record is None or record.out_at is not None)
        # A time that would be ignored is never editable: the field is enabled only while
        # its box is ticked, and ticking the box moves on to the time. Setting a time
        # (from code or a wheel) means it happened.
        for box, field in ((self.signed_in, self.in_time), (self.signed_out, self.out_time)):
            field.setEnabled(box.isChecked())
            box.toggled.connect(field.setEnabled)
            box.toggled.connect(lambda on, f=field: f.setFocus() if on else None)
            field.timeChanged.connect(lambda _t, b=box: b.setChecked(True))
        row_in = QHBoxLayout()
        row_in.addWidget(self.signed_in)
        row_in.addWidget(self.in_time)
        row_out = QHBoxLayout()
        row_out.addWidget(self.signed_out)
        row_out.addWidget(self.out_time)
        form.addRow(self.tr("Sign-in"), row_in)
        form.addRow(self.tr("Sign-out"), row_out)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. signed the paper sheet; forgot to sign out"))
        form.addRow(self.tr("Reason (required)"), self.reason)
        self.submit_with(self.save)

    def _instants(self, day: date) -> tuple[datetime | None, datetime | None]:
        in_at = at(day, _pytime(self.in_time.time())) if self.signed_in.isChecked() else None
        out_at = at(day, _pytime(self.out_time.time())) if self.signed_out.isChecked() else None
        return in_at, out_at

    def save(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.banner.error(self.tr("Please give the reason: it is kept with the record."))
            return
        if self.record is not None:
            in_at, out_at = self._instants(self.record.day)
            ok, _ = attempt(
                self.banner,
                attendance_review.correct,
                self.desk,
                self.record.id,
                in_at,
                out_at,
                reason,
            )
        else:
            day = pydate(self.day.date())
            in_at, out_at = self._instants(day)
            ok, _ = attempt(
                self.banner,
                attendance_review.record_manual,
                self.desk,
                self.volunteer.currentData(),
                day,
                self.slot.currentData(),
                in_at,
                out_at,
                reason,
            )
        if ok:
            self.accept()


class AcceptDialog(FormDialog):
    """Accept one or many flagged records as they stand, with one reason (always required).

    An empty reason keeps the dialog open with a sentence saying why; the records are
    accepted together or not at all (services.attendance_review.accept_reviews).
    """

    def __init__(
        self, desk: Desk, records: Sequence[AttendanceRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Accept as it is"), self.tr("Accept"), self.tr("Cancel"), parent)
        self.desk = desk
        self.records = list(records)
        self.accepted_count = 0
        self.setMinimumWidth(520)
        if len(self.records) == 1:
            r = self.records[0]
            prompt = self.tr("Why is {name}'s record right as it stands?").format(name=r.name)
        else:
            prompt = self.tr(
                "Why are these {n} records right as they stand? The one reason is kept "
                "with each of them."
            ).format(n=len(self.records))
        question = QLabel(prompt)
        question.setWordWrap(True)
        self.body.insertWidget(0, question)
        listing = QLabel(
            "\n".join(
                f"{format_roc_short(r.day)} {slot_short(r.slot)}  {r.code} {r.name}"
                for r in self.records[:8]
            )
            + (
                "\n" + self.tr("… and {n} more").format(n=len(self.records) - 8)
                if len(self.records) > 8
                else ""
            )
        )
        self.body.insertWidget(1, listing)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. signed the paper sheet; forgot to sign out"))
        self.body.addWidget(self.reason)
        self.submit_with(self.save)

    def save(self) -> None:
        """Accept the records, or ask again (the dialog stays open) when no reason is given."""
        reason = self.reason.text().strip()
        if not reason:
            self.banner.error(self.tr("Please give the reason: it is kept with the record."))
            self.reason.setFocus()
            self.adjustSize()  # room for the sentence, nothing squeezed
            return
        ok, count = attempt(
            self.banner,
            attendance_review.accept_reviews,
            self.desk,
            [r.id for r in self.records],
            reason,
        )
        if ok:
            self.accepted_count = int(count or 0)
            self.accept()
        else:
            self.adjustSize()


def _table(model: AttendanceModel) -> QTableView:
    """A table of duties; several rows may be selected (to accept them together), and the
    date column is as wide as its longest date (never cut to '115/10/01 ⋯')."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    # Every column but what is to decide fits its contents (the date whole); that one takes
    # the rest, cut to one line with the whole text as its tooltip.
    ColumnFit(view, (AttendanceModel.REVIEW,), elide=True)
    return view


class AttendancePage(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        today = local_day(desk.now())
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Attendance")))
        bar = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Accept as it is…"))
        self.correct_button = QPushButton(self.tr("Correct the times…"))
        self.manual_button = QPushButton(self.tr("Enter a duty by hand…"))
        for b in (self.accept_button, self.correct_button, self.manual_button):
            bar.addWidget(b)
        bar.addStretch()
        layout.addLayout(bar)
        self.banner = Banner()
        layout.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Vertical)
        self.tabs = QTabWidget()
        self.review = AttendanceModel(self)
        self.review_view = _table(self.review)
        self.tabs.addTab(self.review_view, self.tr("To review"))
        day_box = QWidget()
        dl = QVBoxLayout(day_box)
        drow = QHBoxLayout()
        self.day_edit = RocDateEdit(qdate(today))
        self.day_edit.setCalendarPopup(True)
        drow.addWidget(QLabel(self.tr("Day")))
        drow.addWidget(self.day_edit)
        drow.addStretch()
        dl.addLayout(drow)
        self.day_model = AttendanceModel(self)
        self.day_view = _table(self.day_model)
        dl.addWidget(self.day_view)
        self.tabs.addTab(day_box, self.tr("Day"))
        month_box = QWidget()
        ml = QVBoxLayout(month_box)
        self.month_picker = MonthPicker(today.year, today.month)
        mrow = QHBoxLayout()
        mrow.addWidget(self.month_picker)
        mrow.addStretch()
        ml.addLayout(mrow)
        self.month_model = AttendanceModel(self)
        self.month_view = _table(self.month_model)
        ml.addWidget(self.month_view)
        self.tabs.addTab(month_box, self.tr("Month"))
        split.addWidget(self.tabs)

        hist = QWidget()
        hl = QVBoxLayout(hist)
        hl.setContentsMargins(0, 0, 0, 0)
        self.history_title = QLabel(self.tr("History of the selected record"))
        hl.addWidget(self.history_title)
        self.history = CorrectionHistoryModel(self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.verticalHeader().hide()
        h = CorrectionHistoryModel
        ColumnFit(self.history_view, (h.REASON, h.BEFORE, h.AFTER), elide=True)
        hl.addWidget(self.history_view)
        split.addWidget(hist)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

        self.tabs.currentChanged.connect(lambda _i: self.show_history())
        self.banner.clear_on(self.tabs.currentChanged)
        self.day_edit.dateChanged.connect(lambda _d: self.load_day())
        self.month_picker.changed.connect(lambda _y, _m: self.load_month())
        for view in (self.review_view, self.day_view, self.month_view):
            view.selectionModel().selectionChanged.connect(lambda _s, _d: self.show_history())
        self.accept_button.clicked.connect(self.accept_selected)
        self.correct_button.clicked.connect(self.correct_selected)
        self.manual_button.clicked.connect(self.manual_entry)

    def refresh(self) -> None:
        self.review.set_rows(workspace.review_rows(self.desk))
        self.tabs.setTabText(0, self.tr("To review ({n})").format(n=self.review.rowCount()))
        self.load_day()
        self.load_month()
        self.show_history()

    def load_day(self) -> None:
        self.day_model.set_rows(workspace.attendance_day(self.desk, pydate(self.day_edit.date())))

    def load_month(self) -> None:
        self.month_model.set_rows(
            workspace.attendance_month(self.desk, self.month_picker.year, self.month_picker.month)
        )

    def current(self) -> tuple[QTableView, AttendanceModel]:
        i = self.tabs.currentIndex()
        return (
            (self.review_view, self.review),
            (self.day_view, self.day_model),
            (self.month_view, self.month_model),
        )[i]

    def selected(self) -> AttendanceRow | None:
        """The first selected record (the one whose history is shown), or None."""
        records = self.selected_records()
        return records[0] if records else None

    def selected_records(self) -> list[AttendanceRow]:
        """Every selected record of the current tab, top to bottom."""
        view, model = self.current()
        rows = sorted(i.row() for i in view.selectionModel().selectedRows())
        return [model.row_at(r) for r in rows]

    def select_row(self, row: int) -> None:
        view, _model = self.current()
        view.selectRow(row)
        self.show_history()

    def show_history(self) -> None:
        record = self.selected()
        if record is None:
            self.history.set_rows([])
            self.history_title.setText(self.tr("History of the selected record"))
            return
        self.history_title.setText(
            self.tr("History of {name}, {day} {slot}").format(
                name=record.name, day=format_roc_date(record.day), slot=slot_short(record.slot)
            )
        )
        self.history.set_rows(workspace.attendance_history(self.desk, record.id))

    def _need_selection(self) -> AttendanceRow | None:
        record = self.selected()
        if record is None:
            self.banner.info(self.tr("Select a record first."))
        return record

    def accept_dialog(self, records: Sequence[AttendanceRow]) -> AcceptDialog:
        """Made separately from exec() so tests can fill it in."""
        return AcceptDialog(self.desk, records, self)

    def accept_selected(self) -> None:
        records = self.selected_records()
        if not records:
            self.banner.info(self.tr("Select a record first."))
            return
        dialog = self.accept_dialog(records)
        if dialog.exec():
            self.banner.ok(
                self.tr(
                    "Accepted {n} record(s); the reason is kept in each record's history."
                ).format(n=dialog.accepted_count)
            )
            self.refresh()

    def times_dialog(self, record: AttendanceRow | None) -> TimesDialog:
        """Made separately from exec() so tests can fill it in."""
        title = self.tr("Correct the times") if record else self.tr("Enter a duty by hand")
        return TimesDialog(self.desk, title, record, self)

    def correct_selected(self) -> None:
        record = self._need_selection()
        if record is None:
            return
        if len(self.selected_records()) > 1:
            self.banner.info(self.tr("Select one record to correct its times."))
            return
        if self.times_dialog(record).exec():
            self.banner.ok(self.tr("Corrected; the old times stay in the record's history."))
            self.refresh()

    def manual_entry(self) -> None:
        if self.times_dialog(None).exec():
            self.banner.ok(self.tr("The duty was entered."))
            self.refresh()

    def sort_key(self, index: QModelIndex) -> object:
        return index.data(SORT_ROLE)
