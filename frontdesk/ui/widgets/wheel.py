"""The mouse wheel changes a value only in the field the person is working in.

Qt's spin boxes, date and time edits and combo boxes step their value on every wheel turn
over them, focused or not, and a wheel turn even gives them the focus. Scrolling down a
long form (the settings page) therefore changed whatever field passed under the pointer:
上午班 至少 went from 1 to 0 and the language switched to English, and both were saved.

The rule, for every window of the app from one filter installed on the application at
start (install): such a field takes the wheel only while it has the keyboard focus (a
click or Tab puts it there); otherwise the wheel goes on to what holds the field, so the
page scrolls instead. A wheel turn never gives these fields the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

# The fields whose value a wheel turn changes (QAbstractSpinBox covers the date and time
# edits and the decimal spin box).
GUARDED: tuple[type[QWidget], ...] = (QAbstractSpinBox, QComboBox)
_WATCHED = (QEvent.Type.Wheel, QEvent.Type.Polish)


def _no_wheel_focus(widget: QWidget) -> None:
    """Keep click and Tab focus but drop the focus a wheel turn would give."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def pass_on(field: QWidget, event: QWheelEvent) -> bool:
    """Offer `event` to the parents of `field` in turn until one takes it, as Qt passes a
    wheel turn no widget took on to the parent (a scroll area scrolls); True if one did.

    Done by hand because Qt passes on only the turns of a real wheel, and the same way for
    every turn: the guard has taken the turn from the field, so Qt passes on nothing."""
    position = event.position()
    widget = field
    while not widget.isWindow():
        position += QPointF(widget.pos())
        parent = widget.parentWidget()
        if parent is None:
            break
        widget = parent
        if isinstance(widget, GUARDED) and not widget.hasFocus():
            continue  # a field inside a field: not its turn either
        copy = QWheelEvent(
            position,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        QCoreApplication.sendEvent(widget, copy)
        if copy.isAccepted():
            return True
    return False


class WheelGuard(QObject):
    """The application-wide filter behind the module's rule (one per application)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED or not isinstance(watched, GUARDED):
            return False
        _no_wheel_focus(watched)
        if isinstance(event, QWheelEvent) and not watched.hasFocus():
            pass_on(watched, event)
            event.accept()  # whoever took it or nobody: the field is not offered it again
            return True  # the field never sees it
        return False


def installed(app: QCoreApplication) -> WheelGuard | None:
    """The guard install() put on `app`, None before."""
    return app.findChild(WheelGuard, options=Qt.FindChildOption.FindDirectChildrenOnly)


def install(app: QCoreApplication) -> WheelGuard:
    """Put the guard on `app` (once: a second call returns the first guard)."""
    guard = installed(app)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
