"""The kiosk's pages besides home: the big confirmation, walk-in question, "is it you?",
PIN pad, my shifts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.pins import PIN_DIGITS
from frontdesk.core.roster import ShiftKey
from frontdesk.services.kiosk import NOTE_MAX, MyShift
from frontdesk.ui.kiosk.reader import SCANS_HERE
from frontdesk.ui.widgets import BigButton, Card, wrap_label
from frontdesk.ui.widgets.enter import enter_submits
from frontdesk.words.dates import day_long
from frontdesk.words.labels import slot_title
from frontdesk.words.scan import ScanView, undo_label
from frontdesk.words.swaps import own_request_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from frontdesk.services.swap_views import SwapView


class ResultPage(QWidget):
    """The answer to a scan in big type: what happened, to whom, when."""

    done = Signal()
    my_shifts = Signal()
    answer_swaps = Signal()
    undo = Signal()  # 按錯了？: take the sign-out just shown back

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.frame = QFrame()
        self.frame.setObjectName("result")
        self.frame.setProperty("tone", "ok")
        box = QVBoxLayout(self.frame)
        # Tight enough for a sign-out's two more lines (its hours, good news) at 1366x768.
        box.setContentsMargins(32, 16, 32, 16)
        box.setSpacing(6)
        self.headline = wrap_label(role="headline")
        self.headline.setObjectName("headline")
        self.person = wrap_label(role="person")
        self.person.setObjectName("person")
        self.detail = wrap_label(role="detail")
        self.detail.setObjectName("detail")
        self.notices = wrap_label(role="notice")
        self.notices.setObjectName("notices")
        # Swap news for the volunteer who identified: outcomes, requests waiting for them.
        self.swap_news = wrap_label(role="script")
        self.swap_news.setObjectName("swapNews")
        self.swap_news.hide()
        for w in (self.headline, self.person, self.detail, self.notices, self.swap_news):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(w)
        box.addStretch(1)
        buttons = QHBoxLayout()
        self.swap_button = BigButton(self.tr("Answer the swap request"), role="primary")
        self.swap_button.setObjectName("swapAnswerButton")
        self.swap_button.clicked.connect(self.answer_swaps)
        self.swap_button.hide()
        self.undo_button = BigButton(undo_label())
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self.undo_button.hide)
        self.shifts_button = BigButton(self.tr("My duties (next 4 weeks)"))
        self.shifts_button.setObjectName("myShiftsButton")
        self.shifts_button.clicked.connect(self.my_shifts)
        self.done_button = BigButton(self.tr("Done"), role="primary")
        self.done_button.setObjectName("doneButton")
        self.done_button.setMinimumWidth(200)
        self.done_button.clicked.connect(self.done)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.swap_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.shifts_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        outer.addWidget(self.frame)

    def show_view(self, view: ScanView, *, can_show_shifts: bool) -> None:
        self.frame.setProperty("tone", view.tone)
        self.headline.setText(view.headline)
        person = f"{view.name}　{view.time}" if view.name else view.time
        self.person.setText(person)
        self.detail.setText(view.detail)
        self.notices.setText("\n".join(view.notices))
        self.notices.setVisible(bool(view.notices))
        self.shifts_button.setVisible(can_show_shifts)
        self.offer_undo(0)
        self.show_swap_news("", waiting=0)
        # Re-polish so the tone's colours apply at once.
        for w in (self.frame, self.headline):
            w.style().unpolish(w)
            w.style().polish(w)

    def offer_undo(self, ms: int) -> None:
        """Show 按錯了？ for `ms` milliseconds (0: hide it)."""
        self._undo_timer.stop()
        self.undo_button.setVisible(ms > 0)
        if ms > 0:
            self._undo_timer.start(ms)

    def show_swap_news(self, text: str, *, waiting: int) -> None:
        """Swap outcomes to tell, and how many requests wait for this volunteer's answer."""
        self.swap_news.setText(text)
        self.swap_news.setVisible(bool(text))
        self.swap_button.setText(
            self.tr("Answer the swap request ({count})").format(count=waiting)
            if waiting > 1
            else self.tr("Answer the swap request")
        )
        self.swap_button.setVisible(bool(waiting))


def question_card(
    page: QWidget, role: str, yes: BigButton, no: BigButton, height: int, gap: int
) -> QLabel:
    """A question in big type over two big buttons, filling `page`; returns the question's
    label. The buttons come made (their words in the page's own translation context);
    they answer in large type (property answer: the stylesheet's size, scaled with the
    window), at least `height` pixels high."""
    card = Card()
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(card)
    question = wrap_label(role=role)
    question.setAlignment(Qt.AlignmentFlag.AlignCenter)
    card.body.addStretch(1)
    card.body.addWidget(question)
    card.body.addStretch(1)
    row = QHBoxLayout()
    for b in (yes, no):
        b.setMinimumSize(280, height)
        b.setProperty("answer", True)
    row.addStretch(1)
    row.addWidget(yes)
    row.addSpacing(gap)
    row.addWidget(no)
    row.addStretch(1)
    card.body.addLayout(row)
    card.body.addStretch(1)
    return question


class QuestionPage(QWidget):
    """A yes/no question with two big buttons (the walk-in confirmation), and beside it
    the volunteer's own duties and the swap request: one with no duty today may have come
    only for those."""

    yes = Signal()
    no = Signal()
    my_shifts = Signal()
    swap = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.yes_button = BigButton(self.tr("Yes, sign me in"), role="primary")
        self.yes_button.setObjectName("walkInYes")
        self.no_button = BigButton(self.tr("No, cancel"))
        self.no_button.setObjectName("walkInNo")
        self.question = question_card(self, "detail", self.yes_button, self.no_button, 80, 40)
        self.question.setObjectName("question")
        self.yes_button.clicked.connect(self.yes)
        self.no_button.clicked.connect(self.no)
        self.shifts_button = BigButton(self.tr("My duties (next 4 weeks)"))
        self.shifts_button.setObjectName("walkInShifts")
        self.shifts_button.clicked.connect(self.my_shifts)
        self.swap_button = BigButton(self.tr("Ask for a swap"))
        self.swap_button.setObjectName("walkInSwap")
        self.swap_button.clicked.connect(self.swap)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.shifts_button)
        row.addSpacing(24)
        row.addWidget(self.swap_button)
        row.addStretch(1)
        card = self.findChild(Card)
        assert card is not None
        card.body.addLayout(row)

    def offer_duties(self, shown: bool) -> None:
        """Show 'my duties' and 'ask for a swap' (not to someone who may not serve)."""
        self.shifts_button.setVisible(shown)
        self.swap_button.setVisible(shown)


class ConfirmPage(QWidget):
    """'Is it 羅信秀?' after a tap on a name, in big type, before anything is recorded."""

    yes = Signal()
    no = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.yes_button = BigButton(self.tr("Yes"), role="primary")
        self.yes_button.setObjectName("confirmYes")
        self.no_button = BigButton(self.tr("No"))
        self.no_button.setObjectName("confirmNo")
        self.question = question_card(self, "confirmName", self.yes_button, self.no_button, 96, 60)
        self.question.setObjectName("confirmName")
        self.yes_button.clicked.connect(self.yes)
        self.no_button.clicked.connect(self.no)

    def ask(self, name: str) -> None:
        self.question.setText(self.tr("Is it {name}?").format(name=name))


class PinPage(QWidget):
    """A PIN pad (core.pins: PIN_DIGITS digits) with big keys, shown after tapping a name when PINs are required."""

    entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pin = ""
        card = Card()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)
        self.prompt = wrap_label(role="detail")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = QLabel()
        self.dots.setProperty("role", "person")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = wrap_label(role="notice")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Side by side, so a 768 px high screen has room for four rows of big keys.
        left = QVBoxLayout()
        left.addStretch(1)
        for w in (self.prompt, self.dots, self.error):
            left.addWidget(w)
        left.addStretch(1)
        grid = QGridLayout()
        grid.setSpacing(8)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "cancel"]
        for i, key in enumerate(keys):
            if key == "clear":
                b = BigButton(self.tr("Clear"), role="key")
                b.clicked.connect(self.clear)
            elif key == "cancel":
                b = BigButton(self.tr("Cancel"), role="danger")
                b.clicked.connect(self.cancelled)
            else:
                b = BigButton(key, role="key")
                b.setObjectName(f"pinKey{key}")
                b.clicked.connect(lambda _=False, k=key: self.press(k))
            b.setMinimumSize(120, 72)
            grid.addWidget(b, i // 3, i % 3)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addSpacing(32)
        row.addLayout(grid)
        row.addStretch(1)
        card.body.addLayout(row)

    def ask(self, name: str, error: str = "") -> None:
        self._pin = ""
        self.prompt.setText(
            self.tr("{name}, please enter your {digits}-digit PIN").format(
                name=name, digits=PIN_DIGITS
            )
        )
        self.error.setText(error)
        self._show()

    def clear(self) -> None:
        self._pin = ""
        self._show()

    def press(self, digit: str) -> None:
        if not digit.isdigit() or len(self._pin) >= PIN_DIGITS:
            return
        self._pin += digit
        self._show()
        if len(self._pin) == PIN_DIGITS:
            pin, self._pin = self._pin, ""
            self.entered.emit(pin)

    def backspace(self) -> None:
        self._pin = self._pin[:-1]
        self._show()

    def _show(self) -> None:
        self.dots.setText(" ".join("●" if i < len(self._pin) else "○" for i in range(4)))


class ShiftsPage(QWidget):
    """My duties in the next four weeks, with the way to ask for a swap."""

    done = Signal()
    swap = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = Card()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.card)
        self.list = QGridLayout()
        self.list.setHorizontalSpacing(40)
        self.list.setVerticalSpacing(6)
        self.card.body.addLayout(self.list)
        self.card.body.addStretch(1)
        self.message = wrap_label(role="notice")
        self.message.setObjectName("swapMessage")
        self.card.body.addWidget(self.message)
        row = QHBoxLayout()
        self.swap_button = BigButton(self.tr("Ask for a swap"))
        self.swap_button.setObjectName("swapButton")
        self.swap_button.clicked.connect(self.swap)
        self.done_button = BigButton(self.tr("Done"), role="primary")
        self.done_button.setMinimumWidth(200)
        self.done_button.clicked.connect(self.done)
        row.addStretch(1)
        row.addWidget(self.swap_button)
        row.addSpacing(24)
        row.addWidget(self.done_button)
        row.addStretch(1)
        self.card.body.addLayout(row)

    def show_shifts(
        self, name: str, shifts: list[MyShift], requests: Sequence[SwapView] = ()
    ) -> None:
        """The duties in reading order (left to right, then down: 12/2 beside 12/9), each
        day in words with its year (words.dates.day_long), and under a duty the swap
        asked for it, naming the colleague asked. `requests` are the volunteer's own
        open requests; one for a duty not listed is told under the list."""
        self.card.set_title(self.tr("{name}: my duties in the next 4 weeks").format(name=name))
        self.message.setText("")
        while self.list.count():
            item = self.list.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.setParent(None)  # gone from the page at once, not at the next event loop
                w.deleteLater()
        if not shifts:
            self.list.addWidget(wrap_label(self.tr("No duties in the next 4 weeks.")), 0, 0)
        told: set[int] = set()
        for i, s in enumerate(shifts):
            text = self.tr("{day} {slot}").format(day=day_long(s.day), slot=slot_title(s.slot))
            if not s.open:
                text += " " + self.tr("(closed)")
            for v in requests:
                if v.given == ShiftKey(s.day, s.slot.code):
                    text += "\n　" + own_request_text(v)
                    told.add(v.id)
            cell = wrap_label(text)
            cell.setObjectName(f"myDuty{i}")
            self.list.addWidget(cell, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
        self.message.setText("\n".join(own_request_text(v) for v in requests if v.id not in told))


class NoteDialog(QDialog):
    """Write a handover note (交班事項) for the next volunteer; Chinese input works here.
    `author` is the volunteer who identified to write it, named in the question."""

    def __init__(self, parent: QWidget | None = None, author: str = "") -> None:
        super().__init__(parent)
        self.setProperty(SCANS_HERE, True)  # a reader's burst here is a scan
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Handover note"))
        self.setModal(True)
        box = QVBoxLayout(self)
        question = (
            self.tr("{name}, what should the next volunteer know?").format(name=author)
            if author
            else self.tr("What should the next volunteer know?")
        )
        self.question = wrap_label(question)
        self.question.setObjectName("noteQuestion")
        box.addWidget(self.question)
        self.restored = wrap_label(role="notice")
        self.restored.setObjectName("noteRestored")
        self.restored.hide()
        box.addWidget(self.restored)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("noteEditor")
        self.editor.setMinimumSize(720, 220)
        box.addWidget(self.editor)
        self.error = wrap_label(role="notice")
        box.addWidget(self.error)
        row = QHBoxLayout()
        self.save_button = BigButton(self.tr("Save note"), role="primary")
        self.save_button.setObjectName("noteSave")
        cancel = BigButton(self.tr("Cancel"))
        cancel.setObjectName("noteCancel")
        self.save_button.clicked.connect(self._save)
        cancel.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(cancel)
        box.addLayout(row)
        enter_submits(self, self.save_button)  # Enter in the note itself is a new line

    def restore(self, draft: str) -> None:
        """Give back the text this volunteer typed before the note was closed unsaved."""
        self.editor.setPlainText(draft)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self.restored.setText(self.tr("Your unfinished note was kept; here it is again."))
        self.restored.show()

    def text(self) -> str:
        """What is typed, as typed (blanks kept): a draft to give back."""
        return self.editor.toPlainText()

    def body(self) -> str:
        return self.editor.toPlainText().strip()

    def _save(self) -> None:
        body = self.body()
        if not body:
            self.error.setText(self.tr("Please write something first."))
            return
        if len(body) > NOTE_MAX:
            self.error.setText(
                self.tr("A note can be at most {max} characters.").format(max=NOTE_MAX)
            )
            return
        self.accept()
