"""Signing in and out at the desk, and the sweep that closes forgotten duties.

The supervisor's hand entries and corrections are in services.attendance_review.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.attendance import (
    AttendanceStatus,
    ScanAction,
    ScanDecision,
    ScanOutcome,
    autoclose_due,
    classify,
    sign_out_undoable,
)
from frontdesk.core.codes import normalise_code
from frontdesk.core.roster import VolunteerStatus
from frontdesk.core.settings import DeskSettings, SlotDef, slot_end
from frontdesk.core.timeutil import at as local_at
from frontdesk.core.timeutil import local_day
from frontdesk.services import signing
from frontdesk.services.auditing import record, snapshot
from frontdesk.services.calendar import load_calendar
from frontdesk.services.clockguard import DeskTime, desk_time
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import Conflict, NotFound
from frontdesk.services.recognition_views import KioskStanding, kiosk_standing
from frontdesk.services.scan_records import decide, volunteer_records
from frontdesk.services.signing import apply_classification, is_assigned
from frontdesk.services.volunteers import by_typed_code
from frontdesk.store.db import once_more_if_lost, write_clock
from frontdesk.store.models import Assignment, Attendance, Volunteer


@dataclass(frozen=True)
class AutoClosedNotice:
    day: date
    slot: str


@dataclass(frozen=True)
class ScanResult:
    outcome: ScanOutcome
    at: datetime
    volunteer_id: int | None = None
    name: str = ""
    code: str = ""
    slot: SlotDef | None = None
    status: AttendanceStatus | None = None
    late_minutes: int = 0
    early_leave_minutes: int = 0
    credited_minutes: int = 0
    # After a sign-out: the month's and all service hours, and good news (services.records).
    standing: KioskStanding | None = None
    opens_at: datetime | None = None
    previous_at: datetime | None = None
    attendance_id: int | None = None
    auto_closed: tuple[AutoClosedNotice, ...] = field(default_factory=tuple)
    own_slot: SlotDef | None = None  # the volunteer's own duty of the day, when known
    clock_suspect: bool = False  # the PC's clock was changed or behind the data: flagged
    # decided from the desk's local replica while the server was out of reach and kept in
    # the desk's journal, to be sent when the server is back (services.offline); False for
    # an offline answer that recorded nothing (a question, a repeat, an unknown card)
    offline: bool = False


def _autoclose(
    session: Session, desk: Desk, settings: DeskSettings, rows: list[Attendance], now: datetime
) -> list[Attendance]:
    closed = []
    for a in rows:
        slot = settings.slot(a.slot)
        if slot is None or not autoclose_due(a.day, slot, now, settings):
            continue
        before = snapshot(a)
        assigned = is_assigned(session, desk.site_id, a.volunteer_id, a.day, a.slot)
        c = classify(
            a.day,
            slot,
            a.in_at,
            None,
            assigned=assigned,
            slot_closed=False,
            now=now,
            settings=settings,
        )
        apply_classification(a, c, now)
        a.is_open = False
        a.auto_closed_at = now
        a.recorded_by = a.recorded_by or "kiosk"
        record(
            session,
            desk,
            "attendance.autoclose",
            "attendance",
            a.id,
            before=before,
            after=snapshot(a),
            actor="system",
            at=now,
        )
        closed.append(a)
    return closed


def scan(
    desk: Desk,
    code: str,
    *,
    confirm_walk_in: bool = False,
    confirm_sign_out: bool = False,
    now: datetime | None = None,
) -> ScanResult:
    """A card scan or typed number at the desk: sign in or out, as the state says
    (core.attendance.decide_scan); `confirm_sign_out` is the volunteer's yes to ending a
    running duty early, asked first (CONFIRM_SIGN_OUT).

    One transaction, and its instant is read once the write lock is held, so scans are
    recorded in the order of their instants; on PostgreSQL, where a desk may be 10 ms
    from its server, one read and one server call instead (services.scan_fast: the same
    decision, the server re-checking the volunteer's records it was made on, so their
    instants keep their order too). A repeated scan within the repeat window is
    answered, not recorded. Without an explicit `now` the time is the database server's
    on PostgreSQL (all PCs agree), else the desk's clock. A record written while the
    desk's clock guard finds the PC's clock off the trusted time (services.clockguard),
    or at an instant earlier than one already recorded for the volunteer, is flagged
    (clock_suspect, needs review); the latter is recorded at that later instant, so time
    never runs backwards inside the data. The volunteer's standing shown after a
    sign-out is read once the scan committed.
    """
    result, day = _scan(desk, code, confirm_walk_in, confirm_sign_out, now)
    return with_standing(desk, result, day)


def with_standing(desk: Desk, result: ScanResult, day: date) -> ScanResult:
    """`result` with the volunteer's standing after a sign-out from the duty of `day` (read
    here unless it came with the result)."""
    if (
        result.outcome is ScanOutcome.SIGNED_OUT
        and result.volunteer_id is not None
        and result.standing is None
    ):
        # Read once the scan committed: the audit chain, which every desk's scan appends
        # to, is held until a write's commit, not while the kiosk's standing is read.
        with desk.db.read() as session:
            standing = kiosk_standing(session, desk.site_id, result.volunteer_id, day)
        result = replace(result, standing=standing)
    return result


def _scan(
    desk: Desk,
    code: str,
    confirm_walk_in: bool,
    confirm_sign_out: bool,
    now: datetime | None,
) -> tuple[ScanResult, date]:
    """scan() without the standing, and the day of the duty it signed out of (today
    otherwise): on PostgreSQL in two round trips when it can (services.scan_fast), else
    in its write transaction."""
    code = normalise_code(code)
    from frontdesk.services import scan_fast  # it builds on this module

    if code and scan_fast.usable(desk, now):
        fast = scan_fast.scan(desk, code, (confirm_sign_out, confirm_walk_in), now)
        if fast is not None:
            return fast.result, fast.day
    return once_more_if_lost(
        lambda: scan_in_transaction(desk, code, confirm_walk_in, confirm_sign_out, now)
    )


def scan_in_transaction(
    desk: Desk,
    code: str,
    confirm_walk_in: bool,
    confirm_sign_out: bool,
    now: datetime | None,
) -> tuple[ScanResult, date]:
    """_scan() in a write transaction (`code` normalised)."""
    with desk.db.write(desk.site_id) as session:
        v = by_typed_code(session, desk, code) if code else None
        if v is not None and not desk.db.is_sqlite:
            # One volunteer's scans queue (services.scan_fast takes no lock but this row),
            # and the instant is read once this one's turn came: read before, a scan
            # written meanwhile at another desk would be later than this one's instant.
            session.execute(select(Volunteer.id).where(Volunteer.id == v.id).with_for_update())
            write_clock(session)  # the server's clock as the transaction began: too early
        when = desk_time(session, desk, now)
        now, suspect = when.now, when.suspect
        today = local_day(now)
        if v is None:
            return ScanResult(ScanOutcome.UNKNOWN_CARD, now, code=code), today
        base: dict[str, Any] = {"volunteer_id": v.id, "name": v.name, "code": v.code}
        if v.status == VolunteerStatus.INACTIVE.value:
            return ScanResult(ScanOutcome.INACTIVE, now, **base), today
        settings = load_settings(session, desk.site_id)
        mine = volunteer_records(session, v.id, today)
        closed = _autoclose(session, desk, settings, mine.open, now)
        notices = _tell(mine.untold + [a for a in closed if a not in mine.untold], now)
        open_row = next((a for a in mine.open if a.is_open), None)
        confirmed = (confirm_sign_out, confirm_walk_in)
        info = load_calendar(session, desk.site_id, settings, today, today).day(today)
        own = frozenset(_own_slots(session, desk.site_id, v.id, today))
        decision = decide(settings, info, own, mine, now, confirmed)
        if decision.clock_behind is not None:
            now, suspect = decision.clock_behind, True
        extra: dict[str, Any] = {
            "slot": decision.slot,
            "auto_closed": notices,
            "own_slot": decision.own_slot,
            "clock_suspect": suspect,
        }
        answer = answer_without_record(decision, now, {**base, **extra})
        if answer is not None:
            if decision.clock_behind is not None:
                signing.flag_clock_behind(session, desk, v.id, decision.clock_behind)
            return answer, today
        scanned = signing.ScanWrite(session, desk, settings, v, now, suspect, own, mine.todays)
        if decision.action is ScanAction.SIGN_OUT:
            assert open_row is not None
            signed_out = signing.sign_out(scanned, open_row)
            result = ScanResult(ScanOutcome.SIGNED_OUT, now, **signed_out, **base, **extra)
            return result, open_row.day
        assert decision.slot is not None
        signed_in = signing.sign_in(scanned, decision.slot, confirm_walk_in)
        if signed_in is None:
            return ScanResult(ScanOutcome.CONFIRM_WALK_IN, now, **base, **extra), today
        return ScanResult(ScanOutcome.SIGNED_IN, now, **signed_in, **base, **extra), today


def _own_slots(session: Session, site_id: int, volunteer_id: int, day: date) -> list[str]:
    """The codes of the volunteer's duties of `day` at the site."""
    return list(
        session.scalars(
            select(Assignment.slot).where(
                Assignment.site_id == site_id,
                Assignment.volunteer_id == volunteer_id,
                Assignment.day == day,
                Assignment.removed_at.is_(None),
            )
        )
    )


def answer_without_record(
    decision: ScanDecision, now: datetime, facts: dict[str, Any]
) -> ScanResult | None:
    """The scans answered without writing anything: a repeat, too early, no slot, closed
    day, signed in before the start, signed out already, a sign-out to confirm."""
    if decision.action is ScanAction.REPEAT:
        return ScanResult(ScanOutcome.REPEAT, now, previous_at=decision.previous_at, **facts)
    if decision.action is ScanAction.TOO_EARLY:
        return ScanResult(ScanOutcome.TOO_EARLY, now, opens_at=decision.opens_at, **facts)
    if decision.action is ScanAction.NO_MORE_SLOTS:
        return ScanResult(ScanOutcome.NO_MORE_SLOTS, now, **facts)
    if decision.action is ScanAction.NOT_DUTY_DAY:
        return ScanResult(ScanOutcome.NOT_DUTY_DAY, now, **facts)
    if decision.action is ScanAction.ALREADY_IN:
        return ScanResult(ScanOutcome.ALREADY_IN, now, previous_at=decision.previous_at, **facts)
    if decision.action is ScanAction.ALREADY_OUT:
        return ScanResult(ScanOutcome.ALREADY_OUT, now, previous_at=decision.previous_at, **facts)
    if decision.action is ScanAction.CONFIRM_SIGN_OUT:
        return ScanResult(
            ScanOutcome.CONFIRM_SIGN_OUT, now, previous_at=decision.previous_at, **facts
        )
    return None


def undo_sign_out(desk: Desk, attendance_id: int, *, now: datetime | None = None) -> ScanResult:
    """ "按錯了？": take back a sign-out at the desk within SIGN_OUT_UNDO_SECONDS of it; the
    duty is open again, audited. Refused (Conflict, reason 'undo_duty_over') once the duty
    has ended (core.attendance.sign_out_undoable: nobody is left on duty after its end),
    and (reason 'undo_too_late') later, for a record closed otherwise (the sweep, the
    supervisor), or once the volunteer has signed in again."""
    with desk.db.write(desk.site_id) as session:
        now = desk_time(session, desk, now).now
        row = session.get(Attendance, attendance_id)
        if row is None or row.site_id != desk.site_id:
            raise NotFound(f"no attendance {attendance_id}", what="attendance", id=attendance_id)
        v = session.get(Volunteer, row.volunteer_id)
        assert v is not None
        again = session.scalars(
            select(Attendance.id).where(Attendance.volunteer_id == v.id, Attendance.is_open)
        ).first()
        settings = load_settings(session, desk.site_id)
        slot = settings.slot(row.slot)
        if slot is not None and row.out_at is not None and now >= slot_end(row.day, slot):
            raise Conflict("the duty is over: the sign-out stands", reason="undo_duty_over")
        if (
            row.out_at is None
            or row.is_open
            or row.auto_closed_at is not None
            or row.recorded_by != "kiosk"
            or again is not None
            or not sign_out_undoable(row.out_at, now)
        ):
            raise Conflict("this sign-out cannot be taken back now", reason="undo_too_late")
        now = max(now, row.out_at)  # time never runs backwards inside the data
        signing.reopen(signing.ScanWrite(session, desk, settings, v, now, False), row)
        return ScanResult(
            ScanOutcome.SIGN_OUT_UNDONE,
            now,
            volunteer_id=v.id,
            name=v.name,
            code=v.code,
            slot=settings.slot(row.slot),
            status=AttendanceStatus(row.status),
            late_minutes=row.late_minutes,
            attendance_id=row.id,
        )


def _tell(rows: list[Attendance], now: datetime) -> tuple[AutoClosedNotice, ...]:
    """The auto-closed duties the volunteer is told of at this scan, marked told."""
    for a in rows:
        a.notified_at = now
    return tuple(AutoClosedNotice(a.day, a.slot) for a in rows)


@dataclass(frozen=True)
class SweepReport:
    """What a sweep did; `clock_jump_seconds` is set when it refused to act because the
    PC's clock is off the trusted time (> 0: ahead), with when that was first noticed."""

    auto_closed: int
    absences: int
    clock_jump_seconds: float | None = None
    clock_seen_at: datetime | None = None


def sweep(desk: Desk, *, now: datetime | None = None, since: date | None = None) -> SweepReport:
    """Close forgotten sign-outs and record absences for slots that have ended.

    Idempotent; closed days and closed slots never produce an absence. The time is the
    database server's on PostgreSQL; on SQLite a PC clock its guard finds off the trusted
    time closes and judges nothing (a day ahead would close every open duty with no
    credit and mark absent a slot not yet begun): the sweep waits, the refusal is audited
    once per jump, and the report says so for the supervisor (services.clockguard).
    """

    def once() -> SweepReport:
        with desk.db.write(desk.site_id) as session:
            when = desk_time(session, desk, now)
            if when.suspect:
                return _refused(session, desk, when)
            return _sweep(session, desk, when.now, since)

    return once_more_if_lost(once)  # it may meet a desk's scan of the same volunteer


def _refused(session: Session, desk: Desk, when: DeskTime) -> SweepReport:
    """A sweep that waits for the clock: audited when the jump is new."""
    if when.newly_suspect:
        record(
            session,
            desk,
            "attendance.sweep_refused",
            "attendance",
            after={"clock_jump_seconds": round(when.jump_seconds)},
            actor="system",
            at=when.now,
        )
    return SweepReport(0, 0, when.jump_seconds, when.seen_at)


def _sweep(session: Session, desk: Desk, now: datetime, since: date | None) -> SweepReport:
    """The sweep's work at a trusted `now`, in the caller's transaction."""
    today = local_day(now)
    since = since or today - timedelta(days=14)
    settings = load_settings(session, desk.site_id)
    open_rows = list(
        session.scalars(
            select(Attendance).where(Attendance.site_id == desk.site_id, Attendance.is_open)
        )
    )
    closed = _autoclose(session, desk, settings, open_rows, now)
    absences = _record_absences(session, desk, settings, since, now)
    if closed or absences:
        record(
            session,
            desk,
            "attendance.sweep",
            "attendance",
            after={"auto_closed": len(closed), "absences": absences},
            actor="system",
            at=now,
        )
    return SweepReport(len(closed), absences)


def _record_absences(
    session: Session, desk: Desk, settings: DeskSettings, since: date, now: datetime
) -> int:
    """An absence for each assignment since `since` whose open slot ended with no record."""
    today = local_day(now)
    cal = load_calendar(session, desk.site_id, settings, since, today)
    assigned = session.execute(
        select(Assignment.day, Assignment.slot, Assignment.volunteer_id).where(
            Assignment.site_id == desk.site_id,
            Assignment.day >= since,
            Assignment.day <= today,
            Assignment.removed_at.is_(None),
        )
    ).all()
    seen = {
        (d, s, vid)
        for d, s, vid in session.execute(
            select(Attendance.day, Attendance.slot, Attendance.volunteer_id).where(
                Attendance.site_id == desk.site_id,
                Attendance.day >= since,
                Attendance.day <= today,
            )
        )
    }
    absences = 0
    for d, s, vid in assigned:
        slot = settings.slot(s)
        if slot is None or (d, s, vid) in seen or not cal.slot_open(d, s):
            continue
        if now < local_at(d, slot.end):
            continue
        c = classify(
            d, slot, None, None, assigned=True, slot_closed=False, now=now, settings=settings
        )
        if c.status is not AttendanceStatus.ABSENT:
            continue
        session.add(
            Attendance(
                site_id=desk.site_id,
                volunteer_id=vid,
                day=d,
                slot=s,
                in_at=None,
                out_at=None,
                is_open=False,
                status=c.status.value,
                credited_minutes=0,
                needs_review=True,
                recorded_by="auto",
                created_at=now,
                updated_at=now,
            )
        )
        absences += 1
    return absences
