"""The kiosk's swap faults found on a simulated day: a duty under way, the typed reason,
requests shown after any identification, and an inactive volunteer's empty lists."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel
from pytestqt.qtbot import QtBot

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.core.timeutil import at
from frontdesk.services import roster, swaps, volunteers
from frontdesk.services.context import Desk
from frontdesk.ui.kiosk.swap_flow import Step, SwapSteps
from frontdesk.ui.kiosk.window import KioskWindow
from tests.ui.conftest import MONDAY, Clock
from tests.ui.test_kiosk import attendance_rows, scan
from tests.ui.test_swaps_kiosk import NOV5, NOV16, ids, label, open_swap, requests, tap, tap_text

TODAY_AM = ShiftKey(MONDAY, "AM")


def test_a_duty_under_way_is_refused_and_sent_to_the_supervisor(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot, clock: Clock
) -> None:
    """Offered at 08:27, tapped at 08:40: it was 'starts in 0 hours … 0 hours left' and an
    offer to ask for notice; now: it has started, ask the supervisor."""
    open_swap(window, qtbot)
    clock.now = at(MONDAY, time(8, 40))
    tap_text(qtbot, window, "11月2日")
    assert window.swap_flow.step == "problem"
    text = label(window, "swapText")
    assert "已經開始" in text and "督導" in text
    assert "0 小時" not in text and "0 小时" not in text
    assert requests(kiosk_desk) == []


def test_the_flow_refuses_a_duty_under_way_as_started(kiosk_desk: Desk, clock: Clock) -> None:
    v = ids(kiosk_desk)
    flow = SwapSteps(kiosk_desk)
    assert TODAY_AM in flow.start(v["A001"], "王小明").shifts
    clock.now = at(MONDAY, time(8, 31))
    screen = flow.pick_shift(TODAY_AM)
    assert screen.step is Step.PROBLEM and screen.left is None and not screen.short
    flow.shift = TODAY_AM
    screen = flow.send_to_supervisor("")  # 'please arrange' is refused the same way
    assert screen.step is Step.PROBLEM and not screen.short


def test_a_reason_typed_by_hand_is_shown_as_chosen(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV5, v["A001"])
    open_swap(window, qtbot)
    tap_text(qtbot, window, "11月5日")
    assert window.swap_flow.step == "ask"
    tap(qtbot, window, "reasonWrite")
    dialog = window.findChild(QDialog, "noteDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.editor.setText("要陪家人看病")  # type: ignore[attr-defined]
    dialog.accept()
    written = window.swap_flow.findChild(QAbstractButton, "reasonWrite")
    assert written is not None and written.isChecked()
    assert written.text().startswith("✓") and "要陪家人看病" in written.text()
    assert written.property("role") == "primary"
    tap(qtbot, window, "swapSendSupervisor")
    [r] = requests(kiosk_desk)
    assert r.reason == "要陪家人看病"


def test_a_request_waiting_is_told_first_with_its_answer_buttons(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """陳大同 has no duty today and a request waits for his answer: he was asked the
    walk-in question, then shown a green 「沒有簽到…這次沒有記錄任何資料」 with a bare
    「回覆換班請求」. Now the request is told first, with its answer buttons."""
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    swaps.request(
        kiosk_desk,
        SwapProposal(SwapKind.COVER, v["A001"], NOV16, v["A003"]),
        colleague_agrees_now=False,
    )
    scan(window, "A003")
    assert window.pages.currentIndex() == window.SWAP  # not the walk-in question
    assert "王小明 想請您幫忙代班" in label(window, "swapText")
    for name in ("swapAgree", "swapDecline"):
        b = window.findChild(QAbstractButton, name)
        assert b is not None and b.isVisible()
    assert attendance_rows(kiosk_desk) == 0
    tap(qtbot, window, "swapAgree")
    assert window.swap_flow.step == "done"


def test_a_request_waiting_is_named_under_any_answer(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot, clock: Clock
) -> None:
    """Under a sign-in the 「回覆換班請求」 button came with no word of what it answers."""
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A003"])
    swaps.request(
        kiosk_desk,
        SwapProposal(SwapKind.COVER, v["A003"], NOV16, v["A001"]),
        colleague_agrees_now=False,
    )
    clock.now = at(MONDAY, time(8, 20))
    scan(window, "A001")
    qtbot.waitUntil(lambda: window.result_page.swap_news.isVisible(), timeout=2000)
    assert "陳大同 想請您幫忙代班" in window.result_page.swap_news.text()
    answer = window.findChild(QAbstractButton, "swapAnswerButton")
    assert answer is not None and answer.isVisible()


def test_an_inactive_volunteer_is_not_offered_empty_lists(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    volunteers.deactivate(kiosk_desk, ids(kiosk_desk)["A003"])
    scan(window, "A003")
    assert window.pages.currentIndex() == window.RESULT
    shifts = window.findChild(QAbstractButton, "myShiftsButton")
    assert shifts is not None and not shifts.isVisible()
    assert not window.findChild(QAbstractButton, "swapAnswerButton").isVisible()  # type: ignore[union-attr]


def test_no_swap_is_offered_without_duties(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """陳大同 helps today as a walk-in and has no duty ahead: 'ask for a swap' would open
    an empty list, so it is not offered; 王小明, with today's duty ahead, is."""
    scan(window, "A003")
    tap(qtbot, window, "walkInYes")
    tap(qtbot, window, "myShiftsButton")
    assert window.pages.currentIndex() == window.SHIFTS
    assert not window.shifts_page.swap_button.isVisible()
    window.go_home()
    scan(window, "A001")
    tap(qtbot, window, "myShiftsButton")
    assert window.shifts_page.swap_button.isVisible()


def test_a_duty_21_minutes_away_is_said_in_minutes(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot, clock: Clock
) -> None:
    """A swap asked at 08:09 for the 08:30 duty: it was 「在 0 小時後就開始 … 還有 0 小時」."""
    clock.now = at(MONDAY, time(8, 9))
    open_swap(window, qtbot)
    tap_text(qtbot, window, "11月2日")
    text = label(window, "swapText")
    assert "21 分鐘後就開始" in text and "還有 21 分鐘" in text
    assert "0 小時" not in text


def test_every_duration_said_to_a_volunteer_uses_minutes_under_an_hour(
    window: KioskWindow,  # the kiosk's translation installed
) -> None:
    from datetime import timedelta

    from frontdesk.core.attendance import ScanOutcome
    from frontdesk.services.attendance import ScanResult
    from frontdesk.words import scan as scan_words
    from frontdesk.words.dates import duration_text
    from frontdesk.words.swaps import notice_text

    assert duration_text(timedelta(minutes=21, seconds=59)) == "21 分鐘"
    assert duration_text(189) == "3 小時 9 分鐘"
    assert duration_text(120) == "2 小時"
    assert duration_text(timedelta(days=9, hours=5, minutes=59)) == "9 天 5 小時"
    assert duration_text(timedelta(days=3)) == "3 天"
    assert duration_text(timedelta(minutes=-5)) == "0 分鐘"
    assert notice_text(timedelta(minutes=21)) == "還有 21 分鐘"
    now = at(MONDAY, time(11, 0))
    out = ScanResult(
        ScanOutcome.SIGNED_OUT, now, name="王小明", early_leave_minutes=30, credited_minutes=21
    )
    detail = scan_words.scan_view(out).detail
    assert "提早 30 分鐘離開" in detail and "服務 21 分鐘" in detail and "0.0" not in detail
    full = ScanResult(ScanOutcome.SIGNED_OUT, now, name="王小明", credited_minutes=175)
    assert "服務 2 小時 55 分鐘" in scan_words.scan_view(full).detail
    late = ScanResult(ScanOutcome.SIGNED_IN, now, name="王小明", late_minutes=75)
    assert "遲到 1 小時 15 分鐘" in scan_words.scan_view(late).detail


def test_no_duty_today_offers_my_duties_and_a_swap_beside_the_walk_in_question(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """陳大同 has a duty on 16 November and none today: he could reach 我的班表 and 申請換班
    only by signing in as a walk-in first."""
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A003"])
    scan(window, "A003")
    assert window.pages.currentIndex() == window.QUESTION
    tap(qtbot, window, "walkInShifts")
    assert window.pages.currentIndex() == window.SHIFTS
    assert "陳大同" in window.shifts_page.card.title.text()
    assert window.shifts_page.swap_button.isVisible()
    assert attendance_rows(kiosk_desk) == 0  # the walk-in question was not answered yes
    window.go_home()
    # straight to asking for a swap, from the question
    scan(window, "A003")
    tap(qtbot, window, "walkInSwap")
    assert window.pages.currentIndex() == window.SWAP
    tap_text(qtbot, window, "11月16日")
    assert attendance_rows(kiosk_desk) == 0 and window.visit.pending is None
    # typed on the pad, the same offer
    window.go_home()
    tap(qtbot, window, "padButton")
    for key in "3":
        tap(qtbot, window, f"padKey{key}")
    tap(qtbot, window, "padOk")
    assert window.pages.currentIndex() == window.QUESTION
    assert window.question_page.shifts_button.isVisible()


def test_a_card_keeps_the_reason_being_typed(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """Like a handover note, a reason half-typed for the supervisor is not lost when the
    next volunteer's card closes the swap: it is there again when its writer comes back."""
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV5, v["A001"])
    open_swap(window, qtbot)
    tap_text(qtbot, window, "11月5日")
    tap(qtbot, window, "reasonWrite")
    dialog = window.findChild(QDialog, "noteDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.editor.setText("要陪家人")  # type: ignore[attr-defined]
    scan(window, "A002")  # the next volunteer's card
    assert not dialog.isVisible() and window.swap_flow.step == ""
    assert window.last_result is not None and window.last_result.name == "李美華"
    window.go_home()
    open_swap(window, qtbot, "A002")  # another volunteer: nothing of A001's
    window.go_home()
    open_swap(window, qtbot)
    tap_text(qtbot, window, "11月5日")
    tap(qtbot, window, "reasonWrite")
    again = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert len(again) == 1 and again[0].editor.text() == "要陪家人"  # type: ignore[attr-defined]


def test_my_duties_read_in_order_with_the_request_beside_its_duty(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """Dates ran down the left column first (2, 9 | 16, 23), as 11/2 and in other forms,
    and the pending swap sat at the bottom without the colleague's name."""
    v = ids(kiosk_desk)
    for d in (9, 16, 23):
        roster.assign(kiosk_desk, ShiftKey(MONDAY.replace(day=d), "AM"), v["A001"])
    swaps.request(
        kiosk_desk,
        SwapProposal(SwapKind.COVER, v["A001"], NOV16, v["A003"]),
        colleague_agrees_now=False,
    )
    scan(window, "A001")
    window.show_my_shifts()
    grid = window.shifts_page.list
    cells = [grid.itemAtPosition(r, c) for r in range(2) for c in range(2)]
    texts_ = [c.widget().text() for c in cells if c is not None]  # type: ignore[union-attr]
    assert [t.split("\n")[0] for t in texts_] == [
        "115年11月2日（星期一）上午班 08:30–11:30",
        "115年11月9日（星期一）上午班 08:30–11:30",
        "115年11月16日（星期一）上午班 08:30–11:30",
        "115年11月23日（星期一）上午班 08:30–11:30",
    ]
    assert "已請 陳大同" in texts_[2] and "待同事同意" in texts_[2]  # beside its duty, naming who
    assert "陳大同" not in label(window, "swapMessage")


def test_a_swap_page_is_centred_and_large_on_a_big_screen(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """At 1920x1080 the swap screens had a small heading in the top left over white space."""
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.height() == 1080)
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    swaps.request(
        kiosk_desk,
        SwapProposal(SwapKind.COVER, v["A001"], NOV16, v["A003"]),
        colleague_agrees_now=False,
    )
    scan(window, "A003")
    title = window.swap_flow.findChild(QLabel, "swapTitle")
    assert title is not None
    card = title.parentWidget()
    assert card is not None
    assert title.y() > card.height() * 0.15  # not pinned to the top
    assert title.alignment() & Qt.AlignmentFlag.AlignHCenter
    headline_pt = window.result_page.headline.font().pointSizeF()
    assert title.font().pointSizeF() >= 28 * 1080 / 768 - 1 < headline_pt
