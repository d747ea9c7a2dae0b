"""0001 -> 0002: flags kept as text in notes become columns; a person's words stay intact.

The SQLite case upgrades the committed fixture file the way the app does at start-up
(backup first); the PostgreSQL case builds the same 0001 database there with plain SQL.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import select, text

from frontdesk.core.swaps import SwapState
from frontdesk.services import swap_views, workspace
from frontdesk.services.context import Desk
from frontdesk.store import migrate
from frontdesk.store.db import Database
from frontdesk.store.models import Attendance, SwapRequest
from tests.store.fixtures import schema_0001 as fixture

TABLES = ("site", "volunteer", "attendance", "swap_request", "alembic_version")


def _dump(url: str) -> dict[str, list[tuple[object, ...]]]:
    database = Database(url)
    try:
        with database.engine.connect() as conn:
            return {
                t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
                for t in TABLES
            }
    finally:
        database.dispose()


def test_committed_fixture_is_what_the_script_builds(tmp_path: Path) -> None:
    """The binary file under version control still matches its documented rows."""
    copy = tmp_path / "committed.sqlite3"
    shutil.copyfile(fixture.FILE, copy)
    fresh = tmp_path / "fresh.sqlite3"
    fixture.write_file(fresh)
    committed = _dump(f"sqlite+pysqlite:///{copy}")
    assert committed == _dump(f"sqlite+pysqlite:///{fresh}")
    assert committed["alembic_version"] == [("0001",)]
    assert len(committed["attendance"]) == len(fixture.ATTENDANCE_ROWS)
    assert len(committed["swap_request"]) == len(fixture.SWAP_ROWS)


@pytest.fixture
def old_db(db_url: str, tmp_path: Path) -> Iterator[Database]:
    """A schema-0001 database with flags as text: the committed file, or built on PostgreSQL."""
    database = Database(db_url)
    if database.is_sqlite:
        assert database.path is not None
        shutil.copyfile(fixture.FILE, database.path)
    else:
        fixture.build(db_url)
    try:
        assert migrate.current_revision(database) == "0001"
        yield database
    finally:
        database.dispose()


def test_upgrade_moves_every_flag_out_of_the_text(old_db: Database) -> None:
    backup = migrate.upgrade(old_db)
    assert migrate.current_revision(old_db) == migrate.head_revision() >= "0002"
    if old_db.is_sqlite:
        assert backup is not None and backup.is_file()  # copied before migrating
    with old_db.read() as s:
        att = {
            a.id: (a.walk_in, a.resumed, a.note)
            for a in s.scalars(select(Attendance).order_by(Attendance.id))
        }
        sw = {
            r.id: (r.declined, r.superseded_by_id, r.outcome_reason)
            for r in s.scalars(select(SwapRequest).order_by(SwapRequest.id))
        }
    assert att == fixture.EXPECTED_ATTENDANCE
    assert sw == fixture.EXPECTED_SWAPS


def test_upgraded_rows_read_as_before(old_db: Database) -> None:
    """The screens' readers tell the same story from the columns as 0001 did from the text."""
    migrate.upgrade(old_db)
    desk = Desk(db=old_db, site_id=1, actor="supervisor:test")
    views = {v.id: v for v in swap_views.history(desk)}
    assert {i for i, v in views.items() if v.declined} == {1}
    assert {i: v.superseded_by for i, v in views.items() if v.superseded_by} == {6: 5}
    assert {i: v.supervisor_reason for i, v in views.items() if v.supervisor_reason} == {
        2: "人手不足",
        5: "雙方同意",
        8: "withdrawn",  # a supervisor's own word, not the marker of a withdrawal
        9: "superseded by approved swap #99",
    }
    assert views[3].state is SwapState.CANCELLED and views[4].state is SwapState.EXPIRED
    rows = {r.id: r for r in workspace.attendance_month(desk, 2026, 11)}
    assert {i for i, r in rows.items() if r.walk_in} == {3, 6}
    assert {i for i, r in rows.items() if r.resumed} == {2}
    assert {i: r.note for i, r in rows.items() if r.note} == {
        4: "紙本簽到表補登",
        5: "walk-in 督導已確認",
    }


def test_upgraded_database_takes_new_rows(old_db: Database) -> None:
    """Ids given by the fixture do not collide with the next ones (PostgreSQL sequences)."""
    migrate.upgrade(old_db)
    with old_db.write() as s:
        first = s.get(SwapRequest, 1)
        assert first is not None
        s.add(
            SwapRequest(
                site_id=1,
                kind="cover",
                state="pending_colleague",
                requester_id=1,
                colleague_id=2,
                given_day=first.given_day,
                given_slot="PM",
                requested_at=first.requested_at,
                notice_minutes=1,
            )
        )
    with old_db.read() as s:
        new = s.scalars(select(SwapRequest).order_by(SwapRequest.id.desc())).first()
        assert new is not None and new.id == 11
        assert new.declined is False and new.superseded_by_id is None


def test_downgrade_gives_0001_its_text_back(old_db: Database, db_url: str) -> None:
    """Back to 0001 (an older app on the same database): the same rows, the same text."""
    before = _dump(db_url)
    migrate.upgrade(old_db, backup=False)
    with old_db.engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(migrate.migrations_dir()))
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    assert _dump(db_url) == before
