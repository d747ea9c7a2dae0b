"""The early board (read with the standard library before the database layer loads) is the
kiosk's board: the same core function builds both from the same rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date, datetime, time
from pathlib import Path

import pytest

from frontdesk.core import board as board_rule
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, calendar, early_board, kiosk, roster, setup
from frontdesk.services.context import Desk
from frontdesk.store import early, restore, scratch
from frontdesk.store.db import SQLITE_HEADER, Database
from tests.support.clocks import Clock
from tests.support.desks import new_desk, volunteer_maker

DAY = date(2026, 12, 1)  # a Tuesday, a working day


@pytest.fixture
def desk(sqlite_db: Database, clock: Clock) -> Desk:
    return new_desk(sqlite_db, clock)


def _file(desk: Desk) -> Path:
    assert desk.db.path is not None
    return desk.db.path


def _a_busy_morning(desk: Desk, clock: Clock) -> None:
    """Two on the morning's roster (one came late, one not yet), a walk-in who came and
    went, an afternoon closed for a typhoon, and two handover notes."""
    make = volunteer_maker(desk)
    late, waiting = make("A01", "王小明"), make("A02", "李小華")
    make("A03", "陳大同")  # the walk-in
    roster.assign(desk, ShiftKey(DAY, "AM"), late)
    roster.assign(desk, ShiftKey(DAY, "AM"), waiting)
    roster.assign(desk, ShiftKey(DAY, "PM"), waiting)
    clock.set(DAY, 8, 25)
    attendance.scan(desk, "A03", confirm_walk_in=True)
    clock.set(DAY, 8, 41)
    attendance.scan(desk, "A01")
    clock.set(DAY, 9, 50)
    attendance.scan(desk, "A03", confirm_sign_out=True)
    calendar.close(desk, DAY, "PM", "颱風停班")
    kiosk.add_note(desk, DAY, "AM", late, "影印機卡紙")
    kiosk.add_note(desk, DAY, "AM", None, "電話已轉接")
    setup.update_settings(desk, {"phone_test_show_score": "1"})
    clock.set(DAY, 10, 5)


def test_the_early_board_is_the_kiosks_board(desk: Desk, clock: Clock) -> None:
    _a_busy_morning(desk, clock)
    now = clock()
    found = early_board.early_board(str(_file(desk)), now)
    assert found is not None
    early_one, settings = found
    orm_one = kiosk.board(desk, now)
    assert early_one == orm_one
    assert settings.agency_name == orm_one.agency_name
    # and it is a real board: the names, the late mark, the closed slot, the notes
    am, pm = early_one.slots
    assert [e.code for e in am.entries] == ["A01", "A02", "A03"]
    assert am.entries[0].late_minutes > 0 and not am.entries[2].assigned
    assert pm.closed and len(early_one.notes) == 2


def test_both_boards_come_from_the_one_core_function(
    desk: Desk, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _a_busy_morning(desk, clock)
    calls: list[str] = []
    real = board_rule.build_board

    def counted(*args: object, **kwargs: object) -> board_rule.Board:
        calls.append("built")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(board_rule, "build_board", counted)
    monkeypatch.setattr(kiosk, "build_board", counted)
    monkeypatch.setattr(early_board, "build_board", counted)
    early_board.early_board(str(_file(desk)), clock())
    kiosk.board(desk, clock())
    assert calls == ["built", "built"]
    # the kiosk's module builds no board of its own any more
    assert not hasattr(kiosk, "_phase") and kiosk.board.__module__ == kiosk.__name__


def test_an_unset_desk_on_another_schema_or_a_postgresql_url_has_no_early_board(
    desk: Desk, clock: Clock, tmp_path: Path
) -> None:
    now = clock()
    assert early_board.early_board("postgresql://u@127.0.0.1/x", now) is None
    assert early_board.early_board(str(tmp_path / "none.sqlite3"), now) is None
    not_db = tmp_path / "notes.txt"
    not_db.write_text("not a database")
    assert early_board.early_board(str(not_db), now) is None
    path = _file(desk)
    assert early_board.early_board(f"sqlite+pysqlite:///{path}", now) is not None
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    assert early_board.early_board(str(path), now) is None  # migrated first, then shown


def test_a_restore_left_half_done_or_a_hot_journal_waits_for_the_ordinary_start(
    desk: Desk, clock: Clock
) -> None:
    path = _file(desk)
    assert early.settled(path)
    for left in (
        restore.journal_path(path),
        restore.staged_path(path),
        path.with_name(f"{scratch.PREFIX}{restore.journal_path(path).name}"),
    ):
        left.write_bytes(b"x")
        assert restore.interrupted(path) and not early.settled(path)
        left.unlink()
    journal = path.with_name(path.name + "-journal")
    journal.write_bytes(b"x")
    assert not early.settled(path)
    journal.unlink()
    assert early.SQLITE_HEADER == SQLITE_HEADER


def test_the_file_is_named_as_the_database_layer_names_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from frontdesk.store import db as store_db
    from frontdesk.store import paths

    monkeypatch.setenv(paths.ENV_DB, str(tmp_path / "env.sqlite3"))
    for url in (
        None,
        str(tmp_path / "a.sqlite3"),
        f"sqlite:///{tmp_path / 'b.sqlite3'}",
        f"sqlite+pysqlite:///{tmp_path / 'c.sqlite3'}",
    ):
        assert early.sqlite_path(url) == Path(str(store_db.resolve_url(url).database))
    monkeypatch.delenv(paths.ENV_DB)
    assert early.sqlite_path(None) == paths.default_db_path()
    for other in ("postgresql://u@h/db", "sqlite://", "//server/share/desk.sqlite3"):
        assert early.sqlite_path(other) is None


def test_nothing_of_the_files_size_is_read(desk: Desk, clock: Clock) -> None:
    """Every query of the early read uses an index or a small table: no scan of the
    attendance, assignment or audit history (a 255 MB desk opens as a new one)."""
    _a_busy_morning(desk, clock)
    plans: list[str] = []
    real_connect = sqlite3.connect

    def watched(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.set_trace_callback(plans.append)
        return conn

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(early.sqlite3, "connect", watched)
        assert early.read_today(_file(desk), DAY) is not None
    statements = [s for s in plans if s.lstrip().upper().startswith("SELECT")]
    assert statements
    with closing(sqlite3.connect(_file(desk))) as conn:
        for statement in statements:
            plan = " ".join(str(r[-1]) for r in conn.execute(f"EXPLAIN QUERY PLAN {statement}"))
            for table in ("attendance", "assignment", "audit_entry", "handover_note"):
                assert f"SCAN {table}" not in plan, (statement, plan)
            assert "count(" not in statement.lower()


def test_a_day_before_the_desk_existed_is_an_empty_board(desk: Desk, clock: Clock) -> None:
    make: Callable[..., int] = volunteer_maker(desk)
    make("A01", "王小明")
    now = at(date(2026, 11, 3), time(9))
    found = early_board.early_board(str(_file(desk)), now)
    assert found is not None and found[0] == kiosk.board(desk, now)
    assert all(not s.entries for s in found[0].slots)
    assert isinstance(found[0].now, datetime)
