"""0004 -> 0005: a handover note may have a supervisor as its author; the notes written
before keep their volunteer authors and their words, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from frontdesk.core.timeutil import at
from frontdesk.services import kiosk, supervisors
from frontdesk.services.context import Desk
from frontdesk.store import migrate
from frontdesk.store.db import Database

DAY = date(2026, 11, 20)
NOW = at(DAY, time(15, 0))
NOTES = [  # id, slot, volunteer author, words
    (1, "AM", 1, "影印機卡紙，已通知總務。"),
    (2, "PM", None, "冷氣遙控器在抽屜"),
]


def _alembic(conn: object, target: str, *, down: bool = False) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.migrations_dir()))
    cfg.attributes["connection"] = conn
    (command.downgrade if down else command.upgrade)(cfg, target)


@pytest.fixture
def db_0004(db_url: str) -> Iterator[Database]:
    """A schema-0004 database with a site, a volunteer and two notes, in plain SQL."""
    database = Database(db_url)
    try:
        with database.engine.begin() as conn:
            _alembic(conn, "0004")
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
            for nid, slot, author, body in NOTES:
                conn.execute(
                    text(
                        "INSERT INTO handover_note (site_id, day, slot, author_id, body, "
                        "created_at) VALUES (1, :day, :slot, :author, :body, :at)"
                    ),  # ids from the table's own counter, as the app's rows get theirs
                    {
                        "day": DAY,
                        "slot": slot,
                        "author": author,
                        "body": body,
                        "at": f"2026-11-20 0{nid}:00:00",
                    },
                )
        assert migrate.current_revision(database) == "0004"
        yield database
    finally:
        database.dispose()


def test_notes_keep_their_authors_and_take_a_supervisor(db_0004: Database) -> None:
    migrate.upgrade(db_0004, backup=False)
    assert migrate.current_revision(db_0004) == migrate.head_revision() >= "0005"
    desk = Desk(db=db_0004, site_id=1, actor="supervisor:boss", clock=lambda: NOW)
    before = [(n.id, n.slot, n.author, n.by_supervisor, n.body) for n in kiosk.board(desk).notes]
    assert before == [
        (1, "AM", "王小明", False, "影印機卡紙，已通知總務。"),
        (2, "PM", "", False, "冷氣遙控器在抽屜"),
    ]
    supervisors.create(desk, "boss", "correct-horse-1", "王督導")
    nid = kiosk.add_note(desk, DAY, "PM", None, "颱風假明天公告", supervisor="boss")
    notes = {n.id: n for n in kiosk.board(desk).notes}
    assert nid == 3 and (notes[3].author, notes[3].by_supervisor) == ("王督導", True)


def test_downgrade_gives_0004_its_notes_back(db_0004: Database) -> None:
    migrate.upgrade(db_0004, backup=False)
    with db_0004.engine.begin() as conn:
        _alembic(conn, "0004", down=True)
    assert migrate.current_revision(db_0004) == "0004"
    with db_0004.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, slot, author_id, body FROM handover_note ORDER BY id")
        ).all()
    assert [tuple(r) for r in rows] == NOTES
