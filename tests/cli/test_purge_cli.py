"""`volunteers purge` says where the person still is: backups that hold them, and until when."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from frontdesk.services import volunteers, workspace
from frontdesk.services.context import Desk
from frontdesk.store.db import Database
from tests.cli.conftest import Run


def test_purge_names_the_backups_that_still_hold_the_person(cli: Run, desk_db: Path) -> None:
    db = Database(f"sqlite+pysqlite:///{desk_db}")
    try:
        long_ago = datetime.now(UTC) - timedelta(days=3 * 365)
        old = Desk(db=db, site_id=1, actor="test", clock=lambda: long_ago)
        volunteers.add(old, volunteers.VolunteerInput(code="V012", name="志工乙", phone=None))
        vid = workspace.volunteer_choices(old)[0].id
        volunteers.deactivate(old, vid)
    finally:
        db.dispose()
    r = cli("--db", desk_db, "backup")
    assert r.code == 0, r.err
    kept = next((desk_db.parent / "backups").glob("*-manual.sqlite3"))
    assert "志工乙".encode() in kept.read_bytes()
    r = cli("--db", desk_db, "volunteers", "purge", "--code", "V012", "--yes")
    assert r.code == 0, r.err
    assert "已刪除個資 V012" in r.out
    assert "made by hand or before an upgrade" in r.out and kept.name in r.out
    assert "志工乙".encode() not in desk_db.read_bytes()
