"""The one date editor and the one time editor of the workspace.

RocDateEdit shows and takes dates in the ROC form of every table (115/12/01), and its
calendar popup is headed 民國115年11月 (Qt's own heading said 「11月 2026」). ClockEdit takes
a time as people type it: 16:20, 1620, 16.20 or 16：20 (core.timeutil.parse_clock_text).

Qt's date editors can only count western years, so a plain QDateEdit showed 2026/12/01
beside tables saying 115/12/01. RocDateEdit keeps QDateEdit's behaviour (calendar popup,
wheel and arrow keys per part, typing) and writes the year as frontdesk.words.dates does.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QShowEvent,
    QTextCharFormat,
    QValidator,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCalendarWidget,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QToolButton,
    QToolTip,
    QWidget,
)

from frontdesk.core.timeutil import ROC_OFFSET, parse_clock_text
from frontdesk.words.dates import DATE_EDIT_FORMAT, format_roc_month

# 115/12/1, 115/12/01, 115.12.16 or 115-12-16; a western year (2026/12/01) is taken too,
# for a habit of typing one.
_TYPED = re.compile(r"^\s*(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,2})\s*$")
# 1151216 (yyyMMdd, as ROC dates are written on forms) or 20261216, all digits.
_COMPACT = re.compile(r"^\s*(\d{3}|\d{4})(\d{2})(\d{2})\s*$")
_PARTIAL = re.compile(r"^\s*(\d{0,8}|\d{0,4}([/.\-]\d{0,2}([/.\-]\d{0,2})?)?)\s*$")


def roc_text(d: QDate) -> str:
    """115/12/01 for a QDate (a date before 1912 keeps its western year)."""
    year = d.year() - ROC_OFFSET if d.year() > ROC_OFFSET else d.year()
    return f"{year}/{d.month():02d}/{d.day():02d}"


def parse_roc_text(text: str) -> QDate | None:
    """The date a person typed as 115/12/01, 115.12.01, 1151201 (or 2026/12/01), None when
    it is not one (full-width digits and separators are read as their plain forms)."""
    text = unicodedata.normalize("NFKC", text)
    m = _TYPED.match(text) or _COMPACT.match(text)
    if m is None:
        return None
    year, month, day = (int(g) for g in m.groups())
    if year < 1000:
        year += ROC_OFFSET
    d = QDate(year, month, day)
    return d if d.isValid() else None


log = logging.getLogger(__name__)

# The government's days off of a month ({day: name}), from the calendar data: set once by
# the workspace (which holds the desk), so every calendar popup can mark them.
HolidaySource = Callable[[int, int], Mapping[date, str]]
_holidays: HolidaySource | None = None
HOLIDAY_COLOUR = "#c62828"  # red, as a printed calendar marks its days off


def set_holiday_source(source: HolidaySource | None) -> None:
    """Where calendar popups learn a month's days off (None: they mark only weekends)."""
    global _holidays
    _holidays = source


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
        self.mark_holidays(year, month)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.mark_holidays(self.yearShown(), self.monthShown())

    def mark_holidays(self, year: int, month: int) -> None:
        """Write the month's government days off in red and bold (set_holiday_source)."""
        if _holidays is None:
            return
        try:
            days = _holidays(year, month)
        except Exception:  # a calendar that cannot be read must not stop the date field
            log.exception("holidays unreadable")
            return
        first = date(year, month, 1)
        red = QTextCharFormat()
        red.setForeground(QBrush(QColor(HOLIDAY_COLOUR)))
        red.setFontWeight(700)
        d = first
        while d.month == month:
            q = QDate(d.year, d.month, d.day)
            self.setDateTextFormat(q, red if d in days else QTextCharFormat())
            d += timedelta(days=1)


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
        self.refused = ""  # the last text left that was not a date, said beside the field
        self.setToolTip(
            QCoreApplication.translate("RocDateEdit", "e.g. 115/12/16, 115.12.16 or 1151216")
        )

    def textFromDateTime(self, dt: QDateTime) -> str:
        return roc_text(dt.date())

    def dateTimeFromText(self, text: str) -> QDateTime:
        d = parse_roc_text(text)
        return QDateTime(d if d is not None else self.date(), QTime(0, 0))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if parse_roc_text(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if _PARTIAL.match(unicodedata.normalize("NFKC", text)):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        return roc_text(self.date())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        _select_all_soon(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _typed_as_text(self, event, "/.-／．－"):
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving a text that is not a date says so beside the field (Qt put the old date
        back without a word), then the field shows the date it keeps."""
        typed = self.text()
        self.refused = "" if parse_roc_text(typed) is not None else typed
        if self.refused:
            QToolTip.showText(
                self.mapToGlobal(self.rect().bottomLeft()),
                QCoreApplication.translate(
                    "RocDateEdit",
                    "{typed} is not a date, so {kept} is kept. Write it as 115/12/16, "
                    "115.12.16 or 1151216.",
                ).format(typed=typed.strip(), kept=roc_text(self.date())),
                self,
            )
        super().focusOutEvent(event)

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

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        _select_all_soon(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _typed_as_text(self, event, ":.：． "):
            super().keyPressEvent(event)


def _select_all_soon(edit: QDateTimeEdit) -> None:
    """Select the whole text on entering a date or time field, so what is typed replaces it.

    Qt selects only the first part (the hour, the year): typing 1330 then wrote 1 over the
    hour and the rest into the minutes (01:33). Deferred, as a mouse press placing the
    cursor comes after the focus.
    """
    QTimer.singleShot(0, edit.lineEdit().selectAll)


def _typed_as_text(edit: QDateTimeEdit, event: QKeyEvent, separators: str) -> bool:
    """Put a typed digit or separator into the text as into any text field; True when done.

    QDateTimeEdit's own handling writes a typed digit into the part under the cursor and
    jumps between parts, so 1330 became 01:33, 1620 became 01:62 and 1151216 nothing. The
    text is read as a whole (parse_clock_text, parse_roc_text) instead; arrows, Enter and
    the rest keep Qt's behaviour.
    """
    typed = event.text()
    plain = not event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    erase = event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
    if plain and (erase or (len(typed) == 1 and (typed.isdigit() or typed in separators))):
        # Backspace and Delete too: Qt's stopped at a separator (11:30 erased to 「11:」).
        QAbstractSpinBox.keyPressEvent(edit, event)
        return True
    return False
