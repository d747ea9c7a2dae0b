"""What the kiosk offers the volunteer who identified, after the answer to the scan:
swap news (outcomes, requests waiting for their answer), their duties and asking for a
swap. The kiosk window mixes this in."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from frontdesk.core.attendance import ScanOutcome
from frontdesk.services import kiosk
from frontdesk.services.attendance import ScanResult
from frontdesk.words import kiosk as kiosk_words
from frontdesk.words import scan
from frontdesk.words.dates import clock
from frontdesk.words.swaps import outcome_text, request_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QStackedWidget

    from frontdesk.core.settings import DeskSettings
    from frontdesk.services.context import Desk
    from frontdesk.ui.kiosk.offline_band import OfflineBand
    from frontdesk.ui.kiosk.pages import QuestionPage, ResultPage, ShiftsPage
    from frontdesk.ui.kiosk.swap import SwapFlow
    from frontdesk.ui.kiosk.visit import Visit

log = logging.getLogger(__name__)

SWAP_IDLE_MS = 120_000  # asking for a swap takes reading and thinking: a longer idle


def offers_duties(result: ScanResult | None) -> bool:
    """'My duties' and swaps are offered to a volunteer who identified and may serve: not
    to an inactive one, whose lists would be empty."""
    return (
        result is not None
        and result.volunteer_id is not None
        and result.outcome is not ScanOutcome.INACTIVE
    )


class AfterScan:
    """Swap news under the answer, 'my duties', and the swap flow's entry points."""

    desk: Desk
    settings: DeskSettings
    visit: Visit
    pages: QStackedWidget
    result_page: ResultPage
    shifts_page: ShiftsPage
    swap_flow: SwapFlow
    offline_band: OfflineBand
    last_result: ScanResult | None
    _idle: QTimer
    _idle_ms: int
    RESULT: int
    QUESTION: int
    question_page: QuestionPage
    SHIFTS: int
    SWAP: int

    def _scan_view(self, result: ScanResult) -> scan.ScanView:
        """The answer to a scan; an unknown number tells how the desk's numbers look, and
        that the digits alone find a volunteer only when no number is shared (read from
        the replica while the shared server is away, so the words stay the same)."""
        if result.outcome is not ScanOutcome.UNKNOWN_CARD:
            return scan.scan_view(result)
        try:
            example = kiosk.code_example(self.visit.here)
            digits = kiosk.digits_alone_are_enough(self.visit.here)
        except Exception:
            log.exception("code example failed")
            return scan.scan_view(result)
        return scan.scan_view(result, example, digits_alone=digits)

    def go_home(self) -> None:
        raise NotImplementedError

    def _tell(self, text: str) -> None:
        """`text` under the answer (or the question) the scan just showed."""
        if self.pages.currentIndex() == self.QUESTION:
            q = self.question_page.question
            q.setText(q.text() + "\n\n" + text)
            return
        notices = self.result_page.notices
        notices.setText("\n".join(t for t in (notices.text(), text) if t))
        notices.setVisible(True)

    def show_message(self, text: str) -> None:
        raise NotImplementedError

    def _answer_shown(self) -> None:
        """The answer's own time is up (setting answer_seconds): home, unless the volunteer
        went on to another page."""
        if self.pages.currentIndex() == self.RESULT:
            self.go_home()

    def _walk_in_no(self) -> None:
        """The walk-in question answered no: nothing is recorded, but the volunteer did
        identify, so swap news and requests waiting for their answer are still shown."""
        pending = self.visit.take_pending()
        if pending is None or not offers_duties(pending) or pending.volunteer_id is None:
            self.go_home()
            return
        try:
            news = self.visit.swap_news(pending.volunteer_id)
        except Exception:
            log.exception("swap news failed")
            news = None
        if news is None or not (news.waiting or news.outcomes):
            self.go_home()
            return
        head, detail = kiosk_words.walk_in_declined()
        view = scan.ScanView(scan.INFO, head, pending.name, clock(self.desk.now()), detail)
        self._show_view(view, pending)
        self.show_swap_news(pending)

    def _requests_first(self, result: ScanResult) -> bool:
        """A volunteer who would be asked the walk-in question while a colleague's request
        waits for their answer is shown the request first, with its answer buttons (they
        most likely came for it); nothing is recorded, a walk-in scans again. False when
        nothing waits."""
        if not offers_duties(result):
            return False
        waiting = self.visit.waiting_swaps()
        if not waiting:
            return False
        self.visit.take_pending()  # the walk-in question is not asked over the request
        self.answer_swaps()
        return True

    def _walk_in_instead(self, then: Callable[[], None]) -> None:
        """Beside the walk-in question, 'my duties' or 'ask for a swap' was tapped: nothing
        is recorded (the question is dropped), the volunteer stays identified for `then`."""
        self.visit.take_pending()
        then()

    def _show_view(self, view: scan.ScanView, result: ScanResult | None) -> None:
        raise NotImplementedError

    def show_swap_news(self, result: ScanResult) -> None:
        """Under the answer to a scan: swap outcomes not yet seen (shown once), and the
        requests waiting for this volunteer's answer."""
        vid = result.volunteer_id
        if (
            vid is None
            or self.last_result is not result
            or self.pages.currentIndex() != self.RESULT
        ):
            return
        try:
            news = self.visit.swap_news(vid)
            told = [outcome_text(v, vid, self.settings) for v in news.outcomes]
            if news.waiting:  # the button under it says what it answers
                told += [request_text(v, self.settings) for v in self.visit.waiting_swaps()]
            text = "\n".join(told)
            self.result_page.show_swap_news(text, waiting=news.waiting)
            self.visit.mark_seen(vid, news)
        except Exception:
            log.exception("swap news failed")

    def answer_swaps(self) -> None:
        """The colleague answers the requests waiting for them."""
        if self.visit.identified is None:
            self.go_home()
            return
        vid, name = self.visit.identified
        self.swap_flow.answer(vid, name, self.visit.waiting_swaps())
        self._open_swap_page()

    def start_swap(self) -> None:
        """From 'my duties': ask for a swap."""
        if self.visit.identified is None:
            self.go_home()
            return
        if self.offline_band.refuses(self.show_message):
            return
        self.swap_flow.start(*self.visit.identified)
        self._open_swap_page()

    def _open_swap_page(self) -> None:
        self._idle.setInterval(max(self._idle_ms, SWAP_IDLE_MS))
        self.pages.setCurrentIndex(self.SWAP)
        self._idle.start()

    def show_my_shifts(self) -> None:
        duties = self.visit.my_duties()
        if duties is None:
            self.go_home()
            return
        self.shifts_page.show_shifts(duties.name, duties.shifts, duties.own)
        self.shifts_page.swap_button.setVisible(bool(duties.shifts))  # nothing to swap
        self.pages.setCurrentIndex(self.SHIFTS)
        self._idle.start()
