"""A busy slot never grows the kiosk's status line without bound: with forty people
signed in (walk-ins), the line names as many as fit and counts the rest, and the answer
page's headline, the name and every button stay whole inside the window, apart, at
1366x768 and 1920x1080."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from frontdesk.core.timeutil import at
from frontdesk.services import attendance
from frontdesk.services.context import Desk
from frontdesk.ui.kiosk.window import KioskWindow
from tests.support.desks import add_volunteer
from tests.ui.conftest import MONDAY, Clock
from tests.ui.test_kiosk import scan

SURNAMES = "陳林黃張李王吳劉蔡楊"
GIVEN = ["志明", "淑芬", "建國", "美玲"]


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def whole_and_apart(window: KioskWindow, page: QWidget, texts: list[QWidget]) -> None:
    """`texts` and every button shown on `page`: inside the window and the page, never
    squeezed below their size, and not over one another."""
    root = window.centralWidget()
    parts = texts + [b for b in page.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    assert len(parts) >= len(texts) + 2, [p.objectName() for p in parts]
    rects = [rect_in(p, root) for p in parts]
    for p, r in zip(parts, rects, strict=True):
        assert root.rect().contains(r), (p.objectName(), r, root.rect())
        assert page.rect().contains(rect_in(p, page)), (p.objectName(), r)
        assert p.height() >= p.minimumSizeHint().height(), p.objectName()  # never squeezed
    for i, r in enumerate(rects):
        assert not any(r.intersects(o) for o in rects[i + 1 :]), (r, rects)
    assert rect_in(window.status, root).bottom() < rect_in(page, root).top()


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_forty_walk_ins_keep_the_answer_whole(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot, clock: Clock, size: tuple[int, int]
) -> None:
    """Past about fifteen walk-ins the blue 值班中 line pushed the answer page down: its
    headline was cut at the top, 已經記錄過了 and the name overlapped, the buttons fell
    off the panel."""
    clock.set(MONDAY, 8, 41)
    now = at(MONDAY, time(8, 41))
    attendance.scan(kiosk_desk, "A001", now=now)
    for i in range(39):
        code = f"W{i:03d}"
        add_volunteer(kiosk_desk, code, SURNAMES[i % 10] + GIVEN[i // 10])
        attendance.scan(kiosk_desk, code, confirm_walk_in=True, now=now)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.height() == size[1])
    window.refresh()
    scan(window, "A001")  # 已經記錄過了
    assert window.pages.currentIndex() == window.RESULT
    QApplication.processEvents()
    window.grab().save(f"/tmp/fixb/busy_{size[0]}.png")

    page = window.result_page
    whole_and_apart(window, page, [page.headline, page.person])
    status = window.status
    # the status line: at most two lines, the first signed in named, the rest counted
    lines = status.height() // QFontMetrics(status.font()).lineSpacing()
    assert lines <= 2, (lines, status.text())
    assert "王小明 08:41" in status.text() and status.text().endswith("等 33 位"), status.text()

    window.go_home()
    scan(window, "A003")  # not on the roster: 是臨時來幫忙的嗎？
    assert window.pages.currentIndex() == window.QUESTION
    QApplication.processEvents()
    window.grab().save(f"/tmp/fixb/busy_question_{size[0]}.png")
    question = window.question_page
    whole_and_apart(window, question, [question.question])
