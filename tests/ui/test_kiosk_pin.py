"""Signing in without a card when the desk asks for PINs: a tapped name or a number typed
by hand asks the PIN; wrong PINs are limited, locked for the day and audited."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from frontdesk.core.attendance import ScanOutcome
from frontdesk.services import kiosk, pins
from frontdesk.services.context import Desk
from frontdesk.services.setup import update_settings
from frontdesk.store.models import AuditEntry
from frontdesk.ui.kiosk.window import KioskWindow
from tests.ui.conftest import KeyClock
from tests.ui.test_kiosk import attendance_rows, label, scan, tap, type_slowly


def volunteer_id(desk: Desk, code: str) -> int:
    return next(e.volunteer_id for e in kiosk.board(desk).slots[0].entries if e.code == code)


@pytest.fixture
def pin_desk(window: KioskWindow, kiosk_desk: Desk) -> Iterator[Desk]:
    """PINs on; 李美華 (A002) has 2468, 王小明 (A001) none."""
    update_settings(kiosk_desk, {"require_pin": "true"})
    pins.set_pin(kiosk_desk, volunteer_id(kiosk_desk, "A002"), "2468")
    window.refresh()
    yield kiosk_desk


def tap_name(window: KioskWindow, qtbot: QtBot, code: str) -> None:
    entry = next(e for e in kiosk.board(window.desk).slots[0].entries if e.code == code)
    window.tap(entry)
    assert window.pages.currentIndex() == window.CONFIRM
    tap(qtbot, window, "confirmYes")


def failures(desk: Desk) -> int:
    with desk.db.read() as s:
        return int(
            s.scalar(
                select(func.count(AuditEntry.id)).where(AuditEntry.action == "kiosk.pin_failed")
            )
            or 0
        )


def test_a_tapped_name_asks_the_pin_and_a_wrong_one_is_told(
    window: KioskWindow, pin_desk: Desk, qtbot: QtBot, keys: KeyClock
) -> None:
    tap_name(window, qtbot, "A002")
    assert window.pages.currentIndex() == window.PIN
    type_slowly(window, keys, "1111")
    assert window.pages.currentIndex() == window.PIN and window.last_result is None
    assert "還可以再試 4 次" in window.pin_page.error.text()
    assert failures(pin_desk) == 1
    for key in "2468":
        tap(qtbot, window, f"pinKey{key}")
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN


def test_five_wrong_pins_lock_the_name_for_the_day_and_the_card_still_works(
    window: KioskWindow, pin_desk: Desk, qtbot: QtBot, keys: KeyClock
) -> None:
    """200 wrong PINs and then the right one were accepted: now the fifth wrong PIN locks
    the name until tomorrow, the right one is refused after it, each failure is audited
    and the supervisor's count has it."""
    tap_name(window, qtbot, "A002")
    for _ in range(pins.PIN_TRIES):
        type_slowly(window, keys, "1111")
    assert label(window, "headline") == "PIN 錯誤太多次"
    assert window.last_result is None and attendance_rows(pin_desk) == 0
    tap(qtbot, window, "doneButton")
    tap_name(window, qtbot, "A002")  # locked: not even asked
    assert window.pages.currentIndex() == window.RESULT
    assert label(window, "headline") == "PIN 錯誤太多次"
    assert failures(pin_desk) == pins.PIN_TRIES  # one entry for every wrong PIN
    assert pins.pin_lockouts_today(pin_desk) == 1
    assert attendance_rows(pin_desk) == 0
    scan(window, "A002")  # her card
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN


def test_without_a_pin_the_name_cannot_be_used_when_pins_are_on(
    window: KioskWindow, pin_desk: Desk, qtbot: QtBot
) -> None:
    tap_name(window, qtbot, "A001")
    assert label(window, "headline") == "尚未設定 PIN"
    assert window.last_result is None and attendance_rows(pin_desk) == 0


def test_a_badge_number_typed_by_hand_asks_the_pin_and_a_card_does_not(
    window: KioskWindow, pin_desk: Desk, qtbot: QtBot, keys: KeyClock
) -> None:
    """Typing the badge number skipped the PIN: now only the card reader's burst does."""
    type_slowly(window, keys, "A002")
    QTest.keyClick(window, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == window.PIN
    assert window.last_result is None and attendance_rows(pin_desk) == 0
    type_slowly(window, keys, "2468")
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN
    tap(qtbot, window, "doneButton")
    scan(window, "A001")  # a reader's burst: no PIN asked (and 王小明 has none)
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN
    assert window.last_result.name == "王小明"
