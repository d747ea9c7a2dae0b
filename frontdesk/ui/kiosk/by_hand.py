"""Identifying at the kiosk without a card: a tapped name is confirmed ('is it you?'),
and when the desk asks for PINs (setting `require_pin`) the PIN is asked before anything
is recorded, also for a badge number typed by hand or on the on-screen number pad. The
kiosk window mixes this in."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from frontdesk.core.board import BoardEntry
from frontdesk.services import kiosk
from frontdesk.services.pins import PinAnswer, PinCheck
from frontdesk.ui.kiosk.visit import Who
from frontdesk.ui.widgets import BigButton
from frontdesk.words import kiosk as kiosk_words
from frontdesk.words import scan
from frontdesk.words.dates import clock

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QStackedWidget

    from frontdesk.core.settings import DeskSettings
    from frontdesk.services.attendance import ScanResult
    from frontdesk.services.context import Desk
    from frontdesk.ui.kiosk.notes import NoteFlow
    from frontdesk.ui.kiosk.pad import NumberPad
    from frontdesk.ui.kiosk.pages import ConfirmPage, PinPage
    from frontdesk.ui.kiosk.visit import Visit

log = logging.getLogger(__name__)


class ByHand:
    """The window's steps for a name tapped or a number typed: confirm, PIN, then scan."""

    desk: Desk
    settings: DeskSettings
    visit: Visit
    pages: QStackedWidget
    confirm_page: ConfirmPage
    pin_page: PinPage
    pad_page: NumberPad
    notes: NoteFlow
    PAD: int
    PIN: int
    CONFIRM: int
    _idle: QTimer
    _confirming: Who | None

    def submit(self, code: str, *, confirm_walk_in: bool = False) -> ScanResult | None:
        raise NotImplementedError

    def go_home(self) -> None:
        raise NotImplementedError

    def _show_view(self, view: scan.ScanView, result: ScanResult | None) -> None:
        raise NotImplementedError

    def _pad_button(self) -> BigButton:
        """The footer's way to the number pad, for a volunteer with no badge at hand."""
        button = BigButton(QCoreApplication.translate("KioskWindow", "Type my number"))
        button.setObjectName("padButton")
        button.clicked.connect(self.open_pad)
        self.pad_button = button
        return button

    def open_pad(self) -> None:
        """The on-screen number pad, with keys for the letters of the site's codes."""
        try:
            letters = kiosk.code_letters(self.visit.here)
        except Exception:
            log.exception("code letters failed")
            letters = ""
        self.pad_page.open(letters)
        self.pages.setCurrentIndex(self.PAD)
        self._idle.start()

    def identify(self, code: str, *, by_card: bool) -> None:
        """A code from the card reader, or a number typed by hand: by hand, the PIN is
        asked first when the desk wants one (typing the badge number is no card). When
        the kiosk asked who writes a handover note, the code answers that instead."""
        if self.notes.waiting and (by_card or not self.settings.require_pin):
            self.notes.identify(code)  # who writes the note, nothing signed
            return
        if by_card or not self.settings.require_pin:
            self.submit(code)
            return
        who = self.visit.who(code)
        if who is None:
            if self.notes.waiting:
                self.notes.identify(code)  # 'not known', asked again
            else:
                self.submit(code)  # an unknown number is answered as such; nothing recorded
            return
        self._by_hand(who)  # the PIN first, for a note too

    def tap(self, entry: BoardEntry) -> None:
        """A volunteer tapped a name in today's roster: 'is it you?' before anything."""
        self._idle.start()
        self._confirming = Who(entry.volunteer_id, entry.name, entry.code)
        self.confirm_page.ask(entry.name)
        self.pages.setCurrentIndex(self.CONFIRM)

    def _confirm_yes(self) -> None:
        who, self._confirming = self._confirming, None
        if who is None:
            self.go_home()
            return
        self._by_hand(who)

    def _by_hand(self, who: Who) -> None:
        """Identified without a card: the PIN when the desk asks for one, else the scan."""
        state = self.visit.needs_pin(who, self.settings.require_pin)
        if state is None:
            self.submit(who.code)
        elif state.answer is PinAnswer.RIGHT:
            self.pin_page.ask(who.name)
            self.pages.setCurrentIndex(self.PIN)
            self._idle.start()
        else:
            self._pin_refused(who, state)

    def _pin_entered(self, pin: str) -> None:
        who = self.visit.pin_for
        if who is None:
            self.go_home()
            return
        check = self.visit.check_pin(pin)
        if check.answer is PinAnswer.RIGHT and self.notes.waiting:
            self.notes.open(who)  # the PIN named the note's writer
        elif check.answer is PinAnswer.RIGHT:
            self.submit(who.code)
        elif check.answer is PinAnswer.WRONG:
            self.pin_page.ask(who.name, kiosk_words.pin_wrong(check.left))
        else:
            self._pin_refused(who, check)

    def _pin_refused(self, who: Who, check: PinCheck) -> None:
        head, detail = kiosk_words.pin_refused(check.answer is PinAnswer.LOCKED)
        view = scan.ScanView(scan.BAD, head, who.name, clock(self.desk.now()), detail)
        self._show_view(view, None)
