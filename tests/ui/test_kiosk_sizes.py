"""Every kiosk button is a touch target with large type, at 1366x768 and at 1920x1080:
at least 64 px high, its type scaled with the window's height like the rest; the dialogs
shown over the kiosk (the handover note, the supervisor's login) too."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from frontdesk.services import kiosk
from frontdesk.services.context import Desk
from frontdesk.ui.kiosk.window import KioskWindow
from frontdesk.ui.screens import type_scale
from frontdesk.ui.supervisor.login import LoginDialog
from tests.ui.conftest import MONDAY, Clock
from tests.ui.test_kiosk import scan

TOUCH_PX = 64
BODY_PT = 20  # the kiosk's smallest type at 1366x768 (resources/style/kiosk.qss)


def buttons(widget: QWidget) -> list[QAbstractButton]:
    QApplication.processEvents()
    return [b for b in widget.findChildren(QAbstractButton) if b.isVisible() and b.text()]


def check(widget: QWidget, scale: float, *, least_pt: float = BODY_PT) -> None:
    found = buttons(widget)
    assert found, widget.objectName()
    for b in found:
        b.ensurePolished()
        assert b.height() >= TOUCH_PX, (b.objectName(), b.text(), b.height())
        assert b.font().pointSizeF() >= least_pt * scale - 0.6, (b.text(), b.font().pointSizeF())


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_kiosk_button_is_big(
    window: KioskWindow,
    kiosk_desk: Desk,
    qtbot: QtBot,
    clock: Clock,
    size: tuple[int, int],
) -> None:
    """是/不是 and the 督導 login were small: 20 pt on a 1080 px screen, and the login's
    buttons at the workspace's desk size."""
    window.resize(*size)
    qtbot.waitUntil(lambda: window.height() == size[1])
    scale = type_scale(window.height())
    check(window, scale)  # home: names, tabs' button, the pad button, 督導
    entry = kiosk.board(kiosk_desk).slots[0].entries[0]
    window.tap(entry)  # 是 王小明 嗎？
    check(window.confirm_page, scale, least_pt=28)
    window.go_home()
    scan(window, "A003")  # the walk-in question, with my duties and a swap beside it
    assert window.pages.currentIndex() == window.QUESTION
    yes_no = [window.question_page.yes_button, window.question_page.no_button]
    for b in yes_no:
        assert b.height() >= 80 and b.font().pointSizeF() >= 28 * scale - 0.6, b.text()
    check(window.question_page, scale)
    window.go_home()
    scan(window, "A001")
    check(window.result_page, scale)
    window.go_home()
    clock.set(MONDAY, 10, 0)
    scan(window, "A001")  # 現在簽退嗎？ with its two answers
    check(window.sign_out.page, scale, least_pt=28)
    window.go_home()
    window.open_pad()
    check(window.pad_page, scale)
    window.go_home()
    window.write_note()
    scan(window, "A001")
    [note] = [d for d in window.findChildren(QDialog) if d.isVisible()]
    check(note, scale)
    window.go_home()
    login = LoginDialog(kiosk_desk, window)
    login.open()
    qtbot.waitExposed(login)
    check(login, scale)
    title = next(w for w in login.findChildren(QLabel) if w.property("ws") == "title")
    assert title.font().pointSizeF() >= 26 * scale - 0.6  # 督導登入, not the workspace's size
    for field in (login.username, login.password):
        assert field.height() >= 56 and field.font().pointSizeF() >= 22 * scale - 0.6
    login.reject()


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_supervisor_count_is_quiet_and_whole(
    window: KioskWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    """A red number on 督導 alarmed volunteers, and at 1920x1080 it was cut at the top."""
    window.resize(*size)
    qtbot.waitUntil(lambda: window.height() == size[1])
    button = window.supervisor_button
    button.set_count(7)
    QApplication.processEvents()
    assert button.quiet  # a neutral count, not a red alert
    rect = button.badge_rect()
    assert button.rect().contains(rect), (rect, button.rect())
    from PySide6.QtGui import QFontMetrics

    assert rect.height() >= QFontMetrics(button._badge_font()).height()
    image = button.grab().toImage()
    c = image.pixelColor(rect.center().x(), rect.top() + 2)
    assert not (c.red() > 150 and c.green() < 90 and c.blue() < 90), c.name()  # not red
