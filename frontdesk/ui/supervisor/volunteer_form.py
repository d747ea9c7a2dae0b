"""The volunteer form: add or edit one volunteer, with trainings and weekly duties."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.pins import PIN_DIGITS, is_valid_pin
from frontdesk.core.timeutil import local_day
from frontdesk.services import pins, volunteers, workspace
from frontdesk.services.context import Desk, settings
from frontdesk.services.volunteers import VolunteerInput
from frontdesk.ui.supervisor.common import attempt, pydate, qdate
from frontdesk.ui.widgets.dates import RocDateEdit
from frontdesk.ui.widgets.form import FormDialog
from frontdesk.words.dates import day_text, weekday_name
from frontdesk.words.labels import slot_short, volunteer_status

STATUSES = ("active", "trainee", "inactive")


class VolunteerDialog(FormDialog):
    """Add or edit one volunteer; the full phone number is visible only here."""

    def __init__(
        self, desk: Desk, volunteer_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Volunteer") if volunteer_id else self.tr("New volunteer"),
            self.tr("Save"),
            self.tr("Cancel"),
            parent,
        )
        self.desk = desk
        self.volunteer_id = volunteer_id
        self.setMinimumWidth(1100)
        layout = self.body
        # Two columns, the person on the left and trainings and weekly duties on the right:
        # one column is taller than a 1366x768 screen at the workspace's text size.
        columns = QHBoxLayout()
        columns.addLayout(self._person_form(), 1)
        right = QVBoxLayout()
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        right.addWidget(self._trainings_box())
        right.addWidget(self._patterns_box())
        right.addStretch(1)
        self.patterns_box.setVisible(volunteer_id is not None)

        self.submit_with(self.save)
        if volunteer_id is not None:
            self.load()
        else:  # the next free badge number, ready to keep or to type over
            self.code.setText(volunteers.next_free_code(desk))
            self.code.selectAll()

    def _person_form(self) -> QFormLayout:
        """Who they are: code, name, phone, languages, status, limits, notes."""
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("printed on the badge, e.g. V001"))
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.languages = QLineEdit()
        self.languages.setPlaceholderText(self.tr("e.g. 台語 English"))
        self.status = QComboBox()
        for s in STATUSES:
            self.status.addItem(volunteer_status(s), s)
        self.weekly_max = QSpinBox()
        self.weekly_max.setRange(0, 14)
        self.weekly_max.setSpecialValueText(self.tr("site default"))
        self.joined = RocDateEdit()
        self.joined.setCalendarPopup(True)
        self.joined.setDate(qdate(local_day(self.desk.now())))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Languages"), self.languages)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Weekly maximum of duties"), self.weekly_max)
        form.addRow(self.tr("Joined on"), self.joined)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Desk PIN"), self._pin_row())
        return form

    def _pin_row(self) -> QVBoxLayout:
        """The kiosk PIN (services.pins): typed hidden, PIN_DIGITS digits; empty keeps the current."""
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_DIGITS)
        self.pin.setValidator(
            QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_DIGITS}}}"))
        )
        self.pin.setPlaceholderText(
            self.tr("{digits} digits, to sign in without the card").format(digits=PIN_DIGITS)
        )
        self.pin_state = QLabel(self.tr("No PIN set."))
        self.pin_clear = QCheckBox(self.tr("Remove the PIN"))
        self.pin_clear.setObjectName("pinClear")
        self.pin_clear.hide()
        column = QVBoxLayout()
        column.addWidget(self.pin)
        column.addWidget(self.pin_state)
        column.addWidget(self.pin_clear)
        return column

    def _trainings_box(self) -> QGroupBox:
        """Their trainings, one editable row each."""
        box = QGroupBox(self.tr("Trainings (basic training is needed for duty)"))
        tl = QVBoxLayout(box)
        self.trainings = QTableWidget(0, 4)
        self.trainings.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Title"), self.tr("Date"), self.tr("Hours")]
        )
        header = self.trainings.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.trainings.verticalHeader().hide()
        self.trainings.setFixedHeight(130)
        tl.addWidget(self.trainings)
        row = QHBoxLayout()
        add_t = QPushButton(self.tr("Add a training"))
        del_t = QPushButton(self.tr("Remove the selected training"))
        add_t.clicked.connect(
            lambda: self.add_training_row(
                "basic", self.tr("Basic training"), local_day(self.desk.now()), 12.0
            )
        )
        del_t.clicked.connect(lambda: self.trainings.removeRow(self.trainings.currentRow()))
        row.addWidget(add_t)
        row.addWidget(del_t)
        row.addStretch()
        tl.addLayout(row)
        return box

    def _patterns_box(self) -> QGroupBox:
        """Their weekly duties (only for a volunteer already saved)."""
        self.patterns_box = QGroupBox(self.tr("Weekly duties (used to generate the roster)"))
        pl = QVBoxLayout(self.patterns_box)
        self.patterns = QTableWidget(0, 3)
        self.patterns.setHorizontalHeaderLabels(
            [self.tr("Every"), self.tr("Slot"), self.tr("Valid")]
        )
        self.patterns.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.patterns.verticalHeader().hide()
        self.patterns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.patterns.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.patterns.setFixedHeight(110)
        pl.addWidget(self.patterns)
        prow = QHBoxLayout()
        self.p_weekday = QComboBox()
        for wd in range(5):
            self.p_weekday.addItem(weekday_name(wd), wd)
        self.p_weekday.addItem(weekday_name(5), 5)
        self.p_slot = QComboBox()
        for s in settings(self.desk).slots:
            self.p_slot.addItem(slot_short(s.code), s.code)
        self.p_from = RocDateEdit(qdate(local_day(self.desk.now())))
        self.p_from.setCalendarPopup(True)
        add_p = QPushButton(self.tr("Add weekly duty"))
        end_p = QPushButton(self.tr("End the selected one today"))
        add_p.clicked.connect(self.add_pattern)
        end_p.clicked.connect(self.end_pattern)
        prow.addWidget(self.p_weekday)
        prow.addWidget(self.p_slot)
        prow.addWidget(QLabel(self.tr("from")))
        prow.addWidget(self.p_from)
        prow.addWidget(add_p)
        prow.addWidget(end_p)
        pl.addLayout(prow)
        return self.patterns_box

    def load(self) -> None:
        assert self.volunteer_id is not None
        d = workspace.volunteer_detail(self.desk, self.volunteer_id)
        self.code.setText(d.code)
        self.name.setText(d.name)
        self.phone.setText(d.phone)
        self.languages.setText(d.languages)
        self.status.setCurrentIndex(max(0, self.status.findData(d.status)))
        self.weekly_max.setValue(d.weekly_max or 0)
        if d.joined_on:
            self.joined.setDate(qdate(d.joined_on))
        self.notes.setPlainText(d.notes)
        if pins.has_pin(self.desk, self.volunteer_id):
            self.pin_state.setText(self.tr("A PIN is set; type a new one to change it."))
            self.pin_clear.show()
        self.trainings.setRowCount(0)
        for t in d.trainings:
            self.add_training_row(t.kind, t.title, t.taken_on, t.hours)
        self.show_patterns(d.patterns)

    def show_patterns(self, patterns: tuple[workspace.PatternRow, ...]) -> None:
        self.patterns.setRowCount(0)
        for p in patterns:
            r = self.patterns.rowCount()
            self.patterns.insertRow(r)
            first = QTableWidgetItem(weekday_name(p.weekday))
            first.setData(Qt.ItemDataRole.UserRole, p.id)
            self.patterns.setItem(r, 0, first)
            self.patterns.setItem(r, 1, QTableWidgetItem(slot_short(p.slot)))
            until = day_text(p.valid_to) if p.valid_to else self.tr("no end")
            self.patterns.setItem(r, 2, QTableWidgetItem(f"{day_text(p.valid_from)} → {until}"))

    def add_training_row(self, kind: str, title: str, taken: date, hours: float) -> None:
        r = self.trainings.rowCount()
        self.trainings.insertRow(r)
        combo = QComboBox()
        combo.addItem(self.tr("Basic (基礎)"), "basic")
        combo.addItem(self.tr("Special (特殊)"), "special")
        combo.setCurrentIndex(0 if kind == "basic" else 1)
        self.trainings.setCellWidget(r, 0, combo)
        self.trainings.setItem(r, 1, QTableWidgetItem(title))
        when = RocDateEdit(qdate(taken))
        when.setCalendarPopup(True)
        self.trainings.setCellWidget(r, 2, when)
        spin = QDoubleSpinBox()
        spin.setRange(0, 500)
        spin.setDecimals(1)
        spin.setValue(hours)
        self.trainings.setCellWidget(r, 3, spin)

    def data(self) -> VolunteerInput:
        trainings = []
        for r in range(self.trainings.rowCount()):
            kind = self.trainings.cellWidget(r, 0)
            title = self.trainings.item(r, 1)
            when = self.trainings.cellWidget(r, 2)
            hours = self.trainings.cellWidget(r, 3)
            assert isinstance(kind, QComboBox) and isinstance(when, QDateEdit)
            assert isinstance(hours, QDoubleSpinBox)
            trainings.append(
                (
                    kind.currentData(),
                    title.text() if title else "",
                    pydate(when.date()),
                    hours.value(),
                )
            )
        return VolunteerInput(
            code=self.code.text(),
            name=self.name.text(),
            phone=self.phone.text().strip() or None,
            languages=self.languages.text(),
            status=self.status.currentData(),
            weekly_max=self.weekly_max.value() or None,
            notes=self.notes.toPlainText(),
            joined_on=pydate(self.joined.date()),
            trainings=trainings,
        )

    def save(self) -> None:
        data = self.data()
        pin = self.pin.text()
        if pin and not is_valid_pin(pin):  # checked first: nothing is half saved
            self.banner.error(
                self.tr("A PIN is exactly {digits} digits.").format(digits=PIN_DIGITS)
            )
            return
        if self.volunteer_id is None:
            ok, new_id = attempt(self.banner, volunteers.add, self.desk, data)
            if ok:
                self.volunteer_id = new_id
        else:
            ok, _ = attempt(self.banner, volunteers.update, self.desk, self.volunteer_id, data)
        if ok and self.volunteer_id is not None and (pin or self.pin_clear.isChecked()):
            ok, _ = attempt(self.banner, pins.set_pin, self.desk, self.volunteer_id, pin or None)
        if ok:
            self.accept()

    def add_pattern(self) -> None:
        assert self.volunteer_id is not None
        ok, _ = attempt(
            self.banner,
            volunteers.add_pattern,
            self.desk,
            self.volunteer_id,
            self.p_weekday.currentData(),
            self.p_slot.currentData(),
            pydate(self.p_from.date()),
        )
        if ok:
            self.banner.ok(
                self.tr("Weekly duty added. Generate the month on the roster page to use it.")
            )
            self.show_patterns(workspace.volunteer_detail(self.desk, self.volunteer_id).patterns)

    def end_pattern(self) -> None:
        item = self.patterns.item(self.patterns.currentRow(), 0)
        if item is None or self.volunteer_id is None:
            self.banner.info(self.tr("Select a weekly duty first."))
            return
        ok, _ = attempt(
            self.banner,
            volunteers.end_pattern,
            self.desk,
            int(item.data(Qt.ItemDataRole.UserRole)),
            local_day(self.desk.now()),
        )
        if ok:
            self.banner.ok(self.tr("The weekly duty ends today; the roster already made is kept."))
            self.show_patterns(workspace.volunteer_detail(self.desk, self.volunteer_id).patterns)
