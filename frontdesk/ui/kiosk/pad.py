"""The on-screen number pad: a volunteer without a badge types their number by touch.

Big keys (KEY_W x KEY_H pixels, above the 64 px touch minimum), the digits and the
letters the site's codes use (a code such as V001 needs its V), delete, clear, OK and
cancel. What is typed here is identification by hand: the kiosk asks the PIN when the
desk wants one (frontdesk.ui.kiosk.by_hand).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from frontdesk.core.codes import CODE_MAX
from frontdesk.ui.widgets import BigButton, Card, wrap_label

KEY_W, KEY_H = 110, 72  # pixels: above the 64 px a finger needs
SPACING = 8


class NumberPad(QWidget):
    """Type a volunteer number with big keys; `entered` gives it on OK."""

    entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = ""
        card = Card()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)
        # Side by side, so a 768 px high screen has room for four rows of big keys: the
        # number and OK / cancel on the left, the keys on the right.
        left = QVBoxLayout()
        self.prompt = wrap_label(self.tr("Type your volunteer number"), role="detail")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown = QLabel()
        self.shown.setObjectName("padCode")
        self.shown.setProperty("role", "person")
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shown.setMinimumHeight(KEY_H)
        self.shown.setMinimumWidth(2 * KEY_W)  # an empty box shows where the number goes
        cancel = self._button(self.tr("Cancel"), "padCancel", self.cancelled.emit, role="danger")
        self.ok = self._button(self.tr("OK"), "padOk", self.submit, role="primary")
        left.addStretch(1)
        left.addWidget(self.prompt)
        left.addWidget(self.shown)
        left.addSpacing(16)
        for b in (self.ok, cancel):
            b.setMinimumWidth(2 * KEY_W)
            left.addWidget(b)
        left.addStretch(1)
        self.digits = QGridLayout()
        self.digits.setSpacing(SPACING)
        for i, key in enumerate("123456789"):
            self.digits.addWidget(self._key(key), i // 3, i % 3)
        delete = self._button(self.tr("Delete"), "padDelete", self.backspace)
        self.digits.addWidget(delete, 3, 0)
        self.digits.addWidget(self._key("0"), 3, 1)
        self.digits.addWidget(self._button(self.tr("Clear"), "padClear", self.clear), 3, 2)
        self.letters = QGridLayout()
        self.letters.setSpacing(SPACING)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(left)
        row.addSpacing(40)
        row.addLayout(self.digits)
        row.addSpacing(24)
        row.addLayout(self.letters)
        row.addStretch(1)
        card.body.addLayout(row)
        self._show()

    def _button(self, text: str, name: str, slot: object, role: str = "key") -> BigButton:
        b = BigButton(text, role=role)
        b.setObjectName(name)
        b.setMinimumSize(KEY_W, KEY_H)
        b.clicked.connect(lambda _=False: slot())  # type: ignore[operator]
        return b

    def _key(self, key: str) -> BigButton:
        return self._button(key, f"padKey{key}", lambda: self.press(key))

    def open(self, letters: str) -> None:
        """Empty, with a key for each of `letters` (those the site's codes use)."""
        while self.letters.count():
            item = self.letters.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()
        for i, letter in enumerate(letters):
            b = self._key(letter)
            self.letters.addWidget(b, i // 2, i % 2)
            b.show()
        self.clear()

    def press(self, key: str) -> None:
        if len(self.code) < CODE_MAX:
            self.code += key
            self._show()

    def backspace(self) -> None:
        self.code = self.code[:-1]
        self._show()

    def clear(self) -> None:
        self.code = ""
        self._show()

    def submit(self) -> None:
        code, self.code = self.code, ""
        self._show()
        if code:
            self.entered.emit(code)

    def _show(self) -> None:
        self.shown.setText(self.code)
        self.ok.setEnabled(bool(self.code))
