"""One desk scan received by the server, exactly once, through the same scan service.

Every scan of a desk that can go offline carries a scan id, online ones too: the receipt
(scan_receipt, its scan_id unique) is written in the scan's own transaction, so a scan sent
again after a crash, or an online answer that timed out on the desk but reached the server,
changes nothing the second time. A journaled scan is decided by services.attendance.scan at
its original instant; a differing answer is recorded as the server decides it and flagged
for review with its reason (core.offline.conflict_of).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.attendance import AttendanceStatus, ScanOutcome
from frontdesk.core.offline import Conflict, Told, conflict_of
from frontdesk.core.timeutil import local_day
from frontdesk.services import attendance
from frontdesk.services.attendance import ScanResult
from frontdesk.services.auditing import record, snapshot
from frontdesk.services.context import Desk
from frontdesk.services.errors import Conflict as RefusedConflict
from frontdesk.services.errors import NotFound
from frontdesk.services.offline.enclosed import Enclosed
from frontdesk.services.offline.journal import UNDO, Entry
from frontdesk.services.safety import server_now
from frontdesk.store.models import Attendance, Volunteer
from frontdesk.store.offline_models import ScanReceipt

UNDO_REFUSED = "undo_refused"  # a receipt's outcome: the take-back could not be done


@dataclass(frozen=True)
class Received:
    """The server's answer to a sent scan; `again`: it had been received before."""

    outcome: str
    conflict: str | None
    again: bool = False


@dataclass(frozen=True)
class OnlineScan:
    """An online scan's answer and the attendance rows it wrote, for the desk's replica."""

    result: ScanResult
    rows: list[dict[str, Any]]


def scan_online(
    desk: Desk,
    desk_id: str,
    scan_id: str,
    code: str,
    *,
    confirm_walk_in: bool = False,
    confirm_sign_out: bool = False,
) -> OnlineScan:
    """services.attendance.scan on the server with its receipt written with its record;
    `desk_id` is the scanning desk's id (services.offline.identity). On PostgreSQL in two
    round trips when it can (services.scan_fast), else in one write transaction."""
    from frontdesk.core.codes import normalise_code
    from frontdesk.services import scan_fast

    if scan_fast.usable(desk, None) and normalise_code(code):
        receipt = scan_fast.ReceiptFor(desk_id, scan_id, code)
        confirmed = (confirm_sign_out, confirm_walk_in)
        fast = scan_fast.scan(desk, normalise_code(code), confirmed, None, receipt)
        if fast is not None:
            return OnlineScan(attendance.with_standing(desk, fast.result, fast.day), fast.rows)
    with desk.db.write(desk.site_id) as session:
        inside = replace(desk, db=Enclosed(desk.db, session))
        result = attendance.scan(
            inside, code, confirm_walk_in=confirm_walk_in, confirm_sign_out=confirm_sign_out
        )
        rows: list[dict[str, Any]] = []
        if result.attendance_id is not None:
            row = session.get(Attendance, result.attendance_id)
            assert row is not None
            _keep_flag(session, row)
            rows.append(_row_values(row))
            _receipt(session, desk, desk_id, scan_id, code, result, None, None, result.at)
        return OnlineScan(result, rows)


def receive(desk: Desk, desk_id: str, entry: Entry) -> Received:
    """Send journaled `entry` to the server: decided there at its original instant and
    clock state, flagged when the answer differs; once, whatever happened before."""
    return receive_all(desk, desk_id, [entry])[0]


def receive_all(desk: Desk, desk_id: str, entries: list[Entry]) -> list[Received]:
    """Send `entries` in their order in one server transaction (fewer commits and lock
    waits than one each); each is received once, as `receive` says. All or none commit."""
    with desk.db.write(desk.site_id) as session:
        inside = replace(desk, db=Enclosed(desk.db, session))
        known = {
            r.scan_id: r
            for r in session.scalars(
                select(ScanReceipt).where(ScanReceipt.scan_id.in_([e.scan_id for e in entries]))
            )
        }
        received_at = _received_at(session, desk)
        return [
            _receive(session, inside, desk_id, entry, known.get(entry.scan_id), received_at)
            for entry in entries
        ]


def _receive(
    session: Session,
    desk: Desk,
    desk_id: str,
    entry: Entry,
    found: ScanReceipt | None,
    received_at: datetime,
) -> Received:
    """One entry of receive_all, in its transaction; `found`: its receipt, if any."""
    if found is not None:
        return Received(found.outcome, found.conflict, again=True)
    if entry.kind == UNDO:
        result, conflict = _undo(session, desk, entry)
    else:
        result, conflict = _scan(session, desk, entry)
    touched = _flag(session, desk, desk_id, entry, result, conflict)
    result = replace(result, attendance_id=touched)  # the record the receipt names
    _receipt(
        session, desk, desk_id, entry.scan_id, entry.code, result, entry, conflict, received_at
    )
    return Received(_outcome(result, conflict), conflict.value if conflict else None)


def _scan(session: Session, desk: Desk, entry: Entry) -> tuple[ScanResult, Conflict | None]:
    """The scan decided by the server at its instant; a question the volunteer had already
    answered offline (the walk-in, the early sign-out) is answered the same way."""
    # only a sign-in can fill a duty the sweep marked absent
    absent = _absent_ids(session, desk, entry) if entry.outcome == "signed_in" else set()
    flags = {"confirm_walk_in": entry.confirm_walk_in, "confirm_sign_out": entry.confirm_sign_out}
    result = attendance.scan(desk, entry.code, now=entry.scanned_at, **flags)
    if result.outcome is ScanOutcome.CONFIRM_WALK_IN and entry.outcome == ScanOutcome.SIGNED_IN:
        flags["confirm_walk_in"] = True
        result = attendance.scan(desk, entry.code, now=entry.scanned_at, **flags)
    if result.outcome is ScanOutcome.CONFIRM_SIGN_OUT and entry.outcome == ScanOutcome.SIGNED_OUT:
        flags["confirm_sign_out"] = True
        result = attendance.scan(desk, entry.code, now=entry.scanned_at, **flags)
    told = Told(entry.outcome, entry.slot, entry.status)
    server = Told(
        result.outcome.value,
        result.slot.code if result.slot else None,
        result.status.value if result.status else None,
    )
    conflict = conflict_of(
        told,
        server,
        scanned_at=entry.scanned_at,
        recorded_at=result.at,
        was_absent=result.attendance_id in absent,
    )
    return result, conflict


def _undo(session: Session, desk: Desk, entry: Entry) -> tuple[ScanResult, Conflict | None]:
    """The take-back of a sign-out sent before it: undone on the server at its instant,
    or, when that can no longer be done there, recorded as refused and flagged."""
    target = session.scalars(
        select(ScanReceipt).where(ScanReceipt.scan_id == entry.target_scan_id)
    ).first()
    refused = ScanResult(ScanOutcome.NO_MORE_SLOTS, entry.scanned_at, code=entry.code)
    if target is None or target.attendance_id is None:
        return replace(refused, attendance_id=None), Conflict.UNDO_REFUSED
    try:
        return attendance.undo_sign_out(desk, target.attendance_id, now=entry.scanned_at), None
    except (RefusedConflict, NotFound):
        return replace(refused, attendance_id=target.attendance_id), Conflict.UNDO_REFUSED


def _absent_ids(session: Session, desk: Desk, entry: Entry) -> set[int]:
    """The volunteer's records of the scan's day that the sweep had marked absent."""
    day = local_day(entry.scanned_at)
    ids = session.scalars(
        select(Attendance.id)
        .join(Volunteer, Volunteer.id == Attendance.volunteer_id)
        .where(
            Volunteer.site_id == desk.site_id,
            Volunteer.code == entry.code,
            Attendance.day == day,
            Attendance.status == AttendanceStatus.ABSENT.value,
            Attendance.in_at.is_(None),
        )
    )
    return set(ids)


def _flag(
    session: Session,
    desk: Desk,
    desk_id: str,
    entry: Entry,
    result: ScanResult,
    conflict: Conflict | None,
) -> int | None:
    """Flag the record a replayed scan touched: its conflict, and a clock that was in
    doubt on the desk when the scan was made (as an online scan on that clock would be).
    Returns that record's id (None: the volunteer has none that day)."""
    row = _touched(session, result)
    if row is None:
        return None
    _keep_flag(session, row)
    if entry.clock_suspect and not row.clock_suspect:
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
            at=entry.scanned_at,
        )
    if conflict is not None:
        before = snapshot(row)
        row.needs_review = True
        session.flush()
        record(
            session,
            desk,
            "attendance.offline_conflict",
            "attendance",
            row.id,
            before=before,
            after={**snapshot(row), "offline_conflict": conflict.value, "desk": desk_id},
            actor="system",
            at=result.at,
        )
    return row.id


def _keep_flag(session: Session, row: Attendance) -> None:
    """A record an earlier replayed scan flagged stays flagged when a later scan closes
    or reopens it (the scan service judges the record afresh), until the supervisor
    reviews it."""
    if row.needs_review:
        return
    flagged = session.scalars(
        select(ScanReceipt.id)
        .where(ScanReceipt.attendance_id == row.id, ScanReceipt.conflict.is_not(None))
        .limit(1)
    ).first()
    if flagged is not None:
        row.needs_review = True
        session.flush()


def _touched(session: Session, result: ScanResult) -> Attendance | None:
    """The record a scan wrote, else the volunteer's newest record of that day."""
    if result.attendance_id is not None:
        return session.get(Attendance, result.attendance_id)
    if result.volunteer_id is None:
        return None
    return session.scalars(
        select(Attendance)
        .where(
            Attendance.volunteer_id == result.volunteer_id,
            Attendance.day == local_day(result.at),
        )
        .order_by(Attendance.id.desc())
        .limit(1)
    ).first()


def _receipt(
    session: Session,
    desk: Desk,
    desk_id: str,
    scan_id: str,
    code: str,
    result: ScanResult,
    entry: Entry | None,
    conflict: Conflict | None,
    received_at: datetime,
) -> None:
    session.add(
        ScanReceipt(
            scan_id=scan_id,
            site_id=desk.site_id,
            desk=desk_id,
            code=code[:32],
            scanned_at=entry.scanned_at if entry is not None else result.at,
            received_at=received_at,
            outcome=_outcome(result, conflict),
            offline_outcome=entry.outcome if entry is not None else None,
            attendance_id=result.attendance_id,
            conflict=conflict.value if conflict else None,
        )
    )
    session.flush()


def _outcome(result: ScanResult, conflict: Conflict | None) -> str:
    """The server's answer as the receipt keeps it."""
    return UNDO_REFUSED if conflict is Conflict.UNDO_REFUSED else result.outcome.value


def _received_at(session: Session, desk: Desk) -> datetime:
    """The server's clock on PostgreSQL (every PC agrees), else the desk's."""
    return server_now(session) if not desk.db.is_sqlite else desk.now()


def _row_values(row: Attendance) -> dict[str, Any]:
    table = Attendance.__table__
    return {c.name: getattr(row, c.key) for c in table.columns}  # type: ignore[attr-defined]
