"""Start-up quick check, the newest good backup, daily backups and their retention."""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from frontdesk.store import paths
from frontdesk.store.backup import (
    backup_database,
    daily_backup,
    daily_backup_path,
    daily_backups,
    days_to_keep,
    prune_daily_backups,
)
from frontdesk.store.db import Database
from frontdesk.store.errors import DiskFull
from frontdesk.store.restore import restore_database
from frontdesk.store.startup import check_file, newest_good_backup, quick_check
from frontdesk.words.errors import describe_error
from tests.store import builders


def damage_file(path: Path) -> None:
    """Fold the WAL in, then overwrite the last page with garbage: quick_check fails."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    with path.open("r+b") as f:
        f.seek((pages - 1) * page_size)
        f.write(b"\xa5" * page_size)


def _age(path: Path, seconds: float) -> None:
    """Set a file's modification time `seconds` into the past."""
    when = time.time() - seconds
    os.utime(path, (when, when))


def test_quick_check_of_a_sound_file(sqlite_db: Database) -> None:
    assert sqlite_db.path is not None
    with sqlite_db.write() as s:
        builders.site(s)
    assert quick_check(sqlite_db.path) == []
    assert check_file(sqlite_db.path) is None


def test_missing_or_empty_file_is_not_damage(tmp_path: Path) -> None:
    assert check_file(tmp_path / "new.sqlite3") is None
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert check_file(empty) is None


def test_damaged_file_names_the_newest_sound_backup(sqlite_db: Database) -> None:
    assert sqlite_db.path is not None
    with sqlite_db.write() as s:
        builders.site(s, "old")
    older = backup_database(sqlite_db, reason="older")
    _age(older, 3600)
    newer = backup_database(sqlite_db, reason="newer")
    _age(newer, 1800)
    damaged_backup = backup_database(sqlite_db, reason="damaged")  # newest, but bad
    damage_file(damaged_backup)
    garbage = paths.backups_dir(sqlite_db.path) / "frontdesk-not-ours.sqlite3"
    with closing(sqlite3.connect(garbage)) as conn:  # sound SQLite, not a frontdesk database
        conn.execute("CREATE TABLE t (x)")
    sqlite_db.dispose()
    damage_file(sqlite_db.path)

    found = check_file(sqlite_db.path)
    assert found is not None
    assert found.path == sqlite_db.path
    assert found.first_problem  # the words SQLite used
    assert found.good_backup == newer
    assert newest_good_backup(sqlite_db.path) == newer


def test_damaged_file_without_any_backup(sqlite_db: Database) -> None:
    assert sqlite_db.path is not None
    sqlite_db.dispose()
    damage_file(sqlite_db.path)
    found = check_file(sqlite_db.path)
    assert found is not None and found.good_backup is None


def test_garbage_file_is_damage(tmp_path: Path) -> None:
    path = tmp_path / "frontdesk.sqlite3"
    path.write_bytes(b"not a database at all\x00" * 500)
    found = check_file(path)
    assert found is not None
    assert "not a database" in found.first_problem


def test_unreadable_file_is_a_permission_error_not_damage(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sqlite_db.path is not None
    real_access = os.access
    target = sqlite_db.path

    def access(path: object, mode: int) -> bool:
        return False if Path(str(path)) == target and mode == os.R_OK else real_access(path, mode)

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(PermissionError) as caught:
        check_file(target)
    assert caught.value.filename == str(target)


def test_restore_over_a_damaged_file_keeps_it_and_its_wal_aside(sqlite_db: Database) -> None:
    assert sqlite_db.path is not None
    with sqlite_db.write() as s:
        builders.site(s, "good")
    good = backup_database(sqlite_db, reason="good")
    sqlite_db.dispose()
    # so damaged that SQLite cannot even fold the WAL in: the WAL goes aside untouched
    sqlite_db.path.write_bytes(b"\x00garbage" * 1000)
    wal = sqlite_db.path.with_name(sqlite_db.path.name + "-wal")
    wal.write_bytes(b"unfolded wal frames")
    aside = restore_database(sqlite_db.path, good)
    assert not wal.exists()  # the restored file starts without the old WAL
    assert aside is not None and aside.exists()
    assert quick_check(sqlite_db.path) == []
    assert quick_check(aside) != []
    assert aside.with_name(aside.name + "-wal").read_bytes() == b"unfolded wal frames"


# --- daily backups ------------------------------------------------------------------------


def test_daily_backup_once_a_day(sqlite_db: Database) -> None:
    assert sqlite_db.path is not None
    with sqlite_db.write() as s:
        builders.site(s, "每日")
    day = date(2026, 11, 2)
    first = daily_backup(sqlite_db, day)
    assert first.path == daily_backup_path(sqlite_db.path, day)
    assert first.path.name == "frontdesk-daily-2026-11-02.sqlite3"
    with closing(sqlite3.connect(f"file:{first.path}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT name FROM site").fetchall() == [("每日",)]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stamp = first.path.stat().st_mtime_ns
    again = daily_backup(sqlite_db, day)
    assert again.path is None and again.existing == first.path
    assert first.path.stat().st_mtime_ns == stamp
    assert daily_backup(sqlite_db, day + timedelta(days=1)).path is not None
    assert len(daily_backups(first.path.parent)) == 2
    assert list(first.path.parent.glob("*.part")) == []


def test_daily_backup_of_postgres_is_nothing(pg_db: Database) -> None:
    result = daily_backup(pg_db, date(2026, 11, 2))
    assert result.path is None and result.existing is None


def test_a_failed_daily_backup_leaves_no_file(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sqlite_db.path is not None

    class Full:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def backup(self, _out: sqlite3.Connection) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        def close(self) -> None:
            self.conn.close()

    real_connect = sqlite3.connect
    db_path = str(sqlite_db.path)

    def connect(target: str, *args: object, **kwargs: object) -> object:
        conn = real_connect(target, *args, **kwargs)  # type: ignore[arg-type]
        return Full(conn) if target == db_path else conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    with pytest.raises(DiskFull) as caught:  # a full disk, not a damaged database
        daily_backup(sqlite_db, date(2026, 11, 2))
    monkeypatch.undo()
    folder = paths.backups_dir(sqlite_db.path)
    assert caught.value.facts["folder"] == str(folder)
    sentence = describe_error(caught.value)
    assert f"The disk holding {folder} is full" in sentence  # not "the file is damaged"
    assert list(folder.iterdir()) == []
    # and the next start tries again
    assert daily_backup(sqlite_db, date(2026, 11, 2)).path is not None


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def test_retention_keeps_30_days_and_the_first_of_12_months() -> None:
    today = date(2026, 11, 15)
    days = _days(date(2025, 1, 1), today)
    keep = days_to_keep(days, today)
    recent = {d for d in days if (today - d).days < 30}
    assert recent <= keep and len(recent) == 30
    monthly = sorted(keep - recent)
    # this month's first is within the 30 days; the 11 months before keep their first day
    assert monthly == [date(y, m, 1) for y, m in [(2025, 12), *((2026, m) for m in range(1, 11))]]
    assert date(2025, 11, 1) not in keep and date(2025, 1, 1) not in keep
    assert date(2026, 11, 1) in keep


def test_retention_keeps_the_first_backup_a_month_had_not_the_first_day() -> None:
    today = date(2026, 11, 15)
    days = [date(2026, 3, 9), date(2026, 3, 20), date(2026, 4, 2)]
    assert days_to_keep(days, today) == {date(2026, 3, 9), date(2026, 4, 2)}


def test_prune_deletes_only_old_dailies(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    today = date(2026, 11, 15)
    for d in _days(date(2025, 9, 1), today):
        (folder / f"frontdesk-daily-{d.isoformat()}.sqlite3").write_bytes(b"x")
    manual = folder / "frontdesk-20240101T000000000000Z-manual.sqlite3"
    manual.write_bytes(b"x")
    stale = folder / "frontdesk-daily-2026-11-14.sqlite3.123.part"
    stale.write_bytes(b"x")
    _age(stale, 3 * 24 * 3600)
    fresh = folder / "frontdesk-daily-2026-11-15.sqlite3.456.part"
    fresh.write_bytes(b"x")
    removed = prune_daily_backups(folder, today)
    left = sorted(daily_backups(folder))
    assert len(left) == 30 + 11
    assert left[0] == date(2025, 12, 1)
    assert manual.exists() and fresh.exists() and not stale.exists()
    assert stale in removed
    assert len(removed) == len(_days(date(2025, 9, 1), today)) - len(left) + 1
    assert prune_daily_backups(folder, today) == []
