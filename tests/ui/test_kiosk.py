"""The kiosk window, driven like a volunteer would: card reader bursts, taps, waits."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from frontdesk.core.attendance import ScanOutcome
from frontdesk.services import calendar as cal
from frontdesk.services.context import Desk
from frontdesk.store.models import Attendance, HandoverNote
from frontdesk.ui.kiosk.window import KioskWindow
from tests.support.clocks import Clock
from tests.ui.conftest import MONDAY, KeyClock


def scan(window: KioskWindow, code: str) -> None:
    """A USB card reader: the code typed fast, then Enter, into whatever has focus."""
    target = QWidget.focusWidget(window) or window
    QTest.keyClicks(target, code)
    QTest.keyClick(target, Qt.Key.Key_Return)


def type_slowly(
    window: KioskWindow, keys: KeyClock, text: str, *, into: QWidget | None = None
) -> None:
    """A person at the keyboard: a third of a second between keys, into `into` or whatever
    has the kiosk's focus."""
    target = into or QWidget.focusWidget(window) or window
    for ch in text:
        keys.advance(0.3)
        QTest.keyClicks(target, ch)
    keys.advance(0.3)
    window.reader.release()  # the last key, as the reader's pause would hand it on


def texts(window: QWidget) -> list[str]:
    found = [w.text() for w in window.findChildren(QLabel)]
    found += [w.text() for w in window.findChildren(QAbstractButton)]
    for bar in window.findChildren(QTabBar):
        found += [bar.tabText(i) for i in range(bar.count())]
    return found


def tap(qtbot: QtBot, window: QWidget, name: str) -> None:
    """A finger on the visible button called `name`."""
    b = window.findChild(QAbstractButton, name)
    assert b is not None and b.isVisible(), name
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def label(window: QWidget, name: str) -> str:
    w = window.findChild(QLabel, name)
    assert w is not None, name
    return w.text()


def attendance_rows(desk: Desk) -> int:
    with desk.db.read() as s:
        return int(s.scalar(select(func.count(Attendance.id))) or 0)


def test_home_shows_clock_roster_and_duty_points_in_chinese(window: KioskWindow) -> None:
    assert label(window, "clock") == "08:27"
    assert label(window, "date") == "民國115年11月2日 星期一"
    assert label(window, "agency").startswith("苓雅區衛生所")
    assert label(window, "status").startswith("上午班 08:30–11:30")
    everything = "\n".join(texts(window))
    for word in ("王小明", "李美華", "安全", "5S", "接待", "電話", "廣播", "緊急"):
        assert word in everything, word
    assert "苓雅區衛生所您好，很高興為您服務" in everything
    assert "督導" in everything
    # PM has nobody: made obvious.
    assert window.findChild(QLabel, "understaffed") is not None


def test_board_never_shows_a_phone_number(window: KioskWindow, clock: Clock) -> None:
    scan(window, "A001")
    window.refresh()
    window.go_home()
    everything = "\n".join(texts(window))
    assert "王小明" in everything
    for fragment in ("0912", "345-678", "0912-345-678"):
        assert fragment not in everything


def test_a_number_typed_with_a_full_width_input_method_signs_in(
    window: KioskWindow, kiosk_desk: Desk
) -> None:
    """A Zhuyin input method in full-width mode types ａ００１: it is A001 (the keys were
    dropped before, so nothing happened at the desk)."""
    target = QWidget.focusWidget(window) or window
    for ch in "ａ００１":  # QTest.keyClicks cannot type beyond Latin-1: events as an IME sends them
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )
    QTest.keyClick(target, Qt.Key.Key_Return)
    result = window.last_result
    assert result is not None and result.outcome is ScanOutcome.SIGNED_IN
    assert "王小明" in label(window, "person")


def test_scanner_burst_signs_in_then_out(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock, qtbot: QtBot
) -> None:
    scan(window, "a001")
    result = window.last_result
    assert result is not None and result.outcome is ScanOutcome.SIGNED_IN
    assert label(window, "headline") == "簽到成功"
    assert "王小明" in label(window, "person") and "08:27" in label(window, "person")
    assert "準時" in label(window, "detail")
    qtbot.waitUntil(lambda: "王小明 08:27" in label(window, "status"))

    clock.set(MONDAY, 11, 31)
    scan(window, "A001")
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.SIGNED_OUT
    assert label(window, "headline") == "簽退成功"
    assert "服務 3 小時，" in label(window, "detail")  # words.dates.duration_text
    assert attendance_rows(kiosk_desk) == 1


def test_late_and_early_leave_in_words(window: KioskWindow, clock: Clock, qtbot: QtBot) -> None:
    clock.set(MONDAY, 8, 41)
    scan(window, "A002")
    assert "遲到 11 分鐘" in label(window, "detail")
    clock.set(MONDAY, 10, 0)
    scan(window, "A002")
    yes = window.findChild(QAbstractButton, "signOutYes")  # asked first (tests/ui/test_scans)
    assert yes is not None and yes.isVisible()
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert "提早 1 小時 30 分鐘離開" in label(window, "detail")  # 90 minutes, said as such


def test_repeated_scan_is_answered_without_a_second_record(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock
) -> None:
    clock.set(MONDAY, 8, 33)
    scan(window, "A001")
    clock.now += timedelta(seconds=20)
    scan(window, "A001")
    assert window.last_result is not None and window.last_result.outcome is ScanOutcome.REPEAT
    assert label(window, "headline") == "已經記錄過了"
    assert "08:33" in label(window, "detail")
    assert attendance_rows(kiosk_desk) == 1


def test_walk_in_is_confirmed_then_recorded(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    scan(window, "A003")
    assert window.pages.currentIndex() == window.QUESTION
    assert "陳大同" in label(window, "question") and "今天的班表" in label(window, "question")
    assert attendance_rows(kiosk_desk) == 0
    yes = window.findChild(QAbstractButton, "walkInYes")
    assert yes is not None and yes.text() == "是，我要簽到"
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == window.RESULT
    assert label(window, "headline") == "簽到成功"
    assert "臨時支援" in label(window, "detail")
    assert attendance_rows(kiosk_desk) == 1


def test_walk_in_declined_records_nothing(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    scan(window, "A003")
    no = window.findChild(QAbstractButton, "walkInNo")
    assert no is not None
    qtbot.mouseClick(no, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == window.HOME
    assert attendance_rows(kiosk_desk) == 0


def test_too_early_and_unknown_card(window: KioskWindow, clock: Clock, kiosk_desk: Desk) -> None:
    clock.set(MONDAY, 7, 40)
    scan(window, "A001")
    assert label(window, "headline") == "還沒到簽到時間"
    assert "08:00" in label(window, "detail")
    scan(window, "ZZ999")
    assert label(window, "headline") == "找不到這個編號"
    assert "ZZ999" in label(window, "detail")
    assert attendance_rows(kiosk_desk) == 0


def test_tapping_a_name_asks_who_before_signing_in(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """A tap signed in at once, so anyone could sign anyone in: now 'is it 李美華?' in big
    type with yes / no comes first, and nothing is recorded before yes."""

    def name_button() -> QAbstractButton:
        return next(
            b
            for b in window.findChildren(QAbstractButton)
            if b.text().startswith("李美華") and b.isVisible()
        )

    qtbot.mouseClick(name_button(), Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == window.CONFIRM
    assert label(window, "confirmName") == "是 李美華 嗎？"
    assert window.last_result is None and attendance_rows(kiosk_desk) == 0
    tap(qtbot, window, "confirmNo")
    assert window.pages.currentIndex() == window.HOME
    assert window.last_result is None and attendance_rows(kiosk_desk) == 0
    qtbot.mouseClick(name_button(), Qt.MouseButton.LeftButton)
    tap(qtbot, window, "confirmYes")
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN
    assert "李美華" in label(window, "person")


def test_idle_returns_home_and_clears_personal_views(window: KioskWindow, qtbot: QtBot) -> None:
    scan(window, "A001")
    button = window.findChild(QAbstractButton, "myShiftsButton")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == window.SHIFTS
    assert "上午班" in "\n".join(texts(window.shifts_page))
    window._idle.setInterval(50)
    window._idle.start()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == window.HOME, timeout=2000)
    assert "王小明" not in label(window, "person")
    assert not any("上午班" in t for t in texts(window.shifts_page))


def test_swap_button_opens_the_swap_flow(window: KioskWindow, qtbot: QtBot) -> None:
    scan(window, "A001")
    window.show_my_shifts()
    swap = window.findChild(QAbstractButton, "swapButton")
    assert swap is not None
    qtbot.mouseClick(swap, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == window.SWAP
    assert "王小明" in label(window, "swapTitle")  # (the flows: tests/ui/test_swaps_kiosk.py)


def test_closed_day_says_so(kiosk_desk: Desk, clock: Clock, qtbot: QtBot, zh: None) -> None:
    cal.close(kiosk_desk, MONDAY, None, "颱風停止上班")
    w = KioskWindow(kiosk_desk)
    qtbot.addWidget(w)
    w.show()
    assert label(w, "closedHead") == "今天停止上班。"
    assert label(w, "closedDetail") == "颱風停止上班"
    assert w.home.roster_area.currentIndex() == 1
    scan(w, "A001")
    assert label(w, "headline") == "今天不用值班"
    w.close()


def test_weekend_says_so(kiosk_desk: Desk, clock: Clock, qtbot: QtBot, zh: None) -> None:
    clock.set(MONDAY - timedelta(days=1), 10, 0)
    w = KioskWindow(kiosk_desk)
    qtbot.addWidget(w)
    assert "週末" in label(w, "closedHead")
    w.close()


def test_handover_note_written_and_shown(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    from frontdesk.ui.kiosk.pages import NoteDialog

    scan(window, "A001")
    window.go_home()
    window.write_note()
    assert window.pages.currentIndex() == window.NOTE_ASK  # who writes? asked first
    scan(window, "A001")
    dialog = window.findChild(NoteDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.editor.setPlainText("影印機卡紙，已通知總務。")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "影印機卡紙" in label(window, "notes"))
    with kiosk_desk.db.read() as s:
        note = s.scalars(select(HandoverNote)).one()
    assert note.slot == "AM" and note.day == MONDAY
    assert note.author_id is not None and attendance_rows(kiosk_desk) == 1  # no second scan


def test_supervisor_badge_counts_pending(window: KioskWindow, clock: Clock, qtbot: QtBot) -> None:
    assert window.supervisor_button.count() == 0
    scan(window, "A003")
    qtbot.mouseClick(window.question_page.yes_button, Qt.MouseButton.LeftButton)
    clock.set(MONDAY, 11, 30)
    scan(window, "A003")
    qtbot.waitUntil(lambda: window.supervisor_button.count() == 1)
    with qtbot.waitSignal(window.supervisor_requested):
        qtbot.mouseClick(window.supervisor_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == window.MESSAGE


def test_a_sweep_while_the_server_is_down_logs_one_line(
    window: KioskWindow, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """An outage is expected: every minute's failed sweep is one line, not a traceback."""
    from sqlalchemy.exc import OperationalError

    from frontdesk.services import housekeeping

    def down(*args: object, **kw: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception("connection refused\n\tIs it up?"))

    monkeypatch.setattr(housekeeping, "sweep", down)
    window.sweep()
    [record] = [r for r in caplog.records if "sweep failed" in r.getMessage()]
    assert record.exc_info is None
    assert record.getMessage() == "sweep failed: Exception: connection refused"


def test_sweep_closes_forgotten_sign_out(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock, qtbot: QtBot
) -> None:
    scan(window, "A001")
    clock.set(MONDAY, 12, 5)
    window.sweep()
    with kiosk_desk.db.read() as s:
        row = s.scalars(select(Attendance).where(Attendance.in_at.is_not(None))).one()
    assert not row.is_open and row.auto_closed_at is not None
    clock.set(MONDAY, 13, 10)
    scan(window, "A001")  # not on the PM roster: asked first, told about the morning too
    assert "自動" in label(window, "question")
    qtbot.mouseClick(window.question_page.yes_button, Qt.MouseButton.LeftButton)
    assert "自動" in label(window, "notices")
