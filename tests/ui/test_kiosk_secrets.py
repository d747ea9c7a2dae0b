"""A secret typed fast is never a scan nor shown: a supervisor's password typed at 40 ms a
key (or by a password manager) then Enter stays in the login dialog, and whatever a burst
typed that does not look like a volunteer number is not repeated on the public screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from frontdesk.core.attendance import ScanOutcome
from frontdesk.services.context import Desk
from frontdesk.store.models import Attendance
from frontdesk.ui.kiosk.window import KioskWindow
from frontdesk.ui.supervisor.login import LoginDialog
from tests.ui.conftest import KeyClock
from tests.ui.test_kiosk import scan, texts

PASSWORD = "DEMO-PASSWORD"


def attendance(desk: Desk) -> int:
    with desk.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Attendance)) or 0)


def fast(keys: KeyClock, target: object, text: str) -> None:
    """Typed at 40 ms a key, then Enter 40 ms later: a reader's pace."""
    for ch in text:
        keys.advance(0.04)
        QTest.keyClicks(target, ch)  # type: ignore[arg-type]
    keys.advance(0.04)
    QTest.keyClick(target, Qt.Key.Key_Return)  # type: ignore[arg-type]


def shown(window: KioskWindow) -> str:
    return "\n".join(texts(window))


def test_a_password_typed_fast_in_the_login_stays_there(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot, keys: KeyClock
) -> None:
    """The tester's fault: the dialog closed and 查無編號 DEMO-PASSWORD filled the kiosk."""
    before = attendance(kiosk_desk)
    login = LoginDialog(kiosk_desk, window)
    login.open()
    qtbot.waitExposed(login)
    login.password.setFocus()
    for ch in PASSWORD:
        keys.advance(0.04)
        QTest.keyClicks(login.password, ch)
    assert login.password.text() == PASSWORD and window.reader.holding == ""
    keys.advance(0.04)
    QTest.keyClick(login.password, Qt.Key.Key_Return)  # a login try (no such user here)
    assert login.isVisible()
    assert window.last_result is None and window.pages.currentIndex() == window.HOME
    assert PASSWORD not in shown(window) and attendance(kiosk_desk) == before
    login.reject()


def test_a_fast_user_name_in_a_foreign_dialog_is_typed_not_scanned(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot, keys: KeyClock
) -> None:
    login = LoginDialog(kiosk_desk, window)
    login.open()
    qtbot.waitExposed(login)
    login.username.setFocus()
    fast(keys, login.username, "A001")  # a volunteer's code, typed fast as a name
    assert login.isVisible() and login.username.text() == "A001"
    assert window.last_result is None and attendance(kiosk_desk) == 0
    login.reject()


def test_a_burst_that_is_no_volunteer_number_is_not_echoed(
    window: KioskWindow, kiosk_desk: Desk
) -> None:
    scan(window, PASSWORD)  # on the home view: a burst, but no volunteer's number
    assert window.last_result is not None
    assert window.last_result.outcome is ScanOutcome.UNKNOWN_CARD
    words = shown(window)
    assert PASSWORD not in words and "無法辨識這張卡" in words
    window.go_home()
    scan(window, "ABCDEFGHIJ1234567")  # letters and digits, but far longer than a code
    assert "ABCDEFGHIJ1234567" not in shown(window)
    window.go_home()
    scan(window, "V999")  # looks like a number: told back, so a typo can be seen
    assert "V999" in shown(window) and "無法辨識這張卡" not in shown(window)


def test_the_note_writer_question_does_not_echo_a_secret(window: KioskWindow) -> None:
    window.write_note()
    scan(window, PASSWORD)
    words = shown(window)
    assert PASSWORD not in words and "無法辨識這張卡" in words
    window.go_home()
    window.write_note()
    scan(window, "V999")
    assert "V999" in shown(window)
