"""The month gathered for the supervisor's workbook: roster, attendance, hours, swaps, audit anchor.

One read transaction, a handful of set-based queries; no Excel here (that is frontdesk.export).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from frontdesk.core.attendance import AttendanceStatus
from frontdesk.core.calendar import DayInfo
from frontdesk.core.recognition import (
    Recognition,
    certificate,
    honor_card,
)
from frontdesk.core.roster import ShiftKey
from frontdesk.core.settings import SERVICE_CATEGORY, DeskSettings
from frontdesk.core.swaps import is_short_notice
from frontdesk.core.timeutil import at as local_at
from frontdesk.core.timeutil import local_day
from frontdesk.services.calendar import load_calendar
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import InvalidInput, NotFound
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

# Recognition under the Volunteer Service Act (志願服務法) as supervisors track it.
DEFAULT_SERVICE_CATEGORY = "服務台諮詢引導"
SERVICE_CATEGORY_SETTING = SERVICE_CATEGORY  # kept for callers; the name lives in core


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One name in a roster cell: who, how they got there, and what happened."""

    volunteer_id: int
    code: str
    name: str
    source: str  # pattern, manual, swap, walk_in (served without an assignment)
    status: str | None  # the attendance status, None when nothing is recorded yet


@dataclass(frozen=True, slots=True)
class AttendanceLine:
    id: int
    day: date
    slot: str
    volunteer_id: int
    code: str
    name: str
    in_at: datetime | None  # aware UTC
    out_at: datetime | None
    status: str
    late_minutes: int
    early_leave_minutes: int
    credited_minutes: int
    recorded_by: str
    needs_review: bool
    walk_in: bool  # signed in at the kiosk without an assignment
    resumed: bool  # a second segment of the same slot
    note: str  # words a person wrote
    corrections: tuple[str, ...]  # the reasons, oldest first


@dataclass(frozen=True, slots=True)
class ServiceDay:
    """A volunteer's service on one day, the unit the national system takes."""

    day: date
    first_in: datetime | None
    last_out: datetime | None
    minutes: int


@dataclass(frozen=True, slots=True)
class VolunteerHours:
    volunteer_id: int
    code: str
    name: str
    phone: str | None
    status: str
    service_since: date | None  # joined_on, else the first recorded duty
    deactivated_on: date | None
    scheduled: int
    served: int
    late: int
    early_leave: int
    absent: int
    walk_in: int
    month_minutes: int
    year_minutes: int
    total_minutes: int
    certificate: Recognition
    honor_card: Recognition
    days: tuple[ServiceDay, ...] = ()


@dataclass(frozen=True, slots=True)
class SwapLine:
    id: int
    kind: str
    state: str
    requester_code: str
    requester_name: str
    colleague_code: str
    colleague_name: str
    given_day: date
    given_slot: str
    taken_day: date | None
    taken_slot: str | None
    requested_at: datetime
    agreed_at: datetime | None
    decided_at: datetime | None
    decided_by: str
    notice_minutes: int
    notice_ok: bool  # met the one-week rule (swap_notice_days)
    by_supervisor: bool
    reason: str
    outcome_reason: str  # what a supervisor typed with the decision
    declined: bool  # rejected by the colleague, not by a supervisor
    superseded_by: int | None  # invalid because this approved swap took the shift first


@dataclass(frozen=True, slots=True)
class AuditAnchor:
    """The head of the audit chain as it stood at the end of the month."""

    upto: datetime  # exclusive: the first instant of the next month, Taipei
    entries: int
    head_hash: str  # audit.GENESIS when there were no entries yet
    head_id: int | None


@dataclass(frozen=True)
class MonthReport:
    year: int
    month: int
    agency_name: str
    desk_name: str
    site_created_on: date
    generated_at: datetime
    settings: DeskSettings
    days: list[DayInfo]
    roster: dict[ShiftKey, list[RosterEntry]]
    attendance: list[AttendanceLine]
    volunteers: list[VolunteerHours]
    swaps: list[SwapLine]
    audit: AuditAnchor
    service_category: str = DEFAULT_SERVICE_CATEGORY
    notes: list[str] = field(default_factory=list)

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return month_bounds(self.year, self.month)[1]

    @property
    def before_site(self) -> bool:
        """The whole month lies before the site was set up."""
        return self.last < self.site_created_on


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


def _sums(session: Session, site_id: int, start: date | None, end: date) -> dict[int, int]:
    stmt = select(Attendance.volunteer_id, func.sum(Attendance.credited_minutes)).where(
        Attendance.site_id == site_id, Attendance.day <= end
    )
    if start is not None:
        stmt = stmt.where(Attendance.day >= start)
    rows = session.execute(stmt.group_by(Attendance.volunteer_id))
    return {vid: int(total or 0) for vid, total in rows}


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


def _service_days(lines: Iterable[AttendanceLine]) -> tuple[ServiceDay, ...]:
    by_day: dict[date, list[AttendanceLine]] = defaultdict(list)
    for a in lines:
        if a.credited_minutes > 0:
            by_day[a.day].append(a)
    out = []
    for d in sorted(by_day):
        rows = by_day[d]
        ins = [a.in_at for a in rows if a.in_at is not None]
        outs = [a.out_at for a in rows if a.out_at is not None]
        out.append(
            ServiceDay(
                d,
                min(ins) if ins else None,
                max(outs) if outs else None,
                sum(a.credited_minutes for a in rows),
            )
        )
    return tuple(out)


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
    days = cal.month(year, month)

    assigned = session.execute(
        select(Assignment.day, Assignment.slot, Assignment.volunteer_id, Assignment.source)
        .where(
            Assignment.site_id == site_id,
            Assignment.day >= first,
            Assignment.day <= last,
            Assignment.removed_at.is_(None),
        )
        .order_by(Assignment.day, Assignment.slot, Assignment.id)
    ).all()
    records = list(
        session.scalars(
            select(Attendance)
            .where(Attendance.site_id == site_id, Attendance.day >= first, Attendance.day <= last)
            .options(selectinload(Attendance.corrections))
            .order_by(Attendance.day, Attendance.slot, Attendance.in_at, Attendance.id)
        )
    )
    month_ids = {r.volunteer_id for r in records} | {a.volunteer_id for a in assigned}
    volunteers: dict[int, Volunteer] = {
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

    attendance = [
        AttendanceLine(
            id=r.id,
            day=r.day,
            slot=r.slot,
            volunteer_id=r.volunteer_id,
            code=volunteers[r.volunteer_id].code,
            name=volunteers[r.volunteer_id].name,
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
        for r in records
    ]
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

    year_sums = _sums(session, site_id, date(year, 1, 1), last)
    total_sums = _sums(session, site_id, None, last)
    first_duty: dict[int, date] = {}
    if volunteers:
        rows = session.execute(
            select(Attendance.volunteer_id, func.min(Attendance.day))
            .where(
                Attendance.site_id == site_id,
                Attendance.volunteer_id.in_(list(volunteers)),
                Attendance.day <= last,
            )
            .group_by(Attendance.volunteer_id)
        )
        first_duty = {vid: day for vid, day in rows}
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
        since = v.joined_on or first_duty.get(vid)
        total = total_sums.get(vid, 0)
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
                month_minutes=sum(a.credited_minutes for a in lines),
                year_minutes=year_sums.get(vid, 0),
                total_minutes=total,
                certificate=certificate(since, last, total),
                honor_card=honor_card(since, last, total),
                days=_service_days(lines),
            )
        )

    swaps = _swaps(session, site_id, settings, first, last, start_at, end_at)
    category = str(settings.extra.get(SERVICE_CATEGORY_SETTING) or DEFAULT_SERVICE_CATEGORY)
    return MonthReport(
        year=year,
        month=month,
        agency_name=settings.agency_name,
        desk_name=settings.desk_name,
        site_created_on=local_day(site.created_at),
        generated_at=now,
        settings=settings,
        days=days,
        roster=dict(roster),
        attendance=attendance,
        volunteers=hours,
        swaps=swaps,
        audit=_audit_anchor(session, end_at),
        service_category=category,
    )


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
                decided_by=r.decided_by or "",
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
