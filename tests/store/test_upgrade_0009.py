"""0009: the outbox and the volunteers' e-mail consent are new tables; the volunteers and
duties of the previous schema are kept, on SQLite and PostgreSQL, and a downgrade removes
the two tables again."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text

from frontdesk.store import migrate
from frontdesk.store.db import Database

SCRIPT = importlib.import_module("frontdesk.store.migrations.versions.0009_notices_outbox")
PREVIOUS = SCRIPT.down_revision


def _alembic(conn: object, target: str, *, down: bool = False) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.migrations_dir()))
    cfg.attributes["connection"] = conn
    (command.downgrade if down else command.upgrade)(cfg, target)


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
        yield database
    finally:
        database.dispose()


def test_upgrade_adds_the_tables_and_keeps_the_rows(db_before: Database) -> None:
    with db_before.engine.begin() as conn:
        _alembic(conn, "0009")
    tables = set(inspect(db_before.engine).get_table_names())
    assert {"outbox", "volunteer_email"} <= tables
    with db_before.engine.begin() as conn:
        assert conn.execute(text("SELECT code, name FROM volunteer")).all() == [("V001", "王小明")]
        conn.execute(
            text(
                "INSERT INTO volunteer_email (volunteer_id, address, opted_in_at) "
                "VALUES (1, 'wang@example.tw', '2026-11-02 00:00:00')"
            )
        )
    with db_before.engine.begin() as conn:
        _alembic(conn, str(PREVIOUS), down=True)
    assert not {"outbox", "volunteer_email"} & set(inspect(db_before.engine).get_table_names())
