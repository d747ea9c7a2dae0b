"""The desk's frequent reads use an index, on SQLite and PostgreSQL, so none grows with history.

Every statement a scan, the kiosk's refresh (board and waiting count), the minute sweep and
the roster month send is caught as it is sent and explained with its own parameters:
SQLite's EXPLAIN QUERY PLAN must not SCAN a table that grows, PostgreSQL's EXPLAIN (with
sequential scans priced out, as on a large table) must not read one sequentially. A query
added to these paths later is caught the same way, without being listed here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from frontdesk.core.roster import ShiftKey
from frontdesk.services import attendance, housekeeping, kiosk, roster
from frontdesk.services.context import Desk
from frontdesk.services.waiting import REVIEW_STATUSES
from frontdesk.store.models import REVIEW_STATUSES_SQL
from tests.support.clocks import Clock

MONDAY = date(2026, 11, 2)
# Tables whose rows stay few (one per site, setting or account): reading them whole is flat.
SMALL = {"site", "setting", "trusted_clock", "supervisor", "alembic_version"}
# Tables that grow with the years, and the keys of a whole site's or volunteer's share of
# them: a full (not partial) index on one of those keys alone reads a whole history.
GROWING = {
    "attendance",
    "attendance_correction",
    "assignment",
    "audit_entry",
    "audit_personal",
    "calendar_override",
    "handover_note",
    "service_tally",
    "swap_request",
}
OWNERS = {"site_id", "volunteer_id"}
# The newest row by its key (the audit chain's head): one step from the end of the key.
NEWEST = re.compile(r"ORDER BY (\w+)\.id DESC\s+LIMIT", re.IGNORECASE)

Statement = tuple[str, Any]


@contextmanager
def sent(desk: Desk) -> Iterator[list[Statement]]:
    """Every statement the block sends, with its parameters."""
    seen: list[Statement] = []

    def catch(_conn: Any, _cur: Any, statement: str, params: Any, *_: Any) -> None:
        seen.append((statement, params))

    event.listen(desk.db.engine, "before_cursor_execute", catch)
    try:
        yield seen
    finally:
        event.remove(desk.db.engine, "before_cursor_execute", catch)


def reads(statements: list[Statement]) -> list[Statement]:
    """The statements that look rows up (SELECT, and UPDATE/DELETE by a WHERE)."""
    return [
        (sql, params)
        for sql, params in statements
        if re.match(r"\s*(SELECT|UPDATE|DELETE|WITH)\b", sql, re.IGNORECASE)
        and re.search(r"\bFROM\b|\bWHERE\b", sql, re.IGNORECASE)
    ]


def sqlite_scans(desk: Desk, sql: str, params: Any) -> list[str]:
    """The plan lines reading a growing table whole, or all of a site's or a volunteer's
    rows through a full index on that key alone."""
    raw = desk.db.engine.raw_connection()
    try:
        cur = raw.cursor()
        rows = cur.execute("EXPLAIN QUERY PLAN " + sql, params or ()).fetchall()
        indexes = cur.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type='index'")
        partial = {name for name, _, ddl in indexes if ddl and " WHERE " in ddl.upper()}
    finally:
        raw.close()
    bad = []
    for row in rows:
        detail = str(row[-1])
        m = re.match(r"SCAN (\w+)", detail)
        if m and m.group(1) not in SMALL | {"CONSTANT"} and not NEWEST.search(sql):
            bad.append(detail)
        m = re.match(r"SEARCH (\w+) USING (?:COVERING )?INDEX (\w+) \((\w+)=\?\)$", detail)
        if m and m.group(1) in GROWING and m.group(2) not in partial and m.group(3) in OWNERS:
            bad.append(detail)
    return bad


def pg_scans(desk: Desk, sql: str, params: Any) -> list[str]:
    """As sqlite_scans, from PostgreSQL's EXPLAIN."""
    raw = desk.db.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("SET enable_seqscan = off")  # as on a table of years: an index if any
        cur.execute("EXPLAIN " + sql, params)
        lines = [str(r[0]) for r in cur.fetchall()]
        cur.execute("SELECT indexname, tablename, indexdef FROM pg_indexes")
        indexes = cur.fetchall()
        partial = {str(name) for name, _, ddl in indexes if " WHERE " in str(ddl)}
        growing = {str(name) for name, table, _ in indexes if table in GROWING}
        raw.rollback()
    finally:
        raw.close()
    bad = []
    for i, line in enumerate(lines):
        if (m := re.search(r"Seq Scan on (\w+)", line)) and m.group(1) not in SMALL:
            bad.append(line)
        m = re.search(r"Index (?:Only )?Scan(?: Backward)? (?:using|on) (\w+)", line)
        cond = lines[i + 1] if m and i + 1 < len(lines) else ""
        key = re.search(r"Index Cond: \((\w+) = [^()]*\)$", cond.strip())
        if m and key and m.group(1) in growing - partial and key.group(1) in OWNERS:
            bad.append(f"{line.strip()} {cond.strip()}")
    return bad


def assert_indexed(desk: Desk, statements: list[Statement], what: str) -> None:
    found = reads(statements)
    assert found, f"{what}: no statement was caught"
    explain = sqlite_scans if desk.db.is_sqlite else pg_scans
    for sql, params in found:
        scans = explain(desk, sql, params)
        assert scans == [], f"{what} reads a table whole: {scans}\n{sql}"


@pytest.fixture
def day_at_desk(desk: Desk, clock: Clock, make_volunteer: Callable[..., int]) -> Desk:
    """Two volunteers on Monday's morning, one with a duty the sweep closed (told at the next
    scan), some history before."""
    a, b = make_volunteer("A01", "王小明"), make_volunteer("B02", "李美華")
    for offset in (14, 21):
        roster.assign(desk, ShiftKey(MONDAY - timedelta(days=offset), "AM"), a)
    roster.assign(desk, ShiftKey(MONDAY - timedelta(days=14), "PM"), b)
    clock.set(MONDAY - timedelta(days=14), 13, 25)
    attendance.scan(desk, "B02")  # never signed out: the sweep closes it
    clock.set(MONDAY - timedelta(days=14), 18, 0)
    housekeeping.sweep(desk, daily_backup=False)
    roster.assign(desk, ShiftKey(MONDAY, "AM"), a)
    roster.assign(desk, ShiftKey(MONDAY, "AM"), b)
    if not desk.db.is_sqlite:
        years_of_history(desk, (a, b))
    return desk


def years_of_history(desk: Desk, volunteers: tuple[int, int]) -> None:
    """Ten years of closed duties and decided swaps before 2025, then ANALYZE: PostgreSQL
    plans by its statistics, and on a few rows it reads an index by its first key alone
    where on years of rows it would not. (SQLite plans without statistics: the app never
    runs ANALYZE, so the plans above are the ones it uses at any size.)"""
    from sqlalchemy import text

    facts = {"site": desk.site_id, "a": volunteers[0], "b": volunteers[1]}
    with desk.db.write() as session:
        session.execute(
            text(
                "INSERT INTO attendance (site_id, volunteer_id, day, slot, in_at, out_at,"
                " is_open, status, late_minutes, early_leave_minutes, credited_minutes,"
                " needs_review, recorded_by, clock_suspect, walk_in, resumed, note,"
                " created_at, updated_at)"
                " SELECT :site, CASE WHEN g % 2 = 0 THEN :a ELSE :b END,"
                " DATE '2015-01-01' + g / 2, 'AM',"
                " (DATE '2015-01-01' + g / 2) + TIME '01:00',"
                " (DATE '2015-01-01' + g / 2) + TIME '03:00',"
                " false, 'on_time', 0, 0, 180, false, 'kiosk', false, false, false, '',"
                " now(), now()"
                " FROM generate_series(1, 7000) AS g"
            ),
            facts,
        )
        session.execute(
            text(
                "INSERT INTO assignment (site_id, day, slot, volunteer_id, source, created_at,"
                " removed_reason)"
                " SELECT :site, DATE '2015-01-01' + g / 2, 'AM',"
                " CASE WHEN g % 2 = 0 THEN :a ELSE :b END, 'pattern', now(), ''"
                " FROM generate_series(1, 7000) AS g"
            ),
            facts,
        )
        session.execute(
            text(
                "INSERT INTO swap_request (site_id, kind, state, requester_id, given_day,"
                " given_slot, requested_at, notice_minutes, by_supervisor, reason,"
                " outcome_reason, declined)"
                " SELECT :site, 'cover', 'approved', :a, DATE '2015-01-01' + g, 'AM', now(),"
                " 0, false, '', '', false FROM generate_series(1, 3000) AS g"
            ),
            facts,
        )
    with desk.db.engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()


def test_a_scan_in_and_out_reads_by_index(day_at_desk: Desk, clock: Clock) -> None:
    desk = day_at_desk
    clock.set(MONDAY, 8, 25)
    with sent(desk) as signing_in:
        assert attendance.scan(desk, "B02").outcome.value == "signed_in"
    assert_indexed(desk, signing_in, "a sign-in")
    clock.set(MONDAY, 11, 35)
    with sent(desk) as signing_out:
        assert attendance.scan(desk, "B02").outcome.value == "signed_out"
    assert_indexed(desk, signing_out, "a sign-out")


def test_the_kiosk_refresh_and_the_waiting_count_read_by_index(
    day_at_desk: Desk, clock: Clock
) -> None:
    desk = day_at_desk
    clock.set(MONDAY, 8, 25)
    attendance.scan(desk, "A01")
    with sent(desk) as refreshing:
        kiosk.board(desk)
        assert kiosk.pending_supervisor_count(desk) >= 1  # the auto-closed duty
    assert_indexed(desk, refreshing, "the kiosk's refresh")


def test_the_minute_sweep_reads_by_index(day_at_desk: Desk, clock: Clock) -> None:
    desk = day_at_desk
    clock.set(MONDAY, 8, 25)
    attendance.scan(desk, "A01")
    clock.set(MONDAY, 12, 30)
    with sent(desk) as sweeping:
        done = housekeeping.sweep(desk, daily_backup=False)
    assert done.attendance.auto_closed == 1 and done.attendance.absences == 1
    assert_indexed(desk, sweeping, "the sweep")


def test_the_roster_month_reads_by_index(day_at_desk: Desk) -> None:
    with sent(day_at_desk) as opening:
        roster.month_view(day_at_desk, 2026, 11)
    assert_indexed(day_at_desk, opening, "the roster month")


def test_a_full_scan_is_caught(day_at_desk: Desk) -> None:
    """The check itself: a read by an unindexed column is reported."""
    from sqlalchemy import select

    from frontdesk.store.models import Attendance

    with sent(day_at_desk) as reading, day_at_desk.db.read() as session:
        session.execute(select(Attendance.id).where(Attendance.note == "x")).all()
    with pytest.raises(AssertionError, match="reads a table whole"):
        assert_indexed(day_at_desk, reading, "a read by note")


def test_the_review_index_names_the_statuses_the_count_uses() -> None:
    written = "(" + ", ".join(f"'{s}'" for s in REVIEW_STATUSES) + ")"
    assert written == REVIEW_STATUSES_SQL


def test_the_sweeps_anchor_counts_from_the_last_one_as_a_full_count_would(
    day_at_desk: Desk, clock: Clock
) -> None:
    """The anchor the sweep writes counts only the entries after the file's last anchor;
    the position it writes is the one a count of the whole log gives."""
    from frontdesk.store import anchors

    desk = day_at_desk
    file = anchors.file_for(desk.db)
    before = anchors.last(file)
    assert before is not None  # the fixture's sweep wrote one
    clock.set(MONDAY, 8, 25)
    attendance.scan(desk, "A01")
    attendance.scan(desk, "B02")
    clock.set(MONDAY, 12, 30)
    housekeeping.sweep(desk, daily_backup=False)
    written = anchors.last(file)
    with desk.db.read() as session:
        whole = anchors.head(session)
    assert written is not None and written.count > before.count
    assert written.pair == whole.pair


def test_every_decision_marks_its_record_decided(
    day_at_desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    """The waiting count's index leaves out the records marked decided: each way a
    supervisor decides one (accept, correct, enter by hand) marks it, and only those."""
    from datetime import time

    from sqlalchemy import exists, select

    from frontdesk.core.timeutil import at
    from frontdesk.services import attendance_review
    from frontdesk.store.models import Attendance, AttendanceCorrection

    desk = day_at_desk
    c = make_volunteer("C03", "張三")
    for minute, code in ((45, "A01"), (50, "B02")):
        clock.set(MONDAY, 8, minute)
        assert attendance.scan(desk, code).late_minutes > 0
    clock.set(MONDAY, 11, 40)
    for code in ("A01", "B02"):
        attendance.scan(desk, code)
    waiting = kiosk.pending_supervisor_count(desk)
    with desk.db.read() as session:
        late = session.scalars(
            select(Attendance.id)
            .where(Attendance.day == MONDAY, Attendance.status == "late")
            .order_by(Attendance.id)
        ).all()
    assert len(late) == 2
    clock.set(MONDAY, 14, 0)
    attendance_review.accept_review(desk, late[0], "有事先說")
    assert kiosk.pending_supervisor_count(desk) == waiting - 1
    attendance_review.correct(
        desk, late[1], at(MONDAY, time(8, 30)), at(MONDAY, time(11, 40)), "刷卡機故障"
    )
    assert kiosk.pending_supervisor_count(desk) == waiting - 2
    attendance_review.record_manual(
        desk, c, MONDAY, "AM", at(MONDAY, time(8, 30)), at(MONDAY, time(11, 30)), "紙本簽到"
    )
    with desk.db.read() as session:
        decided = exists().where(AttendanceCorrection.attendance_id == Attendance.id)
        rows = session.execute(select(Attendance.id, Attendance.decided, decided)).all()
    assert sum(flag for _, flag, _ in rows) == 3
    assert all(flag == has for _, flag, has in rows)
