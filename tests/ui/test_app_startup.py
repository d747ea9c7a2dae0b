"""The app's start-up on a bad database: one message each, and the offer to restore a backup."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from frontdesk import app
from frontdesk.services import opening, safety
from frontdesk.services.context import Desk
from frontdesk.services.setup import init_site
from frontdesk.store import paths, startup
from frontdesk.store.backup import backup_database, daily_backup_path
from frontdesk.store.db import Database
from frontdesk.store.startup import Damage
from tests.store.test_startup import damage_file


class Boxes:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []


@pytest.fixture
def boxes(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Boxes:
    """The app's message boxes, captured instead of shown."""
    seen = Boxes()
    monkeypatch.setattr(app, "_error_box", seen.errors.append)
    monkeypatch.setattr(app, "_warning_box", seen.warnings.append)
    return seen


@pytest.fixture
def desk_file(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "frontdesk.sqlite3"
    opened = opening.open_desk(str(path), need_site=False)
    init_site(opened.db, "啟動測試")
    opened.db.dispose()
    return path


@pytest.fixture
def opened() -> Iterator[list[Desk]]:
    desks: list[Desk] = []
    yield desks
    for desk in desks:
        desk.db.dispose()


def _backup(path: Path) -> Path:
    db = Database(f"sqlite+pysqlite:///{path}")
    try:
        return backup_database(db, reason="manual")
    finally:
        db.dispose()


def _open(url: str, opened: list[Desk]) -> Desk | None:
    desk = app.open_desk(url)
    if desk is not None:
        opened.append(desk)
    return desk


def test_a_sound_database_opens_and_its_daily_backup_follows_off_the_gui_thread(
    boxes: Boxes,
    desk_file: Path,
    opened: list[Desk],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The copy of the whole file (566 ms on a 255 MB desk) was made before the window
    showed, on the thread that then serves the kiosk; the file is quick-checked once."""
    checks: list[Path] = []
    real_check = startup.quick_check
    monkeypatch.setattr(startup, "quick_check", lambda p: checks.append(p) or real_check(p))
    threads: list[threading.Thread] = []
    real_backup = safety.daily_backup

    def backup(db: Database, today: date) -> object:
        threads.append(threading.current_thread())
        return real_backup(db, today)

    monkeypatch.setattr(safety, "daily_backup", backup)
    desk = _open(str(desk_file), opened)
    assert desk is not None
    assert checks == [desk_file] and threads == []  # checked once; no backup yet
    keeper = app.keep_backups(desk, QObject())
    qtbot.waitUntil(lambda: keeper.last is not None)
    assert threads and threading.main_thread() not in threads
    assert any(paths.backups_dir(desk_file).glob("frontdesk-daily-*.sqlite3"))
    assert boxes.errors == [] and boxes.warnings == []


def test_wrong_url(boxes: Boxes, opened: list[Desk]) -> None:
    for url in ("mysql://x@host/db", "postgresql://nobody@127.0.0.1:1/none", "postgresql://::x"):
        assert _open(url, opened) is None
    assert len(boxes.errors) == 3
    assert all("Cannot open the database" in text for text in boxes.errors)


def test_network_share(boxes: Boxes, opened: list[Desk]) -> None:
    assert _open("//server/share/desk.sqlite3", opened) is None
    assert "network share" in boxes.errors[0]


def test_full_data_folder(
    boxes: Boxes, tmp_path: Path, opened: list[Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "mkdir", full)
    assert _open(str(tmp_path / "new" / "desk.sqlite3"), opened) is None
    assert "data folder" in boxes.errors[0]


def test_unwritable_database_file(
    boxes: Boxes, desk_file: Path, opened: list[Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only file: SQLite refuses the first write; the driver's words, not a traceback."""
    from sqlalchemy.exc import OperationalError

    def readonly(_db: Database, **_kwargs: object) -> None:
        raise OperationalError(
            "UPDATE", {}, sqlite3.OperationalError("attempt to write a readonly database")
        )

    monkeypatch.setattr(opening.migrate, "upgrade", readonly)
    assert _open(str(desk_file), opened) is None
    assert "readonly" in boxes.errors[0]


def test_newer_database(boxes: Boxes, desk_file: Path, opened: list[Desk]) -> None:
    with closing(sqlite3.connect(desk_file)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    assert _open(str(desk_file), opened) is None
    assert "newer version" in boxes.errors[0] and "9999_future" in boxes.errors[0]


def test_failed_daily_backup_warns_once_and_the_desk_opens(
    boxes: Boxes,
    desk_file: Path,
    opened: list[Desk],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full(_db: Database, _today: date) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(desk_file.parent))

    monkeypatch.setattr(safety, "daily_backup", full)
    desk = _open(str(desk_file), opened)
    assert desk is not None
    assert boxes.errors == [] and boxes.warnings == []
    keeper = app.keep_backups(desk, QObject())
    qtbot.waitUntil(lambda: len(boxes.warnings) == 1)
    assert f"The disk holding {desk_file.parent} is full" in boxes.warnings[0]
    assert keeper.run()  # the next try fails the same way
    qtbot.waitUntil(lambda: not keeper._job.busy)
    assert len(boxes.warnings) == 1 and boxes.errors == []  # told once a run


_SQLITE_START = """
import os, sys
sys.path.insert(0, sys.argv[2])
from frontdesk import app as desk_app
connect = desk_app.connect_supervisor
def watch(window, desk):
    connect(window, desk)
    cls = type(window)
    sweep = cls.sweep
    def first_sweep(self):
        sweep(self)
        loaded = sorted(m for m in sys.modules if m.startswith(
            ("sqlalchemy.dialects.postgresql", "psycopg", "alembic")))
        print("LOADED", loaded, flush=True)
        os._exit(0)
    cls.sweep = first_sweep
desk_app.connect_supervisor = watch
desk_app.run(sys.argv[1], [])
"""


def test_a_sqlite_desk_starts_without_postgresql_or_alembic(desk_file: Path) -> None:
    """SQLAlchemy's PostgreSQL dialect was imported on every SQLite desk (a model's
    postgresql_where; Alembic, which the restore module imported at start): about a
    quarter of a bare window's start-up, for nothing."""
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    opening.open_desk(str(desk_file)).db.dispose()  # migrated: the start needs no Alembic
    done = subprocess.run(
        [sys.executable, "-c", _SQLITE_START, str(desk_file), root],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "LOADED []" in done.stdout, done.stdout + done.stderr[-3000:]


def test_damaged_file_restored_from_the_newest_good_backup(
    boxes: Boxes, desk_file: Path, opened: list[Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _backup(desk_file)
    damage_file(desk_file)
    damaged = desk_file.read_bytes()
    asked: list[Damage] = []

    def restore(damage: Damage) -> bool:
        asked.append(damage)
        return True

    monkeypatch.setattr(app, "ask_restore", restore)
    desk = _open(str(desk_file), opened)
    assert desk is not None
    assert [d.good_backup for d in asked] == [good]
    assert boxes.errors == []
    kept = list(desk_file.parent.glob("frontdesk-replaced-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_damaged_file_and_quit_changes_nothing(
    boxes: Boxes, desk_file: Path, opened: list[Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    _backup(desk_file)
    damage_file(desk_file)
    damaged = desk_file.read_bytes()
    monkeypatch.setattr(app, "ask_restore", lambda _damage: False)
    assert _open(str(desk_file), opened) is None
    assert desk_file.read_bytes() == damaged
    assert not daily_backup_path(desk_file, date.today()).exists()


def test_damaged_box_offers_restore_or_quit(qapp: QApplication, tmp_path: Path) -> None:
    backup = tmp_path / "backups" / "frontdesk-daily-2026-11-02.sqlite3"
    backup.parent.mkdir()
    backup.write_bytes(b"x")
    box, restore = app.damaged_box(
        Damage(tmp_path / "frontdesk.sqlite3", ("database disk image is malformed",), backup)
    )
    assert restore is not None
    assert "malformed" in box.text() and backup.name in box.text()
    assert len(box.buttons()) == 2
    assert box.buttonRole(restore) is QMessageBox.ButtonRole.AcceptRole
    box, restore = app.damaged_box(Damage(tmp_path / "frontdesk.sqlite3", ("bad",), None))
    assert restore is None and len(box.buttons()) == 1
    assert "No sound backup" in box.text()


def test_the_running_app_holds_its_database_against_a_restore(boxes: Boxes, tmp_path: Path) -> None:
    from frontdesk.store import desklock
    from frontdesk.store.errors import DeskInUse

    path = tmp_path / "frontdesk.sqlite3"
    with contextlib.ExitStack() as held:
        assert app.hold_database(held, str(path), "kiosk")
        with pytest.raises(DeskInUse) as caught, desklock.no_app_running(path):
            pass
        assert caught.value.facts["role"] == "kiosk"
    with desklock.no_app_running(path):  # the app ended: a restore may go ahead
        pass
    assert boxes.errors == []


def test_an_app_started_during_a_restore_says_so_after_waiting(
    boxes: Boxes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from frontdesk.store import desklock

    monkeypatch.setattr(desklock, "APP_WAIT_SECONDS", 0.2)
    path = tmp_path / "frontdesk.sqlite3"
    with desklock.no_app_running(path), contextlib.ExitStack() as held:
        assert not app.hold_database(held, str(path), "kiosk")
    assert len(boxes.errors) == 1 and "being restored" in boxes.errors[0]
