"""The desk kiosk: the window that stays open all day at the service desk."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import frontdesk
from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.board import Board
from frontdesk.core.codes import code_char
from frontdesk.core.settings import DeskSettings
from frontdesk.services import housekeeping, kiosk
from frontdesk.services.attendance import ScanResult
from frontdesk.services.context import Desk, settings
from frontdesk.services.offline.desk import OfflineDesk
from frontdesk.ui import screens, style
from frontdesk.ui.kiosk import dialogs, sounds
from frontdesk.ui.kiosk.after_scan import AfterScan, offers_duties
from frontdesk.ui.kiosk.by_hand import ByHand
from frontdesk.ui.kiosk.home import HomePage, KioskHeader, MessagePage, StatusBanner, show_today
from frontdesk.ui.kiosk.notes import NoteFlow
from frontdesk.ui.kiosk.offline_band import OfflineBand
from frontdesk.ui.kiosk.pad import NumberPad
from frontdesk.ui.kiosk.pages import (
    ConfirmPage,
    PinPage,
    QuestionPage,
    ResultPage,
    ShiftsPage,
)
from frontdesk.ui.kiosk.reader import CardReader
from frontdesk.ui.kiosk.sign_out import UNDO_SHOWN_MS, SignOutFlow
from frontdesk.ui.kiosk.swap import SwapFlow
from frontdesk.ui.kiosk.visit import Visit
from frontdesk.ui.widgets import wrap_label
from frontdesk.words import kiosk as kiosk_words
from frontdesk.words import scan
from frontdesk.words.dates import clock, long_date

log = logging.getLogger(__name__)

SWEEP_MS = 60_000
TYPED_RESET_S = 5.0  # a pause this long starts a new typed number


class KioskWindow(ByHand, AfterScan, QMainWindow):
    """Clock, today's roster, duty points, phone script, handover notes; sign in and out.

    Keys typed anywhere in the window (a card reader's burst or a typed number) collect
    in one buffer that Enter submits; input methods are off here so a reader works while
    the Chinese IME is on.
    """

    supervisor_requested = Signal()
    scanned = Signal(object)  # ScanResult

    HOME, RESULT, QUESTION, PIN, SHIFTS, MESSAGE, SWAP = range(7)

    def __init__(
        self, desk: Desk, parent: QWidget | None = None, *, offline: OfflineDesk | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.offline = offline  # a desk on a shared server: scanning goes on without it
        self.settings: DeskSettings = settings(self._board_desk())
        self.board: Board | None = None
        self.last_result: ScanResult | None = None
        self._typed = ""
        self._typed_at = 0.0
        self.visit = Visit(desk, offline)  # who identified, until the kiosk goes home
        self._minute = ""
        self._supervisor_handler: Callable[[], None] | None = None

        self.setWindowTitle(self.tr("Front desk – volunteer sign-in") + f" {frontdesk.__version__}")
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        root = QWidget()
        root.setObjectName("kiosk")
        root.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        root.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setCentralWidget(root)
        outer = QVBoxLayout(root)
        outer.setContentsMargins(16, 10, 16, 10)
        outer.setSpacing(8)

        self.header = KioskHeader()
        self.header.supervisor_button.clicked.connect(self._supervisor_clicked)
        self.supervisor_button = self.header.supervisor_button
        self.agency = self.header.agency
        outer.addWidget(self.header)
        self.status = StatusBanner()
        outer.addWidget(self.status)
        self.offline_band = OfflineBand(offline)
        outer.addWidget(self.offline_band)

        outer.addWidget(self._build_pages(), 1)

        outer.addLayout(self._build_footer())

        self._build_timers()
        self.sounds = sounds.Sounds(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.reader = CardReader(self)  # installed after: sees every key first
        self.reader.card.connect(self.card_scanned)
        self.resize(1366, 768)
        self.setMinimumSize(1024, 700)
        self.type_scaler = screens.TypeScaler(self, style.stylesheet("kiosk"))
        self.refresh()
        self._tick.start()
        self._sweep.start()

    # --- building ---------------------------------------------------------------------

    def _build_pages(self) -> QStackedWidget:
        """The views in the order of HOME, RESULT, QUESTION, PIN, SHIFTS, MESSAGE, SWAP."""
        self.pages = QStackedWidget()
        self.home = HomePage()
        self.home.tapped.connect(self.tap)
        self.home.note_requested.connect(self.write_note)
        self.pages.addWidget(self.home)
        self.result_page = ResultPage()
        self.result_page.done.connect(self.go_home)
        self.result_page.my_shifts.connect(self.show_my_shifts)
        self.result_page.answer_swaps.connect(self.answer_swaps)
        self.pages.addWidget(self.result_page)
        self.question_page = QuestionPage()
        self.question_page.yes.connect(self._walk_in_yes)
        self.question_page.no.connect(self._walk_in_no)
        self.question_page.my_shifts.connect(lambda: self._walk_in_instead(self.show_my_shifts))
        self.question_page.swap.connect(lambda: self._walk_in_instead(self.start_swap))
        self.pages.addWidget(self.question_page)
        self.pin_page = PinPage()
        self.pin_page.entered.connect(self._pin_entered)
        self.pin_page.cancelled.connect(self.go_home)
        self.pages.addWidget(self.pin_page)
        self.shifts_page = ShiftsPage()
        self.shifts_page.done.connect(self.go_home)
        self.shifts_page.swap.connect(self.start_swap)
        self.pages.addWidget(self.shifts_page)
        self.message_page = MessagePage()
        self.message_page.back.connect(self.go_home)
        self.pages.addWidget(self.message_page)
        self.swap_flow = SwapFlow(self.desk)
        self.swap_flow.setObjectName("swapFlow")
        self.swap_flow.finished.connect(self.go_home)
        self.swap_flow.changed.connect(self.refresh)
        self.pages.addWidget(self.swap_flow)
        self.sign_out = SignOutFlow(self)  # its page, the answers and the undo
        self.confirm_page = ConfirmPage()  # after the fixed pages: its index is kept as given
        self.confirm_page.yes.connect(self._confirm_yes)
        self.confirm_page.no.connect(self.go_home)
        self.CONFIRM = self.pages.addWidget(self.confirm_page)
        self._confirming = None
        self.pad_page = NumberPad()
        self.pad_page.entered.connect(lambda code: self.identify(code, by_card=False))
        self.pad_page.cancelled.connect(self.go_home)
        self.PAD = self.pages.addWidget(self.pad_page)
        self.note_ask_page = MessagePage()  # who writes the note? a card or a number
        self.note_ask_page.setObjectName("noteAskPage")
        self.note_ask_page.message.setObjectName("noteAsk")
        self.note_ask_page.back.connect(self.go_home)
        self.NOTE_ASK = self.pages.addWidget(self.note_ask_page)
        self.notes = NoteFlow(self)
        return self.pages

    def _build_footer(self) -> QHBoxLayout:
        """How to sign in, and the number typed so far."""
        footer = QHBoxLayout()
        self.hint = wrap_label(
            self.tr(
                "Scan your volunteer card, or type your number and press Enter, or tap your name."
            ),
            role="hint",
        )
        self.hint.setObjectName("hint")
        self.typed = QLabel()
        self.typed.setProperty("role", "typed")
        self.typed.setObjectName("typed")
        footer.addWidget(self.hint, 1)
        footer.addWidget(self.typed)
        footer.addWidget(self._pad_button())
        return footer

    def _build_timers(self) -> None:
        """The clock's second, the minute's housekeeping, the idle return home, and the
        answer's own return home."""
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._sweep = QTimer(self)
        self._sweep.setInterval(SWEEP_MS)
        self._sweep.timeout.connect(self.sweep)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle_ms = self.settings.kiosk_idle_seconds * 1000
        self._idle.setInterval(self._idle_ms)
        self._idle.timeout.connect(self.go_home)
        self._answer = QTimer(self)  # the answer to a scan goes home after answer_seconds
        self._answer.setSingleShot(True)
        self._answer.timeout.connect(self._answer_shown)

    # --- refreshing -------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload today's board, the badge and the clock from the database."""
        try:
            shown = kiosk.refresh(self._board_desk())  # one round trip on a server
            self.settings, self.board, pending = shown.settings, shown.board, shown.pending
        except Exception:  # the database may be briefly unreachable; keep the last view
            log.exception("kiosk refresh failed")
            return
        idle_ms = self.settings.kiosk_idle_seconds * 1000
        if idle_ms != self._idle_ms:  # setInterval restarts a running timer: only on change
            self._idle_ms = idle_ms
            self._idle.setInterval(idle_ms)
        self.supervisor_button.set_count(pending)
        self._render_board(self.board)
        self._on_tick()

    def _board_desk(self) -> Desk:
        """Where today's board is read: the desk's replica while its server is away."""
        offline = self.offline
        return offline.local if offline is not None and not offline.online else self.desk

    def _render_board(self, board: Board) -> None:
        # a desk on a shared server shows its own name (services.offline.identity)
        desk_name = self.offline.name if self.offline is not None else None
        show_today(self.header, self.status, self.home, board, self.settings, desk_name)

    def _on_tick(self) -> None:
        now = self.desk.now()
        from frontdesk.core.timeutil import local

        here = local(now)
        minute = here.strftime("%Y%m%d%H%M")
        self.header.clock.setText(here.strftime("%H:%M"))
        self.header.date.setText(long_date(here.date()))
        if self._minute and minute != self._minute:
            self._minute = minute
            self.refresh()
        self._minute = minute

    # --- scanning ---------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(obj, QDialog) and obj.parent() is not None:
            owner = obj.parentWidget()
            if owner is not None and owner.window() is self:
                dialogs.apply_look(obj, self.type_scaler.scale)  # big type, touch sizes
        if kind in (
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.TouchBegin,
        ) and (self._idle.isActive() or self.pages.currentIndex() != self.HOME):
            self._idle.start()
            if self._answer.isActive():  # someone is still reading or tapping
                self._answer.start()
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(obj, QWidget)
            and obj.window() is self
            and QApplication.activeModalWidget() is None
            and isinstance(event, QKeyEvent)
        ):
            return self._on_key(event)
        return False

    def _on_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            code, self._typed = self._typed, ""
            self._show_typed()
            if code and self.pages.currentIndex() == self.SWAP and self.swap_flow.wants_scan():
                self.swap_flow.identify(code)  # the colleague agrees: no sign-in here
            elif code and self.pages.currentIndex() != self.PIN:
                self.identify(code, by_card=False)  # a reader's burst is card_scanned
            return True
        if key == Qt.Key.Key_Escape:
            self.go_home()
            return True
        if key == Qt.Key.Key_Backspace:
            if self.pages.currentIndex() == self.PIN:
                self.pin_page.backspace()
            self._typed = self._typed[:-1]
            self._show_typed()
            return True
        text = code_char(event.text())  # a full-width ０-９ from an input method counts too
        if text:
            if self.pages.currentIndex() == self.PIN:
                self.pin_page.press(text)
                return True
            now = time.monotonic()
            if now - self._typed_at > TYPED_RESET_S:
                self._typed = ""
            self._typed_at = now
            self._typed = (self._typed + text)[:40]
            self._show_typed()
            return True
        return False

    def _show_typed(self) -> None:
        self.typed.setText(
            self.tr("Number: {code}").format(code=self._typed) if self._typed else ""
        )

    def card_scanned(self, code: str) -> None:
        """A card reader's burst, from any kiosk page or dialog (ui.kiosk.reader): the
        colleague asked to agree to a swap is identified; anywhere else the page or dialog
        it interrupted closes and the card is scanned."""
        if self.pages.currentIndex() == self.SWAP and self.swap_flow.wants_scan():
            self.swap_flow.identify(code)
            return
        if self.notes.waiting and self.pages.currentIndex() in (self.NOTE_ASK, self.PAD, self.PIN):
            self.notes.identify(code)  # who writes the note: no sign-in here
            return
        # A dialog closed by the card keeps what was typed in it (a note: its draft).
        note = self.notes.dialog
        note_kept = note is not None and note.isVisible() and bool(note.text().strip())
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self.go_home()
        self.submit(code)
        if note_kept:  # the writer sees their text go: say it is kept for them
            self._tell(kiosk_words.note_kept())

    def submit(
        self, code: str, *, confirm_walk_in: bool = False, confirm_sign_out: bool = False
    ) -> ScanResult | None:
        """Sign in or out by a card code or typed number; shows the answer in big type."""
        try:
            result = self.visit.scan(
                code, confirm_walk_in=confirm_walk_in, confirm_sign_out=confirm_sign_out
            )
        except Exception as exc:
            from frontdesk.services.errors import is_bug
            from frontdesk.words.errors import describe_error

            if not is_bug(exc):  # a bug is logged, with its traceback, as it is described
                log.exception("scan failed")

            self._show_view(
                scan.ScanView(
                    scan.BAD,
                    self.tr("Could not record this scan"),
                    "",
                    clock(self.desk.now()),
                    describe_error(exc)
                    + "\n"
                    + self.tr("Please try again, or use the paper sign-in sheet."),
                ),
                None,
            )
            return None
        self.last_result = result
        if result.outcome is ScanOutcome.CONFIRM_WALK_IN and self._requests_first(result):
            pass  # a request waiting for this volunteer is told before any question
        elif result.outcome is ScanOutcome.CONFIRM_WALK_IN:
            notices = scan.scan_view(result).notices
            self.question_page.question.setText(
                "\n\n".join([scan.walk_in_question(result), *notices])
            )
            self.question_page.offer_duties(offers_duties(result))
            self.pages.setCurrentIndex(self.QUESTION)
            self._idle.start()
            self.sounds.play(sounds.LOOK, self.settings.sound_volume)
        elif result.outcome is ScanOutcome.CONFIRM_SIGN_OUT:
            self.sign_out.ask(result)  # no answer: the idle return records nothing
            self._idle.start()
            self.sounds.play(sounds.LOOK, self.settings.sound_volume)
        else:
            self._show_view(self._scan_view(result), result)
            if result.outcome is ScanOutcome.SIGNED_OUT:
                self.sign_out.offer_undo(result)
                # the answer stays while 按錯了？ is offered
                self._answer.start(max(self._answer.interval(), UNDO_SHOWN_MS))
        self.scanned.emit(result)
        if result.outcome in (ScanOutcome.SIGNED_IN, ScanOutcome.SIGNED_OUT):
            QTimer.singleShot(0, self.refresh)  # off the confirmation path
        if offers_duties(result) and result.outcome is not ScanOutcome.CONFIRM_WALK_IN:
            QTimer.singleShot(0, lambda: self.show_swap_news(result))
        return result

    def _show_view(self, view: scan.ScanView, result: ScanResult | None) -> None:
        self.result_page.show_view(view, can_show_shifts=offers_duties(result))
        self.pages.setCurrentIndex(self.RESULT)
        self._idle.start()
        self._answer.start(self.settings.answer_seconds * 1000)  # its own, shorter return
        self.sounds.play(sounds.for_tone(view.tone), self.settings.sound_volume)

    def _walk_in_yes(self) -> None:
        pending = self.visit.take_pending()
        if pending is None:
            self.go_home()
            return
        result = self.submit(pending.code, confirm_walk_in=True)
        if result is not None and pending.auto_closed and not result.auto_closed:
            # The notice was given with the question; repeat it with the answer.
            view = scan.scan_view(replace(result, auto_closed=pending.auto_closed))
            self._show_view(view, result)

    # --- other views ------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message_page.message.setText(text)
        self.pages.setCurrentIndex(self.MESSAGE)
        self._idle.start()

    def set_supervisor_handler(self, handler: Callable[[], None] | None) -> None:
        """What the 督導 button opens; until the supervisor area exists, a notice."""
        self._supervisor_handler = handler

    def _supervisor_clicked(self) -> None:
        if self.offline_band.refuses(self.show_message):
            return
        self.supervisor_requested.emit()
        if self._supervisor_handler is not None:
            self._supervisor_handler()
        else:
            self.show_message(
                self.tr(
                    "The supervisor area opens here after the supervisor signs in.\n"
                    "It is not available in this version yet."
                )
            )

    def write_note(self) -> None:
        """The note button: who writes is asked first (ui.kiosk.notes); offline the
        kiosk says notes need the server."""
        if self.offline_band.refuses(self.show_message):
            return
        self.notes.ask()

    def go_home(self) -> None:
        """Back to the home view; personal views and the typed number are cleared."""
        self._idle.stop()
        self._answer.stop()
        self._idle.setInterval(self._idle_ms)
        self.swap_flow.reset()
        self.visit.forget()
        self._confirming = None
        self._typed = ""
        self._show_typed()
        self.pin_page.clear()
        self.pad_page.clear()
        self.shifts_page.show_shifts("", [])
        self.result_page.show_view(scan.ScanView(scan.OK, "", "", "", ""), can_show_shifts=False)
        self.notes.close()  # an open note keeps its text as the writer's draft
        self.pages.setCurrentIndex(self.HOME)

    def sweep(self) -> None:
        """The desk's housekeeping (services.housekeeping.sweep), every minute off the scan
        path; the board is drawn again when records changed."""
        try:
            # The daily backup is the app's, off this thread (frontdesk.app.keep_backups).
            done = housekeeping.sweep(self.desk, daily_backup=False)
        except Exception as exc:
            from frontdesk.services.errors import log_failure

            log_failure(log, "sweep failed", exc)
            return
        if done.changed:
            self.refresh()

    def closeEvent(self, event: object) -> None:  # type: ignore[override]
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.reader.stop()
        for dialog in self.findChildren(QDialog):  # none left over the desk without it
            if dialog.isVisible():
                dialog.reject()  # a note or a reason keeps its text as a draft
        for timer in (self._tick, self._sweep, self._idle, self._answer):
            timer.stop()
        self.offline_band.stop()
        super().closeEvent(event)  # type: ignore[arg-type]
