"""A form dialog's shared skeleton: the form, one message line and the OK/Cancel buttons.

Every dialog that asks a supervisor for a few fields (logging in, a new account, a new
password, a volunteer, corrected times, an arranged swap) is built the same way; this is
that way once. Enter presses OK exactly once (`enter.enter_submits`), and the message line
is cleared each time OK is pressed, so an old refusal never stands beside a new attempt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, SignalInstance
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.ui.widgets.enter import enter_submits

BANNER_PADDING = 6  # px around a banner's text
OK_STYLE = "color:#17602a; background:#e3f4e1; padding:6px; border-radius:4px;"
ERROR_STYLE = "color:#8a1c12; background:#fbe3e0; padding:6px; border-radius:4px;"
INFO_STYLE = "color:#333333; background:#eef1f5; padding:6px; border-radius:4px;"


class Banner(QLabel):
    """An inline message line: green for done, red for refused, grey for information;
    hidden while it has nothing to say.

    Its room (`lines` lines of text) is kept while it is hidden, so a message of that many
    lines moves no button ("設定已儲存" pushed 儲存設定 down). A message is about what was
    just done: it goes when its page or dialog is left (another page, another tab via
    `clear_on`, the window closed), so an old "saved" never greets a later visit.
    """

    def __init__(self, parent: QWidget | None = None, *, lines: int = 2) -> None:
        super().__init__(parent)
        self.lines = lines
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(INFO_STYLE)  # the padding of every kind, for the room kept
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(lines > 0)
        self.setSizePolicy(policy)
        self.hide()

    def reserved_height(self) -> int:
        """The height kept for the message: `lines` lines, the padding and the frame."""
        return self.lines * self.fontMetrics().lineSpacing() + 2 * BANNER_PADDING + 2

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.reserved_height()))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.reserved_height()))

    def heightForWidth(self, width: int) -> int:
        return max(super().heightForWidth(width), self.reserved_height())

    def clear_on(self, *signals: SignalInstance) -> None:
        """Take the message away when any of `signals` fires (a tab changed, a day chosen)."""
        for signal in signals:
            signal.connect(self.dismiss)

    def hideEvent(self, event: QHideEvent) -> None:
        """Its page or dialog was left (not the window minimised): the message goes."""
        super().hideEvent(event)
        if not event.spontaneous() and not self.isHidden() and self.text():
            self.dismiss()

    def ok(self, text: str) -> None:
        self._show(text, OK_STYLE)

    def error(self, text: str) -> None:
        self._show(text, ERROR_STYLE)

    def info(self, text: str) -> None:
        self._show(text, INFO_STYLE)

    def dismiss(self) -> None:
        """Take the message away: the person acts again, or comes back to the page."""
        self.clear()
        self.hide()

    def _show(self, text: str, style: str) -> None:
        self.setStyleSheet(style)
        self.setText(text)
        self.setVisible(bool(text))


class FormDialog(QDialog):
    """A dialog asking for a few fields: `body` (holding `form`), `banner`, OK and Cancel.

    A subclass adds its rows to `form` (or widgets to `body`) and ends its constructor with
    `submit_with(action, chain)`: OK and Enter run `action` once, after clearing the banner.
    The texts are the subclass's, so they keep its translation context.
    """

    def __init__(
        self, title: str, ok_text: str, cancel_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        outer = QVBoxLayout(self)
        self.body = QVBoxLayout()
        self.form = QFormLayout()
        self.body.addLayout(self.form)
        outer.addLayout(self.body)
        self.banner = Banner(lines=1)
        outer.addWidget(self.banner)
        self.buttons = QDialogButtonBox()
        self.ok_button: QPushButton = self.buttons.addButton(
            ok_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            cancel_text, QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def submit_with(self, action: Callable[[], object], chain: Sequence[QLineEdit] = ()) -> None:
        """OK runs `action` (once per press or Enter); Enter in each of `chain` but the last
        moves on to the next field. Call once, after every field is in place."""

        def submit() -> None:
            self.banner.dismiss()
            action()

        self.buttons.accepted.connect(submit)
        enter_submits(self, self.ok_button, chain)
