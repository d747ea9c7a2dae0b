"""The roster's ◀上個月 / 下個月▶ turn the month with a duty chosen too: the page chose the
duty again on refreshing and turned the month back, so the buttons did nothing."""

from __future__ import annotations

from datetime import date

from frontdesk.core.roster import ShiftKey
from frontdesk.ui.supervisor.roster import RosterPage
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def test_the_month_buttons_turn_the_month_with_a_duty_chosen(qtbot, desk) -> None:  # type: ignore[no-untyped-def]
    page = RosterPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    assert page.month_of() == (2026, 11)
    page.select_shift(ShiftKey(date(2026, 11, 3), "AM"))
    assert page.shift is not None
    page.picker.next.click()
    assert page.month_of() == (2026, 12)
    assert page.shift is None
    assert not page.assign_button.isEnabled()
    page.picker.prev.click()
    page.picker.prev.click()
    assert page.month_of() == (2026, 10)
    page.select_shift(ShiftKey(date(2026, 10, 6), "PM"))
    page.picker.next.click()
    assert page.month_of() == (2026, 11)
