"""Today's roster on screen before the database layer is imported, and no scan or tap of
that moment lost (issue 19: the kiosk within 4x a bare window's start-up)."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from frontdesk import app as desk_app
from frontdesk.core.board import BoardEntry
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import local_day
from frontdesk.services import calendar, opening, roster, volunteers
from frontdesk.services.attendance import ScanResult
from frontdesk.services.context import Desk
from frontdesk.services.setup import init_site
from frontdesk.ui.kiosk import early_start
from frontdesk.ui.kiosk.starting import StartingWindow
from frontdesk.ui.kiosk.window import KioskWindow


def _desk_with_todays_roster(path: Path) -> None:
    """A desk whose roster of today (the machine's, as the app reads it) names two people;
    today is opened by hand, so a weekend or holiday run shows names too."""
    db = opening.open_desk(str(path), need_site=False).db
    desk = Desk(db=db, site_id=init_site(db, "苓雅區衛生所"), actor="supervisor:test")
    today = local_day(datetime.now(UTC))
    calendar.set_manual(desk, today, open_=True)
    for code, name in (("A001", "王小明"), ("A002", "李小華")):
        vid = volunteers.add(desk, volunteers.VolunteerInput(code=code, name=name))
        for slot in ("AM", "PM"):
            roster.assign(desk, ShiftKey(today, slot), vid, confirm_warnings=True)
    db.dispose()


_FIRST_ROSTER = """
import os, sys
sys.path.insert(0, sys.argv[2])
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication([sys.argv[0]])
from frontdesk import app as desk_app
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and type(obj).__name__ == "HomePage":
            board = obj.board
            if obj.isVisible() and board is not None and any(s.entries for s in board.slots):
                names = sorted(e.name for s in board.slots for e in s.entries)
                print("ROSTER", type(obj.window()).__name__, names,
                      "sqlalchemy" in sys.modules, flush=True)
                os._exit(0)
        return False
watch = Watch()
app.installEventFilter(watch)
desk_app.run(sys.argv[1], [])
print("NO ROSTER", flush=True)
os._exit(1)
"""


def test_todays_roster_is_painted_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    """The first paint of a name on the board: it came after SQLAlchemy, the models and the
    file's checks (2.5-3 s on a 255 MB desk), now before any of them."""
    path = tmp_path / "data" / "frontdesk.sqlite3"
    _desk_with_todays_roster(path)
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FRONTDESK_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_ROSTER, str(path), root],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("ROSTER")]
    assert lines, done.stdout + done.stderr[-3000:]
    assert "王小明" in lines[0] and "李小華" in lines[0]
    assert lines[0].endswith("False"), lines[0]  # sqlalchemy not yet in sys.modules


@pytest.mark.usefixtures("zh")
def test_scans_and_taps_on_the_early_board_are_handled_once_in_order(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "frontdesk.sqlite3"
    _desk_with_todays_roster(path)
    monkeypatch.setattr(desk_app, "_setup_logging", lambda: None)
    monkeypatch.setattr(desk_app, "_install_excepthook", lambda: None)
    real_open = desk_app.open_desk
    handled: list[tuple[str, str]] = []
    windows: list[KioskWindow] = []
    boards: list[str] = []

    def open_while_volunteers_scan(url: str | None) -> Desk | None:
        [screen] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, StartingWindow) and w.isVisible()
        ]
        assert screen.home is not None and screen.home.board is not None  # the early board
        boards.append(screen.home.board.agency_name)
        QTest.keyClicks(screen, "A002")
        QTest.keyClick(screen, Qt.Key.Key_Return)
        screen.home.tapped.emit(screen.home.board.slots[0].entries[0])  # 王小明 taps
        QTest.keyClicks(screen, "A001")
        QTest.keyClick(screen, Qt.Key.Key_Return)
        return real_open(url)

    real_submit, real_tap = KioskWindow.submit, KioskWindow.tap

    def submit(self: KioskWindow, code: str, **kwargs: bool) -> ScanResult | None:
        result = real_submit(self, code, **kwargs)
        handled.append(("scan", code))
        windows.append(self)
        if len(handled) == 3:
            QTimer.singleShot(0, QCoreApplication.quit)
        return result

    def tap(self: KioskWindow, entry: BoardEntry) -> None:
        real_tap(self, entry)
        handled.append(("tap", entry.code))

    monkeypatch.setattr(desk_app, "open_desk", open_while_volunteers_scan)
    monkeypatch.setattr(KioskWindow, "submit", submit)
    monkeypatch.setattr(KioskWindow, "tap", tap)
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(QCoreApplication.quit)
    guard.start(20_000)
    try:
        assert desk_app.run(str(path), []) == 0
    finally:
        guard.stop()
        for w in set(windows):
            qapp.removeEventFilter(w)
            w.close()
            w.desk.db.dispose()
            w.deleteLater()
        QCoreApplication.processEvents()
        qapp.setQuitOnLastWindowClosed(quit_on_close)
    assert boards == ["苓雅區衛生所"]
    assert handled == [("scan", "A002"), ("tap", "A001"), ("scan", "A001")]
    assert not any(
        isinstance(w, StartingWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


@pytest.mark.usefixtures("zh")
def test_the_database_layer_loads_off_the_gui_thread_while_scans_are_kept(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import (about 2.4x a bare window's start-up) ran on the GUI thread, the starting
    screen frozen meanwhile: now a card read during it is taken, and the clock goes on."""
    slow = tmp_path / "fd_slow_layer.py"
    slow.write_text(
        "import threading, time\nLOADED_ON = threading.current_thread()\ntime.sleep(0.5)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    screen = StartingWindow()
    screen.show()
    seen_during: list[str] = []

    def scan_now() -> None:
        QTest.keyClicks(screen, "A001")
        QTest.keyClick(screen, Qt.Key.Key_Return)
        seen_during.append(screen.typed.text())  # shown at once: "1 scan waiting"

    QTimer.singleShot(100, scan_now)
    try:
        early_start.load_database_layer(qapp, lambda: importlib.import_module("fd_slow_layer"))
        module = sys.modules["fd_slow_layer"]
        assert module.LOADED_ON is not threading.main_thread()
        assert seen_during and "1" in seen_during[0]  # handled while the import ran
        assert screen.scans() == ["A001"]
        early_start.load_database_layer(  # left to the start
            qapp, lambda: importlib.import_module("fd_no_such_module")
        )
    finally:
        sys.modules.pop("fd_slow_layer", None)
        screen.close()
