"""Banners move no control and go when their page or tab is left: 「設定已儲存」 pushed 儲存設定
down, and old success banners stayed after a tab change (ui.widgets.form.Banner)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from frontdesk.services.context import Desk
from frontdesk.ui.supervisor import SupervisorWindow
from frontdesk.ui.widgets.form import Banner
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def _where(widget: QWidget) -> QPoint:
    return widget.mapTo(widget.window(), QPoint(0, 0))


def _window(qtbot: QtBot, desk: Desk) -> SupervisorWindow:
    window = SupervisorWindow(desk, "boss", "王督導")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_message_moves_no_button_on_any_page(
    qtbot: QtBot, desk: Desk, boss: str, zh: None
) -> None:
    window = _window(qtbot, desk)
    moved = []
    for row, page in enumerate(window.pages):
        window.nav.setCurrentRow(row)
        qtbot.wait(10)
        banners = [b for b in page.findChildren(Banner) if b.window() is window]
        buttons = [b for b in page.findChildren(QPushButton) if b.isVisible()]
        for banner in banners:
            before = {b: _where(b) for b in buttons}
            banner.ok("設定已儲存。")
            qtbot.wait(10)
            assert banner.isVisible()
            moved += [(type(page).__name__, b.text()) for b in buttons if _where(b) != before[b]]
            banner.error("無法儲存：上午班至少人數不能大於最多人數。請改正後再儲存一次。")
            qtbot.wait(10)
            moved += [(type(page).__name__, b.text()) for b in buttons if _where(b) != before[b]]
            banner.dismiss()
    assert not moved
    # The settings page's save button, the one the fault was found on.
    window.nav.setCurrentRow(window.pages.index(window.calendar))
    qtbot.wait(10)
    before = _where(window.calendar.save_button)
    window.calendar.save_settings()  # nothing changed: it says so
    qtbot.wait(10)
    assert window.calendar.banner.isVisible()
    assert _where(window.calendar.save_button) == before


def test_a_message_goes_when_its_page_or_tab_is_left(
    qtbot: QtBot, desk: Desk, boss: str, zh: None
) -> None:
    window = _window(qtbot, desk)
    window.nav.setCurrentRow(window.pages.index(window.calendar))
    window.calendar.banner.ok("設定已儲存。")
    window.nav.setCurrentRow(window.pages.index(window.volunteers))
    window.nav.setCurrentRow(window.pages.index(window.calendar))
    assert not window.calendar.banner.isVisible() and not window.calendar.banner.text()

    window.nav.setCurrentRow(window.pages.index(window.attendance))
    page = window.attendance
    page.banner.ok("已接受 3 筆。")
    assert page.banner.isVisible()
    page.tabs.setCurrentIndex((page.tabs.currentIndex() + 1) % page.tabs.count())
    assert not page.banner.isVisible() and not page.banner.text()


def test_a_minimised_window_keeps_its_message(
    qtbot: QtBot, desk: Desk, boss: str, zh: None
) -> None:
    window = _window(qtbot, desk)
    window.nav.setCurrentRow(window.pages.index(window.calendar))
    window.calendar.banner.ok("設定已儲存。")
    window.showMinimized()
    qtbot.wait(10)
    window.showNormal()
    assert window.calendar.banner.text() == "設定已儲存。"
