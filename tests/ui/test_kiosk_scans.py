"""The kiosk's answer to a scan, driven as a volunteer and a card reader would: a second
scan never signs out by accident, a reader's burst is a scan on every page, every answer
names the volunteer's own duty, a duty that ended without a sign-out is not shown green."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import kiosk, pins, roster
from frontdesk.services.context import Desk
from frontdesk.services.setup import update_settings
from frontdesk.store.models import Attendance, AuditEntry
from frontdesk.ui.kiosk import sign_out as sign_out_module
from frontdesk.ui.kiosk.window import KioskWindow
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer
from tests.ui.conftest import MONDAY, KeyClock
from tests.ui.test_kiosk import label, scan, texts, type_slowly


def rows(desk: Desk) -> list[Attendance]:
    with desk.db.read() as s:
        return list(s.scalars(select(Attendance).order_by(Attendance.id)))


def button(window: QWidget, name: str) -> QAbstractButton:
    b = window.findChild(QAbstractButton, name)
    assert b is not None, name
    return b


def person_button(window: KioskWindow, name: str) -> QPushButton:
    """The name's button on the board now (the last drawn; earlier ones await deletion)."""
    return [
        b
        for b in window.home.findChildren(QPushButton)
        if b.accessibleName() == name and b.property("role") == "person"
    ][-1]


# --- a second scan never signs out by accident -------------------------------------------


def test_a_second_scan_before_the_duty_answers_and_records_nothing(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock
) -> None:
    """08:20 in, 08:21 again: it was 簽退成功・提早 189 分鐘離開・服務 0.0 小時."""
    clock.set(MONDAY, 8, 20)
    scan(window, "A001")
    clock.set(MONDAY, 8, 21)
    scan(window, "A001")
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.ALREADY_IN
    assert label(window, "headline") == "已經簽到了"
    assert label(window, "detail") == "您 08:20 已簽到，08:30 開始值班。"
    [row] = rows(kiosk_desk)
    assert row.is_open and row.out_at is None


def test_a_scan_during_the_duty_asks_in_big_type_and_no_records_nothing(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock, qtbot: QtBot
) -> None:
    clock.set(MONDAY, 8, 20)
    scan(window, "A001")
    clock.set(MONDAY, 9, 0)
    scan(window, "A001")
    assert window.pages.currentWidget() is window.sign_out.page
    assert label(window, "signOutQuestion") == "現在簽退嗎？還沒到 11:30"
    assert "王小明" in label(window, "signOutWho") and "08:20" in label(window, "signOutWho")
    assert button(window, "signOutYes").text() == "簽退"
    assert button(window, "signOutNo").text() == "不是，我還在值班"
    qtbot.mouseClick(button(window, "signOutNo"), Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == window.RESULT
    assert label(window, "headline") == "好的，您還在值班"
    assert "沒有簽退" in label(window, "detail") and "08:20" in label(window, "detail")
    assert button(window, "myShiftsButton").isVisible()  # still identified: my duties, swaps
    assert rows(kiosk_desk)[0].is_open
    window.go_home()
    # no answer at all: the idle return home records nothing either
    scan(window, "A001")
    assert window.pages.currentWidget() is window.sign_out.page
    window._idle.setInterval(50)
    window._idle.start()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == window.HOME, timeout=2000)
    scan(window, "A001")
    assert window.pages.currentWidget() is window.sign_out.page
    [row] = rows(kiosk_desk)
    assert row.is_open and row.out_at is None


def test_a_mistaken_sign_out_is_taken_back(
    window: KioskWindow,
    kiosk_desk: Desk,
    clock: Clock,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock.set(MONDAY, 8, 20)
    scan(window, "A001")
    clock.set(MONDAY, 10, 0)
    scan(window, "A001")
    qtbot.mouseClick(button(window, "signOutYes"), Qt.MouseButton.LeftButton)
    assert label(window, "headline") == "簽退成功" and "提早 1 小時 30 分鐘" in label(
        window, "detail"
    )
    undo = button(window, "undoButton")
    assert undo.isVisible() and undo.text() == "按錯了？"
    clock.set(MONDAY, 10, 0, 5)
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    # asked first, in big type: nothing is changed before 是
    assert window.pages.currentWidget() is window.sign_out.undo_page
    assert "10:00" in label(window, "undoQuestion") and "王小明" in label(window, "undoQuestion")
    assert not rows(kiosk_desk)[0].is_open
    clock.set(MONDAY, 10, 0, 12)
    qtbot.mouseClick(button(window, "undoYes"), Qt.MouseButton.LeftButton)
    assert label(window, "headline") == "已取消簽退"
    assert "您還在值班" in label(window, "detail") and not undo.isVisible()
    [row] = rows(kiosk_desk)
    assert row.is_open and row.out_at is None
    with kiosk_desk.db.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None and last.action == "attendance.sign_out_undone"
    assert last.actor == "volunteer:A001"
    # the button goes after a few seconds (a sign-out near the end, not asked)
    monkeypatch.setattr(sign_out_module, "UNDO_SHOWN_MS", 50)
    clock.set(MONDAY, 11, 26)
    scan(window, "A001")
    assert label(window, "headline") == "簽退成功" and undo.isVisible()
    qtbot.waitUntil(lambda: not undo.isVisible(), timeout=2000)


def test_no_undo_is_offered_once_the_duty_has_ended(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock
) -> None:
    clock.set(MONDAY, 8, 20)
    scan(window, "A001")
    clock.set(MONDAY, 11, 31)
    scan(window, "A001")
    assert label(window, "headline") == "簽退成功"
    assert not button(window, "undoButton").isVisible()


def test_undo_answered_no_changes_nothing(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock, qtbot: QtBot
) -> None:
    clock.set(MONDAY, 8, 20)
    scan(window, "A001")
    clock.set(MONDAY, 10, 0)
    scan(window, "A001")
    qtbot.mouseClick(button(window, "signOutYes"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(window, "undoButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(window, "undoNo"), Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == window.HOME
    [row] = rows(kiosk_desk)
    assert not row.is_open and row.out_at is not None


def test_taking_back_too_late_is_told(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock, qtbot: QtBot
) -> None:
    clock.set(MONDAY, 8, 20)
    scan(window, "A001")
    clock.set(MONDAY, 10, 0)
    scan(window, "A001")
    qtbot.mouseClick(button(window, "signOutYes"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(window, "undoButton"), Qt.MouseButton.LeftButton)
    clock.set(MONDAY, 10, 1, 5)  # answered more than a minute later
    qtbot.mouseClick(button(window, "undoYes"), Qt.MouseButton.LeftButton)
    assert label(window, "headline") == "無法取消簽退"
    assert not rows(kiosk_desk)[0].is_open


def test_taking_back_after_the_duty_ended_is_refused_in_words(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock, qtbot: QtBot
) -> None:
    """「已取消簽退…您還在值班」 in green after the end left someone on duty when nobody was."""
    clock.set(MONDAY, 8, 20)
    scan(window, "A001")
    clock.set(MONDAY, 11, 29, 50)
    scan(window, "A001")  # within the early-leave grace: not asked
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.SIGNED_OUT
    qtbot.mouseClick(button(window, "undoButton"), Qt.MouseButton.LeftButton)
    clock.set(MONDAY, 11, 30, 5)  # the duty ended while the question was shown
    qtbot.mouseClick(button(window, "undoYes"), Qt.MouseButton.LeftButton)
    assert label(window, "headline") == "無法取消簽退"
    assert "已經結束" in label(window, "detail")
    assert window.result_page.frame.property("tone") != "ok"
    assert not rows(kiosk_desk)[0].is_open


# --- a reader's burst is a scan wherever it arrives --------------------------------------


def test_a_card_on_someone_elses_pin_pad_is_a_scan(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot, keys: KeyClock
) -> None:
    """V801's pad was open; V802's reader typed 802 into it and V801's PIN was refused."""
    update_settings(kiosk_desk, {"require_pin": "true"})
    entry = next(e for e in kiosk.board(kiosk_desk).slots[0].entries if e.code == "A002")
    pins.set_pin(kiosk_desk, entry.volunteer_id, "2468")
    window.refresh()
    qtbot.mouseClick(person_button(window, "李美華"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.confirm_page.yes_button, Qt.MouseButton.LeftButton)  # 是 李美華
    assert window.pages.currentIndex() == window.PIN
    scan(window, "A001")  # the next volunteer's card
    assert window.last_result is not None and window.last_result.name == "王小明"
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN
    assert window.pages.currentIndex() == window.RESULT and window.visit.pin_for is None
    window.go_home()
    qtbot.mouseClick(person_button(window, "李美華"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.confirm_page.yes_button, Qt.MouseButton.LeftButton)
    assert "○ ○ ○ ○" in "\n".join(texts(window.pin_page))  # nothing left in the pad
    type_slowly(window, keys, "2468")
    assert window.last_result.name == "李美華"
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN


def test_a_card_closes_the_note_dialog_and_the_swap_flow(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    from frontdesk.ui.kiosk.pages import NoteDialog

    window.write_note()
    scan(window, "A002")  # who writes: identified, nothing recorded
    assert window.last_result is None
    dialog = window.findChild(NoteDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.editor.setFocus()
    QTest.keyClicks(dialog.editor, "A001")
    QTest.keyClick(dialog.editor, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.editor.toPlainText() == ""
    assert window.last_result is not None and window.last_result.name == "王小明"
    # in the swap flow (not the colleague's step): the flow closes, the card signs in
    window.show_my_shifts()
    qtbot.mouseClick(button(window, "swapButton"), Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == window.SWAP
    scan(window, "A002")
    assert window.pages.currentIndex() == window.RESULT
    assert window.last_result.name == "李美華"
    assert window.swap_flow.step == ""


def test_slow_typing_reaches_the_field_and_the_typed_number(
    window: KioskWindow, kiosk_desk: Desk, keys: KeyClock
) -> None:
    from frontdesk.ui.kiosk.pages import NoteDialog

    window.write_note()
    scan(window, "A003")
    dialog = window.findChild(NoteDialog)
    assert dialog is not None
    type_slowly(window, keys, "A001", into=dialog.editor)
    assert dialog.editor.toPlainText() == "A001" and window.last_result is None
    dialog.reject()
    # a number typed by hand on the home view, then Enter: a scan as before
    type_slowly(window, keys, "A002")
    assert label(window, "typed").endswith("A002")
    QTest.keyClick(QWidget.focusWidget(window) or window, Qt.Key.Key_Return)
    assert window.last_result is not None and window.last_result.name == "李美華"


# --- every answer names the volunteer's own duty of the day -------------------------------


@pytest.mark.parametrize("when", [time(2, 37), time(8, 27)])
def test_a_pm_volunteer_in_the_morning_hears_of_her_afternoon(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock, when: time
) -> None:
    vid = add_volunteer(kiosk_desk, "A004", "羅信秀")
    roster.assign(kiosk_desk, ShiftKey(MONDAY, "PM"), vid)
    clock.now = at(MONDAY, when)
    scan(window, "A004")
    assert window.pages.currentIndex() == window.RESULT  # not the walk-in question
    assert label(window, "detail") == "您今天是下午班 13:30–16:30，13:00 開始簽到。"
    assert "上午班" not in "\n".join(texts(window.result_page))
    assert rows(kiosk_desk) == []


# --- a duty that ended without a sign-out -------------------------------------------------


def test_after_the_slot_a_forgotten_sign_out_is_not_shown_green(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock
) -> None:
    clock.set(MONDAY, 8, 22)
    scan(window, "A001")
    window.go_home()
    window.refresh()
    assert person_button(window, "王小明").property("present") is True
    clock.set(MONDAY, 11, 45)  # over, not yet closed by the sweep
    window.refresh()
    b = person_button(window, "王小明")
    assert b.property("present") is False and b.property("forgot") is True
    assert "還沒簽退，請刷卡簽退" in b.text() and "自動" not in b.text()
    clock.set(MONDAY, 13, 30)  # two hours later: the sweep closed it
    window.sweep()
    b = person_button(window, "王小明")
    assert b.property("present") is False and b.property("forgot") is True
    assert "08:22 簽到" in b.text() and "未簽退，已自動結束" in b.text()


def test_the_board_asks_for_the_late_sign_out_scan_and_it_works(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock
) -> None:
    clock.set(MONDAY, 8, 10)
    scan(window, "A001")
    window.go_home()
    clock.set(MONDAY, 11, 50)  # the slot is over, the sweep has not closed it
    window.refresh()
    assert "08:10 簽到 · 還沒簽退，請刷卡簽退" in person_button(window, "王小明").text()
    scan(window, "A001")
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.SIGNED_OUT
    window.refresh()
    assert "還沒簽退" not in person_button(window, "王小明").text()
