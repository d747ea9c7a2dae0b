"""Every navigation entry shows at 1366x768 without scrolling the list: 表揚資格 and 通知
were below its bottom once the workspace had twelve pages."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont

from frontdesk.ui.supervisor import SupervisorWindow
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_navigation_entry_is_visible(qtbot, qapp, desk, boss, zh, size) -> None:  # type: ignore[no-untyped-def]
    from frontdesk.ui import style

    style.apply(qapp)
    try:
        window = SupervisorWindow(desk, "boss", "王督導")
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.layout().activate()
        nav = window.nav
        seen = nav.viewport().rect()
        for row in range(nav.count()):
            rect = nav.visualItemRect(nav.item(row))
            assert seen.contains(rect), (nav.item(row).text(), rect, seen)
        assert not nav.verticalScrollBar().isVisible()
    finally:
        qapp.setStyleSheet("")
        qapp.setFont(QFont())
