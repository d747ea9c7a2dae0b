"""The starting screen: on screen before the database layer, and no scan lost meanwhile."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from frontdesk import app as desk_app
from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.timeutil import at
from frontdesk.services import opening, volunteers
from frontdesk.services.attendance import ScanResult
from frontdesk.services.context import Desk
from frontdesk.services.setup import init_site
from frontdesk.ui.kiosk import starting as starting_module
from frontdesk.ui.kiosk.starting import StartingWindow
from frontdesk.ui.kiosk.window import KioskWindow


def type_code(widget: StartingWindow, code: str) -> None:
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def starting(qtbot: QtBot, zh: None) -> StartingWindow:
    w = StartingWindow(now=at(date(2026, 12, 1), time(8, 27)))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_it_shows_the_clock_and_says_the_desk_is_opening(starting: StartingWindow) -> None:
    assert starting.clock.text() == "08:27"
    assert starting.date.text() == "民國115年12月1日 星期二"
    assert "服務台正在開啟" in starting.message.text()
    assert "刷卡" in starting.hint.text()


def test_scans_are_kept_in_order_and_taken_once(starting: StartingWindow) -> None:
    type_code(starting, "A001")
    QTest.keyClicks(starting, "A00")
    assert starting.typed.text().endswith("A00")
    QTest.keyClick(starting, Qt.Key.Key_Backspace)
    QTest.keyClicks(starting, "02")
    QTest.keyClick(starting, Qt.Key.Key_Enter)
    QTest.keyClick(starting, Qt.Key.Key_Return)  # an empty Enter is no scan
    assert "2" in starting.typed.text()  # "2 scans waiting" in words
    assert starting.scans() == ["A001", "A002"]
    assert starting.scans() == []
    assert starting.typed.text() == ""


def test_a_full_width_number_waits_as_its_plain_code(starting: StartingWindow) -> None:
    for ch in "ａ００１":  # QTest.keyClicks cannot type beyond Latin-1: events as an IME sends them
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                starting, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )
    QTest.keyClick(starting, Qt.Key.Key_Return)
    assert starting.scans() == ["a001"]


def test_a_scan_from_before_a_long_dialog_is_dropped(
    starting: StartingWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1000.0]
    monkeypatch.setattr(starting_module.time, "monotonic", lambda: now[0])
    type_code(starting, "A001")
    now[0] += starting_module.KEEP_SCANS_S + 1  # e.g. the restore question was on screen
    type_code(starting, "A002")
    assert starting.scans() == ["A002"]


def test_the_starting_screen_needs_no_database_layer() -> None:
    """What makes it quick: sqlalchemy is imported only after it is painted."""
    code = (
        "import sys; import frontdesk.app, frontdesk.ui.kiosk.starting; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_a_card_scanned_while_the_desk_opens_is_signed_in(
    qapp: QApplication, zh: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "frontdesk.sqlite3"
    db = opening.open_desk(str(path), need_site=False).db
    site = init_site(db, "苓雅區衛生所")
    volunteers.add(
        Desk(db=db, site_id=site, actor="test"),
        volunteers.VolunteerInput(code="A001", name="王小明"),
    )
    db.dispose()

    monkeypatch.setattr(desk_app, "_setup_logging", lambda: None)
    monkeypatch.setattr(desk_app, "_install_excepthook", lambda: None)
    real_open = desk_app.open_desk
    seen: list[tuple[str, ScanResult | None]] = []
    windows: list[KioskWindow] = []

    def open_while_a_volunteer_scans(url: str | None) -> Desk | None:
        [screen] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, StartingWindow) and w.isVisible()
        ]
        type_code(screen, "A001")  # the card, before the database is even open
        return real_open(url)

    real_submit = KioskWindow.submit

    def submit(self: KioskWindow, code: str, *, confirm_walk_in: bool = False) -> ScanResult | None:
        result = real_submit(self, code, confirm_walk_in=confirm_walk_in)
        seen.append((code, result))
        windows.append(self)
        QTimer.singleShot(0, QCoreApplication.quit)  # run() returns once it was handled
        return result

    monkeypatch.setattr(desk_app, "open_desk", open_while_a_volunteer_scans)
    monkeypatch.setattr(KioskWindow, "submit", submit)
    # Closing the kiosk below is closing the last window: Qt would quit, which outside
    # exec() leaves every later event loop of the suite returning at once.
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    guard = QTimer()  # never hang the suite; stopped after, as a late quit() would end
    guard.setSingleShot(True)  # the event loops of the tests that follow
    guard.timeout.connect(QCoreApplication.quit)
    guard.start(20_000)
    try:
        assert desk_app.run(str(path), []) == 0
    finally:
        guard.stop()
        for w in windows:
            qapp.removeEventFilter(w)
            w.close()
            w.desk.db.dispose()
            w.deleteLater()
        QCoreApplication.processEvents()
        qapp.setQuitOnLastWindowClosed(quit_on_close)
    [(code, result)] = seen
    assert code == "A001" and result is not None
    assert result.name == "王小明"  # handled as a scan of a known card
    assert result.outcome is not ScanOutcome.UNKNOWN_CARD
    assert not any(
        isinstance(w, StartingWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
