"""A day at the desk, end to end: the real kiosk window through Monday 2 November 2026 and
the next morning, with the desk's clock moved forward, a card reader's bursts, slow typing,
taps (asked 「是 …嗎？」), PINs and idle returns; after each step what the screen says and
what the database holds.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.roster import ShiftKey
from frontdesk.services import kiosk, pins, roster
from frontdesk.services.context import Desk
from frontdesk.services.setup import update_settings
from frontdesk.store.models import Attendance, HandoverNote, SwapRequest
from frontdesk.ui.kiosk.pages import NoteDialog
from frontdesk.ui.kiosk.window import KioskWindow
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer
from tests.ui.conftest import MONDAY, KeyClock
from tests.ui.test_kiosk import label, scan, type_slowly
from tests.ui.test_swaps_kiosk import tap, tap_text

TUESDAY = MONDAY + timedelta(days=1)
NOV16 = ShiftKey(date(2026, 11, 16), "AM")


def duties(desk: Desk) -> dict[str, list[tuple[str, str | None, bool]]]:
    """Each volunteer's records of the day: (slot, status, open)."""
    from frontdesk.store.models import Volunteer

    with desk.db.read() as s:
        found = s.execute(
            select(Volunteer.code, Attendance.slot, Attendance.status, Attendance.is_open)
            .join(Volunteer, Volunteer.id == Attendance.volunteer_id)
            .order_by(Attendance.id)
        ).all()
    out: dict[str, list[tuple[str, str | None, bool]]] = {}
    for code, slot, status, is_open in found:
        out.setdefault(code, []).append((slot, status, bool(is_open)))
    return out


def idle_home(window: KioskWindow, qtbot: QtBot) -> None:
    """Nobody touches the kiosk: it goes home by itself."""
    window._idle.setInterval(30)
    window._idle.start()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == window.HOME, timeout=3000)


def board(window: KioskWindow) -> str:
    """The names on today's board as shown now."""
    return "\n".join(b.text() for b in window.home.findChildren(QPushButton) if b.isVisible())


def tap_name(window: KioskWindow, qtbot: QtBot, name: str, *, confirm: bool = True) -> None:
    """A volunteer taps a name on today's board, and answers 「是 …嗎？」."""
    button = [
        b
        for b in window.home.findChildren(QPushButton)
        if b.accessibleName() == name and b.property("role") == "person" and b.isVisible()
    ][-1]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == window.CONFIRM  # 「是 …嗎？」 before anything
    assert name in label(window, "confirmName")
    answer = window.confirm_page.yes_button if confirm else window.confirm_page.no_button
    qtbot.mouseClick(answer, Qt.MouseButton.LeftButton)


def test_a_day_at_the_desk(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock, qtbot: QtBot, keys: KeyClock
) -> None:
    desk = kiosk_desk
    codes = {"A004": "羅信秀", "A005": "張志明"}
    vid = {code: add_volunteer(desk, code, name) for code, name in codes.items()}
    for code in ("A004", "A005"):
        roster.assign(desk, ShiftKey(MONDAY, "PM"), vid[code])
    a002 = next(e.volunteer_id for e in kiosk.board(desk).slots[0].entries if e.code == "A002")
    a001 = next(e.volunteer_id for e in kiosk.board(desk).slots[0].entries if e.code == "A001")
    roster.assign(desk, ShiftKey(TUESDAY, "AM"), a002)
    roster.assign(desk, NOV16, a001)
    update_settings(desk, {"require_pin": "true"})
    pins.set_pin(desk, vid["A005"], "1357")
    window.refresh()

    # 07:40 an early arrival: too early, told her own duty
    clock.set(MONDAY, 7, 40)
    scan(window, "A001")
    assert label(window, "headline") == "還沒到簽到時間"
    assert label(window, "detail") == "您今天是上午班 08:30–11:30，08:00 開始簽到。"
    assert duties(desk) == {}
    idle_home(window, qtbot)

    # 08:05 signs in; 08:06 scans again out of habit: nothing more is recorded
    clock.set(MONDAY, 8, 5)
    scan(window, "A001")
    assert label(window, "headline") == "簽到成功" and "準時" in label(window, "detail")
    clock.set(MONDAY, 8, 6)
    scan(window, "A001")
    assert label(window, "detail") == "您 08:05 已簽到，08:30 開始值班。"
    assert duties(desk) == {"A001": [("AM", "open", True)]}
    idle_home(window, qtbot)

    # 08:40 a wrong name tapped: 「是 李美華 嗎？」 answered no, nothing recorded
    clock.set(MONDAY, 8, 40)
    before = duties(desk)
    tap_name(window, qtbot, "李美華", confirm=False)
    assert window.pages.currentIndex() == window.HOME and duties(desk) == before

    # 08:41 a late sign-in
    clock.set(MONDAY, 8, 41)
    scan(window, "A002")
    assert "遲到 11 分鐘" in label(window, "detail")
    assert duties(desk)["A002"] == [("AM", "open", True)]  # late minutes kept with it

    # 09:00 a walk-in, asked first
    clock.set(MONDAY, 9, 0)
    scan(window, "A003")
    assert window.pages.currentIndex() == window.QUESTION
    tap(qtbot, window, "walkInYes")
    assert "臨時支援" in label(window, "detail")
    assert duties(desk)["A003"] == [("AM", "open", True)]

    # 10:00 the afternoon's volunteer arrives in the morning: told her afternoon
    clock.set(MONDAY, 10, 0)
    scan(window, "A004")
    assert window.pages.currentIndex() == window.RESULT
    assert label(window, "detail") == "您今天是下午班 13:30–16:30，13:00 開始簽到。"
    assert "A004" not in duties(desk)

    # 10:30 a scan during the duty: asked, declined, still on duty
    clock.set(MONDAY, 10, 30)
    scan(window, "A001")
    assert label(window, "signOutQuestion") == "現在簽退嗎？還沒到 11:30"
    tap(qtbot, window, "signOutNo")
    assert label(window, "headline") == "好的，您還在值班"
    assert duties(desk)["A001"] == [("AM", "open", True)]

    # ...and while identified asks a colleague to cover 16 November, agreed by card
    tap(qtbot, window, "myShiftsButton")
    tap(qtbot, window, "swapButton")
    tap_text(qtbot, window, "11月16日")
    tap(qtbot, window, "swapCover")
    a003 = next(e.volunteer_id for e in kiosk.board(desk).slots[0].entries if e.code == "A003")
    tap(qtbot, window, f"swapColleague{a003}")
    assert window.swap_flow.wants_scan()
    scan(window, "A003")  # the colleague's card: agreement, not a sign-out
    with desk.db.read() as s:
        [request] = s.scalars(select(SwapRequest)).all()
    assert (request.state, request.colleague_id) == ("pending_supervisor", a003)
    assert duties(desk)["A003"] == [("AM", "open", True)]
    tap(qtbot, window, "swapDone")

    # 11:20 the handover note
    clock.set(MONDAY, 11, 20)
    window.write_note()
    scan(window, "A001")  # who writes it: asked first, nothing signed
    dialog = window.findChild(NoteDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.editor.setPlainText("影印機卡紙，已通知總務。")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "影印機卡紙" in label(window, "notes"))
    with desk.db.read() as s:
        assert s.scalars(select(HandoverNote.slot)).all() == ["AM"]
        assert s.scalars(select(HandoverNote.author_id)).all() != [None]

    # 11:31 the end of the morning: signed out, nobody asked; A002 forgets
    clock.set(MONDAY, 11, 31)
    scan(window, "A001")
    assert label(window, "headline") == "簽退成功" and "服務 3 小時，" in label(window, "detail")
    scan(window, "A003")
    assert label(window, "headline") == "簽退成功"
    assert duties(desk)["A001"] == [("AM", "on_time", False)]
    assert duties(desk)["A003"] == [("AM", "walk_in", False)]
    idle_home(window, qtbot)

    # 12:05 the sweep closes the forgotten sign-out; the board says so, not green
    clock.set(MONDAY, 12, 5)
    window.sweep()
    assert duties(desk)["A002"] == [("AM", "no_sign_out", False)]
    qtbot.waitUntil(
        lambda: "李美華　08:41 簽到 · 遲到 11 分鐘 · 未簽退，已自動結束" in board(window)
    )

    # 13:20 a PIN user's pad is interrupted by the next volunteer's card
    clock.set(MONDAY, 13, 20)
    tap_name(window, qtbot, "張志明")
    assert window.pages.currentIndex() == window.PIN
    scan(window, "A004")
    assert window.last_result is not None and window.last_result.name == "羅信秀"
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN
    window.go_home()
    tap_name(window, qtbot, "張志明")
    type_slowly(window, keys, "1375")  # a wrong PIN first: asked again, nothing recorded
    assert window.pages.currentIndex() == window.PIN and "A005" not in duties(desk)
    type_slowly(window, keys, "1357")
    assert window.last_result.name == "張志明"
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN
    assert duties(desk)["A004"] == [("PM", "open", True)]
    assert duties(desk)["A005"] == [("PM", "open", True)]

    # 16:31 the afternoon ends
    clock.set(MONDAY, 16, 31)
    for code in ("A004", "A005"):
        scan(window, code)
        assert label(window, "headline") == "簽退成功"
    assert duties(desk)["A004"] == [("PM", "on_time", False)]
    idle_home(window, qtbot)

    # the next morning: A002 is told about the forgotten sign-out
    clock.set(TUESDAY, 8, 25)
    window.refresh()
    scan(window, "A002")
    assert label(window, "headline") == "簽到成功"
    assert "115/11/02 的上午班沒有簽退" in label(window, "notices")
    assert duties(desk)["A002"] == [("AM", "no_sign_out", False), ("AM", "open", True)]
