"""SQLite backups through the backup API, their integrity check, and restoring one."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.store import paths
from frontdesk.store.backup import backup_database, integrity_problems
from frontdesk.store.db import Database
from frontdesk.store.errors import DatabaseDamaged, StoreError
from frontdesk.store.models import Site
from frontdesk.store.restore import restore_database
from tests.store import builders


def _site_names(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return sorted(r[0] for r in conn.execute("SELECT name FROM site"))


def test_backup_is_sound_and_holds_the_data(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        builders.site(s, "第一服務台")
    assert sqlite_db.path is not None
    backup = backup_database(sqlite_db, reason="test")
    assert backup.parent == paths.backups_dir(sqlite_db.path)
    assert backup.name.startswith("frontdesk-") and backup.name.endswith("-test.sqlite3")
    assert not backup.with_name(backup.name + ".part").exists()
    assert integrity_problems(backup) == []
    assert _site_names(backup) == ["第一服務台"]


def test_backup_includes_uncheckpointed_wal(sqlite_db: Database, tmp_path: Path) -> None:
    """Data still in the -wal file (live database open) is in the copy."""
    with sqlite_db.write() as s:
        builders.site(s, "in the wal")
    backup = backup_database(sqlite_db, tmp_path / "out" / "copy.sqlite3")
    assert backup == tmp_path / "out" / "copy.sqlite3"
    assert _site_names(backup) == ["in the wal"]


def test_backup_of_postgres_refused(pg_db: Database) -> None:
    with pytest.raises(StoreError, match="pg_dump"):
        backup_database(pg_db)


def test_integrity_problems_of_missing_and_garbage_files(tmp_path: Path) -> None:
    assert integrity_problems(tmp_path / "nope.sqlite3") != []
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database, just bytes\x00\xff" * 200)
    assert integrity_problems(garbage) != []


def test_restore_refuses_a_damaged_backup(sqlite_db: Database, tmp_path: Path) -> None:
    with sqlite_db.write() as s:
        builders.site(s, "current")
    sqlite_db.dispose()
    assert sqlite_db.path is not None
    garbage = tmp_path / "broken-backup.sqlite3"
    garbage.write_bytes(b"\x13\x37" * 4096)
    before = sorted(p.name for p in sqlite_db.path.parent.iterdir())
    with pytest.raises(DatabaseDamaged, match="damaged") as info:
        restore_database(sqlite_db.path, garbage)
    assert info.value.facts["path"] == str(garbage)
    assert sorted(p.name for p in sqlite_db.path.parent.iterdir()) == before
    assert _site_names(sqlite_db.path) == ["current"]


def test_restore_refuses_a_truncated_backup(sqlite_db: Database, tmp_path: Path) -> None:
    with sqlite_db.write() as s:
        for i in range(200):
            builders.site(s, f"site {i:03d} " + "x" * 40)
    good = backup_database(sqlite_db, tmp_path / "good.sqlite3")
    data = good.read_bytes()
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(data[: len(data) // 2])
    sqlite_db.dispose()
    assert sqlite_db.path is not None
    with pytest.raises(DatabaseDamaged):
        restore_database(sqlite_db.path, cut)


def test_restore_keeps_the_current_file_aside(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        builders.site(s, "A")
    backup = backup_database(sqlite_db)
    with sqlite_db.write() as s:
        builders.site(s, "B")
    sqlite_db.dispose()
    assert sqlite_db.path is not None

    aside = restore_database(sqlite_db.path, backup)

    assert aside is not None and aside.exists()
    assert aside.parent == sqlite_db.path.parent
    assert "replaced" in aside.name
    assert _site_names(aside) == ["A", "B"]  # the WAL was folded in before moving it
    assert integrity_problems(aside) == []
    assert _site_names(sqlite_db.path) == ["A"]
    assert backup.exists()  # the backup itself is kept
    reopened = Database(sqlite_db.url)
    try:
        with reopened.read() as s:
            assert s.scalars(select(Site.name)).all() == ["A"]
    finally:
        reopened.dispose()


def test_restore_onto_missing_file(tmp_path: Path, sqlite_db: Database) -> None:
    backup = backup_database(sqlite_db, tmp_path / "b.sqlite3")
    target = tmp_path / "new" / "frontdesk.sqlite3"
    target.parent.mkdir()
    assert restore_database(target, backup) is None
    assert integrity_problems(target) == []
