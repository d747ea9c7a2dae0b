"""Opening a desk, the one way every caller does it: checks, migration, daily backup."""

from __future__ import annotations

import errno
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from frontdesk.services import safety, setup
from frontdesk.services.context import settings
from frontdesk.services.errors import NotFound
from frontdesk.services.opening import open_desk
from frontdesk.services.setup import init_site
from frontdesk.store import migrate
from frontdesk.store.backup import backup_database, daily_backup_path
from frontdesk.store.db import Database
from frontdesk.store.errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    DatabaseUnreachable,
    DataFolderUnusable,
)
from frontdesk.store.startup import Damage
from frontdesk.words.errors import describe_error
from tests.store.test_startup import damage_file


def _sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


@pytest.fixture
def desk_file(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "frontdesk.sqlite3"
    opened = open_desk(_sqlite_url(path), need_site=False)
    init_site(opened.db, "啟動檢查")
    opened.db.dispose()
    return path


def test_open_desk_needs_init(tmp_path: Path) -> None:
    url = _sqlite_url(tmp_path / "x.sqlite3")
    with pytest.raises(NotFound):
        open_desk(url)
    opened = open_desk(url, need_site=False)
    assert opened.site_id is None
    with pytest.raises(NotFound):
        _ = opened.desk
    try:
        setup.init_site(opened.db, "測試衛生所")
    finally:
        opened.db.dispose()
    desk = open_desk(url, actor="cli:someone").desk
    try:
        assert settings(desk).agency_name == "測試衛生所"
        assert desk.actor == "cli:someone"
    finally:
        desk.db.dispose()


def test_daily_backup_once_a_day_and_only_when_asked(desk_file: Path) -> None:
    plain = open_desk(_sqlite_url(desk_file))
    plain.db.dispose()
    assert plain.backup is None and not (desk_file.parent / "backups").exists()
    first = open_desk(_sqlite_url(desk_file), daily_backup=True)
    first.db.dispose()
    assert first.backup is not None and first.backup.path is not None
    assert first.backup.path.parent == desk_file.parent / "backups"
    assert first.backup.path.name.startswith("frontdesk-daily-")
    second = open_desk(_sqlite_url(desk_file), daily_backup=True)
    second.db.dispose()
    assert second.backup is not None and second.backup.path is None
    assert second.backup.existing == first.backup.path


def test_daily_backup_failure_does_not_stop_the_desk(
    desk_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_db: Database, _today: date) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(desk_file.parent))

    monkeypatch.setattr(safety, "daily_backup", full)
    opened = open_desk(_sqlite_url(desk_file), daily_backup=True)
    opened.db.dispose()
    assert opened.site_id is not None
    assert isinstance(opened.backup_error, OSError)
    sentence = describe_error(opened.backup_error)
    assert "disk holding" in sentence and "is full" in sentence  # where, and why
    assert str(desk_file.parent) in sentence


def test_empty_database_is_not_backed_up(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        open_desk(_sqlite_url(tmp_path / "new.sqlite3"), daily_backup=True)
    opened = open_desk(_sqlite_url(tmp_path / "new.sqlite3"), daily_backup=True, need_site=False)
    opened.db.dispose()
    assert opened.backup is None and opened.backup_error is None
    assert not (tmp_path / "backups").exists()


def test_must_exist_refuses_to_create_a_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(NotFound) as caught:
        open_desk(_sqlite_url(path), must_exist=True, need_site=False)
    assert caught.value.facts["path"] == str(path)
    assert not path.exists()


def test_read_only_open_does_not_migrate(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE unrelated (x)")
    opened = open_desk(_sqlite_url(path), upgrade=False, need_site=False)
    try:
        assert opened.site_id is None
        assert migrate.current_revision(opened.db) is None  # untouched
    finally:
        opened.db.dispose()


def test_damaged_file_is_refused_before_anything_writes(desk_file: Path) -> None:
    good = backup_database(Database(_sqlite_url(desk_file)), reason="manual")
    damage_file(desk_file)
    before = desk_file.read_bytes()
    with pytest.raises(DatabaseDamaged) as caught:
        open_desk(_sqlite_url(desk_file), daily_backup=True)
    assert caught.value.facts["backup"] == str(good)
    assert desk_file.read_bytes() == before
    assert not daily_backup_path(desk_file, date.today()).exists()
    sentence = describe_error(caught.value)
    assert str(good) in sentence and "frontdesk restore" in sentence

    db = Database(_sqlite_url(desk_file))
    damage = safety.damage_of(db)
    db.dispose()
    assert damage is not None and damage.good_backup == good
    aside = safety.restore_good_backup(damage)
    assert aside is not None and aside.read_bytes() == before
    opened = open_desk(_sqlite_url(desk_file), daily_backup=True)
    assert safety.damage_of(opened.db) is None
    opened.db.dispose()


def test_damaged_file_restored_when_the_caller_says_so(desk_file: Path) -> None:
    good = backup_database(Database(_sqlite_url(desk_file)), reason="manual")
    damage_file(desk_file)
    before = desk_file.read_bytes()
    asked: list[Damage] = []

    def restore(damage: Damage) -> bool:
        asked.append(damage)
        return True

    opened = open_desk(_sqlite_url(desk_file), on_damage=restore)
    opened.db.dispose()
    assert [d.good_backup for d in asked] == [good]
    assert opened.site_id is not None
    kept = list(desk_file.parent.glob("frontdesk-replaced-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == before

    damage_file(desk_file)
    with pytest.raises(DatabaseDamaged):
        open_desk(_sqlite_url(desk_file), on_damage=lambda _damage: False)


def test_damaged_file_without_backup_says_so(desk_file: Path) -> None:
    damage_file(desk_file)
    with pytest.raises(DatabaseDamaged) as caught:
        open_desk(_sqlite_url(desk_file))
    assert caught.value.facts["backup"] == ""
    assert "no sound backup" in describe_error(caught.value)
    db = Database(_sqlite_url(desk_file))
    damage = safety.damage_of(db)
    db.dispose()
    assert damage is not None
    with pytest.raises(NotFound):
        safety.restore_good_backup(damage)


def test_newer_database_is_refused(desk_file: Path) -> None:
    with closing(sqlite3.connect(desk_file)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(DatabaseTooNew):
        open_desk(_sqlite_url(desk_file))
    with pytest.raises(DatabaseTooNew):
        open_desk(_sqlite_url(desk_file), upgrade=False)


def test_wrong_url_is_refused() -> None:
    with pytest.raises(DatabaseUnreachable):
        open_desk("mysql://somewhere/db")
    with pytest.raises(DatabaseUnreachable):
        open_desk("postgresql://nobody@127.0.0.1:1/none")


def test_full_data_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "mkdir", full)
    with pytest.raises(DataFolderUnusable) as caught:
        open_desk(_sqlite_url(tmp_path / "new" / "frontdesk.sqlite3"))
    assert "new" in caught.value.facts["path"]


def test_opens_postgresql_and_names_its_desk(pg_url: str) -> None:
    opened = open_desk(pg_url, need_site=False, daily_backup=True)
    try:
        assert migrate.current_revision(opened.db) == migrate.head_revision()
        assert opened.site_id is None and opened.backup is None
        site = init_site(opened.db, "共用資料庫衛生所")
    finally:
        opened.db.dispose()
    again = open_desk(pg_url, daily_backup=True)
    again.db.dispose()
    assert again.site_id == site
    assert again.backup is not None and again.backup.path is None  # pg_dump is the server's
