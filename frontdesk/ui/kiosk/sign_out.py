"""The question before a running duty is ended early: 「現在簽退嗎？還沒到 11:30」 in big
type, with 簽退 and 不是，我還在值班 (no answer, the idle return home, records nothing),
and 按錯了？ under a sign-out for a few seconds while the duty runs, asked 是/不是 before it
takes the sign-out back. The page lays out; the flow beside the
kiosk window answers."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from frontdesk.core.attendance import ScanOutcome, undo_offered
from frontdesk.core.timeutil import local_day
from frontdesk.services.attendance import ScanResult
from frontdesk.services.errors import Conflict
from frontdesk.ui.kiosk.pages import question_card
from frontdesk.ui.widgets import BigButton, Card, wrap_label
from frontdesk.words import scan as scan_words

if TYPE_CHECKING:
    from frontdesk.ui.kiosk.window import KioskWindow

log = logging.getLogger(__name__)

UNDO_SHOWN_MS = 10_000  # 按錯了？ stays under a sign-out this long


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
            b.setProperty("answer", True)  # large type, like every big question's answers
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


class UndoQuestionPage(QWidget):
    """按錯了？ asks before anything changes: 「要取消剛才的簽退嗎？」 with big 是 / 不是."""

    yes = Signal()
    no = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        yes, no = scan_words.undo_answers()
        self.yes_button = BigButton(yes, role="primary")
        self.yes_button.setObjectName("undoYes")
        self.no_button = BigButton(no)
        self.no_button.setObjectName("undoNo")
        self.question = question_card(self, "detail", self.yes_button, self.no_button, 88, 60)
        self.question.setObjectName("undoQuestion")
        self.yes_button.clicked.connect(self.yes)
        self.no_button.clicked.connect(self.no)

    def ask(self, result: ScanResult) -> None:
        self.question.setText(scan_words.undo_question(result))


class SignOutFlow(QObject):
    """The kiosk's early sign-out: asks (SignOutPage), signs out on 簽退 or keeps the
    volunteer identified on 不是, and takes a sign-out back on 按錯了？."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self.window = window
        self.page = SignOutPage()
        self.page.confirmed.connect(self.sign_out)
        self.page.declined.connect(self.stay)
        window.pages.addWidget(self.page)
        self.undo_page = UndoQuestionPage()
        self.undo_page.yes.connect(self.undo)
        self.undo_page.no.connect(window.go_home)
        window.pages.addWidget(self.undo_page)
        window.result_page.undo.connect(self.ask_undo)

    def ask(self, result: ScanResult) -> None:
        """Show the question about the duty `result` (a CONFIRM_SIGN_OUT) would end."""
        self.page.ask(result)
        self.window.pages.setCurrentWidget(self.page)

    def offer_undo(self, result: ScanResult) -> None:
        """按錯了？ under the sign-out `result` just shown, for UNDO_SHOWN_MS; not once its
        duty has ended (core.attendance.undo_offered): nobody stays on duty after it."""
        if result.slot is None or not undo_offered(result.at, local_day(result.at), result.slot):
            return
        self.window.result_page.offer_undo(UNDO_SHOWN_MS)

    def ask_undo(self) -> None:
        """按錯了？ tapped: ask 是/不是 first; no answer (the idle return) changes nothing."""
        w = self.window
        result = w.last_result
        if result is None or result.outcome is not ScanOutcome.SIGNED_OUT:
            return
        self.undo_page.ask(result)
        w.pages.setCurrentWidget(self.undo_page)
        w._idle.start()

    def sign_out(self) -> None:
        """簽退: the scan again, confirmed."""
        w = self.window
        pending = w.visit.take_pending(ScanOutcome.CONFIRM_SIGN_OUT)
        if pending is None:
            w.go_home()
            return
        w.submit(pending.code, confirm_sign_out=True)

    def stay(self) -> None:
        """不是，我還在值班: nothing recorded; the volunteer stays identified (my duties)."""
        w = self.window
        pending = w.visit.take_pending(ScanOutcome.CONFIRM_SIGN_OUT)
        if pending is None:
            w.go_home()
            return
        w._show_view(scan_words.still_on_duty(pending), pending)
        QTimer.singleShot(0, lambda: w.show_swap_news(pending))

    def undo(self) -> None:
        """按錯了？ under a sign-out: the duty is open again (or why it cannot be)."""
        w = self.window
        result = w.last_result
        if result is None or result.outcome is not ScanOutcome.SIGNED_OUT:
            return
        try:
            undone = w.visit.undo_sign_out(result)
        except Conflict as exc:
            over = exc.facts.get("reason") == "undo_duty_over"
            w._show_view(scan_words.undo_refused(w.desk.now(), duty_over=over), None)
            return
        except Exception:
            log.exception("undoing a sign-out failed")
            w._show_view(scan_words.undo_refused(w.desk.now()), None)
            return
        w.last_result = undone
        w._show_view(scan_words.scan_view(undone), undone)
        QTimer.singleShot(0, w.refresh)
