"""The calendar popup of every date field marks the government's days off in red, from the
calendar data (it marked weekends only)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor

from frontdesk.core.calendar import DayKind
from frontdesk.services import calendar
from frontdesk.ui.supervisor import SupervisorWindow
from frontdesk.ui.widgets import dates
from frontdesk.ui.widgets.dates import HOLIDAY_COLOUR, RocDateEdit
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def test_a_holiday_is_red_in_the_calendar_popup(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    holidays = [
        i.day
        for m in range(1, 13)
        for i in calendar.month(desk, 2026, m)
        if i.kind is DayKind.HOLIDAY and i.day.weekday() < 5
    ]
    assert holidays, "the calendar data holds holidays"
    day = holidays[-1]
    window = SupervisorWindow(desk, "boss", "王督導")
    qtbot.addWidget(window)
    try:
        edit = RocDateEdit(QDate(day.year, day.month, 1))
        qtbot.addWidget(edit)
        popup = edit.calendarWidget()
        popup.setCurrentPage(day.year, day.month)
        popup.mark_holidays(day.year, day.month)
        colour = popup.dateTextFormat(QDate(day.year, day.month, day.day)).foreground().color()
        assert colour == QColor(HOLIDAY_COLOUR), (day, colour.name())
        workday = next(
            i.day for i in calendar.month(desk, day.year, day.month) if i.kind is DayKind.WORKDAY
        )
        plain = popup.dateTextFormat(QDate(workday.year, workday.month, workday.day))
        assert plain.foreground().color() != QColor(HOLIDAY_COLOUR)
    finally:
        dates.set_holiday_source(None)
