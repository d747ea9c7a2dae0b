"""The kiosk's visit without a window: who identified, a walk-in waiting for its answer,
a PIN, swap news told once, 'my duties', and the slot a handover note belongs to."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.services import kiosk, pins, roster, swaps
from frontdesk.services.context import Desk
from frontdesk.services.pins import PinAnswer
from frontdesk.ui.kiosk.visit import Visit, Who, note_slot
from tests.ui.conftest import MONDAY, Clock
from tests.ui.test_swap_steps import ids

NOV16 = ShiftKey(date(2026, 11, 16), "AM")


def test_the_visit_is_plain_python() -> None:
    code = (
        "import sys, frontdesk.ui.kiosk.visit; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_scan_identifies_and_a_walk_in_waits_for_its_answer_once(kiosk_desk: Desk) -> None:
    visit = Visit(kiosk_desk)
    v = ids(kiosk_desk)
    assert visit.scan("A001").outcome is ScanOutcome.SIGNED_IN
    assert visit.identified == (v["A001"], "王小明") and visit.pending is None
    walk_in = visit.scan("A003")  # not on today's roster: asked first
    assert walk_in.outcome is ScanOutcome.CONFIRM_WALK_IN
    assert visit.identified == (v["A003"], "陳大同")
    assert visit.take_pending() is walk_in and visit.take_pending() is None
    visit.forget()
    assert (visit.identified, visit.pending, visit.pin_for) == (None, None, None)
    assert visit.my_duties() is None and visit.waiting_swaps() == []


def test_a_pin_is_asked_only_when_the_desk_wants_one(kiosk_desk: Desk) -> None:
    visit = Visit(kiosk_desk)
    [li] = [e for e in kiosk.board(kiosk_desk).slots[0].entries if e.code == "A002"]
    who = Who(li.volunteer_id, li.name, li.code)
    assert visit.who("a002") == who and visit.who("ZZ9") is None
    # the desk asks no PIN: none is asked
    assert visit.needs_pin(who, require_pin=False) is None and visit.pin_for is None
    # the desk asks one and she has none: she is told, not let through
    state = visit.needs_pin(who, require_pin=True)
    assert state is not None and state.answer is PinAnswer.NO_PIN and visit.pin_for is None
    pins.set_pin(kiosk_desk, li.volunteer_id, "2468")
    state = visit.needs_pin(who, require_pin=True)
    assert state is not None and state.answer is PinAnswer.RIGHT and visit.pin_for == who
    assert visit.check_pin("1111").answer is PinAnswer.WRONG and visit.pin_for == who
    assert visit.check_pin("2468").answer is PinAnswer.RIGHT and visit.pin_for is None
    assert visit.check_pin("2468").answer is PinAnswer.NO_PIN  # nobody is waiting any more


def test_swap_news_is_the_last_week_and_told_once(kiosk_desk: Desk, clock: Clock) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    rid = swaps.request(
        kiosk_desk,
        SwapProposal(SwapKind.COVER, v["A001"], NOV16, v["A002"]),
        colleague_agrees_now=True,
    )
    swaps.reject(kiosk_desk, rid, "該日已有安排")
    visit = Visit(kiosk_desk)
    news = visit.swap_news(v["A001"])
    assert [x.id for x in news.outcomes] == [rid] and news.waiting == 0
    assert visit.swap_news(v["A001"]).outcomes  # not marked seen until told
    visit.mark_seen(v["A001"], news)
    assert visit.swap_news(v["A001"]).outcomes == []
    # the colleague's copy: a duty more than a week past is marked seen but not told
    clock.set(date(2026, 11, 24), 9)
    old = visit.swap_news(v["A002"])
    assert old.outcomes == [] and old.seen == [rid]


def test_my_duties_and_the_requests_waiting(kiosk_desk: Desk) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    rid = swaps.request(kiosk_desk, SwapProposal(SwapKind.COVER, v["A001"], NOV16, v["A002"]))
    visit = Visit(kiosk_desk)
    visit.scan("A001")
    duties = visit.my_duties()
    assert duties is not None and duties.name == "王小明"
    assert [(s.day, s.slot.code) for s in duties.shifts] == [(MONDAY, "AM"), (NOV16.day, "AM")]
    assert [x.id for x in duties.own] == [rid]
    visit.scan("A002")
    assert [x.id for x in visit.waiting_swaps()] == [rid]


def test_a_note_belongs_to_the_slot_now_else_the_last_begun(kiosk_desk: Desk, clock: Clock) -> None:
    clock.set(MONDAY, 7, 0)  # before any slot: the first
    assert note_slot(kiosk.board(kiosk_desk)).slot.code == "AM"
    clock.set(MONDAY, 12, 30)  # between the slots: the morning, which has begun
    assert note_slot(kiosk.board(kiosk_desk)).slot.code == "AM"
    clock.set(MONDAY, 15, 0)
    assert note_slot(kiosk.board(kiosk_desk)).slot.code == "PM"
    visit = Visit(kiosk_desk)
    visit.scan("A001")
    # The writer is whoever identified to write the note (the kiosk's note step passes
    # them): here the volunteer who just scanned.
    assert visit.identified is not None
    visit.add_note(kiosk.board(kiosk_desk), "影印機卡紙", visit.identified[0])
    [note] = kiosk.board(kiosk_desk).notes
    assert (note.slot, note.body, note.author) == ("PM", "影印機卡紙", "王小明")
