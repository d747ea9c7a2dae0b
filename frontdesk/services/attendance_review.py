"""The supervisor's hand on attendance: paper-sheet entries, corrections, accepted reviews.

Each change keeps the record's earlier values in its correction history and the audit log.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core import text
from frontdesk.core.attendance import (
    AttendanceStatus,
    HandEntryProblem,
    classify,
    hand_entry_bounds,
    hand_entry_problem,
)
from frontdesk.core.settings import DeskSettings, SlotDef
from frontdesk.core.timeutil import local, local_day
from frontdesk.services.auditing import record, snapshot
from frontdesk.services.calendar import load_calendar
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import Conflict, InvalidInput, NotFound
from frontdesk.services.freetext import free_text
from frontdesk.services.signing import apply_classification, is_assigned
from frontdesk.services.volunteers import get as get_volunteer
from frontdesk.store.models import Attendance, AttendanceCorrection


def _validate_times(
    day: date, slot: SlotDef, in_at: datetime | None, out_at: datetime | None
) -> None:
    for name, value in (("in_at", in_at), ("out_at", out_at)):
        if value is not None and value.tzinfo is None:
            raise InvalidInput("times must carry their time zone", field=name)
        if value is not None and abs(local_day(value) - day) > timedelta(days=0):
            raise InvalidInput(f"{name} is not on {day.isoformat()}", field=name, value=value)
    if in_at is not None and out_at is not None and out_at <= in_at:
        raise InvalidInput("sign-out must be after sign-in", field="out_at", value=out_at)
    if in_at is None and out_at is not None:
        raise InvalidInput("a sign-out needs a sign-in", field="in_at")


def _refuse_outside(
    desk: Desk,
    settings: DeskSettings,
    day: date,
    slot: SlotDef,
    in_at: datetime | None,
    out_at: datetime | None,
) -> None:
    """Refuse hand-entered times in the future or outside the slot (core.attendance
    .hand_entry_problem), saying the times that would be taken."""
    now = desk.now()
    problem = hand_entry_problem(day, slot, in_at, out_at, now=now, settings=settings)
    if problem is HandEntryProblem.FUTURE:
        raise InvalidInput(
            "a hand-entered time is in the future", field="hand_time_future", now=local(now).time()
        )
    if problem is HandEntryProblem.OUTSIDE_SLOT:
        earliest, latest = hand_entry_bounds(day, slot, settings)
        raise InvalidInput(
            "a hand-entered time is outside the slot",
            field="hand_time_outside",
            slot=(slot.start, slot.end),
            bounds=(local(earliest).time(), local(latest).time()),
        )


def record_manual(
    desk: Desk,
    volunteer_id: int,
    day: date,
    slot_code: str,
    in_at: datetime | None,
    out_at: datetime | None,
    reason: str,
) -> int:
    """The paper-sheet fallback: enter (or replace) a volunteer's duty by hand, with a reason."""
    reason = free_text(reason, text.REASON, "reason")
    if not reason:
        raise InvalidInput("a manual entry needs a reason", field="reason")
    with desk.write() as session:
        settings = load_settings(session, desk.site_id)
        slot = settings.slot(slot_code)
        if slot is None:
            raise InvalidInput(f"unknown slot {slot_code!r}", field="slot", value=slot_code)
        _validate_times(day, slot, in_at, out_at)
        _refuse_outside(desk, settings, day, slot, in_at, out_at)
        v = get_volunteer(session, desk, volunteer_id)
        row = session.scalars(
            select(Attendance).where(
                Attendance.volunteer_id == v.id, Attendance.day == day, Attendance.slot == slot_code
            )
        ).first()
        if row is not None:
            return _correct(session, desk, settings, row, in_at, out_at, reason)
        now = desk.now()
        row = Attendance(
            site_id=desk.site_id,
            volunteer_id=v.id,
            day=day,
            slot=slot_code,
            in_at=in_at,
            out_at=out_at,
            recorded_by="manual",
            created_at=now,
        )
        # Classified before it joins the session: the queries inside would autoflush a
        # row without its status.
        _classify_row(session, desk, settings, row, now)
        _refuse_second_open(session, row)
        row.needs_review = False
        row.decided = True  # the correction below decides it
        session.add(row)
        session.flush()
        session.add(
            AttendanceCorrection(
                attendance_id=row.id,
                at=now,
                by=desk.actor,
                reason=reason,
                before=None,
                after=snapshot(row),
            )
        )
        record(
            session,
            desk,
            "attendance.manual",
            "attendance",
            row.id,
            after={**snapshot(row), "reason": reason},
            at=now,
        )
        return row.id


def _classify_row(
    session: Session, desk: Desk, settings: DeskSettings, row: Attendance, now: datetime
) -> None:
    slot = settings.slot(row.slot)
    assert slot is not None
    assigned = is_assigned(session, desk.site_id, row.volunteer_id, row.day, row.slot)
    closed = not load_calendar(session, desk.site_id, settings, row.day, row.day).slot_open(
        row.day, row.slot
    )
    c = classify(
        row.day,
        slot,
        row.in_at,
        row.out_at,
        assigned=assigned,
        slot_closed=closed,
        now=now,
        settings=settings,
    )
    apply_classification(row, c, now)
    # Only a sign-in without its sign-out is open (never a record with no sign-in at all).
    row.is_open = row.is_open and row.in_at is not None and row.out_at is None


def _refuse_second_open(session: Session, row: Attendance) -> None:
    """A hand entry may not open a second duty next to one the volunteer has open."""
    if not row.is_open:
        return
    stmt = select(Attendance.id).where(
        Attendance.volunteer_id == row.volunteer_id, Attendance.is_open
    )
    if row.id is not None:
        stmt = stmt.where(Attendance.id != row.id)
    with session.no_autoflush:
        other = session.scalars(stmt).first()
    if other is not None:
        raise Conflict(
            "the volunteer is signed in elsewhere; sign that duty out first",
            field="out_at",
            attendance_id=other,
        )


def _correct(
    session: Session,
    desk: Desk,
    settings: DeskSettings,
    row: Attendance,
    in_at: datetime | None,
    out_at: datetime | None,
    reason: str,
) -> int:
    now = desk.now()
    before = snapshot(row)
    row.in_at, row.out_at = in_at, out_at
    row.clock_suspect = False
    _classify_row(session, desk, settings, row, now)
    row.needs_review = False
    row.decided = True  # the correction below decides it
    if row.status == AttendanceStatus.OPEN.value and out_at is None and in_at is not None:
        # A correction decides the record; an open one stays open only if it is today's.
        row.is_open = local_day(now) == row.day
    _refuse_second_open(session, row)
    row.recorded_by = "manual" if row.recorded_by != "kiosk" else "kiosk"
    session.add(
        AttendanceCorrection(
            attendance_id=row.id,
            at=now,
            by=desk.actor,
            reason=reason,
            before=before,
            after=snapshot(row),
        )
    )
    session.flush()
    record(
        session,
        desk,
        "attendance.correct",
        "attendance",
        row.id,
        before=before,
        after={**snapshot(row), "reason": reason},
        at=now,
    )
    return row.id


def correct(
    desk: Desk, attendance_id: int, in_at: datetime | None, out_at: datetime | None, reason: str
) -> None:
    """Correct a record's times with a reason; the old values stay in its history.

    A correction that changes neither time (to the minute, as the screens show them) is
    refused (InvalidInput, field times, reason unchanged): it would write a history line
    and an audit entry saying "13:34 → 13:34". A record right as it stands is accepted
    with accept_review instead.
    """
    reason = free_text(reason, text.REASON, "reason")
    if not reason:
        raise InvalidInput("a correction needs a reason", field="reason")
    with desk.write() as session:
        row = session.get(Attendance, attendance_id)
        if row is None or row.site_id != desk.site_id:
            raise NotFound(
                f"no attendance record {attendance_id}", what="attendance", id=attendance_id
            )
        settings = load_settings(session, desk.site_id)
        slot = settings.slot(row.slot)
        assert slot is not None
        _validate_times(row.day, slot, in_at, out_at)
        if _same_minute(row.in_at, in_at) and _same_minute(row.out_at, out_at):
            raise InvalidInput("the correction changes nothing", field="times", reason="unchanged")
        # Only the times being changed are held to the slot: a kiosk record's own time stays.
        _refuse_outside(
            desk,
            settings,
            row.day,
            slot,
            None if _same_minute(row.in_at, in_at) else in_at,
            None if _same_minute(row.out_at, out_at) else out_at,
        )
        _correct(session, desk, settings, row, in_at, out_at, reason)


def _same_minute(old: datetime | None, new: datetime | None) -> bool:
    """Both absent, or the same instant to the minute (the resolution a person edits)."""
    if old is None or new is None:
        return old is new
    return old.replace(second=0, microsecond=0) == new.replace(second=0, microsecond=0)


def accept_review(desk: Desk, attendance_id: int, reason: str) -> None:
    """Accept a flagged record as it stands (e.g. a walk-in that was welcome)."""
    accept_reviews(desk, [attendance_id], reason)


def accept_reviews(desk: Desk, attendance_ids: Sequence[int], reason: str) -> int:
    """Accept several flagged records as they stand with one reason; returns how many.

    One transaction: either every record is accepted, each with its own history line and
    audit entry, or (one of them gone or of another site) none is. An id given twice
    counts once.
    """
    reason = free_text(reason, text.REASON, "reason")
    if not reason:
        raise InvalidInput("a review decision needs a reason", field="reason")
    ids = list(dict.fromkeys(attendance_ids))
    if not ids:
        raise InvalidInput("no record to accept", field="attendance")
    with desk.write() as session:
        now = desk.now()
        for attendance_id in ids:
            row = session.get(Attendance, attendance_id)
            if row is None or row.site_id != desk.site_id:
                raise NotFound(
                    f"no attendance record {attendance_id}", what="attendance", id=attendance_id
                )
            before = snapshot(row)
            row.needs_review = False
            row.decided = True
            row.updated_at = now
            session.add(
                AttendanceCorrection(
                    attendance_id=row.id,
                    at=now,
                    by=desk.actor,
                    reason=reason,
                    before=before,
                    after=snapshot(row),
                )
            )
            record(
                session,
                desk,
                "attendance.accept",
                "attendance",
                row.id,
                before=before,
                after={**snapshot(row), "reason": reason},
                at=now,
            )
        return len(ids)


def settle_by_calendar(
    session: Session, desk: Desk, day: date, slot: str | None, cause: str
) -> list[int]:
    """Judge again, by the calendar as it now stands, every closed record of `day` (of one
    slot, or all): a closure entered after the sweep turns its absences into cancelled
    shifts (out of the review queue and the workbook's absences), minutes served anyway
    are kept and asked about (core.attendance, served_while_closed); a reopened slot gets
    them back, an absence flagged again unless a supervisor had decided on it. Each record
    that changes is audited with `cause` (the calendar action). Returns their ids.
    """
    settings = load_settings(session, desk.site_id)
    stmt = select(Attendance).where(
        Attendance.site_id == desk.site_id,
        Attendance.day == day,
        Attendance.is_open.is_(False),
    )
    if slot is not None:
        stmt = stmt.where(Attendance.slot == slot)
    now = desk.now()
    changed = []
    for row in session.scalars(stmt.order_by(Attendance.id)):
        if settings.slot(row.slot) is None:
            continue
        before = snapshot(row)
        # Judged no earlier than it was last judged: an absence stays past its slot's end.
        _classify_row(session, desk, settings, row, max(now, row.updated_at))
        if row.status == AttendanceStatus.ABSENT.value and not row.corrections:
            row.needs_review = True  # as the sweep records an absence
        after = snapshot(row)
        if after == before:
            continue
        record(
            session,
            desk,
            "attendance.settle",
            "attendance",
            row.id,
            before=before,
            after={**after, "cause": cause},
            at=now,
        )
        changed.append(row.id)
    return changed
