"""A purge leaves nobody behind: not in the audit log, free pages, the WAL or new backups.

Before, the name stayed in the audit entries (hash-chained), the name and phone in free
pages (secure_delete off), in the WAL until a checkpoint, and in every backup.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from sqlalchemy import func, select

from frontdesk.core.privacy import mask_phone
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, maintenance, purge, roster, volunteers, workspace
from frontdesk.services.audit_view import AuditQuery, audit_entries
from frontdesk.services.context import Desk
from frontdesk.services.safety import run_daily_backup
from frontdesk.services.setup import update_settings
from frontdesk.services.volunteers import VolunteerInput
from frontdesk.store import audit
from frontdesk.store.backup import leaves_on
from frontdesk.store.db import Database
from frontdesk.store.models import AuditEntry, AuditPersonal
from tests.support.clocks import Clock
from tests.support.desks import new_desk

NAME = "鍾離春嬌"
PHONE = "0987-654-321"
DEC1 = date(2026, 12, 1)  # Tuesday, a working day


def _traces(data: bytes) -> list[str]:
    """Which of the person's data `data` holds, in any form the desk ever wrote it."""
    forms = {
        "name": NAME.encode(),
        "phone": PHONE.encode(),
        "digits": PHONE.replace("-", "").encode(),
        "masked phone": mask_phone(PHONE).encode(),
    }
    return [what for what, raw in forms.items() if raw in data]


def _files(db_path: Path) -> dict[str, bytes]:
    wal = db_path.with_name(db_path.name + "-wal")
    return {
        "database": db_path.read_bytes(),
        "-wal": wal.read_bytes() if wal.exists() else b"",
    }


def _departed(desk: Desk, clock: Clock) -> int:
    """A volunteer who served, whose name was corrected once, and who left on 2026-12-01."""
    clock.now = at(DEC1, time(7, 0))
    vid = volunteers.add(desk, VolunteerInput(code="V012", name=NAME + "X", phone=PHONE))
    volunteers.update(desk, vid, VolunteerInput(code="V012", name=NAME, phone=PHONE))
    roster.assign(desk, ShiftKey(DEC1, "AM"), vid, confirm_warnings=True)
    attendance.scan(desk, "V012", now=at(DEC1, time(8, 29)))
    attendance.scan(desk, "V012", now=at(DEC1, time(11, 31)))
    clock.now = at(DEC1, time(15, 0))
    volunteers.deactivate(desk, vid)
    update_settings(desk, {"retention_days": "30"})
    return vid


def test_after_a_purge_no_file_holds_the_name_or_the_phone(
    sqlite_db: Database, clock: Clock
) -> None:
    desk = new_desk(sqlite_db, clock)
    path = sqlite_db.path
    assert path is not None
    vid = _departed(desk, clock)
    daily = run_daily_backup(sqlite_db, DEC1).path
    by_hand = maintenance.backup(desk)
    assert daily is not None and _traces(daily.read_bytes())  # the check can fail
    assert {"name", "masked phone"} <= set(_traces(b"".join(_files(path).values())))

    clock.now = at(DEC1 + timedelta(days=31), time(9, 0))
    done = purge.purge_personal_data(desk, vid)

    assert done.scrubbed
    for name, data in _files(path).items():
        assert _traces(data) == [], name
    fresh = maintenance.backup(desk)
    assert _traces(fresh.read_bytes()) == []
    next_daily = run_daily_backup(sqlite_db, DEC1 + timedelta(days=31)).path
    assert next_daily is not None and _traces(next_daily.read_bytes()) == []
    # What still holds the person is said, not hidden: the daily until retention deletes it
    # (the first of its month: a year on), the backup made by hand until someone does.
    assert done.backups == 1 and done.backups_until == date(2027, 12, 1)
    assert done.kept_backups == (by_hand.name,)
    # The log still proves what happened, and the check still passes.
    assert maintenance.check(desk).ok


def test_names_are_resolved_while_the_person_is_kept_and_gone_after(
    desk: Desk, clock: Clock
) -> None:
    vid = _departed(desk, clock)
    shown = [r for r in workspace.audit_log(desk) if r.entity == "volunteer"]
    names = [r.after.get("name") for r in shown if r.after and "name" in r.after]
    assert NAME in names and NAME + "X" in names
    page = audit_entries(desk, AuditQuery()).rows  # the supervisor's audit page reads these
    assert [r.after for r in page if r.entity == "volunteer"] == [r.after for r in shown]
    with desk.db.read() as session:
        raw = [e.after for e in session.scalars(select(AuditEntry)) if e.after]
        kept = session.scalar(select(func.count()).select_from(AuditPersonal))
    assert NAME not in str(raw)  # the chained entry holds a reference, not the name
    assert all(a.get("volunteer_id") == vid for a in raw if a.get("code") == "V012" and "name" in a)
    assert kept and kept >= 3

    clock.now = at(DEC1 + timedelta(days=31), time(9, 0))
    purge.purge_personal_data(desk, vid)

    shown = [r for r in workspace.audit_log(desk) if r.entity == "volunteer"]
    page = audit_entries(desk, AuditQuery()).rows
    assert NAME not in str([(r.before, r.after) for r in page])
    assert all(r.after.get("name") is None for r in shown if r.after and "name" in r.after)
    assert all(r.after.get("phone") is None for r in shown if r.after and "phone" in r.after)
    with desk.db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditPersonal)) == 0
        assert audit.verify(session).ok


def test_a_reference_whose_row_was_changed_resolves_to_nothing(desk: Desk, clock: Clock) -> None:
    _departed(desk, clock)
    with desk.db.write() as session:
        for row in session.scalars(select(AuditPersonal)):
            row.value = "冒名頂替"  # the rows are outside the chain; their digest is in it
    shown = workspace.audit_log(desk)
    assert "冒名頂替" not in str([(r.before, r.after) for r in shown])


def test_retention_deletes_a_daily_thirty_days_on_or_a_monthly_a_year_on() -> None:
    assert leaves_on(date(2026, 12, 5), first_of_its_month=False) == date(2027, 1, 4)
    assert leaves_on(date(2026, 12, 5), first_of_its_month=True) == date(2027, 12, 1)
    assert leaves_on(date(2026, 1, 31), first_of_its_month=True) == date(2027, 1, 1)


def test_every_sqlite_connection_zeroes_what_it_deletes(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
