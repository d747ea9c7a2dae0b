"""0005 -> 0006: scan receipts and desk states are new tables; existing rows are kept, and
a scan id is received once, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from frontdesk.store import migrate
from frontdesk.store.db import Database


def _alembic(conn: object, target: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.migrations_dir()))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, target)


@pytest.fixture
def db_0005(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    try:
        with database.engine.begin() as conn:
            _alembic(conn, "0005")
            conn.execute(
                text(
                    "INSERT INTO site (id, name, created_at) "
                    "VALUES (1, '測試衛生所', '2026-11-01 00:00:00')"
                )
            )
        yield database
    finally:
        database.dispose()


RECEIPT = text(
    "INSERT INTO scan_receipt (scan_id, site_id, desk, code, scanned_at, received_at, "
    "outcome) VALUES ('6f1c', 1, '一樓', 'V001', '2026-12-01 00:25:00', "
    "'2026-12-01 04:00:00', 'signed_in')"
)


def test_a_scan_id_is_received_once_after_the_upgrade(db_0005: Database) -> None:
    migrate.upgrade(db_0005, backup=False)
    assert migrate.current_revision(db_0005) == migrate.head_revision() >= "0006"
    with db_0005.engine.begin() as conn:
        assert conn.execute(text("SELECT name FROM site")).scalar_one() == "測試衛生所"
        conn.execute(RECEIPT)
    with pytest.raises(IntegrityError), db_0005.engine.begin() as conn:
        conn.execute(RECEIPT)
