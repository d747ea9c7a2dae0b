"""The month gathered for the supervisor's workbook: roster, attendance, hours, swaps, audit anchor.

One read transaction, a handful of set-based queries; no Excel here (that is frontdesk.export).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from frontdesk.core.attendance import AttendanceStatus
from frontdesk.core.calendar import DutyCalendar
from frontdesk.core.recognition import certificate, honor_card, step_minutes
from frontdesk.core.roster import ShiftKey
from frontdesk.core.settings import SERVICE_CATEGORY, DeskSettings
from frontdesk.core.swaps import is_short_notice
from frontdesk.core.timeutil import at as local_at
from frontdesk.core.timeutil import local_day
from frontdesk.services.calendar import load_calendar
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import InvalidInput, NotFound
from frontdesk.services.month_views import (
    DEFAULT_SERVICE_CATEGORY,
    AttendanceLine,
    AuditAnchor,
    MonthReport,
    RosterEntry,
    ServiceDay,
    SwapLine,
    VolunteerHours,
)
from frontdesk.services.people import actor_names
from frontdesk.services.recognition_views import standings_in_session
from frontdesk.services.records import (
    RecordLine,
    hand_lines,
    hours_step,
    recorded_sums,
    service_item,
)
from frontdesk.services.roster import month_bounds
from frontdesk.store import audit
from frontdesk.store.models import (
    Assignment,
    Attendance,
    AuditEntry,
    Site,
    SwapRequest,
    Volunteer,
)

# Statuses in which the volunteer was at the desk (served, whatever the timing).
SERVED = frozenset(
    {
        AttendanceStatus.ON_TIME.value,
        AttendanceStatus.LATE.value,
        AttendanceStatus.EARLY_LEAVE.value,
        AttendanceStatus.LATE_EARLY_LEAVE.value,
        AttendanceStatus.NO_SIGN_OUT.value,
        AttendanceStatus.WALK_IN.value,
        AttendanceStatus.OPEN.value,
    }
)
LATE = frozenset({AttendanceStatus.LATE.value, AttendanceStatus.LATE_EARLY_LEAVE.value})
EARLY = frozenset({AttendanceStatus.EARLY_LEAVE.value, AttendanceStatus.LATE_EARLY_LEAVE.value})


def parse_month(text: str) -> tuple[int, int]:
    """'2026-12' → (2026, 12); InvalidInput names the field otherwise."""
    raw = (text or "").strip()
    try:
        y, m = raw.split("-")
        year, month = int(y), int(m)
        if len(y) != 4 or not 1 <= month <= 12 or year < 1912:
            raise ValueError
    except ValueError:
        raise InvalidInput(
            "month must be written as YYYY-MM, e.g. 2026-12", field="month", value=text
        ) from None
    return year, month


def _audit_anchor(session: Session, upto: datetime) -> AuditAnchor:
    last = session.execute(
        select(AuditEntry.id, AuditEntry.hash)
        .where(AuditEntry.at < upto)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return AuditAnchor(upto, 0, audit.GENESIS, None)
    count = session.execute(select(func.count()).where(AuditEntry.id <= last.id)).scalar_one()
    return AuditAnchor(upto, int(count), last.hash, last.id)


def _service_days(
    lines: Iterable[AttendanceLine], hand: Iterable[RecordLine], step: int, item: str
) -> tuple[ServiceDay, ...]:
    """A volunteer's month for the national system: a row per day of desk duties (each duty
    cut to the record's step, core.recognition.step_minutes) and a row per entry of hours
    entered by hand (its item and reason, no times), the lines of services.records."""
    by_day: dict[date, list[AttendanceLine]] = defaultdict(list)
    for a in lines:
        if a.credited_minutes > 0:
            by_day[a.day].append(a)
    out = []
    for d in sorted(by_day):
        rows = by_day[d]
        ins = [a.in_at for a in rows if a.in_at is not None]
        outs = [a.out_at for a in rows if a.out_at is not None]
        minutes = sum(step_minutes(a.credited_minutes, step) for a in rows)
        if minutes:
            out.append(
                ServiceDay(d, min(ins) if ins else None, max(outs) if outs else None, minutes, item)
            )
    for h in hand:
        out.append(ServiceDay(h.day, None, None, h.minutes, h.item or item, h.reason))
    return tuple(sorted(out, key=lambda sd: (sd.day, sd.first_in is None)))


def gather_in_session(
    session: Session, site_id: int, year: int, month: int, *, now: datetime
) -> MonthReport:
    """Everything the workbook shows for one site and month, as of the month's end."""
    site = session.get(Site, site_id)
    if site is None:
        raise NotFound(f"no site {site_id}", what="site", id=site_id)
    settings = load_settings(session, site_id)
    first, last = month_bounds(year, month)
    start_at = local_at(first, time(0))
    end_at = local_at(last + timedelta(days=1), time(0))
    cal = load_calendar(session, site_id, settings, first, last)

    assigned = _assigned(session, site_id, first, last)
    records = _records(session, site_id, first, last)
    month_ids = {r.volunteer_id for r in records} | {a.volunteer_id for a in assigned}
    volunteers = _month_volunteers(session, site_id, month_ids, start_at, end_at)
    attendance = [_line(r, volunteers[r.volunteer_id]) for r in records]
    category = str(settings.extra.get(SERVICE_CATEGORY) or DEFAULT_SERVICE_CATEGORY)
    return MonthReport(
        year=year,
        month=month,
        agency_name=settings.agency_name,
        desk_name=settings.desk_name,
        site_created_on=local_day(site.created_at),
        generated_at=now,
        settings=settings,
        days=cal.month(year, month),
        roster=_month_roster(assigned, attendance, cal, volunteers),
        attendance=attendance,
        volunteers=_hours(
            session, site_id, year, last, volunteers, attendance, assigned, cal, settings
        ),
        swaps=_swaps(session, site_id, settings, first, last, start_at, end_at),
        audit=_audit_anchor(session, end_at),
        service_category=category,
    )


class _Assigned(NamedTuple):
    """An assignment of the month still in force."""

    day: date
    slot: str
    volunteer_id: int
    source: str


def _assigned(session: Session, site_id: int, first: date, last: date) -> list[_Assigned]:
    rows = session.execute(
        select(Assignment.day, Assignment.slot, Assignment.volunteer_id, Assignment.source)
        .where(
            Assignment.site_id == site_id,
            Assignment.day >= first,
            Assignment.day <= last,
            Assignment.removed_at.is_(None),
        )
        .order_by(Assignment.day, Assignment.slot, Assignment.id)
    ).all()
    return [_Assigned(d, s, vid, source) for d, s, vid, source in rows]


def _records(session: Session, site_id: int, first: date, last: date) -> list[Attendance]:
    return list(
        session.scalars(
            select(Attendance)
            .where(Attendance.site_id == site_id, Attendance.day >= first, Attendance.day <= last)
            .options(selectinload(Attendance.corrections))
            .order_by(Attendance.day, Attendance.slot, Attendance.in_at, Attendance.id)
        )
    )


def _month_volunteers(
    session: Session, site_id: int, month_ids: set[int], start_at: datetime, end_at: datetime
) -> dict[int, Volunteer]:
    """By id, in code order: those on the month's roster or records, and everyone who was
    on the books during the month (created before its end, not deactivated before it began)."""
    return {
        v.id: v
        for v in session.scalars(
            select(Volunteer)
            .where(
                Volunteer.site_id == site_id,
                or_(
                    Volunteer.id.in_(month_ids),
                    and_(
                        Volunteer.created_at < end_at,
                        or_(Volunteer.status != "inactive", Volunteer.deactivated_at >= start_at),
                    ),
                ),
            )
            .order_by(Volunteer.code)
        )
    }


def _line(r: Attendance, v: Volunteer) -> AttendanceLine:
    return AttendanceLine(
        id=r.id,
        day=r.day,
        slot=r.slot,
        volunteer_id=r.volunteer_id,
        code=v.code,
        name=v.name,
        in_at=r.in_at,
        out_at=r.out_at,
        status=r.status,
        late_minutes=r.late_minutes,
        early_leave_minutes=r.early_leave_minutes,
        credited_minutes=r.credited_minutes,
        recorded_by=r.recorded_by,
        needs_review=r.needs_review,
        walk_in=r.walk_in,
        resumed=r.resumed,
        note=r.note,
        corrections=tuple(c.reason for c in r.corrections),
    )


def _month_roster(
    assigned: list[_Assigned],
    attendance: list[AttendanceLine],
    cal: DutyCalendar,
    volunteers: dict[int, Volunteer],
) -> dict[ShiftKey, list[RosterEntry]]:
    """Who was expected on each shift, and who served there without being rostered."""
    status_of = {(a.day, a.slot, a.volunteer_id): a.status for a in attendance}
    roster: dict[ShiftKey, list[RosterEntry]] = defaultdict(list)
    on_roster = set()
    for d, s, vid, source in assigned:
        on_roster.add((d, s, vid))
        status = status_of.get((d, s, vid))
        if not cal.slot_open(d, s) and status not in SERVED:
            continue  # a closed slot: nobody expected, nobody absent
        v = volunteers[vid]
        roster[ShiftKey(d, s)].append(RosterEntry(vid, v.code, v.name, source, status))
    for a in attendance:
        if (a.day, a.slot, a.volunteer_id) not in on_roster and a.status in SERVED:
            roster[ShiftKey(a.day, a.slot)].append(
                RosterEntry(a.volunteer_id, a.code, a.name, "walk_in", a.status)
            )
    return dict(roster)


def _hours(
    session: Session,
    site_id: int,
    year: int,
    last: date,
    volunteers: dict[int, Volunteer],
    attendance: list[AttendanceLine],
    assigned: list[_Assigned],
    cal: DutyCalendar,
    settings: DeskSettings,
) -> list[VolunteerHours]:
    """Each volunteer's month: duties counted by outcome; minutes of the month, the year and
    all time as the service record states them (services.records: duties cut to the step,
    hours entered by hand); the standing of the recognition page (services.recognition_views,
    prior hours and seniority included) so every output says the same."""
    step, item = hours_step(settings), service_item(settings)
    first = last.replace(day=1)
    year_sums = recorded_sums(session, site_id, date(year, 1, 1), last, step)
    total_sums = recorded_sums(session, site_id, None, last, step)
    hand = hand_lines(session, site_id, first, last)
    standing = {
        r.volunteer_id: r for r in standings_in_session(session, site_id, last, list(volunteers))
    }
    per_volunteer: dict[int, list[AttendanceLine]] = defaultdict(list)
    for a in attendance:
        per_volunteer[a.volunteer_id].append(a)
    scheduled: dict[int, int] = defaultdict(int)
    for d, s, vid, _source in assigned:
        if cal.slot_open(d, s):
            scheduled[vid] += 1

    hours = []
    for vid, v in volunteers.items():
        lines = per_volunteer.get(vid, [])
        mine = hand.get(vid, [])
        row = standing.get(vid)
        since = row.since if row else v.joined_on
        hours.append(
            VolunteerHours(
                volunteer_id=vid,
                code=v.code,
                name=v.name,
                phone=v.phone,
                status=v.status,
                service_since=since,
                deactivated_on=local_day(v.deactivated_at) if v.deactivated_at else None,
                scheduled=scheduled.get(vid, 0),
                served=sum(1 for a in lines if a.status in SERVED),
                late=sum(1 for a in lines if a.status in LATE),
                early_leave=sum(1 for a in lines if a.status in EARLY),
                absent=sum(1 for a in lines if a.status == AttendanceStatus.ABSENT.value),
                walk_in=sum(1 for a in lines if a.status == AttendanceStatus.WALK_IN.value),
                month_minutes=sum(step_minutes(a.credited_minutes, step) for a in lines)
                + sum(h.minutes for h in mine),
                year_minutes=year_sums.get(vid, 0),
                total_minutes=total_sums.get(vid, 0),
                certificate=row.standing.certificate if row else certificate(since, last, 0),
                honor_card=row.standing.honor_card if row else honor_card(since, last, 0),
                missing=row.standing.missing if row else (),
                days=_service_days(lines, mine, step, item),
            )
        )
    return hours


def _swaps(
    session: Session,
    site_id: int,
    settings: DeskSettings,
    first: date,
    last: date,
    start_at: datetime,
    end_at: datetime,
) -> list[SwapLine]:
    rows = session.scalars(
        select(SwapRequest)
        .where(
            SwapRequest.site_id == site_id,
            or_(
                and_(SwapRequest.given_day >= first, SwapRequest.given_day <= last),
                and_(SwapRequest.taken_day >= first, SwapRequest.taken_day <= last),
                and_(SwapRequest.requested_at >= start_at, SwapRequest.requested_at < end_at),
            ),
        )
        .order_by(SwapRequest.requested_at, SwapRequest.id)
    ).all()
    ids = {r.requester_id for r in rows} | {r.colleague_id for r in rows if r.colleague_id}
    people: Mapping[int, tuple[str, str]] = (
        {
            vid: (code, name)
            for vid, code, name in session.execute(
                select(Volunteer.id, Volunteer.code, Volunteer.name).where(Volunteer.id.in_(ids))
            )
        }
        if ids
        else {}
    )
    deciders = actor_names(session, site_id, (r.decided_by or "" for r in rows))
    out = []
    for r in rows:
        req = people.get(r.requester_id, ("", ""))
        col = people.get(r.colleague_id, ("", "")) if r.colleague_id else ("", "")
        out.append(
            SwapLine(
                id=r.id,
                kind=r.kind,
                state=r.state,
                requester_code=req[0],
                requester_name=req[1],
                colleague_code=col[0],
                colleague_name=col[1],
                given_day=r.given_day,
                given_slot=r.given_slot,
                taken_day=r.taken_day,
                taken_slot=r.taken_slot,
                requested_at=r.requested_at,
                agreed_at=r.agreed_at,
                decided_at=r.decided_at,
                decided_by=deciders.get(r.decided_by or "", r.decided_by or ""),
                notice_minutes=r.notice_minutes,
                notice_ok=not is_short_notice(timedelta(minutes=r.notice_minutes), settings),
                by_supervisor=r.by_supervisor,
                reason=r.reason,
                outcome_reason=r.outcome_reason,
                declined=r.declined,
                superseded_by=r.superseded_by_id,
            )
        )
    return out


def month_report(desk: Desk, year: int, month: int) -> MonthReport:
    """The month for the workbook, read in one transaction."""
    if not 1 <= month <= 12 or year < 1912:
        raise InvalidInput("month must be a real month of the ROC era", field="month")
    with desk.db.read() as session:
        return gather_in_session(session, desk.site_id, year, month, now=desk.now())
