"""The building blocks of the kiosk's swap pages: one card with a question, a line or
two, a warning, big choice buttons and a row of actions; and the dialog for a few typed
words to the supervisor."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.text import SWAP_REASON
from frontdesk.ui.kiosk.reader import SCANS_HERE
from frontdesk.ui.kiosk.swap_flow import Reason
from frontdesk.ui.widgets import BigButton, Card, wrap_label
from frontdesk.ui.widgets.enter import enter_submits

Choice = tuple[str, Callable[[], object], str]  # label, what a tap does, object name
Action = tuple[str, Callable[[], object], str, str]  # label, tap, role, object name

REASON_BUTTONS = {
    Reason.ILL: "reasonIll",
    Reason.FAMILY: "reasonFamily",
    Reason.OTHER: "reasonOther",
}


def reason_words() -> dict[Reason, str]:
    return {
        Reason.ILL: QCoreApplication.translate("Swaps", "Ill"),
        Reason.FAMILY: QCoreApplication.translate("Swaps", "Family matters"),
        Reason.OTHER: QCoreApplication.translate("Swaps", "Other"),
    }


def reason_text(key: Reason | None, extra: str) -> str:
    """The reason for the supervisor in words: the preset, then the typed words."""
    parts = [reason_words()[key]] if key is not None else []
    if extra:
        parts.append(extra)
    return "：".join(parts) if parts else QCoreApplication.translate("Swaps", "Cannot serve")


# --- the reason dialog ------------------------------------------------------------------


class ReasonDialog(QDialog):
    """A few words for the supervisor; a modal dialog so Chinese input works here."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty(SCANS_HERE, True)  # a reader's burst here is a scan
        self.setObjectName("noteDialog")
        self.setWindowTitle(QCoreApplication.translate("Swaps", "A few words for the supervisor"))
        self.setModal(True)
        box = QVBoxLayout(self)
        box.addWidget(
            wrap_label(
                QCoreApplication.translate(
                    "Swaps", "Write a few words for the supervisor (you may skip this)."
                )
            )
        )
        self.editor = QLineEdit(text)
        self.editor.setObjectName("reasonEditor")
        self.editor.setMaxLength(SWAP_REASON.max_length)
        self.editor.setMinimumSize(720, 64)
        box.addWidget(self.editor)
        row = QHBoxLayout()
        ok = BigButton(QCoreApplication.translate("Swaps", "OK"), role="primary")
        ok.setObjectName("reasonOk")
        cancel = BigButton(QCoreApplication.translate("Swaps", "Cancel"))
        ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(ok)
        row.addWidget(cancel)
        box.addLayout(row)
        enter_submits(self, ok)

    def text(self) -> str:
        return self.editor.text().strip()


class StepCard(QWidget):
    """One card whose content is replaced for each step (`show_page`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.card = Card()
        outer.addWidget(self.card)
        self.title = wrap_label(role="cardTitle")
        self.title.setObjectName("swapTitle")
        self.text = wrap_label(role="script")
        self.text.setObjectName("swapText")
        for label in (self.title, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.warning = wrap_label(role="notice")
        self.warning.setObjectName("swapWarning")
        # Centred in the card like the kiosk's other questions (it sat in the top left
        # over empty space on a large screen), in the question's larger type.
        self.card.body.addStretch(1)
        self.card.body.addWidget(self.title)
        self.card.body.addWidget(self.text)
        self.card.body.addWidget(self.warning)
        self.choices_box = QWidget()
        self.choices = QGridLayout(self.choices_box)
        self.choices.setContentsMargins(0, 4, 0, 4)
        self.choices.setSpacing(10)
        self.card.body.addWidget(self.choices_box)
        self.card.body.addStretch(1)
        self.action_row = QHBoxLayout()
        self.card.body.addLayout(self.action_row)

    def _clear(self, layout: QGridLayout | QHBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.setParent(None)  # gone from findChild at once, not at the next event loop
                w.deleteLater()

    def show_page(
        self,
        title: str,
        text: str = "",
        warning: str = "",
        choices: Sequence[Choice] = (),
        columns: int = 2,
        actions: Sequence[Action] = (),
    ) -> None:
        """Show one step: a question, a line or two, big choice buttons, and the actions."""
        self.title.setText(title)
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        self._clear(self.choices)
        self._clear(self.action_row)
        for i, (label, callback, name) in enumerate(choices):
            b = BigButton(label)
            b.setObjectName(name)
            b.setMinimumHeight(76)
            b.clicked.connect(lambda _=False, cb=callback: cb())
            self.choices.addWidget(b, i // columns, i % columns)
            b.show()
        for c in range(3):
            self.choices.setColumnStretch(c, 1 if c < columns else 0)
        self.choices_box.setVisible(bool(choices))
        self.action_row.addStretch(1)
        for label, callback, role, name in actions:
            b = BigButton(label, role=role)
            b.setObjectName(name)
            b.setMinimumWidth(200)
            b.clicked.connect(lambda _=False, cb=callback: cb())
            self.action_row.addWidget(b)
            b.show()
            self.action_row.addSpacing(16)
        self.action_row.addStretch(1)

    def mark_written(self, extra: str) -> None:
        """The typed reason stands out as chosen, like a preset, with its first words; with
        none, the button invites typing again."""
        b = self.findChild(QPushButton, "reasonWrite")
        if b is None:
            return
        b.setCheckable(True)
        b.setChecked(bool(extra))
        if extra:
            b.setText("✓ " + extra[:12] + ("…" if len(extra) > 12 else ""))
        else:
            b.setText(QCoreApplication.translate("Swaps", "Type a reason…"))
        b.setProperty("role", "primary" if extra else "")
        b.style().unpolish(b)
        b.style().polish(b)

    def mark_chosen(self, words: dict[Reason, str], chosen: Reason | None) -> None:
        """The chosen preset reason stands out with a tick; the others are plain."""
        for key, name in REASON_BUTTONS.items():
            b = self.findChild(QPushButton, name)
            if b is not None:
                b.setCheckable(True)
                b.setChecked(key is chosen)
                b.setText(("✓ " if key is chosen else "") + words[key])
                b.setProperty("role", "primary" if key is chosen else "")
                b.style().unpolish(b)
                b.style().polish(b)
