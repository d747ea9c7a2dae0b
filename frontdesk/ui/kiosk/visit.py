"""Who is at the kiosk between a scan and the return home, and what the desk does for
them: plain state and calls to the use cases, no widgets. The kiosk window shows the
answers; the idle return forgets the visit."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from frontdesk.core.attendance import ScanOutcome, SlotPhase
from frontdesk.core.board import Board, SlotBoard
from frontdesk.core.timeutil import local_day
from frontdesk.services import attendance, kiosk, pins, swap_views, swaps
from frontdesk.services.attendance import ScanResult
from frontdesk.services.context import Desk
from frontdesk.services.kiosk import MyShift
from frontdesk.services.pins import PinAnswer, PinCheck
from frontdesk.services.swap_views import SwapView

if TYPE_CHECKING:
    from frontdesk.services.offline.desk import OfflineDesk

log = logging.getLogger(__name__)

SWAP_NEWS_DAYS = 7  # outcomes of duties older than this are not told any more
SWAP_NEWS_SHOWN = 2  # outcomes told under one scan answer, the newest
OWN_REQUESTS_SHOWN = 3  # open requests listed under 'my duties'
# the scans answered with a question; the answer yes scans again, confirmed
QUESTIONS = (ScanOutcome.CONFIRM_WALK_IN, ScanOutcome.CONFIRM_SIGN_OUT)


@dataclass(frozen=True)
class SwapNews:
    """Told under the answer to a scan: outcomes not seen yet, and requests waiting."""

    outcomes: list[SwapView]
    waiting: int
    seen: list[int]  # every outcome's request id, to mark seen once told


@dataclass(frozen=True)
class Who:
    """A volunteer who identified without a card (a tapped name, a typed number)."""

    volunteer_id: int
    name: str
    code: str


@dataclass(frozen=True)
class MyDuties:
    """'My duties': the coming duties and the swap requests still open."""

    name: str
    shifts: list[MyShift]
    own: list[SwapView]


def note_slot(board: Board) -> SlotBoard:
    """The slot a handover note belongs to: the one now, else the last begun, else the first."""
    return board.current or next(
        (s for s in reversed(board.slots) if s.phase != SlotPhase.BEFORE),
        board.slots[0],
    )


class Visit:
    """The volunteer who identified last (until the kiosk goes home), a walk-in waiting
    for its answer, and a volunteer identified without a card waiting for their PIN."""

    def __init__(self, desk: Desk, offline: OfflineDesk | None = None) -> None:
        self.desk = desk
        self.offline = offline  # a desk on a shared server: scans go on without it
        self.identified: tuple[int, str] | None = None  # volunteer id and name
        self.pending: ScanResult | None = None  # waiting for the walk-in answer
        self.pin_for: Who | None = None  # asked for their PIN

    @property
    def here(self) -> Desk:
        """Where the visit's reads go: the desk's replica while its shared server is away
        (a PIN tried there counts on this PC only), else the desk."""
        offline = self.offline
        return offline.local if offline is not None and not offline.online else self.desk

    def forget(self) -> None:
        self.identified = None
        self.pending = None
        self.pin_for = None

    def scan(
        self, code: str, *, confirm_walk_in: bool = False, confirm_sign_out: bool = False
    ) -> ScanResult:
        """Sign in or out by a card code or typed number (errors are raised); on a shared
        server out of reach, from the desk's replica (services.offline)."""
        scan = self.offline.scan if self.offline is not None else self._scan
        result = scan(code, confirm_walk_in=confirm_walk_in, confirm_sign_out=confirm_sign_out)
        if result.volunteer_id is not None:
            self.identified = (result.volunteer_id, result.name)
        if result.outcome in QUESTIONS:
            self.pending = result
        return result

    def _scan(
        self, code: str, *, confirm_walk_in: bool = False, confirm_sign_out: bool = False
    ) -> ScanResult:
        return attendance.scan(
            self.desk, code, confirm_walk_in=confirm_walk_in, confirm_sign_out=confirm_sign_out
        )

    def take_pending(
        self, question: ScanOutcome = ScanOutcome.CONFIRM_WALK_IN
    ) -> ScanResult | None:
        """The `question` (the walk-in, or the early sign-out) was answered yes: the scan
        it was about, once."""
        pending, self.pending = self.pending, None
        return pending if pending is not None and pending.outcome is question else None

    def undo_sign_out(self, result: ScanResult) -> ScanResult:
        """按錯了？: the sign-out `result` is taken back (errors are raised)."""
        assert result.attendance_id is not None
        if self.offline is not None:
            return self.offline.undo_sign_out(result)
        return attendance.undo_sign_out(self.desk, result.attendance_id)

    def who(self, code: str) -> Who | None:
        """The volunteer of a typed number (None: no such volunteer here)."""
        found = swap_views.identify(self.here, code)
        return Who(found.volunteer_id, found.name, found.code) if found is not None else None

    def needs_pin(self, who: Who, require_pin: bool) -> PinCheck | None:
        """None when the desk asks no PIN; else whether `who` can be asked (RIGHT: the
        PIN is asked and `who` waits for `check_pin`), has no PIN or is locked today."""
        if not require_pin:
            return None
        state = pins.pin_state(self.here, who.volunteer_id)
        self.pin_for = who if state.answer is PinAnswer.RIGHT else None
        return state

    def check_pin(self, pin: str) -> PinCheck:
        """The waiting volunteer's PIN checked (services.pins.check_pin: limited and
        audited); they stop waiting unless it was wrong with tries left."""
        who = self.pin_for
        if who is None:
            return PinCheck(PinAnswer.NO_PIN)
        check = pins.check_pin(self.here, who.volunteer_id, pin)
        if check.answer is not PinAnswer.WRONG:
            self.pin_for = None
        return check

    def swap_news(self, volunteer_id: int) -> SwapNews:
        """Outcomes not told yet, the newest of the last week (all are marked seen: news
        of a duty long past is no news, `mark_seen`), and how many requests wait for their answer."""
        news = swap_views.for_volunteer(self.here, volunteer_id)
        recent = local_day(self.desk.now()) - timedelta(days=SWAP_NEWS_DAYS)
        shown = [v for v in news.outcomes if v.given.day >= recent][-SWAP_NEWS_SHOWN:]
        return SwapNews(shown, len(news.waiting), [v.id for v in news.outcomes])

    def mark_seen(self, volunteer_id: int, news: SwapNews) -> None:
        """The outcomes were told: not again (told again when the server was away)."""
        if self.here is self.desk:
            swaps.mark_seen(self.desk, volunteer_id, news.seen)

    def waiting_swaps(self) -> list[SwapView]:
        """The requests waiting for the identified volunteer's answer ([] when unreadable)."""
        if self.identified is None:
            return []
        try:
            return list(swap_views.for_volunteer(self.here, self.identified[0]).waiting)
        except Exception:
            log.exception("swap requests failed")
            return []

    def my_duties(self) -> MyDuties | None:
        """The identified volunteer's duties and open requests (None: nobody identified);
        what cannot be read is left empty rather than failing the page."""
        if self.identified is None:
            return None
        vid, name = self.identified
        try:
            shifts = list(kiosk.my_shifts(self.here, vid))
        except Exception:
            log.exception("my shifts failed")
            shifts = []
        try:
            own = list(swap_views.for_volunteer(self.here, vid).open)
        except Exception:
            log.exception("own swap requests failed")
            own = []
        return MyDuties(name, shifts, own[:OWN_REQUESTS_SHOWN])

    def add_note(self, board: Board, body: str, author_id: int) -> None:
        """A handover note for the slot now, by the volunteer `author_id` (who identified
        to write it: a kiosk note always has its author)."""
        kiosk.add_note(self.desk, board.day, note_slot(board).slot.code, author_id, body)
