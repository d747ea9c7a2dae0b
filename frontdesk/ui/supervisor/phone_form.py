"""The phone courtesy test form, laid out like the paper 電話服務品質及禮貌測試紀錄表: its head
(unit, extension, date and time, topic, tester, person tested), then 壹 answer speed, 貳
courtesy and 參 content side by side with their boxes and bands, and the running total.

Each item's points and the total are computed by core.phone_tests as the boxes change; a
band's points can only be chosen within the band, and the use case refuses anything else.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QSize, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core import phone_tests as rules
from frontdesk.core.phone_tests import AnswerWay, CallMarks, ContentWay, Item
from frontdesk.core.timeutil import at, local
from frontdesk.services import phone_tests
from frontdesk.services.context import Desk
from frontdesk.ui.supervisor.common import attempt, pydate, qdate
from frontdesk.ui.widgets.dates import ClockEdit, RocDateEdit
from frontdesk.ui.widgets.form import FormDialog
from frontdesk.words import phone as words

FORM_QSS = "QWidget { font-size: 12pt; } QLabel#total { font-size: 18pt; font-weight: bold; }"


class BandChoice(QWidget):
    """One set of the form's checkbox rows (bands) and the points, kept inside the band."""

    def __init__(self, bands: tuple[rules.Band, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bands = bands
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for i, b in enumerate(bands):
            r = QRadioButton(words.band_text(b))
            self.group.addButton(r, i)
            self.radios[b.code] = r
            box.addWidget(r)
        row = QHBoxLayout()
        self.points = QSpinBox()
        self.points.setSuffix(" " + self.tr("points"))
        row.addWidget(self.points)
        row.addStretch(1)
        box.addLayout(row)
        self.group.idToggled.connect(self._band_changed)
        self.radios[bands[0].code].setChecked(True)
        self.points.setValue(bands[0].hi)

    def _band_changed(self, index: int, checked: bool) -> None:
        if checked:
            b = self.bands[index]
            self.points.setRange(b.lo, b.hi)

    @property
    def band(self) -> str:
        return self.bands[max(0, self.group.checkedId())].code

    def set(self, code: str, points: int) -> None:
        self.radios[code].setChecked(True)
        self.points.setValue(points)


SECTIONS_MAX_HEIGHT = 430  # px: the dialog then fits 1366x768 with a title bar and task bar


class FittedScroll(QScrollArea):
    """The form's three sections, as wide as they need and at most SECTIONS_MAX_HEIGHT tall:
    a taller form scrolls inside the dialog instead of running off a 768-pixel screen."""

    def __init__(self, inner: QWidget) -> None:
        super().__init__()
        self.inner = inner
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

    def sizeHint(self) -> QSize:
        inner = self.inner.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(inner.width() + bar, min(inner.height(), SECTIONS_MAX_HEIGHT))


class PhoneTestDialog(FormDialog):
    """A new test call, entered as on paper; `test_id` is set once it is recorded."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Phone courtesy test"), self.tr("Record the test"), self.tr("Cancel"), parent
        )
        self.desk = desk
        self.test_id: int | None = None
        self.setStyleSheet(FORM_QSS)
        self.body.addWidget(self._head())
        # The three sections scroll inside the dialog, so it fits a 1366x768 screen with
        # its title bar and the task bar (登錄測試 was half off the screen).
        sections = QWidget()
        columns = QHBoxLayout(sections)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(self._answer_box(), 3)
        columns.addWidget(self._courtesy_box(), 3)
        columns.addWidget(self._content_box(), 5)
        self.sections = FittedScroll(sections)
        self.body.addWidget(self.sections, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Notes")))
        self.notes = QLineEdit()
        bottom.addWidget(self.notes, 1)
        self.total = QLabel()
        self.total.setObjectName("total")
        bottom.addWidget(self.total)
        self.body.addLayout(bottom)
        for signal in self._changes():
            signal.connect(self.recount)
        self.recount()
        self.submit_with(self.save)
        self.resize(self.sizeHint())

    def _head(self) -> QWidget:
        """受測單位, 電話(分機), 測試日期時間, 測試主題, 測試人員, 受測人員."""
        w = QWidget()
        grid = QGridLayout(w)
        grid.setContentsMargins(0, 0, 0, 0)
        self.unit, self.extension = QLineEdit(), QLineEdit()
        self.topic, self.tester = QLineEdit(), QLineEdit()
        now = local(self.desk.now())
        self.day = RocDateEdit(qdate(now.date()))
        self.clock = ClockEdit(QTime(now.hour, now.minute))  # takes 1330 as typed
        self.person = QComboBox()
        self.person.addItem(self.tr("A staff member (type the name)"), None)
        for vid, code, name in phone_tests.volunteer_choices(self.desk):
            self.person.addItem(f"{name}（{code}）", vid)
        self.staff = QLineEdit()
        self.staff.setPlaceholderText(self.tr("Staff member's name"))
        self.person.currentIndexChanged.connect(self._person_changed)
        self.person_picked = False  # set once the supervisor chooses: no longer followed
        self.person.activated.connect(self._person_picked)
        self.day.dateChanged.connect(self._follow_duty)
        self.clock.timeChanged.connect(self._follow_duty)
        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addWidget(self.clock)
        who = QHBoxLayout()
        who.addWidget(self.person, 1)
        who.addWidget(self.staff, 1)
        cells: list[tuple[str, QWidget | QHBoxLayout]] = [
            (self.tr("Unit tested"), self.unit),
            (self.tr("Phone (extension)"), self.extension),
            (self.tr("Date and time"), when),
            (self.tr("Topic"), self.topic),
            (self.tr("Tester"), self.tester),
            (self.tr("Person tested"), who),
        ]
        for i, (label, field) in enumerate(cells):
            row, col = divmod(i, 2)
            grid.addWidget(QLabel(label), row, col * 2)
            if isinstance(field, QWidget):
                grid.addWidget(field, row, col * 2 + 1)
            else:
                grid.addLayout(field, row, col * 2 + 1)
        self._follow_duty()
        return w

    def _person_picked(self) -> None:
        self.person_picked = True

    def _follow_duty(self) -> None:
        """受測人員 starts on whoever was signed in at the test's date and time, and on
        nobody (a staff name to type, or a volunteer to choose) when that is not known: a
        wrong default (the first volunteer on the list) was recorded unnoticed."""
        if self.person_picked:
            return
        d, t = pydate(self.day.date()), self.clock.time()
        vid = phone_tests.on_duty_at(self.desk, at(d, time(t.hour(), t.minute())))
        index = self.person.findData(vid) if vid is not None else 0
        self.person.setCurrentIndex(max(index, 0))
        self._person_changed()

    def _person_changed(self) -> None:
        self.staff.setEnabled(self.person.currentData() is None)

    def _answer_box(self) -> QGroupBox:
        """壹、接聽速度: which way was scored, the ring and what happened on the line."""
        box = QGroupBox(self.tr("I. Answer speed (30)"))
        v = QVBoxLayout(box)
        self.switchboard = QRadioButton(self.tr("Voice system or switchboard answered"))
        self.in_person = QRadioButton(self.tr("The person tested answered"))
        self.in_person.setChecked(True)
        ways = QButtonGroup(box)
        for r in (self.switchboard, self.in_person):
            ways.addButton(r)
            v.addWidget(r)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Rang for")))
        self.seconds = QSpinBox()
        self.seconds.setRange(0, 600)
        self.seconds.setValue(8)
        self.seconds.setSuffix(" " + self.tr("s"))
        row.addWidget(self.seconds)
        row.addStretch(1)
        v.addLayout(row)
        self.unanswered = QCheckBox(self.tr("Not answered, cut off or out of order"))
        v.addWidget(self.unanswered)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Internal transfers")))
        self.transfers = QSpinBox()
        self.transfers.setRange(0, 20)
        row.addWidget(self.transfers)
        row.addStretch(1)
        v.addLayout(row)
        self.dropped = QCheckBox(self.tr("The call dropped while being transferred"))
        v.addWidget(self.dropped)
        rule = QLabel(self.tr("Within 10 s: 30; 5 off for every further 3 s; 25 s: 0."))
        rule.setWordWrap(True)
        v.addWidget(rule)
        self.answer_points = QLabel()
        v.addWidget(self.answer_points)
        v.addStretch(1)
        return box

    def _courtesy_box(self) -> QGroupBox:
        """貳、電話禮貌: unit or surname, greeting, tone (bands), polite closing."""
        box = QGroupBox(self.tr("II. Courtesy (40)"))
        v = QVBoxLayout(box)
        self.states_unit = QCheckBox(self.tr("States the unit or surname (10)"))
        self.greets = QCheckBox(self.tr("Says hello or a greeting (10)"))
        self.states_unit.setChecked(True)
        self.greets.setChecked(True)
        v.addWidget(self.states_unit)
        v.addWidget(self.greets)
        v.addWidget(QLabel(self.tr("Tone:")))
        self.tone = BandChoice(rules.TONE_BANDS)
        v.addWidget(self.tone)
        self.closes = QCheckBox(self.tr("A polite closing (10)"))
        self.closes.setChecked(True)
        v.addWidget(self.closes)
        self.courtesy_points = QLabel()
        v.addWidget(self.courtesy_points)
        v.addStretch(1)
        return box

    def _content_box(self) -> QGroupBox:
        """參、答話內容: the case officer's answer, or the stand-in's reason and answer."""
        box = QGroupBox(self.tr("III. Content (30)"))
        v = QVBoxLayout(box)
        self.officer = QRadioButton(self.tr("The case officer answered"))
        self.stand_in = QRadioButton(self.tr("A stand-in answered"))
        self.officer.setChecked(True)
        ways = QButtonGroup(box)
        ways.addButton(self.officer)
        ways.addButton(self.stand_in)
        v.addWidget(self.officer)
        self.officer_bands = BandChoice(rules.OFFICER_BANDS)
        v.addWidget(self.officer_bands)
        v.addWidget(self.stand_in)
        self.reason = QCheckBox(self.tr("Gave a reasonable reason why the officer cannot (10)"))
        v.addWidget(self.reason)
        self.stand_in_bands = BandChoice(rules.STAND_IN_BANDS)
        v.addWidget(self.stand_in_bands)
        self.content_points = QLabel()
        v.addWidget(self.content_points)
        v.addStretch(1)
        return box

    def _changes(self) -> list:  # type: ignore[type-arg]
        return [
            self.switchboard.toggled,
            self.seconds.valueChanged,
            self.unanswered.toggled,
            self.transfers.valueChanged,
            self.dropped.toggled,
            self.states_unit.toggled,
            self.greets.toggled,
            self.tone.points.valueChanged,
            self.tone.group.idToggled,
            self.closes.toggled,
            self.officer.toggled,
            self.officer_bands.points.valueChanged,
            self.officer_bands.group.idToggled,
            self.reason.toggled,
            self.stand_in_bands.points.valueChanged,
            self.stand_in_bands.group.idToggled,
        ]

    def marks(self) -> CallMarks:
        """The boxes as ticked, in the core's terms."""
        officer = self.officer.isChecked()
        content = self.officer_bands if officer else self.stand_in_bands
        return CallMarks(
            answer_way=AnswerWay.SWITCHBOARD if self.switchboard.isChecked() else AnswerWay.PERSON,
            ring_seconds=None if self.unanswered.isChecked() else self.seconds.value(),
            transfers=self.transfers.value(),
            dropped=self.dropped.isChecked(),
            states_unit=self.states_unit.isChecked(),
            greets=self.greets.isChecked(),
            tone_band=self.tone.band,
            tone=self.tone.points.value(),
            closes_politely=self.closes.isChecked(),
            content_way=ContentWay.OFFICER if officer else ContentWay.STAND_IN,
            content_band=content.band,
            content=content.points.value(),
            stand_in_reason=self.reason.isChecked() and not officer,
        )

    def recount(self) -> None:
        """Each section's points and the running total, as core.phone_tests counts them."""
        officer = self.officer.isChecked()
        self.officer_bands.setEnabled(officer)
        self.stand_in_bands.setEnabled(not officer)
        self.reason.setEnabled(not officer)
        self.seconds.setEnabled(not self.unanswered.isChecked())
        try:
            scores = rules.item_scores(self.marks())
        except ValueError:  # a band just changed under its points: the next signal settles it
            self.total.setText(self.tr("Total: —"))
            return
        points = self.tr("Points: {points}")
        self.answer_points.setText(points.format(points=scores[Item.ANSWER]))
        self.courtesy_points.setText(points.format(points=rules.courtesy(scores)))
        self.content_points.setText(points.format(points=scores[Item.CONTENT]))
        self.total.setText(self.tr("Total: {total} points").format(total=rules.total(scores)))

    def test_form(self) -> phone_tests.TestForm:
        d = pydate(self.day.date())
        t = self.clock.time()
        vid = self.person.currentData()
        return phone_tests.TestForm(
            tested_at=at(d, time(t.hour(), t.minute())),
            marks=self.marks(),
            unit=self.unit.text(),
            extension=self.extension.text(),
            topic=self.topic.text(),
            tester=self.tester.text(),
            volunteer_id=vid,
            staff_name="" if vid is not None else self.staff.text(),
            notes=self.notes.text(),
        )

    def save(self) -> None:
        ok, test_id = attempt(self.banner, phone_tests.record_test, self.desk, self.test_form())
        if ok:
            self.test_id = test_id
            self.accept()
