"""The on-screen number pad: a volunteer without a badge signs in by touch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from frontdesk.core.attendance import ScanOutcome
from frontdesk.services import kiosk, pins
from frontdesk.services.context import Desk
from frontdesk.services.setup import update_settings
from frontdesk.ui.kiosk.window import KioskWindow
from tests.support.desks import add_volunteer
from tests.ui.test_kiosk import attendance_rows, label, tap


def type_on_pad(window: KioskWindow, qtbot: QtBot, code: str) -> None:
    for key in code:
        tap(qtbot, window, f"padKey{key}")


def test_a_number_typed_on_the_pad_signs_in(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """There was no way in without a badge on a touch screen."""
    tap(qtbot, window, "padButton")
    assert window.pages.currentIndex() == window.PAD
    keys = [
        b
        for b in window.pad_page.findChildren(QAbstractButton)
        if b.isVisible() and b.objectName().startswith("pad")
    ]
    assert {b.objectName() for b in keys} >= {f"padKey{d}" for d in "0123456789A"}
    for b in keys:
        assert b.height() >= 64 and b.width() >= 64, b.objectName()
    assert not window.pad_page.ok.isEnabled()
    type_on_pad(window, qtbot, "A0019")
    tap(qtbot, window, "padDelete")
    assert label(window, "padCode") == "A001"
    tap(qtbot, window, "padOk")
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN
    assert "王小明" in label(window, "person")


def test_the_pad_cancels_and_clears(window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot) -> None:
    tap(qtbot, window, "padButton")
    type_on_pad(window, qtbot, "A0")
    tap(qtbot, window, "padClear")
    assert label(window, "padCode") == ""
    type_on_pad(window, qtbot, "A0")
    tap(qtbot, window, "padCancel")
    assert window.pages.currentIndex() == window.HOME
    assert attendance_rows(kiosk_desk) == 0
    tap(qtbot, window, "padButton")
    assert label(window, "padCode") == ""  # the last person's keys are gone


def test_the_pad_asks_the_pin_when_pins_are_on(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """A number typed on the pad is no card: with PINs on it asks the PIN first."""
    update_settings(kiosk_desk, {"require_pin": "true"})
    [li] = [e for e in kiosk.board(kiosk_desk).slots[0].entries if e.code == "A002"]
    pins.set_pin(kiosk_desk, li.volunteer_id, "2468")
    window.refresh()
    tap(qtbot, window, "padButton")
    type_on_pad(window, qtbot, "A002")
    tap(qtbot, window, "padOk")
    assert window.pages.currentIndex() == window.PIN
    assert attendance_rows(kiosk_desk) == 0
    for key in "2468":
        tap(qtbot, window, f"pinKey{key}")
    assert window.last_result is not None and window.last_result.name == "李美華"


@pytest.mark.parametrize("codes, letters", [(["A001", "V-12", "B7"], "-ABV"), ([], "")])
def test_the_pad_offers_the_letters_the_codes_use(
    kiosk_desk: Desk, codes: list[str], letters: str
) -> None:
    from tests.support.desks import add_volunteer

    for i, code in enumerate(codes):
        if code != "A001":
            add_volunteer(kiosk_desk, code, f"志工{i}")
    expected = letters if codes else "A"  # the desk's own A001..A003
    assert kiosk.code_letters(kiosk_desk) == expected


def test_the_pads_keys_do_not_overlap_at_1366x768(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """Four rows of big keys under a prompt did not fit 768 px: the keys were drawn over
    each other. The number pad and the PIN pad put the keys beside the words."""
    window.resize(1366, 768)
    for page, open_page in (
        (window.pad_page, window.open_pad),
        (window.pin_page, lambda: window.pages.setCurrentWidget(window.pin_page)),
    ):
        open_page()
        qtbot.wait(20)
        keys = [b for b in page.findChildren(QAbstractButton) if b.isVisible()]
        assert len(keys) >= 12
        rects = [
            (b.objectName() or b.text(), QRect(b.mapTo(page, QPoint()), b.size())) for b in keys
        ]
        for i, (name, rect) in enumerate(rects):
            assert rect.height() >= 64, name
            assert page.rect().contains(rect), name
            for other, rect2 in rects[i + 1 :]:
                assert not rect.intersects(rect2), (name, other)


def test_a_number_without_its_letters_finds_the_volunteer(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """Typing "1" on the pad for A001 gave 查無編號 1 and no hint."""
    tap(qtbot, window, "padButton")
    type_on_pad(window, qtbot, "1")
    tap(qtbot, window, "padOk")
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN
    assert window.last_result.code == "A001" and "王小明" in label(window, "person")


def test_an_unknown_number_says_how_numbers_look(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    tap(qtbot, window, "padButton")
    type_on_pad(window, qtbot, "99")
    tap(qtbot, window, "padOk")
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.UNKNOWN_CARD
    detail = label(window, "detail")
    assert "查無編號 99" in detail and "志工編號像 A001" in detail and "只輸入數字" in detail
    assert attendance_rows(kiosk_desk) == 0


def test_a_code_typed_with_its_letter_but_without_zeros_signs_in(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """「查無編號 A1」 while "1" worked: the letter and the number without its padding."""
    tap(qtbot, window, "padButton")
    type_on_pad(window, qtbot, "A1")
    tap(qtbot, window, "padOk")
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN
    assert window.last_result.code == "A001"


def test_digits_shared_by_two_codes_are_not_said_to_be_enough(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    add_volunteer(kiosk_desk, "V001", "林小芳")  # 1 is now A001 and V001
    tap(qtbot, window, "padButton")
    type_on_pad(window, qtbot, "1")
    tap(qtbot, window, "padOk")
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.UNKNOWN_CARD
    detail = label(window, "detail")
    assert "只輸入數字" not in detail and "字母" in detail
    assert attendance_rows(kiosk_desk) == 0


def test_the_pad_shows_an_entry_box_before_the_first_digit(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """Nothing showed where the number would go until a key was pressed."""
    tap(qtbot, window, "padButton")
    shown = window.pad_page.shown
    assert shown.text() == "" and shown.isVisible() and shown.width() >= 200
    image = shown.grab().toImage()
    edge = image.pixelColor(1, image.height() // 2)
    inside = image.pixelColor(image.width() // 2, image.height() // 2)
    assert edge != inside  # a framed box, empty inside
