"""IT's first day: no screen, database addresses, a file that is no database, slot words."""

from __future__ import annotations

from pathlib import Path

import pytest

import frontdesk.app
from frontdesk.cli.display import screen_missing
from frontdesk.store.db import Database, describe_url
from tests.cli.conftest import Run

NO_SCREEN = {"LANG": "C.UTF-8"}


@pytest.mark.parametrize(
    ("env", "argv", "platform", "missing"),
    [
        (NO_SCREEN, [], "linux", True),
        ({"DISPLAY": ":0"}, [], "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, [], "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, [], "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, [], "linux", True),
        (NO_SCREEN, ["-platform", "offscreen"], "linux", False),
        (NO_SCREEN, [], "win32", False),
        (NO_SCREEN, [], "darwin", False),
    ],
)
def test_a_screen_is_missing_only_where_qt_would_need_one(
    env: dict[str, str], argv: list[str], platform: str, missing: bool
) -> None:
    assert screen_missing(argv, env, platform) is missing


def test_without_a_screen_the_app_says_so_in_one_sentence(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It aborted in Qt, whose hint blamed libxcb-cursor0."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setattr("sys.platform", "linux")
    started: list[object] = []
    monkeypatch.setattr(frontdesk.app, "run", lambda *a: started.append(a) or 0)
    r = cli()
    assert r.code == 1 and started == []
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("服務台程式需要螢幕")
    assert "frontdesk init" in lines[0] and "frontdesk check" in lines[0]
    assert "frontdesk supervisors" in lines[0] and "--self-test" in lines[0]


def test_a_database_is_shown_as_a_path_or_host_and_name(tmp_path: Path) -> None:
    """Raw SQLAlchemy URLs (sqlite+pysqlite:////...) reached messages and the 關於 box."""
    file = tmp_path / "desk.sqlite3"
    assert describe_url(f"sqlite+pysqlite:///{file}") == str(file)
    assert describe_url("postgresql+psycopg://desk:secret@db.example:5433/frontdesk") == (
        "db.example:5433/frontdesk"
    )
    assert describe_url("postgresql://desk@db.example/frontdesk") == "db.example/frontdesk"
    assert "secret" not in describe_url("postgresql://desk:secret@db.example:port/frontdesk")
    db = Database(f"sqlite+pysqlite:///{file}")
    try:
        assert db.describe() == str(file)
    finally:
        db.dispose()


def test_init_names_the_file_not_the_url(cli: Run, dbfile: Path) -> None:
    r = cli("--db", dbfile, "init", "--agency", "測試衛生所")
    assert r.code == 0
    assert str(dbfile) in r.out and "sqlite+" not in r.out


def test_a_file_that_is_no_database_is_named_with_the_backups(cli: Run, tmp_path: Path) -> None:
    """`check` said 'the database refused the request (file is not a database); please try
    again': trying again cannot help."""
    notes = tmp_path / "notes.txt"
    notes.write_text("this is a letter, not a database\n", encoding="utf-8")
    for command in (["check"], ["calendar", "show", "--month", "2026-01"], ["backup"]):
        r = cli("--db", notes, *command)
        assert r.code == 1, command
        assert "is not a frontdesk database" in r.err, command
        assert str(tmp_path / "backups") in r.err
        assert "try again" not in r.err
    assert notes.read_text(encoding="utf-8") == "this is a letter, not a database\n"


def test_attendance_record_names_the_slot_in_words(cli: Run, demo_db: Path) -> None:
    """It printed 'Recorded the AM duty' (…的AM。)."""
    r = cli("--db", demo_db, "attendance", "record", "--code", "V005", "--date", "2025-03-03",
            "--slot", "AM", "--in", "08:25", "--out", "11:32", "--reason", "紙本簽到表補登")  # fmt: skip
    assert r.code == 0, r.err
    assert "morning (AM) duty" in r.out
