"""The kiosk asks for the right sound on every outcome: 'done, all well' for a sign-in
on time, a sign-out, a repeat, 'you already signed out'; 'please look' for a question,
a refusal or a warning. The machine has no audio device, so a fake player records what
is asked for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.core.attendance import ScanOutcome
from frontdesk.services import volunteers
from frontdesk.services.context import Desk
from frontdesk.services.setup import update_settings
from frontdesk.ui.kiosk import sounds
from frontdesk.ui.kiosk.window import KioskWindow
from tests.support.desks import add_volunteer
from tests.ui.conftest import MONDAY, Clock
from tests.ui.test_kiosk import scan
from tests.ui.test_kiosk_scans import button


class FakePlayer:
    """Stands in for ui.kiosk.sounds.Sounds: records (kind, volume), plays nothing."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, int]] = []

    def play(self, kind: str, volume: int) -> bool:
        assert kind in sounds.KINDS
        self.asked.append((kind, volume))
        return True

    def take(self) -> list[str]:
        kinds, self.asked = [k for k, _ in self.asked], []
        return kinds


def test_every_outcome_asks_for_its_sound(
    window: KioskWindow, kiosk_desk: Desk, clock: Clock, qtbot: QtBot
) -> None:
    player = FakePlayer()
    window.sounds = player  # type: ignore[assignment]
    ok, look = sounds.OK, sounds.LOOK

    def at(hh: int, mm: int) -> None:
        clock.set(MONDAY, hh, mm)

    def outcome() -> ScanOutcome:
        assert window.last_result is not None
        return window.last_result.outcome

    at(8, 20)
    scan(window, "A001")
    assert (outcome(), player.take()) == (ScanOutcome.SIGNED_IN, [ok])
    at(8, 22)
    scan(window, "A001")
    assert (outcome(), player.take()) == (ScanOutcome.ALREADY_IN, [ok])
    at(8, 41)
    scan(window, "A002")  # late: a warning
    assert (outcome(), player.take()) == (ScanOutcome.SIGNED_IN, [look])
    scan(window, "ZZ999")
    assert (outcome(), player.take()) == (ScanOutcome.UNKNOWN_CARD, [look])
    scan(window, "A003")  # not on the roster: the walk-in question
    assert (outcome(), player.take()) == (ScanOutcome.CONFIRM_WALK_IN, [look])
    qtbot.mouseClick(button(window, "walkInYes"), Qt.MouseButton.LeftButton)
    assert (outcome(), player.take()) == (ScanOutcome.SIGNED_IN, [look])  # a walk-in: told
    at(10, 0)
    scan(window, "A001")  # the duty runs: asked first
    assert (outcome(), player.take()) == (ScanOutcome.CONFIRM_SIGN_OUT, [look])
    qtbot.mouseClick(button(window, "signOutNo"), Qt.MouseButton.LeftButton)
    assert player.take() == [ok]  # still on duty, nothing recorded
    at(10, 1)
    scan(window, "A001")
    qtbot.mouseClick(button(window, "signOutYes"), Qt.MouseButton.LeftButton)
    assert (outcome(), player.take()) == (ScanOutcome.SIGNED_OUT, [look, look])  # early
    qtbot.mouseClick(button(window, "undoButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(window, "undoYes"), Qt.MouseButton.LeftButton)  # asked first
    assert (outcome(), player.take()) == (ScanOutcome.SIGN_OUT_UNDONE, [ok])
    at(11, 31)
    scan(window, "A001")
    assert (outcome(), player.take()) == (ScanOutcome.SIGNED_OUT, [ok])
    at(11, 40)
    scan(window, "A001")
    assert (outcome(), player.take()) == (ScanOutcome.ALREADY_OUT, [ok])
    at(12, 0)
    add_volunteer(kiosk_desk, "A004", "羅信秀")
    scan(window, "A004")  # nobody's duty now: the afternoon opens at 13:00
    assert (outcome(), player.take()) == (ScanOutcome.TOO_EARLY, [look])
    volunteers.deactivate(kiosk_desk, volunteers.find_by_code(kiosk_desk, "A004").id)
    scan(window, "A004")
    assert (outcome(), player.take()) == (ScanOutcome.INACTIVE, [look])
    update_settings(kiosk_desk, {"sound_volume": "0"})
    window.refresh()
    scan(window, "A001")
    assert player.asked[-1][1] == 0  # asked at the desk's volume: 0 is off
