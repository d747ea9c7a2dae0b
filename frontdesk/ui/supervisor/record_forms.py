"""The small forms of the service record: hours entered by hand, prior hours, a recognition
received. Each runs its use case on OK and stays open with the reason when refused."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QWidget

from frontdesk.core.recognition import HONOR_CARD, card_expiry
from frontdesk.services import records
from frontdesk.services.context import Desk
from frontdesk.ui.supervisor.common import attempt, pydate, qdate
from frontdesk.ui.widgets.dates import RocDateEdit
from frontdesk.ui.widgets.form import FormDialog
from frontdesk.words.records import goal_codes, goal_name


def hours_box(most: float) -> QDoubleSpinBox:
    """Hours in 0.5 h steps, as the national system takes them."""
    box = QDoubleSpinBox()
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setRange(0.5, most)
    box.setValue(3.0)
    return box


class HoursForm(FormDialog):
    """補登時數: a day, its hours, the service item and the reason."""

    def __init__(self, desk: Desk, code: str, today: QDate, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Enter service hours by hand"), self.tr("Save"), self.tr("Cancel"), parent
        )
        self.desk, self.code = desk, code
        self.day = RocDateEdit(today)
        self.hours = hours_box(24)
        self.item = QLineEdit()
        self.item.setPlaceholderText(self.tr("desk duty unless told"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. health talk in the community"))
        self.form.addRow(self.tr("Date"), self.day)
        self.form.addRow(self.tr("Hours"), self.hours)
        self.form.addRow(self.tr("Service item"), self.item)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.submit_with(self.save, [self.item, self.reason])

    def save(self) -> None:
        minutes = round(self.hours.value() * 60)
        ok, _ = attempt(
            self.banner,
            records.add_hours,
            self.desk,
            self.code,
            pydate(self.day.date()),
            minutes,
            self.reason.text(),
            self.item.text(),
        )
        if ok:
            self.accept()


class PriorForm(FormDialog):
    """既有時數: hours served before the app or at another agency, with source and range."""

    def __init__(self, desk: Desk, code: str, today: QDate, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Enter prior hours"), self.tr("Save"), self.tr("Cancel"), parent)
        self.desk, self.code = desk, code
        self.first = RocDateEdit(today.addYears(-1))
        self.last = RocDateEdit(today)
        self.hours = hours_box(100_000)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("the agency where they were served"))
        self.form.addRow(self.tr("From"), self.first)
        self.form.addRow(self.tr("Until"), self.last)
        self.form.addRow(self.tr("Hours"), self.hours)
        self.form.addRow(self.tr("Served at"), self.source)
        self.submit_with(self.save, [self.source])

    def save(self) -> None:
        ok, _ = attempt(
            self.banner,
            records.add_prior,
            self.desk,
            self.code,
            pydate(self.first.date()),
            pydate(self.last.date()),
            round(self.hours.value() * 60),
            self.source.text(),
        )
        if ok:
            self.accept()


class GrantForm(FormDialog):
    """A recognition received: which, approved on, valid until (a card: three years), number."""

    def __init__(self, desk: Desk, code: str, today: QDate, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Record a recognition received"), self.tr("Save"), self.tr("Cancel"), parent
        )
        self.desk, self.code = desk, code
        self.kind = QComboBox()
        for goal in goal_codes():
            self.kind.addItem(goal_name(goal), goal)
        self.approved = RocDateEdit(today)
        self.expires = RocDateEdit(qdate(card_expiry(pydate(today))))
        self.number = QLineEdit()
        self.form.addRow(self.tr("Kind of recognition"), self.kind)
        self.form.addRow(self.tr("Approved on"), self.approved)
        self.form.addRow(self.tr("Valid until (honor card)"), self.expires)
        self.form.addRow(self.tr("Number"), self.number)
        self.approved.dateChanged.connect(
            lambda d: self.expires.setDate(qdate(card_expiry(pydate(d))))
        )
        self.kind.currentIndexChanged.connect(lambda _i: self._card())
        self._card()
        self.submit_with(self.save, [self.number])

    def _card(self) -> None:
        self.expires.setEnabled(self.kind.currentData() == HONOR_CARD)

    def save(self) -> None:
        kind = str(self.kind.currentData())
        ok, _ = attempt(
            self.banner,
            records.add_grant,
            self.desk,
            self.code,
            kind,
            pydate(self.approved.date()),
            pydate(self.expires.date()) if kind == HONOR_CARD else None,
            self.number.text(),
        )
        if ok:
            self.accept()
