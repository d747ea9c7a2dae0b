"""停止上班 names the volunteers on duty right now: closing the day said only how many
rostered duties were cancelled, not that someone was at the desk."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate

from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, roster
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.calendar import CalendarPage
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

NOV2 = date(2026, 11, 2)


def test_closing_the_day_names_who_is_on_duty_now(
    qtbot, desk, make_volunteer, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    vid = make_volunteer("V004")
    roster.assign(desk, ShiftKey(NOV2, "AM"), vid)
    attendance.scan(desk, "V004", now=at(NOV2, time(8, 25)))
    page = CalendarPage(desk)
    qtbot.addWidget(page)
    page.close_day.setDate(QDate(2026, 11, 2))
    asked: list[str] = []
    monkeypatch.setattr(common, "confirm", lambda _p, _t, text: asked.append(text) or False)
    page.close_selected()
    (question,) = asked
    assert "V004" in question, question
