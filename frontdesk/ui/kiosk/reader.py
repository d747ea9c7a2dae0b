"""The card reader, heard wherever the kiosk has the keyboard.

A USB card reader is a keyboard that types a volunteer's code and Enter faster than any
hand. Its burst is a scan on every kiosk page and dialog (the PIN pad, the swap flow, the
handover note): the code keys are held back for a moment, and if they turn out to be a
burst ending in Enter (core.codes.is_card_burst) they become one `card` signal instead of
digits in someone else's PIN pad; otherwise they are handed on, in order, to the widget
they were typed into, so slow typing reaches its pad or field as before.

A secret is never a scan: keys aimed at a password field (a QLineEdit whose echo mode is
not Normal) are never held, anywhere, and neither are keys aimed at a text field of a
dialog that is not the kiosk's own (the supervisor's login): a password typed fast, or by
a password manager, then Enter is a login, not a card whose "number" is shown on the
public screen. The kiosk's own dialogs (the handover note, the swap reason) say so with
the SCANS_HERE property, and a burst into their fields stays a scan.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from frontdesk.core.codes import BURST_GAP_SECONDS, code_char, is_card_burst

# Keys held this long without a next one were typed by hand: handed on (ms). Longer than
# the burst gap, so a reader's keys delayed by a busy moment are not split.
RELEASE_MS = int(BURST_GAP_SECONDS * 2000)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# a reader types capitals with Shift, digits from the number pad carry Keypad; Ctrl+C is no code
TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
# A dialog's property: True on the kiosk's own dialogs, whose text fields a burst may scan
SCANS_HERE = "cardReaderScans"
_TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)


def is_private_field(widget: QWidget, kiosk: QWidget) -> bool:
    """A field whose keys the reader never takes: a password field anywhere, or a text
    field in a window other than `kiosk` and the kiosk's own dialogs (SCANS_HERE set)."""
    if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
        return True
    if isinstance(widget, QComboBox) and not widget.isEditable():
        return False
    window = widget.window()
    own = window is kiosk or bool(window.property(SCANS_HERE))
    return isinstance(widget, _TEXT_FIELDS) and not own


@dataclass
class _Held:
    target: QWidget
    event: QKeyEvent  # a copy: Qt deletes the original once delivered
    at: float
    char: str


class CardReader(QObject):
    """Tells a card reader's burst from typing in the kiosk window and its dialogs.

    `clock` gives seconds (monotonic by default); tests give their own, so the timing of
    every key is theirs to set. The kiosk connects `card` to its scan.
    """

    card = Signal(str)  # the code a reader's burst typed

    def __init__(self, kiosk: QWidget, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.clock = clock
        self._held: list[_Held] = []
        self._handing_on = False
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.setInterval(RELEASE_MS)
        self._release.timeout.connect(self.release)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        """The kiosk closes: keys are no longer watched."""
        self._release.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @property
    def holding(self) -> str:
        """The keys held back so far (for tests and the log)."""
        return "".join(h.char for h in self._held)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            self._handing_on
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or not isinstance(obj, QWidget)
            or not self._in_kiosk(obj)
        ):
            return False
        if is_private_field(obj, self.kiosk):
            self.release()  # keys held before belong to where they were typed
            return False
        return self._key(obj, event)

    def _in_kiosk(self, widget: QWidget) -> bool:
        """The kiosk window, or a dialog opened over it (its parents lead to the kiosk)."""
        w: QWidget | None = widget.window()
        while w is not None:
            if w is self.kiosk:
                return True
            parent = w.parentWidget()
            w = parent.window() if parent is not None else None
        return False

    def _key(self, target: QWidget, event: QKeyEvent) -> bool:
        """Hold a code key, or end a burst at Enter; True when the key was taken."""
        now = self.clock()
        if self._held and now - self._held[-1].at > BURST_GAP_SECONDS:
            self.release()  # a pause: what came before was typed by hand
        key = event.key()
        char = code_char(event.text()) if not event.isAutoRepeat() else ""
        if char and not event.modifiers() & ~TYPING_MODIFIERS:
            copy = QKeyEvent(
                event.type(), key, event.modifiers(), event.text(), False, event.count()
            )
            self._held.append(_Held(target, copy, now, event.text()))
            self._release.start()
            return True
        if key in ENTER_KEYS and self._held:
            held, self._held = self._held, []
            self._release.stop()
            chars = "".join(h.char for h in held)
            if is_card_burst(chars, [h.at for h in held], now):
                self.card.emit("".join(code_char(h.char) for h in held))
                return True
            self._hand_on(held)
            return False
        self.release()
        return False

    def release(self) -> None:
        """Hand the held keys on, in order, to the widgets they were typed into."""
        held, self._held = self._held, []
        self._release.stop()
        self._hand_on(held)

    def _hand_on(self, held: list[_Held]) -> None:
        self._handing_on = True
        try:
            for h in held:
                if shiboken6.isValid(h.target):
                    QApplication.sendEvent(h.target, h.event)
        finally:
            self._handing_on = False
