"""Big, high-contrast widgets for a touch screen used by people with poor eyesight.

None of them is ever shown as a window of its own: a widget without a parent that is
shown becomes a top-level window (on Windows with a taskbar button that can take the
keyboard focus away from the card reader), so each one stays hidden until it has a
place in a page, and a card's title is always part of its card.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

TOUCH_MIN = 64  # px: the smallest thing a finger has to hit


def _may_show(widget: QWidget) -> bool:
    """False for a widget that would be shown as a loose window: it has no parent yet."""
    if widget.parentWidget() is not None:
        return True
    log.warning("%s %r shown without a parent: kept hidden", type(widget).__name__, widget)
    return False


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

    def setVisible(self, visible: bool) -> None:
        """Shown only inside a page (see the module's docstring)."""
        if not visible or _may_show(self):
            super().setVisible(visible)


class BadgeButton(BigButton):
    """A big button with a round count badge in its top-right corner (hidden at 0).

    `quiet`: a neutral grey count instead of a red alert, for a screen whose readers are
    not the ones the count is for (the kiosk's 督導 button: volunteers took a red number
    for something they had done wrong). The badge is sized from its font, so it stays
    whole inside the button however large the window's type is scaled."""

    def __init__(
        self, text: str = "", parent: QWidget | None = None, *, role: str = "", quiet: bool = False
    ) -> None:
        super().__init__(text, parent, role=role)
        self._count = 0
        self.quiet = quiet

    def count(self) -> int:
        return self._count

    def set_count(self, count: int) -> None:
        self._count = max(0, int(count))
        self.setAccessibleDescription(str(self._count) if self._count else "")
        self.update()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + 36, max(hint.height(), TOUCH_MIN))

    def badge_rect(self) -> QRect:
        """Where the count is drawn: in the top-right corner, wholly inside the button."""
        metrics = QFontMetrics(self._badge_font())
        text = self._badge_text()
        high = min(metrics.height() + 6, max(12, self.height() - 8))
        side = max(high, metrics.horizontalAdvance(text) + 14)
        return QRect(self.width() - side - 4, 4, side, high)

    def _badge_text(self) -> str:
        return str(self._count) if self._count < 100 else "99+"

    def _badge_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(10.0, self.font().pointSizeF() * (0.55 if self.quiet else 0.7)))
        font.setBold(not self.quiet)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._count:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._badge_font())
        rect = self.badge_rect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e3e6ea" if self.quiet else "#c62828"))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor("#37474f" if self.quiet else "white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._badge_text())
        painter.end()


class Card(QFrame):
    """A framed panel with an optional title, which is always the card's own first row
    (hidden while empty), so setting it later never makes a window of its own."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.body.setSpacing(8)
        self.title = WrapLabel(title, self)
        self.title.setTextFormat(Qt.TextFormat.AutoText)
        self.title.setProperty("role", "cardTitle")
        self.body.addWidget(self.title)
        self.title.setVisible(bool(title))

    def set_title(self, title: str) -> None:
        """Show `title` as the card's heading; an empty title hides the heading."""
        self.title.setText(title)
        self.title.setVisible(bool(title))

    def setVisible(self, visible: bool) -> None:
        """Shown only inside a page (see the module's docstring)."""
        if not visible or _may_show(self):
            super().setVisible(visible)


class WrapLabel(QLabel):
    """A word-wrapping plain-text label that is shown only inside a page."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setVisible(self, visible: bool) -> None:
        """Shown only inside a page (see the module's docstring)."""
        if not visible or _may_show(self):
            super().setVisible(visible)


def wrap_label(text: str = "", role: str = "", parent: QWidget | None = None) -> QLabel:
    """A word-wrapping label with a style role (a WrapLabel: never a window of its own)."""
    label = WrapLabel(text, parent)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if role:
        label.setProperty("role", role)
    return label
