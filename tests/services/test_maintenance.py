"""Maintenance: the database check, SQLite backups and checked restores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from frontdesk.services import maintenance
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput, NotFound
from frontdesk.services.setup import init_site
from frontdesk.store.db import Database
from frontdesk.store.errors import DatabaseTooNew, StoreError


def test_check_of_a_sound_database(desk: Desk) -> None:
    report = maintenance.check(desk)
    assert report.ok
    assert report.migrations_current
    assert report.audit_entries >= 1 and report.audit_broken_at is None


def test_check_names_the_first_altered_entry(desk: Desk) -> None:
    init_site(desk.db, "改名一次")
    init_site(desk.db, "改名兩次")
    with desk.db.engine.begin() as conn:
        if desk.db.is_sqlite:
            conn.execute(text("DROP TRIGGER audit_entry_no_update"))
        else:
            conn.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only"))
        second = conn.execute(
            text("SELECT id FROM audit_entry ORDER BY id LIMIT 1 OFFSET 1")
        ).scalar()
        conn.execute(
            text("UPDATE audit_entry SET actor = 'mallory' WHERE id = :id"), {"id": second}
        )
    report = maintenance.check(desk)
    assert not report.ok
    assert report.audit_broken_at == second
    assert report.audit_problem == "entry content was altered"


def test_check_reports_an_old_schema(sqlite_url: str) -> None:
    db = Database(sqlite_url)
    try:
        report = maintenance.check(db)
    finally:
        db.dispose()
    assert report.current_revision is None and not report.migrations_current
    assert not report.ok


def test_check_refuses_a_newer_schema(sqlite_db: Database) -> None:
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(DatabaseTooNew):
        maintenance.check(sqlite_db)


def test_check_finds_dangling_references_on_sqlite(sqlite_db: Database) -> None:
    assert sqlite_db.path is not None
    conn = sqlite3.connect(sqlite_db.path)
    with conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(
            "INSERT INTO weekly_pattern (volunteer_id, weekday, slot, valid_from) "
            "VALUES (99, 1, 'AM', '2025-01-01')"
        )
    conn.close()
    report = maintenance.check(sqlite_db)
    assert not report.ok
    assert report.foreign_keys and report.foreign_keys[0].startswith("weekly_pattern")


def test_backup_refuses_postgresql(pg_db: Database) -> None:
    with pytest.raises(StoreError, match="pg_dump"):
        maintenance.backup(pg_db)


def test_backup_and_restore_round_trip(sqlite_db: Database, tmp_path: Path) -> None:
    init_site(sqlite_db, "原本的名稱")
    copy = maintenance.backup(sqlite_db, tmp_path / "copy")
    assert copy == tmp_path / "copy.sqlite3" and copy.is_file()
    with pytest.raises(InvalidInput):
        maintenance.backup(sqlite_db, copy)  # never overwrites
    init_site(sqlite_db, "之後改的名稱")
    path = sqlite_db.path
    assert path is not None
    sqlite_db.dispose()
    aside = maintenance.restore(path, copy)
    assert aside is not None and aside.is_file()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM site").fetchall() == [("原本的名稱",)]
    conn.close()
    conn = sqlite3.connect(aside)
    assert conn.execute("SELECT name FROM site").fetchall() == [("之後改的名稱",)]
    conn.close()


def test_restore_refuses_bad_backups(tmp_path: Path) -> None:
    target = tmp_path / "desk.sqlite3"
    target.write_bytes(b"keep me")
    with pytest.raises(NotFound):
        maintenance.restore(target, tmp_path / "missing.sqlite3")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00garbage" * 512)
    with pytest.raises(InvalidInput):
        maintenance.restore(target, junk)
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(InvalidInput):
        maintenance.restore(target, other)
    newer = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    conn.close()
    with pytest.raises(DatabaseTooNew):
        maintenance.restore(target, newer)
    assert target.read_bytes() == b"keep me"
