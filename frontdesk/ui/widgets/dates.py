"""The one date editor: it shows and takes dates in the ROC form of every table (115/12/01).

Qt's date editors can only count western years, so a plain QDateEdit showed 2026/12/01
beside tables saying 115/12/01. RocDateEdit keeps QDateEdit's behaviour (calendar popup,
wheel and arrow keys per part, typing) and writes the year as frontdesk.words.dates does.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

from frontdesk.core.timeutil import ROC_OFFSET
from frontdesk.words.dates import DATE_EDIT_FORMAT

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


class RocDateEdit(QDateEdit):
    """A QDateEdit whose text is the ROC date (115/12/01): every date field uses it."""

    def __init__(self, date: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
