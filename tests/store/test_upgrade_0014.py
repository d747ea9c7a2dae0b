"""0014: the service tally counts the duties kept before it, on SQLite and PostgreSQL; from
then on its triggers count every write; a downgrade removes table and triggers; and a
create_all beside attendance kept before (an offline replica of an older schema) counts
what is there too."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text

from frontdesk.store import migrate
from frontdesk.store.db import Database
from frontdesk.store.models import Base

SCRIPT = importlib.import_module("frontdesk.store.migrations.versions.0014_service_tally")
PREVIOUS = SCRIPT.down_revision
DUTY = (
    "INSERT INTO attendance (site_id, volunteer_id, day, slot, is_open, status, late_minutes,"
    " early_leave_minutes, credited_minutes, needs_review, recorded_by, clock_suspect,"
    " walk_in, resumed, note, decided, created_at, updated_at)"
    " VALUES (1, 1, :day, 'AM', false, 'on_time', 0, 0, :minutes, false, 'kiosk', false,"
    " false, false, '', false, '2026-11-01 00:00:00', '2026-11-01 00:00:00')"
)
KEPT = [("2024-03-04", 180), ("2024-05-06", 180), ("2025-01-02", 175), ("2026-11-02", 180)]
TALLY = "SELECT volunteer_id, year, credited_minutes, site_id, duties FROM service_tally"


def _alembic(conn: object, target: str, *, down: bool = False) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.migrations_dir()))
    cfg.attributes["connection"] = conn
    (command.downgrade if down else command.upgrade)(cfg, target)


def _duties(conn: object, duties: list[tuple[str, int]]) -> None:
    for day, minutes in duties:
        conn.execute(text(DUTY), {"day": day, "minutes": minutes})  # type: ignore[attr-defined]


@pytest.fixture
def db_before(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    try:
        with database.engine.begin() as conn:
            _alembic(conn, str(PREVIOUS))
            conn.execute(
                text(
                    "INSERT INTO site (id, name, created_at) "
                    "VALUES (1, '測試衛生所', '2026-11-01 00:00:00')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO volunteer (id, site_id, code, name, languages, status, notes, "
                    "created_at) VALUES (1, 1, 'V001', '王小明', '', 'active', '', "
                    "'2026-11-01 00:00:00')"
                )
            )
            _duties(conn, KEPT)
        yield database
    finally:
        database.dispose()


def test_upgrade_counts_the_kept_duties_then_every_write(db_before: Database) -> None:
    with db_before.engine.begin() as conn:
        _alembic(conn, "0014")
        assert sorted(conn.execute(text(TALLY)).all()) == [
            (1, 2024, 180, 1, 2),
            (1, 2025, 175, 1, 1),
            (1, 2026, 180, 1, 1),
        ]
        _duties(conn, [("2026-11-05", 180)])
        conn.execute(text("UPDATE attendance SET credited_minutes = 170 WHERE day = '2024-03-04'"))
        conn.execute(text("DELETE FROM attendance WHERE day = '2025-01-02'"))
        assert sorted(conn.execute(text(TALLY)).all()) == [
            (1, 2024, 170, 1, 1),
            (1, 2024, 180, 1, 1),
            (1, 2026, 180, 1, 2),
        ]
    with db_before.engine.begin() as conn:
        _alembic(conn, str(PREVIOUS), down=True)
    assert "service_tally" not in inspect(db_before.engine).get_table_names()
    with db_before.engine.begin() as conn:
        _duties(conn, [("2026-11-06", 180)])  # no trigger is left to write a missing table


def test_create_all_beside_kept_duties_counts_them(sqlite_url: str) -> None:
    database = Database(sqlite_url)
    try:
        with database.engine.begin() as conn:
            _alembic(conn, str(PREVIOUS))
            conn.execute(text("INSERT INTO site (id, name, created_at) VALUES (1, 's', '2026')"))
            conn.execute(
                text(
                    "INSERT INTO volunteer (id, site_id, code, name, languages, status, notes, "
                    "created_at) VALUES (1, 1, 'V001', 'v', '', 'active', '', '2026')"
                )
            )
            _duties(conn, KEPT)
        Base.metadata.create_all(database.engine)
        with database.engine.connect() as conn:
            assert len(conn.execute(text(TALLY)).all()) == 3
            assert conn.execute(text("SELECT sum(duties) FROM service_tally")).scalar() == 4
    finally:
        database.dispose()
