"""The kiosk fills the screen it is on and its type grows with the window's height."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from frontdesk.ui import screens
from frontdesk.ui.kiosk.window import KioskWindow


def test_sizes_scale_with_the_height_and_touch_targets_never_shrink() -> None:
    qss = "QLabel { font-size: 20pt; min-height: 64px; padding: 6px 18px; }"
    assert screens.scaled(qss, 1.0) == qss
    assert screens.scaled(qss, 1.5) == (
        "QLabel { font-size: 30pt; min-height: 96px; padding: 9px 27px; }"
    )
    small = screens.scaled(qss, 0.9)
    assert "font-size: 18pt" in small and "min-height: 64px" in small
    assert screens.type_scale(768) == 1.0 and screens.type_scale(1080) == 1080 / 768
    assert screens.type_scale(100) == screens.SCALE_MIN


def test_the_kiosk_type_grows_at_1920x1080(window: KioskWindow, qtbot: QtBot) -> None:
    """At 1920x1080 the text stayed the size chosen for 1366x768."""
    status = window.findChild(QLabel, "status")
    assert status is not None
    window.resize(1366, 768)
    qtbot.wait(10)
    small = status.font().pointSizeF()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: status.font().pointSizeF() > small)
    assert status.font().pointSizeF() >= small * 1080 / 768 - 1
    assert window.result_page.done_button.minimumHeight() >= 64
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: status.font().pointSizeF() == small)


def test_the_kiosk_fills_the_screen_it_is_on(qtbot: QtBot) -> None:
    """It opened at 1366x768 in the corner of a bigger screen."""
    w = QWidget()
    qtbot.addWidget(w)
    screens.fill_screen(w)
    screen = w.screen() or QGuiApplication.primaryScreen()
    assert screen is not None
    qtbot.waitUntil(lambda: w.frameGeometry() == screen.availableGeometry())
    assert w.isMaximized()
    full = QWidget()
    qtbot.addWidget(full)
    screens.fill_screen(full, fullscreen=True)
    qtbot.waitUntil(lambda: full.isFullScreen())
    assert full.geometry() == screen.geometry()
