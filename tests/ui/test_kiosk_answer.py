"""The answer to a scan returns home on its own setting, with a sound for 'all well' and
another for 'please look', at the desk's volume; silent where no sound can play."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.core.settings import DeskSettings, spec
from frontdesk.services.context import Desk
from frontdesk.services.setup import update_settings
from frontdesk.ui.kiosk import sounds
from frontdesk.ui.kiosk.window import KioskWindow
from tests.ui.test_kiosk import label, scan

ROOT = Path(__file__).resolve().parents[2]


def test_the_answer_goes_home_after_its_own_setting(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """It stayed the 30 s of the idle return, with the previous person's name."""
    assert DeskSettings().answer_seconds == 8 and spec("answer_seconds") is not None
    update_settings(kiosk_desk, {"answer_seconds": "3", "kiosk_idle_seconds": "300"})
    window.refresh()
    scan(window, "A001")
    assert window.pages.currentIndex() == window.RESULT and window._answer.isActive()
    assert window._answer.interval() == 3000
    window._answer.setInterval(40)  # the same timer, without waiting the seconds
    window._answer.start()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == window.HOME, timeout=2000)
    assert "王小明" not in label(window, "person")


def test_the_answer_return_leaves_other_pages_alone(window: KioskWindow, qtbot: QtBot) -> None:
    scan(window, "A001")
    window._answer.setInterval(40)
    window._answer.start()
    qtbot.mouseClick(window.result_page.shifts_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == window.SHIFTS
    qtbot.wait(120)
    assert window.pages.currentIndex() == window.SHIFTS  # reading their duties: kept


def test_success_and_please_look_sound_different(
    window: KioskWindow, kiosk_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    played: list[tuple[str, int]] = []
    monkeypatch.setattr(window.sounds, "play", lambda kind, volume: played.append((kind, volume)))
    scan(window, "A001")  # signed in
    scan(window, "ZZ999")  # unknown card
    scan(window, "A003")  # a walk-in: a question
    assert played == [(sounds.OK, 70), (sounds.LOOK, 70), (sounds.LOOK, 70)]
    update_settings(kiosk_desk, {"sound_volume": "0"})
    window.refresh()
    window.go_home()
    scan(window, "A002")
    assert played[-1] == (sounds.OK, 0)


def test_sound_is_off_at_volume_zero_and_never_fails(qtbot: QtBot) -> None:
    player = sounds.Sounds()
    assert player.play(sounds.OK, 0) is False
    assert player.play("no such sound", 80) is False
    player.play(sounds.LOOK, 80)  # no audio device here: silent, no exception


def test_without_qt_multimedia_the_desk_is_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_multimedia(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("PySide6.QtMultimedia"):
            raise ImportError("libpulse.so.0: cannot open shared object file")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_multimedia)
    player = sounds.Sounds()
    assert not player.available and player.play(sounds.OK, 100) is False


@pytest.mark.parametrize("name", ["ok.wav", "look.wav"])
def test_the_sounds_are_short_wavs_shipped_in_resources(name: str) -> None:
    path = ROOT / "resources" / "sounds" / name
    with wave.open(str(path), "rb") as w:
        seconds = w.getnframes() / w.getframerate()
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
    assert 0.1 < seconds < 1.0
    spec_text = (ROOT / "installer" / "frontdesk.spec").read_text(encoding="utf-8")
    assert '"QtMultimedia",' not in spec_text  # not excluded from the bundle


def test_the_two_sounds_differ() -> None:
    folder = ROOT / "resources" / "sounds"
    assert (folder / "ok.wav").read_bytes() != (folder / "look.wav").read_bytes()
