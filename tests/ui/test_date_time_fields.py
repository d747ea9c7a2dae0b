"""Date and time fields as a supervisor types and reads them: the calendar popup of every
date field is headed 民國115年11月 (Qt's said 「11月 2026」), and every time field takes 1620,
16:20, 16.20 and 16：20 (Qt's refused 1620)."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QTimeEdit, QWidget

from frontdesk.core.timeutil import parse_clock_text
from frontdesk.ui.supervisor import SupervisorWindow
from frontdesk.ui.supervisor.arrange import ArrangeDialog
from frontdesk.ui.supervisor.attendance import TimesDialog
from frontdesk.ui.supervisor.volunteer_form import VolunteerDialog
from frontdesk.ui.widgets.dates import ClockEdit, RocCalendar
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def _widgets(desk) -> list[QWidget]:  # type: ignore[no-untyped-def]
    return [
        SupervisorWindow(desk, "boss", "王督導"),
        TimesDialog(desk, "補登"),
        VolunteerDialog(desk),
        ArrangeDialog(desk),
    ]


def _visible_heading(calendar: QCalendarWidget) -> str:
    """The words a person reads above the month grid."""
    bar = calendar.findChild(QWidget, "qt_calendar_navigationbar")
    assert bar is not None
    return " ".join(
        w.text()  # type: ignore[attr-defined]
        for w in bar.findChildren(QWidget)
        if hasattr(w, "text") and w.isVisibleTo(bar) and w.text()  # type: ignore[attr-defined]
    )


def test_every_date_field_s_calendar_is_headed_by_the_roc_year_and_month(
    qtbot, desk, boss, zh
) -> None:  # type: ignore[no-untyped-def]
    seen = 0
    for widget in _widgets(desk):
        qtbot.addWidget(widget)
        for edit in widget.findChildren(QDateEdit):
            assert edit.calendarPopup()
            calendar = edit.calendarWidget()
            assert isinstance(calendar, RocCalendar)
            edit.setDate(QDate(2026, 11, 2))
            calendar.setCurrentPage(2026, 11)
            heading = _visible_heading(calendar)
            assert "民國115年11月" in heading, heading
            assert "2026" not in heading, heading
            calendar.showNextMonth()
            assert "民國115年12月" in _visible_heading(calendar)
            seen += 1
    assert seen >= 5


@pytest.mark.parametrize("typed", ["1620", "16:20", "16.20", "16：20", "１６２０", " 16:20 "])
def test_a_time_is_read_as_people_type_it(typed: str) -> None:
    assert parse_clock_text(typed) == time(16, 20)


@pytest.mark.parametrize("typed", ["", "2460", "16:61", "abc", "16:2", "1:2:3"])
def test_what_is_not_a_time_is_not_read_as_one(typed: str) -> None:
    assert parse_clock_text(typed) is None


@pytest.mark.parametrize("typed", ["1620", "16.20", "16：20", "16:20"])
def test_every_time_field_takes_1620_as_typed(qtbot, desk, boss, typed: str) -> None:  # type: ignore[no-untyped-def]
    seen = 0
    for widget in _widgets(desk):
        qtbot.addWidget(widget)
        for edit in widget.findChildren(QTimeEdit):
            assert isinstance(edit, ClockEdit), edit
            edit.setEnabled(True)
            edit.setTime(QTime(9, 0))
            edit.lineEdit().selectAll()
            QTest.keyClick(edit.lineEdit(), Qt.Key.Key_Delete)
            edit.lineEdit().insert(typed)
            edit.interpretText()
            assert edit.time() == QTime(16, 20), (typed, edit.text())
            assert edit.text() == "16:20"
            seen += 1
    assert seen >= 4  # the hand entry's in and out, the settings' slot hours
