"""The question before a running duty is ended early: 「現在簽退嗎？還沒到 11:30」 in big
type, with 簽退 and 不是，我還在值班. No answer (the idle return home) records nothing.
Layout only: the answers are handed to the window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from frontdesk.services.attendance import ScanResult
from frontdesk.ui.widgets import BigButton, Card, wrap_label
from frontdesk.words import scan as scan_words


class SignOutPage(QWidget):
    """Asks whether to end the duty now; the safe answer (stay on duty) is the primary one."""

    confirmed = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card = Card()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)
        self.question = wrap_label(role="headline")
        self.question.setObjectName("signOutQuestion")
        self.who = wrap_label(role="detail")
        self.who.setObjectName("signOutWho")
        for w in (self.question, self.who):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card.body.addStretch(1)
        card.body.addWidget(self.question)
        card.body.addWidget(self.who)
        card.body.addStretch(1)
        sign_out, stay = scan_words.sign_out_answers()
        self.yes_button = BigButton(sign_out, role="danger")
        self.yes_button.setObjectName("signOutYes")
        self.no_button = BigButton(stay, role="primary")
        self.no_button.setObjectName("signOutNo")
        for b in (self.yes_button, self.no_button):
            b.setMinimumSize(320, 88)
        self.yes_button.clicked.connect(self.confirmed)
        self.no_button.clicked.connect(self.declined)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.no_button)
        row.addSpacing(40)
        row.addWidget(self.yes_button)
        row.addStretch(1)
        card.body.addLayout(row)
        card.body.addStretch(1)

    def ask(self, result: ScanResult) -> None:
        """Ask about the duty `result` (a CONFIRM_SIGN_OUT) would end."""
        question, who = scan_words.sign_out_question(result)
        self.question.setText(question)
        self.who.setText(who)
