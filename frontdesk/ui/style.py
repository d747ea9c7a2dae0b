"""The app's look: CJK-capable fonts and the kiosk stylesheet from resources/style."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from frontdesk.i18n import resource

# Fonts with Traditional Chinese glyphs, best first: Windows, then Linux, then macOS.
CJK_FAMILIES = (
    "Microsoft JhengHei UI",
    "Microsoft JhengHei",
    "Noto Sans CJK TC",
    "Noto Sans TC",
    "Source Han Sans TC",
    "PingFang TC",
    "Heiti TC",
)


def base_font(point_size: int = 20) -> QFont:
    available = set(QFontDatabase.families())
    families = [f for f in CJK_FAMILIES if f in available]
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setPointSize(point_size)
    return font


def stylesheet(name: str = "kiosk") -> str:
    path = resource("style", f"{name}.qss")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""  # the app stays usable with Qt's default look


def apply(app: QApplication) -> None:
    app.setFont(base_font())
    app.setStyleSheet(stylesheet("kiosk"))
