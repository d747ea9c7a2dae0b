"""0005 -> 0007: existing trainings keep their rows and get an empty issuer; the record's
tables start empty and take hours, grants and a record book; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from frontdesk.core.timeutil import UTC
from frontdesk.services import records
from frontdesk.services.context import Desk
from frontdesk.store import migrate
from frontdesk.store.db import Database

NOW = datetime(2026, 12, 1, 2, tzinfo=UTC)


def _alembic(conn: object, target: str, *, down: bool = False) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.migrations_dir()))
    cfg.attributes["connection"] = conn
    (command.downgrade if down else command.upgrade)(cfg, target)


@pytest.fixture
def db_0005(db_url: str) -> Iterator[Database]:
    """A schema-0005 database with a volunteer and a basic training, in plain SQL."""
    database = Database(db_url)
    try:
        with database.engine.begin() as conn:
            _alembic(conn, "0005")
            conn.execute(
                text("INSERT INTO site (id, name, created_at) VALUES (1, '測試', '2026-11-01')")
            )
            conn.execute(
                text(
                    "INSERT INTO volunteer (id, site_id, code, name, languages, status, notes, "
                    "created_at) VALUES (1, 1, 'V001', '王小明', '', 'active', '', '2026-11-01')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO training (volunteer_id, kind, title, taken_on, hours) "
                    "VALUES (1, 'basic', '基礎訓練', '2020-03-01', 12)"
                )
            )
        yield database
    finally:
        database.dispose()


def test_trainings_kept_and_the_record_takes_its_rows(db_0005: Database) -> None:
    migrate.upgrade(db_0005, backup=False)
    assert migrate.current_revision(db_0005) == migrate.head_revision() >= "0007"
    desk = Desk(db=db_0005, site_id=1, actor="supervisor:boss", clock=lambda: NOW)
    rec = records.service_record(desk, "V001", date(2026, 1, 1), date(2026, 12, 31))
    assert [(t.kind, t.title, t.issuer) for t in rec.trainings] == [("basic", "基礎訓練", "")]
    assert rec.prior == () and rec.grants == () and rec.record_book is None
    records.add_prior(desk, "V001", date(2010, 1, 1), date(2019, 12, 31), 600, "他機關")
    records.add_grant(desk, "V001", "honor_card", date(2023, 1, 5))
    records.set_record_book(desk, "V001", "第1號", None)
    records.set_training_issuer(desk, "V001", date(2020, 3, 1), "basic", "高雄市社會局")
    rec = records.service_record(desk, "V001", date(2026, 1, 1), date(2026, 12, 31))
    assert rec.grants[0].expires_on == date(2026, 1, 4)
    assert rec.trainings[0].issuer == "高雄市社會局" and rec.record_book == ("第1號", None)


def test_downgrade_to_0005_keeps_the_trainings(db_0005: Database) -> None:
    migrate.upgrade(db_0005, backup=False)
    with db_0005.engine.begin() as conn:
        _alembic(conn, "0005", down=True)
    assert migrate.current_revision(db_0005) == "0005"
    with db_0005.engine.connect() as conn:
        rows = conn.execute(text("SELECT volunteer_id, kind, title FROM training")).all()
    assert [tuple(r) for r in rows] == [(1, "basic", "基礎訓練")]
