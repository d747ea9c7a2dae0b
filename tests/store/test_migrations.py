"""Alembic migrations: the full schema on both backends, idempotence, newer databases refused."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from frontdesk.store import migrate
from frontdesk.store.db import Database
from frontdesk.store.errors import DatabaseTooNew
from frontdesk.store.models import Base, Site
from tests.store import builders

FUTURE_REVISION = "9999_from_the_future"


def test_upgrade_creates_every_table(db: Database) -> None:
    tables = set(inspect(db.engine).get_table_names())
    expected = set(Base.metadata.tables) | {"alembic_version"}
    assert expected - tables == set()
    assert migrate.current_revision(db) == migrate.head_revision()


def test_migrated_schema_matches_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(ctx, Base.metadata)
    assert diffs == []


def test_open_attendance_index_is_partial(db: Database) -> None:
    indexes = {ix["name"]: ix for ix in inspect(db.engine).get_indexes("attendance")}
    assert "uq_attendance_one_open" in indexes
    assert indexes["uq_attendance_one_open"]["unique"]


def test_fresh_database_has_no_revision(db_url: str) -> None:
    database = Database(db_url)
    try:
        assert migrate.current_revision(database) is None
        migrate.check_not_newer(database)  # an empty database is not "too new"
    finally:
        database.dispose()


def test_upgrade_is_idempotent_and_keeps_data(db: Database) -> None:
    with db.write() as s:
        builders.site(s, "第一服務台")
    assert migrate.upgrade(db) is None  # nothing to do, so no backup either
    assert migrate.upgrade(db) is None
    assert migrate.current_revision(db) == migrate.head_revision()
    with db.read() as s:
        assert s.scalars(select(Site.name)).all() == ["第一服務台"]


def test_upgrade_of_empty_sqlite_file_makes_no_backup(sqlite_url: str) -> None:
    database = Database(sqlite_url)
    try:
        assert migrate.upgrade(database) is None
        assert database.path is not None
        assert not (database.path.parent / "backups").exists()
    finally:
        database.dispose()


def _stamp_future(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE_REVISION})


def test_newer_database_is_refused(db: Database) -> None:
    _stamp_future(db)
    with pytest.raises(DatabaseTooNew) as info:
        migrate.check_not_newer(db)
    message = str(info.value)
    assert "newer version of frontdesk" in message
    assert FUTURE_REVISION in message
    assert info.value.facts == {"found": FUTURE_REVISION, "supported": migrate.head_revision()}
    assert info.value.code == "database_too_new"


def test_upgrade_refuses_newer_database_without_touching_it(db: Database) -> None:
    _stamp_future(db)
    with pytest.raises(DatabaseTooNew):
        migrate.upgrade(db)
    assert migrate.current_revision(db) == FUTURE_REVISION
    if db.path is not None:
        assert not (db.path.parent / "backups").exists()
