"""The desk's screen: the kiosk fills the screen it is on, and its type grows with it.

The kiosk was drawn for 1366x768 and opened at that size in the corner of a 1920x1080
screen, its 20 pt text small in the middle of it. Now it takes the whole screen (the
work area with a taskbar, or everything with --fullscreen), and its stylesheet's sizes
follow the window's height: points in proportion, pixels (touch sizes) never below the
1366x768 ones.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

BASE_HEIGHT = 768  # pixels: the height the stylesheet's sizes were chosen for
SCALE_MIN, SCALE_MAX = 0.85, 2.5
_SIZE = re.compile(r"(\d+(?:\.\d+)?)(pt|px)\b")


def type_scale(height: int) -> float:
    """How much bigger the kiosk's type is at a window `height` pixels high (1.0 at 768)."""
    return max(SCALE_MIN, min(SCALE_MAX, height / BASE_HEIGHT))


def scaled(stylesheet: str, scale: float) -> str:
    """`stylesheet` with every point size times `scale` and every pixel size times
    `scale` but never smaller (a 64 px touch target stays at least 64 px)."""

    def one(m: re.Match[str]) -> str:
        value, unit = float(m.group(1)), m.group(2)
        factor = scale if unit == "pt" else max(1.0, scale)
        return f"{round(value * factor)}{unit}"

    return _SIZE.sub(one, stylesheet)


class TypeScaler(QObject):
    """Restyles `window` with `stylesheet` scaled to its height whenever a resize changes
    the scale by 4 % or more (restyling a whole window is not free)."""

    def __init__(self, window: QWidget, stylesheet: str) -> None:
        super().__init__(window)
        self.window = window
        self.stylesheet = stylesheet
        self.scale = 1.0  # the stylesheet as written: the application's, nothing to set
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Resize:
            self.follow(self.window.height())
        return False

    def follow(self, height: int) -> None:
        scale = type_scale(height)
        if abs(scale - self.scale) >= 0.04:
            self.scale = scale
            self.window.setStyleSheet(scaled(self.stylesheet, scale) if scale != 1.0 else "")


def fill_screen(window: QWidget, *, fullscreen: bool = False) -> None:
    """Show `window` over the whole screen it is on: full screen, or maximised in the
    work area. The geometry is set first, so a desktop without a window manager (which
    ignores 'maximise') still gets the whole screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry() if fullscreen else screen.availableGeometry())
    if fullscreen:
        window.showFullScreen()
    else:
        window.showMaximized()
