"""Big, high-contrast widgets for a touch screen used by people with poor eyesight."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

TOUCH_MIN = 64  # px: the smallest thing a finger has to hit


class BigButton(QPushButton):
    """A push button at least TOUCH_MIN pixels high; never takes the keyboard focus."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str = "") -> None:
        super().__init__(text, parent)
        self.setMinimumHeight(TOUCH_MIN)
        self.setMinimumWidth(TOUCH_MIN)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if role:
            self.setProperty("role", role)


class BadgeButton(BigButton):
    """A big button with a round count badge in its top-right corner (hidden at 0)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str = "") -> None:
        super().__init__(text, parent, role=role)
        self._count = 0

    def count(self) -> int:
        return self._count

    def set_count(self, count: int) -> None:
        self._count = max(0, int(count))
        self.setAccessibleDescription(str(self._count) if self._count else "")
        self.update()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + 36, max(hint.height(), TOUCH_MIN))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._count:
            return
        text = str(self._count) if self._count < 100 else "99+"
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(10.0, self.font().pointSizeF() * 0.7))
        font.setBold(True)
        painter.setFont(font)
        side = max(30, painter.fontMetrics().horizontalAdvance(text) + 14)
        rect = QRect(self.width() - side - 4, 4, side, 30)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#c62828"))
        painter.drawRoundedRect(rect, 15, 15)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


class Card(QFrame):
    """A framed panel with an optional title."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.body.setSpacing(8)
        self.title = QLabel(title)
        self.title.setProperty("role", "cardTitle")
        self.title.setWordWrap(True)
        if title:
            self.body.addWidget(self.title)
        else:
            self.title.hide()


def wrap_label(text: str = "", role: str = "", parent: QWidget | None = None) -> QLabel:
    """A word-wrapping label with a style role."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if role:
        label.setProperty("role", role)
    return label
