"""Data safety: the clock guard and server time at scans, personal-data care."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.clock import ClockGuard
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, clockguard, purge, roster, volunteers, workspace
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput, NotAllowed
from frontdesk.services.setup import init_site, update_settings
from frontdesk.services.volunteer_io import export_volunteers, import_volunteers
from frontdesk.store import models
from frontdesk.store.db import Database
from frontdesk.store.models import Attendance, AuditEntry, Training, Volunteer
from frontdesk.words.errors import describe_error
from tests.support.clocks import Clock, FakeClocks
from tests.support.sheets import write_sheet

DEC1 = date(2026, 12, 1)  # Tuesday, a working day


def t(hh: int, mm: int = 0) -> datetime:
    return at(DEC1, time(hh, mm))


@pytest.fixture
def guarded(desk: Desk, guard: ClockGuard, make_volunteer: Callable[..., int]) -> Desk:
    """The desk with a clock guard; A01 on the morning of 2026-12-01."""
    roster.assign(desk, ShiftKey(DEC1, "AM"), make_volunteer("A01", "王小明"))
    return replace(desk, clock_guard=guard)


def _attendance(desk: Desk, attendance_id: int | None) -> Attendance:
    with desk.db.read() as session:
        row = session.get(Attendance, attendance_id)
        assert row is not None
        return row


def test_scans_without_a_clock_change_are_not_flagged(
    guarded: Desk, clocks: FakeClocks, clock: Clock
) -> None:
    clock.now = t(8, 29)
    signed_in = attendance.scan(guarded, "A01")
    clocks.tick(3 * 3600)
    clock.now = t(11, 31)
    signed_out = attendance.scan(guarded, "A01")
    assert signed_out.outcome is ScanOutcome.SIGNED_OUT
    row = _attendance(guarded, signed_in.attendance_id)
    assert not row.clock_suspect and not row.needs_review


def test_clock_set_back_between_sign_in_and_out_flags_the_record(
    guarded: Desk, clocks: FakeClocks, clock: Clock
) -> None:
    clock.now = t(8, 29)
    r = attendance.scan(guarded, "A01")
    assert r.outcome is ScanOutcome.SIGNED_IN
    assert not _attendance(guarded, r.attendance_id).clock_suspect
    clocks.tick(30 * 60)
    clocks.set_wall(+3 * 3600)  # the PC's clock jumps forward: 'sign-out' at 11:59
    clock.now = t(11, 59)
    out = attendance.scan(guarded, "A01")
    assert out.outcome is ScanOutcome.SIGNED_OUT
    row = _attendance(guarded, r.attendance_id)
    assert row.clock_suspect and row.needs_review
    queue = workspace.review_rows(guarded)
    assert [a.id for a in queue] == [r.attendance_id]


def test_clock_jump_before_a_sign_in_flags_it_and_stays_flagged(
    guarded: Desk, clocks: FakeClocks, clock: Clock
) -> None:
    clock.now = t(7, 0)
    assert attendance.scan(guarded, "NOBODY").outcome is ScanOutcome.UNKNOWN_CARD
    clocks.tick(60)
    clocks.set_wall(-1800)
    clock.now = t(8, 29)
    r = attendance.scan(guarded, "A01")
    row = _attendance(guarded, r.attendance_id)
    assert row.is_open and row.clock_suspect
    clocks.tick(3 * 3600)
    clock.now = t(11, 30)
    attendance.scan(guarded, "A01")
    row = _attendance(guarded, r.attendance_id)
    assert row.clock_suspect and row.needs_review and not row.is_open  # sign-out kept the flag


def test_a_jump_seen_by_a_scan_that_writes_nothing_flags_the_next_record(
    guarded: Desk, clocks: FakeClocks, clock: Clock
) -> None:
    clock.now = t(8, 29)
    r = attendance.scan(guarded, "A01")
    clocks.tick(10)
    clocks.set_wall(-600)
    clock.now = t(8, 29)  # the same card again before the duty starts: nothing written
    assert attendance.scan(guarded, "A01").outcome is ScanOutcome.ALREADY_IN
    clocks.tick(3 * 3600)
    clock.now = t(11, 31)
    attendance.scan(guarded, "A01")
    assert _attendance(guarded, r.attendance_id).clock_suspect


def test_without_a_guard_nothing_is_flagged(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    roster.assign(desk, ShiftKey(DEC1, "AM"), make_volunteer("A01"))
    r = attendance.scan(desk, "A01", now=t(8, 29))
    assert not _attendance(desk, r.attendance_id).clock_suspect


def test_postgres_scan_takes_the_servers_time(
    pg_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = Desk(db=pg_db, site_id=init_site(pg_db, "伺服器時間"))  # the real clock
    calls: list[datetime] = []
    real = clockguard.server_now

    def recording(session: object) -> datetime:
        calls.append(real(session))  # type: ignore[arg-type]
        return calls[-1]

    monkeypatch.setattr(clockguard, "server_now", recording)
    result = attendance.scan(desk, "NOBODY")
    with pg_db.engine.connect() as conn:
        server = conn.execute(text("SELECT now()")).scalar_one()
    assert calls == [result.at]
    assert abs((server - result.at).total_seconds()) < 1
    # an explicit instant is kept as given (tests, the demo)
    given = t(9, 0)
    assert attendance.scan(desk, "NOBODY", now=given).at == given
    assert len(calls) == 1


def test_sqlite_scan_takes_the_desks_clock(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = Desk(db=sqlite_db, site_id=init_site(sqlite_db, "本機時間"))

    def refuse(_session: object) -> datetime:
        raise AssertionError("SQLite has no server clock")

    monkeypatch.setattr(clockguard, "server_now", refuse)
    before = datetime.now(tz=t(9).tzinfo)
    result = attendance.scan(desk, "NOBODY")
    assert abs((result.at - before).total_seconds()) < 1


# --- personal data --------------------------------------------------------------------------

ID_WORDS = ("id_number", "national", "identity", "idno", "id_no", "citizen")


def test_no_table_has_a_national_id_column() -> None:
    for table in models.Base.metadata.tables.values():
        for column in table.columns:
            assert not any(w in column.name.lower() for w in ID_WORDS), (table.name, column.name)


def test_migrated_database_has_no_national_id_column(db: Database) -> None:
    names = [c["name"].lower() for c in inspect(db.engine).get_columns("volunteer")]
    assert "phone" in names
    assert not [n for n in names if any(w in n for w in ID_WORDS)]


@pytest.mark.parametrize("title", ["身分證字號", "身份證號", "National ID", "ID number"])
def test_import_refuses_a_national_id_column(desk: Desk, tmp_path: Path, title: str) -> None:
    path = write_sheet(
        tmp_path / "roster.xlsx",
        ["編號", "姓名", title, "電話"],
        [["V001", "王小明", "A123456789", "0912-345-678"]],
    )
    with pytest.raises(InvalidInput) as caught:
        import_volunteers(desk, path)
    assert caught.value.facts["reason"] == "national_id"
    sentence = describe_error(caught.value)
    assert title in sentence and "national ID" in sentence
    assert workspace.volunteer_choices(desk, include_inactive=True) == []
    with desk.db.read() as session:
        dumped = json.dumps([(a.before, a.after) for a in session.scalars(select(AuditEntry))])
    assert "A123456789" not in dumped


PHONES = ("0912-345-678", "0933-222-111", "0955-666-777", "0977 888 999")


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


def test_audit_never_holds_a_phone_number_in_clear(desk: Desk, tmp_path: Path) -> None:
    vid = volunteers.add(
        desk, volunteers.VolunteerInput(code="P01", name="電話一", phone=PHONES[0])
    )
    volunteers.update(
        desk, vid, volunteers.VolunteerInput(code="P01", name="電話一", phone=PHONES[1])
    )
    sheet = write_sheet(
        tmp_path / "in.xlsx",
        ["編號", "姓名", "電話"],
        [["P01", "電話一", PHONES[2]], ["P02", "電話二", PHONES[3]]],
    )
    import_volunteers(desk, sheet)
    export_volunteers(desk, tmp_path / "out.xlsx", include_personal=True)
    export_volunteers(desk, tmp_path / "masked.xlsx")
    volunteers.deactivate(desk, vid)
    with desk.db.read() as session:
        entries = list(session.scalars(select(AuditEntry)))
        stored = {v.code: v.phone for v in session.scalars(select(Volunteer))}
    assert stored == {"P01": PHONES[2], "P02": PHONES[3]}  # the test can fail: phones are there
    actions = {e.action for e in entries}
    assert {"volunteer.add", "volunteer.update", "volunteer.import", "volunteer.export"} <= actions
    raw = json.dumps([(e.before, e.after) for e in entries], ensure_ascii=False)
    # The log refers to masked numbers (auditing.Personal); as shown, they are masked.
    shown = workspace.audit_log(desk)
    dumped = json.dumps([(r.before, r.after) for r in shown], ensure_ascii=False)
    assert "***" in dumped  # masked numbers are what the log keeps
    values = [
        _digits(str(value))
        for r in shown
        for snapshot in (r.before or {}, r.after or {})
        for value in snapshot.values()
    ]
    for phone in PHONES:
        assert phone not in dumped and phone not in raw
        assert _digits(phone) not in values  # not even with other separators


@pytest.fixture
def departed(desk: Desk, clock: Clock, make_volunteer: Callable[..., int]) -> int:
    """V012, who served a morning on 2026-12-01 and left that afternoon."""
    vid = make_volunteer("V012", "林志明")
    roster.assign(desk, ShiftKey(DEC1, "AM"), vid)
    attendance.scan(desk, "V012", now=t(8, 29))
    attendance.scan(desk, "V012", now=t(11, 31))
    with desk.db.write() as session:
        v = session.get(Volunteer, vid)
        assert v is not None
        v.languages, v.notes, v.pin_hash = "台語", "住址：高雄市苓雅區", "argon2-hash"
    clock.now = t(15, 0)
    volunteers.deactivate(desk, vid)
    return vid


def test_purge_waits_for_the_retention_period(desk: Desk, clock: Clock, departed: int) -> None:
    update_settings(desk, {"retention_days": "90"})
    assert purge.purge_due(desk) == []
    with pytest.raises(NotAllowed) as caught:
        purge.purge_personal_data(desk, departed)
    assert caught.value.facts["reason"] == "retention"
    assert caught.value.facts["possible_on"] == date(2027, 3, 1)
    sentence = describe_error(caught.value)
    assert "116/03/01" in sentence and "90" in sentence and "V012" in sentence
    clock.now = at(date(2027, 2, 28), time(23, 59))
    with pytest.raises(NotAllowed):
        purge.purge_personal_data(desk, departed)
    with desk.db.read() as session:
        v = session.get(Volunteer, departed)
        assert v is not None and v.phone == "0912-345-678" and v.purged_at is None


def test_purge_refuses_an_active_volunteer(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    vid = make_volunteer("V020")
    clock.now = clock.now + timedelta(days=3650)
    with pytest.raises(NotAllowed) as caught:
        purge.purge_personal_data(desk, vid)
    assert caught.value.facts["reason"] == "purge_active"
    assert "V020" in describe_error(caught.value)


def test_purge_keeps_the_hours_and_drops_the_person(
    desk: Desk, clock: Clock, departed: int, tmp_path: Path
) -> None:
    clock.now = at(date(2027, 3, 1), time(9, 0))
    update_settings(desk, {"retention_days": "90"})
    due = purge.purge_due(desk)
    assert [(d.volunteer_id, d.code, d.deactivated_on, d.possible_on) for d in due] == [
        (departed, "V012", DEC1, date(2027, 3, 1))
    ]
    with desk.db.read() as session:
        minutes_before = session.scalars(
            select(Attendance.credited_minutes).where(Attendance.volunteer_id == departed)
        ).all()
    assert minutes_before and sum(minutes_before) > 0

    done = purge.purge_personal_data(desk, departed)
    assert done.pseudonym == "已刪除個資 V012"

    with desk.db.read() as session:
        v = session.get(Volunteer, departed)
        assert v is not None
        assert (v.code, v.status, v.name) == ("V012", "inactive", "已刪除個資 V012")
        assert v.phone is None and v.notes == "" and v.languages == "" and v.pin_hash is None
        assert v.purged_at == clock.now
        assert (
            session.scalars(
                select(Attendance.credited_minutes).where(Attendance.volunteer_id == departed)
            ).all()
            == minutes_before
        )
        assert session.scalars(select(Training).where(Training.volunteer_id == departed)).all()
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "volunteer.purge")
        ).one()
    assert entry.after == {
        "code": "V012",
        "purged": True,
        "retention_days": 90,
        "backups_holding": done.backups,
        "backups_until": done.backups_until.isoformat() if done.backups_until else None,
        "backups_without_retention": list(done.kept_backups),
    }
    assert entry.before is None
    assert purge.purge_due(desk) == []
    with pytest.raises(NotAllowed):
        purge.purge_personal_data(desk, departed)
    with pytest.raises(NotAllowed) as caught:
        volunteers.update(
            desk,
            departed,
            volunteers.VolunteerInput(code="V012", name="林志明", phone="0912-000-111"),
        )
    assert caught.value.facts["reason"] == "purged"
    sheet = write_sheet(
        tmp_path / "back.xlsx", ["編號", "姓名", "電話"], [["V012", "林志明", None]]
    )
    with pytest.raises(InvalidInput) as refused:
        import_volunteers(desk, sheet)
    assert refused.value.facts["rows"] == [(2, "code", "purged")]
    assert "deleted" in describe_error(refused.value)


def test_a_volunteer_added_inactive_counts_from_when_added(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    vid = make_volunteer("V030", status="inactive")
    update_settings(desk, {"retention_days": "30"})
    assert purge.purge_due(desk) == []
    clock.now = clock.now + timedelta(days=30)
    assert [d.volunteer_id for d in purge.purge_due(desk)] == [vid]
