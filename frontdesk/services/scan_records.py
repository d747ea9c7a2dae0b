"""What a scan reads of its volunteer's records, and the decision made from it.

Shared by the scan in a write transaction (services.attendance) and the PostgreSQL fast
path that reads everything in one round trip and writes in one more (services.scan_fast):
the same statement reads the records, the same function decides (core.attendance).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, select, union_all
from sqlalchemy.orm import Session

from frontdesk.core.attendance import OpenRecord, ScanDecision, decide_scan
from frontdesk.core.calendar import DayInfo
from frontdesk.core.settings import DeskSettings
from frontdesk.services import signing
from frontdesk.store.models import Attendance

ATTENDANCE_COLUMNS = tuple(Attendance.__table__.columns)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Records:
    """What a scan reads of its volunteer's records, in one statement."""

    open: list[Attendance]
    untold: list[Attendance]  # closed by the sweep, the volunteer not told yet
    todays: signing.DayRows
    last_event: datetime | None  # their latest recorded instant


def records_union(volunteer: ColumnElement[int] | int, days: Iterable[date]) -> CompoundSelect[Any]:
    """The volunteer's open duties, the duties the sweep closed that they were not told of
    yet, their records of `days` (today; the fast path reads the days around it), and the
    two records holding their latest instant: one statement (each round trip is paid at
    the desk on a server), each part read by its own index, the record's columns each.

    The latest instant is max(coalesce(out_at, in_at)) over the records with a sign-in:
    the latest sign-out (ix_attendance_volunteer_out) or the latest sign-in never signed
    out (ix_attendance_volunteer_open_in), whichever is later.
    """
    mine = Attendance.volunteer_id == volunteer
    signed_in = Attendance.in_at.is_not(None)
    latest_out = (
        select(Attendance.id)
        .where(mine, signed_in, Attendance.out_at.is_not(None))
        .order_by(Attendance.out_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    latest_open_in = (
        select(Attendance.id)
        .where(mine, Attendance.out_at.is_(None), signed_in)
        .order_by(Attendance.in_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    days = sorted(set(days))
    on_days = Attendance.day == days[0] if len(days) == 1 else Attendance.day.in_(days)
    return union_all(
        select(*ATTENDANCE_COLUMNS).where(mine, Attendance.is_open),
        select(*ATTENDANCE_COLUMNS).where(
            mine, Attendance.auto_closed_at.is_not(None), Attendance.notified_at.is_(None)
        ),
        select(*ATTENDANCE_COLUMNS).where(mine, on_days),
        select(*ATTENDANCE_COLUMNS).where(Attendance.id.in_([latest_out, latest_open_in])),
    )


def volunteer_records(session: Session, volunteer_id: int, today: date) -> Records:
    """records_union() of one volunteer read in `session`, as records (ORM objects)."""
    parts = records_union(volunteer_id, [today])
    return records_from(session.scalars(select(Attendance).from_statement(parts)), today)


def records_from(rows: Iterable[Attendance], today: date) -> Records:
    """The records read by records_union(), each once, sorted out."""
    found = {a.id: a for a in rows}
    ordered = [found[i] for i in sorted(found)]
    instants = [a.out_at or a.in_at for a in ordered if a.in_at is not None]
    return Records(
        open=[a for a in ordered if a.is_open],
        untold=[a for a in ordered if a.auto_closed_at is not None and a.notified_at is None],
        todays=signing.DayRows(today, tuple(a for a in ordered if a.day == today)),
        last_event=max((t for t in instants if t is not None), default=None),
    )


def decide(
    settings: DeskSettings,
    info: DayInfo,
    own: Iterable[str],
    mine: Records,
    now: datetime,
    confirmed: tuple[bool, bool],
) -> ScanDecision:
    """What this scan means (core.attendance.decide_scan) given the volunteer's last event,
    the day `info` of today and the codes of their duties of the day (`own`);
    `confirmed`: the early sign-out, the walk-in."""
    open_row = next((a for a in mine.open if a.is_open), None)
    today = mine.todays.day
    # the day's signed-out records, from the records of the day read with the others
    signed_out = [
        (a.slot, a.out_at)
        for a in mine.todays.rows
        if a.day == today and a.out_at is not None and not a.is_open
    ]
    open_rec = (
        OpenRecord(open_row.day, open_row.slot, open_row.in_at)
        if open_row and open_row.in_at
        else None
    )
    return decide_scan(
        now,
        info,
        settings,
        open_rec,
        mine.last_event,
        own_slots=set(own),
        signed_out={slot: out_at for slot, out_at in signed_out if out_at is not None},
        sign_out_confirmed=confirmed[0],
        walk_in_confirmed=confirmed[1],
    )
