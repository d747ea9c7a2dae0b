"""The records a scan leaves: a sign-in, a sign-out, their classification and audit, the
undo of a mistaken sign-out, and the flag on a record when a scan's clock read earlier.

Shared by the desk's scan (services.attendance) and the supervisor's entries
(services.attendance_review).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.attendance import AttendanceStatus, Classification, classify
from frontdesk.core.settings import DeskSettings, SlotDef
from frontdesk.core.timeutil import local_day
from frontdesk.services.auditing import record, snapshot
from frontdesk.services.context import Desk
from frontdesk.store.models import Assignment, Attendance, Volunteer


def without_lateness(c: Classification) -> Classification:
    """A return to the desk within a slot is not a late arrival."""
    status = {
        AttendanceStatus.LATE: AttendanceStatus.ON_TIME,
        AttendanceStatus.LATE_EARLY_LEAVE: AttendanceStatus.EARLY_LEAVE,
    }.get(c.status, c.status)
    return replace(c, status=status, late_minutes=0)


def apply_classification(a: Attendance, c: Classification, now: datetime) -> None:
    a.status = c.status.value
    a.late_minutes = c.late_minutes
    a.early_leave_minutes = c.early_leave_minutes
    a.credited_minutes = c.credited_minutes
    a.needs_review = c.needs_review or a.clock_suspect
    a.is_open = c.status is AttendanceStatus.OPEN
    a.updated_at = now


def is_assigned(session: Session, site_id: int, volunteer_id: int, day: date, slot: str) -> bool:
    return (
        session.scalars(
            select(Assignment.id).where(
                Assignment.site_id == site_id,
                Assignment.volunteer_id == volunteer_id,
                Assignment.day == day,
                Assignment.slot == slot,
                Assignment.removed_at.is_(None),
            )
        ).first()
        is not None
    )


def flag_clock_behind(session: Session, desk: Desk, volunteer_id: int, latest: datetime) -> None:
    """A scan read a clock earlier than `latest`, and recorded nothing: the record holding
    that instant is flagged for review (clock suspect), so the scan is not lost."""
    rows = session.scalars(
        select(Attendance).where(
            Attendance.volunteer_id == volunteer_id,
            func.coalesce(Attendance.out_at, Attendance.in_at) == latest,
        )
    ).all()
    for row in rows:
        if row.clock_suspect:
            continue
        before = snapshot(row)
        row.clock_suspect = True
        row.needs_review = True
        session.flush()
        record(
            session,
            desk,
            "attendance.clock_suspect",
            "attendance",
            row.id,
            before=before,
            after=snapshot(row),
            actor="system",
            at=latest,
        )


@dataclass(frozen=True)
class DayRows:
    """A volunteer's attendance records of one day, as the scan read them."""

    day: date
    rows: tuple[Attendance, ...]


@dataclass(frozen=True)
class ScanWrite:
    """One scan being recorded: its transaction, who scanned and when."""

    session: Session | None  # None: the store writes the change (services.scan_fast)
    desk: Desk
    settings: DeskSettings
    volunteer: Volunteer
    now: datetime
    # the PC's clock is off the trusted time (services.clockguard), or read earlier than
    # the volunteer's last recorded instant: the record is flagged
    clock_suspect: bool
    # the codes of the volunteer's duties on the day of `now`, when the scan read them
    # already (None: read here)
    own_slots: frozenset[str] | None = None
    # the volunteer's records of that day, when the scan read them already
    todays: DayRows | None = None

    def assigned(self, day: date, slot: str) -> bool:
        """The volunteer is on the roster in `slot` of `day`."""
        if self.own_slots is not None and day == local_day(self.now):
            return slot in self.own_slots
        assert self.session is not None, "the roster of that day was not read"
        return is_assigned(self.session, self.desk.site_id, self.volunteer.id, day, slot)


@dataclass
class Change:
    """A scan's change of one record, made on the record object but not yet kept: what
    `keep` writes in a transaction, or the store's server function in one call
    (services.scan_fast)."""

    row: Attendance
    before: dict[str, Any] | None  # the record's audit view before; None: a new record
    action: str  # the audit action
    fields: dict[str, Any]  # the scan result's classification fields
    new: bool  # the record is new (not in the database yet)


def prepare_sign_out(scanning: ScanWrite, open_row: Attendance) -> Change:
    """The open duty closed at the scan's instant, classified (core.attendance.classify)."""
    now = scanning.now
    slot = scanning.settings.slot(open_row.slot)
    assert slot is not None
    before = snapshot(open_row)
    assigned = scanning.assigned(open_row.day, open_row.slot)
    open_row.out_at = now
    if scanning.clock_suspect:
        open_row.clock_suspect = True
    c = classify(
        open_row.day,
        slot,
        open_row.in_at,
        now,
        assigned=assigned,
        slot_closed=False,
        now=now,
        settings=scanning.settings,
    )
    if open_row.resumed:
        c = without_lateness(c)
    apply_classification(open_row, c, now)
    open_row.is_open = False
    fields = {
        "status": c.status,
        "late_minutes": c.late_minutes,
        "early_leave_minutes": c.early_leave_minutes,
        "credited_minutes": c.credited_minutes,
    }
    return Change(open_row, before, "attendance.sign_out", fields, new=False)


def prepare_sign_in(scanning: ScanWrite, slot: SlotDef, confirm_walk_in: bool) -> Change | None:
    """A duty opened in `slot` today; None when a walk-in must be confirmed first."""
    desk, now, v = scanning.desk, scanning.now, scanning.volunteer
    today = local_day(now)
    assigned = scanning.assigned(today, slot.code)
    if not assigned and not confirm_walk_in:
        return None
    if scanning.todays is not None and scanning.todays.day == today:
        rows = [r for r in scanning.todays.rows if r.slot == slot.code]
    else:
        assert scanning.session is not None, "the day's records were not read"
        rows = list(
            scanning.session.scalars(
                select(Attendance).where(
                    Attendance.volunteer_id == v.id,
                    Attendance.day == today,
                    Attendance.slot == slot.code,
                )
            )
        )
    # A placeholder without a sign-in is filled in; after an earlier sign-in and
    # sign-out in this slot the volunteer is back: a new segment, so the first
    # segment's hours are kept and the return is not counted as late.
    row = next((r for r in rows if r.in_at is None), None)
    resumed = any(r.in_at is not None for r in rows)
    previous = snapshot(row) if row is not None else None
    new = row is None
    if row is None:
        row = Attendance(
            site_id=desk.site_id,
            volunteer_id=v.id,
            day=today,
            slot=slot.code,
            recorded_by="kiosk",
            created_at=now,
        )
    row.in_at, row.out_at = now, None
    row.clock_suspect = scanning.clock_suspect
    c = classify(
        today,
        slot,
        now,
        None,
        assigned=assigned,
        slot_closed=False,
        now=now,
        settings=scanning.settings,
    )
    if resumed:
        c = without_lateness(c)
    row.resumed = resumed
    row.walk_in = not assigned
    apply_classification(row, c, now)
    row.is_open = True
    if not assigned:
        row.needs_review = True
    fields = {
        "status": AttendanceStatus.WALK_IN if not assigned else c.status,
        "late_minutes": c.late_minutes,
    }
    return Change(row, previous, "attendance.sign_in", fields, new)


def keep(scanning: ScanWrite, change: Change) -> dict[str, Any]:
    """Write `change` in the scan's transaction with its audit entry; returns the result's
    fields with the record's id."""
    session = scanning.session
    assert session is not None
    if change.new:
        session.add(change.row)
    session.flush()
    record(
        session,
        scanning.desk,
        change.action,
        "attendance",
        change.row.id,
        before=change.before,
        after=snapshot(change.row),
        actor=f"volunteer:{scanning.volunteer.code}",
        at=scanning.now,
    )
    return {**change.fields, "attendance_id": change.row.id}


def sign_out(scanning: ScanWrite, open_row: Attendance) -> dict[str, Any]:
    """Close the open duty; returns the result's classification fields."""
    return keep(scanning, prepare_sign_out(scanning, open_row))


def sign_in(scanning: ScanWrite, slot: SlotDef, confirm_walk_in: bool) -> dict[str, Any] | None:
    """Open a duty in `slot` today; None when a walk-in must be confirmed first."""
    change = prepare_sign_in(scanning, slot, confirm_walk_in)
    return None if change is None else keep(scanning, change)


def reopen(scanning: ScanWrite, row: Attendance) -> None:
    """Take back the sign-out of `row` ("按錯了？"): the duty is open again as it was
    before, and the undo is audited."""
    session, now = scanning.session, scanning.now
    assert session is not None
    slot = scanning.settings.slot(row.slot)
    assert slot is not None and row.in_at is not None
    before = snapshot(row)
    assigned = is_assigned(session, scanning.desk.site_id, row.volunteer_id, row.day, row.slot)
    c = classify(
        row.day,
        slot,
        row.in_at,
        None,
        assigned=assigned,
        slot_closed=False,
        now=now,
        settings=scanning.settings,
    )
    if row.resumed:
        c = without_lateness(c)
    row.out_at = None
    apply_classification(row, c, now)
    row.is_open = True
    if row.walk_in:
        row.needs_review = True
    session.flush()
    record(
        session,
        scanning.desk,
        "attendance.sign_out_undone",
        "attendance",
        row.id,
        before=before,
        after=snapshot(row),
        actor=f"volunteer:{scanning.volunteer.code}",
        at=now,
    )
