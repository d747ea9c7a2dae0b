"""Handover notes at the kiosk: who writes is asked first (a card, a typed number or the
number pad), so every note has its author; and what was typed is never lost when a
card, the idle return or a tap closes the note: it is kept as that volunteer's draft
for the day and given back when they come to write again."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtWidgets import QWidget

from frontdesk.core.timeutil import local_day
from frontdesk.ui.kiosk.drafts import Drafts
from frontdesk.ui.kiosk.pages import NoteDialog
from frontdesk.ui.kiosk.visit import Who
from frontdesk.words import kiosk as kiosk_words

if TYPE_CHECKING:
    from frontdesk.ui.kiosk.window import KioskWindow

log = logging.getLogger(__name__)


def place_over_pages(dialog: QWidget, pages: QWidget) -> None:
    """Put `dialog` over the kiosk's page area, inside it: the clock and the status bar
    above it stay in sight (centred on the screen it covered the status bar)."""
    area = QRect(pages.mapToGlobal(QPoint(0, 0)), pages.size())
    size = dialog.sizeHint().boundedTo(area.size()).expandedTo(dialog.minimumSizeHint())
    width, height = min(size.width(), area.width()), min(size.height(), area.height())
    left = area.left() + (area.width() - width) // 2
    dialog.setGeometry(left, area.top(), width, height)


class NoteFlow(QObject):
    """Asks who writes, opens the note for them with their draft, saves it in their name."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self.window = window
        self.drafts = Drafts()
        self.waiting = False  # asked who writes; the next card or number answers
        self.dialog: NoteDialog | None = None
        self.author: Who | None = None
        self._home_hint = ""
        window.pages.currentChanged.connect(self._hint_for_page)

    def _hint_for_page(self, index: int) -> None:
        """The footer's hint while 'who writes?' is asked: a card or a number names the
        writer; tapping a name (the home page's way) does not apply there."""
        w = self.window
        if index == w.NOTE_ASK:
            self._home_hint = self._home_hint or w.hint.text()
            w.hint.setText(kiosk_words.note_who_hint())
        elif self._home_hint:
            w.hint.setText(self._home_hint)
            self._home_hint = ""

    def ask(self) -> None:
        """The note button: straight to the note for the volunteer who just identified,
        else ask for their card or number first."""
        w = self.window
        if w.visit.identified is not None:
            vid, name = w.visit.identified
            self.open(Who(vid, name, ""))
            return
        self.waiting = True
        w.note_ask_page.message.setText(kiosk_words.note_who())
        w.pages.setCurrentIndex(w.NOTE_ASK)
        w._idle.start()

    def identify(self, code: str) -> None:
        """The card or number that answers 'who writes?'."""
        w = self.window
        try:
            who = w.visit.who(code)
        except Exception:
            log.exception("note author lookup failed")
            who = None
        if who is None:
            w.note_ask_page.message.setText(kiosk_words.note_who(unknown=code))
            w.pages.setCurrentIndex(w.NOTE_ASK)
            w._idle.start()
            return
        self.open(who)

    def open(self, who: Who) -> None:
        """The note dialog for `who`, with their draft of today when there is one."""
        w = self.window
        self.waiting = False
        w.pages.setCurrentIndex(w.HOME)
        self.author = who
        dialog = NoteDialog(w, author=who.name)
        self.dialog = dialog
        draft = self.drafts.take(self._today(), who.volunteer_id)
        if draft:
            dialog.restore(draft)
        dialog.accepted.connect(lambda: self._save(who, dialog.body()))
        dialog.rejected.connect(lambda: self._keep(who, dialog.text()))
        dialog.open()
        place_over_pages(dialog, w.pages)

    def _keep(self, who: Who, text: str) -> None:
        """Closed without saving (a card, the idle return, 取消): the text is their draft."""
        self.drafts.keep(self._today(), who.volunteer_id, text)

    def _save(self, who: Who, body: str) -> None:
        w = self.window
        board = w.board
        if board is None:
            self._keep(who, body)
            return
        try:
            w.visit.add_note(board, body, who.volunteer_id)
        except Exception as exc:
            from frontdesk.words.errors import describe_error

            self._keep(who, body)  # not saved: still theirs to send again
            w.show_message(describe_error(exc))
            return
        self.drafts.drop(self._today(), who.volunteer_id)
        w.refresh()
        w.home.show_notes()

    def close(self) -> None:
        """Home: no longer waiting; an open note closes and keeps its text as a draft."""
        self.waiting = False
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.reject()

    def _today(self) -> date:
        return local_day(self.window.desk.now())
