"""The one date editor and the one time editor of the workspace.

RocDateEdit shows and takes dates in the ROC form of every table (115/12/01), and its
calendar popup is headed 民國115年11月 (Qt's own heading said 「11月 2026」). ClockEdit takes
a time as people type it: 16:20, 1620, 16.20 or 16：20 (core.timeutil.parse_clock_text).

Qt's date editors can only count western years, so a plain QDateEdit showed 2026/12/01
beside tables saying 115/12/01. RocDateEdit keeps QDateEdit's behaviour (calendar popup,
wheel and arrow keys per part, typing) and writes the year as frontdesk.words.dates does.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from frontdesk.core.timeutil import ROC_OFFSET, parse_clock_text
from frontdesk.words.dates import DATE_EDIT_FORMAT, format_roc_month

# 115/12/1 or 115/12/01; a western year (2026/12/01) is taken too, for a habit of typing one.
_TYPED = re.compile(r"^\s*(\d{1,4})/(\d{1,2})/(\d{1,2})\s*$")
_PARTIAL = re.compile(r"^\s*\d{0,4}(/\d{0,2}(/\d{0,2})?)?\s*$")


def roc_text(d: QDate) -> str:
    """115/12/01 for a QDate (a date before 1912 keeps its western year)."""
    year = d.year() - ROC_OFFSET if d.year() > ROC_OFFSET else d.year()
    return f"{year}/{d.month():02d}/{d.day():02d}"


def parse_roc_text(text: str) -> QDate | None:
    """The date a person typed as 115/12/01 (or 2026/12/01), None when it is not one."""
    m = _TYPED.match(text)
    if m is None:
        return None
    year, month, day = (int(g) for g in m.groups())
    if year < 1000:
        year += ROC_OFFSET
    d = QDate(year, month, day)
    return d if d.isValid() else None


class RocCalendar(QCalendarWidget):
    """A month calendar headed 民國115年11月 (format_roc_month) instead of Qt's 「11月 2026」.

    Qt's heading is a month button and a year button whose text and year editor can only
    count western years; both are hidden and one label takes their place. The arrows beside
    it still turn the months.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.heading = QLabel(self)
        self.heading.setObjectName("roc_calendar_heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = self.findChild(QWidget, "qt_calendar_navigationbar")
        layout = bar.layout() if bar is not None else None
        if isinstance(layout, QHBoxLayout):
            for name in ("qt_calendar_monthbutton", "qt_calendar_yearbutton"):
                button = bar.findChild(QToolButton, name) if bar is not None else None
                if button is not None:
                    button.hide()
                    layout.removeWidget(button)
            year_edit = bar.findChild(QWidget, "qt_calendar_yearedit") if bar is not None else None
            if year_edit is not None:
                year_edit.hide()
            self.heading.setStyleSheet("font-weight: bold; padding: 4px 12px;")
            layout.insertWidget(2, self.heading, 1)
        self.currentPageChanged.connect(self._write_heading)
        self._write_heading(self.yearShown(), self.monthShown())

    def _write_heading(self, year: int, month: int) -> None:
        self.heading.setText(format_roc_month(year, month))


class RocDateEdit(QDateEdit):
    """A QDateEdit whose text is the ROC date (115/12/01) and whose popup is a RocCalendar:
    every date field uses it."""

    def __init__(self, date: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setCalendarWidget(RocCalendar(self))
        # The sections (year/month/day, for the arrow keys and the wheel) come from this
        # format; only their text is written in ROC years.
        self.setDisplayFormat(DATE_EDIT_FORMAT)
        if date is not None:
            self.setDate(date)

    def textFromDateTime(self, dt: QDateTime) -> str:
        return roc_text(dt.date())

    def dateTimeFromText(self, text: str) -> QDateTime:
        d = parse_roc_text(text)
        return QDateTime(d if d is not None else self.date(), QTime(0, 0))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if parse_roc_text(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if _PARTIAL.match(text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        return roc_text(self.date())

    def stepBy(self, steps: int) -> None:
        """Step the part the cursor is in, found in the ROC text (Qt would look for it where
        a four-digit year puts it), and select that part again."""
        edit = self.lineEdit()
        spans = _spans(self.text())
        pos = edit.cursorPosition()
        index = next((i for i, (_a, b) in enumerate(spans) if pos <= b), len(spans) - 1)
        self.setCurrentSection(_SECTIONS[index])
        super().stepBy(steps)
        start, end = _spans(self.text())[index]
        edit.setSelection(start, end - start)


_SECTIONS = (
    QDateTimeEdit.Section.YearSection,
    QDateTimeEdit.Section.MonthSection,
    QDateTimeEdit.Section.DaySection,
)


def _spans(text: str) -> list[tuple[int, int]]:
    """Where the year, month and day stand in '115/12/01': (start, end) each."""
    spans, start = [], 0
    for part in text.split("/")[:3]:
        spans.append((start, start + len(part)))
        start += len(part) + 1
    while len(spans) < 3:
        spans.append((start, start))
    return spans


# 16:20, 1620, 16.20, 16：20 and the beginnings of each, while they are being typed.
_PARTIAL_CLOCK = re.compile(r"^\s*\d{0,4}([:.：]\d{0,2})?\s*$")


class ClockEdit(QTimeEdit):
    """A QTimeEdit (hours and minutes, 16:20) that also takes 1620, 16.20 and 16：20 as typed:
    every time field uses it. Qt's own parser refused anything but its display format."""

    def __init__(self, value: QTime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        if value is not None:
            self.setTime(value)

    def textFromDateTime(self, dt: QDateTime) -> str:
        return dt.time().toString("HH:mm")

    def dateTimeFromText(self, text: str) -> QDateTime:
        t = parse_clock_text(text)
        value = QTime(t.hour, t.minute) if t is not None else self.time()
        return QDateTime(QDate(2000, 1, 1), value)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if parse_clock_text(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if _PARTIAL_CLOCK.match(text.replace("：", ":")):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        return self.time().toString("HH:mm")
