"""Asking for a swap at the kiosk, driven like volunteers would: scans, taps, waits."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal, SwapState
from frontdesk.core.timeutil import at
from frontdesk.services import roster, swap_views, swaps, volunteers
from frontdesk.services.context import Desk
from frontdesk.store.models import Attendance, SwapRequest
from frontdesk.ui.kiosk.window import KioskWindow
from tests.support.clocks import Clock
from tests.ui.conftest import MONDAY
from tests.ui.test_kiosk import scan

NOV16 = ShiftKey(date(2026, 11, 16), "AM")  # two weeks ahead of Monday 2 November
NOV17 = ShiftKey(date(2026, 11, 17), "PM")
NOV5 = ShiftKey(date(2026, 11, 5), "AM")  # three days ahead: short notice


def ids(desk: Desk) -> dict[str, int]:
    with desk.db.read() as s:
        return {c: volunteers.by_code(s, desk, c).id for c in ("A001", "A002", "A003")}  # type: ignore[union-attr]


def button(window: KioskWindow, name: str) -> QAbstractButton:
    b = window.findChild(QAbstractButton, name)
    assert b is not None and b.isVisible(), name
    return b


def tap(qtbot: QtBot, window: KioskWindow, name: str) -> None:
    qtbot.mouseClick(button(window, name), Qt.MouseButton.LeftButton)


def tap_text(qtbot: QtBot, window: KioskWindow, text: str) -> None:
    found = [
        b
        for b in window.swap_flow.findChildren(QAbstractButton)
        if b.isVisible() and text in b.text()
    ]
    assert len(found) == 1, (
        text,
        [b.text() for b in window.swap_flow.findChildren(QAbstractButton)],
    )
    qtbot.mouseClick(found[0], Qt.MouseButton.LeftButton)


def label(window: KioskWindow, name: str) -> str:
    w = window.findChild(QLabel, name)
    assert w is not None, name
    return w.text()


def requests(desk: Desk) -> list[SwapRequest]:
    with desk.db.read() as s:
        return list(s.scalars(select(SwapRequest).order_by(SwapRequest.id)))


def attendance_rows(desk: Desk) -> int:
    with desk.db.read() as s:
        return int(s.scalar(select(func.count(Attendance.id))) or 0)


def open_swap(window: KioskWindow, qtbot: QtBot, code: str = "A001") -> None:
    scan(window, code)
    tap(qtbot, window, "myShiftsButton")
    tap(qtbot, window, "swapButton")
    assert window.pages.currentIndex() == window.SWAP


def test_cover_the_colleague_agrees_on_the_spot(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    open_swap(window, qtbot)
    assert "王小明" in label(window, "swapTitle")
    tap_text(qtbot, window, "11月16日")
    tap(qtbot, window, "swapCover")
    # the colleagues who may take it; never the volunteer asking
    names = {
        b.text()
        for b in window.swap_flow.findChildren(QAbstractButton)
        if b.objectName().startswith("swapColleague")
    }
    assert names == {"李美華", "陳大同"}
    tap(qtbot, window, f"swapColleague{v['A003']}")
    assert window.swap_flow.wants_scan()
    assert "陳大同" in label(window, "swapTitle")
    rows_before = attendance_rows(kiosk_desk)
    scan(window, "A002")  # somebody else's card: not an agreement, not a sign-in
    assert "陳大同" in label(window, "swapWarning") and requests(kiosk_desk) == []
    scan(window, "a003")
    [r] = requests(kiosk_desk)
    assert (r.kind, r.state, r.colleague_id) == ("cover", "pending_supervisor", v["A003"])
    assert r.agreed_at is not None
    assert attendance_rows(kiosk_desk) == rows_before  # agreeing is not signing in
    assert window.swap_flow.step == "done"
    qtbot.waitUntil(lambda: window.supervisor_button.count() == 1)
    # nothing changed on the roster until the supervisor approves
    assert roster.month_view(kiosk_desk, 2026, 11).cells[NOV16][0].volunteer_id == v["A001"]
    tap(qtbot, window, "swapDone")
    assert window.pages.currentIndex() == window.HOME


def test_exchange_the_colleague_agrees_later_at_the_kiosk(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot, clock: Clock
) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    roster.assign(kiosk_desk, NOV17, v["A002"])
    open_swap(window, qtbot)
    tap_text(qtbot, window, "11月16日")
    tap(qtbot, window, "swapExchange")
    # only 李美華 has a duty 王小明 may serve in return
    colleagues = [
        b
        for b in window.swap_flow.findChildren(QAbstractButton)
        if b.isVisible() and b.objectName().startswith("swapColleague")
    ]
    assert [b.text() for b in colleagues] == ["李美華"]
    qtbot.mouseClick(colleagues[0], Qt.MouseButton.LeftButton)
    tap_text(qtbot, window, "11月17日")
    tap(qtbot, window, "swapLater")
    [r] = requests(kiosk_desk)
    assert (r.kind, r.state, r.taken_day, r.taken_slot) == (
        "exchange",
        "pending_colleague",
        NOV17.day,
        "PM",
    )
    tap(qtbot, window, "swapDone")

    # 李美華 signs in for her Monday duty: the request greets her
    clock.set(MONDAY, 8, 29)
    scan(window, "A002")
    qtbot.waitUntil(lambda: window.findChild(QAbstractButton, "swapAnswerButton").isVisible())
    assert label(window, "headline") == "簽到成功"  # the sign-in answer stays first
    tap(qtbot, window, "swapAnswerButton")
    text = label(window, "swapText")
    assert "王小明" in text and "11月16日" in text and "11月17日" in text
    tap(qtbot, window, "swapAgree")
    [r] = requests(kiosk_desk)
    assert r.state == "pending_supervisor" and r.agreed_at is not None
    assert [x.id for x in swap_views.pending(kiosk_desk)] == [r.id]


def test_short_notice_is_refused_and_the_supervisor_asked_in_one_tap(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV5, v["A001"])
    open_swap(window, qtbot)
    tap_text(qtbot, window, "11月5日")
    # why, in words, with the days left; no colleague list was offered
    assert window.swap_flow.step == "ask"
    text = label(window, "swapText")
    # at least 7 days; starts in 72 hours, said as days (words.dates.duration_text)
    assert "7 天前" in text and "在 3 天後就開始" in text
    assert text.splitlines()[-1] == "還有 3 天"
    tap(qtbot, window, "reasonIll")
    tap(qtbot, window, "swapSendSupervisor")
    [r] = requests(kiosk_desk)
    assert (r.kind, r.state, r.requester_id) == ("arrange", "pending_supervisor", v["A001"])
    assert r.reason == QCoreApplication.translate("Swaps", "Ill")
    assert window.swap_flow.step == "done"
    # a second try at the same duty says there is already a request and offers to take it
    # back (4696501), rather than asking the supervisor twice
    open_swap(window, qtbot)
    tap_text(qtbot, window, "11月5日")
    assert window.swap_flow.step == "withdraw" and len(requests(kiosk_desk)) == 1
    assert "志工督導" in label(window, "swapText")


def test_request_turning_short_while_choosing_offers_the_supervisor(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot, clock: Clock
) -> None:
    v = ids(kiosk_desk)
    shift = ShiftKey(date(2026, 11, 9), "AM")  # 7 days + 3 minutes ahead
    roster.assign(kiosk_desk, shift, v["A001"])
    open_swap(window, qtbot)
    tap_text(qtbot, window, "11月9日")
    tap(qtbot, window, "swapCover")
    tap(qtbot, window, f"swapColleague{v['A003']}")
    clock.now = at(MONDAY, time(8, 31))  # the volunteer took their time
    tap(qtbot, window, "swapLater")
    assert requests(kiosk_desk) == []
    assert window.swap_flow.step == "ask"
    assert button(window, "swapSendSupervisor")


def test_outcomes_are_shown_once_to_both_volunteers(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot, clock: Clock
) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    rid = swaps.request(
        kiosk_desk,
        SwapProposal(SwapKind.COVER, v["A001"], NOV16, v["A002"]),
        colleague_agrees_now=True,
    )
    swaps.reject(kiosk_desk, rid, "該日已有安排")
    scan(window, "A001")
    qtbot.waitUntil(lambda: bool(label(window, "swapNews")))
    assert "該日已有安排" in label(window, "swapNews")
    assert not button(window, "doneButton").isHidden()
    scan(window, "A002")
    qtbot.waitUntil(lambda: "該日已有安排" in label(window, "swapNews"))
    # once: the next scans show no news
    clock.set(MONDAY, 8, 40)
    for code in ("A001", "A002"):
        scan(window, code)
        qtbot.wait(20)
        assert label(window, "swapNews") == ""
    assert not swap_views.for_volunteer(kiosk_desk, v["A001"])


def test_undecided_request_expires_on_the_minute_sweep_and_the_requester_is_told(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot, clock: Clock
) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    swaps.request(kiosk_desk, SwapProposal(SwapKind.COVER, v["A001"], NOV16, v["A003"]))
    clock.set(NOV16.day, 8, 30)
    window.sweep()
    assert [r.state for r in requests(kiosk_desk)] == [SwapState.EXPIRED.value]
    assert swap_views.pending(kiosk_desk) == []
    scan(window, "A001")
    qtbot.waitUntil(lambda: bool(label(window, "swapNews")))
    assert "11月16日" in label(window, "swapNews")


def test_the_requester_takes_a_waiting_request_back(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    request_id = swaps.request(
        kiosk_desk, SwapProposal(SwapKind.COVER, v["A001"], NOV16, v["A002"])
    )
    open_swap(window, qtbot)
    tap_text(qtbot, window, "11月16日")  # the same duty again: the kiosk offers to withdraw
    assert window.swap_flow.step == "withdraw"
    assert "李美華" in label(window, "swapText")
    tap(qtbot, window, "swapWithdraw")
    [r] = requests(kiosk_desk)
    assert (r.id, r.state) == (request_id, SwapState.CANCELLED.value)
    with kiosk_desk.db.read() as s:
        assert roster.load_roster(s, kiosk_desk.site_id, NOV16.day, NOV16.day).who(NOV16) == {
            v["A001"]
        }
    tap(qtbot, window, "swapDone")
