"""The kiosk's swap flow driven without a widget: SwapSteps decides each step, calls the
use case and reports what came of it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, time, timedelta

from sqlalchemy import select

from frontdesk.core.findings import Code
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind
from frontdesk.core.text import SWAP_REASON
from frontdesk.core.timeutil import at
from frontdesk.services import roster, swap_views, volunteers
from frontdesk.services.context import Desk
from frontdesk.services.errors import RuleViolation
from frontdesk.store.models import SwapRequest
from frontdesk.ui.kiosk.swap_flow import PAGE_SIZE, Outcome, Reason, Step, SwapSteps
from tests.ui.conftest import MONDAY, Clock

NOV16 = ShiftKey(date(2026, 11, 16), "AM")  # two weeks ahead of Monday 2 November
NOV17 = ShiftKey(date(2026, 11, 17), "PM")
NOV5 = ShiftKey(date(2026, 11, 5), "AM")  # three days ahead: short notice


def ids(desk: Desk) -> dict[str, int]:
    with desk.db.read() as s:
        return {c: volunteers.by_code(s, desk, c).id for c in ("A001", "A002", "A003")}  # type: ignore[union-attr]


def requests(desk: Desk) -> list[SwapRequest]:
    with desk.db.read() as s:
        return list(s.scalars(select(SwapRequest).order_by(SwapRequest.id)))


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1


def test_the_flow_is_plain_python() -> None:
    code = (
        "import sys, frontdesk.ui.kiosk.swap_flow; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_cover_agreed_on_the_spot(kiosk_desk: Desk) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    changed = Counter()
    flow = SwapSteps(kiosk_desk, changed)
    screen = flow.start(v["A001"], "王小明")
    # today's duty, not started yet at 08:27, and the one in two weeks
    assert screen.step is Step.SHIFT and screen.shifts == (ShiftKey(MONDAY, "AM"), NOV16)
    assert flow.pick_shift(NOV16).step is Step.KIND
    screen = flow.pick_kind(SwapKind.COVER)
    assert screen.step is Step.COLLEAGUE and screen.kind is SwapKind.COVER
    assert {p.name for p in screen.people} == {"李美華", "陳大同"}  # never the one asking
    [chen] = [p for p in screen.people if p.volunteer_id == v["A003"]]
    screen = flow.pick_colleague(chen)
    assert screen.step is Step.AGREE and flow.wants_scan() and screen.taken is None
    # somebody else's card: the same screen says so, nothing is written
    screen = flow.identify("A002")
    assert (screen.step, screen.wrong_card) == (Step.AGREE, True)
    assert requests(kiosk_desk) == [] and changed.calls == 0
    screen = flow.identify("a003")
    assert (screen.step, screen.outcome) == (Step.DONE, Outcome.SENT_AGREED)
    assert screen.colleague == chen and screen.shift == NOV16
    assert not flow.wants_scan() and changed.calls == 1
    [r] = requests(kiosk_desk)
    assert (r.kind, r.state, r.colleague_id) == ("cover", "pending_supervisor", v["A003"])


def test_exchange_asked_later_then_answered(kiosk_desk: Desk, clock: Clock) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    roster.assign(kiosk_desk, NOV17, v["A002"])
    flow = SwapSteps(kiosk_desk)
    flow.start(v["A001"], "王小明")
    flow.pick_shift(NOV16)
    screen = flow.pick_kind(SwapKind.EXCHANGE)
    assert [p.name for p in screen.people] == ["李美華"]
    screen = flow.pick_colleague(screen.people[0])
    assert screen.step is Step.TAKEN and screen.shifts == (NOV17,)
    screen = flow.pick_taken(NOV17)
    assert screen.step is Step.AGREE and screen.taken == NOV17
    screen = flow.send(agreed=False)
    assert (screen.step, screen.outcome) == (Step.DONE, Outcome.SENT_LATER)
    [r] = requests(kiosk_desk)
    assert (r.kind, r.state, r.taken_day) == ("exchange", "pending_colleague", NOV17.day)

    # 李美華 answers at her next sign-in
    flow.reset()
    assert flow.step is Step.NONE and flow.me is None
    waiting = swap_views.for_volunteer(kiosk_desk, v["A002"]).waiting
    screen = flow.answer(v["A002"], "李美華", waiting)
    assert (screen.step, screen.more, screen.reply) == (Step.ANSWER, 0, None)
    assert screen.request is not None and screen.request.id == r.id
    screen = flow.reply(True)
    assert (screen.step, screen.outcome) == (Step.DONE, Outcome.ANSWERED)
    assert screen.reply is not None and (screen.reply.agreed, screen.reply.requester) == (
        True,
        "王小明",
    )
    assert [x.id for x in swap_views.pending(kiosk_desk)] == [r.id]


def test_short_notice_offers_the_supervisor_then_the_request_can_be_withdrawn(
    kiosk_desk: Desk,
) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV5, v["A001"])
    changed = Counter()
    flow = SwapSteps(kiosk_desk, changed)
    flow.start(v["A001"], "王小明")
    screen = flow.pick_shift(NOV5)
    assert screen.step is Step.ASK and screen.shift == NOV5
    assert [f.code for f in screen.short] == [Code.SHORT_NOTICE]
    assert screen.left == timedelta(days=3, minutes=3)  # Monday 08:27 to Thursday 08:30
    flow.pick_reason(Reason.ILL)
    assert flow.reason_key is Reason.ILL
    flow.pick_reason(Reason.ILL)  # tapped again: taken back
    assert flow.reason_key is None
    screen = flow.send_to_supervisor("病" * (SWAP_REASON.max_length + 100))  # preset + typed
    assert (screen.step, screen.outcome) == (Step.DONE, Outcome.SUPERVISOR_ASKED)
    [r] = requests(kiosk_desk)
    assert (r.kind, r.state, len(r.reason)) == ("arrange", "pending_supervisor", 500)
    assert SWAP_REASON.max_length == 500  # the same limit as the supervisor's form
    assert changed.calls == 1

    # the same duty again: the request already made is offered back
    flow.start(v["A001"], "王小明")
    screen = flow.pick_shift(NOV5)
    assert screen.step is Step.WITHDRAW and screen.request is not None
    assert screen.request.id == r.id
    assert flow.withdraw().step is Step.WITHDRAWN
    assert [x.state for x in requests(kiosk_desk)] == ["cancelled"]


def test_back_goes_one_step_back(kiosk_desk: Desk) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    roster.assign(kiosk_desk, NOV17, v["A002"])
    flow = SwapSteps(kiosk_desk)
    flow.start(v["A001"], "王小明")
    flow.pick_shift(NOV16)
    assert flow.back().step is Step.SHIFT
    flow.pick_shift(NOV16)
    screen = flow.pick_kind(SwapKind.EXCHANGE)
    assert flow.back().step is Step.KIND  # from the names: the kinds, checked again
    screen = flow.pick_kind(SwapKind.EXCHANGE)
    flow.pick_colleague(screen.people[0])
    screen = flow.back()  # from their duties: the names
    assert screen.step is Step.COLLEAGUE and screen.kind is SwapKind.EXCHANGE
    flow.pick_colleague(screen.people[0])
    flow.pick_taken(NOV17)
    assert flow.back().step is Step.SHIFT  # from the agreement: the duties
    assert flow.shift is None and flow.colleague is None and flow.taken is None


def test_names_come_a_page_at_a_time(kiosk_desk: Desk) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    for i in range(PAGE_SIZE):
        volunteers.add(
            kiosk_desk,
            volunteers.VolunteerInput(
                code=f"B{i:03}",
                name=f"志工{i}",
                trainings=[("basic", "基礎訓練", date(2026, 1, 10), 12.0)],
            ),
        )
    flow = SwapSteps(kiosk_desk)
    flow.start(v["A001"], "王小明")
    flow.pick_shift(NOV16)
    first = flow.pick_kind(SwapKind.COVER)
    assert (first.page, first.pages, len(first.people)) == (0, 2, PAGE_SIZE)
    second = flow.more_colleagues()
    assert (second.page, len(second.people)) == (1, 2)  # 陳大同, 李美華 and nine more
    assert not {p.volunteer_id for p in first.people} & {p.volunteer_id for p in second.people}
    assert flow.more_colleagues().page == 0  # round again


def test_nothing_to_swap(kiosk_desk: Desk, clock: Clock) -> None:
    v = ids(kiosk_desk)
    clock.set(MONDAY, 8, 31)  # 王小明's duty today has started: it is no longer offered
    screen = SwapSteps(kiosk_desk).start(v["A001"], "王小明")
    assert screen.step is Step.SHIFT and screen.shifts == ()
    assert SwapSteps(kiosk_desk).start(v["A003"], "陳大同").shifts == ()


def test_a_refusal_is_a_problem_screen_and_short_notice_the_supervisor(
    kiosk_desk: Desk, clock: Clock
) -> None:
    v = ids(kiosk_desk)
    shift = ShiftKey(date(2026, 11, 9), "AM")  # 7 days + 3 minutes ahead
    roster.assign(kiosk_desk, shift, v["A001"])
    flow = SwapSteps(kiosk_desk)
    flow.start(v["A001"], "王小明")
    flow.pick_shift(shift)
    screen = flow.pick_kind(SwapKind.COVER)
    [chen] = [p for p in screen.people if p.volunteer_id == v["A003"]]
    flow.pick_colleague(chen)
    roster.assign(kiosk_desk, shift, v["A003"])  # meanwhile 陳大同 was put on that duty
    screen = flow.send(agreed=False)
    assert screen.step is Step.PROBLEM and isinstance(screen.error, RuleViolation)
    assert screen.names == {v["A001"]: "王小明", v["A003"]: "陳大同"}
    assert requests(kiosk_desk) == []
    # the volunteer took their time: now it is short notice, and the supervisor is offered
    flow.choose_shift()
    flow.pick_shift(shift)
    flow.pick_kind(SwapKind.COVER)
    [li] = [p for p in flow.screen.people if p.volunteer_id == v["A002"]]
    flow.pick_colleague(li)
    clock.now = at(MONDAY, time(8, 31))
    screen = flow.send(agreed=False)
    assert screen.step is Step.ASK and screen.short and requests(kiosk_desk) == []
